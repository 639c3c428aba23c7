"""Commitments written as prose: in a declaration or any text without numbered articles or
items, each sentence after the end of the preamble that carries an obligation cue ("guarantee",
"undertake", "will observe") is one obligation, numbered s1, s2… in order.

Modality is the strongest cue of the sentence (in a treaty-like kind the future tense is
binding, as for articles); bearers are the parties the sentence names, else all parties, each
bound towards the others; topics from the topic words of the sentence.
"""
from __future__ import annotations

import re

from pskg.assemble.layout import Zone
from pskg.extract import Mentions
from pskg.extract.entities import word_matcher
from pskg.model import Obligation, Span

BINDING_KINDS = {"treaty", "agreement", "convention", "protocol", "charter"}
_ORDER = ("binding", "intended", "recommended")
_STOP = re.compile(r"[.!?;。！？](?=\s|$)")


def sentences(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Sentences of [start, stop): ended by a full stop, not by a line break (a PDF text layer
    breaks lines, and leaves blank lines, inside a sentence)."""
    out, pos = [], start
    for m in _STOP.finditer(text, start, stop):
        out.append((pos, m.end()))
        pos = m.end()
    if text[pos:stop].strip():
        out.append((pos, stop))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out
            if text[s:e].strip()]


def prose_obligations(m: Mentions, zone: Zone, stop: int, kind: str | None,
                      parties: list[str]) -> list[Obligation]:
    if not parties:
        return []
    text, lang = m.text.text, m.text.language
    cues = m.of("cue", start=zone.start, end=stop)
    agreed = [c for c in cues if c.value == "agreed"]
    start = agreed[0].span.end if agreed else zone.start
    out = []
    for s, e in sentences(text, start, stop):
        found = {c.value for c in cues if s <= c.span.start < e and c.value in _ORDER}
        if not found:
            continue
        level = next(v for v in _ORDER if v in found)
        modality = "binding" if (kind in BINDING_KINDS and level == "intended") else level
        named = {st.value for st in m.of("state", start=s, end=e)} & set(parties)
        says_all = any(c.value == "parties_all" and s <= c.span.start < e for c in cues)
        bearers = sorted(parties) if (says_all or not named) else sorted(named)
        towards = sorted(set(parties) - set(bearers)) if len(bearers) < len(parties) else \
            (sorted(parties) if len(parties) > 1 else [])
        body = text[s:e]
        topics = sorted({h.value for h in word_matcher("topics", lang).find(body)})
        out.append(Obligation(f"s{len(out) + 1}", " ".join(body.split()), bearers, modality,
                              topics, Span(s, e, body, "obligation:prose-sentence"), towards,
                              numbered=False))
    return out
