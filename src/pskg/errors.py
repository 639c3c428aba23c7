"""Errors in the input or the call (the CLI exits 2 on them), as opposed to findings."""
from __future__ import annotations

from os import PathLike


class InputError(Exception):
    """A file or argument the program cannot use; str() is one line naming the file and problem.

    `InputError("cannot parse: bad IRI", path="x.ttl")` → "x.ttl: cannot parse: bad IRI".
    """

    def __init__(self, problem: str, *, path: str | PathLike | None = None) -> None:
        self.problem = " ".join(str(problem).split()) or "unusable input"
        self.path = str(path) if path is not None else None
        super().__init__(str(self))

    def __reduce__(self):  # keep `path` across processes (a pool of workers pickles errors)
        return _rebuild, (type(self), self.problem, self.path)

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}" if self.path else self.problem


def _rebuild(cls, problem: str, path: str | None) -> InputError:
    return cls(problem, path=path)
