"""The SPARQL 1.1 Protocol check, run against `oxigraph serve-read-only --cors` (the reference)
and against `pskg serve`: both must pass every point. SPARQLWrapper and plain HTTP; GET, POST
form and POST application/sparql-query; each results format; CONSTRUCT in four RDF syntaxes;
q-values and 406; the service description; default-graph-uri / named-graph-uri; CORS."""
from __future__ import annotations

import csv
import io
import json
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest

from pskg import store as st
from servers import oxigraph_binary, oxigraph_server, pskg_server
from servers import request as http

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_mini.trig"
G1 = "https://w3id.org/pskg/id/graph/1a2b3c4d5e6f7a8b"
SELECT = "SELECT ?s ?o WHERE { ?s <http://purl.org/dc/terms/title> ?o } ORDER BY ?s ?o"
CONSTRUCT = "CONSTRUCT { ?s <http://purl.org/dc/terms/title> ?o } WHERE { ?s <http://purl.org/dc/terms/title> ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="oxigraph binary missing")


def embedded(query: str, **options):
    db = ox.Store()
    db.bulk_load(path=str(FIXTURE))
    return db.query(query, use_default_graph_as_union=not options, **options)


TITLES = sorted((s["s"].value, s["o"].value) for s in embedded(SELECT))
TOTAL = int(next(iter(embedded(COUNT)))["n"].value)


@pytest.fixture(scope="module", params=["oxigraph", "pskg"])
def endpoint(request, tmp_path_factory):
    where = tmp_path_factory.mktemp("protocol") / "store"
    st.load_dataset(st.open_store(where), FIXTURE)      # closed again before a server opens it
    if request.param == "oxigraph":     # the store holds its facts graph (pskg.store.facts) in
        # its default graph: the reference server reads that, as pskg serve does (a union of it
        # and the named graphs would give every triple twice)
        with oxigraph_server(where, read_only=True, cors=True, union_default_graph=False) as server:
            yield server.query
    else:
        with pskg_server("--store", str(where)) as base:
            yield base + "/sparql"


def get(endpoint: str, query: str | None, accept: str = "*/*", headers: dict | None = None, **params):
    params = {**({"query": query} if query else {}), **params}
    url = f"{endpoint}?{urllib.parse.urlencode(params, doseq=True)}" if params else endpoint
    return http(url, headers={"Accept": accept, **(headers or {})})


def media(headers) -> str:
    return headers.get("Content-Type", "").split(";")[0].strip()


def json_titles(body: bytes) -> list:
    data = json.loads(body)
    return sorted((b["s"]["value"], b["o"]["value"]) for b in data["results"]["bindings"])


def test_get_post_form_and_direct_post_agree(endpoint):
    accept = {"Accept": "application/sparql-results+json"}
    answers = [get(endpoint, SELECT, accept["Accept"]),
               http(endpoint, form={"query": SELECT}, headers=accept),
               http(endpoint, body=SELECT.encode(), headers={**accept, "Content-Type": "application/sparql-query"})]
    for status, headers, body in answers:
        assert status == 200 and media(headers) == "application/sparql-results+json"
        assert json_titles(body) == TITLES


@pytest.mark.parametrize("accept, fmt", [("application/sparql-results+json", ox.QueryResultsFormat.JSON),
                                         ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                                         ("text/tab-separated-values", ox.QueryResultsFormat.TSV)])
def test_select_in_each_parseable_format(endpoint, accept, fmt):
    status, headers, body = get(endpoint, SELECT, accept)
    assert status == 200 and media(headers) == accept
    assert sorted((s["s"].value, s["o"].value) for s in ox.parse_query_results(body, fmt)) == TITLES


