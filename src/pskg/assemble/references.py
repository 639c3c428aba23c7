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
from functools import lru_cache

from pskg.assemble.header import complete_year
from pskg.assemble.layout import Zone, head_first, sentence_at
from pskg.extract import Mentions
from pskg.knowledge import lexicon, reference
from pskg.model import Mention, Reference, Span

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
# what may stand between a date and the kind word it dates in a head-first language
# ("the 8 December 1991 Agreement", "от 8 декабря 1991 г. Соглашение")
_YEAR_WORDS = re.compile(r"(?<![^\W\d_])(?:года|году|г\.|року|р\.|гада|year|anul|yılı|жылғы|жылы)"
                         r"(?![^\W\d_])|[.\s]+", re.I)
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
    words = raw.split()
    ties = {r["phrase"].casefold() for r in lexicon.rows("cues", lang, cue="of_date")}
    while words and words[-1].casefold().strip(",.") in ties:   # "… Казахстан от" → "… Казахстан"
        words.pop()
    return " ".join(words)[:160].strip(" ,.-–—")


def references(m: Mentions, zone: Zone, own: tuple[str | None, str | None, tuple[int, int] | None],
               ) -> list[Reference]:
    """own = (kind, date, title span) of the document's instrument."""
    text = m.text.text
    ref = reference.load()
    own_kind, own_date, own_title = own
    out: list[Reference] = []
    untimed: list[Reference] = []          # named by title alone: kept unless named with a date
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
        if inside_title(kind.span) or any(s <= kind.span.start < e + 2 for s, e in taken) \
                or is_own(m, kind) or _on_card_line(m, kind):
            continue
        tie = attached_date(m, kind)
        date = tie[0] if tie else None
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
        named = titled(m, kind) if kind.value != "other" else None
        if named and kind.value != own_kind:
            untimed.append(Reference(named, kind.value, None, None,
                                 Span(kind.span.start, kind.span.start + len(named),
                                      text[kind.span.start:kind.span.start + len(named)],
                                      "reference:title")))
            continue
        s, _ = sentence_at(text, kind.span.start)
        years = [int(y.group(1)) for y in _YEAR.finditer(text, max(s, kind.span.start - 120),
                                                           kind.span.start)
                 if not re.search(r"[,;:。，；：]", text[y.end():kind.span.start])]
        for year in years:
            matches = [i for i in ref.instruments.values()
                       if i.kind == kind.value and i.date and i.date.startswith(f"{year}-")
                       and not (i.date == own_date and i.kind == own_kind)]
            if len(matches) > 1:     # several of that kind and year: the one on the same topic
                near = _topics(text[s:kind.span.end], m.text.language)
                matches = [i for i in matches if near & _known_topics(i)]
            if len(matches) == 1:
                known = matches[0]
                out.append(Reference(known_title(known), known.kind, known.date, known.id,
                                     Span(kind.span.start, kind.span.end, kind.span.exact,
                                          "reference:kind+year")))
    out += [r for r in untimed if not _same_title(r.title, out)]
    return _dedupe(out)


def is_own(m: Mentions, kind: Mention) -> bool:
    """'this Agreement', 'настоящего Соглашения', '本条约': the document's own instrument."""
    return any(c.value == "own" and 0 <= kind.span.start - c.span.end <= 3
               for c in m.of("cue", start=max(0, kind.span.start - 20), end=kind.span.start))


