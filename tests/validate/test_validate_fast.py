"""The fast validator (shapes compiled to SPARQL, run in pyoxigraph) reports exactly what
pyshacl reports: on the bundled corpus and on graphs broken on purpose, one rule each."""
from __future__ import annotations

import logging

import pytest
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, OWL, RDF, SH, XSD

from pskg.paths import DATA_DIR
from pskg.rdf.namespaces import OA, PSKG, PSKGID, REFERENCE_GRAPH, ROLE, TOPIC
from pskg.store import bulk
from pskg.validate import fast as validate_fast
from pskg.validate import load_shapes
from pskg.validate import validate as pyshacl_validate

logging.getLogger("rdflib.term").setLevel(logging.CRITICAL)   # ill-typed literals on purpose


def _key(node):
    if isinstance(node, BNode):
        return "_:b"                  # blank nodes are renamed on load: compare their places
    if isinstance(node, Literal):
        return (str(node), str(node.datatype or ("" if node.language else XSD.string)),
                node.language)
    return None if node is None else str(node)


def keys(results) -> list:
    return sorted({str((_key(r.focus), _key(r.path), _key(r.value), str(r.component),
                        str(r.shape), str(r.severity))) for r in results})


@pytest.fixture(scope="module")
def corpus():
    from pskg.pipeline import build
    return build(DATA_DIR / "corpus", validate=False)


def _copy(ds: Dataset) -> Dataset:
    out = Dataset()
    out.addN(ds.quads((None, None, None, None)))
    return out


def _nth(ds, p, o=None, i=0):
    """The i-th (in a stable order) subject of a document-graph triple (_, p, o)."""
    found = sorted({(s, g) for s, _, _, g in ds.quads((None, p, o, None)) if g != REFERENCE_GRAPH},
                   key=str)
    s, g = found[i % len(found)]
    return s, ds.graph(g)


def break_all(ds: Dataset) -> dict[str, set[str]]:
    """Break one rule per case, each on its own node; the components each case must raise."""
    ref = ds.graph(REFERENCE_GRAPH)
    s, g = _nth(ds, RDF.type, PSKG.Signatory, 0)          # a signatory not a party (and 2 states)
    g.add((s, PSKG.onBehalfOf, PSKGID["state/FR"]))
    s, g = _nth(ds, PSKG.dateSigned, None, 0)              # bad date
    g.remove((s, PSKG.dateSigned, None))
    g.add((s, PSKG.dateSigned, Literal("1991-02-30", datatype=XSD.date)))
    s, g = _nth(ds, RDF.type, PSKG.Obligation, 0)          # missing bearer
    g.remove((s, PSKG.bearer, None))
    s, g = _nth(ds, RDF.type, PSKG.Obligation, 1)          # modality, topic, article number
    g.add((s, PSKG.modality, PSKG.Maybe))
    g.add((s, PSKG.topic, ROLE.president))
    g.add((s, PSKG.articleNumber, Literal("")))
    s, g = _nth(ds, DCTERMS.title, None, 0)                # bad language tags
    g.add((s, DCTERMS.title, Literal("Alma-Ata Declaration", lang="english")))
    g.add((s, DCTERMS.title, Literal("Декларация", lang="ru-1")))
    ref.add((PSKGID["state/RU"], PSKG.isoCode, Literal("RF")))   # a state with two ISO codes
    ref.add((PSKGID["state/KZ"], PSKG.isoCode, Literal("kz")))
    s, g = _nth(ds, RDF.type, PSKG.Evidence, 0)            # evidence start > end, negative
    g.remove((s, OA.end, None))
    g.add((s, OA.end, Literal(0, datatype=XSD.integer)))
    g.add((s, OA.start, Literal(-3, datatype=XSD.integer)))
    s, g = _nth(ds, RDF.type, PSKG.Evidence, 1)            # evidence with a start only
    g.remove((s, OA.end, None))
    s, g = _nth(ds, PSKG.party, None, 0)                   # a party that is a person
    g.add((s, PSKG.party, PSKGID["person/boris-yeltsin"]))
    s, g = _nth(ds, RDF.type, PSKG.Signatory, 1)           # a role outside role:scheme
    g.add((s, PSKG.role, TOPIC.economy))
    g.add((s, PSKG.roleLabel, Literal("President")))
    s, g = _nth(ds, RDF.type, PSKG.Document, 0)            # document fields
    g.remove((s, PSKG.genre, None))
    g.add((s, PSKG.contentHash, Literal("sha256:XYZ")))
    g.remove((s, DCTERMS.language, None))
    g.add((s, DCTERMS.language, Literal("ru_RU", datatype=XSD.language)))
    g.add((s, DCTERMS.creator, PSKGID["state/RU"]))
    tenure = sorted(ref.subjects(PSKG.start, None), key=str)[0]  # a tenure ending before it starts
    ref.add((tenure, PSKG.end, Literal("1900-01-01", datatype=XSD.date)))
    s, g = _nth(ds, RDF.type, PSKG.Instrument, 0)          # depositary, sameAs, historic
    g.add((s, PSKG.depositary, PSKGID["person/boris-yeltsin"]))
    ref.add((PSKGID["state/GE"], OWL.sameAs, Literal("Q230")))
    ref.add((PSKGID["state/GE"], PSKG.historic, Literal("no")))
    e = BNode()                                            # a blank-node evidence
    g.add((e, RDF.type, PSKG.Evidence))
    g.add((e, RDF.subject, Literal("x")))
    g.add((e, OA.start, Literal("7", datatype=XSD.integer)))
    expected = {"SPARQL", "MaxCount", "Datatype", "MinCount", "In", "Node", "Class", "MinLength",
                "Pattern", "MinInclusive", "Or", "NodeKind"}
    return {str(SH[f"{name}ConstraintComponent"]) for name in expected}


