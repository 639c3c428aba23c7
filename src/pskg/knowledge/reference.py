"""Curated reference data: states, persons and their offices, places, organisations and
well-known instruments, read from the tab-separated tables in ``data/reference/``.

The tables are the single source of this world knowledge (names in every language of the
region, dates of office, titles of instruments); this module only reads and checks them.
A malformed row stops the load with a :class:`ReferenceDataError` naming file and line.
"""
from __future__ import annotations

import csv
import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from pskg.knowledge.entities import (
    KnownInstrument,
    Office,
    OrgInfo,
    PersonInfo,
    PlaceInfo,
    StateInfo,
    as_date,
)
from pskg.paths import DATA_DIR

DEFAULT_DIR = DATA_DIR / "reference"

INSTRUMENT_KINDS = frozenset(
    "treaty agreement declaration protocol charter memorandum convention other".split())
NAME_KINDS = {
    "states": {"cldr", "official", "historic", "short", "inflected", "abbrev"},
    "persons": {"full", "short", "surname", "alt"},
    "places": {"name", "alt", "historic", "inflected"},
    "organizations": {"name", "abbrev", "alt", "historic", "inflected"},
}
# tags a document may carry that the tables write differently
LANG_ALIASES = {"mo": "ro", "zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-SG": "zh-Hans",
                "zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant",
                "uz-Latn": "uz", "az-Latn": "az", "kk-Cyrl": "kk", "ru-Cyrl": "ru"}
# the name an English label prefers, by table
_PREFERRED = ("cldr", "full", "name", "official", "short", "alt", "abbrev", "historic")

_CODE = re.compile(r"[A-Z]{2}")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_QID = re.compile(r"Q[1-9]\d*")


class ReferenceDataError(Exception):
    """A reference table is missing, malformed or refers to something that does not exist."""


def normalize_lang(tag: str) -> str:
    """The BCP 47 tag the tables use for ``tag`` ("mo" → "ro", "zh-TW" → "zh-Hant")."""
    return LANG_ALIASES.get(tag, tag)


