"""Generate docs/ontology.md from ontology/*.ttl — the ontology is the one source of the terms;
this page is derived from it, and tests/test_ontology_doc.py checks that it is current.

    .venv/bin/python tools/make_ontology_doc.py          # rewrite docs/ontology.md
    .venv/bin/python tools/make_ontology_doc.py --check  # exit 1 when it is out of date
"""
from __future__ import annotations

import sys

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from pskg.paths import ONTOLOGY_DIR, ROOT
from pskg.rdf.namespaces import PSKG, ROLE, TOPIC

TARGET = ROOT / "docs" / "ontology.md"


def _en(graph: Graph, node, prop) -> str:
    values = [v for v in graph.objects(node, prop) if getattr(v, "language", None) in ("en", None)]
    return " ".join(str(sorted(values)[0]).split()) if values else ""


def _short(term) -> str:
    for prefix, ns in (("pskg", PSKG), ("topic", TOPIC), ("role", ROLE)):
        if str(term).startswith(str(ns)):
            return f"{prefix}:{str(term)[len(str(ns)):]}"
    return str(term)


def render() -> str:
    graph = Graph()
    for name in ("pskg.ttl", "topics.ttl", "roles.ttl"):
        graph.parse(ONTOLOGY_DIR / name)
    lines = ["# The pskg ontology", "",
             "Generated from `ontology/*.ttl` by `tools/make_ontology_doc.py`; do not edit.", ""]
    sections = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
                ("Datatype properties", OWL.DatatypeProperty))
    for title, kind in sections:
        lines += [f"## {title}", "", "| term | label | comment |", "|---|---|---|"]
        for term in sorted(t for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(PSKG))):
            lines.append(f"| `{_short(term)}` | {_en(graph, term, RDFS.label)} | "
                         f"{_en(graph, term, RDFS.comment)} |")
        lines.append("")
    for title, scheme in (("Topics", TOPIC.scheme), ("Roles", ROLE.scheme)):
        lines += [f"## {title} (`{_short(scheme)}`)", "", "| concept | label | broader |",
                  "|---|---|---|"]
        for concept in sorted(graph.subjects(SKOS.inScheme, scheme)):
            broader = ", ".join(f"`{_short(b)}`" for b in sorted(graph.objects(concept, SKOS.broader)))
            lines.append(f"| `{_short(concept)}` | {_en(graph, concept, SKOS.prefLabel)} | {broader} |")
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run tools/make_ontology_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
