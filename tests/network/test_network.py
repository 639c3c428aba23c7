"""pskg.network on a hand-written miniature graph (tests/fixtures/network_mini.trig)."""
from __future__ import annotations

import csv
import io
import itertools
import json
import struct
from contextlib import nullcontext
from pathlib import Path

import networkx as nx
import pytest
import typer
from typer.testing import CliRunner

import pskg.network as pn
from pskg.cli import network as cli_network

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "network_mini.trig"
ID = "https://w3id.org/pskg/id/instrument/"
TREATY_1999 = ID + "1999-04-16-treaty-status-russian-military-base-tajikistan"
CITED = {ID + "1992-05-15-treaty-collective-security",
         ID + "1993-01-22-charter-commonwealth-of-independent-states"}
DECL_2024 = ID + "2024-08-09-declaration-consultative-meeting-central-asia"
ALMA_ATA = ID + "1991-12-21-declaration-alma-ata-declaration"
SCO_CHARTER = ID + "2002-06-07-charter-sco-charter"    # reference data only, with parties
CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")


@pytest.fixture(scope="module")
def graph():
    return pn.load_graph(FIXTURE)


@pytest.fixture(scope="module")
def cli():
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """pskg (test app)."""

    cli_network.register(app)
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(app, ["network", *args])
    return run


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


# -- projections and graphs ------------------------------------------------------------

@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_fixture_follows_the_contract():
    from pskg.rdf.load import load_graph_file
    from pskg.validate import validate
    report = validate(load_graph_file(FIXTURE))
    assert report.conforms, report.violations


def test_every_projection_declares_its_edges():
    names = [p.name for p in pn.PROJECTIONS]
    assert names == ["cosign", "bipartite", "citations", "obligations"]
    bindings = pn.Filters(1995, 2000, "treaty", "security_defence", "documents").bindings()
    assert len(bindings) == 5 and "documentClass" not in pn.Filters().bindings()
    for p in pn.PROJECTIONS:
        assert p.meaning and "#FILTERS" not in p.sparql() and "?fromDate" not in p.sparql()
        assert "?documentClass" not in p.sparql()
        text = p.sparql(set(bindings))            # clauses name variables, values are bound
        assert all(f"?{v}" in text for v in bindings)
        assert "1995" not in text and "treaty" not in text.lower().split("where")[1]
        assert "pskg:Document" not in text and "documents" not in text
    with pytest.raises(ValueError):
        pn.Filters(topic="x } DROP ALL {").bindings()
    with pytest.raises(ValueError):
        pn.Filters(scope="documents } DROP ALL {").bindings()


def test_cosign_weights_and_filters(graph):
    G = pn.cosignature(graph)                  # Alma-Ata, the 1999 treaty, the SCO Charter
    assert G.edges["RU", "TJ"]["weight"] == 3
    assert TREATY_1999 in G.edges["RU", "TJ"]["instruments"].split(";")
    assert pn.cosignature(graph, start=1995).edges["RU", "TJ"]["weight"] == 2
    for a, b in itertools.combinations(CENTRAL_ASIA, 2):
        assert G.edges[a, b]["weight"] >= 2, (a, b)
    assert G.nodes["RU"]["label"] == "Russia"
    assert pn.cosignature(graph, lang="ru").nodes["RU"]["label"] == "Россия"
    assert pn.cosignature(graph, lang="ka").nodes["RU"]["label"] == "Russia"  # falls back
    treaties = pn.cosignature(graph, kind="treaty")
    assert set(treaties.edges) == {("RU", "TJ")}
    assert set(pn.cosignature(graph, topic="security_defence").edges) == {("RU", "TJ")}
    assert pn.cosignature(graph, start=2025).number_of_edges() == 0
    with pytest.raises(ValueError):
        pn.cosignature(graph, kind="nonsense")


