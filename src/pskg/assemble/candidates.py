"""The candidates of the header fields and their features: every kind word for the kind, every
date for the signing date, every place for the signing place (weights: data/lexicon/features.tsv).

What the features read: card fields of legal-database pages (signature, adoption, other dates),
signing words and closing lines, the title and headings, "this / the present", dates tied by
"of / от" to a kind word (the document's own instrument or another one), the law, decree or
resolution that wraps a treaty (its own date, the part before the treaty's text), news
timestamps and datelines, words of other events (entry into force, ratification, publication).
"""
from __future__ import annotations

import re

from pskg.assemble.genres import Wrapper, card_dates, card_fields, in_wrapper, opens_heading
from pskg.assemble.header import complete_year, field_value
from pskg.assemble.layout import Zone, head_first, line_at, sentence_at
from pskg.assemble.rank import Candidate
from pskg.assemble.references import attached_date, is_own
from pskg.extract import Mentions
from pskg.model import Mention

_CLOCK = re.compile(r"(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


def ties(m: Mentions, zone: Zone) -> dict[int, tuple[Mention, Mention, str]]:
    """Kind words tied to a date: kind start → (kind, date, how), how = before | of | sign."""
    out = {}
    for k in m.of("type", start=zone.start, end=zone.end):
        tie = attached_date(m, k)
        if tie is not None:
            out[k.span.start] = (k, tie[0], tie[1])
    return out


def _sentence_cues(m: Mentions, pos: int, value: str, reach: int) -> list[Mention]:
    s, e = sentence_at(m.text.text, pos)
    return [c for c in m.of("cue", start=max(s, pos - reach), end=min(e, pos + reach))
            if c.value == value]


def kind_candidates(m: Mentions, zone: Zone, title: tuple[int, int] | None,
                    title_kind: Mention | None, refs_spans: list[tuple[int, int]],
                    wrapper: Wrapper | None, tied: dict) -> list[Candidate]:
    text = m.text.text
    card = field_value(m, "field_type", "type", zone)
    out = []
    for i, k in enumerate(m.of("type", start=zone.start, end=zone.end)):
        c = Candidate("kind", k)
        in_title = bool(title and title[0] <= k.span.start < title[1])
        heads = title_kind is not None and k.span == title_kind.span   # opens it, or ends it
        c.add("opens_title", heads)                                    # in a head-final language
        c.add("in_title", in_title and not heads)
        c.add("heading", opens_heading(text, k, m.text.language) and not in_title)
        c.add("card_type", card is not None and card.span == k.span)
        c.add("own", is_own(m, k))
        c.add("wrapped", wrapper is not None and any(
            0 <= k.span.start - r.span.end <= 40 for r in _sentence_cues(m, k.span.start, "ratify", 60)))
        signed = k.span.start in tied and tied[k.span.start][2] == "sign"
        c.add("signed", signed)
        c.add("in_reference", not in_title and not is_own(m, k) and not signed
              and any(s <= k.span.start < e for s, e in refs_spans))
        c.add("first", i == 0)
        c.add("any")
        out.append(c)
    return out


def date_candidates(m: Mentions, zone: Zone, genre: str, title: tuple[int, int] | None,
                    kind: Candidate | None, ranked_kinds: list[Candidate],
                    refs_spans: list[tuple[int, int]], wrapper: Wrapper | None,
                    tied: dict) -> list[Candidate]:
    text = m.text.text
    n = zone.end - zone.start
    cards = {lbl: card_dates(m, zone, lbl) for lbl in ("field_date", "field_adopt_date")}
    other_cards = card_dates(m, zone, "field_other_date")
    own_kinds = {c.mention.span for c in ranked_kinds
                 if kind is not None and c.mention.value == kind.mention.value
                 and {"opens_title", "heading", "own", "wrapped", "card_type"} & set(c.features)}
    by_date: dict[int, tuple[Mention, str]] = {}
    for k, d, how in tied.values():
        by_date.setdefault(d.span.start, (k, how))
    out, first_full = [], True
    for raw in m.of("date", start=zone.start, end=zone.end):
        d = complete_year(m, raw)
        if d is None:
            continue
        c = Candidate("date_signed", d)
        pos = d.span.start
        if pos not in cards["field_date"] | cards["field_adopt_date"] | other_cards \
                and _timestamp(m, d, genre):   # a timestamp or dateline is nothing else
            c.add("timestamp")
            out.append(c)
            continue
        signs = _sentence_cues(m, pos, "sign", 160)
        events = _sentence_cues(m, pos, "other_event", 60)
        governing = _governing(d, signs + events, head_first(m.text.language))
        near_sign = 0 if governing is not None and governing.value == "sign" else None
        near_event = 0 if governing is not None and governing.value != "sign" else None
        c.add("card_sign", pos in cards["field_date"])
        c.add("card_adopt", pos in cards["field_adopt_date"])
        c.add("card_other", pos in other_cards)
        c.add("sign_cue", near_sign is not None and (near_event is None or near_sign <= near_event))
        c.add("other_event", near_event is not None and (near_sign is None or near_event < near_sign))
        alone = _alone_on_line(text, d)
        c.add("closing_line", genre != "secondary" and alone and pos >= zone.start + int(n * 0.8))
        c.add("closing_part", genre != "secondary" and pos >= zone.start + int(n * 0.75))
        c.add("under_title", alone and title is not None and 0 <= pos - title[1] <= 400)
        card = {"card_sign", "card_adopt", "card_other"} & set(c.features)
        k, how = by_date.get(pos, (None, "")) if not card else (None, "")
        if k is not None:
            c.add("own_title_date" if _own_tie(k, how, kind, own_kinds, title)
                  else "other_instrument")
        c.add("in_reference", k is None and not card and any(s <= pos < e for s, e in refs_spans))
        c.add("wrapper_date", wrapper is not None and in_wrapper(wrapper, pos) and _tied_to_act(m, d))
        c.add("wrapper_zone", in_wrapper(wrapper, pos))
        c.add("year_from_dateline", d.span.rule == "date:year-from-dateline")
        if not d.value.startswith("--") and d.span.rule != "date:year-from-dateline":
            c.add("earliest", genre == "secondary" and first_full)
            first_full = False
        out.append(c)
    return out


def _own_tie(k: Mention, how: str, kind: Candidate | None, own_kinds: set,
             title: tuple[int, int] | None) -> bool:
    """Is the kind word a date is tied to the document's own instrument? One that heads its
    title, opens a heading, follows "this" or is what the wrapping act ratifies; or, tied by a
    signing word ("the Agreement signed on …"), a word of the instrument's own kind."""
    if kind is None:
        return False
    if k.span in own_kinds or k.span == kind.mention.span:
        return True
    in_title = title is not None and title[0] <= k.span.start < title[1]
    return k.value == kind.mention.value and (how == "sign" or in_title)


def place_candidates(m: Mentions, zone: Zone, genre: str, title: tuple[int, int] | None,
                     date: Mention | None, refs_spans: list[tuple[int, int]],
                     wrapper: Wrapper | None, unknown: Mention | None) -> list[Candidate]:
    text = m.text.text
    card = field_value(m, "field_place", "place", zone) or next(
        iter(card_fields(m, zone, "field_place", "place")), None)
    # the signing date may be written more than once ("… on 8 December 1991" in the text and
    # "Minsk, 8 December 1991" under a signature): beside any of its mentions
    dates = [d for d in m.of("date", start=zone.start, end=zone.end)
             if date is not None and d.value == date.value] or ([date] if date else [])
    final = not head_first(m.text.language)      # a verb-final sentence ends with its signing word
    places = m.of("place", start=zone.start, end=zone.end)
    if unknown and not any(p.span.start < unknown.span.end and unknown.span.start < p.span.end
                           for p in places):
        places.append(unknown)
    out = []
    for p in places:
        c = Candidate("place", p)
        pos = p.span.start
        # "Done at X" names the place right after the signing word; a verb-final sentence
        # ("Бішкек қаласында … жасалды") ends with it
        signs = [s for s in _sentence_cues(m, pos, "sign", 200)
                 if 0 <= pos - s.span.end <= 60 or (s.span.start > pos and final)]
        c.add("card_place", card is not None and card.span == p.span)
        c.add("sign_cue", bool(signs))
        c.add("beside_date", any(abs(pos - d.span.start) <= 60
                                 and sentence_at(text, pos) == sentence_at(text, d.span.start)
                                 for d in dates))
        c.add("in_title", title is not None and title[0] <= pos < title[1])
        c.add("in_reference", any(s <= pos < e for s, e in refs_spans))
        c.add("wrapper_zone", in_wrapper(wrapper, pos) and not signs)
        c.add("dateline", genre == "secondary" and pos < zone.start + 160
              and (_in_dateline(m, p) or line_at(text, pos)[0] <= zone.start + 160 and not signs))
        c.add("after_signing_prep", p is unknown)
        out.append(c)
    return out


def _governing(date: Mention, cues: list[Mention], first: bool) -> Mention | None:
    """The signing or event word a date belongs to: in a head-first language the nearest one
    before it ("signed in X on <date>, ratified on <date2>"), else the nearest after; in a
    verb-final language the other way round."""
    before = [c for c in cues if c.span.end <= date.span.start]
    after = [c for c in cues if c.span.start >= date.span.end]
    near_before = max(before, key=lambda c: c.span.end, default=None)
    near_after = min(after, key=lambda c: c.span.start, default=None)
    return (near_before or near_after) if first else (near_after or near_before)


def _in_dateline(m: Mentions, place: Mention) -> bool:
    """A place opening a news item's dateline ("ASTANA, 12 May 2019 — …")."""
    text = m.text.text
    ls, le = line_at(text, place.span.start)
    head = re.split(r"\s[—–]\s|\s-\s", text[ls:le])[0]
    return (not text[ls:place.span.start].strip() and len(head) <= 60
            and bool(m.of("date", start=place.span.end, end=ls + len(head))))


_LETTER = re.compile(r"[^\W\d_]")


def _alone_on_line(text: str, date: Mention) -> bool:
    """At most 12 letters on the date's line(s) besides the date (counted up to the 13th: a
    long line of prose is not read to its end)."""
    ls, le = line_at(text, date.span.start)
    _, le = line_at(text, max(date.span.start, date.span.end - 1))
    letters = 0
    for start, end in ((ls, date.span.start), (date.span.end, le)):
        for _ in _LETTER.finditer(text, start, end):
            letters += 1
            if letters > 12:
                return False
    return True


def _tied_to_act(m: Mentions, date: Mention) -> bool:
    """The date of a wrapping act: an act word before it on its line ("Закон … от 12 мая 2010
    года"), no kind word between."""
    text = m.text.text
    ls, _ = line_at(text, date.span.start)
    return any(c.value == "wrapper" and not m.of("type", start=c.span.end, end=date.span.start)
               for c in m.of("cue", start=ls, end=date.span.start))


def _timestamp(m: Mentions, date: Mention, genre: str) -> bool:
    """A clock time beside the date ("30 նոյեմբեր, 2016 14:52"), or a date on the first line of
    a text about an instrument (a news dateline)."""
    text = m.text.text
    around = text[max(0, date.span.start - 25):date.span.end + 25]
    if _CLOCK.search(around.replace(date.span.exact, " ")):
        return True
    if genre != "secondary" or date.span.start >= 200:
        return False
    if _alone_on_line(text, date):
        return True
    s, e = sentence_at(text, date.span.start)          # "ASTANA, 11 June 2019." opening a news
    tail = re.split(r"\s[—–-]\s", text[date.span.end:e])[0]    # item: a place and a date alone,
    e = date.span.end + len(tail)                                # "… 2009 (Agency) — Georgia's…"
    if any(c.value == "sign" for c in m.of("cue", start=s, end=e)):
        return False
    rest = text[s:date.span.start] + re.sub(r"\([^)]*\)|/[^/]*/", " ", tail)
    for p in m.of("place", "state", start=s, end=e):
        rest = rest.replace(p.span.exact, " ")
    return len(re.sub(r"[\W\d_]", "", rest)) <= 2
