"""Signature blocks at the end of a text (or of a letter): labels ("For the Russian
Federation", "Қазақстан Республикасы үшін"), the names under them, and how the two pair up —
in runs (k labels, then k names, then k roles), in columns (a line of states above a line of
names), or as "[state] [role] [name]" segments."""
from __future__ import annotations

import re

from pskg.assemble.layout import Zone, line_at, opens_label
from pskg.assemble.signatures import make_signature
from pskg.extract import Mentions
from pskg.model import Mention, Signature, Span

_NAME_AFTER_LABEL = re.compile(
    r"[\s*_:,.\-–—]*((?:[A-ZА-ЯЁІЇЄҚҒӘӨҰҮҺЎӢҲҶÇŞÖÜĞİƏŽŇÝÄ][\w'’\-]*\.?[ \t]?){1,5})")
_NAME_LINE = re.compile(
    r"^[ \t*_]*((?:[A-ZА-ЯЁІЇЄҚҒӘӨҰҮҺЎӢҲҶÇŞÖÜĞİƏŽŇÝÄ][\w'’\-]*\.?[ \t]?){2,4})[ \t*_]*$")


def labels(m: Mentions, start: int, end: int) -> list[tuple[Mention, Mention]]:
    """Signature labels in order: (label cue, its state) — "For the Kingdom of the Netherlands",
    "За Российскую Федерацию", "Қазақстан Республикасы үшін"."""
    out = []
    text = m.text.text
    for cue in m.of("cue", start=start, end=end):
        if cue.value != "for_state" or (cue.get("position") != "post" and not opens_label(text, cue)):
            continue
        if cue.get("position") == "post":
            near = m.of("state", start=max(start, cue.span.start - 60), end=cue.span.start)
            near = [s for s in near if cue.span.start - s.span.end <= 3]
            state = near[-1] if near else None
        else:
            near = m.of("state", start=cue.span.start + 1, end=min(end, cue.span.end + 160))
            state = near[0] if near and near[0].span.start - cue.span.end <= 30 else None
        if state is not None and not any(state is st for _, st in out):
            out.append((cue, state))
    return out


def _names_after_labels(m: Mentions, found: list[tuple[Mention, Mention]], end: int,
                        persons: list[Mention]) -> list[Mention]:
    """Names the reference data does not know, written right after a signature label
    ("*For Ukraine* VOLODYMYR HROYSMAN") or on a line of their own below the labels."""
    text = m.text.text
    out: list[Mention] = []
    taken = [(p.span.start, p.span.end) for p in persons]

    def add(start: int, stop: int, rule: str) -> None:
        raw = text[start:stop].rstrip(" \t.*_")
        stop = start + len(raw)
        if not raw or any(a < stop and start < b for a, b in taken) or \
                m.of("state", "role", "cue", "type", "place", start=start, end=stop):
            return
        taken.append((start, stop))
        out.append(Mention("person", "name:" + " ".join(raw.split()), Span(start, stop, raw, rule),
                           (("unknown", "1"),)))

    for cue, state in found:
        anchor = max(cue.span.end, state.span.end)
        hit = _NAME_AFTER_LABEL.match(text, anchor, min(end, anchor + 80))
        if hit and "\n" not in text[anchor:hit.start(1)]:
            add(hit.start(1), hit.end(1), "person:after-label")
    if found:
        pos = found[-1][1].span.end
        for line in re.finditer(r"[^\n]+", text[pos:end]):
            hit = _NAME_LINE.match(line.group())
            if hit:
                add(pos + line.start() + hit.start(1), pos + line.start() + hit.end(1),
                    "person:name-line")
    return out


