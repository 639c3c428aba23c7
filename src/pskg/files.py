"""Files out: every output of the project is written whole or not at all, with the mode the
user's umask asks for; file names shown in text outputs are escaped so that one name is one
field on one line."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def escape_name(name) -> str:
    """A file name as it may appear in a line of text or a TSV field: newline, tab, carriage
    return, backslash and other control characters become backslash escapes."""
    return "".join(_ESCAPES.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x20 or ord(ch) == 0x7f
                                         else ch) for ch in str(name))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place (mode 0666 less the
    umask, as a plain open() would give; mkstemp alone makes it 0600)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as err:
        err.filename = str(path)            # the file the user named, not our temporary one
        raise
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            err.filename = str(path)
        raise


def publish(folder: str | Path, outputs: dict[str, bytes]) -> None:
    """Put a set of output files into `folder` as close to one step as files allow: each is
    first written whole (and synced) into a staging folder inside `folder`, and only when all
    are there are they renamed into place, one rename each. (Each file should also carry the
    build's id, so a set broken by a kill between two renames can be told.)"""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob(".pskg-staging-*"):      # left by a build killed while publishing
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=".pskg-staging-", dir=folder))
    try:
        for name, data in outputs.items():
            write_atomic(staging / name, data)
            with open(staging / name, "rb") as handle:
                os.fsync(handle.fileno())
        for name in outputs:
            os.replace(staging / name, folder / name)
    finally:
        for leftover in staging.iterdir():
            leftover.unlink()
        staging.rmdir()
