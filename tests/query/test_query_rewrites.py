"""The named queries rewritten for speed give the answers of their plain forms.

``tests/query/reference/NAME.rq`` keeps each rewritten query as it was before the rewrite (the
straightforward form: one pattern per fact, filters on params, every label row joined); the
query in ``queries/`` must give the same rows in the same order. Both run on the real pipeline's
build — the bundled corpus, and a small synthetic corpus (many states, persons and topics) —
loaded as ``pskg build --store`` leaves a store (named graphs + the facts graph queries read),
for the params of each query's example and several other states, languages and ranges, with
optional params given and left out. rdflib on the synthetic build must agree with pyoxigraph
(the rewrites put a ``# @values`` marker inside a group or sub-select, where rdflib's
initBindings must see the params too).
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_queries import QUERIES, answers, compact

from pskg.pipeline import build
from pskg.query.lateral import for_oxigraph
from pskg.query.named import bind, inject, load_query, run
from pskg.rdf.export import serialize
from pskg.rdf.terms import from_oxigraph
from pskg.store import facts
from pskg.synth import write_corpus

REFERENCE = Path(__file__).parent / "reference"
REWRITTEN = sorted(p.stem for p in REFERENCE.glob("*.rq"))
STATES = ["RU", "KZ", "TJ", "GE", "UA", "BY", "UZ", "AM", "XX"]
LANGS = ["en", "ru", "kk", "ka", "uk", "zh", "fr"]


def params_for(name: str) -> list[dict[str, str]]:
    """The params each rewritten query is compared with (optional ones also left out)."""
    if name in ("cosignatories", "never_party_together"):
        return [{}] + [{"state": s} for s in STATES]
    if name == "instruments_of_state":
        return ([{"state": s, "lang": la} for s in STATES for la in LANGS[:4]]
                + [{"state": "KZ", "from": "1992-01-01"}, {"state": "RU", "to": "1999-12-31"},
                   {"state": "GE", "from": "1995-01-01", "to": "2010-12-31", "lang": "ka"}])
    if name == "persons_of_state":
        return [{"state": s, "lang": la} for s in STATES for la in LANGS]
    if name == "obligations_of_state":
        topics = ["topic:security_defence", "topic:trade_economy", "topic:nonexistent"]
        return ([{"state": s, "lang": la} for s in STATES for la in LANGS[:3]]
                + [{"state": s, "topic": t} for s in STATES[:4] for t in topics]
                + [{"state": "RU", "topic": topics[0], "lang": "ru"}])
    if name == "documents":
        return [{}]
    if name == "timeline":
        return ([{}, {"lang": "ru"}, {"from": "1992-01-01", "to": "1999-12-31"}, {"from": "2005-01-01"},
                 {"to": "1991-12-31", "lang": "kk"}, {"from": "2030-01-01"}]
                + [{"from": "1992-01-01", "lang": la} for la in LANGS])
    if name == "parties_as_of":
        return []        # per instrument: see instrument_params
    raise AssertionError(f"no params listed for {name}")


def as_built(dataset) -> ox.Store:
    """An in-memory store as `pskg build --store` leaves one: the named graphs of the build and
    the facts graph (their union, each triple once) in the default graph."""
    store = ox.Store()
    store.load(serialize(dataset, "nq"), format=ox.RdfFormat.N_QUADS)
    return facts.loaded(store)


@pytest.fixture(scope="module")
def bundled(corpus_build) -> ox.Store:
    return as_built(corpus_build.dataset)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """A synthetic corpus through the real pipeline: (store as built, rdflib Dataset)."""
    out = tmp_path_factory.mktemp("synth")
    write_corpus(out, 120, seed=7)
    built = build(out / "docs", validate=False)
    dataset = built.dataset
    dataset.default_union = True
    return as_built(dataset), dataset


def instrument_params(store) -> list[dict[str, str]]:
    """Instruments with consent events, each with dates before, within and after their
    signatures, and a language for the state labels."""
    rows = store.query("SELECT DISTINCT ?i WHERE { ?e <https://w3id.org/pskg/ontology#instrument> ?i ;"
                       " a <https://w3id.org/pskg/ontology#ConsentEvent> } ORDER BY ?i LIMIT 25")
    found = [{"instrument": r["i"].value} for r in rows]
    dates = ["1991-12-31", "1995-01-01", "2005-06-30", "2030-01-01"]
    return [{**p, "date": d, "lang": LANGS[i % len(LANGS)]}
            for i, (p, d) in enumerate((p, d) for p in found for d in dates)]


def compare(name: str, store, params: dict[str, str]) -> list:
    new = answers(name, store, params, ordered=True)
    old = answers(name, store, params, ordered=True, queries_dir=REFERENCE)
    assert new == old, (name, params)
    return new


def test_every_rewrite_has_its_reference_form():
    assert REWRITTEN, "no reference forms"
    for name in REWRITTEN:
        assert (QUERIES / f"{name}.rq").exists(), name
        old = (REFERENCE / f"{name}.rq").read_text(encoding="utf-8")
        new = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
        head = [ln for ln in old.splitlines() if ln.startswith("# param:")]
        assert head == [ln for ln in new.splitlines() if ln.startswith("# param:")], name


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewrite_same_answers_on_the_bundled_build(name, bundled):
    cases = params_for(name) or instrument_params(bundled)
    answered = sum(bool(compare(name, bundled, p)) for p in cases)
    assert answered, f"{name}: no case gave rows on the bundled build"


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewrite_same_answers_on_a_synthetic_build(name, synthetic):
    store, dataset = synthetic
    cases = params_for(name) or instrument_params(store)
    answered = 0
    for params in cases:
        rows = compare(name, store, params)
        answered += bool(rows)
    assert answered >= len(cases) // 3, f"{name}: too few cases gave rows ({answered})"
    for params in cases[:6]:        # rdflib (initBindings) agrees with the VALUES markers
        assert answers(name, dataset, params, ordered=True) == compare(name, store, params), \
            (name, params)


# --- the per-row forms pyoxigraph is given (pskg.query.lateral) --------------------------------

LATERAL_POOLS = {"state": STATES, "date": ["1991-12-31", "1995-01-01", "2005-06-30", "2030-01-01"],
                 "lang": ["en", "ru", "ka"], "from": ["1992-01-01"], "to": ["1999-12-31"]}


def lateral_cases(nq, store) -> list[dict[str, str]]:
    """Every required param from its pool (all combinations, at most 40), then each optional
    param's values on the first of those."""
    instruments = [p["instrument"] for p in instrument_params(store)][::4][:6]
    pools = {**LATERAL_POOLS, "instrument": instruments, "subject": instruments[:3]}
    required = {p.name: pools[p.name] for p in nq.params if p.required}
    cases = [dict(zip(required, combo)) for combo in itertools.product(*required.values())][:40]
    base = cases[0] if cases else {}
    for p in nq.params:
        if not p.required and p.name in pools:
            cases += [{**base, p.name: v} for v in pools[p.name]]
    return cases or [{}]


