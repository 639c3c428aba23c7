"""map: resolved Records → RDF. One named graph per source document holding the document node
and every claim read from it, each with an Evidence node (rdf:Statement + W3C Web Annotation
offsets) saying which span of the text it came from.
"""
from __future__ import annotations

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from pskg.knowledge import reference
from pskg.model import Record, Span
from pskg.rdf.events import map_depositary, map_events
from pskg.rdf.namespaces import OA, PSKG, PSKGID, ROLE, TOPIC, bind_prefixes, document_graph_iri, state_iri
from pskg.resolve.keys import digest, slug

KIND_CLASS = {"treaty": "Treaty", "agreement": "Agreement", "declaration": "Declaration",
              "protocol": "Protocol", "charter": "Charter", "memorandum": "Memorandum",
              "convention": "Convention", "other": "OtherInstrument"}
GENRE = {"primary": PSKG.PrimaryText, "secondary": PSKG.SecondaryText,
         "transmittal": PSKG.TransmittalLetter}
MODALITY = {"binding": PSKG.Binding, "intended": PSKG.Intended, "recommended": PSKG.Recommended}
RELATION = {"primary": PSKG.isTextOf, "secondary": PSKG.describes, "transmittal": PSKG.transmits}


def instrument_iri(key: str) -> URIRef:
    return PSKGID[f"instrument/{key}"]


def person_iri(key: str) -> URIRef:
    return PSKGID[f"person/{key}"]


def place_iri(value: str) -> URIRef:
    return PSKGID[f"place/{slug(value) or digest(value)}"]


class _DocGraph:
    """Writes one document's triples, each with its evidence."""

    def __init__(self, dataset: Dataset, record: Record):
        self.record = record
        self.doc = PSKGID[f"document/{record.text.doc_id}"]
        self.g = dataset.graph(document_graph_iri(record.text.doc_id))
        self.lang = record.text.language or "und"

    def add(self, s, p, o, *spans: Span) -> None:
        self.g.add((s, p, o))
        for span in spans:
            if span is None:
                continue
            ev = PSKGID["evidence/" + digest(str(self.doc), str(s), str(p), str(o),
                                              str(span.start), str(span.end), length=16)]
            self.g.add((ev, RDF.type, PSKG.Evidence))
            self.g.add((ev, RDF.subject, s))
            self.g.add((ev, RDF.predicate, p))
            self.g.add((ev, RDF.object, o))
            self.g.add((ev, PROV.wasDerivedFrom, self.doc))
            self.g.add((ev, OA.start, Literal(span.start, datatype=XSD.integer)))
            self.g.add((ev, OA.end, Literal(span.end, datatype=XSD.integer)))
            self.g.add((ev, OA.exact, Literal(span.exact)))
            if span.rule:
                self.g.add((ev, PSKG.rule, Literal(span.rule)))


def map_record(dataset: Dataset, record: Record) -> None:
    d = _DocGraph(dataset, record)
    text, claim = record.text, record.instrument
    d.add(d.doc, RDF.type, PSKG.Document)
    d.add(d.doc, DCTERMS.language, Literal(d.lang, datatype=XSD.language))
    d.add(d.doc, PSKG.genre, GENRE[record.genre])
    d.add(d.doc, PSKG.contentHash, Literal(f"sha256:{text.sha256}"))
    d.add(d.doc, PSKG.fileName, Literal(text.path.name))
    if text.source:
        d.add(d.doc, DCTERMS.source, Literal(text.source))
    inst = instrument_iri(claim.key)
    d.add(d.doc, RELATION[record.genre], inst)
    _instrument(d, inst, claim.kind, claim.title, claim.date_signed, claim.evidence)
    if claim.place:
        place = _place(d, claim.place)
        d.add(inst, PSKG.placeSigned, place, *claim.evidence.get("place", []))
    for code in claim.parties:
        d.add(inst, PSKG.party, state_iri(code), *claim.evidence.get(f"party:{code}", [])[:1])
    for sig in claim.signatures:
        _signatory(d, inst, sig)
    for ob in claim.obligations:
        _obligation(d, inst, claim.key, ob)
    map_events(d.add, inst, claim.events, lambda ref: instrument_iri(ref.key))
    map_depositary(d.add, inst, claim.depositary)
    for ref in claim.references:
        target = instrument_iri(ref.key)
        if target == inst:
            continue
        _instrument(d, target, ref.kind, ref.title, ref.date, {})
        d.add(inst, PSKG.cites, target, ref.evidence)
    for signer in record.letter_signers:
        person = person_iri(signer.person_key)
        d.add(person, RDF.type, PSKG.Person)
        d.add(person, RDFS.label, Literal(signer.person_name, lang=d.lang), signer.evidence)
        d.add(d.doc, DCTERMS.creator, person, signer.evidence)