def _rows(path: Path, columns: tuple[str, ...], required: tuple[int, ...] = (0,)
          ) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) for each data row; the first non-comment line is the header.
    Trailing empty fields may be left out; the ``required`` columns may not be empty."""
    if not path.is_file():
        raise ReferenceDataError(f"{path}: missing reference table")
    header = None
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            row = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
            if header is None:
                header = tuple(row)
                if header != columns:
                    raise ReferenceDataError(f"{path}:{lineno}: header {header} != {columns}")
                continue
            if len(row) > len(columns) or len(row) <= max(required):
                raise ReferenceDataError(
                    f"{path}:{lineno}: {len(row)} fields, expected {len(columns)}: {line!r}")
            row = [c.strip() for c in row] + [""] * (len(columns) - len(row))
            if any(not row[i] for i in required):
                raise ReferenceDataError(f"{path}:{lineno}: empty required field: {line!r}")
            yield lineno, row


def _is_date(value: str, pattern: re.Pattern[str] = _DATE) -> bool:
    try:
        return pattern.fullmatch(value) is not None and bool(as_date(value))
    except ValueError:
        return False


def _check(ok: bool, path: Path, lineno: int, what: str) -> None:
    if not ok:
        raise ReferenceDataError(f"{path}:{lineno}: {what}")


class ReferenceData:
    """All reference tables, cross-checked. Build it with :func:`load`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.un_members = frozenset(
            ln.strip() for ln in (data_dir / "un_members.txt").read_text("utf-8").splitlines()
            if ln.strip() and not ln.startswith("#"))
        self.states: dict[str, StateInfo] = {}
        self.persons: dict[str, PersonInfo] = {}
        self.places: dict[str, PlaceInfo] = {}
        self.orgs: dict[str, OrgInfo] = {}
        self.instruments: dict[str, KnownInstrument] = {}
        for fname, table, target, make in (
                ("states.tsv", "states", self.states, StateInfo),
                ("state_names_extra.tsv", "states", self.states, StateInfo),
                ("state_names_official.tsv", "states", self.states, StateInfo),
                ("persons.tsv", "persons", self.persons, PersonInfo),
                ("places.tsv", "places", self.places, PlaceInfo),
                ("places_geonames.tsv", "places", self.places, PlaceInfo),
                ("organizations.tsv", "organizations", self.orgs, OrgInfo)):
            self._names(fname, table, target, make)
        self._meta()
        self._instruments()
        for code in self.un_members:
            if code not in self.states:
                raise ReferenceDataError(f"{data_dir / 'un_members.txt'}: {code} has no names")
            self.states[code].un_member = True

    def _names(self, fname, table, target, make) -> None:
        path, key_re = self.data_dir / fname, _CODE if table == "states" else _ID
        for n, (key, lang, name, kind) in _rows(path, (table == "states" and "code" or "id",
                                                      "lang", "name", "kind"), (0, 1, 2, 3)):
            _check(key_re.fullmatch(key) is not None, path, n, f"bad key {key!r}")
            _check(lang == "und" or _LANG.fullmatch(lang) is not None, path, n, f"bad lang {lang!r}")
            _check(kind in NAME_KINDS[table], path, n, f"kind {kind!r} not in {sorted(NAME_KINDS[table])}")
            target.setdefault(key, make(key)).add_name(lang, name, kind)

    def _meta(self) -> None:
        d = self.data_dir
        path = d / "states_meta.tsv"
        for n, (code, qid, historic, succ, start, end) in _rows(
                path, ("code", "wikidata", "historic", "successor_of", "start", "end")):
            _check(code in self.states, path, n, f"unknown state {code!r}")
            _check(historic in ("", "0", "1"), path, n, f"historic must be 0 or 1, not {historic!r}")
            _check(not succ or succ in self.states, path, n, f"unknown successor_of {succ!r}")
            for v in (start, end):
                _check(not v or _is_date(v), path, n, f"bad date {v!r}")
            s = self.states[code]
            s.wikidata, s.historic, s.successor_of, s.start, s.end = (
                self._qid(qid, path, n), historic == "1", succ, start, end)
        path = d / "state_codes.tsv"
        for n, (code, alpha3, cow, cow_abbr, gw, gw_abbr) in _rows(
                path, ("code", "alpha3", "cow_code", "cow_abbr", "gw_code", "gw_abbr")):
            _check(code in self.states, path, n, f"unknown state {code!r}")
            _check(not alpha3 or _ALPHA3.fullmatch(alpha3) is not None, path, n, f"bad alpha-3 {alpha3!r}")
            _check(all(not v or v.isdigit() for v in (cow, gw)), path, n, "COW and G-W codes are numbers")
            s = self.states[code]
            s.alpha3, s.cow_code, s.cow_abbr, s.gw_code, s.gw_abbr = alpha3, cow, cow_abbr, gw, gw_abbr
        for fname, table, cols in (("persons_meta.tsv", self.persons, ("id", "wikidata", "source")),
                                   ("organizations_meta.tsv", self.orgs, ("id", "wikidata")),
                                   ("places_meta.tsv", self.places, ("id", "state", "wikidata")),
                                   ("places_geonames_meta.tsv", self.places, ("id", "state", "wikidata"))):
            path = d / fname
            for n, row in _rows(path, cols):
                _check(row[0] in table, path, n, f"unknown id {row[0]!r}")
                table[row[0]].wikidata = self._qid(row[cols.index("wikidata")], path, n)
                if "source" in cols:
                    _check(bool(row[2]) == bool(row[1]), path, n, "a Wikidata id needs its source, and only it")
                if fname.startswith("places"):
                    _check(row[1] in self.states, path, n, f"unknown state {row[1]!r}")
                    table[row[0]].state = row[1]
        path = d / "offices.tsv"
        for n, (pid, role, state, start, end, _qid, org) in _rows(
                path, ("person_id", "role", "state", "start", "end", "wikidata", "org"), (0, 1, 3)):
            _check(pid in self.persons, path, n, f"unknown person {pid!r}")
            _check(re.fullmatch(r"[a-z_]+", role) is not None, path, n, f"bad role {role!r}")
            _check(not state or state in self.states, path, n, f"unknown state {state!r}")
            _check(not org or org in self.orgs, path, n, f"unknown organisation {org!r}")
            _check(bool(state or org), path, n, "an office needs a state or an organisation")
            for v in (start, end):
                _check(not v or _is_date(v, _PARTIAL_DATE), path, n, f"bad date {v!r}")
            _check(not end or as_date(start) <= as_date(end, end=True), path, n, "end before start")
            office = Office(role, state, start if _is_date(start) else "", end if _is_date(end) else "",
                            org, (start, end))
            (self.persons[pid].offices if state else self.persons[pid].posts).append(office)

    def _instruments(self) -> None:
        path = self.data_dir / "instruments.tsv"
        cols = ("id", "kind", "date", "place", "parties", "lang", "title", "wikidata")
        for n, (iid, kind, day, place, parties, lang, title, qid) in _rows(path, cols, (0, 1, 2, 5, 6)):
            _check(_ID.fullmatch(iid) is not None, path, n, f"bad id {iid!r}")
            _check(kind in INSTRUMENT_KINDS, path, n, f"kind {kind!r} not in {sorted(INSTRUMENT_KINDS)}")
            _check(_is_date(day), path, n, f"bad date {day!r}")
            _check(not place or place in self.places, path, n, f"unknown place {place!r}")
            codes = tuple(parties.split())
            _check(all(c in self.states for c in codes), path, n, f"unknown party in {parties!r}")
            _check(_LANG.fullmatch(lang) is not None, path, n, f"bad lang {lang!r}")
            inst = self.instruments.setdefault(
                iid, KnownInstrument(iid, kind, day, place, codes, {}, self._qid(qid, path, n)))
            _check((inst.kind, inst.date, inst.place, inst.parties) == (kind, day, place, codes),
                   path, n, f"{iid}: kind/date/place/parties differ from its first row")
            if title not in inst.titles.setdefault(lang, []):
                inst.titles[lang].append(title)

    @staticmethod
    def _qid(value: str, path: Path, n: int) -> str:
        _check(not value or _QID.fullmatch(value) is not None, path, n, f"bad Wikidata id {value!r}")
        return value

    # --- queries ---------------------------------------------------------------------------
    def state_names(self) -> Iterator[tuple[str, str, str, str]]:
        """(code, lang, name, kind) for every name of every state, CLDR names first."""
        return ((c, *label) for c, info in self.states.items() for label in info.labels)

    def person_names(self) -> Iterator[tuple[str, str, str, str]]:
        """(person id, lang, name, kind) for every name of every person."""
        return ((p, *label) for p, info in self.persons.items() for label in info.labels)

    def person_office(self, person_id: str, day: str | date) -> list[Office]:
        """The offices and posts ``person_id`` held on ``day`` (an ISO date or a date)."""
        person = self.persons.get(person_id)
        return [o for o in (*person.offices, *person.posts) if o.held_on(day)] if person else []

    def office_holders(self, role: str, state: str, day: str | date) -> list[str]:
        """Ids of the persons who held ``role`` for ``state`` on ``day``."""
        return [p.id for p in self.persons.values()
                if any(o.role == role and o.state == state and o.held_on(day) for o in p.offices)]

    def english_name(self, entity: object) -> str:
        """The English label of a state, person, place, organisation or instrument (given as
        its info object, ISO code or id); the first name in any language when none is English."""
        if isinstance(entity, str):
            for table in (self.states, self.persons, self.places, self.orgs, self.instruments):
                if entity in table:
                    entity = table[entity]
                    break
            else:
                raise KeyError(entity)
        if isinstance(entity, KnownInstrument):
            titles = entity.titles.get("en") or next(iter(entity.titles.values()), [entity.id])
            return titles[0]
        en = [(_PREFERRED.index(k) if k in _PREFERRED else 99, nm)
              for lang, nm, k in entity.labels if lang == "en"]
        return min(en, key=lambda t: t[0])[1] if en else entity.labels[0][1]


@lru_cache(maxsize=4)
def _load(path: str) -> ReferenceData:
    return ReferenceData(Path(path))


def load(data_dir: str | os.PathLike[str] | None = None) -> ReferenceData:
    """The reference data in ``data_dir`` (default: the repository's data/reference, or
    $PSKG_REFERENCE_DIR), read once and cached."""
    path = data_dir or os.environ.get("PSKG_REFERENCE_DIR") or DEFAULT_DIR
    path = str(path)
    return _load(_resolved(path) if os.path.isabs(path) else str(Path(path).resolve()))


@lru_cache(maxsize=16)
def _resolved(path: str) -> str:
    """An absolute folder name with its links resolved (a system call per part: once)."""
    return str(Path(path).resolve())
