"""The reference graph: the curated world knowledge of data/reference/ as RDF — states with
their names in every language, persons with their offices, places, organisations and
well-known instruments — and the topic and role concepts of ontology/ with their labels.
It is generated, never edited; the TSV files and the SKOS schemes are the source.
"""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from pskg.knowledge import reference
from pskg.paths import ONTOLOGY_DIR
from pskg.rdf.events import curated_triples
from pskg.rdf.mapping import KIND_CLASS, instrument_iri, person_iri, place_iri
from pskg.rdf.namespaces import PSKG, PSKGID, ROLE, WD, state_iri
from pskg.resolve.keys import instrument_key, slug

_LABEL_KINDS = {"cldr", "official", "full", ""}
SCHEMES = ("topics.ttl", "roles.ttl")   # SKOS schemes whose labels queries show (topic_label, …)


def _labels(g: Graph, node, names: dict[str, list[str]]) -> None:
    for lang, values in sorted(names.items()):
        for i, value in enumerate(values):
            g.add((node, RDFS.label if i == 0 else SKOS.altLabel, Literal(value, lang=lang)))


def _wikidata(g: Graph, node, qid: str | None) -> None:
    if qid:
        g.add((node, OWL.sameAs, WD[qid]))


def _date(value: str | None):
    return Literal(value, datatype=XSD.date) if value else None


@lru_cache(maxsize=1)
def reference_graph() -> tuple:
    """The reference triples (a tuple, so the cached value cannot be changed by a caller)."""
    ref = reference.load()
    g = Graph()
    labelled: set[tuple[str, str]] = set()
    for code, lang, name, kind in ref.state_names():
        node = state_iri(code)
        first = (code, lang) not in labelled and kind in _LABEL_KINDS
        g.add((node, RDFS.label if first else SKOS.altLabel, Literal(name, lang=lang)))
        if first:
            labelled.add((code, lang))
    for code, info in ref.states.items():
        node = state_iri(code)
        g.add((node, RDF.type, PSKG.State))
        g.add((node, PSKG.isoCode, Literal(code)))
        if info.alpha3:
            g.add((node, PSKG.isoAlpha3, Literal(info.alpha3)))
        for prop, value in ((PSKG.cowCode, info.cow_code), (PSKG.gwCode, info.gw_code)):
            if value:
                g.add((node, prop, Literal(int(value))))
        _wikidata(g, node, info.wikidata)
        if info.historic:
            g.add((node, PSKG.historic, Literal(True)))
        if info.successor_of:
            g.add((node, PSKG.successorOf, state_iri(info.successor_of)))
    for pid, person in ref.persons.items():
        node = person_iri(slug(pid))
        g.add((node, RDF.type, PSKG.Person))
        _labels(g, node, person.names)
        _wikidata(g, node, person.wikidata)
        for office in person.offices:
            since = slug(office.written[0] or office.start) or "x"
            tenure = PSKGID[f"tenure/{slug(pid)}-{office.role}-{office.state}-{since}"]
            g.add((node, PSKG.heldOffice, tenure))
            g.add((tenure, RDF.type, PSKG.Tenure))
            g.add((tenure, PSKG.office, ROLE[office.role]))
            g.add((tenure, PSKG.state, state_iri(office.state)))
            for prop, value in ((PSKG.start, office.start), (PSKG.end, office.end)):
                if value:
                    g.add((tenure, prop, _date(value)))
    for pid, place in ref.places.items():
        node = place_iri(pid)
        g.add((node, RDF.type, PSKG.Place))
        _labels(g, node, place.names)
        _wikidata(g, node, place.wikidata)
        if place.state:
            g.add((node, PSKG.inState, state_iri(place.state)))
    for oid, org in ref.orgs.items():
        node = PSKGID[f"org/{slug(oid)}"]
        g.add((node, RDF.type, PSKG.Organization))
        _labels(g, node, org.names)
        _wikidata(g, node, org.wikidata)
    for iid, inst in ref.instruments.items():
        node = instrument_iri(instrument_key(inst.kind, inst.date, slug(iid)))
        g.add((node, RDF.type, PSKG.Instrument))
        g.add((node, RDF.type, PSKG[KIND_CLASS[inst.kind]]))
        for lang, titles in sorted(inst.titles.items()):
            for title in titles:
                g.add((node, DCTERMS.title, Literal(title, lang=lang)))
        if inst.date:
            g.add((node, PSKG.dateSigned, _date(inst.date)))
        if inst.place:
            g.add((node, PSKG.placeSigned, place_iri(inst.place)))
        for code in inst.parties:
            g.add((node, PSKG.party, state_iri(code)))
        _wikidata(g, node, inst.wikidata)
    for triple in curated_triples(instrument_iri):
        g.add(triple)
    for scheme in SCHEMES:          # the topic and role concepts with their labels in every language
        g.parse(ONTOLOGY_DIR / scheme, format="turtle")
    return tuple(g)
