"""Normalise decoded text: the one place where the characters of Text.text are decided.

Unicode NFC; one kind of line break; odd spaces → space; soft hyphens, zero-width spaces and
control characters out; HTML entities in plain text decoded; the blank line a PDF extractor
puts after every line taken out; words hyphenated across a line break joined; CJK lines
broken inside a sentence by a PDF's layout joined. Every later span refers to this result.
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_left

from pskg.read.scripts import script_of

_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n\t ]")           # any Unicode space but newline, tab and space
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_LETTERS = r"[^\W\d_]"
_HYPHENATED = re.compile(
    rf"(?<!{_LETTERS})(?P<a>{_LETTERS}+)(?P<h>[-\u2010\u00ad])[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    rf"(?P<b>{_LETTERS}+)(?P<rest>\S*)[ \t]*")
_HYPHEN_AT_BREAK = re.compile(r"[-\u2010\u00ad][ \t]*\n")   # what every such match holds; fast to scan


def normalize(text: str, *, entities: bool = True, layout: bool = True) -> str:
    """The normalised text. `entities`: decode HTML entities (plain text); `layout`: undo a
    PDF's page layout (double spacing, CJK lines broken at the page width) — not for HTML."""
    text = _BREAKS.sub("\n", text)
    text = re.sub("\u00ad(?![ \t]*\n)", "", text)     # soft hyphens, except at a line end
    text = _CONTROLS.sub("", text)
    if entities:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACES.sub(" ", text)
    if layout:
        text = join_cjk_lines(_collapse_double_spacing(text))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = repair_hyphenation(text).replace("\u00ad", "")
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n" if text else ""


def _collapse_double_spacing(text: str) -> str:
    """'line\\n\\nline\\n\\nline' (a blank line after every line) → one line a line; a longer gap
    stays a paragraph break. Only when the whole document is written that way."""
    lines = text.split("\n")
    gaps: list[int] = []
    run = None
    for line in lines:
        if line.strip():
            if run is not None:
                gaps.append(run)
            run = 0
        elif run is not None:
            run += 1
    if len(gaps) < 6 or sum(1 for g in gaps if g == 1) < 0.6 * len(gaps) \
            or sum(1 for g in gaps if g == 0) > 0.25 * len(gaps):
        return text
    filled = sorted(len(line.rstrip()) for line in lines if line.strip())
    sentence_ends = sum(1 for line in lines if line.strip() and line.rstrip()[-1] in ".!?。;；")
    if filled[len(filled) // 2] > 150 or sentence_ends > 0.6 * len(filled):
        return text                          # one paragraph a line, blank lines between: prose
    out: list[str] = []
    blanks = 0
    for line in lines:
        if line.strip():
            if out and blanks >= 2:
                out.append("")
            out.append(line)
            blanks = 0
        else:
            blanks += 1
    return "\n".join(out) + ("\n" if text.endswith("\n") else "")


def repair_hyphenation(text: str) -> str:
    """Join a word hyphenated across a line break: 'ყა-\\nზახეთი' → 'ყაზახეთი'.

    The hyphen stays when the document writes the pair with a hyphen elsewhere ('күш-жігер')
    more often than without, or, lacking evidence either way, when the next line starts with a
    capital ('Алма-\\nАта'). The line break moves after the rejoined word."""
    for _ in range(3):                       # 'рес-\\nпубли-\\nка' needs two passes
        if not _HYPHEN_AT_BREAK.search(text) or not _HYPHENATED.search(text):
            break                            # most texts: nothing to join, no index to build
        words = _WordIndex(text)
        new = _HYPHENATED.sub(lambda m: _join(m, text, words), text)
        if new == text:
            break
        text = new
    return text


class _WordIndex:
    """The document's words, to count those beginning with a prefix. A compound 'a-b-c' is
    counted as 'a-b-c', 'b-c' and 'c'."""

    def __init__(self, text: str) -> None:
        counts: dict[str, int] = {}
        for word in re.findall(rf"{_LETTERS}+(?:[-\u2010]{_LETTERS}+)*", text.lower()):
            parts = word.replace("\u2010", "-").split("-")
            for i in range(len(parts)):
                key = "-".join(parts[i:])
                counts[key] = counts.get(key, 0) + 1
        self.words = sorted(counts)
        self.counts = [counts[w] for w in self.words]

    def starting(self, prefix: str) -> int:
        prefix = prefix.lower()
        i = bisect_left(self.words, prefix)
        total = 0
        while i < len(self.words) and self.words[i].startswith(prefix):
            total += self.counts[i]
            i += 1
        return total


def _join(m: re.Match[str], text: str, words: _WordIndex) -> str:
    a, hyphen, b, rest = m.group("a"), m.group("h"), m.group("b"), m.group("rest")
    keep = hyphen != "\u00ad" and _keep_hyphen(a, b, words)
    word = a + (hyphen if keep else "") + b + rest
    at_end = m.end() >= len(text) or text[m.end()] == "\n"
    return word if at_end else word + "\n"


def _keep_hyphen(a: str, b: str, words: _WordIndex) -> bool:
    joined = words.starting(a + b[:3])
    hyphened = words.starting(a + "-" + b[:3])
    if joined != hyphened:
        return hyphened > joined
    if b[0].isupper():
        return True                           # 'Алма-\nАта', 'Ter-\nPetrosyan'
    return len(a) > 1 and a[1:] != a[1:].lower()   # 'ООН-\nовский' keeps its hyphen


def join_cjk_lines(text: str) -> str:
    """Join a line of Han characters that a PDF broke at the page width ('塔吉\\n克斯坦').

    Only in a document whose Han lines mostly end at one width (a page's), for a line of that
    width ending in a Han character with no space after it, when the next line (after at most
    one blank line) starts with one."""
    lines = text.split("\n")
    widths = sorted(len(line) for line in lines if line and script_of(line[-1]) == "Han")
    if len(widths) < 10:
        return text
    median = widths[len(widths) // 2]
    if median < 15 or sum(1 for w in widths if abs(w - median) <= 0.15 * median) < 0.6 * len(widths):
        return text
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out and out[-1] else (out[-2] if len(out) > 1 and not out[-1] else "")
        if prev and line and script_of(prev[-1]) == "Han" and script_of(line[0]) == "Han" \
                and len(prev) >= 0.85 * median:
            if not out[-1]:
                out.pop()
            out[-1] += line
        else:
            out.append(line)
    return "\n".join(out)
