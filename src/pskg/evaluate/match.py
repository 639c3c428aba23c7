"""Matching a found claim to a gold one (the decisions beyond GOLD-FORMAT are listed in
``pskg.evaluate``): places by reference id or folded name, persons by reference id or Latin-script
surname, roles by the longest English role phrase, instruments by date or title overlap."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ACCURACY_FIELDS = ("type", "date_signed", "place")
SET_FIELDS = ("parties", "signatories", "referenced_instruments")
STOP = frozenset("a an the of on and in for to between with by at regarding concerning".split())


def fold(text: str | None) -> str:
    """Case-folded, diacritics dropped, punctuation and spacing reduced to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", plain))


def _latin(token: str) -> bool:
    return all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in token)


def name_tokens(name: str | None) -> list[str]:
    """The Latin-script words of a name, initials dropped."""
    return [t for t in fold(name).split() if len(t) > 1 and _latin(t)]


def same_surname(a: str | None, b: str | None) -> bool:
    """Latin-script surnames equal; or, where a side is written in another script, the
    surnames transliterated (anyascii) agree in their first five letters, spelling variants
    folded (Петросов, Պետրոսովը → petrosov): a case ending or a romanisation does not part them."""
    ta, tb = name_tokens(a), name_tokens(b)
    if ta and tb and (ta[-1] == tb[-1] or sorted(ta) == sorted(tb)):
        return True
    if not a or not b or (_latin(fold(a)) and _latin(fold(b))):
        return False
    ra, rb = _romanised(a), _romanised(b)
    if not ra or not rb:
        return False
    return any(len(x) >= 4 and len(y) >= 4 and x[:5] == y[:5] for x in ra[-1:] + ra[:1]
               for y in rb[-1:] + rb[:1]) and _same_first_initial(ra, rb)


_VARIANTS = (("ow", "u"), ("ou", "u"), ("kh", "h"), ("y", "i"), ("j", "i"), ("'", ""), ("ie", "e"))


def _romanised(name: str) -> list[str]:
    from anyascii import anyascii
    words = re.findall(r"[a-z']+", anyascii(name).lower())
    out = []
    for w in words:
        for a, b in _VARIANTS:
            w = w.replace(a, b)
        if len(w) > 1:
            out.append(w)
    return out


def _same_first_initial(ra: list[str], rb: list[str]) -> bool:
    """Given names, where both sides have one, begin alike (Aram Vardanyan is not Suren Vardanyan)."""
    return len(ra) < 2 or len(rb) < 2 or ra[0][:1] == rb[0][:1]


def title_jaccard(a: str | None, b: str | None) -> float:
    sa, sb = set(fold(a).split()) - STOP, set(fold(b).split()) - STOP
    return len(sa & sb) / len(sa | sb) if sa | sb else 0.0


class Index:
    """Look-ups over the reference data: persons by Latin-script name, places by any name,
    known instruments by English title."""

    def __init__(self, ref) -> None:
        self.ref = ref
        self.full: dict[tuple, set[str]] = {}
        self.surname: dict[str, set[str]] = {}
        for pid, person in ref.persons.items():
            for names in person.names.values():
                for name in names:
                    words = fold(name).split()
                    tokens = name_tokens(name)
                    if not tokens or not all(_latin(w) for w in words):
                        continue
                    self.surname.setdefault(tokens[-1], set()).add(pid)
                    if len(tokens) == len(words):
                        self.full.setdefault(tuple(sorted(tokens)), set()).add(pid)
        self.places: dict[str, set[str]] = {}
        for pid, place in ref.places.items():
            for names in place.names.values():
                for name in names:
                    self.places.setdefault(fold(name), set()).add(pid)

    def person_ids(self, name: str | None) -> set[str]:
        tokens = name_tokens(name)
        if not tokens:
            return set()
        return self.full.get(tuple(sorted(tokens))) or self.surname.get(tokens[-1], set())

    def english(self, table: dict, key: str | None) -> str | None:
        """The English name of a person or place id (None when the id is not in the table)."""
        if not key or key not in table:
            return None
        if hasattr(self.ref, "english_name"):
            return self.ref.english_name(table[key])
        names = table[key].names
        return next(iter(names.get("en") or [v for vs in names.values() for v in vs] or [None]))

    def latin_names(self, pid: str | None) -> list[str]:
        person = self.ref.persons.get(pid) if pid else None
        return [n for ns in (person.names.values() if person else ()) for n in ns if name_tokens(n)]

    def known_instrument(self, title: str | None) -> str | None:
        best = max(((title_jaccard(title, t), iid) for iid, inst in self.ref.instruments.items()
                    for t in inst.titles.get("en", ())), default=(0.0, None))
        return best[1] if best[0] >= 0.5 else None


