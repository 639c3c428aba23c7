"""The instrument's commitments: one per article, or per numbered item where it has no
article headings.

Modality comes from the cue words of the text ("shall" binding, "will" intended, "call upon"
recommended). In a treaty, agreement, convention, protocol or charter the future tense is the
drafting form of an obligation, so "will"/"将"/"будут" there is binding, and an article with no
cue is binding too; in a declaration or memorandum only items with a cue are commitments.
Bearers are the parties the article names, or all parties when it names none or says
"the Parties"; each bearer is bound towards the other parties.
"""
from __future__ import annotations

from pskg.assemble.layout import Zone
from pskg.extract import Mentions
from pskg.extract.entities import word_matcher
from pskg.model import Mention, Obligation, Span

BINDING_KINDS = {"treaty", "agreement", "convention", "protocol", "charter"}
_ORDER = ("binding", "intended", "recommended")


def headings(m: Mentions, zone: Zone, stop: int) -> list[tuple[str, Mention]]:
    """(article number, heading mention) in order; numbering that restarts opens a section."""
    found = m.of("article", start=zone.start, end=stop)
    articles = [a for a in found if a.get("kind") == "article"]
    if len({a.value for a in articles}) >= 2:
        return [(a.value, a) for a in _sequential(articles)]
    items = _sequential([a for a in found if a.get("kind") == "item"])
    sections, section, prev = [], 1, 0
    for item in items:
        n = int(item.value)
        if n <= prev:
            section += 1
        sections.append((section, item))
        prev = n
    if section == 1:
        return [(item.value, item) for _, item in sections]
    return [(f"{sec}.{item.value}", item) for sec, item in sections]


def _sequential(marks: list[Mention]) -> list[Mention]:
    """Keep marks that continue a numbering (n follows n-1, or 1 starts a list)."""
    out, prev = [], 0
    for mark in marks:
        n = int(mark.value)
        if n == prev + 1 or (n == 1 and prev != 0):
            out.append(mark)
            prev = n
    return out


def obligations(m: Mentions, zone: Zone, stop: int, kind: str | None,
                parties: list[str]) -> list[Obligation]:
    text = m.text.text
    lang = m.text.language
    marks = headings(m, zone, stop)
    topic_hits = word_matcher("topics", lang).find(text) if marks else []
    out = []
    for i, (number, mark) in enumerate(marks):
        end = marks[i + 1][1].span.start if i + 1 < len(marks) else stop
        body = text[mark.span.start:end].strip()
        if not body:
            continue
        start = mark.span.start
        cues = [c for c in m.of("cue", start=start, end=end) if c.value in _ORDER]
        if not cues and kind not in BINDING_KINDS:
            continue
        modality = _modality(cues, kind)
        named = {s.value for s in m.of("state", start=start, end=end)} & set(parties)
        says_all = any(c.value == "parties_all" for c in m.of("cue", start=start, end=end))
        bearers = sorted(parties) if (says_all or not named) else sorted(named)
        towards = sorted(set(parties) - set(bearers)) if len(bearers) < len(parties) else \
            (sorted(parties) if len(parties) > 1 else [])
        topics = sorted({h.value for h in topic_hits if start <= h.start and h.end <= end})
        out.append(Obligation(number, " ".join(body.split()), bearers, modality, topics,
                              Span(start, end, text[start:end], f"obligation:{mark.span.rule}"),
                              towards))
    return out


def _modality(cues: list[Mention], kind: str | None) -> str:
    present = {c.value for c in cues}
    binding_kind = kind in BINDING_KINDS
    for level in _ORDER:
        if level in present:
            return "binding" if (binding_kind and level == "intended") else level
    return "binding" if binding_kind else "intended"
