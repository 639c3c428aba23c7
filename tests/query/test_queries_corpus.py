"""Every named query (queries/*.rq) answered on the real build of the bundled corpus.

Each answer is computed twice — rdflib on the built Dataset, and pyoxigraph on an in-memory
store loaded from the build's N-Quads — and the two engines must agree row for row before
the facts are checked. The facts are those the corpus guarantees (dates, parties, signers,
articles, quotes); instrument IRIs that carry an extractor's hash are looked up through the
documents, never written down.
"""
from __future__ import annotations

import itertools

import pyoxigraph as ox
import pytest
from test_queries import QUERIES, answers

from pskg.paths import DATA_DIR
from pskg.rdf.export import serialize

ALMA_ATA_11 = {"AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ", "UA"}
ASHGABAT_5 = {"KZ", "KG", "TJ", "TM", "UZ"}
KINDS = {"treaty", "agreement", "declaration", "protocol", "charter", "memorandum", "convention",
         "otherinstrument"}
FILES = ["000_d1fe126822aa21fe.txt", "001_1cb44d360a641795.txt", "002_908f6d12311fabf0.txt",
         "003_1f89d4818b46517d.txt", "004_d46ed51089153c0c.txt"]
CST = "pskgid:instrument/1992-05-15-treaty-collective-security-treaty"   # reference instrument
COVERED = {"citing_instruments", "consent_timeline", "cosignatories", "documents",
           "instruments_by_kind", "instruments_in_force_for", "parties_as_of",
           "instruments_of_state", "never_party_together", "obligations_of_state",
           "persons_of_state", "provenance", "signatories_of_instrument", "timeline"}


@pytest.fixture(scope="module")
def store(corpus_build):
    """pyoxigraph, in memory, loaded from the build's N-Quads."""
    s = ox.Store()
    s.load(serialize(corpus_build.dataset, "nq"), format=ox.RdfFormat.N_QUADS)
    return s


@pytest.fixture(scope="module")
def ask(corpus_graph, store):
    """The rows of a named query; both engines must give the same rows in the same order."""
    def run(name: str, ordered: bool = True, **params: str) -> list[tuple[str, ...]]:
        by_rdflib = answers(name, corpus_graph, params, ordered=ordered)
        by_oxigraph = answers(name, store, params, ordered=ordered)
        assert by_rdflib == by_oxigraph, (name, params)
        return by_rdflib
    return run


@pytest.fixture(scope="module")
def docs(ask) -> dict[str, tuple[str, ...]]:
    """file name → (document, file, language, genre, relation, instrument)."""
    return {row[1]: row for row in ask("documents")}


def instrument(docs, file_name: str) -> str:
    return docs[file_name][5]


@pytest.fixture(scope="module")
def alma_ata(docs):
    return instrument(docs, FILES[0])


@pytest.fixture(scope="module")
def ashgabat(docs):
    return instrument(docs, FILES[3])


@pytest.fixture(scope="module")
def treaty_1999(docs):
    return instrument(docs, FILES[4])


def test_documents(ask, docs, alma_ata):
    rows = ask("documents")
    assert [r[1] for r in rows] == FILES                       # one row per document, in order
    assert [r[2] for r in rows] == ["ka", "zh", "en", "kk", "zh"]
    assert [r[3] for r in rows] == ["PrimaryText", "SecondaryText", "SecondaryText",
                                    "PrimaryText", "TransmittalLetter"]
    assert [r[4] for r in rows] == ["isTextOf", "describes", "describes", "isTextOf", "transmits"]
    assert len({r[0] for r in rows}) == 5
    assert all(r[0].startswith("pskgid:document/") for r in rows)
    assert alma_ata == instrument(docs, FILES[1])              # Georgian text, Chinese article
    assert instrument(docs, FILES[2]) != alma_ata              # the Alma-Ata Protocol
    assert alma_ata.startswith("pskgid:instrument/1991-12-21-declaration-")


def test_instruments_by_kind(ask, alma_ata):
    rows = ask("instruments_by_kind")
    counts = {kind: int(n) for kind, n in rows}
    assert set(counts) <= KINDS
    assert [n for _, n in rows] == sorted((n for _, n in rows), key=int, reverse=True)
    assert counts["declaration"] >= 2          # Alma-Ata 1991, Ashgabat 2024
    assert counts["treaty"] >= 2               # Collective Security 1992, RU–TJ 1999
    assert counts["protocol"] >= 1             # Alma-Ata Protocol
    timeline = ask("timeline", ordered=False)
    assert sum(counts.values()) == len({r[1] for r in timeline})


