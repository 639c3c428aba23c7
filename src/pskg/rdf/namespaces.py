"""The namespaces of the graph, defined once (see docs/vocabulary-contract.md)."""
from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

PSKG = Namespace("https://w3id.org/pskg/ontology#")
PSKGID = Namespace("https://w3id.org/pskg/id/")
TOPIC = Namespace("https://w3id.org/pskg/topic/")
ROLE = Namespace("https://w3id.org/pskg/role/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

REFERENCE_GRAPH = URIRef(PSKGID["graph/reference"])
ONTOLOGY_GRAPH = URIRef(PSKGID["graph/ontology"])

PREFIXES = {
    "pskg": PSKG, "pskgid": PSKGID, "topic": TOPIC, "role": ROLE, "oa": OA, "wd": WD,
    "dcterms": DCTERMS, "owl": OWL, "prov": PROV, "rdf": RDF, "rdfs": RDFS,
    "skos": SKOS, "xsd": XSD,
}


def bind_prefixes(graph) -> None:
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)


def state_iri(code: str) -> URIRef:
    return PSKGID[f"state/{code}"]


def document_graph_iri(doc_id: str) -> URIRef:
    return PSKGID[f"graph/{doc_id}"]
