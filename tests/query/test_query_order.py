"""pskg.query.order: a final ORDER BY done in Python gives pyoxigraph's order, term kind by kind.

Every named query is also checked against pyoxigraph's own order on real builds
(test_query_rewrites.py::test_per_row_forms_give_the_same_rows); here each kind of term a
column can hold is sorted both ways, ascending and descending, ties and unbound values included.
"""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from ties import tie_runs

from pskg.query.named import _rows
from pskg.query.order import sort_rows, split_order

# one column per kind of value: each row is (?k, ?v); ?k ties between rows on purpose
COLUMNS = {
    "numbers": ['"10"^^xsd:integer', '"9.5"^^xsd:decimal', '"-2"^^xsd:integer', '"1e1"^^xsd:double',
                '"0"^^xsd:integer', '"3"^^xsd:integer', None],
    "dates": ['"1999-04-16"^^xsd:date', '"1991-12-21"^^xsd:date', '"2024-11-08"^^xsd:date',
              '"1991-12-08"^^xsd:date', None, '"1991-12-21"^^xsd:date'],
    "strings": ['"Ашхабад"', '"Almaty"', '"almaty"', '"Алма-Ата"', '"Ålesund"', '""', '"Z"', None,
                '"ალმა-ათა"', '"阿拉木图"', '"Almaty"'],
    "iris": ["<https://w3id.org/pskg/id/state/KZ>", "<https://w3id.org/pskg/id/state/AM>",
             "<https://w3id.org/pskg/id/place/almaty>", "<urn:x>", None,
             "<https://w3id.org/pskg/id/state/KZ>"],
    "labels": ['"Казахстан"@ru', '"Kazakhstan"@en', '"Қазақстан"@kk', '"Kazakhstan"@de', None],
    "mixed nodes": ["<urn:b>", "_:x", None, '"a"', "<urn:a>", "_:y", '"1"^^xsd:integer'],
}


def store_of(values: list) -> ox.Store:
    store = ox.Store()
    lines = []
    for i, v in enumerate(values):
        row = f"<urn:row/{i:02d}>"
        lines.append(f"{row} <urn:k> {i % 3} .")
        if v is not None:
            lines.append(f"{row} <urn:v> {v.replace('xsd:', '<http://www.w3.org/2001/XMLSchema#')}"
                         f"{'>' if 'xsd:' in v else ''} .")
    store.load("\n".join(lines).encode(), ox.RdfFormat.TURTLE)
    return store


def query_text(order: str) -> str:
    return ("SELECT ?row ?k ?v WHERE { ?row <urn:k> ?k OPTIONAL { ?row <urn:v> ?v } } "
            f"ORDER BY {order}")


def both(store: ox.Store, order: str) -> tuple[list, list]:
    text = query_text(order)
    by_store = _rows(store.query(text))
    head, keys = split_order(text)
    solutions = store.query(head)
    return by_store, sort_rows([v.value for v in solutions.variables], _rows(solutions), keys)


@pytest.mark.parametrize("kind", sorted(set(COLUMNS) - {"mixed nodes"}))
@pytest.mark.parametrize("order", ["?v", "DESC(?v)", "?k ?v", "DESC(?k) ASC(?v)", "?v DESC(?row)"])
def test_same_order_as_pyoxigraph(kind, order):
    """The same rows in the same order; rows tied on every key may come in any order in
    pyoxigraph's answer (SPARQL leaves them unordered), so each run of them is compared whole."""
    by_store, by_python = both(store_of(COLUMNS[kind]), order)
    columns = ["row", "k", "v"]
    assert tie_runs(columns, by_python, query_text(order)) == \
        tie_runs(columns, by_store, query_text(order))


@pytest.mark.parametrize("kind", sorted(set(COLUMNS) - {"mixed nodes"}))
def test_tied_rows_come_in_one_order_whatever_order_they_came_in(kind):
    """Rows tied on the keys are ordered by their whole rows: the answer does not depend on
    the order pyoxigraph evaluated them in (which varies between runs)."""
    store = store_of(COLUMNS[kind])
    head, keys = split_order(query_text("?k"))
    rows = _rows(store.query(head))
    orders = [rows, rows[::-1], rows[1::2] + rows[::2], sorted(rows, key=repr)]
    shuffled = [sort_rows(["row", "k", "v"], given, keys) for given in orders]
    assert all(s == shuffled[0] for s in shuffled) and len(shuffled[0]) == len(rows)
    ties = [[str(r[0]) for r in shuffled[0] if str(r[1]) == k] for k in "012"]
    assert all(t == sorted(t) for t in ties) and all(len(t) > 1 for t in ties[:2])


@pytest.mark.parametrize("order", ["?v", "DESC(?v)"])
def test_unbound_blank_nodes_iris_then_literals(order):
    """Blank nodes are equal to each other, and SPARQL leaves literals of different kinds
    unordered: what must agree is the sequence of kinds, and the IRIs' order."""
    by_store, by_python = both(store_of(COLUMNS["mixed nodes"]), order)
    kinds = [[type(r[2]).__name__ for r in rows] for rows in (by_store, by_python)]
    assert kinds[0] == kinds[1]
    iris = [[r[2] for r in rows if type(r[2]).__name__ == "URIRef"] for rows in (by_store, by_python)]
    assert iris[0] == iris[1] and len(iris[0]) == 2


def test_only_a_final_order_of_variables_is_taken_out():
    assert split_order("SELECT * WHERE { ?s ?p ?o } ORDER BY ?o DESC(?s) # last\n") == (
        "SELECT * WHERE { ?s ?p ?o } ", [("o", False), ("s", True)])
    for kept in ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?o LIMIT 10",
                 "SELECT * WHERE { ?s ?p ?o } ORDER BY STR(?o)",
                 "SELECT * WHERE { ?s ?p ?o } ORDER BY ?o OFFSET 5",
                 "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 1 } ?s ?q ?v }",
                 'SELECT * WHERE { ?s ?p "ORDER BY ?s" }'):
        assert split_order(kept) is None, kept
    # a key that is not projected: left to pyoxigraph (sort_rows says it cannot)
    assert sort_rows(["s"], [], [("o", False)]) is None


def test_nan_and_equal_numbers_sort_without_error_in_one_order():
    """NaN compares with nothing (a Decimal NaN raises): it goes after every number; terms
    SPARQL holds equal (10 and 1e1) are told apart by their text, whatever order they came in."""
    from rdflib import Literal
    from rdflib.namespace import XSD
    rows = [(Literal("NaN", datatype=XSD.double), Literal(2)), (Literal("1.5", datatype=XSD.decimal), Literal(1)),
            (Literal("NaN", datatype=XSD.decimal), Literal(1)), (Literal("1e1", datatype=XSD.double), Literal(0)),
            (Literal(10), Literal(0)), (Literal("NaN", datatype=XSD.double), Literal(1))]
    for keys in ([("a", False), ("b", False)], [("a", True), ("b", False)]):
        once = sort_rows(["a", "b"], rows, keys)
        assert once == sort_rows(["a", "b"], rows[::-1], keys) == sort_rows(["a", "b"], rows[1::2] + rows[::2], keys)
    ascending = [str(r[0]) for r in sort_rows(["a", "b"], rows, [("a", False), ("b", False)])]
    assert ascending[0] == "1.5" and {s.lower() for s in ascending[3:]} == {"nan"}
