"""What holds the instrument's text: a law, decree or resolution that wraps a treaty (its act
word and ratify word near the top; the treaty's text begins at its own heading), and the card
of a legal database (labelled fields of signature, adoption, entry into force, publication)."""
from __future__ import annotations

from dataclasses import dataclass

from pskg.assemble.layout import Zone, head_first, line_at
from pskg.extract import Mentions
from pskg.extract.match import is_han
from pskg.model import Mention

_TOP = 600          # a wrapping act opens the document


@dataclass(frozen=True)
class Wrapper:
    """A law, decree or resolution around a treaty: its heading and where the treaty begins."""
    act: Mention
    treaty_start: int | None      # the treaty's own heading, when its text follows


def find_wrapper(m: Mentions, zone: Zone) -> Wrapper | None:
    """A wrapping act: a law/decree/resolution word near the top and a ratify/approve word in
    the same opening part; the treaty's text begins at the first heading line with a kind word
    after them."""
    text = m.text.text
    top = min(zone.end, zone.start + _TOP)
    head = _first_lines(text, zone.start, 3)
    acts = [c for c in m.of("cue", start=zone.start, end=top) if c.value == "wrapper"
            and _capitalised(c.span.exact)
            and (c.span.start < head or not text[line_at(text, c.span.start)[0]:c.span.start].strip())]
    ratify = [c for c in m.of("cue", start=zone.start, end=min(zone.end, zone.start + 2 * _TOP))
              if c.value == "ratify"]
    if not acts or not ratify:
        return None
    after = max(acts[0].span.end, ratify[0].span.end)
    heading = next((k for k in m.of("type", start=after, end=zone.end)
                    if opens_heading(text, k, m.text.language)), None)
    return Wrapper(acts[0], heading.span.start if heading else None)


def _capitalised(word: str) -> bool:
    """An act is named with a capital ("Закон", "Law") where the script has capitals at all
    ("international law" is not a law)."""
    first = word[:1]
    return first.upper() == first.lower() or first.isupper()


def _first_lines(text: str, start: int, count: int) -> int:
    """Where the first `count` non-empty lines after `start` end."""
    pos = start
    for _ in range(count):
        while pos < len(text) and text[pos] in "\n\r \t":
            pos += 1
        nxt = text.find("\n", pos)
        pos = len(text) if nxt < 0 else nxt
    return pos


def opens_heading(text: str, kind: Mention, lang: str = "en") -> bool:
    """A kind word that opens a short line or an all-capitals one ("СОГЛАШЕНИЕ", "PROTOCOL on …")."""
    ls, le = line_at(text, kind.span.start)
    line, word = text[ls:le].strip(), kind.span.exact
    if is_han(word[:1]):             # head-final: "阿拉木图宣言" heads, "條約類型" (a label) does not
        return len(line) <= 40 and line.endswith(word)
    if not head_first(lang) and line.rstrip(" .").endswith(word) and (    # "… арасындағы КЕЛІСІМ"
            word.isupper() and len(word) > 2 or len(line) <= 60):
        return True
    if text[ls:kind.span.start].strip(" \t#*_=|-–—"):
        return False
    return len(line) <= 60 or (word.isupper() and len(word) > 2)


def in_wrapper(w: Wrapper | None, pos: int) -> bool:
    return w is not None and (w.treaty_start is None or pos < w.treaty_start)


def card_fields(m: Mentions, zone: Zone, label: str, kind: str = "date") -> list[Mention]:
    """The values of the card fields with this label: a label opens its line ("Дата
    подписания: …", "მიღების თარიღი 22/04/1997"); the value is on the same line, or alone on
    the next line when the label stands by itself."""
    text = m.text.text
    out = []
    for cue in m.of("cue", start=zone.start, end=zone.end):
        if cue.value != label:
            continue
        ls, le = line_at(text, cue.span.start)
        if text[ls:cue.span.start].strip(" \t-*•|"):
            continue
        found = m.of(kind, start=cue.span.end, end=le)
        if not found and not text[cue.span.end:le].strip(" \t:："):
            _, nxt = line_at(text, min(len(text), le + 1))
            found = m.of(kind, start=le, end=nxt)
        out += found[:1]
    return out


def legal_card(m: Mentions, zone: Zone) -> bool:
    """The card of a legal database (dates of adoption, entry into force, publication,
    registration as fields), which opens a page holding the instrument's text."""
    return any(card_fields(m, zone, label) for label in ("field_adopt_date", "field_other_date"))


def card_dates(m: Mentions, zone: Zone, label: str) -> set[int]:
    return {d.span.start for d in card_fields(m, zone, label)}
