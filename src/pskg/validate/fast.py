"""Validation at scale: ontology/shapes.ttl compiled to SPARQL (pskg.validate.checks) and run by
pyoxigraph. Reports the same results as pyshacl (pskg.validate) — the same focus nodes, paths,
values, constraint components, source shapes, messages and source spans — 26× faster on 1,000
synthetic instruments (bench/RESULTS.md); a shapes graph the compiler cannot translate falls
back to pyshacl. (Per-document pyshacl in parallel was measured too: ~50× slower at 10,000.)

Input: an rdflib Graph/Dataset or N-Quads (bytes, a .nq path), loaded into a fresh in-memory
store; or a pyoxigraph Store, queried in place — the way to validate graphs too big for memory.
A pskg store (`pskg build --store`) is read through its facts graph, each triple once, beside
the vocabulary (added for the run as pskgid:graph/ontology when missing, and taken out again);
a store of named graphs only, through their union. Reading the facts graph instead of the
union of 100,000 document graphs is what lets validation finish at that size (bench/RESULTS.md). Literals are checked as pyshacl
checks them: a value of the right datatype whose lexical form is not plainly valid
("1991-02-30"^^xsd:date) is read again with rdflib.
"""
from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD

from pskg.rdf.lateral import for_oxigraph
from pskg.rdf.load import quiet_rdflib
from pskg.rdf.namespaces import ONTOLOGY_GRAPH
from pskg.rdf.terms import from_oxigraph
from pskg.validate.compile import Check, Unsupported
from pskg.validate.shacl import ValidationReport, Violation, load_shapes, load_vocabulary

# what rdflib's value of a literal must be for pyshacl to accept its sh:datatype
PYTHON_TYPES = {XSD.string: str, RDF.langString: str, XSD.integer: int, XSD.float: float,
                XSD.decimal: Decimal, XSD.boolean: bool, XSD.date: dt.date, XSD.time: dt.time,
                XSD.dateTime: dt.datetime}


@dataclass(frozen=True)
class Result:
    """One validation result, in the terms of a pyshacl report."""
    focus: object
    path: object | None
    value: object | None
    component: URIRef
    shape: object                    # sh:sourceShape (a property shape is a blank node)
    severity: URIRef
    message: str = ""


@dataclass
class FastReport(ValidationReport):
    results: list[Result] = field(default_factory=list)


def _nt_lines(data) -> bytes:
    from pskg.rdf.terms import nt
    quads = data.quads((None, None, None, None)) if hasattr(data, "quads") else (
        (s, p, o, None) for s, p, o in data)
    return "".join(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o, _ in quads).encode("utf-8")


@lru_cache(maxsize=1)
def _vocabulary() -> bytes:
    return _nt_lines(load_vocabulary())


UNION = {"use_default_graph_as_union": True}     # the graphs checks read: every named graph
DEFAULT: dict = {}                                # the default graph


def data_store(data) -> tuple[ox.Store, dict]:
    """(store, scope): a store holding `data` and the vocabulary, and the keyword arguments of
    `Store.query` that make its checks read them. An rdflib graph or dataset goes into the
    default graph of a fresh in-memory store; N-Quads (bytes or a .nq path) keep their graphs,
    so checks read their union. A given store is used in place (see `vocabulary_beside`)."""
    if isinstance(data, ox.Store):
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        if _holds_facts(data):         # a pskg store: its facts graph and the vocabulary
            return data, {"default_graph": [ox.DefaultGraph(), graph]}
        return data, UNION
    store = ox.Store()
    store.bulk_load(_vocabulary(), ox.RdfFormat.N_TRIPLES, lenient=True)
    if isinstance(data, (str, Path)):
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS, lenient=True)
        return store, UNION
    if isinstance(data, bytes):
        store.bulk_load(data, ox.RdfFormat.N_QUADS, lenient=True)
        return store, UNION
    store.bulk_load(_nt_lines(data), ox.RdfFormat.N_TRIPLES, lenient=True)
    return store, DEFAULT


def _holds_facts(store: ox.Store) -> bool:
    """Whether the store's default graph holds triples: the facts graph of a pskg store (the
    test of pskg.store.facts.has_facts; the store stage comes after this one)."""
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


@contextmanager
def vocabulary_beside(store: ox.Store):
    """The vocabulary in `store` as the named graph pskgid:graph/ontology while the checks run;
    a graph added here is removed afterwards, so the store is left as it was found (its facts
    graph never holds the vocabulary: queries and exports of the store do not change)."""
    graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
    added = not store.contains_named_graph(graph)
    if added:
        store.load(_vocabulary(), ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)
    try:
        yield
    finally:
        if added:
            store.remove_graph(graph)