def from_block(m: Mentions, zone: Zone, date: str | None, tail_start: int,
               rule: str = "signatory:block") -> list[Signature]:
    """Signatures in the closing block of a text (or of a letter): labels and names paired in
    order when they are laid out as columns or runs; else each name with the state and role
    written just before it, or the label it stands under."""
    text = m.text.text
    found = labels(m, tail_start, zone.end)
    marks = [c for c in m.of("cue", start=tail_start, end=zone.end)
             if c.value in ("sign_marker", "for_state")]
    roles = m.of("role", start=tail_start, end=zone.end)
    persons = [p for p in m.of("person", start=tail_start, end=zone.end)
               if _signed_here(p, roles, marks)]
    persons = sorted(persons + _names_after_labels(m, found, zone.end, persons),
                     key=lambda p: p.span.start)
    paired = _pair_runs(found, persons, roles)
    if paired is not None:
        return [sig for person, state, role in paired
                if (sig := make_signature(person, state, role, date, rule))]
    out: list[Signature] = []
    by_line: dict[int, list[Mention]] = {}
    for p in persons:
        by_line.setdefault(line_at(text, p.span.start)[0], []).append(p)
    boundary = tail_start
    for line_start, group in sorted(by_line.items()):
        columns = _columns(m, line_start, len(group), tail_start) if len(group) > 1 and \
            not m.of("state", "role", start=line_start, end=group[-1].span.start) else None
        for i, person in enumerate(group):
            if columns:
                state, role = columns[0][i], columns[1][i] if columns[1] else None
            else:
                seg = max(boundary, text.rfind(";", 0, person.span.start) + 1,
                          _paragraph_start(text, person.span.start))
                states = m.of("state", start=seg, end=person.span.start)
                seg_roles = m.of("role", start=seg, end=person.span.start)
                under = [st for cue, st in found if st.span.end <= person.span.start]
                if not states and not seg_roles and not under:   # the name above its role
                    below = _below(m, person, persons, zone.end)  # and state
                    states = m.of("state", start=person.span.end, end=below)[:1]
                    seg_roles = m.of("role", start=person.span.end, end=below)[:1]
                state = states[-1] if states else (under[-1] if under else None)
                role = seg_roles[-1] if seg_roles else None
            sig = make_signature(person, state, role, date, rule)
            if sig:
                out.append(sig)
            boundary = person.span.end
    return out


def _paragraph_start(text: str, pos: int) -> int:
    """Where the paragraph around pos begins: after the last blank line. A blank line after
    an initial ("ც. \n\nშუშკევიჩი", a page break inside a name) or a hyphen does not part one."""
    blank = max(text.rfind("\n\n", 0, pos), text.rfind("\n \n", 0, pos))
    if blank < 0:
        return 0
    before = text[max(0, blank - 40):blank].rstrip()
    broken = re.search(r"(?:^|\s)\w{1,2}\.$|[-‐]$", before)     # an initial, a hyphenated word
    return 0 if broken else blank + 1


def _below(m: Mentions, person: Mention, persons: list[Mention], limit: int) -> int:
    """The lines under a name, up to the next name or the end of its paragraph."""
    text = m.text.text
    nxt = min((p.span.start for p in persons if p.span.start > person.span.end), default=limit)
    blank = text.find("\n\n", person.span.end)
    return min(nxt, limit, blank if blank >= 0 else limit)


def _pair_runs(found, persons, roles):
    """k labels, then k names (then k roles): a signature block laid out in runs."""
    k = len(found)
    if k < 2 or len(persons) != k or found[-1][1].span.end > persons[0].span.start:
        return None
    if any(c.span.start > persons[0].span.start for c, _ in found):
        return None
    after = [r for r in roles if r.span.start > persons[-1].span.end]
    between = [r for r in roles if found[-1][1].span.end < r.span.start < persons[0].span.start]
    run = after if len(after) == k else between if len(between) == k else [None] * k
    return [(person, state, role) for person, (_, state), role in zip(persons, found, run)]


def _signed_here(person: Mention, roles: list[Mention], marks: list[Mention]) -> bool:
    near = [x for x in roles + marks if -40 < person.span.start - x.span.end < 120]
    after = [x for x in marks if 0 <= x.span.start - person.span.end < 8]
    return bool(near or after)


def _columns(m: Mentions, line_start: int, k: int, floor: int):
    """States and roles laid out in columns on the lines above a line of k names."""
    text = m.text.text
    states: list[Mention] = []
    roles: list[Mention] = []
    pos = line_start
    for _ in range(4):
        if pos <= floor:
            break
        ls, le = line_at(text, pos - 1)
        line_states = m.of("state", start=ls, end=le)
        line_roles = m.of("role", start=ls, end=le)
        if len(line_states) == k and not states:
            states = line_states
        if len(line_roles) == k and not roles:
            roles = line_roles
        pos = ls
    return (states, roles) if len(states) == k else None
