"""Edge rows → networkx graphs, generically, following the projection table.

Attribute values are always str, int or float (never None, never lists), so every graph
can be written as GraphML or GEXF as it is.
"""
from __future__ import annotations

import networkx as nx

from pskg.network.projections import Projection, projection
from pskg.network.source import Filters, NodeInfo, edge_rows, node_info, union


def _graph_class(proj: Projection) -> type[nx.Graph]:
    if proj.aggregate == "each":
        return nx.MultiDiGraph if proj.directed else nx.MultiGraph
    return nx.DiGraph if proj.directed else nx.Graph


def _add_node(G: nx.Graph, node: str, kind: str, side: int, info: NodeInfo, lang: str,
              proj: Projection) -> None:
    if node in G:
        return
    attrs: dict[str, object] = {"type": kind, "label": info.label(node, lang),
                                "label_en": info.label(node, "en")}
    if kind == "instrument":
        ikind, date = info.kind.get(node, ""), info.date.get(node, "")
        attrs.update(title=attrs["label"], kind=ikind, date=date,
                     in_force=info.in_force.get(node, ""),
                     short=" ".join(x for x in (ikind, date[:4]) if x) or attrs["label_en"])
    if proj.source != proj.target:
        attrs["bipartite"] = side
    G.add_node(node, **attrs)


def _pairs(proj: Projection, row: dict[str, str], members: dict[str, set[str]]):
    """The node pairs one row contributes an instrument to."""
    u, v = row["source"], row["target"]
    if proj.aggregate == "pairs":      # u joins every earlier party of the same instrument
        seen = members.setdefault(row["instrument"], set())
        found = [(min(u, w), max(u, w)) for w in sorted(seen) if w != u]
        seen.add(u)
        return found
    return [(u, v) if proj.directed or u <= v else (v, u)]


def assemble(proj: Projection, rows: list[dict[str, str]], info: NodeInfo,
             lang: str = "en") -> nx.Graph:
    """Build the graph of one projection from its edge rows."""
    G = _graph_class(proj)()
    G.graph.update(projection=proj.name, meaning=proj.meaning, lang=lang)
    pairs: dict[tuple[str, str], dict[str, set[str]]] = {}
    members: dict[str, set[str]] = {}        # "pairs": instrument → sources seen so far
    for r in rows:
        u, v = r["source"], r["target"]
        _add_node(G, u, proj.source, 0, info, lang, proj)
        if proj.aggregate != "pairs":
            _add_node(G, v, proj.target, 1, info, lang, proj)
        if proj.aggregate == "each":
            key = r["key"] or r["instrument"]
            if G.has_edge(u, v, key):       # a second topic of the same obligation
                data = G.edges[u, v, key]
                for a in proj.attributes:
                    values = set(filter(None, data[a].split(";") + [r[a]]))
                    data[a] = ";".join(sorted(values))
            else:
                G.add_edge(u, v, key=key, weight=1, **{a: r[a] for a in proj.attributes})
            continue
        for pair in _pairs(proj, r, members):
            seen = pairs.setdefault(pair, {"instruments": set(), "dates": set()})
            seen["instruments"].add(r["instrument"])
            if r["date"]:
                seen["dates"].add(r["date"])
    for (u, v), seen in sorted(pairs.items()):
        dates = sorted(seen["dates"])
        G.add_edge(u, v, weight=len(seen["instruments"]),
                   instruments=";".join(sorted(seen["instruments"])),
                   first_date=dates[0] if dates else "", last_date=dates[-1] if dates else "")
    return G


def build(graph, name: str, start: int | None = None, end: int | None = None,
          kind: str | None = None, topic: str | None = None, lang: str = "en",
          scope: str = "all", as_of: str | None = None) -> nx.Graph:
    """The network of projection ``name`` (see projections.PROJECTIONS), filtered.

    ``scope="all"`` takes every instrument of the graph, reference data included;
    ``scope="documents"`` only those the corpus attests (a document is the text of,
    describes or transmits it, or cites it through such an instrument).
    ``as_of`` (YYYY-MM-DD) keeps only the states bound by each instrument on that day."""
    proj = projection(name)
    graph = union(graph)
    rows = edge_rows(graph, proj, Filters(start, end, kind, topic, scope, as_of))
    return assemble(proj, rows, node_info(graph), lang)


def cosignature(graph, start=None, end=None, kind=None, topic=None, lang="en",
                scope="all") -> nx.Graph:
    """States joined by the instruments they are both party to (weight = instruments)."""
    return build(graph, "cosign", start, end, kind, topic, lang, scope)


def bipartite(graph, start=None, end=None, kind=None, topic=None, lang="en",
              scope="all") -> nx.Graph:
    """States (bipartite=0) and instruments (bipartite=1); an edge = party to."""
    return build(graph, "bipartite", start, end, kind, topic, lang, scope)


def citations(graph, start=None, end=None, kind=None, topic=None, lang="en",
              scope="all") -> nx.DiGraph:
    """Instrument → instrument it cites (with scope="documents": the citing one attested)."""
    return build(graph, "citations", start, end, kind, topic, lang, scope)


def obligations(graph, start=None, end=None, kind=None, topic=None, lang="en",
                scope="all") -> nx.MultiDiGraph:
    """Bearer state → state owed, one edge per obligation (attrs topic, modality, ...)."""
    return build(graph, "obligations", start, end, kind, topic, lang, scope)


def snapshots(graph, kind: str = "cosign", start_year: int | None = None,
              end_year: int | None = None, *, basis: str = "in_force",
              instrument_kind: str | None = None, topic: str | None = None,
              lang: str = "en", scope: str = "all") -> dict[int, nx.Graph]:
    """The network as of 31 December of each year, cumulatively.

    ``kind`` names the projection. An instrument counts from its entry into force where
    the graph records one (``basis="in_force"``), otherwise from its date signed;
    ``basis="signed"`` always uses the date signed. Undated instruments are left out.
    ``scope`` as for ``build``.
    """
    if basis not in ("in_force", "signed"):
        raise ValueError(f"basis must be 'in_force' or 'signed', not {basis!r}")
    proj = projection(kind)
    graph = union(graph)
    info = node_info(graph)
    rows = edge_rows(graph, proj, Filters(kind=instrument_kind, topic=topic, scope=scope))

    def effective(row: dict[str, str]) -> str:
        in_force = info.in_force.get(row["instrument"], "") if basis == "in_force" else ""
        return in_force or row["date"]

    dated = [(effective(r), r) for r in rows if effective(r)]
    years = sorted(int(d[:4]) for d, _ in dated)
    if not years and (start_year is None or end_year is None):
        return {}
    first = start_year if start_year is not None else years[0]
    last = end_year if end_year is not None else years[-1]
    out: dict[int, nx.Graph] = {}
    for year in range(first, last + 1):
        cutoff = f"{year:04d}-12-31"
        G = assemble(proj, [r for d, r in dated if d <= cutoff], info, lang)
        G.graph["year"] = year
        out[year] = G
    return out
