"""Dates in the forms treaties and articles use, in every language of the month table.

One general rule for month words: a month name (any inflected form of it) with a day number
right beside it and a four-digit year within a few words on either side — this covers
"21 December 1991", "December 21, 1991", "21 декабря 1991 г.", "1991 წლის 21 დეკემბერი",
"2024 жылғы 8 қарашада", "16 апрели соли 1999", "1991 թվականի դեկտեմբերի 21-ին".
Numeric forms (21.12.1991, 1991-12-21, 21.XII.1991, 1999年4月16日) have their own patterns.
A day and month without a year is kept as a partial date ("--12-21") for later completion.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from functools import lru_cache

from pskg.extract.match import Entry, Matcher
from pskg.knowledge import lexicon
from pskg.model import Mention, Span

YEAR = r"(1[89]\d\d|20\d\d)"
# (pattern, order, characters that may not come right before it): a pattern that opens with a
# digit is searched fast; the character before is checked in `_numeric` (a look-behind would
# make the regex engine try every position of the text); `\d\d?`, not `\d{1,2}`: a pattern whose
# first item is a plain character class skips ahead to the next digit (2x faster scans)
_NUMERIC = [
    (re.compile(r"(\d\d?)\s?[./]\s?(\d\d?)\s?[./]\s?" + YEAR + r"(?!\d)"), "dmy", "0123456789."),
    (re.compile(YEAR + r"-(\d{2})-(\d{2})(?!\d)"), "ymd", "0123456789"),
    (re.compile(r"(\d\d?)[.\s]{1,2}([IVX]{1,4})[.\s]{1,2}" + YEAR + r"(?!\d)"), "dRy", "0123456789."),
]


def _numeric(pattern: re.Pattern, text: str, not_after: str):
    """The matches `finditer` would give with `(?<![not_after])` in front of the pattern."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() and text[m.start() - 1] in not_after:
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


_CJK_NUM = r"[0-9０-９]{1,4}|[一二三四五六七八九十〇零两]{1,4}"
_HAN_DATE = re.compile(
    rf"(?:({_CJK_NUM})\s*年\s*)?({_CJK_NUM})\s*月\s*({_CJK_NUM})\s*[日号號]")


@lru_cache(maxsize=1)
def _day_patterns() -> tuple[re.Pattern, re.Pattern]:
    """A day number before or after a month word, with the endings data/lexicon/day_suffixes.tsv
    allows (ordinal and case endings), a hyphen, a dot or quotation marks."""
    def alternatives(where: str) -> str:
        suffixes = {r["suffix"] for r in lexicon.table("day_suffixes") if r["where"] == where}
        return "|".join(sorted(map(re.escape, suffixes), key=len, reverse=True)) or "(?!)"
    before = re.compile(r"(?<!\d)(\d{1,2})[»\"”]?(?:-?(?:" + alternatives("before") + r")|\.)?"
                        r"[\s,-]{0,3}$")
    after = re.compile(r"^[\s,]{0,3}(\d{1,2})(?!\d)(?:-?(?:" + alternatives("after") + r"))?")
    return before, after


_YEAR_AFTER = re.compile(r"^(?:(?!\n\s*\n)[^\d]){0,18}?" + YEAR + r"(?!\d)")
_YEAR_BEFORE = re.compile(YEAR + r"(?!\d)(?:(?!\n\s*\n)[^\d]){0,22}$")


@lru_cache(maxsize=1)
def _month_matcher() -> Matcher:
    # a month word takes case endings ("27-январында", "11 қыркүйекте"): a form of five letters
    # or more is a stem that takes any ending; a date still needs a day number beside it
    return Matcher(Entry(row["form"], row["month"], row["lang"],
                         "exact" if len(row["form"]) <= 3 else
                         "stem" if len(row["form"]) >= 5 else "prefix")
                   for row in lexicon.table("months"))


def _iso(year: int | None, month: int, day: int) -> str | None:
    try:
        if year is None:
            dt.date(2000, month, day)
            return f"--{month:02d}-{day:02d}"
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _to_int(raw: str) -> int | None:
    raw = raw.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if raw.isdigit():
        return int(raw)
    if len(raw) == 4 and all(c in "一二三四五六七八九〇零" for c in raw):
        return int("".join(str(lexicon.parse_number(c)) for c in raw))
    return lexicon.parse_number(raw)


def find_dates(text: str) -> list[Mention]:
    found: dict[int, Mention] = {}
    starts: list[int] = []            # of the dates kept, in order (they never overlap)
    ends: list[int] = []

    def add(start: int, end: int, iso: str | None, rule: str) -> None:
        if not iso:
            return
        i = bisect.bisect_right(starts, start)
        if (i and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            return                        # overlaps a date found before (the earlier rule wins)
        starts.insert(i, start)
        ends.insert(i, end)
        found[start] = Mention("date", iso, Span(start, end, text[start:end], rule))

    for m in (_HAN_DATE.finditer(text) if "月" in text else ()):   # no month sign, no Han date
        year = _to_int(m.group(1)) if m.group(1) else None
        month, day = _to_int(m.group(2)), _to_int(m.group(3))
        if month and day and (year is None or 1800 <= year <= 2099):
            add(m.start(), m.end(), _iso(year, month, day), "date:han")
    for pattern, order, not_after in _NUMERIC:
        for m in _numeric(pattern, text, not_after):
            a, b, c = m.groups()
            if order == "dmy":
                iso = _iso(int(c), int(b), int(a))
            elif order == "ymd":
                iso = _iso(int(a), int(b), int(c))
            else:
                iso = _iso(int(c), lexicon.parse_number(b) or 0, int(a))
            add(m.start(), m.end(), iso, f"date:{order}")
    for hit in _month_matcher().find(text):
        _month_word_date(text, hit, add)
    return sorted(found.values(), key=lambda m: m.span.start)


def _month_word_date(text: str, hit, add) -> None:
    month = int(hit.value)
    left, right = text[max(0, hit.start - 30):hit.start], text[hit.end:hit.end + 30]
    start, end, day = hit.start, hit.end, None
    day_before, day_after = _day_patterns()
    m = day_before.search(left)
    if m:
        day, start = int(m.group(1)), hit.start - (len(left) - m.start())
        after = right
        offset = hit.end
    else:
        m = day_after.match(right)
        if m:
            day, end = int(m.group(1)), hit.end + m.end()
            after = right[m.end():]
            offset = end
        else:
            return
    if not 1 <= day <= 31:
        return
    year = None
    y = _YEAR_AFTER.match(after)
    if y:
        year, end = int(y.group(1)), offset + y.end()
    else:
        before = text[max(0, start - 30):start]
        y = _YEAR_BEFORE.search(before)
        if y:
            year, start = int(y.group(1)), start - (len(before) - y.start())
    add(start, end, _iso(year, month, day), "date:month-word")