@pytest.fixture(scope="module")
def broken(corpus):
    ds = _copy(corpus.dataset)
    components = break_all(ds)
    return ds, components


def test_same_results_on_the_corpus(corpus):
    shapes = load_shapes()
    fast = validate_fast.validate(corpus.dataset, shapes)
    slow = pyshacl_validate(corpus.dataset, shapes)
    assert keys(fast.results) == keys(validate_fast.pyshacl_results(slow.report_graph))
    assert fast.conforms == slow.conforms


def test_same_results_on_broken_graphs(broken):
    ds, components = broken
    shapes = load_shapes()
    fast = validate_fast.validate(ds, shapes)
    slow = pyshacl_validate(ds, shapes)
    expected = keys(validate_fast.pyshacl_results(slow.report_graph))
    assert keys(fast.results) == expected
    assert len(expected) >= 25 and not fast.conforms and not slow.conforms
    assert components <= {str(r.component) for r in fast.results}
    # the user-facing report too: messages, severities, node shapes and source spans
    def view(report):
        return sorted(str((_key(v.focus_node), _key(v.path), _key(v.value), v.severity,
                           str(v.shape), v.source_document, v.source_span, v.message))
                      for v in report.violations)
    assert view(fast) == view(slow)


def test_every_input_gives_the_same_results(broken, tmp_path):
    import pyoxigraph as ox
    ds, _ = broken
    expected = keys(validate_fast.validate(ds).results)
    nquads = "".join(f"{bulk.nt(s)} {bulk.nt(p)} {bulk.nt(o)} {bulk.nt(g)} .\n"
                     for s, p, o, g in ds.quads((None, None, None, None))).encode()
    assert keys(validate_fast.validate(nquads).results) == expected
    (tmp_path / "g.nq").write_bytes(nquads)
    assert keys(validate_fast.validate(tmp_path / "g.nq", threads=1).results) == expected
    store = ox.Store()
    store.load(nquads, ox.RdfFormat.N_QUADS, lenient=True)
    assert keys(validate_fast.validate(store).results) == expected
    # a pskg store (facts graph beside the document graphs) is read through its facts graph,
    # with the same results and sources, and is left exactly as it was
    from pskg.store import facts
    facts.build(store)
    before = sorted(map(str, store))
    report = validate_fast.validate(store)
    assert keys(report.results) == expected
    assert sorted(map(str, store)) == before
    assert [v.source_span for v in report.violations] == \
        [v.source_span for v in validate_fast.validate(ds).violations]


