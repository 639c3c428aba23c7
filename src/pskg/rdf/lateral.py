"""Named queries as pyoxigraph should plan them: plain OPTIONAL and EXISTS groups read per row.

pyoxigraph orders the patterns of an OPTIONAL's group without knowing which of its variables
the rows before it have bound (sparopt's join reordering sees the query's inputs only), so a
look-up of three or more patterns — an evidence node's document, file name and quote; a title
in one language — starts from its most selective constant pattern over the whole store (every
evidence node about ``pskg:eventDate``) and is joined by hash with the rows. Written
``LATERAL { OPTIONAL { … } }`` (SPARQL 1.2's SEP-0006, which pyoxigraph implements), the same
group is planned with the row's bindings known and read per row: on the 10k store the
evidence look-up of ``consent_timeline`` went from 872 ms to 1 ms.

An EXISTS group is not reordered at all, and its patterns are joined by hash, each read with
only the row's bindings: ``?r pskg:instrument ?i ; pskg:state ?st`` reads every event of the
state for each row. Its first triple pattern then goes first and the rest of the group in a
``LATERAL`` after it (``?r pskg:instrument ?i LATERAL { ?r pskg:state ?st … }``), so the rest
is read for each ``?r`` found: a NOT EXISTS of ``instruments_in_force_for`` went from over
50 s to 0.24 s (10k store). A join of triple patterns is the same with either operator.

For a group of triple patterns and FILTERs the two forms give the same solutions: the
OPTIONAL's left side is the group so far in both, and a FILTER directly inside the OPTIONAL
already sees the left side's variables (it is the left join's condition). A group holding
anything whose scope would change under substitution — a sub-select, BIND, VALUES, MINUS,
EXISTS, UNION, GRAPH, SERVICE or another OPTIONAL — is left as written (an OPTIONAL inside
it is still considered). Under LATERAL, pyoxigraph 0.5.13 even hands a row's binding to a
sub-select's unprojected variable of the same name, which SPARQL keeps apart: a sub-select
that tested its own unbound ``?lang`` lost its rows (a test pins this). The query files stay plain SPARQL 1.1 for rdflib and remote
endpoints; this rewrite is applied only where a named query runs on pyoxigraph, and
tests/query/test_query_rewrites.py checks that every named query answers the same rows.
"""
from __future__ import annotations

import re

_TOKEN = re.compile(r'''
    (?P<skip> \#[^\n]* | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*' | <[^<>"{}|^`\\\s]*> )
  | (?P<open> \{ ) | (?P<close> \} )
  | (?P<word> [A-Za-z_][A-Za-z0-9_]* )
''', re.X)
# keywords whose scope a per-row substitution would change
_BLOCKING = {"select", "bind", "values", "minus", "exists", "union", "graph", "service",
             "optional", "lateral"}


def keywords_at(text: str, depth: int, keyword: str) -> list[re.Match]:
    """Where `keyword` (any case) stands as a word at brace depth `depth` of a query (0: outside
    every group; 1: in the WHERE group itself), never inside a string, an IRI or a comment."""
    found, level = [], 0
    for m in _TOKEN.finditer(text):
        if m.group("open"):
            level += 1
        elif m.group("close"):
            level -= 1
        elif level == depth and (m.group("word") or "").upper() == keyword:
            found.append(m)
    return found


def _close(text: str, start: int) -> int:
    """The index of the brace that closes the group whose `{` is at `start`."""
    depth = 0
    for m in _TOKEN.finditer(text, start):
        if m.group("open"):
            depth += 1
        elif m.group("close"):
            depth -= 1
            if depth == 0:
                return m.start()
    raise ValueError("unbalanced braces in the query")


def for_oxigraph(text: str) -> str:
    """`text` (a query) as pyoxigraph plans it well: plain OPTIONAL and EXISTS groups per row."""
    return lateral_exists(lateral_optionals(text))


