"""`pskg serve`: a read-only SPARQL 1.1 endpoint and a query page, on loopback by default.

``/sparql`` (also ``/query``) is served by Oxigraph server processes behind this proxy, which
keeps the limits (see ``proxy``) and refuses what ``guard`` refuses; updates are refused with
403 on every route. ``/`` is the query page with the ``queries/*.rq`` examples, ``/ontology/``
the per-term pages of ``docs/ontology/`` when that folder exists, ``/health`` the backends' state.
Run as ``python -m pskg.serve --store DIR | --graph FILE [--host H] [--port P]``.
"""
from __future__ import annotations

import json
import mimetypes
import os
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pskg.serve import guard
from pskg.serve.backend import BackendPool
from pskg.serve.cap import without_federation
from pskg.serve.page import examples, render
from pskg.serve.proxy import Answer, Limits, forward

FORM = "application/x-www-form-urlencoded"
QUERY_PATHS = ("/sparql", "/query")
FORMAT_PARAM = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "ttl": "text/turtle",
                "nt": "application/n-triples", "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "X-Result-Truncated"}
READ_ONLY = "this endpoint is read-only: SPARQL Update and the Graph Store Protocol are refused"


class Handler(BaseHTTPRequestHandler):
    server_version = "pskg-serve/0.2"
    protocol_version = "HTTP/1.0"
    timeout = 10            # seconds a client may take to send its request (a lying Content-Length)
    pool: BackendPool
    limits: Limits
    hosts: set[str] | None
    allow_service: bool
    max_body: int
    queries_dir: Path | None
    ontology_dir: Path | None
    triples: int

    def log_message(self, fmt, *args):  # one line a request, on stderr
        sys.stderr.write(f"{self.address_string()} {fmt % args}\n")

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        headers = {"Content-Type": answer.media_type, "Content-Length": str(len(answer.body)),
                   "Cache-Control": "no-store", **CORS, **answer.headers}
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _text(self, status: int, message: str, headers: dict | None = None) -> None:
        self._send(Answer(status, "text/plain; charset=utf-8", (message + "\n").encode(), headers or {}))

    def _guarded(self, action) -> None:
        try:
            guard.check_host(self.headers, self.hosts)
            action()
        except guard.Refused as refused:
            self._text(refused.status, refused.reason)

    def do_OPTIONS(self):  # CORS preflight
        self._guarded(lambda: self._send(Answer(204, "text/plain", b"", {
            "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Accept, Content-Type", "Access-Control-Max-Age": "600"})))

    def do_GET(self):
        self._guarded(self._get)

    do_HEAD = do_GET

    def do_POST(self):
        self._guarded(self._post)

    def do_PUT(self):
        self._guarded(lambda: self._text(403, READ_ONLY))

    do_DELETE = do_PATCH = do_PUT

    def _get(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            return self._send(Answer(200, "text/html; charset=utf-8", render(self.queries_dir, self.triples)))
        if url.path == "/health":
            return self._health()
        if url.path == "/queries":
            body = json.dumps(examples(self.queries_dir), ensure_ascii=False).encode("utf-8")
            return self._send(Answer(200, "application/json", body))
        if url.path in QUERY_PATHS:
            return self._query(urllib.parse.parse_qs(url.query), url.query, None, None)
        if url.path == "/ontology" or url.path.startswith("/ontology/"):
            return self._static(url.path)
        return self._text(404, f"not found: {url.path}")

    def _post(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path not in (*QUERY_PATHS, "/update", "/store"):
            return self._text(404, f"not found: {url.path}")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if url.path in ("/update", "/store") or ctype == "application/sparql-update":
            return self._text(403, READ_ONLY)
        guard.check_cross_site_form("POST", self.headers)
        body = guard.read_body(self.rfile, self.headers, self.max_body)
        params = urllib.parse.parse_qs(url.query)
        if ctype == FORM:
            params.update(urllib.parse.parse_qs(body.decode("utf-8", "replace")))
        elif ctype == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        self._query(params, url.query, body, self.headers.get("Content-Type"))

    def _query(self, params: dict, query_string: str, body: bytes | None, ctype: str | None) -> None:
        if "update" in params:
            return self._text(403, READ_ONLY)
        for query in params.get("query", []):
            guard.check_query(query, self.allow_service)
        headers = {"Accept": self.headers.get("Accept") or "*/*"}
        chosen = FORMAT_PARAM.get((params.get("format") or [""])[0])
        if chosen:
            headers["Accept"] = chosen
        if body is not None:
            headers["Content-Type"] = ctype or "application/octet-stream"
        if not query_string.isascii():
            return self._text(400, "the query string must be percent-encoded (RFC 3986)")
        target = "/query" + (f"?{query_string}" if query_string else "")
        method = self.command if body is not None else "GET"
        answer = forward(self.pool, self.limits, method, target, body, headers, cap="query" in params)
        if "query" not in params and answer.status == 200 and not self.allow_service:
            own = f"http://{self.headers.get('Host') or 'localhost'}{urllib.parse.urlsplit(self.path).path}"
            answer.body = without_federation(answer.body, answer.media_type, own)
        answer.headers.setdefault("Vary", "Accept")
        self._send(answer)

    def _health(self) -> None:
        state = self.pool.state()
        up = len(state["idle"]) + len(state["busy"])
        status = "ok" if up else "down"
        body = json.dumps({"status": status, "pid": os.getpid(), "backends": state,
                           "triples": self.triples}).encode()
        self._send(Answer(200 if up else 503, "application/json", body))

    def _static(self, path: str) -> None:
        """A file of ``docs/ontology/`` (``index.html`` for a folder); 404 for anything outside."""
        folder = self.ontology_dir
        if folder is None or not folder.is_dir():
            return self._text(404, "no ontology pages here (docs/ontology/ has not been generated)")
        if path == "/ontology":
            return self._text(301, "/ontology/", {"Location": "/ontology/"})
        root = folder.resolve()
        relative = urllib.parse.unquote(path[len("/ontology/"):])
        wanted = (root / relative).resolve() if "\0" not in relative else root / "\0"
        if wanted.is_dir():
            wanted = wanted / "index.html"
        if not wanted.is_relative_to(root) or "\0" in str(wanted) or not wanted.is_file():
            return self._text(404, f"not found: {path}")
        ctype = mimetypes.guess_type(wanted.name)[0] or "application/octet-stream"
        if ctype.startswith("text/"):
            ctype += "; charset=utf-8"
        self._send(Answer(200, ctype, wanted.read_bytes()))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128     # the default 5 stalls a burst of 20 clients for about a second

    def handle_error(self, request, client_address):
        """One line, not a traceback, when a client goes away before its answer is written."""
        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionError, TimeoutError)):
            sys.stderr.write(f"{client_address[0]} connection lost: {type(err).__name__}\n")
        else:
            super().handle_error(request, client_address)


def count_triples(pool: BackendPool, limits: Limits) -> int:
    answer = forward(pool, limits, "GET", "/query?" + urllib.parse.urlencode(
        {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}), None,
        {"Accept": "application/sparql-results+json"})
    if answer.status != 200:
        return 0
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])