def test_select_as_csv(endpoint):
    status, headers, body = get(endpoint, SELECT, "text/csv")
    assert status == 200 and media(headers) == "text/csv"
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
    assert rows[0] == ["s", "o"] and sorted(map(tuple, rows[1:])) == TITLES


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml"])
def test_ask_answers_in_the_format_asked(endpoint, accept):
    status, headers, body = get(endpoint, "ASK { ?s ?p ?o }", accept)
    fmt = ox.QueryResultsFormat.from_media_type(accept)
    assert status == 200 and media(headers) == accept
    assert bool(ox.parse_query_results(body, fmt)) is True


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/ld+json",
                                    "application/rdf+xml"])
def test_construct_in_each_rdf_syntax(endpoint, accept):
    status, headers, body = http(endpoint, form={"query": CONSTRUCT}, headers={"Accept": accept})
    assert status == 200 and media(headers) == accept
    got = sorted((t.subject.value, t.object.value) for t in ox.parse(body, ox.RdfFormat.from_media_type(accept)))
    assert got == TITLES


def test_accept_q_values_choose_the_format(endpoint):
    status, headers, _ = get(endpoint, "ASK {}", "application/sparql-results+json;q=0.2, "
                                                 "application/sparql-results+xml;q=0.9")
    assert status == 200 and media(headers) == "application/sparql-results+xml"
    status, headers, _ = get(endpoint, SELECT, "text/csv;q=0.1, text/tab-separated-values")
    assert media(headers) == "text/tab-separated-values"


def test_unsupported_accept_is_406(endpoint):
    assert get(endpoint, SELECT, "image/png")[0] == 406
    assert get(endpoint, CONSTRUCT, "application/sparql-results+json")[0] == 406


def test_malformed_query_is_400(endpoint):
    assert get(endpoint, "SELECT WHERE {")[0] == 400


def test_service_description(endpoint):
    status, headers, body = get(endpoint, None, "text/turtle")
    assert status == 200 and media(headers) == "text/turtle"
    sd = "http://www.w3.org/ns/sparql-service-description#"
    graph = list(ox.parse(body, ox.RdfFormat.TURTLE, base_iri=endpoint))
    assert any(t.predicate.value == f"{sd}endpoint" for t in graph)
    assert any(t.object.value == f"{sd}SPARQL11Query" for t in graph)


def test_default_and_named_graph_uri(endpoint):
    in_g1 = sum(1 for _ in embedded("SELECT * WHERE { ?s ?p ?o }", default_graph=[ox.NamedNode(G1)]))
    status, _, body = get(endpoint, COUNT, "application/sparql-results+json", **{"default-graph-uri": G1})
    assert status == 200 and int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) == in_g1 < TOTAL
    status, _, body = http(endpoint, form={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                              "named-graph-uri": G1},
                              headers={"Accept": "application/sparql-results+json"})
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [G1]


def test_cors_preflight_and_header(endpoint):
    status, headers, _ = http(endpoint, method="OPTIONS", headers={
        "Origin": "http://app.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert 200 <= status < 300
    assert headers.get("Access-Control-Allow-Origin") in ("*", "http://app.example")
    status, headers, _ = get(endpoint, "ASK {}", "application/sparql-results+json",
                             headers={"Origin": "http://app.example"})
    assert status == 200 and headers.get("Access-Control-Allow-Origin") in ("*", "http://app.example")


def test_sparqlwrapper(endpoint):
    from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper
    client = SPARQLWrapper(endpoint)
    client.setQuery(SELECT)
    client.setReturnFormat(JSON)
    assert json_titles(json.dumps(client.query().convert()).encode()) == TITLES
    client.setMethod(POST)
    client.setReturnFormat(XML)
    client.setQuery("ASK { ?s ?p ?o }")
    assert client.query().convert().getElementsByTagName("boolean")[0].firstChild.data == "true"
    client.setReturnFormat(TURTLE)
    client.setQuery(CONSTRUCT)
    graph = client.query().convert()
    assert len(graph if not isinstance(graph, bytes) else list(ox.parse(graph, ox.RdfFormat.TURTLE))) == len(TITLES)
