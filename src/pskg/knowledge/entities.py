"""What the reference data holds, as values: states, persons with their offices, places,
organisations and well-known instruments (``reference`` reads them from ``data/reference/``)."""
from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date


def as_date(value: str | date, *, end: bool = False) -> date:
    """A day from an ISO date; a partial one ("1994", "1994-07") is widened to its first
    day, or its last when ``end``."""
    if isinstance(value, date):
        return value
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        y, m = parts
        return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


@dataclass(frozen=True)
class Office:
    role: str                 # a notation of ontology/roles.ttl
    state: str                # ISO code; "" for a post of an organisation (see ``org``)
    start: str                # ISO day; "" when offices.tsv knows only the year or month
    end: str = ""             # ISO day; "" while in office or when only the year/month is known
    org: str = ""             # organisation id for posts such as UN Secretary-General
    written: tuple[str, str] = ("", "")  # start, end as in offices.tsv (YYYY-MM-DD, YYYY-MM, YYYY)

    def held_on(self, day: str | date) -> bool:
        d, (start, end) = as_date(day), (self.written if any(self.written) else (self.start, self.end))
        return (not start or as_date(start) <= d) and (not end or d <= as_date(end, end=True))


@dataclass(kw_only=True)
class _Entity:
    names: dict[str, list[str]] = field(default_factory=dict)   # lang → names, preferred first
    wikidata: str = ""
    labels: list[tuple[str, str, str]] = field(default_factory=list, repr=False)  # (lang, name, kind)

    def add_name(self, lang: str, name: str, kind: str) -> None:
        if name not in self.names.setdefault(lang, []):
            self.names[lang].append(name)
            self.labels.append((lang, name, kind))


@dataclass
class StateInfo(_Entity):
    code: str
    historic: bool = False
    successor_of: str = ""
    start: str = ""          # existence, given for historic states
    end: str = ""
    un_member: bool = False
    alpha3: str = ""         # ISO 3166-1 alpha-3 (ISO 3166-3 for a former state), state_codes.tsv
    cow_code: str = ""       # Correlates of War state number; "" where COW does not code the state
    cow_abbr: str = ""
    gw_code: str = ""        # Gleditsch-Ward state number
    gw_abbr: str = ""


@dataclass
class PersonInfo(_Entity):
    id: str
    offices: list[Office] = field(default_factory=list)   # offices of a state
    posts: list[Office] = field(default_factory=list)     # posts in an organisation (no state)


@dataclass
class PlaceInfo(_Entity):
    id: str
    state: str = ""


@dataclass
class OrgInfo(_Entity):
    id: str


@dataclass
class KnownInstrument:
    id: str
    kind: str
    date: str
    place: str
    parties: tuple[str, ...]
    titles: dict[str, list[str]] = field(default_factory=dict)
    wikidata: str = ""
