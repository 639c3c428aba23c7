"""`pskg query` and `pskg queries`: run a named query over a graph file, a store or an endpoint.

Wired into the main app by ``pskg.cli`` (``register(app)``). Exit codes: 0 on success, 2 on an
error in the input or the call (missing file, bad parameter, unreachable endpoint).
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import List, Optional

import typer

from pskg.cli.common import fail
from pskg.errors import InputError
from pskg.paths import BUILD_DIR, QUERIES_DIR

DEFAULT_GRAPH = BUILD_DIR / "pskg.trig"
ENGINES = ("rdflib", "oxigraph")


def queries_dir() -> Path:
    """``queries/`` in the working directory, else the one beside the source tree."""
    here = Path("queries")
    return here if here.is_dir() else QUERIES_DIR


def resolve(query_file: str) -> Path:
    """A path to a .rq file, or the name of one in the queries directory."""
    path = Path(query_file)
    if path.is_file() or path.suffix == ".rq" or "/" in query_file:
        return path
    return queries_dir() / f"{query_file}.rq"


def parse_params(pairs: List[str]) -> dict[str, str]:
    from pskg import query as q
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise q.QueryError(f"--param {pair!r}: want NAME=VALUE")
        params[key.strip()] = value
    return params


def open_graph(path: Path, engine: str):
    """A graph file as an rdflib Dataset (union default graph) or an in-memory pyoxigraph Store
    whose default graph holds the union of the file's graphs, each triple once."""
    from pskg import query as q
    if not path.is_file():
        raise q.QueryError(f"{path}: no such graph file")
    if engine == "rdflib":
        from pskg.rdf.load import load_graph_file  # a Dataset whose default graph is the union
        return load_graph_file(path)
    import pyoxigraph as ox

    from pskg.rdf.load import FORMATS, check_graph_file
    from pskg.store import facts
    check_graph_file(path, FORMATS.get(path.suffix.lower(), ""), path.read_bytes())
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))
    if not len(store):
        raise InputError("holds no triples (an empty graph: nothing to query)", path=path)
    return facts.loaded(store)


def open_store(directory: Path):
    import pyoxigraph as ox

    from pskg import query as q
    if not directory.is_dir():
        raise q.QueryError(f"{directory}: no such store directory")
    return ox.Store.read_only(str(directory))


def query_command(
    query_file: str = typer.Argument(..., help="a .rq file, or the name of one in queries/"),
    graph: Optional[Path] = typer.Option(None, "--graph", "-g",
                                         help=f"graph file (TriG, N-Quads, Turtle…); default {DEFAULT_GRAPH}"),
    store: Optional[Path] = typer.Option(None, "--store", help="pyoxigraph store directory"),
    endpoint: Optional[str] = typer.Option(None, "--endpoint",
                                           help="SPARQL endpoint URL (union default graph); "
                                                "credentials from PSKG_ENDPOINT_USER/PASSWORD or ~/.netrc"),
    engine: str = typer.Option("oxigraph", "--engine",
                               help="engine for --graph: oxigraph (in memory) or rdflib"),
    param: List[str] = typer.Option([], "--param", "-p", help="NAME=VALUE (repeatable)"),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json"),
    output: str = typer.Option("-", "--output", "-o", help="output file, - for stdout"),
    allow_service: bool = typer.Option(False, "--allow-service",
                                       help="run a query that calls SERVICE (refused by default: "
                                            "it makes requests to other addresses)"),
) -> None:
    """Run a named query; its parameters are bound as RDF terms, never pasted into the text."""
    from pskg import query as q
    try:
        if sum(x is not None for x in (graph, store, endpoint)) > 1:
            raise q.QueryError("give only one of --graph, --store, --endpoint")
        if fmt not in q.FORMATS or engine not in ENGINES:
            raise q.QueryError(f"--format {fmt!r} / --engine {engine!r}: "
                               f"want one of {q.FORMATS} / {ENGINES}")
        named = q.load_query(resolve(query_file))
        from pskg.query.federation import refusal
        if not allow_service and (refused := refusal(named.text)):
            raise q.QueryError(f"{query_file}: {refused}")
        params = parse_params(param)
        q.bind(named, params)                       # fail on bad params before loading data
        if endpoint:
            try:
                result = q.run_remote(named, endpoint, params)
            except Exception as err:  # urllib and SPARQLWrapper errors come in many classes
                raise q.QueryError(f"{endpoint}: {type(err).__name__}: {err}") from err
        else:
            source = open_store(store) if store else open_graph(graph or DEFAULT_GRAPH, engine)
            result = q.run(named, source, params)
    except (q.QueryError, InputError, OSError, SyntaxError, ValueError) as err:
        fail(str(err))
    except Exception as err:  # parser and endpoint errors come in many classes
        fail(f"{query_file}: {type(err).__name__}: {err}")
    text = q.format_result(result, fmt, width=max(shutil.get_terminal_size((200, 24)).columns, 80))
    if output == "-":
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as err:
        fail(f"{output}: {err.strerror or err}")


def queries_command(
    directory: Optional[Path] = typer.Option(None, "--dir", help="directory of .rq files"),
) -> None:
    """List the named queries with their titles and parameters."""
    from pskg import query as q
    try:
        found = q.find_queries(directory or queries_dir())
    except q.QueryError as err:
        fail(str(err))
    for nq in found:
        typer.echo(f"{nq.name}: {nq.title}")
        for p in nq.params:
            mode = "required" if p.required else (f"default {p.default}" if p.default else "optional")
            typer.echo(f"    --param {p.name}=<{p.type}>  ({mode}) {p.description}")


def register(app: typer.Typer) -> None:
    app.command("query")(query_command)
    app.command("queries")(queries_command)