@lru_cache(maxsize=1)
def index() -> Index:
    from pskg.knowledge import reference
    return Index(reference.load())


@lru_cache(maxsize=1)
def role_phrases() -> tuple[tuple[str, str], ...]:
    from pskg.knowledge import lexicon
    rows = [(fold(r["phrase"]), r["role"]) for r in lexicon.rows("roles", "en") if r.get("phrase")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def role_id(label: str | None) -> str | None:
    """'President of the Russian Federation' → president; unknown words stay as folded text."""
    if not label:
        return None
    text = f" {fold(label)} "
    found = next((role for phrase, role in role_phrases() if f" {phrase} " in text), None)
    return found or {fold(v): k for k, v in role_labels().items()}.get(fold(label), fold(label))


def stated_role(sig) -> str | None:
    """The role the text gives; a role filled in from the reference data's offices is not
    something the extractor read, and gold files hold only what the text says."""
    return None if "role" in sig.inferred else sig.role


@lru_cache(maxsize=1)
def role_labels() -> dict[str, str]:
    from rdflib import Graph, URIRef

    from pskg.paths import ONTOLOGY_DIR
    graph = Graph().parse(ONTOLOGY_DIR / "roles.ttl")
    pref = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
    return {str(s).rsplit("/", 1)[-1]: str(o) for s, o in graph.subject_objects(pref)
            if getattr(o, "language", None) == "en"}


def same_place(gold: str | None, found: str | None) -> bool:
    places = index().places
    ids_g, ids_f = places.get(fold(gold), set()), places.get(fold(found), set())
    return bool(ids_g & ids_f) if ids_g and ids_f else fold(gold) == fold(found)


def person_match(gold: dict, found: dict) -> int:
    """2: the same reference person; 1: the same Latin-script surname (a side not in the
    reference data); 0: not the same person."""
    ids = index().person_ids(gold.get("person_en"))
    pid = found.get("person_id")
    if ids and pid:
        return 2 * (pid in ids)
    names = [found.get("person_en"), found.get("person"), *index().latin_names(pid)]
    return int(any(same_surname(gold.get("person_en"), n) for n in names if n))


@lru_cache(maxsize=1)
def _english_kinds() -> tuple[tuple[str, str, bool], ...]:
    from pskg.knowledge import lexicon
    return tuple((fold(r["word"]), r["kind"], r.get("match") == "exact")
                 for r in lexicon.rows("kinds", "en"))


def title_kind(title: str | None) -> str | None:
    """The kind an English title opens with or names ("Agreement on …" → agreement)."""
    for token in re.findall(r"[\w'-]+", fold(title)):
        for word, kind, exact in _english_kinds():
            if token == word or (not exact and token.startswith(word)):
                return kind
    return None


def same_instrument(gold: dict, found: dict) -> bool:
    """The same date and, where both are known, the same kind of instrument; else the same
    known instrument or overlapping titles."""
    if gold.get("date") and found.get("date"):
        kinds = (gold.get("type") or title_kind(gold.get("title_en")), found.get("type"))
        return gold["date"] == found["date"] and (None in kinds or kinds[0] == kinds[1])
    known = found.get("known_id")
    if known and index().known_instrument(gold.get("title_en")) == known:
        return True
    titles = [found.get("title_en")]
    if known and known in index().ref.instruments:
        titles += index().ref.instruments[known].titles.get("en", [])
    return any(title_jaccard(gold.get("title_en"), t) >= 0.5 for t in titles)
