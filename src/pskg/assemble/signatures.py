"""Who signed, in what role, for which state.

Three layouts are read, each by one general rule:
- a fact sheet / infobox line "Signatories: Russia: Boris Yeltsin, : Stanislav Shushkevich";
- a signature block at the end of a text (signature_blocks.py): "[state] [role] [name]"
  segments ("რუსეთის ფედერაციის პრეზიდენტი ბ. ელცინი;"), or columns and runs of labels and names;
- in a text about an instrument, a person named in a sentence that says it was signed.
A state or role the text does not give is taken from the reference data's offices on the
signing date ("Shushkevich" on 1991-12-21 → Chairman of the Supreme Council of Belarus).
"""
from __future__ import annotations

import re

from pskg.assemble.layout import Zone, is_label, sentence_at
from pskg.extract import Mentions
from pskg.knowledge import reference
from pskg.model import Mention, Signature, Span

_ENTRY_SPLIT = re.compile(r"[\n,;、，；]")


def office_on(person: Mention, date: str | None, state: str | None = None):
    """The office a known person held on a date (optionally in a given state)."""
    if person.value.startswith("name:") or not date or date.startswith("--"):
        return None
    offices = reference.load().person_office(person.value, date)
    if state:
        offices = [o for o in offices if o.state == state] or offices
    return offices[0] if offices else None


def make_signature(person: Mention, state: Mention | None, role: Mention | None, date: str | None,
          rule: str) -> Signature | None:
    office = office_on(person, date, state.value if state else None)
    code = state.value if state else (office.state if office else None)
    role_id = role.value if role else (office.role if office and (
        not state or office.state == state.value) else None)
    if code is None:
        return None
    evidence = [Span(x.span.start, x.span.end, x.span.exact, f"{rule}:{part}")
                for part, x in (("person", person), ("state", state), ("role", role)) if x]
    name = person.value[5:] if person.value.startswith("name:") else person.span.exact
    inferred = tuple(f for f, given, value in (("state", state, code), ("role", role, role_id))
                     if given is None and value is not None)
    return Signature(" ".join(name.split()), None if person.value.startswith("name:")
                     else person.value, code, role_id, role.span.exact if role else None,
                     evidence, inferred=inferred)


def from_infobox(m: Mentions, zone: Zone, date: str | None) -> list[Signature]:
    text = m.text.text
    out = []
    for cue in m.of("cue", start=zone.start, end=zone.end):
        if cue.value != "field_signatories" or not is_label(text, cue):
            continue
        end = _field_end(text, cue.span.end, zone.end)
        entries = _split(text, cue.span.end, end)
        for s, e in entries:
            for person in m.of("person", start=s, end=e):
                states = m.of("state", start=s, end=person.span.start)
                roles = m.of("role", start=s, end=e)
                sig = make_signature(person, states[-1] if states else None, roles[-1] if roles else None,
                            date, "signatory:infobox")
                if sig:
                    out.append(sig)
    return out


def _field_end(text: str, start: int, limit: int) -> int:
    body = re.search(r"\S", text[start:limit])
    if not body:
        return start
    first = start + body.start()
    stop = re.search(r"\n[ \t]*\n|\n[ \t]*[-*•]\s", text[first:limit])
    return first + stop.start() if stop else limit


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in _ENTRY_SPLIT.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _respectively(m: Mentions, s: int, e: int) -> dict[int, tuple[Mention, Mention | None]]:
    """"the presidents of Belarus and Russia, Alexander Lukashenko and Boris Yeltsin": a list of
    k states followed closely by a list of k persons pairs them in order (person start →
    (state, role written before the states))."""
    from pskg.assemble.layout import coordinated_lists

    text = m.text.text
    roles = m.of("role", start=s, end=e)
    states = [run for run in coordinated_lists(text, m.text.language, m.of("state", start=s, end=e),
                                                roles) if len(run) >= 2]
    persons = m.of("person", start=s, end=e)
    out = {}
    for run in states:
        after = [p for p in persons if p.span.start > run[-1].span.end]
        group = after[:len(run)]
        if len(group) == len(run) and group[0].span.start - run[-1].span.end <= 60 and \
                group[-1].span.start - group[0].span.end <= 40 * len(run):
            before = [r for r in roles if run[0].span.start - 40 <= r.span.start < run[0].span.start]
            for state, person in zip(run, group):
                out[person.span.start] = (state, before[-1] if before else None)
    return out


