"""Query results as text: SPARQL 1.1 JSON results, SPARQL CSV, or a rich table for people.

A result is anything with ``columns`` (variable names) and ``rows`` (tuples of rdflib terms,
None when unbound), such as ``pskg.query.QueryResult``.
"""
from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, URIRef
from rdflib.namespace import XSD

from pskg.rdf.namespaces import PREFIXES

FORMATS = ("table", "csv", "json")


def _json_cell(term) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    cell = {"type": "literal", "value": str(term)}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        cell["datatype"] = str(term.datatype)
    return cell


def _short(term) -> str:
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)) and len(str(term)) > len(str(ns)):
                return f"{prefix}:{str(term)[len(str(ns)):]}"
    return "" if term is None else str(term)


def format_result(result, fmt: str = "table", width: int = 200) -> str:
    """SPARQL 1.1 JSON results, SPARQL CSV (header row), or a rich table (IRIs as CURIEs)."""
    if fmt == "json":
        bindings = [{c: _json_cell(t) for c, t in zip(result.columns, row) if t is not None}
                    for row in result.rows]
        return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(result.columns)
        writer.writerows(["" if t is None else str(t) for t in row] for row in result.rows)
        return out.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r} (table, csv, json)")
    from rich.console import Console
    from rich.table import Table
    table = Table(caption=f"{len(result.rows)} rows")
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*(_short(t) for t in row))
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(table)
    return console.file.getvalue()
