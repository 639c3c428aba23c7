"""resolve: Records → Records with keys. Decides which mentions are the same instrument or the
same person, and records why.

Instruments: a claim or reference is linked to a well-known instrument of the reference data
when its date and kind match (and, among several, its parties overlap most). Claims of
different documents with the same date and kind whose party sets overlap by half or more are
one instrument (the Alma-Ata Declaration told in Georgian and in Chinese). A reference with
the same date and kind as a claim is that claim's instrument.
Persons: known persons keep their reference id; a name the reference data does not know
("ბ. ელცინი" when only the full name is known) is matched by surname to the one person who held
an office for that state on that date; others get a key from their normalised name.
A curated file (data/reference/same_as.tsv: key, same-as key) overrides any decision.

Keys are derived from content, never from run order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pskg.extract.match import TOKEN, fold
from pskg.knowledge import reference
from pskg.knowledge.lexicon import read_table
from pskg.model import InstrumentClaim, Record, Reference
from pskg.paths import DATA_DIR
from pskg.resolve.keys import digest, instrument_key, slug


@dataclass
class Decision:
    subject: str
    key: str
    reason: str


@dataclass
class Resolution:
    records: list[Record]
    decisions: list[Decision] = field(default_factory=list)


def _jaccard(a, b) -> float:
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a | b else 0.0


def _known_for(kind: str | None, date: str | None, parties) -> tuple[str | None, str]:
    if not kind or not date:
        return None, ""
    matches = _known_by_date_kind().get((date, kind), [])
    if not matches:
        return None, ""
    best = max(matches, key=lambda i: (_jaccard(i.parties, parties), i.id))
    if len(matches) > 1 and _jaccard(best.parties, parties) < 0.5:
        return None, ""
    return best.id, f"reference instrument with date {date} and kind {kind}"


@lru_cache(maxsize=1)
def _known_by_date_kind() -> dict[tuple, list]:
    out: dict[tuple, list] = {}
    for inst in reference.load().instruments.values():
        out.setdefault((inst.date, inst.kind), []).append(inst)
    return out


def resolve(records: list[Record]) -> Resolution:
    decisions: list[Decision] = []
    claims: list[tuple[str, InstrumentClaim]] = []
    for record in sorted(records, key=lambda r: r.text.sha256):
        claim = record.instrument
        if claim.known_id is None:
            claim.known_id, why = _known_for(claim.kind, claim.date_signed, claim.parties)
            if claim.known_id:
                decisions.append(Decision(record.text.doc_id, claim.known_id, why))
        claims.append((record.text.doc_id, claim))
    # claims → keys: known id, else merge by date + kind + overlapping parties
    keyed: dict[tuple, list[tuple[InstrumentClaim, str]]] = {}     # (date, kind) → claims
    for doc_id, claim in claims:
        if claim.known_id:
            claim.key = instrument_key(claim.kind, claim.date_signed, slug(claim.known_id))
        else:
            same = keyed.get((claim.date_signed, claim.kind), []) if claim.date_signed else []
            twin = next((k for c, k in same if _jaccard(c.parties, claim.parties) >= 0.5), None)
            claim.key = twin or instrument_key(
                claim.kind, claim.date_signed,
                digest(*sorted(claim.parties)) if claim.parties else digest(claim.title or doc_id))
            if twin:
                decisions.append(Decision(doc_id, twin, "same date, kind and ≥50% of parties"))
        keyed.setdefault((claim.date_signed, claim.kind), []).append((claim, claim.key))
    for record in records:
        for ref in record.instrument.references:
            ref.key = _reference_key(ref, keyed)
        for event in record.instrument.events:        # another instrument's event
            if event.target is not None:
                event.target.key = _reference_key(event.target, keyed)
        for sig in record.instrument.signatures:
            sig.person_key = person_key(sig.person_id, sig.person_name, sig.state,
                                        record.instrument.date_signed, decisions)
        for signer in record.letter_signers:
            signer.person_key = person_key(signer.person_id, signer.person_name, signer.state,
                                           None, decisions)
    overrides = curated_overrides()
    if overrides:
        _apply_overrides(records, overrides, decisions)
    return Resolution(records, decisions)


def _reference_key(ref: Reference, keyed) -> str:
    if ref.known_id is None:
        ref.known_id, _ = _known_for(ref.kind, ref.date, ())
    if ref.known_id:
        known = instrument_key(ref.kind, ref.date, slug(ref.known_id))
        return known
    twin = next((k for _, k in keyed.get((ref.date, ref.kind), [])), None) if ref.date else None
    return twin or instrument_key(ref.kind, ref.date, digest(fold(ref.title)))


def person_key(person_id: str | None, name: str, state: str | None, date: str | None,
               decisions: list[Decision]) -> str:
    if person_id:
        return slug(person_id) or digest(person_id)
    found = _by_surname(name, state, date)
    if found:
        decisions.append(Decision(name, found, f"surname held an office of {state} on {date}"))
        return slug(found)
    return "x-" + (slug(name) or digest(fold(name)))


def _bigrams(word: str) -> set[str]:
    return {word[i:i + 2] for i in range(len(word) - 1)}


def _by_surname(name: str, state: str | None, date: str | None) -> str | None:
    """The one person holding an office of `state` on `date` whose surname (in any of the
    reference spellings) shares most letter pairs with the written one: 'ქარიმოვი' finds
    'კარიმოვი' (the same name in another spelling) when he was in office then."""
    if not state or not date or date.startswith("--"):
        return None
    tokens = [t for t in TOKEN.findall(name) if len(t) > 2]
    if not tokens:
        return None
    written = _bigrams(fold(tokens[-1]))
    ref = reference.load()
    scores: dict[str, float] = {}
    for pid, person in ref.persons.items():
        if not any(o.state == state for o in ref.person_office(pid, date)):
            continue
        for names in person.names.values():
            for full in names:
                last = TOKEN.findall(full)
                if last:
                    theirs = _bigrams(fold(last[-1]))
                    score = len(written & theirs) / max(1, len(written | theirs))
                    scores[pid] = max(scores.get(pid, 0.0), score)
    good = sorted((s, pid) for pid, s in scores.items() if s >= 0.6)
    if len(good) == 1 or (len(good) > 1 and good[-1][0] - good[-2][0] >= 0.2):
        return good[-1][1]
    return None


def curated_overrides() -> dict[str, str]:
    """Curated decisions: instrument or person keys that are the same as another key."""
    path = DATA_DIR / "reference" / "same_as.tsv"
    return {row["key"]: row["same_as"] for row in read_table(path)} if path.exists() else {}


def _apply_overrides(records, overrides: dict[str, str], decisions) -> None:
    for record in records:
        claim = record.instrument
        if claim.key in overrides:
            decisions.append(Decision(claim.key, overrides[claim.key], "curated same_as"))
            claim.key = overrides[claim.key]
        for ref in claim.references:
            ref.key = overrides.get(ref.key, ref.key)
        for sig in claim.signatures:
            sig.person_key = overrides.get(sig.person_key, sig.person_key)
