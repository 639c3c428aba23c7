"""CLI commands for the store and endpoints: ingest, remove, push, serve (``register(app)``).

Extraction comes from ``pskg.pipeline.document_items(paths)``: each document's graph, content
hash and a function that extracts it, called only when the store lacks that hash.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from pskg.cli.common import fail
from pskg.paths import BUILD_DIR

STORE_HELP = "the store directory (pyoxigraph on disk)"


def ingest_cmd(files: List[Path] = typer.Argument(..., exists=True, help="documents to (re)ingest"),
               store: Path = typer.Option(BUILD_DIR / "store", "--store", help=STORE_HELP),
               progress: bool = typer.Option(False, "--progress",
                                             help="A line on stderr per document extracted.")) -> None:
    """Add or update documents in the store; unchanged documents (same content hash) are
    skipped, and a second copy of a text is listed as a duplicate and not added."""
    from pskg.cli.graph import progress_printer
    from pskg.errors import InputError
    from pskg.files import escape_name

    try:
        from pskg import pipeline
        plan = pipeline.sync_store(store, list(files), progress=progress_printer(progress, "extracted"))
    except InputError as exc:
        fail(str(exc))
    for name, kept in sorted(plan.duplicates.items()):
        typer.echo(f"pskg: {escape_name(name)}: the same text as {escape_name(kept)} "
                   "(same content hash); skipped as a duplicate", err=True)
    typer.echo(f"{len(plan.new)} new, {len(plan.changed)} changed, {len(plan.unchanged)} unchanged → {store}")


def remove_documents(store: Path, keys: list[str]) -> list[str]:
    """Drop the graphs ``keys`` name; return the keys that named nothing. (The store closes on
    return: a Store held by a traceback would keep its lock.)"""
    from pskg import store as st
    db, missing = st.open_store(store), []
    for key in keys:
        graphs = st.find_graphs(db, key)
        if not graphs:
            missing.append(key)
        for graph in graphs:
            st.drop_graph(db, graph)
            typer.echo(f"removed {graph}")
    db.flush()
    return missing


def remove_cmd(keys: List[str] = typer.Argument(..., help="file name, content hash (or 8+ hex prefix) or graph IRI"),
               store: Path = typer.Option(BUILD_DIR / "store", "--store", help=STORE_HELP)) -> None:
    """Drop documents' named graphs from the store."""
    if not store.is_dir():
        fail(f"{store}: no store here")
    missing = remove_documents(store, keys)
    if missing:
        fail(f"no document in {store} matches: {', '.join(missing)}")


def push_cmd(endpoint: Optional[str] = typer.Option(None, "--endpoint", help="SPARQL Update endpoint URL"),
             graph_store: Optional[str] = typer.Option(None, "--graph-store", help="Graph Store Protocol URL"),
             graph: Optional[Path] = typer.Option(None, "--graph", help="TriG/N-Quads file to push"),
             store: Optional[Path] = typer.Option(None, "--store", help=STORE_HELP),
             method: Optional[str] = typer.Option(None, "--method", help="gsp | update (default: gsp "
                                                  "when --graph-store is given)")) -> None:
    """Load every named graph into a SPARQL 1.1 endpoint, each replaced as a unit.

    Credentials: PSKG_ENDPOINT_USER / PSKG_ENDPOINT_PASSWORD or ~/.netrc."""
    from pskg import store as st
    from pskg.store.remote import push
    if not endpoint and not graph_store:
        fail("give --endpoint URL (SPARQL Update) and/or --graph-store URL")
    if graph and store:
        fail("give one of --graph FILE or --store DIR")
    source = store or graph or BUILD_DIR / "pskg.trig"
    if not source.exists():
        fail(f"{source}: not found")
    try:
        report = push(st.open_store(store) if store else source, endpoint,
                      graph_store_url=graph_store, method=method)
    except (RuntimeError, ValueError, OSError) as err:
        report, problem = None, str(err)
    if report is None:
        fail(problem)
    typer.echo(f"pushed {len(report.graphs)} graphs, {report.triples} triples ({report.method})")


def serve_cmd(store: Optional[Path] = typer.Option(None, "--store", help=STORE_HELP),
              graph: Optional[Path] = typer.Option(None, "--graph", help="TriG/N-Quads/Turtle file"),
              host: str = typer.Option("127.0.0.1", "--host", help="address to listen on; requests must name it "
                                       "or a loopback name in Host"),
              port: int = typer.Option(8000, "--port"),
              timeout: float = typer.Option(10, "--timeout", help="seconds per query"),
              limit: int = typer.Option(1000, "--limit", help="most result rows per query"),
              workers: int = typer.Option(4, "--workers", help="Oxigraph backends (queries at once)"),
              memory: int = typer.Option(2048, "--memory", help="MB of memory (heap) per backend"),
              allow_service: bool = typer.Option(False, "--allow-service",
                                                 help="let queries use SERVICE (outbound HTTP)")) -> None:
    """Serve a read-only SPARQL endpoint (/sparql) and a query page (/); docs/serve.md."""
    from pskg.serve import serve, source_of
    if not store and not graph:
        store = BUILD_DIR / "store" if (BUILD_DIR / "store").is_dir() else None
        graph = None if store else BUILD_DIR / "pskg.trig"
    try:
        serve(source_of(str(store) if store else None, str(graph) if graph else None), host, port,
              timeout=timeout, limit=limit, workers=workers, memory_mb=memory,
              allow_service=allow_service)
    except (ValueError, RuntimeError, OSError) as err:
        fail(str(err))


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("remove")(remove_cmd)
    app.command("push")(push_cmd)
    app.command("serve")(serve_cmd)
