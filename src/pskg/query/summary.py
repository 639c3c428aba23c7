"""A short account of what a built graph holds, for people: per document, the instrument it
holds or describes, with its date, place, parties, signatories and obligations."""
from __future__ import annotations

from rdflib import Dataset, Graph

_PREFIX = """PREFIX pskg: <https://w3id.org/pskg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

_DOCS = _PREFIX + """
SELECT ?file ?lang ?genre ?inst ?date ?place
       (GROUP_CONCAT(DISTINCT ?code; separator=" ") AS ?parties)
WHERE {
  ?doc a pskg:Document ; pskg:fileName ?file ; dcterms:language ?lang ; pskg:genre ?genre ;
       pskg:isTextOf|pskg:describes|pskg:transmits ?inst .
  OPTIONAL { ?inst pskg:dateSigned ?date }
  OPTIONAL { ?inst pskg:placeSigned/rdfs:label ?place FILTER(lang(?place) = "en") }
  OPTIONAL { ?inst pskg:party/pskg:isoCode ?code }
} GROUP BY ?file ?lang ?genre ?inst ?date ?place ORDER BY ?file
"""

_COUNT = _PREFIX + "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {cls} }}"
_PER_INSTRUMENT = _PREFIX + """
SELECT (COUNT(DISTINCT ?s) AS ?sig) (COUNT(DISTINCT ?o) AS ?obl) (COUNT(DISTINCT ?r) AS ?refs)
WHERE {{ OPTIONAL {{ ?s pskg:instrument <{inst}> ; a pskg:Signatory }}
        OPTIONAL {{ ?o pskg:instrument <{inst}> ; a pskg:Obligation }}
        OPTIONAL {{ <{inst}> pskg:cites ?r }} }}
"""


def _union(data) -> Graph:
    if isinstance(data, Dataset):
        data.default_union = True
    return data


def summary_text(data) -> str:
    g = _union(data)
    lines = []
    counts = {cls: int(next(iter(g.query(_COUNT.format(cls=f"pskg:{cls}"))))[0])
              for cls in ("Document", "Instrument", "State", "Signatory", "Obligation", "Person",
                          "ConsentEvent")}
    plural = {"Signatory": "signatories", "Person": "persons", "ConsentEvent": "consent events"}
    lines.append("pskg graph: " + ", ".join(f"{n} {plural.get(cls, cls.lower() + 's')}"
                                            for cls, n in counts.items()) + f", {len(g)} triples")
    for row in g.query(_DOCS):
        sig, obl, refs = next(iter(g.query(_PER_INSTRUMENT.format(inst=row.inst))))
        genre = str(row.genre).rsplit("#", 1)[-1]
        lines.append(f"- {row.file} [{row.lang}, {genre}] → {str(row.inst).rsplit('/', 1)[-1]}")
        lines.append(f"    signed {row.date or '?'} at {row.place or '?'}; parties: "
                     f"{row.parties or '-'}; {sig} signatories, {obl} obligations, {refs} cited")
    return "\n".join(lines) + "\n"
