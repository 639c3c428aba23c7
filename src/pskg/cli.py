"""The command line: each command wires stages together, nothing more."""
from __future__ import annotations

import typer

app = typer.Typer(help="pskg: the Post-Soviet Agreements Knowledge Graph.",
                  no_args_is_help=True, add_completion=False)


def main() -> None:  # pragma: no cover
    app()
