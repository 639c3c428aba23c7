"""Consent events: who signed, ratified, acceded, withdrew, and when the instrument entered into
force, each with the span it was read from. General rules, words from data/lexicon/events.tsv:

- signature: each signatory's state on the date signed;
- ratification / approval / acceptance / accession / succession: a cue word; the date and state
  are those of the national act that carries it (a law, decree or resolution named on a line
  with a date and a state: "Закон Республики … от 30 октября 2017 года"), else, in a text about
  the instrument, the date after the cue in its sentence and the state nearest the cue; never
  the signing date, never a date of another instrument;
- entry into force: a cue with a date in its sentence (a clause, or a card field "Набрання
  чинності … 15.09.2004"), not before the date signed; the instrument's own, no state;
- withdrawal / suspension: a cue, a state and a date in one sentence (in a text about it, the
  dateline's date when the sentence gives none); the instrument is a well-known one named in the
  sentence, else the founding instrument of an organisation named there, else the claim's own.

A consent event is kept only for a party of the instrument (a state that accedes or succeeds
need not be one), so every extracted event satisfies the shapes of ontology/shapes.ttl; the state
of a national act that ratifies the instrument is a party by that act, and is added as one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pskg.assemble.layout import Zone, line_at
from pskg.extract import Mentions
from pskg.extract.match import Entry, Hit, Matcher
from pskg.knowledge import lexicon, reference
from pskg.knowledge.consent import founding_instrument
from pskg.model import ConsentEvent, InstrumentClaim, Mention, Reference, Span

CONSENT = ("ratification", "accession", "succession", "approval", "acceptance")  # by priority
LEAVING = ("withdrawal", "suspension")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
_HEAD, _LINE = 1500, 160      # where a national act's heading line stands, and its length
_SENTENCE = re.compile(r"[.!?;](?=\s)|\n[ \t]*\n")


@lru_cache(maxsize=None)
def matcher(lang: str) -> Matcher:
    """The events table's words of one language (value = the event column)."""
    entries = [Entry(row["phrase"], row["event"], "",
                     "exact" if row.get("match") == "exact" else "stem", group="event")
               for row in lexicon.rows("events", lang)]
    return Matcher(entries)


