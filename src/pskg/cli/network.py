"""`pskg network …`: export, measure and draw the networks of the graph.

Wired into the main app by ``pskg.cli`` (``network.register(app)``).
Exit codes: 0 done, 2 an error in the input or the call (missing graph file, bad option).
"""
from __future__ import annotations

import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer

from pskg.cli.common import fail
from pskg.errors import InputError
from pskg.paths import BUILD_DIR

DEFAULT_GRAPH = BUILD_DIR / "pskg.trig"

GraphOpt = Annotated[Path, typer.Option("--graph", "-g", help="Graph file (.trig, .nq, .ttl…).")]
FromOpt = Annotated[Optional[int], typer.Option("--from", help="First year signed (inclusive).")]
ToOpt = Annotated[Optional[int], typer.Option("--to", help="Last year signed (inclusive).")]
KindOpt = Annotated[Optional[str], typer.Option(
    "--kind", help="Instrument kind: treaty, agreement, declaration, protocol, charter, "
                   "memorandum, convention, other.")]
TopicOpt = Annotated[Optional[str], typer.Option(
    "--topic", help="Obligation topic: a name in topic: (security_defence) or an IRI.")]
ScopeOpt = Annotated[str, typer.Option(
    "--scope", help="Instruments: all (reference data included) | documents (only those the "
                    "corpus attests: a document is the text of, describes or transmits it, "
                    "or an instrument it names cites it).")]
