"""`pskg eval`: score the extractor against hand-made gold files (shared/eval/GOLD-FORMAT.md).

pair_documents → process_file → predict (a Record in the gold shape) → score_document (one
document's counts and errors) → evaluate_report.aggregate (micro-averages, overall and per
language). Matching decisions, beyond GOLD-FORMAT:
- place: a name is looked up among the reference places' names in every language (case and
  diacritics folded); two places match when their ids meet, else when the folded names are equal;
- signatories: the same person when the gold English name resolves (full name, any word order,
  else surname) to reference ids that include the found person's id; when either side is not in
  the reference data, when Latin-script surnames are equal (no transliteration of other scripts).
  A gold state of null does not constrain the state; a given one must be equal. Greedy one-to-one;
- signatory_roles: accuracy over matched pairs; a gold role_en is reduced to a role id by the
  longest English phrase of data/lexicon/roles.tsv it contains; null matches only null;
- referenced_instruments: same date where both have one, else token-set Jaccard ≥ 0.5 of the
  titles (folded, punctuation and English function words dropped), or the same known instrument;
- obligations_count: absolute error where the gold is not null (nothing found counts as 0).
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from pskg.errors import InputError
from pskg.model import Record, Span

ACCURACY_FIELDS = ("type", "date_signed", "place")
SET_FIELDS = ("parties", "signatories", "referenced_instruments")
STOP = frozenset("a an the of on and in for to between with by at regarding concerning".split())


def pair_documents(corpus_dir: Path, gold_dir: Path) -> list[tuple[Path, Path]]:
    """(document, gold file) for every NAME.json in gold_dir: the one document NAME.* in
    corpus_dir (NAME.txt, NAME.ru.txt, NAME.pdf…); none or several is an InputError."""
    corpus_dir, gold_dir = Path(corpus_dir), Path(gold_dir)
    for folder in (corpus_dir, gold_dir):
        if not folder.is_dir():
            raise InputError("not a folder", path=folder)
    golds = sorted(gold_dir.glob("*.json"))
    if not golds:
        raise InputError("no gold files (NAME.json) in this folder", path=gold_dir)
    files = sorted(p for p in corpus_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    pairs = []
    for gold in golds:
        docs = [p for p in files if p.name.startswith(gold.stem + ".")]
        if len(docs) != 1:
            what = "no document" if not docs else "two or more documents (" + ", ".join(
                p.name for p in docs) + ")"
            raise InputError(f"{what} named {gold.stem}.* in {corpus_dir}", path=gold)
        pairs.append((docs[0], gold))
    return pairs


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read gold file: {exc}", path=path) from None
    shapes = {"instrument": dict, "parties": list, "signatories": list,
              "referenced_instruments": list}
    if not isinstance(gold, dict) or any(not isinstance(gold.get(k, t()), t)
                                         for k, t in shapes.items()):
        raise InputError("not a gold object (see GOLD-FORMAT.md)", path=path)
    return gold


# ---- normalisation ---------------------------------------------------------------------------

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
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta and tb) and (ta[-1] == tb[-1] or sorted(ta) == sorted(tb))


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
    from pskg import reference
    return Index(reference.load())


@lru_cache(maxsize=1)
def role_phrases() -> tuple[tuple[str, str], ...]:
    from pskg import lexicon
    rows = [(fold(r["phrase"]), r["role"]) for r in lexicon.rows("roles", "en") if r.get("phrase")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def role_id(label: str | None) -> str | None:
    """'President of the Russian Federation' → president; unknown words stay as folded text."""
    if not label:
        return None
    text = f" {fold(label)} "
    found = next((role for phrase, role in role_phrases() if f" {phrase} " in text), None)
    return found or {fold(v): k for k, v in role_labels().items()}.get(fold(label), fold(label))


def _stated_role(sig) -> str | None:
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


def same_instrument(gold: dict, found: dict) -> bool:
    if gold.get("date") and found.get("date"):
        return gold["date"] == found["date"]
    known = found.get("known_id")
    if known and index().known_instrument(gold.get("title_en")) == known:
        return True
    titles = [found.get("title_en")]
    if known and known in index().ref.instruments:
        titles += index().ref.instruments[known].titles.get("en", [])
    return any(title_jaccard(gold.get("title_en"), t) >= 0.5 for t in titles)


# ---- prediction ------------------------------------------------------------------------------

def _span(span: Span | None) -> list | None:
    return [span.start, span.end, span.exact] if span is not None else None


def _first(spans) -> list | None:
    return _span(spans[0]) if spans else None


def predict(record: Record) -> dict:
    """What the extractor found, in the gold shape (plus ids and evidence spans)."""
    claim, ix = record.instrument, index()

    def person(sig) -> str | None:      # the reference id, read or resolved (see pskg.resolve)
        return sig.person_id or (sig.person_key if sig.person_key in ix.ref.persons else None)

    place = claim.place
    if place in ix.ref.places:
        place = ix.english(ix.ref.places, place) or place
    return {
        "language": record.text.language, "genre": record.genre,
        "instrument": {"title_en": claim.title, "type": claim.kind or None,
                       "date_signed": claim.date_signed, "place": place},
        "parties": sorted(set(claim.parties)),
        "signatories": [{"person": person(s) or s.person_name, "person_id": person(s),
                         "person_en": ix.english(ix.ref.persons, person(s)) or s.person_name,
                         "state": s.state, "role": _stated_role(s),
                         "role_en": role_labels().get(s.role, s.role) if _stated_role(s) else None,
                         "span": _first(s.evidence)} for s in claim.signatures],
        "referenced_instruments": [{"title_en": r.title, "date": r.date, "known_id": r.known_id,
                                    "span": _span(r.evidence)} for r in claim.references],
        "obligations_count": None if record.genre == "secondary" else len(claim.obligations),
        "spans": {"type": _first(claim.evidence.get("kind")),
                  "date_signed": _first(claim.evidence.get("date_signed")),
                  "place": _first(claim.evidence.get("place")),
                  "parties": {c: _first(claim.evidence.get(f"party:{c}")) for c in claim.parties}},
    }


def document_name(path: Path) -> str:
    """The name errors use: the file name without its last suffix (05_x.ru.txt → 05_x.ru)."""
    return path.name.rsplit(".", 1)[0]


def evaluate(corpus_dir: Path, gold_dir: Path, lang: str | None = None) -> dict:
    """Run the extractor on every paired document and score it (the GOLD-FORMAT score shape).
    `lang` forces the language of every document, as `pskg build --lang` does."""
    from pskg.evaluate_report import aggregate, score_document
    from pskg.pipeline import manifest_sources, process_file
    from pskg.resolve import resolve

    golds = [(doc, load_gold(path)) for doc, path in pair_documents(corpus_dir, gold_dir)]
    try:
        sources = manifest_sources(Path(corpus_dir))
    except KeyError:            # a MANIFEST.tsv without a 'file' column: provenance only, go on
        sources = {}
    records = [process_file(doc, lang=lang, source=sources.get(doc.name)) for doc, _ in golds]
    resolve(records)                   # persons written short or in another spelling
    scored = []
    for (doc, gold), record in zip(golds, records):
        pred = predict(record)
        counts, errors = score_document(gold, pred, document_name(doc))
        scored.append((gold.get("language") or "und", counts, errors))
    return aggregate(scored)