def test_bulk_nquads_are_the_pipeline_dataset(corpus):
    import pyoxigraph as ox

    from pskg.pipeline import to_dataset
    dataset, _ = to_dataset(corpus.records)
    expected = ox.Store()
    expected.load(dataset.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
    got = ox.Store()
    count = bulk.load_records(got, corpus.records)
    named = [q for q in got if not isinstance(q.graph_name, ox.DefaultGraph)]
    assert set(map(str, named)) == set(map(str, expected)) and count == len(expected)
    # and beside them the facts graph queries read: their union, each triple once
    assert {q.triple for q in got.quads_for_pattern(None, None, None, ox.DefaultGraph())} == \
        {q.triple for q in named}


def test_unsupported_shapes_fall_back_to_pyshacl(corpus):
    shapes = Graph()
    shapes.parse(data="""@prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix pskg: <https://w3id.org/pskg/ontology#> . @prefix dcterms: <http://purl.org/dc/terms/> .
        <urn:s> a sh:NodeShape ; sh:targetClass pskg:Instrument ;
            sh:property [ sh:path dcterms:title ; sh:uniqueLang true ] .""", format="turtle")
    from pskg.validate.checks import compile_checks
    from pskg.validate.compile import Unsupported
    with pytest.raises(Unsupported):
        compile_checks(shapes)
    report = validate_fast.validate(corpus.dataset, shapes)
    assert report.conforms == pyshacl_validate(corpus.dataset, shapes).conforms


def test_an_ill_typed_language_literal_fails_sh_datatype_in_both(broken):
    """"ru_RU"^^xsd:language is outside xsd:language's lexical space: a Datatype result in
    pyshacl and in the compiled validator, besides the BCP 47 rule's."""
    ds, _ = broken
    bad = Literal("ru_RU", datatype=XSD.language)
    datatype = str(SH.DatatypeConstraintComponent)
    fast = {(str(r.component), str(r.value)) for r in validate_fast.validate(ds).results}
    slow = {(str(r.component), str(r.value))
            for r in validate_fast.pyshacl_results(pyshacl_validate(ds).report_graph)}
    assert (datatype, str(bad)) in fast and (datatype, str(bad)) in slow


@pytest.mark.parametrize("lexical, ill", [("ru", False), ("zh-Hant", False), ("sr-Latn-RS", False),
                                          ("x-private1", False), ("ru_RU", True), ("", True),
                                          ("russian1", True), ("ru-", True), ("toolongtag", True)])
def test_xsd_language_lexical_space(lexical, ill):
    from pskg.validate.datatypes import retyped
    assert retyped(Literal(lexical, datatype=XSD.language)).ill_typed is ill


def test_a_document_that_breaks_a_rule_is_traced_to_itself_alone(corpus):
    """The source of a Document's violation is read from the document itself: one row, not
    one per evidence node of the store (which stopped the 100k validation)."""
    import pyoxigraph as ox

    from pskg.validate.trace import _evidence
    store, scope = validate_fast.data_store(corpus.dataset)
    ds = corpus.dataset
    docs = sorted({q[0] for q in ds.quads((None, RDF.type, PSKG.Document, None))}, key=str)
    evidence = {q[0] for q in ds.quads((None, RDF.type, PSKG.Evidence, None))}
    assert len(docs) >= 2 and len(evidence) > 100
    found = _evidence(store, scope, docs)
    for doc in docs:
        assert list(found[doc][1]) == [doc], doc
        assert found[doc][1][doc]["name"] == next(q[2] for q in ds.quads((doc, PSKG.fileName, None, None)))
    assert isinstance(store, ox.Store)


def test_only_a_filter_of_the_where_group_itself_becomes_an_anti_join():
    """`FILTER NOT EXISTS { $this p ?x }` reads as MINUS only where the focus nodes are joined
    first: in an OPTIONAL, a UNION branch or a comment it stays as written."""
    from pskg.validate.compile import anti_joins
    q = ("SELECT ?this WHERE { ?this a <urn:C> . FILTER NOT EXISTS { $this <urn:p> ?x } "
         "OPTIONAL { ?y <urn:r> ?z FILTER NOT EXISTS { $this <urn:p> ?w } } "
         "{ } UNION { FILTER NOT EXISTS { $this <urn:q> ?v } } "
         "FILTER NOT EXISTS { $this <urn:s> ?y }  # FILTER NOT EXISTS { $this <urn:p> ?u }\n }")
    out = anti_joins(q)
    assert "MINUS { $this <urn:p> ?x }" in out                 # the group's own filter
    assert out.count("FILTER NOT EXISTS") == 4                 # ?w, ?v, ?y (used elsewhere), comment


def test_compiled_checks_are_the_same_text_in_every_process():
    """The focus of a shape with several targets is a UNION in the order of the targets' IRIs,
    not of a set that Python's hash seed orders differently from one process to the next."""
    import os
    import subprocess
    import sys
    code = ("from pskg.validate.checks import compile_checks\n"
            "from pskg.validate.shacl import load_shapes\n"
            "print('\\n'.join(c.query for c in compile_checks(load_shapes())))")
    texts = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(texts) == 1 and "UNION" in texts.pop()
