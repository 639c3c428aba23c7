"""A named query's ORDER BY done in Python on pyoxigraph's answer: the same order, without
pyoxigraph reading each compared string back from the store.

pyoxigraph sorts solutions by comparing their terms, and a term held in the store is read from
its string table at each comparison: n·log n reads. On the 10k store `documents` (10,000 rows)
took 0.16 s unordered and 0.58 s ordered by file name (the whole named query: 0.74 s before,
0.39 s after; bench/RESULTS.md). The rows are converted to Python terms anyway, and sorting them there
costs milliseconds. Only a final ``ORDER BY`` of variables, each possibly in ``ASC()`` or
``DESC()``, with no LIMIT or OFFSET after it, is taken out of the text; anything else is
left to pyoxigraph.

The order is SPARQL's (§15.1): unbound, then blank nodes, then IRIs (by their text), then
literals. Literals of one kind compare as pyoxigraph compares them: numbers by value whatever
their numeric datatype, dates and date-times by value, strings and language-tagged strings by
their text, others by their text within their datatype. Blank nodes are equal to each other.
Literals of different kinds, which SPARQL leaves unordered, are ordered by kind; NaN after
every number. Rows tied on every key, which SPARQL leaves unordered too (and pyoxigraph orders
differently from run to run), are ordered by their whole rows, so the same query on the same
store always gives the same order (blank nodes aside: their labels are each store's own).
tests/query/test_query_rewrites.py checks every named query's rows against pyoxigraph's order;
tests/query/test_query_order.py checks each kind of term.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from pskg.rdf.lateral import keywords_at

_KEY = re.compile(r"\s*(?:(?P<dir>ASC|DESC)\s*\(\s*[?$](?P<inner>\w+)\s*\)|[?$](?P<var>\w+))", re.I)
NUMBERS = (int, float, Decimal)


def split_order(text: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """(the query without its final ORDER BY, [(variable, descending)]), or None when the query
    does not end with an ORDER BY of variables alone."""
    found = keywords_at(text, 0, "ORDER")
    if not found:
        return None
    order = found[-1]
    head = re.compile(r"ORDER\s+BY\b", re.I).match(text, order.start())
    if head is None:
        return None
    keys, pos = [], head.end()
    while (m := _KEY.match(text, pos)) is not None:
        keys.append((m.group("inner") or m.group("var"), (m.group("dir") or "").upper() == "DESC"))
        pos = m.end()
    rest = re.sub(r"#[^\n]*", "", text[pos:])
    if not keys or rest.strip():
        return None
    return text[:order.start()], keys


def term_key(term) -> tuple:
    """The place of an rdflib term (None: unbound) in SPARQL's order."""
    if term is None:
        return (0,)
    if isinstance(term, BNode):
        return (1,)
    if isinstance(term, URIRef):
        return (2, str(term))
    if isinstance(term, Literal):
        value = term.value if not getattr(term, "ill_typed", False) else None
        if isinstance(value, NUMBERS) and not isinstance(value, bool):
            # NaN (which compares with nothing, and a Decimal NaN raises) after every number
            return (3, 0, 1) if _is_nan(value) else (3, 0, 0, value)
        if isinstance(value, dt.datetime) and term.datatype == XSD.dateTime:
            return (3, 1, value.tzinfo is not None, value)
        if isinstance(value, dt.date) and term.datatype == XSD.date:
            return (3, 2, value)
        if term.datatype is None or term.datatype == XSD.string:
            return (3, 3, str(term), term.language or "")
        return (3, 4, str(term.datatype), str(term))
    return (4, str(term))


def sort_rows(columns: list[str], rows: list[tuple], keys: list[tuple[str, bool]]) -> list[tuple] | None:
    """`rows` in the order of `keys`, rows tied on every key in the order of their whole rows
    (SPARQL leaves ties unordered, and pyoxigraph's order of them varies from run to run: a
    user asking twice gets the same rows in the same order); None when a key is not one of
    `columns`. Each distinct term's place is worked out once (the rows of pskg.query.named
    share one object per distinct term, and a large answer repeats its languages and kinds)."""
    if any(name not in columns for name, _ in keys):
        return None
    memo: dict[int, tuple] = {}    # id → key; the rows keep every term alive meanwhile

    def place(term) -> tuple:
        found = memo.get(id(term))
        if found is None:
            found = memo[id(term)] = term_key(term)
        return found

    at = [columns.index(name) for name, _ in keys]
    places = [[place(row[i]) for row in rows] for i in at]
    composite = list(zip(*places))          # each row's places on the keys, in key order
    order = list(range(len(rows)))
    if not any(descending for _, descending in keys):
        order.sort(key=composite.__getitem__)
    else:
        for (_, descending), column in reversed(list(zip(keys, places))):   # stable, last first
            order.sort(key=column.__getitem__, reverse=descending)
    if len(set(composite)) == len(rows):    # no two rows tied on every key
        return [rows[j] for j in order]
    out, start = [], 0
    for end in range(1, len(order) + 1):
        if end == len(order) or composite[order[end]] != composite[order[start]]:
            tied = [rows[j] for j in order[start:end]]
            out.extend(tied if len(tied) == 1 else sorted(
                tied, key=lambda row: tuple(_whole(place, t) for t in row)))
            start = end
    return out


def _whole(place, term) -> tuple:
    """A term's place for breaking ties, then its text, datatype and language: terms equal in
    SPARQL's order (10 and 1e1, two blank nodes) are told apart. Blank nodes go by their label,
    which is the store's: it can differ between backends."""
    if isinstance(term, Literal):
        return place(term), str(term), str(term.datatype or ""), term.language or ""
    return place(term), "" if term is None else str(term), "", ""


def _is_nan(value) -> bool:
    return value.is_nan() if isinstance(value, Decimal) else value != value
