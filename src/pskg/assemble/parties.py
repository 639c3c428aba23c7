"""Which states are parties to the instrument.

A primary text names its parties in its title, in the list that opens its preamble
("Азербайджанская Республика, Республика Армения, … и Украина") and in its signature block.
A text about an instrument names them in a sentence that says it was signed or agreed on the
signing date, or through its signatories. Lists in sentences that deny participation
("did not participate", "除外") or that speak of another instrument (another kind word or
another date) are not the parties.
"""
from __future__ import annotations

from pskg.assemble.layout import Zone, coordinated_lists, sentence_at
from pskg.extract import Mentions
from pskg.model import Mention, Signature, Span


def _negated(m: Mentions, s: int, e: int) -> bool:
    return any(c.value == "negation" for c in m.of("cue", start=s, end=e))


def preamble_end(m: Mentions, zone: Zone, after: int) -> int:
    ends = [a.span.start for a in m.of("article", start=after, end=zone.end)]
    ends += [c.span.start for c in m.of("cue", start=after, end=zone.end) if c.value == "agreed"]
    return min(ends) if ends else min(zone.end, after + 2500)


def parties(m: Mentions, zone: Zone, genre: str, title: tuple[int, int] | None,
            kind: str | None, date: Mention | None,
            signatures: list[Signature]) -> tuple[list[str], dict[str, list[Span]]]:
    text = m.text.text
    found: dict[str, list[Span]] = {}

    def add(code: str, span: Span, rule: str) -> None:
        found.setdefault(code, []).append(Span(span.start, span.end, span.exact, rule))

    roles = m.of("role", start=zone.start, end=zone.end) + [   # words a list may hold
        c for c in m.of("cue", start=zone.start, end=zone.end) if c.value == "party_word"]
    if title:   # a title names its parties as a list: "between X and Y" ("between the
        # Government of X and the Government of Y"); a state outside the list is something the
        # instrument is about ("… the border with China") or, in a headline, someone else
        in_title = m.of("state", start=title[0], end=title[1])
        words = [r for r in roles if r.kind == "cue" and title[0] <= r.span.start < title[1]]
        in_title = [s for run in coordinated_lists(text, m.text.language, in_title, words)
                    if len(run) >= 2 for s in run]
        for state in in_title:
            add(state.value, state.span, "party:title")
    for sig in signatures:
        if sig.state and sig.evidence:
            add(sig.state, sig.evidence[0], "party:signatory")
    if genre in ("primary", "transmittal"):
        start = title[1] if title else zone.start
        end = preamble_end(m, zone, start)
        states = [s for s in m.of("state", start=start, end=end)
                  if not _negated(m, *sentence_at(text, s.span.start))]
        lists = [run for run in coordinated_lists(text, m.text.language, states, roles)
                 if len(run) >= 2]
        if lists:   # the longest list, and the other lists of its sentence
            longest = max(lists, key=len)
            where = sentence_at(text, longest[0].span.start)
            chosen = [s for run in lists for s in run
                      if sentence_at(text, run[0].span.start) == where]
        elif states and len(found) < 2:    # no list: the states of the first sentence, unless
            where = sentence_at(text, states[0].span.start)   # the title already named them
            chosen = [s for s in states if sentence_at(text, s.span.start) == where]
        else:
            chosen = []
        for state in chosen:
            add(state.value, state.span, "party:preamble")
    else:
        states = m.of("state", start=zone.start, end=zone.end)
        for run in coordinated_lists(text, m.text.language, states, roles):
            if len(run) < 2:
                continue
            s, e = sentence_at(text, run[0].span.start)
            if _speaks_of_it(m, s, e, kind, date):
                for state in run:
                    add(state.value, state.span, "party:sentence")
    for state in _signed_notes(m, zone, kind, date, roles):
        add(state.value, state.span, "party:signed-note")
    return sorted(found), found


def _signed_notes(m: Mentions, zone: Zone, kind: str | None, date: Mention | None,
                  roles: list[Mention]) -> list[Mention]:
    """States a sentence says signed the instrument itself, one or several: "The Agreement
    was signed by the Government of X with a reservation" (final-clause notes, news). The
    sentence names the instrument by its kind or as "this", has a signing word, no other
    date and no negation ("was not signed by …")."""
    text = m.text.text
    out = []
    runs = coordinated_lists(text, m.text.language, m.of("state", start=zone.start, end=zone.end),
                             roles)
    with_list = {sentence_at(text, r[0].span.start) for r in runs if len(r) >= 2}
    for run in runs:
        s, e = sentence_at(text, run[0].span.start)
        if len(run) == 1 and (s, e) in with_list:
            continue        # beside a list of parties, a lone state is someone else
        cues = m.of("cue", start=s, end=e)
        if any(c.value == "negation" for c in cues) or not any(
                c.value == "sign" and _beside(c, run) for c in cues):
            continue
        if kind is None or kind not in {k.value for k in m.of("type", start=s, end=e)}:
            continue
        dates = {d.value for d in m.of("date", start=s, end=e) if not d.value.startswith("--")}
        if dates and (date is None or dates != {date.value}):
            continue
        out += run
    return out


def _beside(cue: Mention, run: list[Mention], reach: int = 40) -> bool:
    """The signing word stands right before or after the list ("signed by the Government of X",
    "X подписало")."""
    return (0 <= run[0].span.start - cue.span.end <= reach
            or 0 <= cue.span.start - run[-1].span.end <= reach)


def _speaks_of_it(m: Mentions, s: int, e: int, kind: str | None, date: Mention | None) -> bool:
    if _negated(m, s, e):
        return False
    dates = [d.value for d in m.of("date", start=s, end=e) if not d.value.startswith("--")]
    if date and any(d != date.value for d in dates):
        return False
    kinds = {k.value for k in m.of("type", start=s, end=e)}
    if kinds and kind and kind not in kinds:
        return False
    signed = any(c.value == "sign" for c in m.of("cue", start=s, end=e))
    return bool((date and date.value in dates) or signed)
