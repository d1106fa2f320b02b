"""Baseline for bench/landscape.js: a vectorised numpy brute force of the landscape-theory
energy landscape (Axelrod & Bennett 1993) — all 2^(n-1) two-coalition configurations (actor 0
fixed on side 0), energies and the local-minimum test for every configuration, in chunks via
matrix products (the spins and fields of the low 16 actors are computed once and reused by
every chunk).

Reads {"sizes": [...], "propensity": [...n*n...], "runs": r} as JSON on stdin; prints JSON with
the best (minimum) wall and CPU (all threads) times over the runs, the number of local minima and the lowest energy.
"""
import json
import sys
import time

import numpy as np


def scan(w, n, chunk_bits=16):
    m = n - 1
    total = 1 << m
    low = min(chunk_bits, m)
    chunk = 1 << low
    # E = sum_{i<j} W_ij d_ij = (sum_{i<j} W_ij)/2 - sigma^T W sigma / 4
    half_upper = np.triu(w, 1).sum() / 2.0
    scale = np.abs(w).sum(axis=1).max()
    tol = 1e-10 * scale
    # Spins of actors 1..low for every low mask, and their share of the local fields, computed
    # once; each chunk fixes the spins of the other actors and adds their share as one vector.
    idx = np.arange(chunk, dtype=np.int64)
    sig = np.empty((chunk, n))
    sig[:, 0] = 1.0
    sig[:, 1:low + 1] = 1.0 - 2.0 * ((idx[:, None] >> np.arange(low)) & 1)
    h_low = sig[:, :low + 1] @ w[:low + 1, :]
    minima = []
    for hi in range(total >> low):
        s_high = 1.0 - 2.0 * ((hi >> np.arange(m - low)) & 1)
        sig[:, low + 1:] = s_high
        h = h_low + s_high @ w[low + 1:, :]
        delta = sig * h                  # energy change if each actor switches
        is_min = (delta >= -tol).all(axis=1)
        if is_min.any():
            minima.append(half_upper - delta[is_min].sum(axis=1) / 4.0)
    return np.concatenate(minima) if minima else np.empty(0)


def main():
    data = json.load(sys.stdin)
    sizes = np.array(data["sizes"], dtype=np.float64)
    n = len(sizes)
    p = np.array(data["propensity"], dtype=np.float64).reshape(n, n)
    w = sizes[:, None] * sizes[None, :] * p
    best = float("inf")
    best_cpu = float("inf")
    energies = None
    for _ in range(data.get("runs", 3)):
        t0 = time.perf_counter()
        c0 = time.process_time()
        energies = scan(w, n)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best = min(best, time.perf_counter() - t0)
    print(json.dumps({
        "ms": best * 1000,
        "cpuMs": best_cpu * 1000,
        "minima": int(len(energies)),
        "lowest": float(energies.min()),
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
