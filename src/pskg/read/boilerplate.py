"""Mark page furniture in a normalised text as (start, end) spans; the text itself is kept.

Table-driven (data/lexicon/boilerplate.tsv: skip links, cookie notices, view counters,
"[edit]" marks, navigation boxes, "See also" sections to the end), plus two layout rules:
a run of three or more one- or two-character lines (a navigation box written one word a
line: 查 / 论 / 编), and a lone number as a page's last line (a view counter).
"""
from __future__ import annotations

import re
from functools import lru_cache

from pskg.knowledge.lexicon import table

_HEADING = r"^[ \t]*(?:[=#]+[ \t]*)?(?:{})[ \t]*(?:[=#]+)?[ \t]*(?:\[[^\]\n]{{1,30}}\])?[ \t]*:?[ \t]*$"
_LINE = r"^[ \t]*(?:{})[ \t]*$"
_SHORT_RUN = re.compile(r"(?:^[ \t]*[^\s\d]{1,2}[ \t]*\n){2,}^[ \t]*[^\s\d]{1,2}[ \t]*$", re.M)
_SHORT_LINE_BETWEEN = re.compile(r"\n[ \t]*[^\s\d]{1,2}[ \t]*\n")   # the middle line of any such run
_LAST_NUMBER = re.compile(r"\n[ \t]*\d{1,9}[ \t]*\n?\Z")
MIN_TAIL_AT = 0.1    # a "tail" heading in the first tenth of a page does not end it
MAX_LINE = 400       # a "line" pattern never marks a longer line (that is prose, not a notice)


@lru_cache(maxsize=2)
def _patterns(lowered: bool = False) -> tuple[tuple[str, re.Pattern[str], tuple | None], ...]:
    """One regular expression per kind of row (every language's rows joined), so a text is
    scanned once per kind, not once per row. `lowered`: for a text already in lower case,
    without the case-insensitive flag (half the time), where no row spells a capital.
    With each, its rows' needles (`_needles`; None when a row has none): a text that holds no
    row's needles has no match of the kind, and is not scanned with it."""
    by_kind: dict[str, list[str]] = {}
    for row in table("boilerplate"):
        kind, pattern = row["kind"], row["pattern"]
        if kind == "line" and pattern.startswith(".*") and pattern.endswith(".*"):
            kind, pattern = "contains", pattern[2:-2]   # a line holding these words: searched
        by_kind.setdefault(kind, []).append(pattern)
    out = []
    for kind, patterns in sorted(by_kind.items()):
        template = {"line": _LINE, "tail": _HEADING, "span": "{}", "contains": "{}"}[kind]
        joined = template.format("|".join(f"(?:{p})" for p in patterns))
        capitals = any(c.isupper() for c in re.sub(r"\\.", "", joined))
        flags = re.M if lowered and not capitals else re.I | re.M
        needles = tuple(_needles(p, flags) for p in patterns)
        out.append((kind, re.compile(joined, flags), None if None in needles else needles))
    return tuple(out)


MIN_NEEDLE = 3       # characters: a shorter string is in nearly every text, and checked for nothing


def _needles(pattern: str, flags: int) -> tuple[frozenset[str], ...] | None:
    """What every match of `pattern` holds: sets of plain strings, one of each set at least
    (`(?:this|our) site uses? cookies` → {' cookies'}; `(?:nutzt|verwendet) cookies` →
    {'nutzt', 'verwendet'}, {' cookies'}), the longest first, each string of MIN_NEEDLE
    characters or more; None when nothing such is known or case is ignored."""
    try:
        from re import _parser  # the parser `re` compiles with (Python 3.11 and later)

        parsed = _parser.parse(pattern, flags)
        if (flags | parsed.state.flags) & re.I:
            return None
        found = [one_of for one_of in _needles_of(parsed, _parser)
                 if min(map(len, one_of)) >= MIN_NEEDLE]
        return tuple(sorted(found, key=lambda one_of: -min(map(len, one_of)))) or None
    except Exception:           # noqa: BLE001 — any surprise: no needles, the full scan
        return None


def _needles_of(items, p) -> list[frozenset[str]]:
    """For a parsed sequence, what each of its items requires: a run of literal characters;
    a group (without flags of its own) or a repeat of at least once: what its content
    requires; alternatives: one string of what each alternative requires (its longest)."""
    out: list[frozenset[str]] = []
    run = ""
    for op, arg in items:
        if op is p.LITERAL:
            run += chr(arg)
            continue
        if run:
            out.append(frozenset([run]))
            run = ""
        if op is p.BRANCH:
            alternatives = [_needles_of(alt, p) for alt in arg[1]]
            if all(alternatives):
                out.append(frozenset().union(*(max(a, key=lambda s: min(map(len, s)))
                                               for a in alternatives)))
        elif op is p.IN and all(kind is p.LITERAL for kind, _ in arg):     # [abc]
            out.append(frozenset(chr(c) for _, c in arg))
        elif op is p.SUBPATTERN and not arg[1] and not arg[2]:
            out += _needles_of(arg[3], p)
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT) and arg[0] >= 1:
            out += _needles_of(arg[2], p)
    if run:
        out.append(frozenset([run]))
    return out


def _may_match(text: str, needles: tuple[tuple[frozenset[str], ...], ...]) -> bool:
    """Whether some row's needles are all in the text (else no row can match in it)."""
    return any(all(any(n in text for n in one_of) for one_of in row) for row in needles)


def find_boilerplate(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    tail_start = len(text)
    low = text.lower()
    lowered = len(low) == len(text)          # the same offsets: match the lower-case text
    if lowered:
        text = low
    for kind, pattern, needles in _patterns(lowered):
        if needles is not None and not _may_match(text, needles):
            continue                         # no row's plain text: no match (fast scans)
        if kind == "contains":
            spans += _lines_containing(text, pattern)
            continue
        matches = _line_matches(text, pattern) if kind == "line" else pattern.finditer(text)
        for m in matches:
            if kind == "tail":
                if m.start() >= MIN_TAIL_AT * len(text):   # not the page's own heading
                    tail_start = min(tail_start, m.start())
                    break
                continue
            if m.end() > m.start():
                spans.append((m.start(), m.end()))
    if _SHORT_LINE_BETWEEN.search(text):      # a fast scan (it begins with a line break)
        spans += [(m.start(), m.end()) for m in _SHORT_RUN.finditer(text)]
    last = _LAST_NUMBER.search(text)
    if last:
        spans.append((last.start() + 1, len(text.rstrip("\n"))))
    if tail_start < len(text):
        spans.append((tail_start, len(text)))
    return merge(spans)


def _short_lines(text: str):
    """(start, end) of each non-blank line short enough to be a notice: a longer line is prose,
    and trying the rows' open '.*' on it costs time for nothing."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if end - start <= MAX_LINE and line.strip():
            yield start, end
        start = end + 1


def _line_matches(text: str, pattern: re.Pattern[str]):
    """Matches of a whole-line pattern, line by line."""
    for start, end in _short_lines(text):
        m = pattern.match(text, start, end)
        if m:
            yield m


def _lines_containing(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The lines (surrounding spaces aside) holding a match: a row written `.*words.*` is
    searched in each line, not matched with backtracking at every place."""
    out: list[tuple[int, int]] = []
    for start, end in _short_lines(text):
        m = pattern.search(text, start, end)
        if m and m.end() > m.start():
            line = text[start:end]
            out.append((start + len(line) - len(line.lstrip(" \t")), start + len(line.rstrip(" \t"))))
    return out


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the spans blanked out (kept as newlines, so words do not run together)."""
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append("\n")
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