def from_sentences(m: Mentions, zone: Zone, date: str | None, kind: str | None) -> list[Signature]:
    """In a text about an instrument: persons named in sentences saying it was signed."""
    text = m.text.text
    out = []
    paired: dict[int, tuple[Mention, Mention | None]] = {}
    for person in m.of("person", start=zone.start, end=zone.end):
        s, e = sentence_at(text, person.span.start)
        if person.span.start not in paired:
            paired.update(_respectively(m, s, e))
        if person.span.start in paired:
            state, role = paired[person.span.start]
            sig = make_signature(person, state, role, date, "signatory:respectively")
            if sig and (any(c.value == "sign" for c in m.of("cue", start=s, end=e))
                        or m.of("type", start=s, end=e)):
                out.append(sig)
            continue
        cues = [c for c in m.of("cue", start=s, end=e) if c.value == "sign"]
        kinds = [k for k in m.of("type", start=s, end=e) if kind is None or k.value == kind]
        if not cues and not kinds or _signs_an_act(m, cues, kinds, s, e):
            continue
        window = max(s, person.span.start - 80)
        roles = m.of("role", start=window, end=person.span.start)
        # a name the layout read right after a role ("minister, army general NAME") is that
        # role's holder: the rank words between do not part them
        after_role = person.span.rule == "person:after-role" and roles
        between = m.of("state", start=roles[-1].span.end, end=person.span.start) if after_role else []
        state = between[-1] if between else _attached_state(m, roles[-1] if after_role else person,
                                                            window)   # "Министр обороны X, NAME"
        role = roles[-1] if roles and (after_role or _gap_ok(text, roles[-1].span.end,
                                                             person.span.start, m)) else None
        sig = make_signature(person, state, role, date, "signatory:sentence")
        if sig:
            out.append(sig)
    return out


def _signs_an_act(m: Mentions, cues: list[Mention], kinds: list[Mention], s: int, e: int) -> bool:
    """The sentence's signing word belongs to a law or decree ("signed the Law on the
    ratification of the Agreement", "Мыйзамына кол койду"): the act's word stands nearer to
    every signing word than any kind word of the instrument. The person signed the act."""
    acts = [c for c in m.of("cue", start=s, end=e) if c.value == "wrapper"]
    cues = [c for c in cues if not _quoted(m.text.text, s, c.span.start)]   # a quoted title's
    if not acts or not cues:                                                 # "signed in …"
        return False

    def gap(a: Mention, b: Mention) -> int:
        return max(a.span.start - b.span.end, b.span.start - a.span.end, 0)
    return all(min(gap(c, a) for a in acts) < min((gap(c, k) for k in kinds), default=10**6)
               for c in cues)


_OPEN, _CLOSE = "“«„", "”»"


def _quoted(text: str, start: int, pos: int) -> bool:
    """Inside quotation marks (a quoted title) between the sentence start and pos."""
    before = text[start:pos]
    opened = sum(before.count(q) for q in _OPEN) - sum(before.count(q) for q in _CLOSE)
    return opened > 0 or before.count('"') % 2 == 1


def _gap_ok(text: str, start: int, end: int, m: Mentions) -> bool:
    """Only names, roles, states or punctuation between a title and the person it belongs to."""
    gap = text[start:end]
    for x in m.of("state", "role", start=start, end=end):
        gap = gap.replace(x.span.exact, " ")
    return len(re.sub(r"[\s,.:()«»\"'’-]", "", gap)) <= 2


def _attached_state(m: Mentions, person: Mention, window: int) -> Mention | None:
    """The state written as part of a person's title ("Президент России Борис Ельцин",
    "Președintele Republicii Moldova, Mircea Snegur"): the nearest state before the name with
    nothing but roles between. A state further away belongs to someone else."""
    states = m.of("state", start=window, end=person.span.start)
    if states and _gap_ok(m.text.text, states[-1].span.end, person.span.start, m):
        return states[-1]
    return None


def dedupe(signatures: list[Signature]) -> list[Signature]:
    seen, out = set(), []
    for sig in signatures:
        key = (sig.person_id or sig.person_name, sig.state)
        if key not in seen:
            seen.add(key)
            out.append(sig)
    return out
