"""Figures: a network drawing and an instruments-per-year timeline, as PNG.

Uses matplotlib's object API with the Agg canvas (no pyplot state, no display needed).
Returns the notes (e.g. labels drawn in English for want of a font) besides warning.
"""
from __future__ import annotations

import io
import math
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from pskg.network.build import build
from pskg.network.export import write_output
from pskg.network.fonts import drawable, family_for
from pskg.network.measures import SEED, community_of, simple
from pskg.network.source import KINDS, Filters, check_scope, instruments, node_info, union

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
           "#7f7f7f", "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896")


def _save(fig: Figure, path: str | Path) -> None:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=150)
    write_output(buf.getvalue(), path)          # "-" = stdout


def _label(data: dict, node: str) -> tuple[str, str]:
    if data.get("type") == "instrument":       # titles are long: kind and year
        return data.get("short") or node, data.get("short") or node
    return data.get("label") or node, data.get("label_en") or node


def _layout(H: nx.Graph, k: float) -> dict:
    """Spring layout, fixed seed, pulled by log-damped weights (heavy edges would otherwise
    collapse a bloc into one blot). networkx needs SciPy for 500+ nodes; without it, the
    same Fruchterman–Reingold on a dense matrix (fine for a few thousand nodes)."""
    H = H.copy()
    for *_, data in H.edges(data=True):
        data["pull"] = 1.0 + math.log(max(data.get("weight", 1), 1))
    try:
        return nx.spring_layout(H, seed=SEED, weight="pull", k=k, iterations=200)
    except ImportError:
        from networkx.drawing.layout import _fruchterman_reingold
        A = nx.to_numpy_array(H, weight="pull")
        xy = _fruchterman_reingold(A, k=k, iterations=100, seed=np.random.RandomState(SEED))
        return dict(zip(H, nx.rescale_layout(xy)))


def plot_network(G: nx.Graph, path: str | Path, title: str | None = None,
                 max_labels: int = 60) -> list[str]:
    """Draw ``G``: spring layout (fixed seed), edge width by weight, node size by weighted
    degree, node colour by Louvain community; labels in the language the graph was built in."""
    notes: list[str] = []
    H = simple(G)
    fig = Figure(figsize=(11, 9))
    ax = fig.add_subplot()
    ax.set_axis_off()
    if title is None:
        title = f"{G.graph.get('projection', 'network')}: {G.graph.get('meaning', '')}"
    ax.set_title(title, fontsize=12, wrap=True)
    if H.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no edges for these filters", ha="center", transform=ax.transAxes)
        _save(fig, path)
        return notes
    n = H.number_of_nodes()
    pos = _layout(H, k=3.0 / math.sqrt(n))
    comm = community_of(H)
    strength = dict(H.degree(weight="weight"))
    top_strength = max(strength.values()) or 1
    weights = [w for *_, w in H.edges(data="weight", default=1)]
    top_weight = max(weights, default=1) or 1
    shrink = min(1.0, math.sqrt(60 / n))        # crowded graphs: smaller marks, fainter lines
    nx.draw_networkx_edges(H, pos, ax=ax, alpha=0.35 * shrink + 0.05, edge_color="#555555",
                           width=[0.5 + 5.0 * shrink * w / top_weight for w in weights],
                           arrows=H.is_directed(),
                           **({"arrowsize": 14, "node_size": 600} if H.is_directed() else {}))
    nodes = list(H)
    nx.draw_networkx_nodes(H, pos, ax=ax, nodelist=nodes,
                           node_size=[(250 + 1400 * strength[v] / top_strength) * shrink
                                      for v in nodes],
                           node_color=[PALETTE[comm.get(v, 0) % len(PALETTE)] for v in nodes],
                           edgecolors="white", linewidths=1.2 * shrink)
    # every state is labelled; instruments too when there are few enough to read
    rank = sorted(nodes, key=lambda v: (-strength[v], str(v)))
    states = [v for v in rank if H.nodes[v].get("type") != "instrument"]
    others = [v for v in rank if H.nodes[v].get("type") == "instrument"]
    labelled = (others if len(others) <= 30 else [])[:max(0, max_labels - len(states))]
    for v in labelled + states[:max_labels]:       # states drawn last, on top
        text, family = drawable(*_label(H.nodes[v], v), notes)
        x, y = pos[v]
        ax.text(x, y, text, fontsize=10 if v in states else 8, fontfamily=family,
                ha="center", va="center", zorder=3,
                bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.7})
    groups = sorted(set(comm.values()))
    ax.legend(handles=[Patch(color=PALETTE[g % len(PALETTE)], label=f"community {g + 1}")
                       for g in groups[:len(PALETTE)]], loc="upper left", bbox_to_anchor=(0.0, 0.0),
              fontsize=8, frameon=False, ncol=min(len(groups), 7),
              title="Louvain communities (seed 42)", title_fontsize=8)
    ax.text(1.0, -0.01, "edge width: weight; node size: weighted degree", fontsize=8,
            ha="right", va="top", transform=ax.transAxes, color="#555555")
    ax.margins(0.08)
    fig.tight_layout()
    _save(fig, path)
    return notes


