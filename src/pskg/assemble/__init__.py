"""assemble: Mentions → Record, what one document claims about the instrument(s) it holds or
describes: kind, title, date and place of signing, parties, signatures, obligations,
references; and, for a letter that transmits an instrument, the letter's own signers."""
from __future__ import annotations

from pskg.assemble import header
from pskg.assemble import signatures as sigs
from pskg.assemble.candidates import date_candidates, kind_candidates, place_candidates, ties
from pskg.assemble.depositary import find_depositary
from pskg.assemble.events import find_events
from pskg.assemble.genres import find_wrapper, in_wrapper, legal_card
from pskg.assemble.layout import Zone, opens_label
from pskg.assemble.obligations import headings, obligations
from pskg.assemble.parties import parties as find_parties
from pskg.assemble.prose import prose_obligations
from pskg.assemble.rank import best, ranking
from pskg.assemble.references import references
from pskg.assemble.signature_blocks import from_block
from pskg.extract import Mentions
from pskg.model import InstrumentClaim, LetterSigner, Record, Span


def _spans(*mentions) -> list[Span]:
    return [m.span for m in mentions if m is not None]


def assemble(m: Mentions) -> Record:
    text = m.text.text
    genre, zone, letter = header.genre_and_zone(m)
    wrapper = find_wrapper(m, zone)
    if genre == "secondary" and (wrapper and wrapper.treaty_start is not None or legal_card(m, zone)):
        genre = "primary"       # the treaty's text follows the act, or the database's card
    title = None
    if wrapper and wrapper.treaty_start is not None:
        title = header.find_title(m, Zone(wrapper.treaty_start, zone.end))
    title = title or header.find_title(m, zone)
    claim = InstrumentClaim(title_language=m.text.language)
    title_kind = None
    if title:
        title_kind = header.main_kind(m, title[0], title[1])
        claim.title = header.title_text(text, title[0], title[1])
        claim.evidence["title"] = [Span(title[0], title[1], text[title[0]:title[1]], "title:head")]
    elif m.text.title:
        claim.title = m.text.title

    tied = ties(m, zone)         # kind words tied to dates, read once

    def decide(spans: list[tuple[int, int]]):
        kinds = kind_candidates(m, zone, title, title_kind, spans, wrapper, tied)
        kind = best(kinds)
        dates = date_candidates(m, zone, genre, title, kind, kinds, spans, wrapper, tied)
        return kinds, kind, dates, best(dates)

    def refs_for(kind, date):
        return references(m, zone, (kind.mention.value if kind else None,
                                    date.mention.value if date else None,
                                    title[:2] if title else None))

    # kind and date are decided again with the references' spans, and the references found
    # again for the new kind and date; a second call whose arguments are those of the first
    # (no reference spans; the same kind and date) would give the same result: skipped
    kinds, kind, dates, date = decide([])
    refs = refs_for(kind, date)
    first = _values(kind, date)
    ref_spans = [(r.evidence.start, r.evidence.end) for r in refs if r.evidence]
    if ref_spans:
        kinds, kind, dates, date = decide(ref_spans)
    if _values(kind, date) != first:
        refs = refs_for(kind, date)
    claim.kind = kind.mention.value if kind else None
    claim.evidence["kind"] = _spans(kind.mention if kind else None)
    claim.date_signed = date.mention.value if date else None
    claim.evidence["date_signed"] = _spans(date.mention if date else None)
    places = place_candidates(m, zone, genre, title[:2] if title else None,
                              date.mention if date else None,
                              [(r.evidence.start, r.evidence.end) for r in refs if r.evidence],
                              wrapper, header.unknown_place(m, zone))
    place = best(places)
    claim.place = place.mention.value if place else None
    claim.evidence["place"] = _spans(place.mention if place else None)
    explained = {"kind": kinds, "date_signed": dates, "place": places}

    # persons are looked up among the office holders of the signing day, else of the day the
    # text is dated (a news item's timestamp)
    day = claim.date_signed or next((d.value for d in m.of("date", start=zone.start, end=zone.end)
                                     if not d.value.startswith("--")), None)
    found = sigs.from_infobox(m, zone, day)
    if genre != "secondary":
        found += from_block(m, zone, day, _tail_start(m, zone))
    elif not found:
        found += sigs.from_sentences(m, zone, day, claim.kind)
    claim.signatures = [s for s in sigs.dedupe(found)
                        if not (s.evidence and in_wrapper(wrapper, s.evidence[0].start))]
    claim.parties, by_code = find_parties(
        m, zone, genre, title[:2] if title else None, claim.kind, date.mention if date else None,
        claim.signatures)
    for code in claim.parties:
        claim.evidence[f"party:{code}"] = by_code[code]
    claim.references = refs
    if genre != "secondary":
        # the articles of a wrapping law or resolution are not the treaty's
        text_zone = Zone(wrapper.treaty_start, zone.end) if wrapper and wrapper.treaty_start \
            is not None else zone
        stop = _obligations_stop(m, text_zone)
        claim.obligations = obligations(m, text_zone, stop, claim.kind, claim.parties)
        if not headings(m, text_zone, stop):
            claim.obligations = prose_obligations(m, text_zone, stop, claim.kind, claim.parties)
    claim.events = find_events(m, zone, genre, claim)
    claim.depositary = find_depositary(m, zone)
    record = Record(m.text, genre, claim)
    record.candidates = {f: [c.explain() for c in ranking(cs)] for f, cs in explained.items()}
    if letter:
        for sig in from_block(m, letter, day, _tail_start(m, letter),
                                   rule="letter-signer:block"):
            record.letter_signers.append(LetterSigner(sig.person_name, sig.person_id, sig.state,
                                                      sig.role, sig.role_label,
                                                      sig.evidence[0] if sig.evidence else None))
    return record


def _values(kind, date) -> tuple[str | None, str | None]:
    return (kind.mention.value if kind else None, date.mention.value if date else None)


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
