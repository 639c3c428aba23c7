"""A short account of what a built graph holds, for people: what the documents contribute
and what the reference data adds, then per document the instrument it holds or describes,
with its date, place, parties, signatories and obligations.

An instrument with no parties, no date or no place is shown with `-` / `?`: the per-document
queries never aggregate over an unbound variable (rdflib raises on GROUP_CONCAT of one).
"""
from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from pskg.files import escape_name
from pskg.rdf.namespaces import PSKG, REFERENCE_GRAPH

_PREFIX = """PREFIX pskg: <https://w3id.org/pskg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

_DOCS = _PREFIX + """
SELECT DISTINCT ?file ?lang ?genre ?inst WHERE {
  ?doc a pskg:Document ; pskg:fileName ?file ; dcterms:language ?lang ; pskg:genre ?genre ;
       pskg:isTextOf|pskg:describes|pskg:transmits ?inst .
} ORDER BY ?file ?inst
"""
_FIRST = {"date": "SELECT ?x WHERE {{ <{inst}> pskg:dateSigned ?x }} ORDER BY ?x LIMIT 1",
          "place": 'SELECT ?x WHERE {{ <{inst}> pskg:placeSigned/rdfs:label ?x '
                   'FILTER(lang(?x) = "en") }} ORDER BY ?x LIMIT 1'}
_PARTIES = _PREFIX + "SELECT DISTINCT ?x WHERE {{ <{inst}> pskg:party/pskg:isoCode ?x }} ORDER BY ?x"
_PER_INSTRUMENT = _PREFIX + """
SELECT (COUNT(DISTINCT ?s) AS ?sig) (COUNT(DISTINCT ?o) AS ?obl) (COUNT(DISTINCT ?r) AS ?refs)
WHERE {{ OPTIONAL {{ ?s pskg:instrument <{inst}> ; a pskg:Signatory }}
        OPTIONAL {{ ?o pskg:instrument <{inst}> ; a pskg:Obligation }}
        OPTIONAL {{ <{inst}> pskg:cites ?r }} }}
"""
CLASSES = ("Document", "Instrument", "State", "Signatory", "Obligation", "Person", "ConsentEvent")
_PLURAL = {"Signatory": "signatories", "Person": "persons", "ConsentEvent": "consent events"}


def _union(data) -> Graph:
    if isinstance(data, Dataset):
        data.default_union = True
    return data


def _reference_triples(data) -> set:
    """The triples of the reference graph: its named graph when the file kept graphs (TriG,
    N-Quads), else the reference data the project ships (a merged Turtle file)."""
    if isinstance(data, Dataset) and any(True for _ in data.graph(REFERENCE_GRAPH).triples((None,) * 3)):
        return set(data.graph(REFERENCE_GRAPH).triples((None, None, None)))
    from pskg.rdf.reference_graph import reference_graph
    return set(reference_graph())


def origin_counts(g: Graph) -> tuple[dict[str, int], dict[str, int]]:
    """Per class: how many nodes the documents mention (a node that occurs in a triple outside
    the reference data), and how many come from the reference data only."""
    reference = _reference_triples(g)
    mentioned = set()
    for s, p, o in g.triples((None, None, None)):
        if (s, p, o) not in reference:
            mentioned.update((s, o))
    docs, ref = {}, {}
    for cls in CLASSES:
        nodes = set(g.subjects(RDF.type, PSKG[cls]))
        docs[cls] = len(nodes & mentioned)
        ref[cls] = len(nodes) - docs[cls]
    return docs, ref


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {_PLURAL.get(cls, cls.lower() + 's')}" for cls, n in counts.items() if n
                     or cls == "Document") or "nothing"


def _first(g: Graph, key: str, inst) -> str | None:
    rows = list(g.query(_PREFIX + _FIRST[key].format(inst=inst)))
    return str(rows[0][0]) if rows else None


def summary_text(data) -> str:
    g = _union(data)
    docs, ref = origin_counts(g)
    lines = [f"pskg graph: {len(g)} triples",
             f"from the documents: {_counts(docs)}",
             "from the reference data only (data/reference, not attested by a document): "
             + _counts({cls: n for cls, n in ref.items() if cls != "Document"})]
    for row in g.query(_DOCS):
        inst = row.inst
        sig, obl, refs = next(iter(g.query(_PER_INSTRUMENT.format(inst=inst))))
        parties = " ".join(str(r[0]) for r in g.query(_PARTIES.format(inst=inst)))
        genre = str(row.genre).rsplit("#", 1)[-1]
        lines.append(f"- {escape_name(row.file)} [{row.lang}, {genre}] → {str(inst).rsplit('/', 1)[-1]}")
        lines.append(f"    signed {_first(g, 'date', inst) or '?'} at {_first(g, 'place', inst) or '?'}; "
                     f"parties: {parties or '-'}; {sig} signatories, {obl} obligations, {refs} cited")
    return "\n".join(lines) + "\n"
