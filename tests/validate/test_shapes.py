"""The ontology, the SHACL shapes and the validator: a valid graph conforms, each broken
variant reports its own violation, and violations are traced back to their source span."""
from __future__ import annotations

import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from pskg.errors import InputError
from pskg.paths import ONTOLOGY_DIR, ROOT
from pskg.rdf.load import load_graph_file
from pskg.rdf.namespaces import OA, PSKG, PSKGID, REFERENCE_GRAPH, ROLE, TOPIC, document_graph_iri
from pskg.validate.shacl import PSKGSH, format_violation, load_shapes, validate

RU, TJ, KZ = PSKGID["state/RU"], PSKGID["state/TJ"], PSKGID["state/KZ"]
INSTR = PSKGID["instrument/1991-12-21-declaration-alma-ata"]
SIG = PSKGID["signatory/s1"]
OBL = PSKGID["obligation/o1"]
DOC = PSKGID["document/0123456789abcdef"]
PERSON = PSKGID["person/boris-yeltsin"]
PLACE = PSKGID["place/almaty"]
EV_SIG = PSKGID["evidence/e1"]
EV_OBL = PSKGID["evidence/e2"]
DOC_GRAPH = document_graph_iri("0123456789abcdef")
FILE = "001_alma_ata.txt"


def reference(g: Graph) -> None:
    for iri, code, en, ru in [(RU, "RU", "Russia", "Россия"), (TJ, "TJ", "Tajikistan", "Таджикистан"),
                              (KZ, "KZ", "Kazakhstan", "Казахстан")]:
        g.add((iri, RDF.type, PSKG.State))
        g.add((iri, PSKG.isoCode, Literal(code)))
        g.add((iri, RDFS.label, Literal(en, lang="en")))
        g.add((iri, RDFS.label, Literal(ru, lang="ru")))
    g.add((PERSON, RDF.type, PSKG.Person))
    g.add((PERSON, RDFS.label, Literal("Борис Ельцин", lang="ru")))
    g.add((PERSON, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q34453")))
    g.add((PLACE, RDF.type, PSKG.Place))
    g.add((PLACE, RDFS.label, Literal("Алма-Ата", lang="ru")))
    g.add((PLACE, PSKG.inState, KZ))


def document(g: Graph) -> None:
    g.add((DOC, RDF.type, PSKG.Document))
    g.add((DOC, DCTERMS.language, Literal("ru", datatype=XSD.language)))
    g.add((DOC, PSKG.genre, PSKG.PrimaryText))
    g.add((DOC, PSKG.contentHash, Literal("sha256:" + "0123456789abcdef" * 4)))
    g.add((DOC, PSKG.fileName, Literal(FILE)))
    g.add((DOC, PSKG.isTextOf, INSTR))
    g.add((INSTR, RDF.type, PSKG.Instrument))
    g.add((INSTR, RDF.type, PSKG.Declaration))
    g.add((INSTR, DCTERMS.title, Literal("Алма-Атинская декларация", lang="ru")))
    g.add((INSTR, PSKG.dateSigned, Literal("1991-12-21", datatype=XSD.date)))
    g.add((INSTR, PSKG.placeSigned, PLACE))
    g.add((INSTR, PSKG.party, RU))
    g.add((INSTR, PSKG.party, TJ))
    g.add((SIG, RDF.type, PSKG.Signatory))
    g.add((SIG, PSKG.instrument, INSTR))
    g.add((SIG, PSKG.person, PERSON))
    g.add((SIG, PSKG.onBehalfOf, RU))
    g.add((SIG, PSKG.role, ROLE.president))
    g.add((SIG, PSKG.roleLabel, Literal("Президент", lang="ru")))
    g.add((OBL, RDF.type, PSKG.Obligation))
    g.add((OBL, PSKG.instrument, INSTR))
    g.add((OBL, PSKG.articleNumber, Literal("4")))
    g.add((OBL, PSKG.text, Literal("Стороны обязуются ...", lang="ru")))
    g.add((OBL, PSKG.bearer, RU))
    g.add((OBL, PSKG.bearer, TJ))
    g.add((OBL, PSKG.towards, TJ))
    g.add((OBL, PSKG.modality, PSKG.Binding))
    g.add((OBL, PSKG.topic, TOPIC.security_defence))
    evidence(g, EV_SIG, SIG, PSKG.onBehalfOf, RU, 100, 131, "Президент Российской Федерации")
    evidence(g, EV_OBL, OBL, PSKG.bearer, TJ, 400, 420, "Республика Таджикистан")


def evidence(g, ev, s, p, o, start, end, exact):
    g.add((ev, RDF.type, PSKG.Evidence))
    g.add((ev, RDF.subject, s))
    g.add((ev, RDF.predicate, p))
    g.add((ev, RDF.object, o))
    g.add((ev, PROV.wasDerivedFrom, DOC))
    g.add((ev, OA.start, Literal(start, datatype=XSD.integer)))
    g.add((ev, OA.end, Literal(end, datatype=XSD.integer)))
    g.add((ev, OA.exact, Literal(exact)))
    g.add((ev, PSKG.rule, Literal("test")))


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture
def graph() -> Graph:
    g = Graph()
    reference(g)
    document(g)
    return g


def failing(report, message_part: str, path=None):
    """The violations whose message contains `message_part` (and with that path, if given)."""
    return [v for v in report.violations if message_part in v.message
            and (path is None or v.path == path) and v.severity == "Violation"]


def test_valid_graph_conforms(graph, shapes):
    report = validate(graph, shapes)
    assert report.conforms, "\n".join(format_violation(v) for v in report.violations)
    assert report.violations == []


def test_valid_dataset_conforms_across_named_graphs(shapes):
    ds = Dataset()
    reference(ds.graph(REFERENCE_GRAPH))
    document(ds.graph(DOC_GRAPH))
    report = validate(ds, shapes)
    assert report.conforms, "\n".join(format_violation(v) for v in report.violations)


def test_signatory_state_must_be_a_party(graph, shapes):
    graph.set((SIG, PSKG.onBehalfOf, KZ))
    report = validate(graph, shapes)
    assert not report.conforms
    [v] = failing(report, "party of the instrument", PSKG.onBehalfOf)
    assert v.focus_node == SIG and v.value == KZ


@pytest.mark.parametrize("bad", ["1991-02-30", "1991-13-01", "1991-12-8", "1900-02-29"])
def test_bad_date_signed(graph, shapes, bad):
    graph.set((INSTR, PSKG.dateSigned, Literal(bad, datatype=XSD.date)))
    report = validate(graph, shapes)
    assert not report.conforms
    [v] = failing(report, "real calendar day", PSKG.dateSigned)
    assert v.shape == PSKGSH.ValidDateShape and v.value == Literal(bad, datatype=XSD.date)
    assert all(v.focus_node == INSTR for v in report.violations)


def test_leap_day_is_a_valid_date(graph, shapes):
    graph.set((INSTR, PSKG.dateSigned, Literal("1992-02-29", datatype=XSD.date)))
    assert validate(graph, shapes).conforms


def test_two_dates_signed(graph, shapes):
    graph.add((INSTR, PSKG.dateSigned, Literal("1991-12-22", datatype=XSD.date)))
    assert failing(validate(graph, shapes), "at most one date of signing", PSKG.dateSigned)


def test_obligation_missing_bearer(graph, shapes):
    graph.remove((OBL, PSKG.bearer, None))
    report = validate(graph, shapes)
    [v] = failing(report, "at least one bearer", PSKG.bearer)
    assert v.focus_node == OBL


def test_bearer_must_be_a_party(graph, shapes):
    graph.add((OBL, PSKG.bearer, KZ))
    report = validate(graph, shapes)
    [v] = failing(report, "bearer of an obligation must be a party", PSKG.bearer)
    assert v.value == KZ


def test_towards_a_non_party_is_only_a_warning(graph, shapes):
    graph.add((OBL, PSKG.towards, KZ))
    report = validate(graph, shapes)
    assert report.conforms
    assert [v.severity for v in report.violations] == ["Warning"]


@pytest.mark.parametrize("tag", ["e", "toolonglang", "english"])
def test_bad_language_tag(graph, shapes, tag):
    graph.add((PERSON, RDFS.label, Literal("Boris Yeltsin", lang=tag)))
    report = validate(graph, shapes)
    [v] = failing(report, "BCP 47", RDFS.label)
    assert v.focus_node == PERSON


def test_bad_language_tag_on_obligation_text(graph, shapes):
    graph.set((OBL, PSKG.text, Literal("The parties shall ...", lang="toolonglang")))
    assert failing(validate(graph, shapes), "BCP 47", PSKG.text)


@pytest.mark.parametrize("tag", ["en", "ru-RU", "zh-Hant-TW", "sr-Latn", "be-tarask", "x-private"])
def test_good_language_tags(graph, shapes, tag):
    graph.add((PERSON, RDFS.label, Literal("name", lang=tag)))
    assert validate(graph, shapes).conforms


def test_bad_document_language(graph, shapes):
    graph.set((DOC, DCTERMS.language, Literal("russian_1", datatype=XSD.language)))
    assert failing(validate(graph, shapes), "BCP 47", DCTERMS.language)


def test_document_hash_and_genre(graph, shapes):
    graph.set((DOC, PSKG.contentHash, Literal("md5:abc")))
    graph.add((DOC, PSKG.genre, PSKG.SecondaryText))
    report = validate(graph, shapes)
    assert failing(report, "64 lower-case hex", PSKG.contentHash)
    assert failing(report, "exactly one genre", PSKG.genre)


def test_state_with_two_iso_codes(graph, shapes):
    graph.add((RU, PSKG.isoCode, Literal("SU")))
    [v] = failing(validate(graph, shapes), "exactly one ISO code", PSKG.isoCode)
    assert v.focus_node == RU


def test_state_with_lowercase_code(graph, shapes):
    graph.set((TJ, PSKG.isoCode, Literal("tj")))
    [v] = failing(validate(graph, shapes), "two upper-case letters", PSKG.isoCode)
    assert v.focus_node == TJ and v.value == Literal("tj")


def test_state_without_label(graph, shapes):
    graph.remove((TJ, RDFS.label, None))
    assert failing(validate(graph, shapes), "at least one name", RDFS.label)


def test_instrument_needs_its_kind(graph, shapes):
    graph.remove((INSTR, RDF.type, PSKG.Declaration))
    assert failing(validate(graph, shapes), "typed with its kind", RDF.type)


def test_party_must_be_a_state(graph, shapes):
    graph.add((INSTR, PSKG.party, PLACE))
    assert failing(validate(graph, shapes), "must be a state", PSKG.party)


def test_modality_and_topic_must_come_from_the_schemes(graph, shapes):
    graph.set((OBL, PSKG.modality, PSKG.Shall))
    graph.add((OBL, PSKG.topic, ROLE.president))   # a concept, but of the wrong scheme
    report = validate(graph, shapes)
    assert failing(report, "exactly one modality", PSKG.modality)
    assert failing(report, "concepts of topic:scheme", PSKG.topic)
    assert all(v.focus_node == OBL for v in report.violations)   # nested details are folded in


def test_unknown_role(graph, shapes):
    graph.set((SIG, PSKG.role, TOPIC.borders))
    assert failing(validate(graph, shapes), "concept of role:scheme", PSKG.role)


def test_evidence_span_order_and_source(graph, shapes):
    graph.set((EV_OBL, OA.end, Literal(10, datatype=XSD.integer)))
    graph.remove((EV_SIG, PROV.wasDerivedFrom, None))
    report = validate(graph, shapes)
    assert failing(report, "cannot end", OA.end)
    assert failing(report, "exactly one source document", PROV.wasDerivedFrom)


def test_violation_is_traced_to_its_source_span(graph, shapes):
    graph.set((SIG, PSKG.onBehalfOf, KZ))
    graph.set((EV_SIG, RDF.object, KZ))
    [v] = validate(graph, shapes).violations
    assert v.source_document == FILE
    assert v.source_span == (100, 131, "Президент Российской Федерации")
    text = format_violation(v)
    assert "pskgid:signatory/s1" in text and "party of the instrument" in text
    assert f"from {FILE} [100:131] «Президент Российской Федерации»" in text


def test_tracing_prefers_the_evidence_of_the_failing_property(graph, shapes):
    evidence(graph, PSKGID["evidence/e3"], OBL, PSKG.articleNumber, Literal("4"), 5, 9, "Статья 4")
    graph.add((OBL, PSKG.bearer, KZ))
    evidence(graph, PSKGID["evidence/e4"], OBL, PSKG.bearer, KZ, 700, 710, "Казахстан")
    [v] = validate(graph, shapes).violations
    assert v.source_span == (700, 710, "Казахстан")


def test_tracing_falls_back_to_any_evidence_of_the_node(graph, shapes):
    graph.remove((OBL, PSKG.modality, None))
    [v] = validate(graph, shapes).violations
    assert v.path == PSKG.modality and v.source_document == FILE
    assert v.source_span == (400, 420, "Республика Таджикистан")


# --- files -----------------------------------------------------------------------------

def test_load_graph_file_roundtrip(tmp_path, graph, shapes):
    ds = Dataset()
    reference(ds.graph(REFERENCE_GRAPH))
    document(ds.graph(DOC_GRAPH))
    trig = tmp_path / "g.trig"
    ds.serialize(trig, format="trig")
    ttl = tmp_path / "g.ttl"
    graph.serialize(ttl, format="turtle")
    for path in (trig, ttl):
        assert validate(load_graph_file(path), shapes).conforms


def test_ill_typed_date_in_a_file_is_reported_not_raised(tmp_path, shapes):
    f = tmp_path / "bad.ttl"
    f.write_text('@prefix pskg: <https://w3id.org/pskg/ontology#> .\n'
                 '<urn:x:i> a pskg:Instrument, pskg:Treaty ; '
                 'pskg:dateSigned "1991-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .\n')
    report = validate(load_graph_file(f), shapes)
    assert failing(report, "real calendar day", PSKG.dateSigned)


@pytest.mark.parametrize("name,content,problem", [
    ("broken.ttl", "<urn:a> <urn:b> .", "cannot parse as turtle"),
    ("missing.ttl", None, "no such file"),
    ("graph.xyz", "", "unknown RDF file extension"),
])
def test_load_graph_file_errors(tmp_path, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_text(content)
    with pytest.raises(InputError) as err:
        load_graph_file(path)
    message = str(err.value)
    assert name in message and problem in message and "\n" not in message


# --- the ontology is the one source of terms -------------------------------------------

def test_ontology_files_parse():
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        assert len(Graph().parse(path, format="turtle")) > 0, path


def _declared() -> set[URIRef]:
    g = Graph().parse(ONTOLOGY_DIR / "pskg.ttl", format="turtle")
    return {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(PSKG)}


def test_every_pskg_term_in_shapes_is_declared():
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t.startswith(PSKG)}
    for text in shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#select")):
        used |= {PSKG[name] for name in re.findall(r"\bpskg:(\w+)", str(text))}
    dangling = sorted(used - _declared())
    assert not dangling, f"used in shapes.ttl but not declared in pskg.ttl: {dangling}"


def test_every_pskg_term_in_the_contract_is_declared():
    contract = (ROOT / "docs" / "vocabulary-contract.md").read_text(encoding="utf-8")
    used = {PSKG[name] for name in re.findall(r"\bpskg:([A-Za-z]\w*)", contract)}
    dangling = sorted(used - _declared())
    assert not dangling, f"named in docs/vocabulary-contract.md but not declared: {dangling}"


def test_instrument_kinds_and_individuals_have_notations():
    g = Graph().parse(ONTOLOGY_DIR / "pskg.ttl", format="turtle")
    kinds = {str(g.value(c, SKOS.notation)) for c in g.subjects(RDFS.subClassOf, PSKG.Instrument)}
    assert kinds == {"treaty", "agreement", "declaration", "protocol", "charter", "memorandum",
                     "convention", "other"}
    assert {str(g.value(m, SKOS.notation)) for m in g.subjects(RDF.type, PSKG.Modality)} == {
        "binding", "intended", "recommended"}
    assert {str(g.value(m, SKOS.notation)) for m in g.subjects(RDF.type, PSKG.Genre)} == {
        "primary", "secondary", "transmittal"}


@pytest.mark.parametrize("file,scheme,ids", [
    ("topics.ttl", TOPIC.scheme, {"security_defence", "borders", "economy", "trade_customs",
        "energy", "transport", "environment", "citizenship_statelessness", "human_rights",
        "culture_education", "science_technology", "health", "law_enforcement",
        "foreign_policy_coordination", "succession_ussr", "military_cooperation", "integration",
        "humanitarian", "migration", "investment", "atop_defence", "atop_offence",
        "atop_neutrality", "atop_nonaggression", "atop_consultation"}),
    ("roles.ttl", ROLE.scheme, {"president", "vice_president", "prime_minister",
        "head_of_government", "chairman_supreme_council", "head_of_state",
        "minister_foreign_affairs", "minister_defence", "minister", "ambassador",
        "permanent_representative", "plenipotentiary", "head_of_delegation", "king", "chancellor",
        "secretary_general", "other"}),
])
def test_schemes(file, scheme, ids):
    g = Graph().parse(ONTOLOGY_DIR / file, format="turtle")
    concepts = set(g.subjects(SKOS.inScheme, scheme))
    assert {str(c).rsplit("/", 1)[-1] for c in concepts} == ids
    for c in concepts:
        langs = {label.language for label in g.objects(c, SKOS.prefLabel)}
        assert {"en", "ru"} <= langs, c
        if file == "topics.ttl":
            assert g.value(c, SKOS.definition) is not None, c
    if file == "topics.ttl":
        atop = {c for c in concepts if str(c).rsplit("/", 1)[-1].startswith("atop_")}
        assert all((c, SKOS.broader, TOPIC.security_defence) in g for c in atop)


# --- consent events -------------------------------------------------------------------------
EVENT = PSKGID["event/e1"]


def consent(g: Graph, kind, state, day: str, node=EVENT, origin=PSKG.Extracted) -> None:
    g.add((node, RDF.type, PSKG.ConsentEvent))
    g.add((node, RDF.type, kind))
    g.add((node, PSKG.instrument, INSTR))
    if state is not None:
        g.add((node, PSKG.state, state))
    g.add((node, PSKG.eventDate, Literal(day, datatype=XSD.date)))
    g.add((node, PSKG.origin, origin))


def both_validators(graph, shapes):
    """pyshacl and the compiled checks on pyoxigraph must agree on every event rule."""
    from pskg.validate import fast
    report = validate(graph, shapes)
    quick = fast.validate(graph, shapes)
    assert sorted((str(v.focus_node), v.message) for v in report.violations) == sorted(
        (str(v.focus_node), v.message) for v in quick.violations)
    return report


def test_ratification_after_signature_conforms(graph, shapes):
    consent(graph, PSKG.Ratification, RU, "1992-03-01")
    consent(graph, PSKG.EntryIntoForce, None, "1992-04-01", node=PSKGID["event/e2"])
    assert both_validators(graph, shapes).conforms


def test_event_state_must_be_a_party_unless_it_accedes(graph, shapes):
    consent(graph, PSKG.Ratification, KZ, "1992-03-01")
    [v] = failing(both_validators(graph, shapes), "party or signatory", PSKG.state)
    assert v.focus_node == EVENT and v.value == KZ
    consent(graph, PSKG.Accession, KZ, "1992-02-01", node=PSKGID["event/e2"])
    assert both_validators(graph, shapes).conforms       # an acceding state needs neither


def test_no_ratification_before_signature_unless_accession(graph, shapes):
    consent(graph, PSKG.Ratification, RU, "1991-12-01")
    [v] = failing(both_validators(graph, shapes), "before it signed it", PSKG.eventDate)
    assert v.focus_node == EVENT


def test_no_entry_into_force_before_signature(graph, shapes):
    consent(graph, PSKG.EntryIntoForce, None, "1991-12-20")
    [v] = failing(both_validators(graph, shapes), "enter into force", PSKG.eventDate)
    assert v.focus_node == EVENT


def test_event_needs_its_origin_date_and_instrument(graph, shapes):
    consent(graph, PSKG.Ratification, RU, "1992-03-01")
    graph.remove((EVENT, PSKG.origin, None))
    graph.remove((EVENT, PSKG.eventDate, None))
    report = both_validators(graph, shapes)
    assert failing(report, "where it comes from", PSKG.origin)
    assert failing(report, "exactly one date", PSKG.eventDate)


def test_withdrawal_by_an_unknown_member_is_a_warning(graph, shapes):
    consent(graph, PSKG.Withdrawal, KZ, "1999-04-20", origin=PSKG.Curated)
    report = both_validators(graph, shapes)
    assert report.conforms
    assert [v.severity for v in report.violations] == ["Warning"]


def test_a_succeeding_state_needs_neither_to_ratify_nor_to_withdraw(graph, shapes):
    consent(graph, PSKG.Ratification, KZ, "1992-03-01")
    consent(graph, PSKG.Withdrawal, KZ, "1999-04-20", node=PSKGID["event/e3"], origin=PSKG.Curated)
    assert failing(both_validators(graph, shapes), "party or signatory", PSKG.state)
    assert [v.severity for v in both_validators(graph, shapes).violations].count("Warning") == 1
    consent(graph, PSKG.Succession, KZ, "1992-01-15", node=PSKGID["event/e2"])
    report = both_validators(graph, shapes)
    assert report.conforms and not report.violations   # neither the violation nor the warning
    graph.remove((PSKGID["event/e2"], RDF.type, PSKG.Succession))
    graph.add((PSKGID["event/e2"], RDF.type, PSKG.Withdrawal))  # not a way in: reported again
    assert failing(both_validators(graph, shapes), "party or signatory", PSKG.state)


@pytest.mark.parametrize("kept, missing", [(OA.start, OA.end), (OA.end, OA.start)])
def test_an_evidence_span_needs_both_ends(graph, shapes, kept, missing):
    graph.remove((EV_SIG, missing, None))
    [v] = failing(both_validators(graph, shapes), "or neither", missing)
    assert v.focus_node == EV_SIG
    graph.remove((EV_SIG, kept, None))
    assert both_validators(graph, shapes).conforms        # neither end: a fact without a quote


def test_two_roles_of_one_act_of_signing_are_a_warning(graph, shapes):
    """Documents that disagree on a signer's role (or name two offices) are both kept: the
    second role is reported softly, in both validators."""
    graph.add((SIG, PSKG.role, ROLE.prime_minister))
    report = both_validators(graph, shapes)
    assert report.conforms
    [v] = [v for v in report.violations if v.path == PSKG.role]
    assert v.severity == "Warning" and v.focus_node == SIG and "more than one role" in v.message
    graph.add((SIG, PSKG.role, TOPIC.borders))       # a role outside the scheme still breaks it
    assert failing(both_validators(graph, shapes), "concept of role:scheme", PSKG.role)
