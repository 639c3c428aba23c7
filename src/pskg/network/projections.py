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
``scope="documents"``: only the instruments a document of the corpus names), ``?asOf``
(xsd:date, ``--as-of``: only the states bound by the instrument on that day, see
``BOUND_ON``; a projection that has state memberships declares its ``as_of_query``, whose
members include the states that acceded or succeeded to an instrument). The clauses
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
# The state ?a is bound by ?instrument on ?asOf: a consent event (or being a named party of an
# instrument signed) by then; a recorded ratification binds from its date; not before a recorded
# entry into force; not after a withdrawal or suspension unless a later consent renewed it.
# The same rule as queries/parties_as_of.rq.
BOUND_ON = """FILTER EXISTS {
    { ?consent pskg:instrument ?instrument ; pskg:state ?a ; pskg:eventDate ?consented ;
               a ?consentKind .
      FILTER (?consentKind IN (pskg:SignatureEvent, pskg:Ratification, pskg:Approval,
              pskg:Acceptance, pskg:Accession, pskg:Succession, pskg:EntryIntoForce)) }
    UNION { ?instrument pskg:party ?a ; pskg:dateSigned ?consented }
    FILTER (?consented <= ?asOf) }
  FILTER NOT EXISTS {
    ?ratification pskg:instrument ?instrument ; pskg:state ?a ; pskg:eventDate ?ratified ;
                  a ?ratificationKind .
    FILTER (?ratificationKind IN (pskg:Ratification, pskg:Approval, pskg:Acceptance)
            && ?ratified > ?asOf) }
  FILTER NOT EXISTS {
    ?inForce a pskg:EntryIntoForce ; pskg:instrument ?instrument ; pskg:eventDate ?inForceDate .
    FILTER NOT EXISTS { ?inForce pskg:state ?anyState }
    FILTER (?inForceDate > ?asOf) }
  FILTER NOT EXISTS {
    ?leaving pskg:instrument ?instrument ; pskg:state ?a ; pskg:eventDate ?left ; a ?leavingKind .
    FILTER (?leavingKind IN (pskg:Withdrawal, pskg:Suspension) && ?left <= ?asOf)
    FILTER NOT EXISTS {
      ?again pskg:instrument ?instrument ; pskg:state ?a ; pskg:eventDate ?renewed ; a ?againKind .
      FILTER (?againKind IN (pskg:Ratification, pskg:Approval, pskg:Acceptance, pskg:Accession,
              pskg:Succession) && ?renewed > ?left && ?renewed <= ?asOf) } }"""
FILTER_CLAUSES["asOf"] = BOUND_ON
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
    as_of_query: str | None = None             # the query under --as-of (states as ?a), if any

    def sparql(self, active: frozenset[str] | set[str] = frozenset()) -> str:
        """The query, with the clauses of the filters whose variables are bound."""
        if "asOf" in active and self.as_of_query is None:
            raise ValueError(f"--as-of applies to state memberships, not to {self.name!r}")
        clauses = [FILTER_CLAUSES[v] for v in sorted(active) if v in FILTER_CLAUSES]
        if "wantTopic" in active:
            clauses.append(self.topic_clause)
        query = self.as_of_query if "asOf" in active else self.query
        body = query.replace("#FILTERS", "\n  ".join(clauses))
        return f"{PROLOGUE}{SELECT} WHERE {{{body}}}\n"


# Required patterns first (one BGP), then the filter clauses, OPTIONALs last.
_DATE = """
  OPTIONAL { ?instrument pskg:dateSigned ?date }"""
# Under --as-of, members are the named parties and the states that acceded or succeeded.
_MEMBERS = """
  ?instrument a pskg:Instrument .
  { ?instrument pskg:party ?a }
  UNION { ?joining pskg:instrument ?instrument ; pskg:state ?a ; a ?joinKind .
          FILTER (?joinKind IN (pskg:Accession, pskg:Succession)) }
  ?a pskg:isoCode ?source .
  #FILTERS""" + _DATE

PROJECTIONS: tuple[Projection, ...] = (
    Projection(
        name="cosign",
        meaning="two states are both party to an instrument; weight = number of distinct "
                "instruments they share",
        query="""
  ?instrument a pskg:Instrument ; pskg:party ?a . ?a pskg:isoCode ?source .
  #FILTERS""" + _DATE,
        source="state", target="state", directed=False, aggregate="pairs",
        as_of_query=_MEMBERS),
    Projection(
        name="bipartite",
        meaning="a state is party to an instrument (state–instrument graph)",
        query="""
  ?instrument a pskg:Instrument ; pskg:party ?a . ?a pskg:isoCode ?source .
  #FILTERS""" + _DATE + """
  BIND(?instrument AS ?target)
""",
        source="state", target="instrument", directed=False, aggregate="instruments",
        as_of_query=_MEMBERS + """
  BIND(?instrument AS ?target)
"""),
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
