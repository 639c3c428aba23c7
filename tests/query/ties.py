"""Comparing answers "in the same order" as far as SPARQL defines one: rows tied on every
ORDER BY key may come in any order (pyoxigraph's varies from run to run; pskg.query.order
orders them by the whole row), so each run of tied rows is compared as a multiset."""
from __future__ import annotations

from rdflib.term import Identifier

from pskg.query.order import split_order, term_key


def tie_runs(columns: list[str], rows: list[tuple], text: str) -> list:
    """The rows as consecutive runs of equal ORDER BY keys, each run sorted; one run for a
    query without a final ORDER BY of variables. Rows are rdflib terms or their strings."""
    split = split_order(text)
    at = [columns.index(name) for name, _ in split[1]] if split else []
    runs: list[tuple[tuple, list]] = []
    for row in rows:
        key = tuple(term_key(row[i]) if isinstance(row[i], Identifier) or row[i] is None
                    else row[i] for i in at)    # terms: equal in SPARQL's order (10 and 1e1)
        if runs and runs[-1][0] == key:
            runs[-1][1].append(row)
        else:
            runs.append((key, [row]))
    return [(key, sorted(run, key=repr)) for key, run in runs]
