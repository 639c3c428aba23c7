"""Validate a graph with ontology/shapes.ttl; report each violation with the source it came from.

Validation returns data, never raises for non-conformance. The data graph is the union of all
named graphs plus ontology/{pskg,topics,roles}.ttl, checked with pyshacl, inference="none";
its literals judged ill-typed also by the lexical checks rdflib lacks (datatypes.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from rdflib import BNode, Dataset, Graph, Namespace, URIRef
from rdflib.namespace import PROV, RDF, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Node

from pskg.errors import InputError
from pskg.paths import ONTOLOGY_DIR
from pskg.rdf.load import quiet_rdflib
from pskg.rdf.namespaces import OA, PSKG, bind_prefixes
from pskg.validate.datatypes import retyped

PSKGSH = Namespace("https://w3id.org/pskg/shapes#")
VOCABULARY_FILES = ("pskg.ttl", "topics.ttl", "roles.ttl")
SHAPES_FILE = "shapes.ttl"


@dataclass(frozen=True)
class Violation:
    focus_node: Node
    path: Node | None
    value: Node | None
    message: str
    severity: str                                   # "Violation" | "Warning" | "Info"
    shape: Node | None                              # the named node shape the rule belongs to
    source_document: str | None = None              # pskg:fileName (or the document IRI)
    source_span: tuple[int, int, str] | None = None  # (oa:start, oa:end, oa:exact)


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    report_graph: Graph | None = None


@lru_cache(maxsize=None)
def _parsed(name: str) -> Graph:
    return Graph().parse(ONTOLOGY_DIR / name, format="turtle")


def load_vocabulary() -> Graph:
    """ontology/pskg.ttl + topics.ttl + roles.ttl in one graph."""
    g = Graph()
    for name in VOCABULARY_FILES:
        g += _parsed(name)
    bind_prefixes(g)
    return g


def load_shapes() -> Graph:
    """The shapes graph: ontology/shapes.ttl + the vocabulary it refers to."""
    g = load_vocabulary()
    g += _parsed(SHAPES_FILE)
    g.bind("pskgsh", PSKGSH)
    return g


@lru_cache(maxsize=256)
def _prepared(text: str):
    return prepareQuery(text)


class _QueryCachingGraph(Graph):
    """pyshacl re-parses a SPARQL constraint for every focus node (~50 ms each): parse it once."""

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def _union(data: Graph | Dataset) -> Graph:
    g = _QueryCachingGraph()
    if hasattr(data, "quads"):                       # Dataset / ConjunctiveGraph: all graphs
        g.addN((s, p, retyped(o), g) for s, p, o, _ in data.quads((None, None, None, None)))
    else:
        g.addN((s, p, retyped(o), g) for s, p, o in data)
    g += load_vocabulary()
    bind_prefixes(g)
    return g


def validate(data: Graph | Dataset, shapes: Graph | None = None) -> ValidationReport:
    """Validate the union of `data`'s graphs (plus the vocabulary); never raises on findings."""
    shapes = shapes if shapes is not None else load_shapes()
    merged = _union(data)
    with quiet_rdflib():
        conforms, report, _ = pyshacl.validate(
            merged, shacl_graph=shapes, inference="none", abort_on_first=False,
            allow_warnings=True, allow_infos=True, meta_shacl=False, advanced=False)
    if not isinstance(report, Graph):  # pyshacl's ValidationFailure: the shapes are broken
        raise InputError(f"the SHACL shapes cannot be run: {report}", path=SHAPES_FILE)
    sources = _EvidenceIndex(merged)
    violations = [_violation(report, r, shapes, sources)
                  for r in report.subjects(RDF.type, SH.ValidationResult)
                  if (None, SH.detail, r) not in report]   # nested details repeat their parent
    violations.sort(key=lambda v: (str(v.focus_node), str(v.path), v.message, str(v.value)))
    return ValidationReport(bool(conforms), violations, report)