def test_bipartite(graph):
    B = pn.bipartite(graph, end=2000)
    assert B.nodes["RU"]["bipartite"] == 0 and B.nodes[TREATY_1999]["bipartite"] == 1
    assert B.has_edge("MD", ID + "1991-12-21-declaration-alma-ata-declaration")
    assert B.edges["TJ", TREATY_1999]["first_date"] == "1999-04-16"
    assert DECL_2024 not in B


def test_citations(graph):
    C = pn.citations(graph)
    assert isinstance(C, nx.DiGraph)
    assert set(C.successors(TREATY_1999)) == CITED
    assert C.nodes[TREATY_1999]["kind"] == "treaty"
    assert C.nodes[TREATY_1999]["date"] == "1999-04-16"
    charter = ID + "1993-01-22-charter-commonwealth-of-independent-states"
    assert C.nodes[charter]["kind"] == "charter"


def test_obligations(graph):
    O = pn.obligations(graph)
    assert isinstance(O, nx.MultiDiGraph)
    edges = {(u, v): d for u, v, d in O.edges(data=True)}
    assert set(edges) == {("RU", "TJ"), ("TJ", "RU")}
    for data in edges.values():
        assert data["topic"] == "security_defence" and data["modality"] == "binding"
        assert data["instrument"] == TREATY_1999
    assert edges["RU", "TJ"]["article"] == "3"
    assert pn.obligations(graph, topic="borders").number_of_edges() == 0


def test_mutual_obligation_binds_each_party_towards_the_other():
    from rdflib import RDF, Graph, Literal

    from pskg.rdf.namespaces import PSKG, PSKGID, state_iri
    g = Graph()
    ob, inst = PSKGID["obligation/mutual"], PSKGID["instrument/1999-04-16-treaty-x"]
    g.add((inst, RDF.type, PSKG.Instrument))
    g.add((ob, RDF.type, PSKG.Obligation))
    g.add((ob, PSKG.instrument, inst))
    for code in ("RU", "TJ"):          # "the Parties shall …": both bear it, towards both
        g.add((state_iri(code), PSKG.isoCode, Literal(code)))
        g.add((ob, PSKG.bearer, state_iri(code)))
        g.add((ob, PSKG.towards, state_iri(code)))
    assert sorted(pn.obligations(g).edges()) == [("RU", "TJ"), ("TJ", "RU")]


def test_snapshots(graph):
    snaps = pn.snapshots(graph, "cosign", 1991, 2024)
    assert sorted(snaps) == list(range(1991, 2025))
    s1995 = snaps[1995]
    assert all(DECL_2024 not in d["instruments"] for *_, d in s1995.edges(data=True))
    assert s1995.edges["KZ", "KG"]["weight"] == 1 and snaps[2024].edges["KZ", "KG"]["weight"] == 3
    # the 1999 treaty counts from its entry into force (2000) unless asked for the date signed
    assert snaps[1999].edges["RU", "TJ"]["weight"] == 1
    assert snaps[2000].edges["RU", "TJ"]["weight"] == 2
    signed = pn.snapshots(graph, "cosign", 1999, 1999, basis="signed")
    assert signed[1999].edges["RU", "TJ"]["weight"] == 2
    rows = pn.snapshot_measures(snaps)
    assert rows[0]["year"] == 1991 and rows[0]["density"] == 1.0


