"""Curated consent events (data/reference/events.tsv) and the founding instruments of
organisations (data/reference/founding_instruments.tsv), read and checked once.

A row that names an unknown instrument, state, organisation or event kind, a malformed date or
an empty source stops the load with the file and line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pskg.knowledge import reference
from pskg.knowledge.lexicon import read_table
from pskg.knowledge.reference import ReferenceDataError
from pskg.model import EVENT_KINDS
from pskg.paths import DATA_DIR

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class CuratedEvent:
    instrument: str                # id in instruments.tsv
    kind: str
    state: str | None
    date: str
    source: str


def _check(ok: bool, where: str, what: str) -> None:
    if not ok:
        raise ReferenceDataError(f"{where}: {what}")


@lru_cache(maxsize=4)
def curated_events(path: Path = DATA_DIR / "reference" / "events.tsv") -> tuple[CuratedEvent, ...]:
    ref = reference.load()
    out = []
    for n, row in enumerate(read_table(path), 1):
        where = f"{path}: data row {n}"
        _check(row["instrument"] in ref.instruments, where,
               f"unknown instrument {row['instrument']!r}")
        _check(row["kind"] in EVENT_KINDS, where, f"unknown event kind {row['kind']!r}")
        state = row.get("state") or None
        _check(state is None or state in ref.states, where, f"unknown state {state!r}")
        _check(state is not None or row["kind"] == "entry_into_force", where,
               "only an entry into force may have no state")
        _check(bool(_DATE.match(row.get("date", ""))), where, f"bad date {row.get('date')!r}")
        _check(bool(row.get("source")), where, "no source named")
        out.append(CuratedEvent(row["instrument"], row["kind"], state, row["date"], row["source"]))
    return tuple(out)


@lru_cache(maxsize=1)
def _founding() -> dict[str, str]:
    path = DATA_DIR / "reference" / "founding_instruments.tsv"
    ref = reference.load()
    out = {}
    for n, row in enumerate(read_table(path), 1):
        _check(row["org"] in ref.orgs, f"{path}: row {n}", f"unknown organisation {row['org']!r}")
        _check(row["instrument"] in ref.instruments, f"{path}: row {n}",
               f"unknown instrument {row['instrument']!r}")
        out[row["org"]] = row["instrument"]
    return out


def founding_instrument(org: str) -> str | None:
    return _founding().get(org)
