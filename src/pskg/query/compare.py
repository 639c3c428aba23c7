"""Does a remote endpoint answer the named queries as the embedded store does?

Every ``queries/*.rq`` runs twice — in pyoxigraph over the union of the named graphs, and on the
endpoint through SPARQLWrapper — and the answers are compared as multisets of rows, with terms
normalised (blank node labels dropped, ``xsd:string`` = plain literal, language tags lower-case).
The endpoint must query the union of the named graphs by default (``oxigraph serve
--union-default-graph``; Virtuoso does so by default; Fuseki with ``tdb2:unionDefaultGraph``).
"""
from __future__ import annotations

import json
import re
import shlex
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from pskg import store as st

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_P = "PREFIX pskg: <https://w3id.org/pskg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>\n"
SMOKE_QUERIES = {  # a few shapes every endpoint must answer as the embedded store does
    "instruments": _P + "SELECT ?i ?title ?date WHERE { ?i a pskg:Instrument ; dcterms:title ?title ; "
                        "pskg:dateSigned ?date } ORDER BY ?date",
    "cosignature": _P + "SELECT ?a ?b (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i pskg:party ?a, ?b "
                        "FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b",
    "signatories": _P + "SELECT ?person ?label ?state WHERE { ?s a pskg:Signatory ; pskg:person ?person ; "
                        "pskg:onBehalfOf ?state . ?person <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
    "per-graph": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                 "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/pskg/')) } GROUP BY ?g",
    "evidence-offsets": _P + "SELECT ?e ?start WHERE { ?e <http://www.w3.org/ns/oa#start> ?start }",
    "ask": _P + "ASK { ?x pskg:isoCode \"SU\" }",
    "construct": _P + "CONSTRUCT { ?s pskg:party ?o } WHERE { ?s pskg:party ?o }",
}


@dataclass
class Mismatch:
    query: str
    embedded: object
    remote: object
    error: str | None = None


XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                   "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                   "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


def _literal(value: str, datatype: str | None, lang: str | None) -> tuple:
    """Oxigraph stores integer subtypes as canonical xsd:integer ("007"^^xsd:int → "7"^^xsd:integer);
    other stores keep them: compare integers by value."""
    if lang:
        return ("literal", value, "@" + lang.lower())
    if datatype in INTEGER_TYPES:
        try:
            return ("literal", str(int(value)), XSD + "integer")
        except ValueError:
            pass
    return ("literal", value, None if datatype in (None, XSD_STRING) else datatype)


def norm_ox(term) -> tuple | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode",)
    return _literal(term.value, term.datatype.value, term.language)


def norm_json(cell: dict | None) -> tuple | None:
    if cell is None:
        return None
    kind = cell["type"]
    if kind == "uri":
        return ("uri", cell["value"])
    if kind == "bnode":
        return ("bnode",)
    return _literal(cell["value"], cell.get("datatype"), cell.get("xml:lang"))


FORMS = {ox.QueryBoolean: "ASK", ox.QuerySolutions: "SELECT", ox.QueryTriples: "CONSTRUCT"}


def embedded_answer(store: ox.Store, sparql: str):
    result = st.query(store, sparql)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return Counter(tuple(norm_ox(sol[n]) for n in names) for sol in result)
    return Counter((norm_ox(t.subject), norm_ox(t.predicate), norm_ox(t.object)) for t in result)


_COMMENT = re.compile(r"(^|\s)#[^\n]*")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, read past comments (SPARQLWrapper's own guess takes
    a "# describes" comment for DESCRIBE)."""
    found = _FORM.search(_COMMENT.sub(" ", sparql))
    return found.group(1).upper() if found else "SELECT"


def remote_answer(endpoint_url: str, sparql: str, timeout: int = 120, form: str | None = None):
    """The endpoint's answer, normalised like embedded_answer's; SPARQLWrapper as the transport."""
    from SPARQLWrapper import POST, SPARQLWrapper  # optional at import time
    form = form or query_form(sparql)
    client = SPARQLWrapper(endpoint_url)
    client.setQuery(sparql)
    client.setMethod(POST)
    client.setOnlyConneg(True)  # the Accept header alone: Virtuoso answers 406 to "format=xml" + JSON
    client.setTimeout(timeout)
    creds = _credentials(endpoint_url)
    if creds:
        client.setCredentials(*creds)
    graph = form in ("CONSTRUCT", "DESCRIBE")
    client.addCustomHttpHeader("Accept", "application/n-triples, text/turtle;q=0.9" if graph
                               else "application/sparql-results+json")
    data = client.query().response.read()
    if graph:  # N-Triples is Turtle too
        triples = ox.parse(data, format=ox.RdfFormat.TURTLE)
        return Counter((norm_ox(t.subject), norm_ox(t.predicate), norm_ox(t.object)) for t in triples)
    answer = json.loads(data)
    if "boolean" in answer:
        return bool(answer["boolean"])
    names = answer["head"]["vars"]
    rows = answer["results"]["bindings"]
    if form == "ASK" and [n.upper() for n in names] == ["__ASK_RETVAL"]:  # Virtuoso 7.2 (issue #1016)
        return bool(rows and int(rows[0][names[0]]["value"]))
    return Counter(tuple(norm_json(row.get(n)) for n in names) for row in rows)


def _credentials(url: str):
    from pskg.store.remote import credentials
    return credentials(url)


def _as_store(dataset) -> ox.Store:
    if isinstance(dataset, ox.Store):
        return dataset
    store = st.open_store()
    st.load_dataset(store, Path(dataset) if isinstance(dataset, (str, Path)) else dataset)
    return store


def compare_query(store: ox.Store, endpoint_url: str, sparql, name: str = "") -> Mismatch | None:
    if isinstance(sparql, Exception):
        return Mismatch(name, None, None, f"{type(sparql).__name__}: {sparql}")
    try:
        form = FORMS.get(type(st.query(store, sparql)))
        mine, theirs = embedded_answer(store, sparql), remote_answer(endpoint_url, sparql, form=form)
    except Exception as err:  # noqa: BLE001 - a failing query is a finding, reported with its name
        return Mismatch(name, None, None, f"{type(err).__name__}: {err}")
    return None if mine == theirs else Mismatch(name, mine, theirs)


def example_params(examples) -> dict[str, str]:
    """``--param k=v`` values of a query's first ``# example:`` line."""
    words = shlex.split(examples[0]) if examples else []
    pairs = [w for k, w in zip(words, words[1:]) if k == "--param" and "=" in w]
    return dict(p.split("=", 1) for p in pairs)