def test_scope_documents_keeps_only_the_instruments_the_documents_name(graph):
    every, attested = pn.cosignature(graph), pn.cosignature(graph, scope="documents")
    assert pn.cosignature(graph, scope="all").edges == every.edges
    assert SCO_CHARTER in every.edges["RU", "TJ"]["instruments"].split(";")
    assert attested.edges["RU", "TJ"]["weight"] == 2
    assert set(attested.edges["RU", "TJ"]["instruments"].split(";")) == {ALMA_ATA, TREATY_1999}
    assert "CN" in every and "CN" not in attested          # party to the SCO Charter only
    assert attested.edges["KZ", "KG"]["weight"] == 2 and every.edges["KZ", "KG"]["weight"] == 3
    assert SCO_CHARTER in pn.bipartite(graph)
    assert SCO_CHARTER not in pn.bipartite(graph, scope="documents")
    # named by a document through the instrument that cites them: attested
    from pskg.network.source import instruments
    assert instruments(graph, pn.Filters(scope="documents")) == {
        ALMA_ATA, TREATY_1999, DECL_2024} | CITED
    assert SCO_CHARTER in instruments(graph)
    assert set(pn.citations(graph, scope="documents").successors(TREATY_1999)) == CITED
    assert pn.obligations(graph, scope="documents").number_of_edges() == 2
    snaps = pn.snapshots(graph, "cosign", 2024, 2024, scope="documents")
    assert snaps[2024].edges["KZ", "KG"]["weight"] == 2
    assert pn.project(graph, "cosign", start=2000, scope="documents").number_of_edges() == 10
    with pytest.raises(ValueError):
        pn.cosignature(graph, scope="reference")


def test_measures_rank(graph):
    rows = pn.node_measures(pn.cosignature(graph))
    assert [r["rank"] for r in rows] == list(range(1, 13))
    assert rows[0]["node"] == "TJ"             # party to every instrument with parties
    weights = [r["weighted_degree"] for r in rows]
    assert weights == sorted(weights, reverse=True)
    assert {"eigenvector", "betweenness", "community"} <= set(rows[0])
    cited = pn.node_measures(pn.citations(graph), by="pagerank")
    assert {r["node"] for r in cited[:2]} == CITED
    tiny = nx.Graph([("A", "B")])
    tiny.add_node("C")                         # disconnected and tiny: no crash
    assert {r["node"] for r in pn.node_measures(tiny)} == {"A", "B", "C"}
    assert pn.summary(nx.Graph())["nodes"] == 0


# -- the command line --------------------------------------------------------------------