def plain_and_lateral(nq, store, params) -> tuple[list, list]:
    """The rows of the query as written and as pyoxigraph is given it (pskg.query.run)."""
    text = inject(nq, bind(nq, params))
    plain = store.query(text, use_default_graph_as_union=facts.reads_union(store))
    return ([tuple(compact(from_oxigraph(t)) for t in row) for row in plain],
            [tuple(compact(t) for t in row) for row in run(nq, store, params).rows])


@pytest.mark.parametrize("name", sorted(p.stem for p in QUERIES.glob("*.rq")))
def test_per_row_forms_give_the_same_rows(name, bundled, synthetic):
    """Every named query answers the same rows, in the same order, with its OPTIONAL and EXISTS
    groups read per row as with the text as written — on the bundled and a synthetic build."""
    nq = load_query(QUERIES / f"{name}.rq")
    answered = 0
    for store in (bundled, synthetic[0]):
        for params in lateral_cases(nq, store):
            plain, lateral = plain_and_lateral(nq, store, params)
            assert lateral == plain, (name, params)
            answered += bool(plain)
    assert answered, f"{name}: no case gave rows"


def test_the_per_row_forms_are_what_pyoxigraph_is_given():
    """The rewrite is not a no-op on the queries it is for, leaves strings, IRIs and comments
    alone, and leaves groups whose variable scopes it would change as written."""
    text = (QUERIES / "consent_timeline.rq").read_text(encoding="utf-8")
    assert "LATERAL { OPTIONAL {" in for_oxigraph(text) and "LATERAL" not in text
    forced = (QUERIES / "instruments_in_force_for.rq").read_text(encoding="utf-8")
    # the NOT EXISTS group opens with the pattern on a variable bound outside it
    assert "FILTER NOT EXISTS { ?f pskg:instrument ?instrument . LATERAL { ?f a pskg:EntryIntoForce" \
        in " ".join(for_oxigraph(forced).split())
    kept = ('SELECT * WHERE { ?s ?p "OPTIONAL { ?x ?y ?z }" . # OPTIONAL { ?a ?b ?c }\n'
            " ?s <urn:OPTIONAL> ?o OPTIONAL { ?o ?q ?v BIND(1 AS ?one) }"
            " OPTIONAL { { SELECT ?o WHERE { ?o ?r ?w } } }"
            " FILTER NOT EXISTS { ?s <urn:x> ?y } }")
    assert for_oxigraph(kept) == kept
    wrapped = for_oxigraph("SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o <urn:a> ?a ; <urn:b> ?b } }")
    assert wrapped == "SELECT * WHERE { ?s ?p ?o LATERAL { OPTIONAL { ?o <urn:a> ?a ; <urn:b> ?b } } }"
    for path in QUERIES.glob("*.rq"):      # every rewritten text is a query pyoxigraph parses
        nq = load_query(path)
        ox.Store().query(for_oxigraph(inject(nq, {})))
