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


def plain_help() -> None:
    """Help screens say what an option takes in words a user reads: no ``<bool>`` after a flag
    (it takes no value) and a required argument as ``DOCUMENT`` rather than ``{document}``.
    (Typer ≥ 0.25 prints both; older versions have neither hook, and nothing changes.)"""
    from typer import core

    option, argument = getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)
    if option is not None and hasattr(option, "display_type_rich"):
        shown = option.display_type_rich

        def display_type_rich(self, ctx):
            return None if getattr(self, "is_flag", False) else shown(self, ctx)
        option.display_type_rich = display_type_rich
    if argument is not None and hasattr(argument, "_usage_display_name"):
        def usage_name(self):
            name = self.display_name_raw.upper()
            name = name if self.required else f"[{name}]"
            return name + ("..." if self.nargs != 1 else "")
        argument._usage_display_name = usage_name
