"""What `pskg serve` refuses (issue 13): SERVICE (no outbound traffic: a listener on 127.0.0.1
must receive nothing), foreign Host headers (DNS rebinding), cross-site form posts, updates by
every route, path traversal; and the SERVICE detector on its own."""
from __future__ import annotations

import socket
import threading
import urllib.parse
from pathlib import Path

import pytest

from pskg.serve.guard import uses_service
from servers import oxigraph_binary, pskg_server
from servers import request as http

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_mini.trig"
JSON = {"Accept": "application/sparql-results+json"}

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="oxigraph binary missing")


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port, self.seen, self.done = self.sock.getsockname()[1], [], threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.seen.append(conn.recv(200))
                except OSError:
                    self.seen.append(b"")

    def close(self):
        self.done.set()
        self.thread.join(5)
        self.sock.close()


@pytest.fixture
def listener():
    ear = Listener()
    yield ear
    ear.close()


@pytest.fixture(scope="module")
def base():
    with pskg_server("--graph", str(FIXTURE)) as url:
        yield url


def service_queries(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
            f"select * where {{ ?a ?b ?c . service silent <{url}> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ ?a ?b ?c.SERVICE<{url}>{{ ?s ?p ?o }} }}",
            f"PREFIX x: <{url}#> ASK {{ SeRvIcE x: {{ ?s ?p ?o }} }}"]


def test_service_is_refused_and_nothing_goes_out(base, listener):
    for query in service_queries(listener.port):
        answers = [http(f"{base}/sparql?{urllib.parse.urlencode({'query': query})}", headers=JSON),
                   http(f"{base}/sparql", form={"query": query}, headers=JSON),
                   http(f"{base}/query", body=query.encode(),
                        headers={**JSON, "Content-Type": "application/sparql-query"})]
        for status, _, body in answers:
            assert status == 403 and b"SERVICE" in body, (query, status, body)
    listener.done.wait(0.5)
    assert listener.seen == []


def test_allow_service_really_connects(listener):
    """The same listener does see the request when SERVICE is allowed: the test above can fail."""
    with pskg_server("--graph", str(FIXTURE), "--allow-service") as url:
        http(f"{url}/sparql", form={"query": service_queries(listener.port)[0]}, headers=JSON, timeout=30)
    assert listener.seen and listener.seen[0].startswith(b"POST /sparql")


def test_service_detector():
    assert uses_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    assert uses_service("SELECT * {?s ?p ?o.service?endpoint{}}")
    for harmless in ['SELECT ?service { ?service a <http://x/SERVICE> } # SERVICE <http://y/>',
                     'SELECT * { ?s ?p "SERVICE <http://x/> {}" }', "SELECT * { ?s ?p '''a' SERVICE''' }",
                     "PREFIX service: <http://x/> SELECT * { service:a ?p ?o }", "ASK { ?s a ex:SERVICE }"]:
        assert not uses_service(harmless), harmless


@pytest.mark.parametrize("host, status", [("localhost:{port}", 200), ("127.0.0.1:{port}", 200),
                                          ("[::1]:{port}", 200), ("attacker.example", 403),
                                          ("127.0.0.1.attacker.example:{port}", 403),
                                          ("localhost.attacker.example", 403)])
def test_host_header_must_name_this_server(base, host, status):
    port = urllib.parse.urlsplit(base).port
    headers = {"Host": host.format(port=port), **JSON}
    assert http(f"{base}/sparql?query=ASK%7B%7D", headers=headers)[0] == status
    assert http(f"{base}/", headers=headers)[0] == status


def test_cross_site_form_posts_are_refused(base):
    form = {"query": "ASK {}"}
    assert http(f"{base}/sparql", form=form, headers={**JSON, "Origin": "http://attacker.example"})[0] == 403
    assert http(f"{base}/sparql", form=form, headers={**JSON, "Sec-Fetch-Site": "cross-site"})[0] == 403
    assert http(f"{base}/sparql", form=form, headers={**JSON, "Origin": "null"})[0] == 403
    assert http(f"{base}/sparql", body=b"query=ASK%7B%7D",
                headers={**JSON, "Content-Type": "text/plain", "Origin": "http://attacker.example"})[0] == 403
    # the query page's own posts, and a CORS request (preflighted, so the browser asked first)
    assert http(f"{base}/sparql", form=form, headers={**JSON, "Origin": base, "Sec-Fetch-Site": "same-origin"})[0] == 200
    assert http(f"{base}/sparql", body=b"ASK {}", headers={**JSON, "Origin": "http://app.example",
                                                           "Content-Type": "application/sparql-query"})[0] == 200


@pytest.mark.parametrize("method, path, ctype, body", [
    ("POST", "/sparql", "application/x-www-form-urlencoded", b"update=DROP+ALL"),
    ("POST", "/sparql", "application/sparql-update", b"DROP ALL"),
    ("POST", "/query", "application/sparql-update", b"CLEAR DEFAULT"),
    ("POST", "/update", "application/sparql-update", b"DROP ALL"),
    ("POST", "/store", "text/turtle", b"<http://a> <http://b> <http://c> ."),
    ("PUT", "/store?default", "text/turtle", b"<http://a> <http://b> <http://c> ."),
    ("DELETE", "/store?default", None, None), ("PATCH", "/sparql", None, None),
    ("GET", "/sparql?update=DROP+ALL", None, None)])
def test_updates_are_refused_by_every_route(base, method, path, ctype, body):
    status, _, text = http(base + path, method=method, body=body,
                           headers={"Content-Type": ctype} if ctype else {})
    assert status == 403 and b"read-only" in text
    status, _, text = http(f"{base}/sparql?query=SELECT%20(COUNT(*)%20AS%20?n)%7B?s%20?p%20?o%7D", headers=JSON)
    assert b'"value":"130"' in text


def test_raw_non_ascii_query_string_is_400(base):
    with socket.create_connection(("127.0.0.1", urllib.parse.urlsplit(base).port), timeout=10) as sock:
        sock.sendall("GET /sparql?query=ASK{?s?p\"б\"} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode("utf-8"))
        answer = b"".join(iter(lambda: sock.recv(65536), b""))
    assert answer.startswith(b"HTTP/1.0 400") and b"percent-encoded" in answer


@pytest.mark.parametrize("path", ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/ontology/../README.md",
                                  "/queries/../pyproject.toml", "//etc/passwd"])
def test_path_traversal_is_404(base, path):
    with socket.create_connection(("127.0.0.1", urllib.parse.urlsplit(base).port), timeout=10) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
        answer = b"".join(iter(lambda: sock.recv(65536), b""))
    assert answer.startswith(b"HTTP/1.0 404") and b"root:" not in answer and b"[project]" not in answer
