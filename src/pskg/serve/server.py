"""`pskg serve`: a read-only SPARQL 1.1 endpoint and a query page, on loopback by default.

GET/POST ``/sparql`` (query protocol; updates refused with 403), results as SPARQL JSON, XML,
CSV or TSV by the Accept header (or ``format=json|xml|csv|tsv``), N-Triples/Turtle for
CONSTRUCT; each query gets ``--timeout`` seconds in a worker process and at most ``--limit``
rows. ``/`` is the query page with the ``queries/*.rq`` examples; ``/health`` says ok.
Run as ``python -m pskg.serve --store DIR | --graph FILE [--host H] [--port P]``.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pskg.serve.page import examples, render
from pskg.serve.worker import QueryPool

FORM = "application/x-www-form-urlencoded"


def negotiate(accept: str, override: str | None = None) -> str:
    """The result format asked for: json (default), xml, csv, tsv, ttl or nt."""
    if override in ("json", "xml", "csv", "tsv", "ttl", "nt"):
        return override
    accept = (accept or "").lower()
    ranked = [("sparql-results+json", "json"), ("application/json", "json"), ("text/csv", "csv"),
              ("tab-separated-values", "tsv"), ("sparql-results+xml", "xml"), ("text/turtle", "ttl"),
              ("n-triples", "nt")]
    hits = [(accept.find(key), fmt) for key, fmt in ranked if key in accept]
    return min(hits)[1] if hits else "json"


class Handler(BaseHTTPRequestHandler):
    server_version = "pskg-serve/0.1"
    pool: QueryPool
    queries_dir: Path | None
    limit: int

    def log_message(self, fmt, *args):  # quieter than the default: one line on stderr
        sys.stderr.write(f"{self.address_string()} {fmt % args}\n")

    def _send(self, status: int, ctype: str, body: bytes, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _text(self, status: int, message: str) -> None:
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        params = urllib.parse.parse_qs(url.query)
        if url.path in ("/", "/index.html"):
            return self._send(200, "text/html; charset=utf-8", render(self.queries_dir, self.pool.triples))
        if url.path == "/health":
            return self._text(200, "ok")
        if url.path == "/queries":
            body = json.dumps(examples(self.queries_dir), ensure_ascii=False).encode("utf-8")
            return self._send(200, "application/json", body)
        if url.path == "/sparql":
            return self._query(params)
        return self._text(404, f"not found: {url.path}")

    do_HEAD = do_GET

    def do_POST(self):
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/sparql", "/update", "/store"):
            return self._text(404, f"not found: {url.path}")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = urllib.parse.parse_qs(url.query)
        if ctype == FORM:
            params.update(urllib.parse.parse_qs(body))
        elif ctype == "application/sparql-query":
            params["query"] = [body]
        if url.path != "/sparql" or ctype == "application/sparql-update" or "update" in params:
            return self._text(403, "this endpoint is read-only: SPARQL Update is not accepted")
        return self._query(params)

    def do_PUT(self):
        self._text(403, "this endpoint is read-only")

    do_DELETE = do_PATCH = do_PUT

    def _query(self, params: dict) -> None:
        if "update" in params:
            return self._text(403, "this endpoint is read-only: SPARQL Update is not accepted")
        queries = params.get("query") or []
        if len(queries) != 1 or not queries[0].strip():
            return self._text(400, "give exactly one SPARQL query in the 'query' parameter")
        fmt = negotiate(self.headers.get("Accept", ""), (params.get("format") or [None])[0])
        status, ctype, body, truncated = self.pool.run(queries[0], fmt, self.limit)
        extra = {"X-Result-Truncated": str(self.limit)} if truncated else {}
        self._send(status, ctype, body, extra)


def make_server(source: tuple[str, str], host: str = "127.0.0.1", port: int = 8000,
                timeout: float = 10, limit: int = 1000, workers: int = 2,
                queries_dir: Path | None = None) -> ThreadingHTTPServer:
    """A ready server (call ``serve_forever()``; ``server.pool.close()`` when done)."""
    from pskg.paths import QUERIES_DIR
    pool = QueryPool(source, workers=workers, timeout=timeout)
    handler = type("PskgHandler", (Handler,), {"pool": pool, "limit": limit,
                                               "queries_dir": queries_dir or QUERIES_DIR})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError:
        pool.close()
        raise
    server.daemon_threads = True
    server.pool = pool
    return server


def serve(source: tuple[str, str], host: str = "127.0.0.1", port: int = 8000, **options) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), then stop the workers."""
    server = make_server(source, host, port, **options)

    def _stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    print(f"pskg serve: http://{host}:{port}/  ({server.pool.triples:,} triples from {source[1]})",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        server.pool.close()


def source_of(store: str | None, graph: str | None) -> tuple[str, str]:
    if bool(store) == bool(graph):
        raise ValueError("give exactly one of --store DIR or --graph FILE")
    path = Path(store or graph)
    if not path.exists():
        raise ValueError(f"{path}: no such {'store directory' if store else 'file'}")
    return ("store", str(path)) if store else ("graph", str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pskg.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--store")
    parser.add_argument("--graph")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--queries", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        source = source_of(args.store, args.graph)
        serve(source, args.host, args.port, timeout=args.timeout, limit=args.limit,
              workers=args.workers, queries_dir=args.queries)
    except (ValueError, RuntimeError, OSError) as err:
        print(f"pskg serve: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
