"""Graphs and measure rows → table | csv | graphml | gexf | json, written atomically."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import networkx as nx
from rich.console import Console
from rich.table import Table

from pskg.files import write_atomic
from pskg.rdf.namespaces import PSKGID

GRAPH_FORMATS = ("table", "csv", "graphml", "gexf", "json")
ROW_FORMATS = ("table", "csv", "json")


def _value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return ";".join(sorted(map(str, value)))
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def clean(G: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all str/int/float/bool (what GraphML and GEXF hold)."""
    H = G.copy()
    H.graph = {k: _value(v) for k, v in G.graph.items()}
    for _, data in H.nodes(data=True):
        data.update({k: _value(v) for k, v in data.items()})
    for *_, data in H.edges(data=True):
        data.update({k: _value(v) for k, v in data.items()})
    return H


def _short(value: object) -> object:
    return value.removeprefix(str(PSKGID)) if isinstance(value, str) else value


def edge_rows(G: nx.Graph) -> list[dict]:
    """One row per edge: endpoints, their labels, then the edge attributes."""
    label = dict(G.nodes(data="label", default=""))
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else (
        (u, v, None, d) for u, v, d in G.edges(data=True))
    rows = []
    for u, v, key, data in edges:
        row = {"source": u, "target": v, "source_label": label[u], "target_label": label[v]}
        if key is not None:
            row["key"] = key
        row.update({k: _value(val) for k, val in data.items()})
        rows.append(row)
    return sorted(rows, key=lambda r: (-r.get("weight", 1), str(r["source"]), str(r["target"]),
                                       str(r.get("key", ""))))


def render_rows(rows: list[dict], fmt: str, title: str | None = None) -> bytes:
    if fmt == "json":
        return (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode()
    columns = list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", restval="")
        writer.writeheader()
        writer.writerows(rows)
        return buf.getvalue().encode()
    if fmt == "table":
        table = Table(title=title)
        for col in columns:
            table.add_column(col, overflow="fold",
                             justify="right" if rows and isinstance(rows[0].get(col), (int, float))
                             else "left")
        for r in rows:
            table.add_row(*(str(_short(r.get(c, ""))) for c in columns))
        console = Console(file=io.StringIO(), width=160, color_system=None, soft_wrap=False)
        console.print(table)
        return console.file.getvalue().encode()
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(ROW_FORMATS)}")


def render_graph(G: nx.Graph, fmt: str) -> bytes:
    """The graph in one of GRAPH_FORMATS, as bytes (table and csv list the edges)."""
    if fmt in ("table", "csv"):
        rows = edge_rows(G)
        if fmt == "table":   # the instrument lists are long: count them
            rows = [{k: (len(v.split(";")) if k == "instruments" and v else v)
                     for k, v in r.items()} for r in rows]
        return render_rows(rows, fmt, title=G.graph.get("meaning"))
    if fmt == "json":
        data = nx.node_link_data(clean(G), edges="edges")
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(clean(G), buf, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(clean(G), buf, encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(GRAPH_FORMATS)}")
    return buf.getvalue()


def write_output(data: bytes, out: str | Path) -> None:
    """``out`` = "-" writes to standard output, anything else is a file path."""
    if str(out) != "-":
        write_atomic(out, data)
        return
    stream = sys.stdout
    stream.flush()
    if hasattr(stream, "buffer"):
        stream.buffer.write(data)
        stream.buffer.flush()
    else:
        stream.write(data.decode("utf-8"))


def write_graph(G: nx.Graph, fmt: str, out: str | Path) -> None:
    write_output(render_graph(G, fmt), out)
