"""A Record in the gold shape: what the extractor found, with ids and evidence spans."""
from __future__ import annotations

from pskg.evaluate.match import index, role_labels, stated_role
from pskg.model import Record, Span


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
                         "state": s.state, "role": stated_role(s), "inferred": list(s.inferred),
                         "role_inferred": s.role if "role" in s.inferred else None,
                         "role_en": role_labels().get(s.role, s.role) if stated_role(s) else None,
                         "span": _first(s.evidence)} for s in claim.signatures],
        "referenced_instruments": [{"title_en": r.title, "type": r.kind, "date": r.date,
                                    "known_id": r.known_id,
                                    "span": _span(r.evidence)} for r in claim.references],
        "obligations_count": None if record.genre == "secondary" else len([o for o in claim.obligations if o.numbered]),
        "spans": {"type": _first(claim.evidence.get("kind")),
                  "date_signed": _first(claim.evidence.get("date_signed")),
                  "place": _first(claim.evidence.get("place")),
                  "parties": {c: _first(claim.evidence.get(f"party:{c}")) for c in claim.parties}},
    }