AsOfOpt = Annotated[Optional[str], typer.Option(
    "--as-of", help="A day YYYY-MM-DD: only states bound by each instrument on that day "
                    "(consent by then, in force, not withdrawn or suspended); cosign, bipartite.")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language of the labels (falls back to en).")]
OutOpt = Annotated[str, typer.Option("--output", "-o", help="Output file; '-' = stdout.")]
PngOpt = Annotated[Path, typer.Option("--output", "-o", help="PNG file to write.")]


def _load(path: Path):
    from pskg.network.source import load_graph
    try:
        return load_graph(path)
    except InputError as exc:
        fail(str(exc))


def _check(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        fail(f"--format must be one of {', '.join(allowed)}, not {fmt!r}")


def _check_scope(scope: str) -> None:
    from pskg.network.source import SCOPES
    if scope not in SCOPES:
        fail(f"--scope must be one of {', '.join(SCOPES)}, not {scope!r}")


def _scope_note(scope: str) -> None:
    """Say on stderr, after a result made with --scope all, that reference data is in it."""
    if scope == "all":
        typer.echo("pskg: note: --scope all counts the reference data's instruments as well as "
                   "the documents'; --scope documents keeps only what the corpus attests", err=True)


def _notes(notes: list[str]) -> None:
    for note in notes:
        typer.echo(f"pskg: warning: {note}", err=True)


def _export_command(name: str):
    def command(graph: GraphOpt = DEFAULT_GRAPH, start: FromOpt = None, end: ToOpt = None,
                kind: KindOpt = None, topic: TopicOpt = None, scope: ScopeOpt = "all",
                lang: LangOpt = "en", as_of: AsOfOpt = None,
                fmt: Annotated[str, typer.Option(
                    "--format", "-f", help="table | csv | graphml | gexf | json")] = "table",
                out: OutOpt = "-") -> None:
        from pskg.network import export
        from pskg.network.build import build
        _check(fmt, export.GRAPH_FORMATS)
        _check_scope(scope)
        data = _load(graph)
        try:
            G = build(data, name, start, end, kind, topic, lang, scope, as_of)
            export.write_graph(G, fmt, out)
        except (ValueError, OSError) as exc:
            fail(str(exc))
        if out != "-":
            typer.echo(f"{out}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges",
                       err=True)
        _scope_note(scope)
    return command


def measures(name: Annotated[str, typer.Argument(help="cosign | bipartite | citations | "
                                                      "obligations")],
             graph: GraphOpt = DEFAULT_GRAPH, start: FromOpt = None, end: ToOpt = None,
             kind: KindOpt = None, topic: TopicOpt = None, scope: ScopeOpt = "all",
             lang: LangOpt = "en", as_of: AsOfOpt = None,
             by: Annotated[str, typer.Option(help="Rank by this column.")] = "weighted_degree",
             top: Annotated[int, typer.Option(help="Show the first N rows (0 = all).")] = 0,
             per_year: Annotated[bool, typer.Option(
                 "--per-year", help="Density, clustering… of each yearly snapshot.")] = False,
             fmt: Annotated[str, typer.Option("--format", "-f",
                                              help="table | csv | json")] = "table",
             out: OutOpt = "-") -> None:
    """Rank the nodes of a network (degree, weighted degree, eigenvector, betweenness,
    PageRank for directed networks, Louvain community)."""
    from pskg.network import export
    from pskg.network import measures as m
    from pskg.network.build import build, snapshots
    _check(fmt, export.ROW_FORMATS)
    _check_scope(scope)
    data = _load(graph)
    try:
        if per_year:
            snaps = snapshots(data, name, start, end, instrument_kind=kind, topic=topic,
                              lang=lang, scope=scope)
            rows, title = m.snapshot_measures(snaps), f"{name}: yearly snapshots (31 December)"
        else:
            G = build(data, name, start, end, kind, topic, lang, scope, as_of)
            rows = m.node_measures(G, by=by)
            s = m.summary(G)
            title = (f"{name}: {s['nodes']} nodes, {s['edges']} edges, density "
                     f"{s['density']}, clustering {s['average_clustering']}, ranked by {by}")
        export.write_output(export.render_rows(rows[:top] if top else rows, fmt, title), out)
    except (ValueError, OSError) as exc:
        fail(str(exc))
    _scope_note(scope)


def _figure(graph: Path, scope: str, draw) -> None:
    """Load the graph and draw a figure with it; matplotlib's font warnings become notes."""
    _check_scope(scope)
    data = _load(graph)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            _notes(draw(data))
    except (ValueError, OSError) as exc:
        fail(str(exc))
    _scope_note(scope)


def plot(name: Annotated[str, typer.Argument(help="cosign | bipartite | citations | obligations")],
         out: PngOpt, graph: GraphOpt = DEFAULT_GRAPH, start: FromOpt = None,
         end: ToOpt = None, kind: KindOpt = None, topic: TopicOpt = None,
         scope: ScopeOpt = "all", lang: LangOpt = "en") -> None:
    """Draw a network as PNG: node colour = Louvain community, edge width = weight."""
    from pskg.network.plot import plot_projection
    _figure(graph, scope, lambda data: plot_projection(data, name, out, start, end, kind, topic,
                                                       lang, scope))
    typer.echo(f"{out}", err=True)


def timeline(out: PngOpt, graph: GraphOpt = DEFAULT_GRAPH,
             by: Annotated[str, typer.Option(help="kind | state")] = "kind",
             start: FromOpt = None, end: ToOpt = None, kind: KindOpt = None,
             scope: ScopeOpt = "all", lang: LangOpt = "en") -> None:
    """Instruments per year: stacked by kind, or one (cumulative) line per state."""
    from pskg.network.plot import timeline as draw
    _figure(graph, scope, lambda data: draw(data, out, by=by, start=start, end=end, kind=kind,
                                            lang=lang, scope=scope))
    typer.echo(f"{out}", err=True)


def register(app: typer.Typer) -> None:
    """Add the `network` command group to ``app``."""
    from pskg.network.projections import PROJECTIONS
    net = typer.Typer(help="Networks of who binds whom: export, measures, figures.",
                      no_args_is_help=True)
    for proj in PROJECTIONS:
        net.command(proj.name, help=f"Export the {proj.name} network: {proj.meaning}.")(
            _export_command(proj.name))
    net.command("measures")(measures)
    net.command("plot")(plot)
    net.command("timeline")(timeline)
    app.add_typer(net, name="network")
