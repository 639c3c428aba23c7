"""Records → N-Quads → pyoxigraph, for corpora too big for an rdflib Dataset.

The project's own mapper (`mapping.map_record`) writes each document's graph; here it writes
into a sink that turns triples into N-Quads lines at once, instead of an in-memory rdflib
store (~1.2 kB per triple, and slow to fill and serialise). The same quads as
`pipeline.to_dataset`, a few thousand records at a time, so memory stays flat; then pyoxigraph's
bulk loader (`store.load_dataset`) takes the file.
"""
from __future__ import annotations

import multiprocessing as mp
import re
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

from rdflib import URIRef

from pskg.model import Record
from pskg.rdf.mapping import map_record
from pskg.rdf.namespaces import REFERENCE_GRAPH
from pskg.rdf.reference_graph import reference_graph
from pskg.rdf.terms import nt


class _GraphSink:
    """Stands in for one named graph of an rdflib Dataset: keeps N-Quads lines, once each."""

    def __init__(self, graph: URIRef, lines: dict[str, None]) -> None:
        self.tail, self.lines = f" {nt(graph)} .\n", lines

    def add(self, triple) -> None:
        s, p, o = triple
        self.lines[f"{nt(s)} {nt(p)} {nt(o)}{self.tail}"] = None


class QuadSink:
    """The part of the rdflib Dataset API that `mapping.map_record` uses (``graph(iri)``)."""

    def __init__(self) -> None:
        self.lines: dict[str, None] = {}      # insertion-ordered set

    def graph(self, identifier) -> _GraphSink:
        return _GraphSink(URIRef(str(identifier)), self.lines)

    def text(self) -> str:
        return "".join(self.lines)


def reference_nquads() -> str:
    """The reference graph as N-Quads, its lines sorted (the graph comes as a set, whose order
    changes from one process to the next)."""
    sink = QuadSink()
    graph = sink.graph(REFERENCE_GRAPH)
    for triple in reference_graph():
        graph.add(triple)
    return "".join(sorted(sink.lines))


def record_nquads(records: Iterable[Record]) -> Iterator[str]:
    """The N-Quads of each resolved record (its document graph), one string per record."""
    for record in records:
        sink = QuadSink()
        map_record(sink, record)
        yield sink.text()


def _write(records: Iterable[Record], path: Path, reference: bool) -> int:
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for text in ([reference_nquads()] if reference else []):
            out.write(text)
            count += text.count("\n")
        for text in record_nquads(records):
            out.write(text)
            count += text.count("\n")
    return count


_SHARED: list[Record] = []      # the records a forked worker maps (inherited, never pickled)


def _write_part(job: tuple[int, int, str]) -> int:
    start, stop, path = job
    return _write(_SHARED[start:stop], Path(path), reference=False)


def write_nquads(records: list[Record], path: Path, *, reference: bool = True, jobs: int = 1) -> int:
    """Write the resolved records' graphs (and the reference graph) as N-Quads; the quad count.
    With jobs > 1 (and the fork start method), workers map slices of the records in parallel
    and the parts are joined in order: the same file as with one job."""
    path = Path(path)
    if jobs <= 1 or len(records) < 2 * jobs or "fork" not in mp.get_all_start_methods():
        return _write(records, path, reference)
    global _SHARED
    _SHARED = records
    step = -(-len(records) // jobs)
    parts = [(i, min(i + step, len(records)), f"{path}.part{k}")
             for k, i in enumerate(range(0, len(records), step))]
    try:
        with ProcessPoolExecutor(jobs, mp_context=mp.get_context("fork")) as pool:
            counts = list(pool.map(_write_part, parts))
    finally:
        _SHARED = []
    count = _write([], path, reference)
    with open(path, "ab") as out:
        for _, _, part in parts:
            with open(part, "rb") as src:
                shutil.copyfileobj(src, out, 1 << 22)
            Path(part).unlink()
    return count + sum(counts)


_GRAPH_TAIL = re.compile(rb" <https://w3id\.org/pskg/id/graph/[^>\s]*> \.\n")


def merged_ntriples(nquads: Path, out: Path) -> None:
    """The union of the graphs of an N-Quads file written here, as N-Triples (the graph names
    of pskg's document and reference graphs dropped; a store then keeps each triple once)."""
    with open(nquads, "rb") as src, open(out, "wb") as dst:
        while True:
            lines = src.readlines(1 << 24)
            if not lines:
                break
            dst.write(_GRAPH_TAIL.sub(b" .\n", b"".join(lines)))


def load_records(store, records: list[Record], path: Path | None = None, jobs: int = 1) -> int:
    """resolve → map → N-Quads → pyoxigraph bulk load; the number of quads written.
    With `path`, the N-Quads are kept there (else they pass through memory)."""
    from pskg.resolve import resolve
    from pskg.store import load_dataset

    resolved = resolve(records).records
    if path is not None:
        count = write_nquads(resolved, path, jobs=jobs)
        load_dataset(store, Path(path))
        return count
    text = reference_nquads() + "".join(record_nquads(resolved))
    load_dataset(store, text.encode("utf-8"))
    return text.count("\n")
