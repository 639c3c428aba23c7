"""The "as of" queries on a corpus written for the tests (tests/fixtures/events/: ratification
laws in Russian and Kazakh, a Ukrainian final clause with its ratification and entry into
force, withdrawal and suspension news), built by the real pipeline; rdflib and pyoxigraph must
give the same rows."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from test_queries import answers

from pskg.pipeline import build
from pskg.rdf.export import serialize

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"


@pytest.fixture(scope="module")
def built():
    result = build(FIXTURES)
    assert result.rejected == {}                  # every document's graph conforms
    result.dataset.default_union = True
    return result


@pytest.fixture(scope="module")
def ask(built):
    store = ox.Store()
    store.load(serialize(built.dataset, "nq"), format=ox.RdfFormat.N_QUADS)

    def run(name: str, **params: str) -> list[tuple[str, ...]]:
        rows = answers(name, built.dataset, params, ordered=True)
        assert rows == answers(name, store, params, ordered=True), (name, params)
        return rows
    return run


@pytest.fixture(scope="module")
def instrument(ask):
    by_file = {row[1]: row[5] for row in ask("documents")}
    return lambda stem: by_file[next(f for f in by_file if f.startswith(stem))]


def parties(ask, inst: str, day: str) -> set[str]:
    return {row[0] for row in ask("parties_as_of", instrument=inst, date=day)}


def test_ukrainian_agreement_binds_from_its_entry_into_force(ask, instrument):
    inst = instrument("uk_final_clause")
    assert parties(ask, inst, "2012-10-01") == set()      # signed, not in force
    assert parties(ask, inst, "2013-02-10") == set()      # ratified by Ukraine, not in force
    assert parties(ask, inst, "2013-03-05") == {"MD", "UA"}
    rows = {row[0]: row for row in ask("parties_as_of", instrument=inst, date="2013-03-05")}
    assert rows["UA"][3] == "2013-02-05"                  # the ratification law's date


def test_russian_ratification_binds_from_the_law(ask, instrument):
    inst = instrument("ru_ratification_law")
    assert parties(ask, inst, "2010-09-01") == set()      # ratification recorded later
    assert "RU" in parties(ask, inst, "2011-04-01")
    timeline = ask("consent_timeline", instrument=inst)
    ratified = [r for r in timeline if r[1] == "ratification"]
    assert [(r[0], r[2], r[3], r[4]) for r in ratified] == [
        ("2011-03-14", "RU", "extracted", "ru_ratification_law.ru.txt")]
    assert "Федеральный закон от 14 марта 2011 года" in ratified[0][5]


def test_kazakh_law_in_force_for_kazakhstan(ask, instrument):
    inst = instrument("kk_ratification_law")
    rows = {r[0] for r in ask("instruments_in_force_for", state="KZ", date="2016-05-01")}
    assert inst in rows


def test_withdrawal_news_meets_the_curated_withdrawal(ask):
    charter = "pskgid:instrument/1993-01-22-charter-cis-charter"
    rows = [r for r in ask("consent_timeline", instrument=charter) if r[1] == "withdrawal"]
    assert {(r[0], r[2], r[3]) for r in rows} == {("2009-08-18", "GE", "curated"),
                                                ("2009-08-18", "GE", "extracted")}
    assert {r[4] for r in rows if r[3] == "extracted"} == {"en_withdrawal_news.en.txt"}


def test_suspension_news_ends_uzbekistans_csto_membership(ask):
    csto = "pskgid:instrument/2002-10-07-charter-csto-charter"
    assert parties(ask, csto, "2010-01-01") == {"UZ"}
    assert parties(ask, csto, "2012-07-01") == set()
