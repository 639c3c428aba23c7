"""Where things are in a document: zones (a letter and the instrument it carries), sentences,
lines, coordinated lists of states. Plain text geometry, no language knowledge beyond the
conjunction words of the cue table.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from pskg.knowledge import lexicon
from pskg.model import Mention

# a full stop after a one- or two-letter word is an initial or an abbreviation ("Б. Ельцин",
# "г. Москве", "ქ. თბილისში"), not the end of a sentence; the stop is matched before the words
# before it are looked at (a look-behind first would be tried at every character of the text)
_SENTENCE_END = re.compile(r"[.!?。！？](?<![\s(«\"]\w[.!?。！？])(?<![\s(«\"]\w\w[.!?。！？])(?=\s|$)"
                           r"|\n[ \t]*\n(?=[ \t]*\S)|\n(?=[ \t]*[-=*•])")


@dataclass(frozen=True)
class Zone:
    start: int
    end: int


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence (or paragraph, or list line) around a position."""
    starts, ends = _sentence_ends(text)
    i = bisect.bisect_right(ends, pos)          # the last sentence end at or before pos
    j = bisect.bisect_left(starts, pos)         # the first sentence end from pos on
    return (ends[i - 1] if i else 0), (ends[j] if j < len(starts) else len(text))


@lru_cache(maxsize=16)
def _sentence_ends(text: str) -> tuple[list[int], list[int]]:
    """Where the sentence ends of a text start and stop, found once per text (the assembly asks
    for the sentence around thousands of positions)."""
    found = list(_SENTENCE_END.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


def line_at(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


@lru_cache(maxsize=None)
def _conjunction_pattern(lang: str) -> re.Pattern:
    words = [re.escape(r["phrase"]) for r in lexicon.rows("cues", lang, cue="and")]
    words += [re.escape(r["phrase"]) for r in lexicon.rows("cues", "*", cue="and")]
    alt = "|".join(sorted(set(words), key=len, reverse=True)) or "(?!)"
    dets = [re.escape(r["phrase"]) for r in lexicon.rows("determiners", lang)]
    det = "|".join(sorted(set(dets), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"^[\s,;、，—–\-:()（）]*(?:(?:{alt})(?![^\W\d_])[\s,;、，]*)?"
                      rf"(?:(?:{det})(?![^\W\d_])\s*)?$", re.I)    # "…, and the French Republic"


def coordinated_lists(text: str, lang: str, states: list[Mention], roles: list[Mention],
                      max_gap: int = 40) -> list[list[Mention]]:
    """Runs of state mentions joined only by separators, conjunctions or role words:
    "Armenia, Azerbaijan, … and Uzbekistan", "俄罗斯联邦总统和塔吉克斯坦总统"."""
    pattern = _conjunction_pattern(lang)
    runs: list[list[Mention]] = []
    current: list[Mention] = []
    for state in states:
        if current:
            prev = current[-1]
            gap = text[prev.span.end:state.span.start]
            for role in sorted(roles, key=lambda r: -len(r.span.exact)):   # longest first:
                if prev.span.end <= role.span.start and role.span.end <= state.span.start:  # a
                    # word of a longer phrase ("Министрлер" of "Министрлер Кабинети") must not cut it
                    gap = gap.replace(role.span.exact, " ")
            if len(gap) <= max_gap and pattern.match(gap):
                current.append(state)
                continue
            runs.append(current)
        current = [state]
    if current:
        runs.append(current)
    return runs


def has_cue(mentions: list[Mention], cue: str, start: int, end: int) -> Mention | None:
    for m in mentions:
        if m.kind == "cue" and m.value == cue and start <= m.span.start < end:
            return m
    return None


def is_label(text: str, mention: Mention) -> bool:
    """A field label of an infobox or fact sheet: it opens its line ("- Date Signed: …",
    "簽署日" alone on a line), followed by a colon or the end of the line."""
    ls, le = line_at(text, mention.span.start)
    before = text[ls:mention.span.start]
    after = text[mention.span.end:le].lstrip(" \t")
    return not before.strip(" \t-*•|") and (not after or after[0] in ":：")


def is_heading(text: str, mention: Mention) -> bool:
    """A word that stands on a line of its own ("ANNEX", "附 件", "Приложение 1")."""
    ls, le = line_at(text, mention.span.start)
    rest = (text[ls:mention.span.start] + text[mention.span.end:le]).strip()
    return len(rest) <= 6 and not any(c.isalpha() for c in rest.replace("I", "").replace("V", ""))


def opens_label(text: str, mention: Mention) -> bool:
    """A signature label stands at the start of a line or behind markup ("*For Ukraine*"),
    not inside running prose ("For Ukraine's reconstruction, …")."""
    before = text[max(0, mention.span.start - 40):mention.span.start].rstrip(" \t")
    return not before or before[-1] in "\n*_|>#•-"


@lru_cache(maxsize=None)
def head_first(lang: str) -> bool:
    """Titles open with their kind word in this language (data/lexicon/word_order.tsv)."""
    rows = lexicon.rows("word_order", lang.split("-")[0])
    return bool(rows) and rows[0]["titles"] == "head-first"
