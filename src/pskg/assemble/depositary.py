"""The depositary of an instrument: the state or organisation a depositary cue names
("depositary", "Depositor: Belarus", "хранится в архиве Правительства Республики Беларусь").

The cue's sentence (or its line, for a fact-sheet field) is read; the first state or
organisation after the cue is the depositary, else the last one before it.
"""
from __future__ import annotations

from pskg.assemble.events import cues, sentence
from pskg.assemble.layout import Zone, is_label, line_at
from pskg.extract import Mentions
from pskg.model import Depositary, Mention, Span


def find_depositary(m: Mentions, zone: Zone) -> Depositary | None:
    text = m.text.text
    for hit in cues(text, m.text.language, zone.start, zone.end):
        if hit.value != "depositary":
            continue
        cue = Mention("cue", "depositary", Span(hit.start, hit.end, text[hit.start:hit.end]))
        s, e = line_at(text, hit.start) if is_label(text, cue) else sentence(text, hit.start)
        named = m.of("state", "org", start=s, end=e)
        after = [n for n in named if n.span.start >= hit.end]
        before = [n for n in named if n.span.end <= hit.start]
        chosen = after[0] if after else (before[-1] if before else None)
        if chosen is not None:
            return Depositary(chosen.kind, chosen.value,
                              Span(s, e, text[s:e], "depositary:cue"))
    return None
