"""Baseline for bench/brokerage.js: betweenness centrality with networkx and igraph.

Reads an undirected edge list written by bench/brokerage.js (first line: the number of nodes n;
then one `a b` pair of 0-based node indices per line), so all tools see exactly the same graph,
times networkx.betweenness_centrality (default normalisation: ordered-pair sum / ((n-1)(n-2)))
and igraph Graph.betweenness(directed=False) (unordered-pair sum, rescaled here to the same
normalisation), and prints JSON: seconds per tool and both score vectors.

Usage: /usr/bin/python3 bench/brokerage_baseline.py EDGES_FILE [--skip-networkx]
"""
import json
import sys
import time

import igraph
import networkx as nx


def main():
    path = sys.argv[1]
    skip_nx = "--skip-networkx" in sys.argv
    with open(path) as f:
        n = int(f.readline())
        edges = [tuple(map(int, line.split())) for line in f if line.strip()]
    out = {"n": n, "m": len(edges)}

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    if not skip_nx:
        t = time.perf_counter()
        b = nx.betweenness_centrality(g)
        out["networkx_s"] = time.perf_counter() - t
        out["networkx"] = [b[i] for i in range(n)]

    h = igraph.Graph(n=n, edges=edges, directed=False)
    t = time.perf_counter()
    bi = h.betweenness(directed=False)
    out["igraph_s"] = time.perf_counter() - t
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    out["igraph"] = [x * scale for x in bi]
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
