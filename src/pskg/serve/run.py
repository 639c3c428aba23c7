"""Start `pskg serve`: the backends, the HTTP server, its options; stop them all on exit."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from pskg.serve import guard
from pskg.serve.backend import BackendPool
from pskg.serve.proxy import Limits
from pskg.serve.server import Handler, Server, count_triples


def make_server(source: tuple[str, str], host: str = "127.0.0.1", port: int = 8000,
                timeout: float = 10, limit: int = 1000, workers: int = 4, memory_mb: int = 2048,
                max_body: int = 1024 * 1024, allow_service: bool = False,
                queries_dir: Path | None = None, ontology_dir: Path | None = None) -> Server:
    """A ready server (call ``serve_forever()``; ``server.pool.close()`` when done)."""
    from pskg.paths import QUERIES_DIR, ROOT
    limits = Limits(timeout=timeout, limit=limit, memory_mb=memory_mb)
    pool = BackendPool(source, size=workers, memory_mb=memory_mb)
    try:
        handler = type("PskgHandler", (Handler,), {
            "pool": pool, "limits": limits, "hosts": guard.allowed_hosts(host),
            "allow_service": allow_service, "max_body": max_body, "triples": count_triples(pool, limits),
            "queries_dir": queries_dir or QUERIES_DIR, "ontology_dir": ontology_dir or ROOT / "docs" / "ontology"})
        server = Server((host, port), handler)
    except BaseException:
        pool.close()
        raise
    server.pool = pool
    return server


def serve(source: tuple[str, str], host: str = "127.0.0.1", port: int = 8000, **options) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), then stop the backends."""
    server = make_server(source, host, port, **options)

    def _stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    print(f"pskg serve: http://{host}:{port}/  ({server.RequestHandlerClass.triples:,} triples from "
          f"{source[1]}, {server.pool.size} Oxigraph backends)", file=sys.stderr, flush=True)
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
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--memory", type=int, default=2048, help="MB of memory (heap) per backend")
    parser.add_argument("--max-body", type=int, default=1024 * 1024, help="largest request body, bytes")
    parser.add_argument("--allow-service", action="store_true")
    parser.add_argument("--queries", type=Path, default=None)
    parser.add_argument("--ontology", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        source = source_of(args.store, args.graph)
        serve(source, args.host, args.port, timeout=args.timeout, limit=args.limit, workers=args.workers,
              memory_mb=args.memory, max_body=args.max_body, allow_service=args.allow_service,
              queries_dir=args.queries, ontology_dir=args.ontology)
    except (ValueError, RuntimeError, OSError) as err:
        print(f"pskg serve: {err}", file=sys.stderr)
        return 2
    return 0
