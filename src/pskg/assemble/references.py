"""Other instruments a text names.

Three general rules:
- a well-known instrument of the reference data, by any of its titles ("Belovezha Accords",
  "集体安全条约", "Устав ООН");
- a kind word with a full date beside it in the same sentence: "1993 年 5 月 25 日的…友好合作和互助条约",
  "the Agreement on … of 30 December 1991", "Соглашение от 8 декабря 1991 года";
- a kind word with a year beside it, when the reference data knows exactly one instrument of
  that kind and year ("1954 жылғы … Конвенция" → the 1954 statelessness convention).
Mentions of the document's own instrument are not references.
"""
from __future__ import annotations

import re

from pskg import reference
from pskg.assemble.layout import Zone, sentence_at
from pskg.extract import Mentions
from pskg.model import Mention, Reference, Span

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_CUT = re.compile(r"[,;:。，；：()（）\"«»“”]")


def _title_around(text: str, kind: Mention, date: Mention | None, lang: str) -> str:
    """The words of a referenced title: from the date to the kind word (head-final titles),
    or from the kind word to the next punctuation (head-first titles)."""
    if date and date.span.end <= kind.span.start:
        raw = text[date.span.end:kind.span.end]
    else:
        tail = text[kind.span.start:kind.span.start + 120]
        cut = _CUT.search(tail)
        raw = tail[:cut.start()] if cut else tail
        if date and date.span.start >= kind.span.start:
            raw = text[kind.span.start:date.span.start]
    raw = re.sub(r"^[\s的之在于於年月日号號]*", "", raw)
    words = " ".join(raw.split())
    return words[:160].strip(" ,.-–—")


def references(m: Mentions, zone: Zone, own: tuple[str | None, str | None, tuple[int, int] | None],
               ) -> list[Reference]:
    """own = (kind, date, title span) of the document's instrument."""
    text = m.text.text
    ref = reference.load()
    own_kind, own_date, own_title = own
    out: list[Reference] = []
    taken: list[tuple[int, int]] = []

    def inside_title(span: Span) -> bool:
        return bool(own_title and own_title[0] <= span.start < own_title[1])

    for hit in m.of("instrument", start=zone.start, end=zone.end):
        known = ref.instruments[hit.value]
        if inside_title(hit.span) or (known.date == own_date and known.kind == own_kind):
            continue
        out.append(Reference(hit.span.exact, known.kind, known.date, known.id,
                             Span(hit.span.start, hit.span.end, hit.span.exact, "reference:known")))
        taken.append((hit.span.start, hit.span.end))

    for kind in m.of("type", start=zone.start, end=zone.end):
        if inside_title(kind.span) or any(s <= kind.span.start < e + 2 for s, e in taken):
            continue
        s, e = sentence_at(text, kind.span.start)
        dates = [d for d in m.of("date", start=max(s, kind.span.start - 150),
                                 end=min(e, kind.span.end + 60))
                 if not d.value.startswith("--")]
        before = [d for d in dates if d.span.end <= kind.span.start]
        after = [d for d in dates if d.span.start >= kind.span.end]
        date = before[-1] if before else (after[0] if after else None)
        if date is not None:
            if date.value == own_date and kind.value == own_kind:
                continue
            title = _title_around(text, kind, date, m.text.language)
            span_start = min(date.span.start, kind.span.start)
            span_end = max(date.span.end, kind.span.end)
            out.append(Reference(title, kind.value, date.value, None,
                                 Span(span_start, span_end, text[span_start:span_end],
                                      "reference:kind+date")))
            continue
        years = [int(y.group(1)) for y in _YEAR.finditer(text, max(s, kind.span.start - 120),
                                                           kind.span.start)]
        for year in years:
            matches = [i for i in ref.instruments.values()
                       if i.kind == kind.value and i.date and i.date.startswith(f"{year}-")]
            if len(matches) == 1:
                known = matches[0]
                out.append(Reference(known_title(known), known.kind, known.date, known.id,
                                     Span(kind.span.start, kind.span.end, kind.span.exact,
                                          "reference:kind+year")))
    return _dedupe(out)


def known_title(known) -> str:
    for lang in ("en", "ru"):
        if known.titles.get(lang):
            return known.titles[lang][0]
    return next(iter(known.titles.values()))[0]


def _dedupe(refs: list[Reference]) -> list[Reference]:
    out: dict[tuple, Reference] = {}
    for r in refs:
        key = (r.known_id,) if r.known_id else (r.date, r.kind, r.title.casefold()[:40])
        if r.known_id is None and any(
                o.known_id and o.date == r.date and o.kind == r.kind and o.evidence and r.evidence
                and abs(o.evidence.start - r.evidence.start) < 200 for o in out.values()):
            continue
        out.setdefault(key, r)
    return list(out.values())