def attached_date(m: Mentions, kind: Mention) -> tuple[Mention, str] | None:
    """A full date tied to a kind word: written before it with nothing but title words between
    ("1993 年 5 月 25 日的…条约", "the 8 December 1991 Agreement"), or after it behind a word
    that ties a date to a title ("Agreement … of 30 December 1991", "Соглашения от 25 мая")
    or a signing word ("the Agreement signed on …"). Returns (date, how): how is "before",
    "of" or "sign"."""
    text = m.text.text
    s, e = sentence_at(text, kind.span.start)
    # a head-final language writes the whole title, and the signing phrase, before the kind
    # word ("<date> <place> signed <long title> agreement-ACC"): reach further back there
    reach = 150 if head_first(m.text.language) else 320
    dates = [complete_year(m, d) for d in m.of("date", start=max(s, kind.span.start - reach),
                                                end=min(e, kind.span.end + 300))]
    dates = [d for d in dates if d is not None]
    before = [d for d in dates if d.span.end <= kind.span.start]
    if before and not m.of("type", start=before[-1].span.end, end=kind.span.start):
        gap_start = before[-1].span.end
        gap = text[gap_start:kind.span.start]
        cues = m.of("cue", start=gap_start, end=kind.span.start)
        signed = any(c.value == "sign" for c in cues) or (      # "On 13 March X and Y signed
            not re.search(r"[;:。；：]", gap) and any(             # the Statement…" with the
                c.value == "sign" for c in m.of("cue", start=kind.span.end, end=e)))  # verb last
        words = _YEAR_WORDS.sub(" ", gap).strip()
        apart = (re.search(r"[,;:。，；：]|\s[-–—]\s", gap)           # a list or a source line
                 or any(c.value in ("other_event", "wrapper") for c in cues)
                 or words and not re.search(r"[^\W\d_]", words)        # a number, not a title
                 or head_first(m.text.language) and not signed and words)
        if signed or not apart:
            return before[-1], "sign" if signed else "before"
    for date in (d for d in dates if d.span.start >= kind.span.end):
        if m.of("type", start=kind.span.end, end=date.span.start) or any(
                c.value in ("wrapper", "other_event")        # "the Protocol, approved by Resolution
                for c in m.of("cue", start=kind.span.end, end=date.span.start)):   # … of <date>"
            break
        ties = [c for c in m.of("cue", start=max(kind.span.end, date.span.start - 14),
                                end=date.span.start)
                if c.value in ("of_date", "sign") and date.span.start - c.span.end <= 3]
        if ties:
            return date, "of" if any(c.value == "of_date" for c in ties) else "sign"
    return None


@lru_cache(maxsize=None)
def _title_link(lang: str) -> re.Pattern:
    words = [r["phrase"] for r in lexicon.rows("title_links", lang.split("-")[0])]
    words += [r["phrase"] for r in lexicon.rows("title_links", "en")]
    alt = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"[ \t]+(?:the[ \t]+)?(?:{alt})(?![^\W\d_])", re.I)


def titled(m: Mentions, kind: Mention) -> str | None:
    """The title a kind word opens in a head-first language: "Agreement between … on …",
    "Соглашение о …", up to the next punctuation — a named instrument, dated or not."""
    text, lang = m.text.text, m.text.language
    if not head_first(lang) or not kind.span.exact[:1].isupper():
        return None
    if not _title_link(lang).match(text, kind.span.end):
        return None
    tail = text[kind.span.start:kind.span.start + 200]
    cut = re.search(r"[;:。()（）\"«»“”]|,(?!\s*(?:of the|and)\b)|\.(?=\s|$)|\n\s*\n", tail)
    title = " ".join((tail[:cut.start()] if cut else tail).split())
    return title if len(title.split()) >= 4 else None


_CARD_LABELS = ("field_date", "field_adopt_date", "field_other_date", "field_place",
                "field_signatories", "field_type")


def _on_card_line(m: Mentions, kind: Mention) -> bool:
    """On a line of a database card ("Document type: international treaty"): a field, not a title."""
    text = m.text.text
    ls = text.rfind("\n", 0, kind.span.start) + 1
    return any(c.value in _CARD_LABELS and not text[ls:c.span.start].strip(" \t-*•|")
               for c in m.of("cue", start=ls, end=kind.span.start))


def _same_title(title: str, refs: list[Reference]) -> bool:
    """A title-only mention of an instrument already referred to (with its date) elsewhere."""
    words = set(title.casefold().split())
    return any(len(words & set((r.title or "").casefold().split())) >= 0.5 * len(words) for r in refs)


def _topics(text: str, lang: str) -> set[str]:
    from pskg.extract.entities import word_matcher
    return {hit.value for hit in word_matcher("topics", lang.split("-")[0]).find(text)}


def _known_topics(known) -> set[str]:
    return {t for lang, titles in known.titles.items() for title in titles
            for t in _topics(title, lang)}


def known_title(known) -> str:
    for lang in ("en", "ru"):
        if known.titles.get(lang):
            return known.titles[lang][0]
    return next(iter(known.titles.values()))[0]


def _dedupe(refs: list[Reference]) -> list[Reference]:
    out: dict[tuple, Reference] = {}
    for r in refs:
        key = (r.known_id,) if r.known_id else (r.date, r.kind)
        if r.known_id is None and any(
                o.known_id and o.date == r.date and o.kind == r.kind and o.evidence and r.evidence
                and abs(o.evidence.start - r.evidence.start) < 200 for o in out.values()):
            continue
        out.setdefault(key, r)
    return list(out.values())
