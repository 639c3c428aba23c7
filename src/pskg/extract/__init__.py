"""extract: Text → Mentions. Everything found in a document, each with its span.

Dates, names from the reference data (states, persons, places, organisations, known
instruments), words from the lexicon (roles, instrument kinds, cues), article headings and
numbered items. Nothing here decides what the document claims: that is `assemble`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from pskg.extract.dates import find_dates
from pskg.extract.entities import find_names, find_words
from pskg.extract.match import fold
from pskg.extract.structure import find_articles, find_unknown_persons
from pskg.model import Mention, Text

_NO_KIND: tuple[list[int], list[Mention]] = ([], [])     # only ever sliced (a new list)


@dataclass
class Mentions:
    text: Text
    items: list[Mention] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.items.sort(key=lambda m: (m.span.start, -m.span.end))
        self._starts = [m.span.start for m in self.items]
        self._last_end = max((m.span.end for m in self.items), default=0)   # no mention ends later
        self._kinds: dict[str, tuple[list[int], list[Mention]]] = {}
        for m in self.items:
            starts, items = self._kinds.setdefault(m.kind, ([], []))
            starts.append(m.span.start)
            items.append(m)

    def of(self, *kinds: str, start: int = 0, end: int | None = None) -> list[Mention]:
        end = len(self.text.text) if end is None else end
        if len(kinds) == 1:                      # the common case: one kind's own list
            starts, items = self._kinds.get(kinds[0], _NO_KIND)
            lo = bisect.bisect_left(starts, start)
            hi = bisect.bisect_left(starts, end)
            if end >= self._last_end:            # up to the end: each one ends in time
                return items[lo:hi]
            return [m for m in items[lo:hi] if m.span.end <= end]
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        if end >= self._last_end:
            return [m for m in self.items[lo:hi] if m.kind in kinds]
        return [m for m in self.items[lo:hi] if m.kind in kinds and m.span.end <= end]

    def first(self, kind: str, start: int = 0, end: int | None = None,
              value: str | None = None) -> Mention | None:
        for m in self.of(kind, start=start, end=end):
            if value is None or m.value == value:
                return m
        return None


def _in_boilerplate(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(s <= mention.span.start < e for s, e in spans)


_PREV_WORD = re.compile(r"([^\W\d_][\w'’\-]*)[ \t]+$")


def _without_namesakes(body: str, found: list[Mention], words: list[Mention]) -> list[Mention]:
    """A known person matched by the surname alone, right after a capitalised given name that is
    not theirs, even spelt otherwise ("Aram Vardanyan" is not "Suren Vardanyan"; "Ильяс" is
    "Илияс"), is a namesake: the reference person
    is dropped, and the full name, if the layout shows it, is kept as an unknown person."""
    from pskg.knowledge import reference
    persons = reference.load().persons
    spans = {(m.span.start, m.span.end) for m in found + words if m.kind != "person"}
    out = []
    for m in found:
        info = persons.get(m.value) if m.kind == "person" else None
        if info is not None and len(m.span.exact.split()) == 1:
            prev = _PREV_WORD.search(body, max(0, m.span.start - 40), m.span.start)
            if prev and prev.group(1)[:1].isupper() and fold(prev.group(1))[:3] not in {
                    fold(w)[:3] for names in info.names.values() for n in names for w in n.split()} \
                    and not any(s <= prev.start(1) < e for s, e in spans):
                continue
        out.append(m)
    return out


def extract(text: Text) -> Mentions:
    body = text.text
    found: list[Mention] = []
    found += find_dates(body)
    words = find_words(body, text.language)
    names = _without_namesakes(body, find_names(body), words)
    found += names
    found += words
    found += find_articles(body, text.language)
    found += find_unknown_persons(body, text.language, names,
                                  [w for w in words if w.kind == "role"])
    kept = [m for m in found if not _in_boilerplate(m, text.boilerplate)] if text.boilerplate \
        else found
    roles = [(m.span.start, m.span.end) for m in kept if m.kind == "role"]
    kept = [m for m in kept if m.kind != "person" or not any(   # 'Раиси' in 'Раиси Шӯрои Олӣ'
        s <= m.span.start and m.span.end <= e for s, e in roles)]
    return Mentions(text, kept)
