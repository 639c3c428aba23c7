"""The networks of the bundled corpus, read from the output of the `pskg network` commands
(issue: network analysis of who binds whom)."""
from __future__ import annotations

import csv
import io
import itertools
import struct

import networkx as nx
import pytest
from rdflib import Literal
from rdflib.namespace import XSD
from typer.testing import CliRunner

from pskg.cli import app
from pskg.rdf.export import export
from pskg.rdf.namespaces import PSKG

CENTRAL_ASIA = ("KZ", "KG", "TJ", "TM", "UZ")
PREFIX = """PREFIX pskg: <https://w3id.org/pskg/ontology#>
"""


@pytest.fixture(scope="module")
def trig(corpus_build, tmp_path_factory):
    path = tmp_path_factory.mktemp("network") / "pskg.trig"
    export(corpus_build.dataset, "trig", path)
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, ["network", *args])
    assert result.exit_code == 0, result.output
    return result.stdout          # the data; notes go to stderr


def edges(trig, name: str, *args: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(run(name, "-g", str(trig), "-f", "csv", "-o", "-",
                                               *args))))


def instrument_of(graph, file_name: str) -> str:
    rows = list(graph.query(PREFIX + """SELECT ?i WHERE { ?d pskg:fileName ?f ;
        pskg:isTextOf|pskg:describes|pskg:transmits ?i }""", initBindings={"f": Literal(file_name)}))
    return str(rows[0][0])


def shared_instruments(graph, a: str, b: str) -> set[str]:
    query = PREFIX + """SELECT DISTINCT ?i WHERE { ?i a pskg:Instrument ;
        pskg:party/pskg:isoCode ?a ; pskg:party/pskg:isoCode ?b }"""
    return {str(r[0]) for r in graph.query(query, initBindings={"a": Literal(a), "b": Literal(b)})}


def attested(graph) -> set[str]:
    """Instruments a document is the text of, describes or transmits, and those they cite."""
    named = {str(r[0]) for r in graph.query(PREFIX + """SELECT DISTINCT ?i WHERE {
        ?d a pskg:Document ; pskg:isTextOf|pskg:describes|pskg:transmits ?i }""")}
    cited = {str(r[0]) for r in graph.query(PREFIX + """SELECT DISTINCT ?c WHERE {
        ?d a pskg:Document ; pskg:isTextOf|pskg:describes|pskg:transmits ?i .
        ?i pskg:cites ?c }""")}
    return named | cited


def instrument_dated(graph, date: str, kind: str) -> str:
    rows = list(graph.query(PREFIX + """SELECT ?i WHERE { ?i a pskg:Instrument , ?kind ;
        pskg:dateSigned ?date }""", initBindings={
            "date": Literal(date, datatype=XSD.date), "kind": PSKG[kind]}))
    assert len(rows) == 1, (date, kind, rows)
    return str(rows[0][0])


def weight(rows: list[dict], a: str, b: str) -> int:
    found = [r for r in rows if {r["source"], r["target"]} == {a, b}]
    return int(found[0]["weight"]) if found else 0


def test_ru_tj_weight_counts_exactly_the_instruments_both_are_party_to(trig, corpus_graph):
    rows = edges(trig, "cosign")
    shared = shared_instruments(corpus_graph, "RU", "TJ")
    assert instrument_of(corpus_graph, "000_d1fe126822aa21fe.txt") in shared     # Alma-Ata
    assert instrument_of(corpus_graph, "004_d46ed51089153c0c.txt") in shared     # 1999 treaty
    assert weight(rows, "RU", "TJ") == len(shared) >= 2
    edge = next(r for r in rows if {r["source"], r["target"]} == {"RU", "TJ"})
    assert set(edge["instruments"].split(";")) == shared


def test_scope_documents_counts_only_the_instruments_the_corpus_attests(trig, corpus_graph):
    rows = edges(trig, "cosign", "--scope", "documents")
    in_scope = attested(corpus_graph)
    shared = shared_instruments(corpus_graph, "RU", "TJ") & in_scope
    assert instrument_of(corpus_graph, "000_d1fe126822aa21fe.txt") in shared     # Alma-Ata
    assert instrument_of(corpus_graph, "004_d46ed51089153c0c.txt") in shared     # 1999 treaty
    assert weight(rows, "RU", "TJ") == len(shared) >= 2
    edge = next(r for r in rows if {r["source"], r["target"]} == {"RU", "TJ"})
    assert set(edge["instruments"].split(";")) == shared
    every = edges(trig, "cosign", "--scope", "all")
    assert every == edges(trig, "cosign") and weight(every, "RU", "TJ") > len(shared)
    listed = {i for r in rows for i in r["instruments"].split(";")}
    assert listed <= in_scope


