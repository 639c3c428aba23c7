"""Which relation of the graph becomes which network edge: declared here, once.

Every projection is a SPARQL query yielding rows with the variables ``?source ?target
?instrument ?date`` (and, where they apply, ``?key ?topic ?modality ?article``), plus how
rows become edges. The network code (build.py) is generic: it reads this table and never
names an RDF term itself.

Filters are never pasted into the text as values. A query holds the marker ``#FILTERS``;
for each filter in use, the fixed clause below (``FILTER_CLAUSES``, or the projection's
``topic_clause``) goes there, and its variable is bound as a value (``initBindings``):
``?fromDate`` / ``?toDate`` (xsd:date, on the date signed), ``?kindClass`` (an instrument
subclass), ``?wantTopic`` (a topic concept), ``?documentClass`` (pskg:Document, bound for
``scope="documents"``: only the instruments a document of the corpus names). The clauses
are FILTERs, tested row by row after the basic graph pattern: as extra triple patterns
rdflib's planner (which cannot see bound values) may start from them and build cross
products.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pskg.rdf.namespaces import PREFIXES

NodeType = Literal["state", "instrument"]

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))
SELECT = "SELECT DISTINCT ?source ?target ?instrument ?date ?key ?topic ?modality ?article"

FILTER_CLAUSES = {
    "fromDate": "FILTER(?date >= ?fromDate)",
    "toDate": "FILTER(?date <= ?toDate)",
    "kindClass": "FILTER EXISTS { ?instrument a ?kindClass }",
    # scope="documents": an instrument some document is the text of, describes or
    # transmits, or one that such an instrument cites; i.e. an instrument a document names.
    "documentClass": """FILTER EXISTS {
    { ?attesting pskg:isTextOf|pskg:describes|pskg:transmits ?instrument }
    UNION
    { ?citing pskg:cites ?instrument .
      ?attesting pskg:isTextOf|pskg:describes|pskg:transmits ?citing }
    ?attesting a ?documentClass }""",
}
INSTRUMENT_TOPIC = ("FILTER EXISTS { ?anyObligation pskg:instrument ?instrument ; "
                    "pskg:topic ?wantTopic }")


@dataclass(frozen=True)
class Projection:
    name: str
    meaning: str            # what one edge says, in words (docs, --help)
    query: str              # SPARQL WHERE body with the #FILTERS marker
    source: NodeType
    target: NodeType
    directed: bool
    # "pairs": rows are (source, instrument) memberships; an edge joins two sources that
    #          share an instrument, weight = number of distinct instruments shared;
    # "instruments": one edge per (source, target), weight = number of distinct instruments;
    # "each": one edge per row ?key (a multigraph), weight 1, row values kept as attributes.
    aggregate: Literal["pairs", "instruments", "each"]
    attributes: tuple[str, ...] = ()           # row variables copied onto "each" edges
    topic_clause: str = INSTRUMENT_TOPIC       # what --topic requires

    def sparql(self, active: frozenset[str] | set[str] = frozenset()) -> str:
        """The query, with the clauses of the filters whose variables are bound."""
        clauses = [FILTER_CLAUSES[v] for v in sorted(active) if v in FILTER_CLAUSES]
        if "wantTopic" in active:
            clauses.append(self.topic_clause)
        body = self.query.replace("#FILTERS", "\n  ".join(clauses))
        return f"{PROLOGUE}{SELECT} WHERE {{{body}}}\n"


# Required patterns first (one BGP), then the filter clauses, OPTIONALs last.
_DATE = """
  OPTIONAL { ?instrument pskg:dateSigned ?date }"""

PROJECTIONS: tuple[Projection, ...] = (
    Projection(
        name="cosign",
        meaning="two states are both party to an instrument; weight = number of distinct "
                "instruments they share",
        query="""
  ?instrument a pskg:Instrument ; pskg:party ?a . ?a pskg:isoCode ?source .
  #FILTERS""" + _DATE,
        source="state", target="state", directed=False, aggregate="pairs"),
    Projection(
        name="bipartite",
        meaning="a state is party to an instrument (state–instrument graph)",
        query="""
  ?instrument a pskg:Instrument ; pskg:party ?a . ?a pskg:isoCode ?source .
  #FILTERS""" + _DATE + """
  BIND(?instrument AS ?target)
""",
        source="state", target="instrument", directed=False, aggregate="instruments"),
    Projection(
        name="citations",
        meaning="an instrument cites (refers to) an earlier instrument; from citing to cited",
        query="""
  ?instrument a pskg:Instrument ; pskg:cites ?target .
  #FILTERS""" + _DATE + """
  BIND(?instrument AS ?source)
""",
        source="instrument", target="instrument", directed=True, aggregate="instruments"),
    Projection(
        name="obligations",
        meaning="an obligation binds its bearer state towards another state; one edge per "
                "obligation, from bearer to the state it is owed to (never to itself)",
        query="""
  ?key a pskg:Obligation ; pskg:instrument ?instrument ; pskg:bearer ?a ; pskg:towards ?b .
  ?a pskg:isoCode ?source . ?b pskg:isoCode ?target .
  FILTER(?a != ?b)
  #FILTERS""" + _DATE + """
  OPTIONAL { ?key pskg:topic ?topic }
  OPTIONAL { ?key pskg:modality ?modality }
  OPTIONAL { ?key pskg:articleNumber ?article }
""",
        source="state", target="state", directed=True, aggregate="each",
        attributes=("topic", "modality", "article", "instrument", "date"),
        topic_clause="FILTER EXISTS { ?key pskg:topic ?wantTopic }"),
)

BY_NAME = {p.name: p for p in PROJECTIONS}

# Not a network: every instrument that passes the filters (timeline's scope), one row each.
INSTRUMENTS = Projection(
    name="instruments",
    meaning="the instruments that pass the filters",
    query="""
  ?instrument a pskg:Instrument .
  #FILTERS""" + _DATE + """
  BIND(?instrument AS ?source)
  BIND(?instrument AS ?target)
""",
    source="instrument", target="instrument", directed=False, aggregate="instruments")


def projection(name: str) -> Projection:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown projection {name!r}; one of {', '.join(BY_NAME)}") from None
