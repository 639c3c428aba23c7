"""Where a violation came from, read from the store: the document and character span of the
Evidence node that states the offending triple (the same choice as pskg.validate's index)."""
from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
from rdflib import URIRef

from pskg.rdf.lateral import for_oxigraph
from pskg.rdf.namespaces import OA, PSKG
from pskg.rdf.terms import from_oxigraph
from pskg.validate.shacl import spans

# Per focus node (LATERAL: pyoxigraph plans the union with the node bound, not over the store):
# the evidence node itself (0), the document itself (1), or the evidence about it (2). The
# look-ups of an evidence node's facts belong to branches 0 and 2 only: in branch 1 ?e is unbound,
# and they would join every evidence node of the store (at 100k, 2.6 million rows for one
# document that broke a rule: the validation that did not finish).
_QUERY = f"""PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?f ?kind ?e ?p ?o ?doc ?name ?start ?end ?exact WHERE {{
  VALUES ?f {{ %s }}
  LATERAL {{
    {{
      {{ ?f a <{PSKG.Evidence}> . BIND(?f AS ?e) BIND(0 AS ?kind) }}
      UNION {{ ?e a <{PSKG.Evidence}> ; rdf:subject ?f . BIND(2 AS ?kind) }}
      OPTIONAL {{ ?e rdf:predicate ?p }} OPTIONAL {{ ?e rdf:object ?o }}
      OPTIONAL {{ ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc }}
      OPTIONAL {{ ?doc <{PSKG.fileName}> ?name }}
      OPTIONAL {{ ?e <{OA.start}> ?start }} OPTIONAL {{ ?e <{OA['end']}> ?end }}
      OPTIONAL {{ ?e <{OA.exact}> ?exact }}
    }}
    UNION {{ ?f a <{PSKG.Document}> . BIND(?f AS ?doc) BIND(1 AS ?kind)
             OPTIONAL {{ ?doc <{PSKG.fileName}> ?name }} }}
  }}
}}"""


def _evidence(store: ox.Store, scope: dict, nodes: list[URIRef]) -> dict:
    """focus → {kind: {evidence: facts}} for the IRIs among `nodes`."""
    found: dict = {}
    for i in range(0, len(nodes), 2000):
        values = " ".join(f"<{n}>" for n in nodes[i:i + 2000])
        for row in store.query(for_oxigraph(_QUERY % values), **scope):
            get = {k: from_oxigraph(row[k]) for k in
                   ("f", "kind", "e", "p", "o", "doc", "name", "start", "end", "exact")}
            kinds = found.setdefault(get["f"], {})
            facts = kinds.setdefault(int(get["kind"]), {}).setdefault(get["e"] or get["doc"], {
                "p": set(), "o": set(), "doc": get["doc"], "name": get["name"], "start": set(),
                "end": set(), "exact": set()})
            for key in ("p", "o", "start", "end", "exact"):
                facts[key].add(get[key])
    for kinds in found.values():
        for facts in (f for by_node in kinds.values() for f in by_node.values()):
            for key in ("start", "end", "exact"):
                facts[key].discard(None)
    return found


def _source(facts: dict):
    doc = facts["doc"]
    name = str(facts["name"]) if facts["name"] is not None else (str(doc) if doc is not None else None)
    starts, ends = facts["start"], facts["end"]
    exact = min(map(str, facts["exact"]), default="")
    span = None
    if len(starts) == 1 and len(ends) == 1:    # a broken evidence node has no one span
        span = spans(str(next(iter(starts))), str(next(iter(ends))), exact)
    return name, span


def add_sources(store: ox.Store, scope: dict, violations: list) -> list:
    """`violations` with their source documents and spans; `scope`: the graphs to read (the
    `Store.query` keywords the checks ran with)."""
    nodes = sorted({v.focus_node for v in violations if isinstance(v.focus_node, URIRef)})
    found = _evidence(store, scope, nodes) if nodes else {}
    out = []
    for v in violations:
        kinds = found.get(v.focus_node, {})
        doc, span = None, None
        if 0 in kinds:
            doc, span = _source(next(iter(kinds[0].values())))
        elif 1 in kinds:
            doc = _source(next(iter(kinds[1].values())))[0]
        elif 2 in kinds:
            def rank(item):
                e, facts = item
                name, where = _source(facts)
                return (v.path not in facts["p"] if isinstance(v.path, URIRef) else True,
                        v.value not in facts["o"] if v.value is not None else True,
                        where is None, str(name), where or (0, 0, ""), str(e))
            doc, span = _source(min(kinds[2].items(), key=rank)[1])
        out.append(replace(v, source_document=doc, source_span=span))
    return out