def test_cited_instruments_are_attested_reference_only_ones_are_not(trig, corpus_graph):
    cst = instrument_dated(corpus_graph, "1992-05-15", "Treaty")     # Collective Security
    sco = instrument_dated(corpus_graph, "2002-06-07", "Charter")    # SCO Charter
    treaty = instrument_of(corpus_graph, "004_d46ed51089153c0c.txt")
    assert cst in {r["target"] for r in edges(trig, "citations", "--scope", "documents")
                   if r["source"] == treaty}
    assert cst in attested(corpus_graph) and sco not in attested(corpus_graph)
    def instruments(*args: str) -> set[str]:
        rows = edges(trig, "bipartite", *args)
        return {n for r in rows for n in (r["source"], r["target"]) if n.startswith("http")}
    documents, everything = instruments("--scope", "documents"), instruments()
    assert cst in documents and sco in everything and sco not in documents
    assert documents == {i for i in everything if i in attested(corpus_graph)}


def test_every_pair_of_central_asian_states_shares_alma_ata_and_ashgabat(trig, corpus_graph):
    rows = edges(trig, "cosign")
    ashgabat = instrument_of(corpus_graph, "003_1f89d4818b46517d.txt")
    for a, b in itertools.combinations(CENTRAL_ASIA, 2):
        assert weight(rows, a, b) >= 2, (a, b)
        edge = next(r for r in rows if {r["source"], r["target"]} == {a, b})
        assert ashgabat in edge["instruments"].split(";")


def test_the_1999_treaty_cites_the_instruments_it_names(trig, corpus_graph):
    treaty = instrument_of(corpus_graph, "004_d46ed51089153c0c.txt")
    cited = [r for r in edges(trig, "citations") if r["source"] == treaty]
    dates = set()
    for row in cited:
        for (date,) in corpus_graph.query(PREFIX + "SELECT ?d WHERE { ?i pskg:dateSigned ?d }",
                                          initBindings={"i": __import__("rdflib").URIRef(row["target"])}):
            dates.add(str(date))
    assert {"1993-05-25", "1997-06-27", "1992-05-15", "1996-03-29"} <= dates


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_load_back_with_the_same_nodes_edges_and_weights(trig, tmp_path, fmt, reader):
    out = tmp_path / f"cosign.{fmt}"
    run("cosign", "-g", str(trig), "-f", fmt, "-o", str(out))
    loaded = reader(out)
    rows = edges(trig, "cosign")
    nodes = {r["source"] for r in rows} | {r["target"] for r in rows}
    assert set(loaded.nodes) >= nodes
    assert {frozenset((a, b)): int(float(d["weight"])) for a, b, d in loaded.edges(data=True)} == \
        {frozenset((r["source"], r["target"])): int(r["weight"]) for r in rows}


def test_obligations_bind_russia_and_tajikistan_towards_each_other(trig):
    rows = edges(trig, "obligations")
    pairs = {(r["source"], r["target"]) for r in rows}
    assert ("RU", "TJ") in pairs and ("TJ", "RU") in pairs
    assert all(r["source"] != r["target"] for r in rows)


def test_figures_are_valid_pngs(trig, tmp_path):
    for args, name in ((["plot", "cosign"], "cosign.png"), (["timeline"], "timeline.png")):
        out = tmp_path / name
        run(*args, "-g", str(trig), "-o", str(out))
        data = out.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
        width, height = struct.unpack(">II", data[16:24])
        assert width >= 600 and height >= 400 and len(data) > 20_000


def test_cosign_as_of_joins_only_states_bound_that_day(trig):
    """The Collective Security Treaty (reference data with curated events): Georgia acceded in
    1993, the treaty entered into force in 1994, Georgia left in 1999."""
    cst = "1992-05-15-treaty-collective-security-treaty"

    def through_cst(day: str) -> set[frozenset]:
        return {frozenset((e["source"], e["target"])) for e in edges(trig, "cosign", "--as-of", day)
                if cst in e["instruments"]}
    assert through_cst("1993-06-01") == set()                     # not yet in force
    in_1995 = through_cst("1995-01-01")
    assert frozenset(("GE", "RU")) in in_1995 and frozenset(("AZ", "UZ")) in in_1995
    in_2000 = through_cst("2000-01-01")
    assert frozenset(("BY", "RU")) in in_2000
    assert not any({"AZ", "GE", "UZ"} & pair for pair in in_2000)
    plain = {frozenset((e["source"], e["target"])) for e in edges(trig, "cosign")
             if cst in e["instruments"]}
    assert frozenset(("UZ", "RU")) in plain and frozenset(("GE", "RU")) not in plain


def test_as_of_errors_are_one_line(trig):
    for args, message in ((["citations", "--as-of", "2000-01-01"], "state memberships"),
                          (["cosign", "--as-of", "2000-02-30"], "YYYY-MM-DD")):
        result = CliRunner().invoke(app, ["network", *args, "-g", str(trig)])
        assert result.exit_code == 2 and message in result.output
