"""What every command group shares: one way to fail (one line on stderr, exit 2)."""
from __future__ import annotations

import typer


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, ``pskg: <message>``, then exit with `code` (2: bad input or call)."""
    typer.echo("pskg: " + " ".join(str(message).split()), err=True)
    raise typer.Exit(code)


def write_error(exc: OSError, path) -> str:
    """One line for an output that cannot be written (a file where a folder is wanted, …)."""
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return f"{exc.filename or path}: cannot be written (a file is where a folder is needed)"
    return f"{exc.filename or path}: cannot be written ({exc.strerror or exc})"
