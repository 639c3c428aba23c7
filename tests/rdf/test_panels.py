"""Panels (pskg.rdf.panels and `pskg export --panel`) on the real build of data/corpus: the
values researchers join on — ISO alpha-3, COW and G-W codes, years, instruments, kinds."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pskg.cli import app
from pskg.rdf import panels
from pskg.rdf.export import export

ALMA_ATA = {"1991-12-21-declaration-alma-ata-declaration", "1991-12-21-protocol-alma-ata-protocol"}


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def trig(corpus_build, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("panel") / "pskg.trig"
    export(corpus_build.dataset, "trig", path)
    return path


def _dicts(columns, rows):
    return [dict(zip(columns, r)) for r in rows]


def test_dyad_year_ru_tj(corpus_graph):
    rows = _dicts(*panels.dyad_year(corpus_graph))
    ru_tj = {r["year"]: r for r in rows if (r["state_a"], r["state_b"]) == ("RU", "TJ")}
    y1991 = ru_tj[1991]
    assert (y1991["iso3_a"], y1991["iso3_b"], y1991["cow_a"], y1991["cow_b"]) == ("RUS", "TJK", "365", "702")
    assert (y1991["gw_a"], y1991["gw_b"]) == ("365", "702")
    assert set(y1991["instrument_keys"].split(";")) == ALMA_ATA
    assert y1991["instruments"] == 2 and y1991["kinds"] == "declaration;protocol"
    assert y1991["multilateral"] == 2
    y1999 = ru_tj[1999]            # the bilateral treaty the UN letter transmits
    assert y1999["instruments"] == 1 and y1999["kinds"] == "treaty" and y1999["multilateral"] == 0
    assert y1999["instrument_keys"].startswith("1999-04-16-treaty-")
    # undirected: each pair once, in code order; no state paired with itself
    assert all(r["state_a"] < r["state_b"] for r in rows)
    assert len({(r["state_a"], r["state_b"], r["year"]) for r in rows}) == len(rows)


def test_directed_dyads_double_the_rows(corpus_graph):
    undirected = _dicts(*panels.dyad_year(corpus_graph))
    directed = _dicts(*panels.dyad_year(corpus_graph, directed=True))
    assert len(directed) == 2 * len(undirected)
    assert any(r["state_a"] == "TJ" and r["state_b"] == "RU" and r["year"] == 1999 for r in directed)


def test_state_instrument_rows(corpus_graph):
    rows = _dicts(*panels.state_instrument(corpus_graph))
    tj = [r for r in rows if r["state"] == "TJ"]
    treaty = [r for r in tj if r["instrument"].startswith("1999-04-16-treaty-")]
    assert len(treaty) == 1
    [t] = treaty
    assert (t["state_iso3"], t["state_cow"], t["kind"], t["event"], t["event_date"], t["year"]) == \
        ("TJK", "702", "treaty", "signature", "1999-04-16", 1999)
    assert t["parties"] == 2 and t["documents"] == 1
    assert t["instrument_iri"].endswith("/instrument/" + t["instrument"])
    # a historic party keeps its ISO 3166-3 code and COW's number for it
    su = [r for r in rows if r["state"] == "SU"]
    assert su and all((r["state_iso3"], r["state_cow"]) == ("SUN", "365") for r in su)
    # every row of a party of an instrument; one row per (state, instrument, event)
    assert len({(r["state"], r["instrument"], r["event"]) for r in rows}) == len(rows)
    assert all(r["state_iso3"] for r in rows)


def test_cli_csv_matches_the_function(trig, corpus_graph):
    result = invoke("export", "--graph", trig, "--panel", "dyad-year")
    assert result.exit_code == 0, result.output
    got = list(csv.DictReader(io.StringIO(result.stdout)))
    columns, rows = panels.dyad_year(corpus_graph)
    assert list(got[0]) == columns and len(got) == len(rows)
    assert {(r["state_a"], r["state_b"], r["year"], r["instruments"]) for r in got} == \
        {(r[0], r[1], str(r[8]), str(r[9])) for r in rows}


def test_cli_parquet_is_typed(trig, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "si.parquet"
    result = invoke("export", "--graph", trig, "--panel", "state-instrument", "-f", "parquet", "-o", out)
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert str(table.schema.field("state_cow").type) == "int32"
    assert str(table.schema.field("event_date").type) == "date32[day]"
    rows = table.to_pylist()
    assert any(r["state"] == "RU" and r["state_cow"] == 365 and r["year"] == 1999 for r in rows)


def test_cli_panel_errors_are_one_line(trig, tmp_path):
    for args, message in ((("--panel", "country-year"), "--panel country-year: choose one of"),
                          (("--panel", "dyad-year", "-f", "ttl"), "--format ttl: choose one of csv"),
                          (("--panel", "dyad-year", "-f", "parquet"), "needs a file")):
        result = invoke("export", "--graph", trig, *args)
        assert result.exit_code == 2 and message in result.output, result.output
    result = invoke("export", "--graph", tmp_path / "missing.trig", "--panel", "dyad-year")
    assert result.exit_code == 2 and "missing.trig" in result.output
