"""Names and words found in a text: states, persons, places, organisations, known instruments
(world knowledge from data/reference/) and roles, instrument kinds, cues, topics (language
knowledge from data/lexicon/). Each becomes a Mention with its normalised value and span.
"""
from __future__ import annotations

import gc
import re
import threading
from contextlib import contextmanager
from dataclasses import replace
from functools import lru_cache

from pskg.extract.match import Entry, Matcher, is_han
from pskg.knowledge import lexicon, reference
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
def name_matcher() -> Matcher:
    """One matcher for every name of the reference data; the entry group is the kind of
    thing named (state, person, place, org, instrument)."""
    ref = reference.load()
    out = Matcher([])

    def add(entry: Entry | None, group: str, kind: str | None = None) -> None:
        if entry:
            out.add(replace(entry, group=group, kind=kind if kind is not None else entry.kind))

    for code, _lang, name, kind in ref.state_names():
        add(_name_entry(name, code, kind), "state")
    for pid, person in ref.persons.items():
        for lang, names in person.names.items():
            for name in names:
                for form in [name, *_initial_forms(name)]:
                    add(_name_entry(form, pid, lang), "person")
    for group, table in (("place", ref.places), ("org", ref.orgs)):
        for eid, info in table.items():
            for lang, names in info.names.items():
                for name in names:
                    add(_name_entry(name, eid, lang), group)
    for iid, inst in ref.instruments.items():
        for lang, titles in inst.titles.items():
            for title in titles:
                if any(is_han(c) for c in title) and len(title) >= 3:
                    add(Entry(title, iid, lang), "instrument")
                elif title.isupper() and 3 <= len(title) <= 8:     # NPT, UNCLOS, ДНЯО
                    add(Entry(title, iid, lang, mode="exact", cased=True), "instrument")
                elif len(title) >= 6:
                    add(Entry(title, iid, lang), "instrument")
    return out.built()


_FREEZE_LOCK = threading.Lock()
_freeze = {"depth": 0, "ours": False}    # batches running (threads of one worker), and whether
                                         # the outermost one froze the process


@contextmanager
def tables_frozen():
    """While many documents are processed: the name matcher and the reference data behind it
    (~160,000 objects, kept for the life of the process) built, then left out of Python's full
    garbage collections, which walked them at every round (7-8 % of extraction's time,
    bench/scale_notes.md, sixth session). ``gc.freeze`` sets aside every object alive and
    ``gc.unfreeze`` puts back everything set aside, with no count of its own: so only the
    outermost of overlapping batches (a cluster worker's threads) freezes, it unfreezes when
    the last one ends, and a process where something was frozen already (by its own code) is
    left alone. Frozen objects are still freed by reference counting meanwhile."""
    name_matcher()
    with _FREEZE_LOCK:
        if _freeze["depth"] == 0:
            _freeze["ours"] = gc.get_freeze_count() == 0
            if _freeze["ours"]:
                gc.freeze()
        _freeze["depth"] += 1
    try:
        yield
    finally:
        with _FREEZE_LOCK:
            _freeze["depth"] -= 1
            if _freeze["depth"] == 0 and _freeze["ours"]:
                gc.unfreeze()
                _freeze["ours"] = False


def freeze_tables() -> None:
    """`tables_frozen` for the whole life of a process of pskg's own (a pool's worker). When the
    tables cannot be built, nothing is frozen and the worker starts anyway: its first document
    raises the error itself, which the pool hands back (an initializer's error would only break
    the pool)."""
    try:
        name_matcher()
    except Exception:  # noqa: BLE001 — raised again, and reported, by the first document
        return
    gc.freeze()


_TABLE_KIND = {"roles": "role", "kinds": "type", "cues": "cue", "topics": "topic"}
_TABLE_KEY = {"roles": "role", "kinds": "kind", "cues": "cue", "topics": "topic"}


@lru_cache(maxsize=None)
def word_matcher(tables: str | tuple, lang: str) -> Matcher:
    """A matcher over lexicon tables for one language (value = the row's category, group =
    the mention kind the table gives: role, type, cue, topic)."""
    entries = []
    for table in ((tables,) if isinstance(tables, str) else tables):
        for row in lexicon.rows(table, lang):
            if row.get("cue") == "sign_marker":      # "(signed)", "/s/": matched literally
                continue
            mode = {"exact": "exact", "prefix": "word"}.get(row.get("match", ""), "stem")
            entries.append(Entry(row.get("phrase") or row.get("word"), row[_TABLE_KEY[table]],
                                 row.get("position", ""), mode, group=_TABLE_KIND[table]))
    return Matcher(entries, same_span=frozenset({"cue"}))


def find_names(text: str) -> list[Mention]:
    return [Mention(hit.entry.group, hit.value,
                    Span(hit.start, hit.end, text[hit.start:hit.end], f"{hit.entry.group}:gazetteer"))
            for hit in name_matcher().find(text)]


def find_words(text: str, lang: str, tables=("roles", "kinds", "cues")) -> list[Mention]:
    """Lexicon words of the document's language, and of English (which documents of every
    language quote: titles, signature labels); where the two overlap, the longer wins."""
    hits = []
    for code in dict.fromkeys([lang, "en"]):
        hits += [(hit, code) for hit in word_matcher(tuple(tables), code).find(text)]
    hits.sort(key=lambda hc: (hc[0].start, -(hc[0].end - hc[0].start)))
    out = []
    last_end: dict[str, int] = {}
    for hit, code in hits:
        group = hit.entry.group
        if hit.start < last_end.get(group, -1) and not (group == "cue" and any(
                o.kind == group and (o.span.start, o.span.end) == (hit.start, hit.end)
                and o.value != hit.value for o in out[-3:])):
            continue
        last_end[group] = hit.end
        extra = (("position", hit.entry.kind),) if hit.entry.kind else ()
        out.append(Mention(group, hit.value, Span(hit.start, hit.end, text[hit.start:hit.end],
                                                  f"{group}:{code}"), extra))
    if "cues" in tables:
        out += _sign_markers(text, lang)
    return out


def _sign_markers(text: str, lang: str) -> list[Mention]:
    out = []
    for row in lexicon.rows("cues", lang, cue="sign_marker") + (
            lexicon.rows("cues", "en", cue="sign_marker") if lang != "en" else []):
        marker, pos = row["phrase"], 0
        while (pos := text.find(marker, pos)) >= 0:
            out.append(Mention("cue", "sign_marker",
                               Span(pos, pos + len(marker), marker, f"cue:{row['lang']}")))
            pos += len(marker)
    return out