def plot_projection(graph, name: str, path: str | Path, start=None, end=None, kind=None,
                    topic=None, lang: str = "en", scope: str = "all") -> list[str]:
    G = build(graph, name, start, end, kind, topic, lang, scope)
    span = f"{start or '…'}–{end or '…'}" if (start or end) else "all years"
    extra = ", ".join(x for x in (kind, topic, "attested by the documents"
                                  if scope == "documents" else None) if x)
    title = f"{name} network, {span}{', ' + extra if extra else ''}\n{G.graph['meaning']}"
    return plot_network(G, path, title=title)


def timeline(graph, path: str | Path, by: str = "kind", start: int | None = None,
             end: int | None = None, kind: str | None = None, lang: str = "en",
             scope: str = "all") -> list[str]:
    """Instruments signed per year, stacked by kind (``by="kind"``), or one line per state
    counting the instruments it is party to, cumulatively (``by="state"``); ``scope`` as
    for ``build`` (``"documents"``: only the instruments the corpus attests)."""
    if by not in ("kind", "state"):
        raise ValueError(f"--by must be 'kind' or 'state', not {by!r}")
    graph = union(graph)
    info = node_info(graph)
    attested = None if check_scope(scope) == "all" else instruments(graph, Filters(scope=scope))
    suffix = "" if attested is None else " (attested by the documents)"
    notes: list[str] = []

    def keep(instrument: str) -> bool:
        date = info.date.get(instrument, "")
        return bool(date) and (attested is None or instrument in attested) and (
            start is None or int(date[:4]) >= start) and (
            end is None or int(date[:4]) <= end) and (kind is None or info.kind.get(
                instrument) == kind)

    fig = Figure(figsize=(11, 6))
    ax = fig.add_subplot()
    if by == "kind":
        counts = Counter((int(info.date[i][:4]), info.kind.get(i) or "other")
                         for i in info.date if keep(i))
        years = range(min((y for y, _ in counts), default=1991),
                      max((y for y, _ in counts), default=1991) + 1)
        bottom = [0] * len(years)
        kinds = [k for k in KINDS if any(kk == k for _, kk in counts)]
        kinds += sorted({k for _, k in counts} - set(kinds))
        for i, k in enumerate(kinds):
            heights = [counts.get((y, k), 0) for y in years]
            ax.bar(list(years), heights, bottom=bottom, label=k, color=PALETTE[i % len(PALETTE)])
            bottom = [b + h for b, h in zip(bottom, heights)]
        ax.set_ylabel("instruments signed")
        ax.set_title("Instruments signed per year, by kind" + suffix)
    else:
        per_state: dict[str, Counter] = defaultdict(Counter)
        B = build(graph, "bipartite", start, end, kind, lang=lang, scope=scope)
        for v, data in B.nodes(data=True):
            if data.get("type") != "state":
                continue
            for i in B[v]:
                if keep(i):
                    per_state[v][int(info.date[i][:4])] += 1
        all_years = [y for c in per_state.values() for y in c]
        years = range(min(all_years, default=1991), max(all_years, default=1991) + 1)
        for i, state in enumerate(sorted(per_state)):
            text, family = drawable(info.label(state, lang), info.label(state, "en"), notes)
            running, series = 0, []
            for y in years:
                running += per_state[state][y]
                series.append(running)
            ax.step(list(years), series, where="post", label=text, linewidth=1.8,
                    color=PALETTE[i % len(PALETTE)], linestyle="-" if i < len(PALETTE) else "--")
        ax.set_ylabel("instruments party to (cumulative)")
        ax.set_title("Instruments each state is party to, cumulative by year" + suffix)
    ax.set_xlabel("year signed")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", alpha=0.3)
    entries = len(ax.get_legend_handles_labels()[1])
    ax.legend(fontsize=8, ncol=1 if entries <= 24 else 2, frameon=False, loc="upper left",
              bbox_to_anchor=(1.01, 1.0),
              prop={"family": _families(ax.get_legend_handles_labels()[1])})
    fig.tight_layout()
    _save(fig, path)
    return notes



def _families(texts: list[str]) -> list[str]:
    """A fallback list of families covering every legend entry (matplotlib ≥ 3.6)."""
    return list(dict.fromkeys(["DejaVu Sans"] + [family_for(t) or "DejaVu Sans" for t in texts]))
