"""assemble: Mentions → Record, what one document claims about the instrument(s) it holds or
describes: kind, title, date and place of signing, parties, signatures, obligations,
references; and, for a letter that transmits an instrument, the letter's own signers."""
from __future__ import annotations

from pskg.assemble import header
from pskg.assemble import signatures as sigs
from pskg.assemble.depositary import find_depositary
from pskg.assemble.events import find_events
from pskg.assemble.layout import Zone, opens_label
from pskg.assemble.obligations import headings, obligations
from pskg.assemble.parties import parties as find_parties
from pskg.assemble.prose import prose_obligations
from pskg.assemble.references import references
from pskg.assemble.signature_blocks import from_block
from pskg.extract import Mentions
from pskg.model import InstrumentClaim, LetterSigner, Record, Span


def _spans(*mentions) -> list[Span]:
    return [m.span for m in mentions if m is not None]


def assemble(m: Mentions) -> Record:
    text = m.text.text
    genre, zone, letter = header.genre_and_zone(m)
    title = header.find_title(m, zone)
    claim = InstrumentClaim(title_language=m.text.language)
    kind_mention = None
    if title:
        kind_mention = header.main_kind(m, title[0], title[1])
        claim.title = header.title_text(text, title[0], title[1])
        claim.evidence["title"] = [Span(title[0], title[1], text[title[0]:title[1]], "title:head")]
    elif m.text.title:
        claim.title = m.text.title
    if kind_mention is None:
        kind_mention = header.field_value(m, "field_type", "type", zone) or next(
            iter(m.of("type", start=zone.start, end=zone.end)), None)
    claim.kind = kind_mention.value if kind_mention else None
    claim.evidence["kind"] = _spans(kind_mention)

    date = header.date_signed(m, zone, genre, excluded=set())
    refs = references(m, zone, (claim.kind, date.value if date else None,
                                title[:2] if title else None))
    ref_starts = {r.evidence.start for r in refs if r.evidence}
    if date and any(r.evidence and r.evidence.start <= date.span.start < r.evidence.end
                    for r in refs):
        date = header.date_signed(m, zone, genre, excluded=ref_starts | {date.span.start})
    claim.date_signed = date.value if date else None
    claim.evidence["date_signed"] = _spans(date)
    place = header.place_signed(m, zone, date, title[:2] if title else None)
    claim.place = place.value if place else None
    claim.evidence["place"] = _spans(place)

    day = claim.date_signed
    found = sigs.from_infobox(m, zone, day)
    if genre != "secondary":
        found += from_block(m, zone, day, _tail_start(m, zone))
    elif not found:
        found += sigs.from_sentences(m, zone, day, claim.kind)
    claim.signatures = sigs.dedupe(found)
    claim.parties, by_code = find_parties(
        m, zone, genre, title[:2] if title else None, claim.kind, date, claim.signatures)
    for code in claim.parties:
        claim.evidence[f"party:{code}"] = by_code[code]
    claim.references = refs
    if genre != "secondary":
        stop = _obligations_stop(m, zone)
        claim.obligations = obligations(m, zone, stop, claim.kind, claim.parties)
        if not headings(m, zone, stop):
            claim.obligations = prose_obligations(m, zone, stop, claim.kind, claim.parties)
    claim.events = find_events(m, zone, genre, claim)
    claim.depositary = find_depositary(m, zone)
    record = Record(m.text, genre, claim)
    if letter:
        for sig in from_block(m, letter, day, _tail_start(m, letter),
                                   rule="letter-signer:block"):
            record.letter_signers.append(LetterSigner(sig.person_name, sig.person_id, sig.state,
                                                      sig.role, sig.role_label,
                                                      sig.evidence[0] if sig.evidence else None))
    return record


def _tail_start(m: Mentions, zone: Zone) -> int:
    """Where a closing signature block may begin: after the last article heading, and in the
    last part of the text."""
    marks = m.of("article", start=zone.start, end=zone.end)
    last = marks[-1].span.end if marks else zone.start
    tail = max(last, zone.start + int((zone.end - zone.start) * 0.6))
    # a closing formula followed by signature labels starts a block wherever it stands
    # (a bilingual file has one after each language version)
    labels = [c.span.start for c in m.of("cue", start=zone.start, end=zone.end)
              if c.value == "for_state" and opens_label(m.text.text, c)]
    for cue in m.of("cue", start=zone.start, end=tail):
        if cue.value == "sign" and any(0 < p - cue.span.start < 400 for p in labels):
            return cue.span.start
    return tail


def _obligations_stop(m: Mentions, zone: Zone) -> int:
    """The end of the last article: the closing 'done at / signed' line, or the zone's end."""
    marks = m.of("article", start=zone.start, end=zone.end)
    if not marks:
        return zone.end
    closing = [c for c in m.of("cue", start=marks[-1].span.end, end=zone.end)
               if c.value in ("sign", "sign_marker", "for_state")]
    return closing[0].span.start if closing else zone.end
