"""What a document is and what its instrument is called: genre, the zone that holds the
instrument, its title and kind, when and where it was signed."""
from __future__ import annotations

import re

from pskg.assemble.layout import Zone, head_first, is_heading, is_label, line_at, sentence_at
from pskg.extract import Mentions
from pskg.model import Mention, Span

_TITLE_LINE_MAX = 160
_TITLE_STRIP = " \t=#*_-—–:|«»\"'"


def genre_and_zone(m: Mentions) -> tuple[str, Zone, Zone | None]:
    """(genre, instrument zone, letter zone or None).

    A letter cue near the top followed by an annex marker makes a transmittal letter: the
    instrument is the annex. Article headings make a primary text; encyclopedia or news
    furniture, or an infobox, make a secondary one; the end of a preamble ("have agreed as
    follows", "declare the following"), or a titled text of numbered items or with a closing
    signature block, is primary; anything else is secondary."""
    text = m.text.text
    n = len(text)
    letter = next((c for c in m.of("cue") if c.value == "letter" and c.span.start < n * 0.4), None)
    if letter:
        annex = next((c for c in m.of("cue", start=letter.span.end)
                      if c.value == "annex" and is_heading(text, c)), None)
        if annex:
            return "transmittal", Zone(annex.span.end, n), Zone(0, annex.span.start)
    whole = Zone(0, n)
    headings = [a for a in m.of("article") if a.get("kind") == "article"]
    if len({a.value for a in headings}) >= 2:
        return "primary", whole, None
    if any(c.value == "secondary" or (c.value in ("field_signatories", "field_date")
                                      and is_label(text, c)) for c in m.of("cue")):
        return "secondary", whole, None
    if any(c.value == "agreed" for c in m.of("cue")):      # "have agreed as follows"
        return "primary", whole, None
    items = [a for a in m.of("article") if a.get("kind") == "item"]
    if find_title(m, whole) is not None and (len(items) >= 3 or _closing_block(m, n)):
        return "primary", whole, None
    return "secondary", whole, None


def _closing_block(m: Mentions, n: int) -> bool:
    """A signature block closes the text: two or more persons in its last quarter, each
    shortly after a role word or a signature label (on the line above, in columns)."""
    tail = int(n * 0.75)
    marks = [x for x in m.of("role", "cue", start=tail)
             if x.kind == "role" or x.value in ("for_state", "sign_marker")]
    signed = [p for p in m.of("person", start=tail)
              if any(0 <= p.span.start - x.span.end <= 120 for x in marks)]
    return len(signed) >= 2


def find_title(m: Mentions, zone: Zone) -> tuple[int, int, Mention] | None:
    """(start, end, kind mention) of the title: the first short line near the top of the zone
    that holds an instrument-kind word, joined with up to two short lines just above it."""
    text = m.text.text
    for kind in m.of("type", start=zone.start, end=min(zone.end, zone.start + 900)):
        ls, le = line_at(text, kind.span.start)
        line = text[ls:le].strip()
        if len(line) > _TITLE_LINE_MAX or line[-1:] in ".;。":
            continue
        start = ls
        for ps, pe in _lines_above(text, ls, zone.start, 2):
            above = text[ps:pe].strip()
            if len(above) > 80 or above[-1:] in ".;:,。" or m.of("date", start=ps, end=pe):
                break
            start = ps
        return start, _continued(text, le, zone.end), kind
    return None


def _continued(text: str, end: int, limit: int) -> int:
    """A title broken over lines goes on while the next line starts in lower case
    ("Соглашения между Республикой Армения / и Республикой Беларусь о …")."""
    for _ in range(8):
        nxt = text.find("\n", end + 1)
        line = text[end + 1:nxt if nxt >= 0 else limit].strip()
        if not line or end + 1 >= limit or not line[0].islower() or len(line) > 200:
            break
        end = nxt if nxt >= 0 else limit
    return end


def _lines_above(text: str, pos: int, floor: int, count: int) -> list[tuple[int, int]]:
    out = []
    while pos > floor and len(out) < count:
        ps, pe = line_at(text, pos - 1)
        if ps < floor:
            break
        if text[ps:pe].strip():
            out.append((ps, pe))
        pos = ps
    return out


def title_text(text: str, start: int, end: int) -> str:
    lines = [ln.strip(_TITLE_STRIP) for ln in text[start:end].splitlines()]
    return " ".join(" ".join(ln for ln in lines if ln).split())


def main_kind(m: Mentions, start: int, end: int) -> Mention | None:
    """The kind word that heads the title: one that opens it, else the last one in it. In a
    head-final language a title ends with its kind word (bar a closing word or two, "… туралы
    келісім", "…协定"); a kind word followed by a clause (a news headline: "the senate approved
    the agreement in a second reading", verb last) heads no title: the line only mentions one."""
    kinds = m.of("type", start=start, end=end)
    if not kinds:
        return None
    text = m.text.text
    first = kinds[0]
    if not text[start:first.span.start].strip(_TITLE_STRIP + " \n"):
        return first
    last = kinds[-1]
    if not head_first(m.text.language) and len(_WORD.findall(text[last.span.end:end])) > 2:
        return None
    return last


_WORD = re.compile(r"[^\W\d_]{2,}")