def _violation(report: Graph, r: Node, shapes: Graph, sources: "_EvidenceIndex") -> Violation:
    focus = report.value(r, SH.focusNode)
    path = report.value(r, SH.resultPath)
    value = report.value(r, SH.value)
    messages = sorted(str(m) for m in report.objects(r, SH.resultMessage))
    severity = report.value(r, SH.resultSeverity)
    shape = report.value(r, SH.sourceShape)
    if isinstance(shape, BNode):      # a property shape: name the node shape that holds it
        shape = shapes.value(None, SH.property, shape) or shape
    doc, span = sources.trace(focus, path if isinstance(path, URIRef) else None, value)
    return Violation(focus, path, value, "; ".join(messages) or "constraint not met",
                     str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                     shape, doc, span)


def spans(start: str, end: str, exact: str) -> tuple[int, int, str] | None:
    """The (start, end, exact) of an evidence node whose offsets are plain numbers."""
    return (int(start), int(end), exact) if start.isdigit() and end.isdigit() else None


class _EvidenceIndex:
    """Evidence nodes by rdf:subject, to say which document and span a focus node came from."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.by_subject: dict[Node, list[Node]] = {}
        for e in g.subjects(RDF.type, PSKG.Evidence):
            for s in g.objects(e, RDF.subject):
                self.by_subject.setdefault(s, []).append(e)

    def trace(self, focus, path, value):
        g = self.g
        if (focus, RDF.type, PSKG.Evidence) in g:
            return self._source(focus)
        if (focus, RDF.type, PSKG.Document) in g:
            return self._document_name(focus), None
        candidates = self.by_subject.get(focus, [])
        if not candidates:
            return None, None

        def rank(e):
            same_p = path is not None and (e, RDF.predicate, path) in g
            same_o = value is not None and (e, RDF.object, value) in g
            doc, span = self._source(e)
            return (not same_p, not same_o, span is None, str(doc), span or (0, 0, ""), str(e))
        return self._source(min(candidates, key=rank))

    def _source(self, e):
        g, span = self.g, None
        doc = g.value(e, PROV.wasDerivedFrom)
        starts, ends = set(g.objects(e, OA.start)), set(g.objects(e, OA.end))
        exact = min(map(str, g.objects(e, OA.exact)), default="")
        if len(starts) == 1 and len(ends) == 1:   # a broken evidence node has no one span
            span = spans(str(next(iter(starts))), str(next(iter(ends))), exact)
        return (self._document_name(doc) if doc is not None else None), span

    def _document_name(self, doc):
        name = self.g.value(doc, PSKG.fileName)
        return str(name) if name is not None else str(doc)


def _short(node, g: Graph) -> str:
    """pskgid:state/RU rather than <https://w3id.org/pskg/id/state/RU> (rdflib refuses '/')."""
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        for prefix, ns in sorted(g.namespaces(), key=lambda pn: -len(pn[1])):
            local = str(node)[len(ns):]
            if prefix and str(node).startswith(ns) and local and " " not in local:
                return f"{prefix}:{local}"
    return node.n3(g.namespace_manager)


def format_violation(v: Violation) -> str:
    """A few lines a person can read: the node, the rule in words, the value, where it came from."""
    g = Graph()
    bind_prefixes(g)
    head = f"{v.severity}: {_short(v.focus_node, g)}"
    lines = [head + (f"  {_short(v.path, g)}" if v.path is not None else ""),
             f"  rule: {v.message}"]
    if v.value is not None:
        lines.append(f"  value: {_short(v.value, g)}")
    if v.source_document or v.source_span:
        where = f"  from {v.source_document or '?'}"
        if v.source_span:
            start, end, exact = v.source_span
            exact = " ".join(exact.split())
            exact = exact if len(exact) <= 80 else exact[:77] + "..."
            where += f" [{start}:{end}]" + (f" «{exact}»" if exact else "")
        lines.append(where)
    return "\n".join(lines)