def _ill_typed(value: Literal, datatype: URIRef) -> bool:
    """pyshacl's sh:datatype test for a literal that carries the datatype."""
    with quiet_rdflib():
        lit = Literal(str(value), datatype=datatype)
    if getattr(lit, "ill_typed", None) is True:
        return True
    kind = PYTHON_TYPES.get(datatype)
    return kind is not None and not isinstance(lit.value, kind)


def _rows(store: ox.Store, check: Check, scope: dict) -> list[dict]:
    solutions = store.query(for_oxigraph(check.query), **scope)   # EXISTS groups per row
    names = [v.value for v in solutions.variables]
    return [{name: from_oxigraph(row[name]) for name in names} for row in solutions]


def run_checks(store: ox.Store, checks: list[Check], scope: dict, threads: int = 2) -> list[Result]:
    """Run the checks over the graphs `scope` names (`Store.query` keywords; pyoxigraph
    releases the GIL while it evaluates, so threads help)."""
    out: set[Result] = set()
    if threads <= 1:      # in this thread: a worker thread's malloc arena kept GBs at 100k
        answers = [_rows(store, c, scope) for c in checks]
    else:
        with ThreadPoolExecutor(threads) as pool:
            answers = list(pool.map(lambda c: _rows(store, c, scope), checks))
    for check, rows in zip(checks, answers):
        for got in rows:
            focus, value = got.get("this"), got.get("value")
            if check.datatype is not None and not _ill_typed(value, check.datatype):
                continue
            if check.constraint is not None and value is None and check.path is None:
                value = focus               # a node shape's SPARQL result names its focus node
            path = (got.get("path") if check.constraint is not None else None) or check.path
            out.add(Result(focus, path, value, check.component, check.shape, check.severity,
                           _message(check, got)))
    return sorted(out, key=lambda r: (str(r.focus), str(r.path), str(r.component),
                                      str(r.shape), str(r.value)))


def _message(check: Check, got: dict) -> str:
    text = "; ".join(sorted(check.messages)) or "constraint not met"
    return re.sub(r"\{[?$](\w+)\}", lambda m: _text(got.get(m.group(1))), text)


def _text(node) -> str:
    return "" if node is None else str(node)


def validate(data, shapes: Graph | None = None, threads: int | None = None) -> ValidationReport:
    """Validate `data` (an rdflib Graph/Dataset, N-Quads bytes, a .nq file or a pyoxigraph
    Store) against the shapes; the same report as pskg.validate.validate, plus `.results` in
    pyshacl's terms. `threads` run checks side by side (pyoxigraph releases the GIL); by
    default 2 in memory, 1 on a given store (on disk, parallel queries multiplied its memory)."""
    from pskg.validate.checks import compile_checks
    shapes = shapes if shapes is not None else load_shapes()
    try:
        checks = compile_checks(shapes)
    except Unsupported:
        if isinstance(data, (ox.Store, bytes, str, Path)):
            raise
        from pskg.validate import validate as reference_validate
        return reference_validate(data, shapes)
    threads = threads or (1 if isinstance(data, ox.Store) else 2)
    store, scope = data_store(data)
    from pskg.validate.trace import add_sources
    with vocabulary_beside(store) if isinstance(data, ox.Store) else nullcontext():
        results = run_checks(store, checks, scope, threads)
        violations = add_sources(store, scope, [_violation(r, shapes) for r in results])
    violations.sort(key=lambda v: (str(v.focus_node), str(v.path), v.message, str(v.value)))
    conforms = not any(r.severity == SH.Violation for r in results)
    return FastReport(conforms, violations, None, results)


def _violation(r: Result, shapes: Graph) -> Violation:
    shape = r.shape
    parent = shapes.value(None, SH.property, shape) if not isinstance(shape, URIRef) else None
    return Violation(r.focus, r.path, r.value, r.message, str(r.severity).rsplit("#", 1)[-1],
                     parent or shape)


def pyshacl_results(report_graph: Graph) -> list[Result]:
    """The top-level results of a pyshacl report graph, as Results (for comparisons)."""
    g, out = report_graph, []
    for r in g.subjects(RDF.type, SH.ValidationResult):
        if (None, SH.detail, r) in g:
            continue
        out.append(Result(g.value(r, SH.focusNode), g.value(r, SH.resultPath), g.value(r, SH.value),
                          g.value(r, SH.sourceConstraintComponent), g.value(r, SH.sourceShape),
                          g.value(r, SH.resultSeverity)))
    return out