def query_texts(queries_dir: Path, params: dict[str, dict[str, str]] | None = None) -> dict[str, str]:
    """{file name: runnable SPARQL} for each ``*.rq``. With ``pskg.query`` present its params are
    bound: defaults, then the first ``# example:`` line's ``--param``s, then ``params[name]``.
    A query that cannot be bound maps to an Exception (reported as a Mismatch)."""
    paths = sorted(Path(queries_dir).glob("*.rq")) if Path(queries_dir).is_dir() else []
    try:
        from pskg import query as named
    except ImportError:
        return {p.name: p.read_text("utf-8") for p in paths}
    texts = {}
    for path in paths:
        try:
            nq = named.load_query(path)
            values = {**example_params(nq.examples), **(params or {}).get(nq.name, {})}
            texts[path.name] = named.inject(nq, named.bind(nq, values))
        except named.QueryError as err:
            texts[path.name] = err
    return texts


def compare_all_queries(dataset, endpoint_url: str, queries_dir: str | Path | None = None,
                        extra: dict[str, str] | None = None,
                        params: dict[str, dict[str, str]] | None = None) -> list[Mismatch]:
    """Run every ``*.rq`` in ``queries_dir`` (default: the repo's queries/) plus ``extra``
    {name: sparql} embedded and remotely; return the mismatches (empty when all agree).
    A query that fails on either side (or lacks a required param) is a Mismatch with ``error``."""
    from pskg.paths import QUERIES_DIR
    store = _as_store(dataset)
    queries = query_texts(Path(queries_dir) if queries_dir else QUERIES_DIR, params)
    queries.update(extra or {})
    found = (compare_query(store, endpoint_url, text, name) for name, text in queries.items())
    return [m for m in found if m is not None]


def main(argv: list[str] | None = None) -> int:
    """``python -m pskg.query.compare --query-endpoint URL [--update-endpoint URL | --graph-store URL]
    [--graph FILE] [--queries DIR]``: push FILE (when an update/GSP URL is given), then compare the
    smoke queries and queries/*.rq; exit 1 on any mismatch."""
    import argparse

    from pskg.store.remote import push
    parser = argparse.ArgumentParser(prog="python -m pskg.query.compare")
    parser.add_argument("--query-endpoint", required=True)
    parser.add_argument("--update-endpoint")
    parser.add_argument("--graph-store")
    parser.add_argument("--graph", type=Path, required=True)
    parser.add_argument("--queries", type=Path)
    parser.add_argument("--stale-first", action="store_true",
                        help="push each graph with an extra triple first: re-pushing must remove it")
    args = parser.parse_args(argv)
    store = _as_store(args.graph)
    checks = dict(SMOKE_QUERIES)
    if args.update_endpoint or args.graph_store:
        if args.stale_first:
            stale = st.open_store()
            stale.bulk_load(store.dump(format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
            stale.extend(ox.Quad(ox.NamedNode("urn:pskg:stale"), ox.NamedNode("urn:pskg:stale"),
                                 ox.Literal("stale"), g) for g in list(stale.named_graphs()))
            push(stale, args.update_endpoint, graph_store_url=args.graph_store)
            checks["no-stale-triples"] = "ASK { ?s <urn:pskg:stale> ?o }"
        report = push(store, args.update_endpoint, graph_store_url=args.graph_store)
        print(f"pushed {len(report.graphs)} graphs, {report.triples} triples ({report.method})")
    found = compare_all_queries(store, args.query_endpoint, args.queries, extra=checks)
    for m in found:
        print(f"MISMATCH {m.query}: {m.error or ''}\n  embedded: {m.embedded}\n  remote:   {m.remote}")
    print(f"{len(found)} mismatches")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
