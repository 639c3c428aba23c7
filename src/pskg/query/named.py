"""Named, parameterised SPARQL queries (`queries/*.rq`) and the engines that run them.

A .rq file opens with ``# key: value`` comment lines: name, title, description, example and
``# param: NAME TYPE required|optional|default=VALUE description`` (TYPE: literal, date,
integer, iri, lang). Values are bound as RDF terms, never pasted into the text as typed:
rdflib gets ``initBindings``; pyoxigraph and remote endpoints get a ``VALUES`` block of
serialised terms at each ``# @values`` marker line (the top of the WHERE group; a query may
put more markers in an inner group or sub-select, so that a param limits the rows there,
before the joins: pyoxigraph applies a group's filters after its joins). pyoxigraph's own
``substitutions`` (SEP-0007) is not used: it needs each bound variable in the projection and
makes ``BOUND(?param)`` false, which optional params rely on; the SPARQL protocol has no
bindings. Values are validated by type first (IRIs without ``<>"{}|^`\\`` or spaces, literals
without backslashes or control characters), so a serialised term cannot leave its cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from pskg.query.formats import FORMATS, format_result  # noqa: F401  (part of this API)
from pskg.rdf.namespaces import PREFIXES
from pskg.rdf.terms import from_oxigraph
from pskg.store.facts import reads_union
from pskg.store.remote import credentials

PARAM_TYPES = ("literal", "date", "integer", "iri", "lang")
VALUES_MARKER = re.compile(r"^[ \t]*# @values[ \t]*$", re.M)
_HEADER = re.compile(r"#\s*(name|title|description|param|example):\s?(.*)")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\]*\Z")
_LANG = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*\Z")


class QueryError(ValueError):
    """A bad query file or a bad parameter: the message names which."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool = False
    default: str | None = None
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None
    examples: tuple[str, ...] = ()

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[tuple] = field(default_factory=list)   # rdflib terms, None when unbound


def _parse_param(line: str, where: str) -> Param:
    parts = line.split(None, 3)
    if len(parts) < 3 or parts[1] not in PARAM_TYPES or not _NAME.match(parts[0]):
        raise QueryError(f"{where}: bad param line {line!r} (want: NAME TYPE "
                         f"required|optional|default=VALUE description; TYPE in {PARAM_TYPES})")
    name, type_, mode = parts[:3]
    if mode not in ("required", "optional") and not mode.startswith("default="):
        raise QueryError(f"{where}: param {name}: {mode!r} is not required|optional|default=…")
    default = mode[len("default="):] if mode.startswith("default=") else None
    return Param(name, type_, mode == "required", default, parts[3] if len(parts) > 3 else "")


def parse_query(text: str, where: str = "<query>", path: Path | None = None) -> NamedQuery:
    """A NamedQuery from the text of a .rq file (its header ends at the first non-comment line)."""
    fields: dict[str, list[str]] = {"name": [], "title": [], "description": [], "example": []}
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if m and m.group(1) == "param":
            params.append(_parse_param(m.group(2).strip(), where))
        elif m:
            fields[m.group(1)].append(m.group(2).strip())
    name = " ".join(fields["name"]) or (path.stem if path else "")
    if not name:
        raise QueryError(f"{where}: no '# name:' line")
    nq = NamedQuery(name, " ".join(fields["title"]), " ".join(fields["description"]),
                    tuple(params), text, path, tuple(fields["example"]))
    try:
        [to_term(p, p.default) for p in params if p.default is not None]
    except QueryError as err:
        raise QueryError(f"{where}: default of {err}") from None
    return nq


def load_query(path: str | Path) -> NamedQuery:
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such query file")
    return parse_query(path.read_text(encoding="utf-8"), str(path), path)


def find_queries(directory: str | Path) -> list[NamedQuery]:
    return [load_query(p) for p in sorted(Path(directory).glob("*.rq"))]


def _expand(value: str) -> str:
    prefix, sep, local = value.partition(":")
    return str(PREFIXES[prefix]) + local if sep and prefix in PREFIXES else value


def to_term(param: Param, value: str):
    """The RDF term for ``value`` under the param's declared type, or a QueryError."""
    bad = f"param {param.name}: {value!r} is not "
    if param.type == "date":
        try:
            date.fromisoformat(value)
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
        except (ValueError, AssertionError):
            raise QueryError(bad + "a date (YYYY-MM-DD)") from None
        return Literal(value, datatype=XSD.date)
    if param.type == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise QueryError(bad + "an integer")
        return Literal(value, datatype=XSD.integer)
    if param.type == "iri":
        iri = _expand(value.strip())
        if not _IRI.match(iri):
            raise QueryError(bad + "an IRI (give a full IRI or a CURIE such as pskgid:state/RU)")
        return URIRef(iri)
    if param.type == "lang":
        if not _LANG.match(value):
            raise QueryError(bad + "a BCP 47 language tag (en, ru, zh-Hant…)")
        return Literal(value.lower())
    if "\\" in value or any(ord(c) < 0x20 for c in value):
        raise QueryError(bad + "accepted: backslashes and control characters are not allowed")
    return Literal(value)


