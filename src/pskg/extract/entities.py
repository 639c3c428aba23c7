"""Names and words found in a text: states, persons, places, organisations, known instruments
(world knowledge from data/reference/) and roles, instrument kinds, cues, topics (language
knowledge from data/lexicon/). Each becomes a Mention with its normalised value and span.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pskg import lexicon, reference
from pskg.match import Entry, Matcher, TOKEN, is_han
from pskg.model import Mention, Span

_CASED_SCRIPTS = re.compile(r"[A-Za-zÀ-ɏЀ-ӿԱ-֏]")


def _name_entry(name: str, value: str, kind: str) -> Entry | None:
    name = name.strip()
    if not name:
        return None
    if any(is_han(c) for c in name):
        compact = "".join(c for c in name if is_han(c))
        if len(compact) < 2:            # one-character abbreviations only in lists (see assemble)
            return None
        return Entry(name, value, kind)
    cased = bool(_CASED_SCRIPTS.match(name)) and name[0].isupper()
    if len(name) <= 3:                  # short abbreviations (СССР is 4) match exactly, cased
        return Entry(name, value, kind, mode="exact", cased=True)
    return Entry(name, value, kind, cased=cased)


def _initial_forms(name: str) -> list[str]:
    """'Борис Ельцин' → ['Б. Ельцин', 'Б.Ельцин']: how signature blocks abbreviate names."""
    parts = name.split()
    if len(parts) < 2 or any(is_han(c) for c in name) or parts[0].endswith("."):
        return []
    first, last = parts[0], parts[-1]
    return [f"{first[0]}. {last}", f"{first[0]}.{last}"]


@lru_cache(maxsize=1)
def name_matchers() -> dict[str, Matcher]:
    ref = reference.load()
    out = {k: Matcher([]) for k in ("state", "person", "place", "org", "instrument")}
    for code, _lang, name, kind in ref.state_names():
        entry = _name_entry(name, code, kind)
        if entry:
            out["state"].add(entry)
    for pid, person in ref.persons.items():
        for lang, names in person.names.items():
            for name in names:
                for form in [name, *_initial_forms(name)]:
                    entry = _name_entry(form, pid, lang)
                    if entry:
                        out["person"].add(Entry(entry.phrase, pid, lang, "exact" if len(
                            TOKEN.findall(form)) > 1 and entry.mode == "exact" else entry.mode,
                            entry.cased))
    for kind, table in (("place", ref.places), ("org", ref.orgs)):
        for eid, info in table.items():
            for lang, names in info.names.items():
                for name in names:
                    entry = _name_entry(name, eid, lang)
                    if entry:
                        out[kind].add(entry)
    for iid, inst in ref.instruments.items():
        for lang, titles in inst.titles.items():
            for title in titles:
                if any(is_han(c) for c in title) and len(title) >= 3:
                    out["instrument"].add(Entry(title, iid, lang))
                elif title.isupper() and 3 <= len(title) <= 8:     # NPT, UNCLOS, ДНЯО
                    out["instrument"].add(Entry(title, iid, lang, mode="exact", cased=True))
                elif len(title) >= 6:
                    out["instrument"].add(Entry(title, iid, lang))
    return out


@lru_cache(maxsize=None)
def word_matcher(table: str, lang: str) -> Matcher:
    """A matcher over one lexicon table for one language (value = the row's category)."""
    key = {"roles": "role", "kinds": "kind", "cues": "cue", "topics": "topic"}[table]
    entries = []
    for row in lexicon.rows(table, lang):
        mode = "exact" if row.get("match") == "exact" else "stem"
        entries.append(Entry(row.get("phrase") or row.get("word"), row[key],
                             row.get("position", ""), mode))
    return Matcher(entries)


def find_names(text: str) -> list[Mention]:
    out = []
    for kind, matcher in name_matchers().items():
        for hit in matcher.find(text):
            out.append(Mention(kind, hit.value, Span(hit.start, hit.end, text[hit.start:hit.end],
                                                     f"{kind}:gazetteer")))
    return out


def find_words(text: str, lang: str, tables=("roles", "kinds", "cues")) -> list[Mention]:
    kind_of = {"roles": "role", "kinds": "type", "cues": "cue", "topics": "topic"}
    out = []
    langs = [lang] if lang == "en" else [lang, "en"] if lang not in ("zh",) else [lang]
    for table in tables:
        seen: set[tuple[int, int]] = set()
        for code in langs:
            for hit in word_matcher(table, code).find(text):
                if (hit.start, hit.end) in seen:
                    continue
                seen.add((hit.start, hit.end))
                extra = (("position", hit.entry.kind),) if hit.entry.kind else ()
                out.append(Mention(kind_of[table], hit.value,
                                   Span(hit.start, hit.end, text[hit.start:hit.end],
                                        f"{table}:{code}"), extra))
    return out
