"""Who is central, who clusters with whom: node rankings and per-graph summaries.

Every function takes any graph the build module makes (directed or not, multigraph or not)
and returns plain rows (dicts of str/int/float), ranked, ready for a table or CSV.
"""
from __future__ import annotations

import networkx as nx
import numpy as np

SEED = 42
EXACT_LIMIT = 500        # betweenness is sampled from this many sources above it
DENSE_LIMIT = 4000       # eigenvector centrality by dense eigendecomposition up to this


def simple(G: nx.Graph) -> nx.Graph:
    """Collapse parallel edges into one, summing their weights."""
    if not G.is_multigraph():
        return G
    H = nx.DiGraph() if G.is_directed() else nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.graph.update(G.graph)
    for u, v, w in G.edges(data="weight", default=1):
        if H.has_edge(u, v):
            H.edges[u, v]["weight"] += w
        else:
            H.add_edge(u, v, weight=w)
    return H


def eigenvector(G: nx.Graph) -> dict:
    """Weighted eigenvector centrality on the undirected view, per connected component,
    each component's scores scaled by its share of the nodes (isolated nodes score 0)."""
    U = simple(G).to_undirected() if G.is_directed() else simple(G)
    n = U.number_of_nodes()
    out = {node: 0.0 for node in U}
    for comp in nx.connected_components(U):
        if len(comp) < 2:
            continue
        for node, score in _principal(U.subgraph(comp)).items():
            out[node] = score * len(comp) / n
    return out


def _principal(sub: nx.Graph) -> dict:
    """Unit-length principal eigenvector of a connected component's weighted adjacency."""
    if sub.number_of_nodes() <= DENSE_LIMIT:       # exact, numpy only (no SciPy needed)
        nodes = list(sub)
        _, vectors = np.linalg.eigh(nx.to_numpy_array(sub, nodelist=nodes, weight="weight"))
        v = np.abs(vectors[:, -1])
        return dict(zip(nodes, (v / np.linalg.norm(v)).tolist()))
    try:
        return nx.eigenvector_centrality(sub, weight="weight", max_iter=1000)
    except nx.PowerIterationFailedConvergence:
        total = sum(d for _, d in sub.degree(weight="weight")) or 1
        return {v: d / total for v, d in sub.degree(weight="weight")}


def pagerank(G: nx.Graph) -> dict:
    """PageRank (weighted); the pure-Python variant when SciPy is not installed."""
    if G.number_of_nodes() == 0:
        return {}
    try:
        return nx.pagerank(G, weight="weight")
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
        return _pagerank_python(G, weight="weight")


def communities(G: nx.Graph) -> list[set]:
    """Louvain communities (weighted, fixed seed), largest first."""
    H = simple(G)
    if H.number_of_edges() == 0:
        return [{n} for n in sorted(H)]
    found = nx.community.louvain_communities(H, weight="weight", seed=SEED)
    return sorted(found, key=lambda c: (-len(c), min(map(str, c))))


def community_of(G: nx.Graph) -> dict:
    return {node: i for i, comm in enumerate(communities(G)) for node in comm}


def _betweenness(H: nx.Graph) -> dict:
    """Betweenness with distance = 1/weight; estimated from EXACT_LIMIT sources (fixed
    seed) when the graph has more nodes than that."""
    D = H.copy()
    for _, _, data in D.edges(data=True):
        data["distance"] = 1.0 / max(data.get("weight", 1), 1e-9)
    k = EXACT_LIMIT if D.number_of_nodes() > EXACT_LIMIT else None
    return nx.betweenness_centrality(D, k=k, weight="distance", normalized=True, seed=SEED)


def node_measures(G: nx.Graph, by: str = "weighted_degree") -> list[dict]:
    """One row per node, ranked by ``by`` (descending), ties by node id."""
    H = simple(G)
    ev, btw, comm = eigenvector(H), _betweenness(H), community_of(H)
    pr = pagerank(H) if H.is_directed() else {}
    rows = []
    for node, data in H.nodes(data=True):
        row = {"node": node, "label": data.get("label", node),
               "degree": H.degree(node),
               "weighted_degree": H.degree(node, weight="weight")}
        if H.is_directed():
            row.update(in_degree=H.in_degree(node), out_degree=H.out_degree(node),
                       pagerank=round(pr.get(node, 0.0), 6))
        row.update(eigenvector=round(ev.get(node, 0.0), 6),
                   betweenness=round(btw.get(node, 0.0), 6),
                   community=comm.get(node, -1))
        rows.append(row)
    numeric = [k for k in (rows[0] if rows else {}) if k not in ("node", "label", "community")]
    if rows and by not in numeric:
        raise ValueError(f"cannot rank by {by!r}; one of {', '.join(numeric)}")
    rows.sort(key=lambda r: (-r[by], str(r["node"])))
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]


def summary(G: nx.Graph) -> dict:
    """Size, density, average clustering, components and communities of one graph."""
    H = simple(G)
    U = H.to_undirected() if H.is_directed() else H
    n = H.number_of_nodes()
    comms = communities(H)
    return {
        "nodes": n, "edges": G.number_of_edges(),
        "weight": sum(w for _, _, w in G.edges(data="weight", default=1)),
        "density": round(nx.density(H), 6) if n > 1 else 0.0,
        "average_clustering": round(nx.average_clustering(U), 6) if n else 0.0,
        "components": nx.number_connected_components(U) if n else 0,
        "communities": len(comms),
        "modularity": round(nx.community.modularity(H, comms), 6)
        if H.number_of_edges() else 0.0,
    }


def snapshot_measures(snaps: dict[int, nx.Graph]) -> list[dict]:
    """One summary row per year of a snapshots() result, in year order."""
    return [{"year": year, **summary(G)} for year, G in sorted(snaps.items())]