def test_instruments_of_state(ask, alma_ata, ashgabat, treaty_1999):
    rows = ask("instruments_of_state", state="KZ")
    by_iri = {r[0]: r for r in rows}
    assert by_iri[alma_ata][1:4] == ("declaration", "Alma-Ata Declaration", "1991-12-21")
    assert by_iri[alma_ata][4] == "Almaty"
    assert by_iri[ashgabat][1] == "declaration" and by_iri[ashgabat][3] == "2024-11-08"
    assert by_iri[ashgabat][4] == "Ashgabat"
    assert treaty_1999 not in by_iri                         # Kazakhstan is not its party
    assert [r[3] for r in rows] == sorted(r[3] for r in rows)

    since_2000 = ask("instruments_of_state", state="KZ", **{"from": "2000-01-01"})
    iris = {r[0] for r in since_2000}
    assert ashgabat in iris and alma_ata not in iris
    assert all(r[3] >= "2000-01-01" for r in since_2000)
    assert iris == {r[0] for r in rows if r[3] >= "2000-01-01"}

    until_1991 = ask("instruments_of_state", state="KZ", to="1991-12-31")
    assert alma_ata in {r[0] for r in until_1991} and ashgabat not in {r[0] for r in until_1991}

    tajik = {r[0]: r for r in ask("instruments_of_state", state="TJ", lang="ru")}
    assert tajik[treaty_1999][1] == "treaty" and tajik[treaty_1999][3] == "1999-04-16"
    assert {alma_ata, ashgabat, treaty_1999} <= set(tajik)


def test_cosignatories(ask, alma_ata):
    rows = ask("cosignatories")
    shared = {(a, b): int(n) for a, b, n in rows}
    assert all(a < b for a, b in shared)
    assert [int(n) for *_, n in rows] == sorted((int(n) for *_, n in rows), reverse=True)
    assert shared[("RU", "TJ")] >= 2          # Alma-Ata 1991, allied cooperation 1999
    assert shared[("KG", "KZ")] >= 2          # Alma-Ata 1991, Ashgabat 2024
    assert shared[("KZ", "TJ")] >= 2
    for a, b in itertools.combinations(sorted(ALMA_ATA_11), 2):
        assert shared[(a, b)] >= 1

    tajik = ask("cosignatories", state="TJ")
    assert all(a == "TJ" for a, _, _ in tajik)
    assert {b for _, b, _ in tajik} >= ALMA_ATA_11 - {"TJ"}
    for _, b, n in tajik:                     # the same counts as the pairs without a state
        assert int(n) == shared[tuple(sorted(("TJ", b)))]


def test_signatories_of_alma_ata_declaration_in_russian(ask, corpus_graph, alma_ata):
    from rdflib import URIRef
    from rdflib.namespace import RDFS

    rows = ask("signatories_of_instrument", instrument=alma_ata, lang="ru")
    assert len(rows) == 11
    assert all(r[0] == alma_ata for r in rows)
    assert {r[3] for r in rows} == ALMA_ATA_11
    assert len({r[1] for r in rows}) == 11
    by_state = {r[3]: r for r in rows}
    assert by_state["RU"][1] == "pskgid:person/boris-yeltsin" and "Ельцин" in by_state["RU"][2]
    assert by_state["KZ"][1] == "pskgid:person/nursultan-nazarbayev"
    assert "Назарбаев" in by_state["KZ"][2]
    assert by_state["UA"][1] == "pskgid:person/leonid-kravchuk"
    assert by_state["RU"][4] == "Россия"
    for r in rows:                            # the Russian label wherever the data has one
        person = URIRef(r[1].replace("pskgid:", "https://w3id.org/pskg/id/"))
        russian = {str(label) for label in corpus_graph.objects(person, RDFS.label)
                   if label.language == "ru"}
        if russian:
            assert r[2] in russian, r

    english = ask("signatories_of_instrument", instrument=alma_ata)
    assert {r[1] for r in english} == {r[1] for r in rows}
    assert {r[3]: r[2] for r in english}["RU"] == "Boris Yeltsin"


def test_signatories_of_every_instrument(ask, alma_ata, treaty_1999, ashgabat):
    rows = ask("signatories_of_instrument")
    per_instrument = {}
    for r in rows:
        per_instrument.setdefault(r[0], set()).add((r[1], r[3]))
    assert {("pskgid:person/boris-yeltsin", "RU"),
            ("pskgid:person/emomali-rahmon", "TJ")} == per_instrument[treaty_1999]
    assert len(per_instrument[alma_ata]) == 11
    assert ashgabat not in per_instrument                    # the Kazakh text names no signers