def field_value(m: Mentions, field: str, kind: str, zone: Zone, window: int = 60):
    """The first `kind` mention right after an infobox/fact-sheet label ("Date Signed:")."""
    for cue in m.of("cue", start=zone.start, end=zone.end):
        if cue.value != field or not is_label(m.text.text, cue):
            continue
        for found in m.of(kind, start=cue.span.end, end=min(zone.end, cue.span.end + window)):
            return found
    return None


def date_signed(m: Mentions, zone: Zone, genre: str, excluded: set[int]) -> Mention | None:
    """The signing date: an infobox field; else the date beside a 'signed/done/adopted' cue
    (the last one in a primary text, the first in a text about it); else, in a primary text,
    a date in its closing lines or right under its title; else the first date."""
    text = m.text.text
    dates = [complete_year(m, d) for d in m.of("date", start=zone.start, end=zone.end)
             if d.span.start not in excluded]
    dates = [d for d in dates if d is not None]
    if not dates:
        return None
    found = field_value(m, "field_date", "date", zone)
    if found and found.span.start not in excluded:
        return found
    signed = []
    for cue in m.of("cue", start=zone.start, end=zone.end):
        if cue.value != "sign":
            continue
        s, e = sentence_at(text, cue.span.start)
        near = [d for d in dates if s <= d.span.start < e and abs(d.span.start - cue.span.start) < 120]
        if near:
            signed.append(min(near, key=lambda d: abs(d.span.start - cue.span.start)))
    if signed:
        return signed[-1] if genre != "secondary" else signed[0]
    dates = [d for d in dates if d.span.rule != "date:year-from-dateline"]
    if not dates:
        return None
    if genre != "secondary":   # a closing date, or one under the title, stands on its own line
        tail = zone.start + int((zone.end - zone.start) * 0.8)
        alone = [d for d in dates if _alone_on_line(text, d)]
        closing = [d for d in alone if d.span.start >= tail]
        if closing:
            return closing[-1]
        head = [d for d in alone if d.span.start < zone.start + 400]
        return head[0] if head else None
    return dates[0]


def _alone_on_line(text: str, date: Mention) -> bool:
    ls, le = line_at(text, date.span.start)
    _, le = line_at(text, max(date.span.start, date.span.end - 1))
    rest = text[ls:date.span.start] + text[date.span.end:le]
    return len(re.sub(r"[\W\d_]", "", rest)) <= 12


def complete_year(m: Mentions, date: Mention) -> Mention | None:
    """A day and month without a year ("13 март") takes the year of the document's dateline —
    the first full date of the text. Such a date is used only beside a signing cue."""
    if not date.value.startswith("--"):
        return date
    full = next((d for d in m.of("date") if not d.value.startswith("--")), None)
    if full is None:
        return None
    value = full.value[:4] + date.value[1:]
    if value > full.value:          # a date after the dateline belongs to the year before
        value = f"{int(full.value[:4]) - 1:04d}" + date.value[1:]
    return Mention("date", value, Span(date.span.start, date.span.end, date.span.exact,
                                       "date:year-from-dateline"))


def place_signed(m: Mentions, zone: Zone, date: Mention | None,
                 title: tuple[int, int] | None) -> Mention | None:
    """The signing place: an infobox field; else a place beside the signing date or a
    'signed/done at' cue; else a place named in the title ("Ashgabat Declaration")."""
    found = field_value(m, "field_place", "place", zone)
    if found:
        return found
    signs = [c.span for c in m.of("cue", start=zone.start, end=zone.end) if c.value == "sign"]
    anchors = []
    if date:    # the signing word of the date's sentence first ("…在北京签署"), then the date
        s, e = sentence_at(m.text.text, date.span.start)
        anchors = [c for c in signs if s <= c.start < e] + [date.span]
    anchors += signs
    for anchor in anchors:
        near = m.of("place", start=max(zone.start, anchor.start - 60), end=min(zone.end, anchor.end + 60))
        if near:
            return min(near, key=lambda p: abs(p.span.start - anchor.start))
    if title:
        places = m.of("place", start=title[0], end=title[1])
        if places:
            return places[0]
    return unknown_place(m, zone)


_PLACE_NAME = re.compile(r"[ \t]+((?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ][\w'’\-]+)(?:[ \t]+(?:(?:di|de|del|la|le|am|an|upon|on|sur|of)"
                         r"[ \t]+)?[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄ][\w'’\-]+){0,3})")


def unknown_place(m: Mentions, zone: Zone) -> Mention | None:
    """A place the reference data does not know, written after a signing word and its
    preposition ("Signed in Savelletri di Fasano (Apulia) on 13 June 2024")."""
    text = m.text.text
    preps = {c.span.start: c for c in m.of("cue", start=zone.start, end=zone.end)
             if c.value == "place_prep"}
    for cue in m.of("cue", start=zone.start, end=zone.end):
        if cue.value != "sign":
            continue
        prep = next((p for s, p in preps.items() if 0 <= s - cue.span.end <= 2), None)
        if prep is None:
            continue
        hit = _PLACE_NAME.match(text, prep.span.end)
        if hit and not m.of("date", "state", "person", start=hit.start(1), end=hit.end(1)):
            name = hit.group(1)
            return Mention("place", name, Span(hit.start(1), hit.end(1), name, "place:after-signing"))
    return None