@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
@pytest.mark.parametrize("name", ["cosign", "bipartite", "citations", "obligations"])
def test_cli_round_trip(cli, graph, tmp_path, name, fmt, reader):
    out = tmp_path / f"{name}.{fmt}"
    result = cli(name, "--graph", str(FIXTURE), "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    G, H = pn.project(graph, name), reader(out)
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    weights = lambda g: sorted((str(u), str(v), float(w)) for u, v, w in g.edges(data="weight"))
    assert weights(H) == weights(G)


def test_cli_cosign_stdout(cli):
    result = cli("cosign", "-g", str(FIXTURE), "--from", "1995", "-f", "csv", "-o", "-")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    ru_tj = [r for r in rows if {r["source"], r["target"]} == {"RU", "TJ"}]
    assert len(ru_tj) == 1 and ru_tj[0]["weight"] == "2"      # the 1999 treaty, SCO Charter
    result = cli("cosign", "-g", str(FIXTURE), "--lang", "ru")
    assert result.exit_code == 0 and "Таджикистан" in result.stdout
    data = json.loads(cli("obligations", "-g", str(FIXTURE), "-f", "json").stdout)
    assert {(e["source"], e["target"]) for e in data["edges"]} == {("RU", "TJ"), ("TJ", "RU")}


def test_cli_measures(cli):
    result = cli("measures", "cosign", "-g", str(FIXTURE), "-f", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["rank"] == 1 and rows[0]["node"] == "TJ"
    table = cli("measures", "cosign", "-g", str(FIXTURE), "--top", "3")
    assert table.exit_code == 0 and "weighted_degree" in table.stdout and "TJ" in table.stdout
    years = json.loads(cli("measures", "cosign", "-g", str(FIXTURE), "--per-year",
                           "--from", "1999", "--to", "2000", "-f", "json").stdout)
    assert [(y["year"], y["weight"]) for y in years] == [(1999, 55), (2000, 56)]


def test_cli_errors(cli, tmp_path):
    missing = tmp_path / "nope.trig"
    result = cli("cosign", "--graph", str(missing))
    assert result.exit_code == 2
    assert str(missing) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    broken = tmp_path / "broken.trig"
    broken.write_text("this is { not trig", encoding="utf-8")
    result = cli("measures", "cosign", "--graph", str(broken))
    assert result.exit_code == 2 and str(broken) in result.stderr
    assert cli("cosign", "-g", str(FIXTURE), "--kind", "nonsense").exit_code == 2
    assert cli("cosign", "-g", str(FIXTURE), "-f", "xlsx").exit_code == 2
    for args in (["cosign"], ["measures", "cosign"], ["plot", "cosign", "-o", "x.png"],
                 ["timeline", "-o", "x.png"]):
        result = cli(*args, "-g", str(FIXTURE), "--scope", "reference")
        assert result.exit_code == 2, args
        assert "--scope" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (Path.cwd() / "x.png").exists()


def test_cli_scope(cli, tmp_path):
    def ru_tj(*args: str) -> str:
        result = cli("cosign", "-g", str(FIXTURE), "-f", "csv", *args)
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        return next(r["weight"] for r in rows if {r["source"], r["target"]} == {"RU", "TJ"})
    assert ru_tj() == ru_tj("--scope", "all") == "3" and ru_tj("--scope", "documents") == "2"
    bipartite = cli("bipartite", "-g", str(FIXTURE), "-f", "csv", "--scope", "documents")
    assert bipartite.exit_code == 0 and "CN" not in bipartite.stdout
    assert SCO_CHARTER not in bipartite.stdout and ALMA_ATA in bipartite.stdout
    rows = json.loads(cli("measures", "cosign", "-g", str(FIXTURE), "--scope", "documents",
                          "-f", "json").stdout)
    assert len(rows) == 11 and "CN" not in {r["node"] for r in rows}
    years = json.loads(cli("measures", "cosign", "-g", str(FIXTURE), "--per-year", "--scope",
                           "documents", "--from", "2002", "--to", "2002", "-f", "json").stdout)
    assert [y["weight"] for y in years] == [56]             # no SCO Charter in 2002
    for args in (["plot", "cosign"], ["timeline", "--by", "state"], ["timeline"]):
        out = tmp_path / f"{'-'.join(args)}.png"
        result = cli(*args, "-g", str(FIXTURE), "--scope", "documents", "-o", str(out))
        assert result.exit_code == 0, result.output
        assert png_size(out)[0] > 1000
    for command in ("cosign", "measures", "plot", "timeline"):
        assert "--scope" in cli(command, "--help").stdout


def test_cli_plot_and_timeline(cli, tmp_path):
    png = tmp_path / "cosign.png"
    result = cli("plot", "cosign", "-g", str(FIXTURE), "-o", str(png), "--lang", "ru")
    assert result.exit_code == 0, result.output
    assert png.stat().st_size > 10_000 and png_size(png) == (1650, 1350)
    for by in ("kind", "state"):
        out = tmp_path / f"timeline-{by}.png"
        result = cli("timeline", "-g", str(FIXTURE), "-o", str(out), "--by", by)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 10_000 and png_size(out)[0] > 1000
    assert not list(tmp_path.glob(".*.tmp"))          # written atomically, nothing left over


def test_labels_without_a_font_fall_back_to_english(graph, tmp_path):
    from pskg.network.fonts import family_for
    for label in ("Россия", "Հայաստան", "საქართველო"):   # Cyrillic, Armenian, Georgian
        assert family_for(label), label
    with pytest.warns(UserWarning) if family_for("俄罗斯") is None else nullcontext():
        notes = pn.plot_network(pn.cosignature(graph, lang="zh"), tmp_path / "zh.png")
    if family_for("俄罗斯") is None:
        assert any("'Russia'" in n for n in notes)

