"""The shape of a document: article headings, numbered items, and names that the reference
data does not know but the layout shows are persons (initials before a surname in a signature
block, a name beside a "(signed)" marker).
"""
from __future__ import annotations

import re

from pskg.extract.match import is_han
from pskg.knowledge import lexicon
from pskg.model import Mention, Span

_UPPER = "A-ZА-ЯЁІЇЄҚҒӘӨҰҮҺЎӢҲҶÇŞÖÜĞİƏŽŇÝÄ"
_INITIAL_NAME = re.compile(
    rf"(?<![\w.])((?:[{_UPPER}]{{1,2}}\.\s{{0,6}}){{1,4}})([{_UPPER}][\w'’\-]{{2,}})"
    r"|(?<![\w.])([ა-ჰ])\.\s{0,6}([ა-ჰ][ა-ჰ\-]{2,})")
_HAN_NAME = re.compile(r"([\u3400-\u9fff]{1,6}(?:[ ·・][\u3400-\u9fff]{1,8})?)\s*$")
_LATIN_NAME = re.compile(rf"((?:[{_UPPER}][\w'’\-]+\.?\s+){{0,3}}[{_UPPER}][\w'’\-]+)\s*$")
_LATIN_NAME_AFTER = re.compile(rf"^\s*((?:[{_UPPER}][\w'’\-]*\.?\s?){{1,4}})")


def _initial_names(text: str):
    """The matches `_INITIAL_NAME.finditer(text)` gives, found faster: every match begins one or
    two characters before a full stop (its first initial's), so the pattern is tried only
    there, in text order, each place after the end of the match before."""
    pos, tried = 0, -1
    dot = text.find(".")
    while dot >= 0:
        for at in (dot - 2, dot - 1):
            if at < pos or at <= tried:
                continue
            tried = at
            m = _INITIAL_NAME.match(text, at)
            if m:
                yield m
                pos = m.end()
        dot = text.find(".", dot + 1)


def find_articles(text: str, lang: str) -> list[Mention]:
    """Article headings ("Статья 1", "第一条", "1-бап") and numbered items ("1.")."""
    out = []
    for kind, pattern in lexicon.article_patterns(lang):
        for m in pattern.finditer(text):
            number = lexicon.parse_number(m.group("num"))
            if number is None or number == 0:
                continue
            start = m.start("num") if kind == "item" else m.start() + (
                len(m.group()) - len(m.group().lstrip(" \t#*>_")))
            out.append(Mention("article", str(number), Span(start, m.end(), text[start:m.end()],
                                                          f"article:{lang}:{kind}"),
                               (("kind", kind),)))
    return out


def _overlaps(start: int, end: int, names: list[Mention]) -> bool:
    return any(n.kind == "person" and n.span.start < end and start < n.span.end for n in names)


# a name of two or three capitalised words in a cased script (Latin, Cyrillic, Armenian, Greek)
_CAP_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſА-ЯЁІЇЄҚҒӘӨҰҮҺЎӢҲҶԱ-Ֆ][a-zß-öø-ÿĀ-ſа-яёіїєқғәөұүһўӣҳҷա-ֆ'’\-]+"
_CAP_NAME = re.compile(rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{1,2}}(?![\w])")
_GAP = re.compile(r"[ \t,]+")
_LOWER_WORD = re.compile(r"[a-zа-яёіїєա-ֆ][\w\-]*")


def find_unknown_persons(text: str, lang: str, names: list[Mention],
                         roles: list[Mention] = ()) -> list[Mention]:
    """Persons the reference data does not know, shown by the layout of a signature block, or
    written right after a role ("Minister of Defence, General Ivan Petrov")."""
    out: list[Mention] = []

    def add(start: int, end: int, rule: str) -> None:
        raw = text[start:end]
        if _overlaps(start, end, names + out) or _is_state_or_place(start, end, names):
            return
        value = " ".join(raw.replace(".", ". ").split()).replace(" .", ".")
        out.append(Mention("person", "name:" + value, Span(start, end, raw, rule),
                           (("unknown", "1"),)))

    for m in _initial_names(text):
        add(m.start(), m.end(), "person:initial-surname")
    for role in roles:
        span = _name_after(text, role.span.end, names)
        if span:
            add(*span, "person:after-role")
    for row in lexicon.rows("cues", lang, cue="sign_marker"):
        marker = row["phrase"]
        for m in re.finditer(re.escape(marker), text):
            before = text[max(0, m.start() - 40):m.start()]
            line = before.split("\n")[-1]
            pattern = _HAN_NAME if any(is_han(c) for c in line[-3:]) else _LATIN_NAME
            found = pattern.search(line)
            if found and found.group(1).strip():
                start = m.start() - len(line) + found.start(1)
                add(start, start + len(found.group(1).rstrip()), "person:sign-marker")
                continue
            after = _LATIN_NAME_AFTER.match(text[m.end():m.end() + 60])
            if after and after.group(1).strip():
                start = m.end() + after.start(1)
                add(start, start + len(after.group(1).rstrip()), "person:sign-marker")
    return out


def _name_after(text: str, pos: int, names: list[Mention]) -> tuple[int, int] | None:
    """Two or three capitalised words after a role, past the state or organisation it is of
    and up to three lower-case words (a rank: "генерал-лейтенант", "army general")."""
    starts = {n.span.start: n.span.end for n in names if n.kind in ("state", "org", "place")}
    lower, limit = 0, min(len(text), pos + 120)
    while pos < limit:
        gap = _GAP.match(text, pos)
        pos = gap.end() if gap else pos
        if pos in starts:
            pos = starts[pos]
            continue
        word = _LOWER_WORD.match(text, pos)
        if word and lower < 3:
            lower, pos = lower + 1, word.end()
            continue
        hit = _CAP_NAME.match(text, pos)
        if hit and not _overlaps_any(hit.start(), hit.end(), names):
            return hit.start(), hit.end()
        return None
    return None


def _overlaps_any(start: int, end: int, names: list[Mention]) -> bool:
    return any(n.span.start < end and start < n.span.end for n in names)


def _is_state_or_place(start: int, end: int, names: list[Mention]) -> bool:
    """'R. Moldova' (Republica Moldova) is a state written short, not a person."""
    return any(n.kind in ("state", "place", "org") and n.span.start < end and start < n.span.end
               for n in names)
