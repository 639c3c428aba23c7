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

app = typer.Typer(help="pskg: the Post-Soviet Agreements Knowledge Graph — documents in, "
                       "a validated RDF knowledge graph out.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

for _group in (graph, query, network, store, evaluate, synth):
    _group.register(app)


def main() -> None:  # pragma: no cover
    app()
