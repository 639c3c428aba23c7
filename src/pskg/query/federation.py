"""Federated queries (SPARQL 1.1 SERVICE): a read-only query must not make pskg, or an endpoint
it is sent to, call out to another address. A query that uses SERVICE is refused unless the
user asks for it by name (`pskg query --allow-service`)."""
from __future__ import annotations

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue


def _walk(node):
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for item in node:
            yield from _walk(item)


def service_targets(sparql: str) -> list[str]:
    """The SERVICE endpoints a query names (`?var` for a variable one), in order; [] for none.
    The query is parsed, so the word in a string, an IRI or a comment does not count."""
    found = []
    for node in _walk(parseQuery(sparql)):
        if node.name == "ServiceGraphPattern":
            term = node.get("term")
            found.append(f"?{term}" if type(term).__name__ == "Variable" else str(term))
    return found


def refusal(sparql: str) -> str | None:
    """The one-line reason to refuse this query, or None when it calls no other service."""
    targets = service_targets(sparql)
    if not targets:
        return None
    return (f"the query calls SERVICE {targets[0]}: federated queries are refused, pskg makes no "
            "outbound requests (give --allow-service to run it anyway)")