def test_obligations_of_state(ask, treaty_1999, ashgabat):
    rows = ask("obligations_of_state", state="TJ", topic="topic:atop_defence")
    assert rows
    assert all(r[3] == "topic:atop_defence" for r in rows)
    article_4 = [r for r in rows if r[0] == treaty_1999 and r[1] == "4"]
    assert len(article_4) == 1
    assert article_4[0][2] in {"Binding", "Intended", "Recommended"}
    assert "1992" in article_4[0][5]          # the Collective Security Treaty of 15 May 1992

    everything = ask("obligations_of_state", state="TJ", ordered=False)
    articles_1999 = {r[1] for r in everything if r[0] == treaty_1999}
    assert {str(n) for n in range(1, 13)} == articles_1999
    assert ashgabat in {r[0] for r in everything}
    assert set(rows) <= set(everything)

    armenia = {r[0] for r in ask("obligations_of_state", state="AM")}
    assert not armenia & {treaty_1999, ashgabat}            # Armenia is party to neither


def test_citing_instruments(ask, treaty_1999):
    rows = ask("citing_instruments", instrument=CST)
    by_iri = {r[0]: r for r in rows}
    assert treaty_1999 in by_iri
    assert by_iri[treaty_1999][1:2] == ("treaty",)
    assert by_iri[treaty_1999][3:] == ("1999-04-16", "true")
    assert treaty_1999 not in {r[0] for r in ask("citing_instruments", instrument=treaty_1999)}


def test_provenance_of_the_1999_treaty_date(ask, treaty_1999):
    rows = ask("provenance", subject=treaty_1999, predicate="pskg:dateSigned")
    assert len(rows) == 1
    graph, document, file_name, subject, predicate, obj, exact, start, end, rule = rows[0]
    assert file_name == FILES[4]
    assert graph == document.replace("pskgid:document/", "pskgid:graph/")
    assert (subject, predicate, obj) == (treaty_1999, "pskg:dateSigned", "1999-04-16")
    assert "1999" in exact
    assert int(start) < int(end)


def test_provenance_quotes_are_the_document_text(ask, treaty_1999):
    """Every quote is exactly the span of the document's decoded text that its offsets name."""
    from pskg.read import read

    rows = ask("provenance", ordered=False)
    assert {r[2] for r in rows} == set(FILES)
    texts = {name: read(DATA_DIR / "corpus" / name).text for name in FILES}
    for graph, document, file_name, *_, exact, start, end, rule in rows:
        assert texts[file_name][int(start):int(end)] == exact, (file_name, start, end, rule)
    parties = ask("provenance", subject=treaty_1999, predicate="pskg:party", ordered=False)
    assert {r[5] for r in parties} == {"pskgid:state/RU", "pskgid:state/TJ"}
    assert all(r[2] == FILES[4] for r in parties)


def test_never_party_together(ask):
    rows = ask("never_party_together")
    pairs = set(rows)
    assert all(a < b for a, b in pairs)
    for pair in itertools.combinations(sorted(ALMA_ATA_11), 2):
        assert pair not in pairs              # all eleven are parties of the 1991 declaration
    together = {(a, b) for a, b, _ in ask("cosignatories", ordered=False)}
    assert not pairs & together
    states = {s for pair in together for s in pair}
    assert pairs | together == set(itertools.combinations(sorted(states), 2))

    russia = ask("never_party_together", state="RU")
    assert all("RU" in pair for pair in russia)
    assert set(russia) == {p for p in pairs if "RU" in p}


