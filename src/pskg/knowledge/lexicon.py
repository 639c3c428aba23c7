"""Language knowledge as data: the tables of data/lexicon/, loaded once.

Every table is tab-separated UTF-8 with a header row; lines starting with '#' are comments.
One table per concern (months, kinds, roles, cues, topics, articles), every language in the
same shape: adding a language is adding rows.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from pskg.errors import InputError
from pskg.paths import DATA_DIR

LEXICON_DIR = DATA_DIR / "lexicon"

NUM = r"[0-9]{1,3}|[IVXLC]{1,7}|[一二三四五六七八九十百零〇两]{1,5}|[ЗО]"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}


def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV table as dicts; a malformed row fails loudly with file and line."""
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1)
                 if line.strip() and not line.startswith("#")]
    if not lines:
        return rows
    reader = csv.reader((line for _, line in lines), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    for (lineno, _), values in zip(lines[1:], reader):
        values = [v.strip() for v in values]
        values += [""] * (len(header) - len(values))
        if len(values) > len(header) and any(values[len(header):]):
            raise InputError(f"{path}:{lineno}: {len(values)} columns, expected {len(header)}")
        row = dict(zip(header, values))
        if not all(row[k] for k in header[:2]):
            raise InputError(f"{path}:{lineno}: empty '{header[0]}' or '{header[1]}'")
        rows.append(row)
    return rows


@lru_cache(maxsize=None)
def table(name: str) -> tuple[dict[str, str], ...]:
    return tuple(read_table(LEXICON_DIR / f"{name}.tsv"))


def rows(name: str, lang: str | None = None, **where: str) -> list[dict[str, str]]:
    """Rows of a table, optionally for one language (rows of language '*' always apply)."""
    return list(_rows(name, lang, tuple(sorted(where.items()))))


@lru_cache(maxsize=None)
def _rows(name: str, lang: str | None, where: tuple[tuple[str, str], ...]) -> tuple:
    where = dict(where)
    out = []
    for row in table(name):
        if lang is not None and row.get("lang") not in (lang, "*"):
            continue
        if all(row.get(k) == v for k, v in where.items()):
            out.append(row)
    return tuple(out)


def languages(name: str) -> set[str]:
    return {row["lang"] for row in table(name)} - {"*"}


@lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    return {r["word"].casefold(): int(r["value"]) for r in table("number_words")}


def parse_number(raw: str) -> int | None:
    """'12' → 12, 'XII' → 12, '十二' → 12, 'З' (Cyrillic Ze typed for 3) → 3."""
    raw = raw.strip()
    if raw.isdigit():
        return int(raw)
    word = _number_words().get(raw.casefold())
    if word is not None:
        return word
    if raw in ("З", "з"):
        return 3
    if raw in ("О", "о"):
        return 0
    if raw and all(c in _ROMAN for c in raw.upper()):
        total, prev = 0, 0
        for c in reversed(raw.upper()):
            value = _ROMAN[c]
            total = total - value if value < prev else total + value
            prev = max(prev, value)
        return total
    if raw and all(c in _CJK_DIGITS or c in "十百" for c in raw):
        total, current = 0, 0
        for c in raw:
            if c == "十":
                total += (current or 1) * 10
                current = 0
            elif c == "百":
                total += (current or 1) * 100
                current = 0
            else:
                current = current * 10 + _CJK_DIGITS[c] if current else _CJK_DIGITS[c]
        return total + current
    return None


@lru_cache(maxsize=None)
def article_patterns(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, compiled pattern) for a language's article headings, then the general item rows."""
    words = sorted((re.escape(r["word"]) for r in rows("number_words", lang)), key=len, reverse=True)
    num = NUM + "".join(f"|(?i:{w})(?![^\\W\\d_])" for w in words)
    out = []
    for row in rows("articles", lang):
        # a number may be glued to its word ("Статья1."), or written as a word ("Article One")
        pattern = row["pattern"].replace(r")\s+(?P<num>{NUM})", r")\s*(?P<num>{NUM})")
        pattern = pattern.replace("{NUM}", num)
        # a heading may sit behind markdown or list furniture: "### Article 1", "**Статья 1**"
        out.append((row["kind"], re.compile(r"(?m)^[ \t#*>_]*" + pattern)))
    out.sort(key=lambda kp: kp[0] != "article")
    return tuple(out)
