"""Push to a real Oxigraph server (Graph Store Protocol and SPARQL Update), compare its answers
with the embedded store's, re-push one changed document graph, and check `pskg serve` answers
the same through SPARQLWrapper."""
from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from pskg import store as st
from pskg.query.compare import SMOKE_QUERIES, compare_all_queries, remote_answer
from pskg.store import remote
from servers import oxigraph_binary, oxigraph_server, pskg_server

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_mini.trig"
G1 = "https://w3id.org/pskg/id/graph/1a2b3c4d5e6f7a8b"
QUERIES = SMOKE_QUERIES

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="oxigraph server binary missing "
                                "(pip install oxigraph: it is in the [test] extra)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as srv:
        yield srv


def remote_count(server, graph: str) -> int:
    answer = remote_answer(server.query, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(next(iter(answer))[0][1])


@pytest.mark.parametrize("method", ["gsp", "update"])
def test_push_and_compare(server, method):
    remote.update(server.update, "DROP ALL")
    report = remote.push(FIXTURE, server.update, graph_store_url=server.store, method=method)
    assert len(report.graphs) == 3 and report.triples == 130
    assert compare_all_queries(FIXTURE, server.query, queries_dir=Path("/nonexistent"), extra=QUERIES) == []
    # the union default graph is what makes queries without GRAPH see the documents
    assert remote_answer(server.query, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == \
        {(("literal", "130", "http://www.w3.org/2001/XMLSchema#integer"),): 1}


def test_comparison_finds_a_difference(server):
    remote.update(server.update, "DROP ALL")
    remote.push(FIXTURE, server.update, graph_store_url=server.store)
    remote.update(server.update, f"DELETE WHERE {{ GRAPH <{G1}> {{ ?s <https://w3id.org/pskg/ontology#dateSigned> ?d }} }}")
    found = compare_all_queries(FIXTURE, server.query, queries_dir=Path("/nonexistent"), extra=QUERIES)
    assert sorted(m.query for m in found) == ["instruments", "per-graph"]


@pytest.mark.parametrize("method", ["gsp", "update"])
def test_repush_replaces_one_graph_as_a_unit(server, method):
    remote.update(server.update, "DROP ALL")
    store = st.open_store(None)
    st.load_dataset(store, FIXTURE)
    remote.push(store, server.update, graph_store_url=server.store, method=method)
    others = {g.value: remote_count(server, g.value) for g in store.named_graphs() if g.value != G1}
    # the document changed: fewer triples, a new title; the old ones must not survive remotely
    st.replace_graph(store, G1, b"".join(
        line + b"\n" for line in st.dump(store, "nquads").splitlines()
        if G1.encode() in line and b"pskg/ontology#Signatory" not in line and b"/terms/title" not in line)
        + f'<https://w3id.org/pskg/id/instrument/1991-12-08-agreement-cis> <http://purl.org/dc/terms/title> '
          f'"Minsk Agreement"@en <{G1}> .\n'.encode())
    remote.push(store, server.update, graph_store_url=server.store, method=method, graphs=[G1])
    assert remote_count(server, G1) == len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(G1))))
    titles = remote_answer(server.query, "SELECT ?t WHERE { ?i <http://purl.org/dc/terms/title> ?t "
                                         "FILTER(lang(?t) = 'en') }")
    assert set(titles) == {(("literal", "Minsk Agreement", "@en"),)}
    assert {g: remote_count(server, g) for g in others} == others
    assert compare_all_queries(store, server.query, queries_dir=Path("/nonexistent"), extra=QUERIES) == []
    remote.delete_graph(server.update, G1, graph_store_url=server.store if method == "gsp" else None)
    assert remote_count(server, G1) == 0


@pytest.mark.parametrize("source", ["--graph", "--store"])
def test_pskg_serve_answers_like_the_embedded_store(source, tmp_path):
    where = FIXTURE
    if source == "--store":
        where = tmp_path / "store"
        st.load_dataset(st.open_store(where), FIXTURE)      # closed again before serve opens it
    with pskg_server(source, str(where)) as base:
        assert compare_all_queries(FIXTURE, f"{base}/sparql", queries_dir=Path("/nonexistent"),
                                   extra=QUERIES) == []