def test_timeline(ask, alma_ata, ashgabat, treaty_1999):
    rows = ask("timeline")
    dates = [r[0] for r in rows]
    undated = [d for d in dates if d == ""]
    assert dates[:len(undated)] == undated                  # undated ones first
    assert dates[len(undated):] == sorted(dates[len(undated):])
    by_iri = {r[1]: r for r in rows}
    assert by_iri[alma_ata] == (
        "1991-12-21", alma_ata, "declaration", "Alma-Ata Declaration", "11")
    assert by_iri[treaty_1999][0] == "1999-04-16" and by_iri[treaty_1999][4] == "2"
    assert by_iri[ashgabat][0] == "2024-11-08" and by_iri[ashgabat][4] == "5"
    corpus = [r[1] for r in rows if r[1] in {alma_ata, treaty_1999, ashgabat}]
    assert corpus == [alma_ata, treaty_1999, ashgabat]       # in the order they were signed
    assert all(k in KINDS for k in (r[2] for r in rows))

    nineties = ask("timeline", **{"from": "1991-12-21", "to": "1999-12-31"})
    assert nineties[0][0] == "1991-12-21"
    assert all("1991-12-21" <= r[0] <= "1999-12-31" for r in nineties)
    assert {alma_ata, treaty_1999} <= {r[1] for r in nineties}
    assert ashgabat not in {r[1] for r in nineties}
    assert nineties == [r for r in rows if "1991-12-21" <= r[0] <= "1999-12-31"]


def test_persons_of_state(ask):
    rows = ask("persons_of_state", state="RU", lang="ru")
    yeltsin = [r for r in rows if r[0] == "pskgid:person/boris-yeltsin"]
    assert {r[1] for r in yeltsin} == {"Борис Ельцин"}
    assert max(int(r[3]) for r in yeltsin) >= 2   # the Alma-Ata Declaration and the 1999 treaty
    tajik = {}
    for person, _, _, signed in ask("persons_of_state", state="TJ"):
        tajik[person] = max(tajik.get(person, 0), int(signed))
    assert tajik["pskgid:person/emomali-rahmon"] >= 1       # the 1999 treaty
    assert tajik["pskgid:person/rahmon-nabiyev"] >= 1       # the Alma-Ata Declaration


def test_parties_of_the_collective_security_treaty_on_three_dates(ask):
    """Curated events (data/reference/events.tsv): in force from 20 April 1994, Azerbaijan,
    Belarus and Georgia acceded in 1993, Azerbaijan, Georgia and Uzbekistan left in 1999."""
    def parties(day):
        return {row[0]: row for row in ask("parties_as_of", instrument=CST, date=day)}
    assert parties("1993-01-01") == {}                   # signed, not yet in force
    in_1995 = parties("1995-01-01")
    assert set(in_1995) == {"AM", "AZ", "BY", "GE", "KG", "KZ", "RU", "TJ", "UZ"}
    assert in_1995["AZ"][2:] == ("1993-09-24", "1993-09-24")    # since, ratified (accession)
    assert in_1995["RU"][1:] == ("Russia", "1992-05-15", "")
    assert set(parties("2000-01-01")) == {"AM", "BY", "KG", "KZ", "RU", "TJ"}


def test_parties_of_the_alma_ata_declaration_before_and_after_signing(ask, alma_ata):
    assert ask("parties_as_of", instrument=alma_ata, date="1991-12-20") == []
    assert {row[0] for row in ask("parties_as_of", instrument=alma_ata,
                                  date="1991-12-21")} == ALMA_ATA_11


def test_instruments_in_force_for_uzbekistan(ask, alma_ata):
    def bound(day):
        return {row[0] for row in ask("instruments_in_force_for", state="UZ", date=day)}
    csto = "pskgid:instrument/2002-10-07-charter-csto-charter"
    assert CST in bound("1995-01-01") and csto not in bound("1995-01-01")
    assert CST not in bound("2000-01-01")                 # left in 1999
    assert csto in bound("2010-01-01") and alma_ata in bound("2010-01-01")   # rejoined 2006
    assert csto not in bound("2013-01-01")                # suspended June 2012
    assert bound("1990-01-01") == set()


def test_consent_timeline_curated_and_extracted(ask, alma_ata):
    cst = ask("consent_timeline", instrument=CST)
    assert [r[0] for r in cst] == sorted(r[0] for r in cst)
    by = {(r[1], r[2]): r for r in cst}
    assert by[("entry_into_force", "")][:4] == ("1994-04-20", "entry_into_force", "", "curated")
    assert "Wikipedia" in by[("accession", "GE")][4]
    assert by[("withdrawal", "UZ")][0] == "1999-04-20"
    assert "Jamestown" in by[("withdrawal", "UZ")][4]
    declaration = ask("consent_timeline", instrument=alma_ata)
    signed = [r for r in declaration if r[1] == "signature"]
    assert {r[2] for r in signed} == ALMA_ATA_11
    assert all(r[3] == "extracted" and r[4] == FILES[0] and r[5] for r in signed)


def test_every_query_is_covered():
    """A new queries/*.rq needs its own test here."""
    assert {p.stem for p in QUERIES.glob("*.rq")} == COVERED
