"""export: the graph as files. Turtle (all graphs merged), TriG and N-Quads (one named graph per
document), N-Triples, JSON-LD. Output is deterministic — the same input gives byte-identical
files — so releases of the graph diff cleanly. Files are written to a temporary name and then
renamed, so a failed export never leaves a half-written file in place of a good one.
"""
from __future__ import annotations

import io
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from pskg.files import write_atomic
from pskg.rdf.namespaces import bind_prefixes

FORMATS = {"ttl": "turtle", "nt": "nt", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}
SUFFIX = {"ttl": ".ttl", "nt": ".nt", "trig": ".trig", "nq": ".nq", "jsonld": ".jsonld"}


def merged(dataset: Dataset) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


class _SortedTrig(TrigSerializer):
    """rdflib's TriG writer with the graphs in IRI order: rdflib keeps them in a set, whose
    order changes with PYTHONHASHSEED from one process to the next."""

    def __init__(self, store):
        super().__init__(store)
        self.contexts.sort(key=lambda g: (g.identifier == self.default_context, str(g.identifier)))


def _trig(dataset: Dataset) -> bytes:
    stream = io.BytesIO()
    _SortedTrig(dataset).serialize(stream, encoding="utf-8")
    return stream.getvalue()


def _sorted_lines(data: str) -> str:
    lines = sorted({line for line in data.splitlines() if line.strip()})
    return "\n".join(lines) + "\n"


def serialize(dataset: Dataset, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in ("ttl", "nt", "jsonld"):
        graph = merged(dataset)
        if fmt == "nt":
            return _sorted_lines(graph.serialize(format="nt")).encode("utf-8")
        if fmt == "jsonld":
            return graph.serialize(format="json-ld", sort_keys=True, indent=1).encode("utf-8")
        return graph.serialize(format="turtle").encode("utf-8")
    bind_prefixes(dataset)
    if fmt == "nq":
        return _sorted_lines(dataset.serialize(format="nquads")).encode("utf-8")
    return _trig(dataset)


def export(dataset: Dataset, fmt: str, path: Path | None) -> bytes:
    data = serialize(dataset, fmt)
    if path is not None:
        write_atomic(path, data)
    return data