def _rewrite(text: str, keyword: str, blocking: set[str], make) -> str:
    """`text` with each `KEYWORD { body }` group whose body holds none of the `blocking` words
    replaced by `make(body, brace, end)` (None: left as written); `brace` and `end` are the
    indexes of the group's braces. Strings, IRIs and comments are never read as keywords."""
    head_re = re.compile(rf"{keyword}\s*\{{", re.I)
    out, pos = [], 0
    for m in _TOKEN.finditer(text):
        if m.start() < pos or not m.group("word") or m.group("word").upper() != keyword:
            continue
        head = head_re.match(text, m.start())
        if head is None:
            continue
        brace = head.end() - 1
        end = _close(text, brace)
        body = text[brace + 1:end]
        if any(t.group("word") and t.group("word").lower() in blocking
               for t in _TOKEN.finditer(body)):
            continue
        new = make(body, brace, end)
        if new is None:
            continue
        out += [text[pos:m.start()], new]
        pos = end + 1
    out.append(text[pos:])
    return "".join(out)


def lateral_optionals(text: str) -> str:
    """`text` with each plain OPTIONAL group read per row (see the module's docstring)."""
    return _rewrite(text, "OPTIONAL", _BLOCKING,
                    lambda body, brace, end: f"LATERAL {{ OPTIONAL {{{body}}} }}")


_TOKEN_SKIPS = re.compile(r'''\#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>''')
_SUBJECT = re.compile(r"\s*(?:[?$]\w+|<[^<>\s]*>|[A-Za-z][\w-]*:[\w-]*)\s")
_END = re.compile(r"(?P<semi>;)|(?P<dot>\.)(?=\s|$)|(?P<open>[{(\[])|(?P<close>[})\]])")
# an EXISTS group may hold FILTERs and nested [NOT] EXISTS, nothing that scopes variables
_EXISTS_BLOCKING = _BLOCKING - {"exists"}


_VARIABLE = re.compile(r"[?$](\w+)")


def _variables(text: str) -> set[str]:
    return {m.group(1) for m in _VARIABLE.finditer(_TOKEN_SKIPS.sub(" ", text))}


def _first_block(body: str, at: int) -> tuple[list[tuple[int, int]], int] | None:
    """The predicate-object items of the triple block whose predicate starts at `at` (spans,
    split at the `;` outside brackets) and where the block ends (its `.`, or the body's end)."""
    items, depth, start, pos = [], 0, at, at
    while pos < len(body):
        skip = _TOKEN.match(body, pos)
        if skip is not None and skip.group("skip"):
            pos = skip.end()
            continue
        m = _END.match(body, pos)
        if m is None:
            pos += 1
            continue
        if m.group("open"):
            depth += 1
        elif m.group("close"):
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            items.append((start, m.start()))
            if m.group("dot"):
                return items, m.end()
            start = m.end()
        pos = m.end()
    items.append((start, len(body)))
    return items, len(body)


def _first_pattern(body: str, outer: set[str]) -> tuple[str, str] | None:
    """(one triple pattern, the rest of the group) of an EXISTS group: the pattern of its first
    block that holds a variable bound outside the group (the first pattern if none does), so
    that it is a look-up; None when the group does not open with a block of several patterns
    (or with more after it), or when its subject is itself bound outside."""
    subject = _SUBJECT.match(body)
    if subject is None or subject.group(0).strip().upper() in ("FILTER", "FILTER("):
        return None
    name = subject.group(0).strip()
    if name[0] in "?$" and name[1:] in outer:
        return None                    # every pattern of the block is a look-up already
    found = _first_block(body, subject.end())
    if found is None:
        return None
    items, end = found
    items = [(a, b) for a, b in items if body[a:b].strip()]
    after = body[end:]
    if not items or (len(items) == 1 and not after.strip()):
        return None
    pick = next((i for i, (a, b) in enumerate(items) if _variables(body[a:b]) & outer), 0)
    first = f"{name} {body[slice(*items[pick])].strip()}"
    others = [body[a:b].strip() for i, (a, b) in enumerate(items) if i != pick]
    rest = (f"{name} {' ; '.join(others)} ." if others else "") + after
    return first, rest


def lateral_exists(text: str, outer: frozenset[str] = frozenset()) -> str:
    """`text` with each plain EXISTS group read from a look-up first (module docstring);
    `outer`: the variables bound around `text` (for a group nested in another)."""
    def make(body: str, brace: int, end: int) -> str | None:
        around = outer | _variables(text[:brace]) | _variables(text[end:])
        split = _first_pattern(body, around)
        if split is None:
            return None
        first, rest = split
        inner = lateral_exists(rest, frozenset(around | _variables(first)))
        return f"EXISTS {{ {first} . LATERAL {{ {inner} }} }}"
    return _rewrite(text, "EXISTS", _EXISTS_BLOCKING, make)