def cues(text: str, lang: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Event words of the document's language and of English, in order."""
    end = len(text) if end is None else end
    hits = {(h.start, h.end, h.value): h for code in dict.fromkeys([lang, "en"])
            for h in matcher(code).find(text) if h.start >= start and h.end <= end}
    return sorted(hits.values(), key=lambda h: (h.start, -h.end))


def sentence(text: str, pos: int) -> tuple[int, int]:
    """The sentence around pos: from the last stop (., ;, blank line) before it to the next."""
    start = 0
    for m in _SENTENCE.finditer(text, max(0, pos - 800), pos):
        start = m.end()
    m = _SENTENCE.search(text, pos)
    return start, (m.end() if m else len(text))


def _dates(m: Mentions, start: int, end: int, refs: list[Reference],
           cue: int | None = None) -> list[Mention]:
    """Full dates in [start, end) that are not part of another instrument's reference (one
    that begins before the cue at `cue`, when given: "the Agreement of 20 March 2006 entered
    into force", not "entered into force on 17 November 2017 – Bulletin of treaties")."""
    spans = [(r.evidence.start, r.evidence.end) for r in refs if r.evidence and (
        cue is None or (r.evidence.start < cue and not r.evidence.start <= cue < r.evidence.end))]
    return [d for d in m.of("date", start=start, end=end) if _FULL_DATE.match(d.value)
            and not any(s <= d.span.start < e for s, e in spans)]


def find_events(m: Mentions, zone: Zone, genre: str, claim: InstrumentClaim) -> list[ConsentEvent]:
    text, lang = m.text.text, m.text.language
    hits = cues(text, lang, zone.start, zone.end)
    out = signatures(claim)
    act = _national_act(m, zone, hits, claim.references)
    for hit in hits:
        if hit.value in CONSENT:
            out += _consent(m, hit, act, genre, claim)
        elif hit.value == "entry_into_force":
            out += _entry_into_force(m, hit, claim)
        elif hit.value in LEAVING:
            out += _leaving(m, zone, hit, genre, claim)
    return _dedupe(out)


def signatures(claim: InstrumentClaim) -> list[ConsentEvent]:
    if not claim.date_signed or not _FULL_DATE.match(claim.date_signed):
        return []
    return [ConsentEvent("signature", sig.state, claim.date_signed,
                         next(iter(sig.evidence), None))
            for sig in claim.signatures if sig.state]


def _national_act(m: Mentions, zone: Zone, hits: list[Hit], refs) -> tuple | None:
    """(date mention, states, its line) of the first line naming a law or decree with a date: a short
    line (a heading or dateline, not prose) near the top of the text."""
    text = m.text.text
    for hit in hits:
        if hit.value != "law" or hit.start > zone.start + _HEAD:
            continue
        ls, le = line_at(text, hit.start)
        if le - ls > _LINE:
            continue
        # a reference may be the act itself ("Законом України від 5 лютого 2013 року")
        others = [r for r in refs if not (r.evidence and r.evidence.start <= hit.start
                                          < r.evidence.end)]
        dates = _dates(m, ls, le, others)
        if dates:
            return (dates[0], m.of("state", start=ls, end=le) or _signer_state(m, le, zone.end),
                    Span(ls, le, text[ls:le], "event:national-act"))
    return None


def _signer_state(m: Mentions, after: int, end: int) -> list[Mention]:
    """The state of the act's signer, when the act's line names none ("Федеральный закон от
    …"): the state written beside the first office after it ("Президент Российской
    Федерации", "Қазақстан Республикасының Президенті")."""
    for role in m.of("role", start=after, end=end):
        near = m.of("state", start=max(after, role.span.start - 60), end=role.span.end + 60)
        if near:
            return near[:1]
    return []


def _consent(m: Mentions, hit: Hit, act, genre: str,
             claim: InstrumentClaim) -> list[ConsentEvent]:
    text = m.text.text
    s, e = sentence(text, hit.start)
    joins = hit.value in ("accession", "succession")
    here = Span(s, e, text[s:e], f"event:{hit.value}")
    candidates: list[tuple[Mention, list[Mention], Span]] = []
    if act:
        candidates.append(act)            # the act's line: its date and state are the event's
    dates = [d for d in _dates(m, s, e, claim.references, hit.start)
             if d.value != claim.date_signed]
    if dates and genre == "secondary":     # the body of a treaty speaks of other consents
        date = next((d for d in dates if d.span.start >= hit.end), dates[-1])
        # the state nearest the word: "ratified by Kazakhstan", "Kazakhstan ratified"
        states = sorted(m.of("state", start=s, end=e),
                        key=lambda st: min(abs(st.span.start - hit.end),
                                           abs(hit.start - st.span.end)))
        candidates.append((date, states[:1], here))
    for date, states, span in candidates:
        for state in states:
            if joins or state.value in claim.parties or not claim.parties or span is not here:
                if not joins and state.value not in claim.parties:
                    # a state that ratifies the instrument (by an act, or as a text about it
                    # reports) is a party
                    claim.parties.append(state.value)
                    claim.evidence[f"party:{state.value}"] = [span]
                return [ConsentEvent(hit.value, state.value, date.value, span)]
    return []


def _entry_into_force(m: Mentions, hit: Hit, claim: InstrumentClaim) -> list[ConsentEvent]:
    text = m.text.text
    s, e = sentence(text, hit.start)
    dates = _dates(m, s, e, claim.references, hit.start)
    after = [d for d in dates if d.span.start >= hit.end] or dates[::-1]
    for date in after:
        if claim.date_signed and date.value < claim.date_signed:
            continue
        span = _evidence(text, s, e, hit.start, date, "event:entry_into_force")
        return [ConsentEvent("entry_into_force", None, date.value, span)]
    return []


def _leaving(m: Mentions, zone: Zone, hit: Hit, genre: str,
             claim: InstrumentClaim) -> list[ConsentEvent]:
    text = m.text.text
    s, e = sentence(text, hit.start)
    states = m.of("state", start=s, end=e)
    dates = _dates(m, s, e, claim.references)
    if not dates and genre == "secondary":
        head = _dates(m, zone.start, min(zone.end, zone.start + 300), claim.references)
        dates = head[:1]
    if not states or not dates:
        return []
    target = _target(m, s, e)
    span = _evidence(text, s, e, hit.start, dates[0], f"event:{hit.value}")
    return [ConsentEvent(hit.value, states[0].value, dates[0].value, span, target)]


def _evidence(text: str, s: int, e: int, cue: int, date: Mention, rule: str) -> Span:
    """The sentence, or only the cue's line when the date stands on it (a card field or a
    note in a text whose lines carry no full stops)."""
    ls, le = line_at(text, cue)
    if ls <= date.span.start < le:
        s, e = max(s, ls), min(e, le)
    return Span(s, e, text[s:e], rule)


def _target(m: Mentions, s: int, e: int) -> Reference | None:
    """A well-known instrument named in the sentence, or an organisation's founding one."""
    ref = reference.load()
    for mention in m.of("instrument", "org", start=s, end=e):
        iid = mention.value if mention.kind == "instrument" else founding_instrument(mention.value)
        inst = ref.instruments.get(iid) if iid else None
        if inst:
            return Reference(mention.span.exact, inst.kind, inst.date, iid, mention.span)
    return None


def _dedupe(events: list[ConsentEvent]) -> list[ConsentEvent]:
    """One event per (kind, state, date, instrument); and one consent per state and day (a
    law that ratifies and was approved by a chamber is one ratification)."""
    best: dict[tuple, int] = {}
    for ev in events:
        if ev.kind in CONSENT:
            key = (ev.state, ev.date, ev.target.known_id if ev.target else None)
            best[key] = min(best.get(key, 9), CONSENT.index(ev.kind))
    events = [ev for ev in events if ev.kind not in CONSENT or CONSENT.index(ev.kind) == best[
        (ev.state, ev.date, ev.target.known_id if ev.target else None)]]
    seen, out = set(), []
    for ev in events:
        key = (ev.kind, ev.state, ev.date, ev.target.known_id if ev.target else None)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out
