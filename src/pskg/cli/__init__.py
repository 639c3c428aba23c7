"""cli: the command line. Each command group is a module that wires stages together and holds
no logic of its own; commands import the stages they use when they run, so ``pskg --help``
loads none of them.

- ``graph``: build, extract, validate, summary, export;  ``query``: query, queries;
- ``store``: ingest, remove, push, serve;  ``network``: the network commands;
- ``evaluate``: eval;  ``synth``: synth;  ``common``: the one way to fail.

Exit codes: 0 success (a graph that conforms), 1 a graph that does not conform, 2 an error in
the input or the call (one line on stderr naming the file and the problem).
"""
from __future__ import annotations

import typer

from pskg.cli import evaluate, graph, network, query, store, synth
from pskg.cli.common import plain_help

plain_help()

app = typer.Typer(help="pskg: the Post-Soviet Agreements Knowledge Graph — documents in, "
                       "a validated RDF knowledge graph out.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

for _group in (graph, query, network, store, evaluate, synth):
    _group.register(app)


def _interrupted(signum, frame) -> None:
    """Ctrl-C: one line, exit 130; `finally` blocks still run, so no temporary file is left
    and an output set is never half-published by us."""
    typer.echo("pskg: interrupted", err=True)
    raise SystemExit(130)


def main() -> None:
    """The `pskg` program (what the console script runs)."""
    import signal

    signal.signal(signal.SIGINT, _interrupted)
    app()
