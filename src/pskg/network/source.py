"""Reading the RDF side: load a graph file, run a projection with bound filters, and
collect what the nodes need (state labels, instrument kind/date/title)."""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from pskg.errors import InputError
from pskg.network.projections import INSTRUMENTS, PROLOGUE, Projection
from pskg.rdf.namespaces import PSKG, TOPIC

SCOPES = ("all", "documents")
KINDS = ("treaty", "agreement", "declaration", "protocol", "charter", "memorandum",
         "convention", "other")
FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle",
           ".nt": "nt", ".n3": "n3", ".jsonld": "json-ld", ".json": "json-ld",
           ".rdf": "xml", ".owl": "xml", ".xml": "xml"}


class GraphFileError(InputError):
    """The graph file is missing or cannot be parsed (str: "<path>: <problem>")."""


def load_graph(path: str | Path) -> Dataset:
    """Parse a graph file into a Dataset whose default graph is the union of all graphs.

    Uses ``pskg.validate.load_graph_file`` where present (one reader for the project)."""
    path = Path(path)
    if not path.is_file():
        raise GraphFileError("no such file" if not path.exists() else "not a file", path=path)
    try:
        from pskg.rdf.load import load_graph_file
    except ImportError:
        load_graph_file = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            if load_graph_file is not None:
                return union(load_graph_file(path))
            ds = Dataset(default_union=True)
            ds.parse(path, format=FORMATS.get(path.suffix.lower(), "trig"))
            return ds
    except InputError as exc:
        raise GraphFileError(exc.problem, path=path) from exc
    except Exception as exc:  # a parser error of any kind
        raise GraphFileError(f"cannot parse: {exc}", path=path) from exc


def union(graph) -> Graph:
    """A queryable view over every named graph (the argument may also be a path)."""
    if isinstance(graph, (str, Path)):
        return load_graph(graph)
    if isinstance(graph, Dataset) and not graph.default_union:
        return Dataset(store=graph.store, default_union=True)
    return graph


def _date(year: int, end: bool) -> Literal:
    return Literal(f"{year:04d}-12-31" if end else f"{year:04d}-01-01", datatype=XSD.date)


def as_of_date(value: str) -> Literal:
    try:
        return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)
    except ValueError:
        raise ValueError(f"--as-of must be a date YYYY-MM-DD, not {value!r}") from None


def kind_class(kind: str) -> URIRef:
    if kind not in KINDS:
        raise ValueError(f"unknown instrument kind {kind!r}; one of {', '.join(KINDS)}")
    return PSKG.OtherInstrument if kind == "other" else PSKG[kind.capitalize()]


def topic_iri(topic: str) -> URIRef:
    if re.fullmatch(r"https?://\S+", topic):
        return URIRef(topic)
    if re.fullmatch(r"[\w.-]+", topic):
        return TOPIC[topic]
    raise ValueError(f"not a topic name or IRI: {topic!r}")


def check_scope(scope: str) -> str:
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
    return scope


@dataclass(frozen=True)
class Filters:
    start: int | None = None     # first year (date signed), inclusive
    end: int | None = None       # last year (date signed), inclusive
    kind: str | None = None      # instrument kind, see KINDS
    topic: str | None = None     # topic concept: local name in topic: or a full IRI
    scope: str = "all"           # "all" instruments, or those the corpus "documents" attest
    as_of: str | None = None     # ISO date: only states bound by the instrument on that day

    def bindings(self) -> dict[str, object]:
        b: dict[str, object] = {}
        if check_scope(self.scope) == "documents":
            b["documentClass"] = PSKG.Document
        if self.start is not None:
            b["fromDate"] = _date(self.start, end=False)
        if self.end is not None:
            b["toDate"] = _date(self.end, end=True)
        if self.kind:
            b["kindClass"] = kind_class(self.kind)
        if self.topic:
            b["wantTopic"] = topic_iri(self.topic)
        if self.as_of:
            b["asOf"] = as_of_date(self.as_of)
        return b


def local_name(term) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1] if "/" in text or "#" in text else text


def _text(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        if term.startswith(TOPIC):
            return term[len(TOPIC):]
        if term.startswith(PSKG):
            return term[len(PSKG):].lower()
    return str(term)


def select(graph, query: str, bindings: dict | None = None) -> list[dict[str, object]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        result = graph.query(query, initBindings=bindings or {})
        return [row.asdict() for row in result]


def edge_rows(graph, proj: Projection, filters: Filters = Filters()) -> list[dict[str, str]]:
    """One dict per edge occurrence; every value a string ('' when absent)."""
    keys = ("source", "target", "instrument", "date", "key", "topic", "modality", "article")
    bindings = filters.bindings()
    rows = select(union(graph), proj.sparql(set(bindings)), bindings)
    out = [{k: _text(r.get(k)) for k in keys} for r in rows]
    return sorted(out, key=lambda r: tuple(r.values()))


def instruments(graph, filters: Filters = Filters()) -> set[str]:
    """The IRIs of the instruments that pass ``filters``."""
    return {r["instrument"] for r in edge_rows(graph, INSTRUMENTS, filters)}


@dataclass
class NodeInfo:
    labels: dict[str, dict[str, str]] = field(default_factory=dict)   # code → lang → label
    kind: dict[str, str] = field(default_factory=dict)                # instrument → kind
    date: dict[str, str] = field(default_factory=dict)                # instrument → signed
    in_force: dict[str, str] = field(default_factory=dict)            # instrument → in force

    def label(self, node: str, lang: str = "en") -> str:
        labels = self.labels.get(node, {})
        return labels.get(lang) or labels.get("en") or labels.get("") or (
            min(labels.values()) if labels else (node if "/" not in node else local_name(node)))


_NODES = PROLOGUE + """
SELECT ?node ?state ?iso ?label ?cls ?notation ?date ?inForce WHERE {
  { ?node a pskg:State . BIND(true AS ?state)
    OPTIONAL { ?node pskg:isoCode ?iso } OPTIONAL { ?node rdfs:label ?label } }
  UNION
  { { ?node a pskg:Instrument } UNION { ?x pskg:cites ?node }
    OPTIONAL { ?node dcterms:title ?label }
    OPTIONAL { ?node a ?cls FILTER(?cls != pskg:Instrument && STRSTARTS(STR(?cls), STR(pskg:)))
               OPTIONAL { ?cls skos:notation ?notation } }
    OPTIONAL { ?node pskg:dateSigned ?date } OPTIONAL { ?node pskg:entryIntoForce ?inForce } }
}"""


def node_info(graph) -> NodeInfo:
    info = NodeInfo()
    for r in select(union(graph), _NODES):
        node = str(r["node"])
        if r.get("state") is not None:
            node = str(r.get("iso") or local_name(node))
        label = r.get("label")
        if label is not None:
            langs = info.labels.setdefault(node, {})
            lang = label.language or ""
            langs[lang] = min(langs.get(lang, str(label)), str(label))
        if r.get("cls") is not None:
            kind = str(r.get("notation") or local_name(r["cls"]).lower().removesuffix("instrument"))
            info.kind[node] = min(info.kind.get(node, kind), kind)
        for attr, var in (("date", "date"), ("in_force", "inForce")):
            if r.get(var) is not None:
                getattr(info, attr)[node] = str(r[var])
    return info