def _instrument(d: _DocGraph, inst, kind, title, date, evidence) -> None:
    kind = kind or "other"
    d.add(inst, RDF.type, PSKG.Instrument)
    d.add(inst, RDF.type, PSKG[KIND_CLASS[kind]], *evidence.get("kind", []))
    if title:
        d.add(inst, DCTERMS.title, Literal(title, lang=d.lang), *evidence.get("title", []))
    if date:
        d.add(inst, PSKG.dateSigned, Literal(date, datatype=XSD.date),
              *evidence.get("date_signed", []))


def _place(d: _DocGraph, value: str) -> URIRef:
    ref = reference.load()
    if value in ref.places:
        return place_iri(value)
    place = place_iri(value)
    d.add(place, RDF.type, PSKG.Place)
    d.add(place, RDFS.label, Literal(value, lang=d.lang))
    return place


def _signatory(d: _DocGraph, inst, sig) -> None:
    person = person_iri(sig.person_key)
    node = PSKGID["signatory/" + digest(str(inst), sig.state or "", sig.person_key, length=16)]
    part = {s.rule.rsplit(":", 1)[-1]: s for s in sig.evidence}
    first = part.get("person")
    for field in sig.inferred:   # read from the reference data's offices on the signing date
        if first is not None:
            part[field] = Span(first.start, first.end, first.exact, "signatory:reference-office")
    d.add(node, RDF.type, PSKG.Signatory)
    d.add(node, PSKG.instrument, inst)
    d.add(node, PSKG.person, person, first)
    d.add(node, PSKG.onBehalfOf, state_iri(sig.state), part.get("state"))
    if sig.role:
        d.add(node, PSKG.role, ROLE[sig.role], part.get("role"))
    if sig.role_label:
        d.add(node, PSKG.roleLabel, Literal(sig.role_label, lang=d.lang))
    d.add(person, RDF.type, PSKG.Person)
    d.add(person, RDFS.label, Literal(sig.person_name, lang=d.lang), first)


def _obligation(d: _DocGraph, inst, key: str, ob) -> None:
    node = PSKGID["obligation/" + digest(key, ob.number, d.record.text.doc_id, length=16)]
    d.add(node, RDF.type, PSKG.Obligation)
    d.add(node, PSKG.instrument, inst)
    d.add(node, PSKG.articleNumber, Literal(ob.number))
    d.add(node, PSKG.text, Literal(ob.text, lang=d.lang), ob.evidence)
    d.add(node, PSKG.modality, MODALITY[ob.modality])
    for code in ob.bearers:
        d.add(node, PSKG.bearer, state_iri(code))
    for code in ob.towards:
        d.add(node, PSKG.towards, state_iri(code))
    for topic in ob.topics:
        d.add(node, PSKG.topic, TOPIC[topic])


def map_records(records: list[Record]) -> Dataset:
    dataset = Dataset()
    bind_prefixes(dataset)
    for record in records:
        map_record(dataset, record)
    return dataset
