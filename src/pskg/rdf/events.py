"""Consent events and depositaries → RDF.

An event is a node of pskg:ConsentEvent and of its kind's class (pskg:Ratification…), with its
instrument, its state (none for the instrument's own entry into force), its date and its
origin: pskg:Extracted (with an Evidence node per span, in the document's graph) or pskg:Curated
(with dcterms:source, in the reference graph). Its IRI is derived from (instrument, kind, state,
date), so the same event read in two documents, or also curated, is one node.
"""
from __future__ import annotations

from typing import Callable, Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from pskg.knowledge import reference
from pskg.knowledge.consent import curated_events
from pskg.model import ConsentEvent, Depositary
from pskg.rdf.namespaces import PSKG, PSKGID, state_iri
from pskg.resolve.keys import digest, instrument_key, slug

EVENT_CLASS = {"signature": "SignatureEvent", "ratification": "Ratification",
               "approval": "Approval", "acceptance": "Acceptance", "accession": "Accession",
               "succession": "Succession", "entry_into_force": "EntryIntoForce",
               "reservation": "Reservation", "withdrawal": "Withdrawal",
               "suspension": "Suspension"}


def event_iri(inst: URIRef, kind: str, state: str | None, date: str) -> URIRef:
    return PSKGID["event/" + digest(str(inst), kind, state or "", date, length=16)]


def org_iri(oid: str) -> URIRef:
    return PSKGID[f"org/{slug(oid)}"]


def _core(inst: URIRef, kind: str, state: str | None, date: str) -> tuple[URIRef, list]:
    node = event_iri(inst, kind, state, date)
    triples = [(node, RDF.type, PSKG.ConsentEvent), (node, RDF.type, PSKG[EVENT_CLASS[kind]]),
               (node, PSKG.instrument, inst)]
    if state:
        triples.append((node, PSKG.state, state_iri(state)))
    return node, triples


def map_events(add: Callable, inst: URIRef, events: list[ConsentEvent],
               target_iri: Callable) -> None:
    """Write the extracted events of one document with `add(s, p, o, *spans)`."""
    for ev in events:
        node, triples = _core(target_iri(ev.target) if ev.target else inst,
                              ev.kind, ev.state, ev.date)
        for triple in triples:
            add(*triple)
        add(node, PSKG.eventDate, Literal(ev.date, datatype=XSD.date), ev.evidence)
        add(node, PSKG.origin, PSKG.Extracted)


def map_depositary(add: Callable, inst: URIRef, dep: Depositary | None) -> None:
    if dep is not None:
        add(inst, PSKG.depositary,
            state_iri(dep.value) if dep.kind == "state" else org_iri(dep.value), dep.evidence)


def curated_triples(instrument_iri: Callable) -> Iterator[tuple]:
    """The curated events of data/reference/events.tsv, for the reference graph."""
    ref = reference.load()
    for ev in curated_events():
        known = ref.instruments[ev.instrument]
        inst = instrument_iri(instrument_key(known.kind, known.date, slug(ev.instrument)))
        node, triples = _core(inst, ev.kind, ev.state, ev.date)
        yield from triples
        yield node, PSKG.eventDate, Literal(ev.date, datatype=XSD.date)
        yield node, PSKG.origin, PSKG.Curated
        yield node, DCTERMS.source, Literal(ev.source)
