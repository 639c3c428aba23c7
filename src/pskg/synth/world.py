"""What `pskg synth` knows of the world: the reference data (states, persons and their offices,
places, well-known instruments) and the phrase table (data/synth/phrases.tsv), arranged for
fast generation — names by language with their case forms, office holders by day.

Nothing here is invented: every state, person, role, place and instrument a synthetic
document names comes from data/reference/ or data/lexicon/.
"""
from __future__ import annotations

import bisect
from datetime import date, timedelta
from functools import lru_cache

from pskg.knowledge import lexicon, reference
from pskg.paths import DATA_DIR

PHRASES = DATA_DIR / "synth" / "phrases.tsv"
LEVELS = {"state": ("president", "head_of_state", "chairman_supreme_council"),
          "government": ("prime_minister", "head_of_government"),
          "foreign": ("minister_foreign_affairs",)}
REGION = frozenset("AM AZ BY EE GE KG KZ LT LV MD RU TJ TM UA UZ CN".split())  # post-Soviet, and China
FIRST_DAY, LAST_DAY, STEP = date(1992, 1, 1), date(2024, 12, 31), 3
VOWELS = set("aeiouаеёиоуыэюяіїєәөұүაეიოუ")


def _day(value: str, end: bool) -> date | None:
    """A day from YYYY, YYYY-MM or YYYY-MM-DD (the first or, for an end, the last one)."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    y, m = parts[0], (parts[1] if len(parts) > 1 else (12 if end else 1))
    if not end:
        return date(y, m, 1)
    return date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)


def _fits(word: str, base: str) -> bool:
    """`word` is a case form of `base`: the same lexeme (a shared stem) or the same word."""
    n = max(2, len(base) - 2)
    return word[:n].casefold() == base[:n].casefold()


class World:
    def __init__(self) -> None:
        self.ref = reference.load()
        self.phrases: dict[tuple[str, str], list[str]] = {}
        for row in lexicon.read_table(PHRASES):
            self.phrases.setdefault((row["lang"], row["key"]), []).append(
                row["text"].replace("\\n", "\n"))
        self.days = [FIRST_DAY + timedelta(days=i)
                     for i in range(0, (LAST_DAY - FIRST_DAY).days + 1, STEP)]
        self._holders: list[list[tuple[str, str, str]]] = [[] for _ in self.days]
        for pid, person in sorted(self.ref.persons.items()):
            for office in person.offices:
                start, end = _day(office.written[0], False), _day(office.written[1], True)
                if start is None:
                    continue
                lo = bisect.bisect_left(self.days, start)
                hi = bisect.bisect_right(self.days, end or LAST_DAY)
                for i in range(lo, hi):
                    self._holders[i].append((office.state, office.role, pid))
        self.instruments = sorted(self.ref.instruments.values(), key=lambda k: (k.date, k.id))
        self._instrument_days = [k.date for k in self.instruments]

    # --- phrases and names ----------------------------------------------------------------
    def phrase(self, lang: str, key: str) -> list[str]:
        return self.phrases.get((lang, key), [])

    @lru_cache(maxsize=None)
    def role_word(self, lang: str, role: str) -> str | None:
        rows = lexicon.rows("roles", lang, role=role)
        if not rows:
            return None
        word = rows[0]["phrase"]
        for suffix in self.phrase(lang, "suffix.role"):
            if word[-1].casefold() not in VOWELS:
                word += suffix
        return word[0].upper() + word[1:]

    @lru_cache(maxsize=None)
    def names(self, table: str, key: str, lang: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
        info = getattr(self.ref, table)[key]
        lang = reference.normalize_lang(lang)
        return tuple(n for lg, n, k in info.labels if lg == lang and k in kinds)

    def state_name(self, code: str, lang: str, short: bool = False) -> str | None:
        kinds = (("cldr", "short", "official") if short else ("official", "cldr", "short"))
        found = [n for k in kinds for n in self.names("states", code, lang, (k,))]
        if lang == "en" and not short:
            found = [n for n in found if n.startswith("the ")] + found
        return found[0] if found else None

    @lru_cache(maxsize=None)
    def case_form(self, table: str, key: str, lang: str, base: str, case: str) -> str | None:
        """`base` (a name of the entity) in a grammatical case: a form of the reference data
        whose changed last word has one of the case's endings, else a suffix rule."""
        endings = tuple(e for row in self.phrase(lang, f"case.{case}") for e in row.split("|"))
        words = base.split()
        for form in self.names(table, key, lang, ("inflected",)) if endings else ():
            got = form.split()
            changed = [g for g, w in zip(got, words) if g != w]
            if len(got) == len(words) and changed and all(
                    _fits(g, w) for g, w in zip(got, words)) and changed[-1].endswith(endings):
                return form
        for rules in self.phrase(lang, f"suffix.{case}"):
            for rule in rules.split("|"):
                old, new = rule.split(">")
                if words[-1].endswith(old):
                    return " ".join(words[:-1] + [words[-1][: len(words[-1]) - len(old)] + new])
        return None

    # --- who signs, where, citing what -----------------------------------------------------
    @lru_cache(maxsize=65536)
    def signers(self, day_index: int, lang: str, level: str) -> tuple[tuple[str, str, str], ...]:
        """(state, role, person id) for each state with a holder of a `level` office on the day
        whose name and role the language can write; one holder per state."""
        roles = LEVELS[level]
        out: dict[str, tuple[str, str, str]] = {}
        for state, role, pid in sorted(self._holders[day_index],
                                       key=lambda h: (h[0], roles.index(h[1]) if h[1] in roles else 9)):
            if (state in out or role not in roles or state not in REGION
                    or not self.names("persons", pid, lang, ("full",))
                    or not self.role_word(lang, role) or not self.state_name(state, lang)):
                continue
            out[state] = (state, role, pid)
        return tuple(out.values())

    @lru_cache(maxsize=None)
    def places(self, lang: str, states: frozenset[str]) -> tuple[str, ...]:
        here = [p for p in sorted(self.ref.places) if self.ref.places[p].state in states
                and self.names("places", p, lang, ("name",))]
        return tuple(here) or tuple(p for p in ("moscow", "minsk", "almaty")
                                    if self.names("places", p, lang, ("name",)))

    def earlier_instruments(self, day: str, lang: str) -> list:
        """Known instruments signed before `day` that have a title in `lang`."""
        lang = reference.normalize_lang(lang)
        upto = bisect.bisect_left(self._instrument_days, day)
        return [k for k in self.instruments[:upto] if any(len(t) >= 6 for t in k.titles.get(lang, ()))]


@lru_cache(maxsize=1)
def world() -> World:
    return World()
