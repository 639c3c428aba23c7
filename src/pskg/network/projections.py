"""Which relation of the graph becomes which network edge: declared here, once.

Every projection is a SPARQL query yielding one row per edge occurrence with the variables
``?source ?target ?instrument ?date`` (and, where they apply, ``?key ?topic ?modality
?article``). The network code (build.py) is generic: it reads this table and never names
an RDF term itself.

Filters are never pasted into the text: each query ends with ``FILTERS``, whose clauses
test variables the caller binds as values (``initBindings``): ``?fromDate`` / ``?toDate``
(xsd:date, on the date signed), ``?kindClass`` (an instrument subclass) and ``?wantTopic``
(a topic concept). An unbound filter variable lets every row through.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pskg.namespaces import PREFIXES

NodeType = Literal["state", "instrument"]

PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(PREFIXES.items()))

# A state's node id is its ISO code; the IRI's last segment stands in if isoCode is missing.
_ISO = "BIND(COALESCE(?{v}Iso, STRAFTER(STR(?{v}), \"/state/\")) AS ?{out})"

_DATE_KIND = """
  OPTIONAL { ?instrument pskg:dateSigned ?date }
  FILTER(!BOUND(?fromDate) || ?date >= ?fromDate)
  FILTER(!BOUND(?toDate) || ?date <= ?toDate)
  FILTER(!BOUND(?kindClass) || EXISTS { ?instrument a ?kindClass })
"""
_INSTRUMENT_TOPIC = """
  FILTER(!BOUND(?wantTopic) || EXISTS { ?anyObligation pskg:instrument ?instrument ;
                                                         pskg:topic ?wantTopic })
"""


@dataclass(frozen=True)
class Projection:
    name: str
    meaning: str            # what one edge says, in words (docs, --help)
    query: str              # SPARQL SELECT, see the module docstring for its variables
    source: NodeType
    target: NodeType
    directed: bool
    # "instruments": one edge per node pair, weight = number of distinct instruments;
    # "each": one edge per row ?key (a multigraph), weight 1, row values kept as attributes.
    aggregate: Literal["instruments", "each"]
    attributes: tuple[str, ...] = ()   # row variables copied onto "each" edges

    def sparql(self) -> str:
        return PROLOGUE + self.query


def _q(body: str, topic_filter: str = _INSTRUMENT_TOPIC) -> str:
    return "SELECT DISTINCT * WHERE {\n" + body + _DATE_KIND + topic_filter + "}\n"


PROJECTIONS: tuple[Projection, ...] = (
    Projection(
        name="cosign",
        meaning="two states are both party to an instrument; weight = number of distinct "
                "instruments they share",
        query=_q("""
  ?instrument a pskg:Instrument ; pskg:party ?a , ?b .
  FILTER(STR(?a) < STR(?b))
  OPTIONAL { ?a pskg:isoCode ?aIso } OPTIONAL { ?b pskg:isoCode ?bIso }
  """ + _ISO.format(v="a", out="source") + "\n  " + _ISO.format(v="b", out="target")),
        source="state", target="state", directed=False, aggregate="instruments"),
    Projection(
        name="bipartite",
        meaning="a state is party to an instrument (state–instrument graph)",
        query=_q("""
  ?instrument a pskg:Instrument ; pskg:party ?a .
  OPTIONAL { ?a pskg:isoCode ?aIso }
  """ + _ISO.format(v="a", out="source") + "\n  BIND(?instrument AS ?target)"),
        source="state", target="instrument", directed=False, aggregate="instruments"),
    Projection(
        name="citations",
        meaning="an instrument cites (refers to) an earlier instrument; from citing to cited",
        query=_q("""
  ?instrument pskg:cites ?target .
  BIND(?instrument AS ?source)"""),
        source="instrument", target="instrument", directed=True, aggregate="instruments"),
    Projection(
        name="obligations",
        meaning="an obligation binds its bearer state towards another state; one edge per "
                "obligation, from bearer to the state it is owed to",
        query=_q("""
  ?key a pskg:Obligation ; pskg:instrument ?instrument ;
       pskg:bearer ?a ; pskg:towards ?b .
  OPTIONAL { ?a pskg:isoCode ?aIso } OPTIONAL { ?b pskg:isoCode ?bIso }
  OPTIONAL { ?key pskg:topic ?topic }
  OPTIONAL { ?key pskg:modality ?modality }
  OPTIONAL { ?key pskg:articleNumber ?article }
  """ + _ISO.format(v="a", out="source") + "\n  " + _ISO.format(v="b", out="target"),
            topic_filter="  FILTER(!BOUND(?wantTopic) || EXISTS { ?key pskg:topic ?wantTopic })\n"),
        source="state", target="state", directed=True, aggregate="each",
        attributes=("topic", "modality", "article", "instrument", "date")),
)

BY_NAME = {p.name: p for p in PROJECTIONS}


def projection(name: str) -> Projection:
    try:
        return BY_NAME[name]
    except KeyError:
        raise ValueError(f"unknown projection {name!r}; one of {', '.join(BY_NAME)}") from None
