"""Python baselines for bench/triads.js: signed triad census with networkx and python-igraph.

Reads the graphs bench/triads.js wrote (one CSV per graph: header `u,v,sign,weight`, node
indices 0..n-1), builds each graph once (not timed), then times, per library, the whole signed
census: listing every triangle, looking up its three signs and weights, and counting triangles
and summed weight (product of the three edge weights) per pattern +++, ++-, +--, ---.

  networkx-cliques  nx.enumerate_all_cliques, stopped at the first clique of size 4
  networkx-sets     for each edge (u, v) with u < v in node order, the common neighbours w > v
                    by intersecting the adjacency dicts' key views (what nx.triangles does)
  igraph            Graph.list_triangles(), then the edge ids of the three sides with
                    Graph.get_eids and the counts with numpy (vectorised)

Usage: python3 bench/triads_baseline.py SPEC.json  ->  JSON on stdout, one entry per graph:
{name: {method: {"ms": [run times], "counts": [4 ints], "weights": [4 floats]}}}
"""
import json
import sys
import time

import igraph
import networkx as nx
import numpy as np


def read_graph(path):
    rows = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    return rows[:, 0].astype(np.int64), rows[:, 1].astype(np.int64), rows[:, 2].astype(np.int64), rows[:, 3]


def census_cliques(G):
    counts = [0, 0, 0, 0]
    weights = [0.0, 0.0, 0.0, 0.0]
    adj = G.adj
    for clique in nx.enumerate_all_cliques(G):
        size = len(clique)
        if size < 3:
            continue
        if size > 3:
            break
        a, b, c = clique
        ab, ac, bc = adj[a][b], adj[a][c], adj[b][c]
        neg = (ab["sign"] < 0) + (ac["sign"] < 0) + (bc["sign"] < 0)
        counts[neg] += 1
        weights[neg] += ab["weight"] * ac["weight"] * bc["weight"]
    return counts, weights


def census_sets(G):
    counts = [0, 0, 0, 0]
    weights = [0.0, 0.0, 0.0, 0.0]
    adj = G.adj
    order = {node: i for i, node in enumerate(G)}
    for u, nbrs in adj.items():
        ou = order[u]
        keys_u = nbrs.keys()
        for v, uv in nbrs.items():
            ov = order[v]
            if ov <= ou:
                continue
            av = adj[v]
            for w in keys_u & av.keys():
                if order[w] <= ov:
                    continue
                uw, vw = nbrs[w], av[w]
                neg = (uv["sign"] < 0) + (uw["sign"] < 0) + (vw["sign"] < 0)
                counts[neg] += 1
                weights[neg] += uv["weight"] * uw["weight"] * vw["weight"]
    return counts, weights


def census_igraph(g, sign, weight):
    tri = g.list_triangles()
    if not tri:
        return [0, 0, 0, 0], [0.0, 0.0, 0.0, 0.0]
    t = np.asarray(tri, dtype=np.int64)
    pairs = np.concatenate([t[:, [0, 1]], t[:, [0, 2]], t[:, [1, 2]]])
    eids = np.asarray(g.get_eids(pairs=pairs.tolist()), dtype=np.int64).reshape(3, -1)
    neg = (sign[eids] < 0).sum(axis=0)
    w = weight[eids].prod(axis=0)
    counts = np.bincount(neg, minlength=4)
    weights = np.bincount(neg, weights=w, minlength=4)
    return counts.tolist(), weights.tolist()


def timed(fn, runs):
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return times, result


def main():
    spec = json.load(open(sys.argv[1]))
    out = {}
    for graph in spec["graphs"]:
        u, v, s, w = read_graph(graph["file"])
        n = graph["nodes"]
        G = nx.Graph()
        G.add_nodes_from(range(n))
        G.add_edges_from(
            (int(a), int(b), {"sign": int(x), "weight": float(y)}) for a, b, x, y in zip(u, v, s, w)
        )
        g = igraph.Graph(n=n, edges=np.column_stack([u, v]).tolist())
        sign = s.astype(np.int8)
        weight = w.astype(np.float64)
        runs = graph["runs"]
        entry = {}
        for name, fn, r in (
            ("networkx-cliques", lambda: census_cliques(G), graph.get("cliqueRuns", runs)),
            ("networkx-sets", lambda: census_sets(G), runs),
            ("igraph", lambda: census_igraph(g, sign, weight), runs),
        ):
            if r <= 0:
                continue
            times, (counts, weights) = timed(fn, r)
            entry[name] = {"ms": times, "counts": [int(c) for c in counts], "weights": weights}
        out[graph["name"]] = entry
        print(f"python: {graph['name']} done", file=sys.stderr)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
