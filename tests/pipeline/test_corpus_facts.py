"""The facts the bundled corpus must yield (issue: the knowledge graph, end to end).

Each test asks the built graph with SPARQL, as a user would; none reads the extractor's
internals.
"""
from __future__ import annotations

import pytest

PREFIX = """PREFIX pskg: <https://w3id.org/pskg/ontology#>
PREFIX pskgid: <https://w3id.org/pskg/id/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX role: <https://w3id.org/pskg/role/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
ALMA_ATA_11 = {"AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ", "UA"}


def rows(graph, query, **bindings):
    return [tuple(None if v is None else str(v) for v in row)
            for row in graph.query(PREFIX + query, initBindings=bindings)]


def instrument_of(graph, file_name):
    found = rows(graph, """SELECT ?i WHERE { ?d pskg:fileName ?f ;
                  pskg:isTextOf|pskg:describes|pskg:transmits ?i }""",
                 f=__import__("rdflib").Literal(file_name))
    assert len(found) == 1, found
    return __import__("rdflib").URIRef(found[0][0])


def parties(graph, inst):
    return {r[0] for r in rows(graph, "SELECT ?c WHERE { ?i pskg:party/pskg:isoCode ?c }", i=inst)}


def signatories(graph, inst, doc_file):
    """(person label in the document, state code, role local name) of one document's claims."""
    from rdflib import Literal
    q = """SELECT DISTINCT ?person ?code ?role WHERE {
        ?d pskg:fileName ?f . BIND(IRI(CONCAT("https://w3id.org/pskg/id/graph/",
              STRAFTER(STR(?d), "document/"))) AS ?g)
        GRAPH ?g { ?s a pskg:Signatory ; pskg:instrument ?i ; pskg:person ?person ;
                      pskg:onBehalfOf ?st . OPTIONAL { ?s pskg:role ?role } }
        ?st pskg:isoCode ?code }"""
    return {(p.rsplit("/", 1)[-1], c, (r or "").rsplit("/", 1)[-1])
            for p, c, r in rows(graph, q, i=inst, f=Literal(doc_file))}


def test_build_conforms_and_keeps_every_document(corpus_build):
    assert corpus_build.report.conforms, [str(v.message) for v in corpus_build.report.violations]
    assert corpus_build.rejected == {}
    assert len(corpus_build.records) == 5


def test_alma_ata_declaration_is_one_instrument_told_in_georgian_and_chinese(corpus_graph):
    ka = instrument_of(corpus_graph, "000_d1fe126822aa21fe.txt")
    zh = instrument_of(corpus_graph, "001_1cb44d360a641795.txt")
    assert ka == zh
    assert rows(corpus_graph, "SELECT ?d WHERE { ?i pskg:dateSigned ?d }", i=ka) == [("1991-12-21",)]
    assert ("https://w3id.org/pskg/ontology#Declaration",) in rows(
        corpus_graph, "SELECT ?t WHERE { ?i a ?t }", i=ka)
    places = rows(corpus_graph, """SELECT ?l WHERE { ?i pskg:placeSigned/rdfs:label ?l
                                    FILTER(lang(?l) = "en") }""", i=ka)
    assert ("Almaty",) in places
    assert parties(corpus_graph, ka) == ALMA_ATA_11


@pytest.mark.parametrize("doc", ["000_d1fe126822aa21fe.txt", "001_1cb44d360a641795.txt"])
def test_alma_ata_declaration_eleven_signatories_with_states(corpus_graph, doc):
    inst = instrument_of(corpus_graph, doc)
    found = signatories(corpus_graph, inst, doc)
    assert {code for _, code, _ in found} == ALMA_ATA_11
    by_state = {code: (person, role) for person, code, role in found}
    assert by_state["RU"][0] == "boris-yeltsin"
    assert by_state["KZ"][0] == "nursultan-nazarbayev"
    assert by_state["UA"][0] == "leonid-kravchuk"
    assert by_state["BY"][0] == "stanislav-shushkevich"
    assert len(found) == 11
    if doc.startswith("000"):          # the Georgian text gives each signer's office
        assert by_state["BY"][1] == "chairman_supreme_council"
        assert all(role == "president" for code, (_, role) in by_state.items() if code != "BY")