def test_credentials_from_environment(monkeypatch):
    """Basic auth from PSKG_ENDPOINT_USER/PASSWORD, sent after the server's 401 challenge."""
    seen = []

    class Auth(BaseHTTPRequestHandler):
        def do_PUT(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            seen.append(self.headers.get("Authorization"))
            if not self.headers.get("Authorization"):
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="sparql"')
            else:
                self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Auth)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("PSKG_ENDPOINT_USER", "dba")
        monkeypatch.setenv("PSKG_ENDPOINT_PASSWORD", "s3cret")
        url = f"http://127.0.0.1:{httpd.server_address[1]}/store"
        remote.put_graph(url, G1, b"<http://a> <http://b> <http://c> .\n")
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert seen == [None, "Basic " + base64.b64encode(b"dba:s3cret").decode()]


def _http(url: str, data: dict | None = None, accept: str = "*/*", content_type: str | None = None,
          body: bytes | None = None):
    import urllib.error
    import urllib.parse
    import urllib.request
    payload = body if body is not None else urllib.parse.urlencode(data).encode() if data else None
    req = urllib.request.Request(url, data=payload, headers={"Accept": accept})
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read().decode("utf-8")


def test_pskg_serve_limits_and_refuses_updates():
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
    with pskg_server("--graph", str(FIXTURE), "--timeout", "2", "--limit", "3", "--workers", "1") as base:
        status, headers, text = _http(f"{base}/sparql", {"query": "SELECT * WHERE { ?s ?p ?o }"}, "text/csv")
        assert status == 200 and headers["Content-Type"].startswith("text/csv")
        assert len(text.strip().splitlines()) == 4 and headers["X-Result-Truncated"] == "3"
        assert _http(f"{base}/sparql", {"update": "DROP ALL"})[0] == 403
        assert _http(f"{base}/sparql", body=b"DROP ALL", content_type="application/sparql-update")[0] == 403
        assert _http(f"{base}/update", {"update": "DROP ALL"})[0] == 403
        assert _http(f"{base}/sparql", {"query": "DROP ALL"})[0] == 400
        status, _, text = _http(f"{base}/sparql", {"query": slow})
        assert status == 503 and "time limit" in text
        status, _, text = _http(f"{base}/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D")   # a fresh worker answers
        assert status == 200 and json.loads(text)["boolean"] is True
        status, _, text = _http(f"{base}/")
        assert status == 200 and 'id="run"' in text


def test_cli_push_and_serve_errors(server, tmp_path):
    import typer
    from typer.testing import CliRunner

    from pskg.cli.store import register
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    remote.update(server.update, "DROP ALL")
    result = runner.invoke(app, ["push", "--graph-store", server.store, "--graph", str(FIXTURE)])
    assert result.exit_code == 0 and "pushed 3 graphs, 130 triples (gsp)" in result.output, result.output
    store_dir = tmp_path / "store"
    st.load_dataset(st.open_store(store_dir), FIXTURE)
    result = runner.invoke(app, ["push", "--endpoint", server.update, "--store", str(store_dir)])
    assert result.exit_code == 0 and "(update)" in result.output, result.output
    assert compare_all_queries(FIXTURE, server.query, queries_dir=Path("/nonexistent"), extra=QUERIES) == []
    assert runner.invoke(app, ["push", "--graph", str(FIXTURE)]).exit_code == 2
    result = runner.invoke(app, ["push", "--endpoint", server.base + "/nowhere", "--graph", str(FIXTURE)])
    assert result.exit_code == 2 and "HTTP 404" in result.output
    assert runner.invoke(app, ["serve", "--graph", str(tmp_path / "missing.trig")]).exit_code == 2


def test_bundled_graph_answers_every_named_query_the_same_remotely(server, corpus_build, tmp_path):
    """The bundled corpus pushed with `pskg push` to a real Oxigraph server: every query of
    queries/ gives the same rows remotely (SPARQLWrapper) as in the embedded store."""
    from typer.testing import CliRunner

    from pskg.cli import app
    from pskg.paths import QUERIES_DIR
    from pskg.rdf.export import export

    trig = tmp_path / "pskg.trig"
    export(corpus_build.dataset, "trig", trig)
    remote.update(server.update, "DROP ALL")
    result = CliRunner().invoke(app, ["push", "--graph-store", server.store, "--graph", str(trig)])
    assert result.exit_code == 0, result.output
    assert len(list(QUERIES_DIR.glob("*.rq"))) >= 8
    assert compare_all_queries(trig, server.query, queries_dir=QUERIES_DIR) == []