def bind(nq: NamedQuery, params: dict[str, str]) -> dict[str, object]:
    """Params as typed RDF terms; defaults filled in, optional ones without default left out."""
    known = [p.name for p in nq.params]
    for key in params:
        if key not in known:
            raise QueryError(f"{nq.name}: unknown param {key!r} (known: {', '.join(known) or 'none'})")
    bound = {}
    for p in nq.params:
        value = params.get(p.name, p.default)
        if value is None:
            if p.required:
                raise QueryError(f"{nq.name}: param {p.name} is required ({p.description})")
            continue
        bound[p.name] = to_term(p, value)
    return bound


def _sparql_term(term) -> str:
    if isinstance(term, URIRef):
        return f"<{term}>"        # validated by to_term: no characters that end an IRIREF
    text = '"' + str(term).replace('"', '\\"') + '"'   # no backslash nor newline in values
    return text + (f"^^<{term.datatype}>" if term.datatype else "")


def values_block(bindings: dict[str, object]) -> str:
    if not bindings:
        return ""
    names = " ".join(f"?{k}" for k in bindings)
    return f"VALUES ({names}) {{ ({' '.join(_sparql_term(t) for t in bindings.values())}) }}"


def inject(nq: NamedQuery, bindings: dict[str, object]) -> str:
    """The query text with a VALUES block of the bound terms at each ``# @values`` marker."""
    if bindings and not VALUES_MARKER.search(nq.text):
        raise QueryError(f"{nq.path or nq.name}: no '# @values' marker to bind params at")
    block = values_block(bindings)
    return VALUES_MARKER.sub(lambda m: block, nq.text)   # a function: no escape processing


def run(nq: NamedQuery, dataset, params: dict[str, str] | None = None) -> QueryResult:
    """Run over an rdflib Graph/Dataset (initBindings) or a pyoxigraph Store (VALUES; its
    plain OPTIONAL and EXISTS groups read per row, pskg.rdf.lateral; its final ORDER BY
    done on the converted rows, pskg.query.order). Rows tied on the ORDER BY keys come in the
    order of their whole rows, from either backend (and from run_remote)."""
    bindings = bind(nq, params or {})
    if type(dataset).__module__.startswith("pyoxigraph"):
        from pskg.query.order import sort_rows, split_order
        from pskg.rdf.lateral import for_oxigraph
        text = for_oxigraph(inject(nq, bindings))
        union = reads_union(dataset)
        split = split_order(text)
        solutions = dataset.query(split[0] if split else text, use_default_graph_as_union=union)
        columns = [v.value for v in solutions.variables]
        rows = _rows(solutions)
        if split:
            rows = sort_rows(columns, rows, split[1])
            if rows is None:           # a key not projected: pyoxigraph orders it
                rows = _rows(dataset.query(text, use_default_graph_as_union=union))
        return QueryResult(columns, rows)
    result = dataset.query(nq.text, initBindings=bindings)
    columns = [str(v) for v in result.vars]
    return QueryResult(columns, in_final_order(nq, columns, [tuple(row) for row in result]))


def in_final_order(nq: NamedQuery, columns: list[str], rows: list[tuple]) -> list[tuple]:
    """Rows an engine answered, sorted again by pskg.query.order on the query's final ORDER BY
    (rows it tied by their whole rows), so rdflib and endpoints order as the embedded store does."""
    from pskg.query.order import sort_rows, split_order
    split = split_order(nq.text)
    ordered = sort_rows(columns, rows, split[1]) if split else None
    return rows if ordered is None else ordered


def _rows(solutions) -> list[tuple]:
    """pyoxigraph solutions as tuples of rdflib terms. A solution iterates its values in the
    order of the projection; each distinct term is converted once (IRIs, languages and kinds
    recur on every row of a large answer)."""
    seen: dict = {None: None}
    rows = []
    for solution in solutions:
        row = []
        for term in solution:
            found = seen.get(term, seen)
            if found is seen:
                found = seen[term] = from_oxigraph(term)
            row.append(found)
        rows.append(tuple(row))
    return rows


def _from_json(cell: dict | None):
    if cell is None:
        return None
    if cell["type"] == "uri":
        return URIRef(cell["value"])
    if cell["type"] == "bnode":
        return BNode(cell["value"])
    dt = cell.get("datatype")
    return Literal(cell["value"], lang=cell.get("xml:lang"),
                   datatype=None if cell.get("xml:lang") or dt in (None, str(XSD.string)) else dt)


def run_remote(nq: NamedQuery, endpoint_url: str, params: dict[str, str] | None = None,
               timeout: int | None = None) -> QueryResult:
    """Run on a SPARQL 1.1 endpoint whose default graph is the union of the named graphs
    (Oxigraph ``--union-default-graph``, Fuseki ``unionDefaultGraph``). Credentials come from
    PSKG_ENDPOINT_USER / PSKG_ENDPOINT_PASSWORD or ~/.netrc, never from the command line."""
    from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper
    client = SPARQLWrapper(endpoint_url)
    client.setQuery(inject(nq, bind(nq, params or {})))
    client.queryType = SELECT       # not guessed from the text (pskg:describes, "DROP" in a value)
    client.setReturnFormat(JSON)
    client.setMethod(POST)
    if timeout:
        client.setTimeout(timeout)
    found = credentials(endpoint_url)
    if found:
        client.setCredentials(*found)
    data = client.queryAndConvert()
    columns = data["head"]["vars"]
    rows = [tuple(_from_json(b.get(c)) for c in columns) for b in data["results"]["bindings"]]
    return QueryResult(columns, in_final_order(nq, columns, rows))