def test_alma_ata_protocol_article(corpus_graph):
    inst = instrument_of(corpus_graph, "002_908f6d12311fabf0.txt")
    assert ("https://w3id.org/pskg/ontology#Protocol",) in rows(
        corpus_graph, "SELECT ?t WHERE { ?i a ?t }", i=inst)
    assert rows(corpus_graph, "SELECT ?d WHERE { ?i pskg:dateSigned ?d }", i=inst) == [("1991-12-21",)]
    assert parties(corpus_graph, inst) == ALMA_ATA_11
    cited = rows(corpus_graph, """SELECT ?c ?d WHERE { ?i pskg:cites ?c .
                                  OPTIONAL { ?c pskg:dateSigned ?d } }""", i=inst)
    dates = [d for _, d in cited]
    assert dates.count("1991-12-30") == 3
    belovezha = [c for c, d in cited if d == "1991-12-08"]
    assert len(belovezha) == 1
    assert parties(corpus_graph, __import__("rdflib").URIRef(belovezha[0])) == {"RU", "UA", "BY"}


def test_russia_tajikistan_treaty(corpus_graph):
    doc = "004_d46ed51089153c0c.txt"
    inst = instrument_of(corpus_graph, doc)
    assert ("https://w3id.org/pskg/ontology#Treaty",) in rows(
        corpus_graph, "SELECT ?t WHERE { ?i a ?t }", i=inst)
    assert rows(corpus_graph, "SELECT ?d WHERE { ?i pskg:dateSigned ?d }", i=inst) == [("1999-04-16",)]
    assert ("Moscow",) in rows(corpus_graph, """SELECT ?l WHERE { ?i pskg:placeSigned/rdfs:label ?l
                                                 FILTER(lang(?l) = "en") }""", i=inst)
    assert parties(corpus_graph, inst) == {"RU", "TJ"}
    assert signatories(corpus_graph, inst, doc) == {
        ("boris-yeltsin", "RU", "president"), ("emomali-rahmon", "TJ", "president")}
    cited = {d for (d,) in rows(corpus_graph, """SELECT ?d WHERE { ?i pskg:cites/pskg:dateSigned ?d }""",
                                i=inst)}
    assert {"1993-05-25", "1997-06-27", "1992-05-15", "1996-03-29"} <= cited
    obligations = rows(corpus_graph, """SELECT ?n (COUNT(DISTINCT ?b) AS ?bearers) (SAMPLE(?m) AS ?mod)
        (COUNT(DISTINCT ?t) AS ?topics) WHERE { ?o a pskg:Obligation ; pskg:instrument ?i ;
        pskg:articleNumber ?n ; pskg:bearer ?b ; pskg:modality ?m . OPTIONAL { ?o pskg:topic ?t } }
        GROUP BY ?n""", i=inst)
    assert sorted(int(n) for n, *_ in obligations) == list(range(1, 13))
    assert all(int(b) >= 1 for _, b, _, _ in obligations)
    assert sum(1 for *_, t in obligations if int(t) >= 1) >= 10
    # the permanent representatives who sign the covering letter are persons, not signatories
    letter = rows(corpus_graph, """SELECT ?p WHERE { ?d pskg:fileName ?f ; dcterms:creator ?p .
                                   ?p a pskg:Person }""", f=__import__("rdflib").Literal(doc))
    assert len(letter) == 2
    signers = rows(corpus_graph, "SELECT ?p WHERE { ?s pskg:instrument ?i ; pskg:person ?p }", i=inst)
    assert not {p for (p,) in letter} & {p for (p,) in signers}


def test_ashgabat_declaration(corpus_graph):
    inst = instrument_of(corpus_graph, "003_1f89d4818b46517d.txt")
    assert rows(corpus_graph, "SELECT ?d WHERE { ?i pskg:dateSigned ?d }", i=inst) == [("2024-11-08",)]
    assert ("Ashgabat",) in rows(corpus_graph, """SELECT ?l WHERE { ?i pskg:placeSigned/rdfs:label ?l
                                                   FILTER(lang(?l) = "en") }""", i=inst)
    assert parties(corpus_graph, inst) == {"KZ", "KG", "TJ", "TM", "UZ"}
    count = rows(corpus_graph, """SELECT (COUNT(?o) AS ?n) WHERE { ?o a pskg:Obligation ;
                                  pskg:instrument ?i }""", i=inst)
    assert int(count[0][0]) == 9
    cited = {d[:4] for (d,) in rows(corpus_graph, "SELECT ?d WHERE { ?i pskg:cites/pskg:dateSigned ?d }",
                                    i=inst)}
    assert {"1954", "1961"} <= cited


def test_every_claim_has_evidence_in_its_document(corpus_graph):
    """Every party, signatory and obligation can say which document and span it came from."""
    missing = rows(corpus_graph, """SELECT ?s WHERE {
        GRAPH ?g { { ?s a pskg:Obligation } UNION { ?s a pskg:Signatory } }
        FILTER NOT EXISTS { GRAPH ?g { ?e rdf:subject ?s ; oa:start ?a ; oa:exact ?x } } }"""
        .replace("SELECT", "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
                           "PREFIX oa: <http://www.w3.org/ns/oa#>\nSELECT", 1))
    assert missing == []
