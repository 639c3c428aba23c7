#!/usr/bin/env python3
"""Generate docs/ontology/ from ontology/*.ttl: index.html (every term, with an anchor) and one
page per term (pskg-State.html, topic-borders.html, role-president.html…) giving its IRI, its
labels in every language, its definition, its place in the hierarchy, domain and range, the
SHACL rules that apply to it (ontology/shapes.ttl) and its matches in Wikidata and other
vocabularies. `pskg serve` serves the folder at /ontology.

    .venv/bin/python tools/make_ontology_html.py          # rewrite docs/ontology/
    .venv/bin/python tools/make_ontology_html.py --check  # exit 1 when it is out of date

pyLODE was measured first (3.3.4, the last release installable on Python 3.11; 3.4.1 fails
at import): it runs the labels of all languages together ("StateГосударство") and its VocPub
profile renders none of the topic and role concepts, so this small generator is used instead.
"""
from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from pskg.paths import ONTOLOGY_DIR, ROOT
from pskg.rdf.namespaces import PSKG, ROLE, TOPIC

TARGET = ROOT / "docs" / "ontology"
PREFIXES = (("pskg", PSKG), ("topic", TOPIC), ("role", ROLE))
KINDS = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
         ("Datatype properties", OWL.DatatypeProperty))
LINKS = ((SKOS.exactMatch, "exact match"), (SKOS.closeMatch, "close match"),
         (SKOS.relatedMatch, "related match"), (SKOS.broadMatch, "broad match"),
         (OWL.equivalentClass, "equivalent class"), (OWL.equivalentProperty, "equivalent property"),
         (RDFS.seeAlso, "see also"))
STYLE = ("body{font:15px/1.5 sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}"
         "code{background:#f4f4f4;padding:0 .2em}table{border-collapse:collapse}"
         "th,td{text-align:left;vertical-align:top;padding:.2em .8em .2em 0;border-bottom:1px solid #ddd}"
         "th{white-space:nowrap}a{color:#0b5cad}")


def load() -> tuple[Graph, Graph]:
    graph = Graph()
    for name in ("pskg.ttl", "topics.ttl", "roles.ttl"):
        graph.parse(ONTOLOGY_DIR / name)
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    return graph, shapes


def curie(term) -> str | None:
    for prefix, ns in PREFIXES:
        if str(term).startswith(str(ns)):
            return f"{prefix}:{str(term)[len(str(ns)):]}"
    return None


SCHEMES = {TOPIC.scheme: "#topics", ROLE.scheme: "#roles"}
_PAGED: set[str] = set()   # the terms that have a page of their own
_CLASH: set[str] = set()   # terms whose page name differs only in case from another's


def page(term) -> str:
    """The term's file name; pskg:instrument (a property) and pskg:Instrument (a class) would
    be one file on a case-insensitive file system, so the property's name gets "-property"."""
    name = curie(term).replace(":", "-")
    return name + ("-property" if str(term) in _CLASH else "") + ".html"


def _ref(term, graph: Graph | None = None) -> str:
    """A link: to the term's page when it is ours, else to the IRI itself (shown as a prefixed
    name where the ontology binds the prefix); a class union reads "A or B"."""
    if isinstance(term, BNode) and graph is not None:
        members = graph.value(term, OWL.unionOf)
        if members is not None:
            return " or ".join(_ref(m, graph) for m in Collection(graph, members))
        return "(anonymous)"
    if curie(term):
        target = page(term) if str(term) in _PAGED else "index.html" + SCHEMES.get(term, "")
        return f'<a href="{target}"><code>{escape(curie(term))}</code></a>'
    shown = str(term)
    if graph is not None:
        try:
            shown = graph.namespace_manager.normalizeUri(term)
        except Exception:  # noqa: BLE001 - an IRI no prefix covers is shown whole
            pass
    return f'<a href="{escape(str(term))}"><code>{escape(shown)}</code></a>'


def _text(graph: Graph, term, prop) -> str:
    values = sorted(graph.objects(term, prop), key=lambda v: (getattr(v, "language", "") != "en", str(v)))
    return " ".join(str(values[0]).split()) if values else ""


def _labels(graph: Graph, term) -> str:
    labels = sorted((v.language or "", str(v)) for p in (RDFS.label, SKOS.prefLabel)
                    for v in graph.objects(term, p))
    return "; ".join(f"{escape(text)} <small>({lang})</small>" for lang, text in labels)


def terms(graph: Graph) -> list[tuple[str, list]]:
    sections = [(title, sorted(t for t in graph.subjects(RDF.type, kind) if curie(t)))
                for title, kind in KINDS]
    for title, scheme in (("Topics", TOPIC.scheme), ("Roles", ROLE.scheme)):
        sections.append((title, sorted(graph.subjects(SKOS.inScheme, scheme))))
    return sections


def _rules(shapes: Graph, term) -> list[str]:
    """The SHACL messages of the shapes that target the class or constrain the property."""
    messages = set()
    for shape in shapes.subjects(SH.targetClass, term):
        for node in [shape, *shapes.objects(shape, SH.property)]:
            messages.update(str(m) for m in shapes.objects(node, SH.message))
    for node in shapes.subjects(SH.path, term):
        messages.update(str(m) for m in shapes.objects(node, SH.message))
    return sorted(messages)


def _rows(graph: Graph, shapes: Graph, term) -> list[tuple[str, str]]:
    rows = [("IRI", f'<a href="{escape(str(term))}"><code>{escape(str(term))}</code></a>'),
            ("Labels", _labels(graph, term))]
    for prop, name in ((RDFS.comment, "Definition"), (SKOS.definition, "Definition"),
                       (SKOS.notation, "Notation")):
        if _text(graph, term, prop):
            rows.append((name, escape(_text(graph, term, prop))))
    for prop, name in ((RDF.type, "Type"), (RDFS.subClassOf, "Subclass of"),
                       (RDFS.subPropertyOf, "Subproperty of"), (RDFS.domain, "Domain"),
                       (RDFS.range, "Range"), (OWL.inverseOf, "Inverse of"),
                       (SKOS.broader, "Broader"), (SKOS.inScheme, "In scheme"), *LINKS):
        values = sorted(graph.objects(term, prop), key=lambda v: (isinstance(v, BNode), str(v)))
        if values:
            rows.append((name, ", ".join(_ref(v, graph) for v in values)))
    for prop, name in ((RDFS.domain, "Properties of it"), (RDFS.range, "Value of"),
                       (RDFS.subClassOf, "Subclasses"), (SKOS.broader, "Narrower")):
        values = sorted(s for s in graph.subjects(prop, term) if curie(s))
        if values:
            rows.append((name, ", ".join(_ref(v) for v in values)))
    rules = _rules(shapes, term)
    if rules:
        rows.append(("SHACL rules", "<br>".join(escape(r) for r in rules)))
    return rows


def _html(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n<title>{escape(title)}</title>\n'
            f"<style>{STYLE}</style></head>\n<body>\n{body}\n</body></html>\n")


def render() -> dict[str, str]:
    """File name → content, for index.html and one page per term."""
    graph, shapes = load()
    onto = URIRef(str(PSKG).rstrip("#"))
    title = _text(graph, onto, URIRef("http://purl.org/dc/terms/title"))
    files, index = {}, [f"<h1>{escape(title)}</h1>",
                        f"<p>{escape(_text(graph, onto, URIRef('http://purl.org/dc/terms/description')))}</p>",
                        "<p>Generated from <code>ontology/*.ttl</code> by <code>tools/make_ontology_html.py"
                        "</code>; do not edit. Version " + escape(_text(graph, onto, OWL.versionInfo)) + ".</p>"]
    sections = terms(graph)
    names = [str(t) for _, ts in sections for t in ts]
    lowered = [n.lower() for n in names]
    _PAGED.clear()
    _PAGED.update(names)
    _CLASH.clear()
    _CLASH.update(n for n in names if lowered.count(n.lower()) > 1 and n.rsplit("#", 1)[-1][:1].islower())
    index.append("<p>" + " · ".join(f'<a href="#{t.lower().replace(" ", "-")}">{t}</a> ({len(ts)})'
                                    for t, ts in sections) + "</p>")
    for section, members in sections:
        index += [f'<h2 id="{section.lower().replace(" ", "-")}">{section}</h2>',
                  "<table><tr><th>term</th><th>label</th><th>definition</th></tr>"]
        for term in members:
            label = escape(_text(graph, term, RDFS.label) or _text(graph, term, SKOS.prefLabel))
            definition = escape(_text(graph, term, RDFS.comment) or _text(graph, term, SKOS.definition))
            index.append(f'<tr id="{escape(curie(term))}"><td>{_ref(term)}</td><td>{label}</td>'
                         f"<td>{definition}</td></tr>")
            table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in _rows(graph, shapes, term))
            files[page(term)] = _html(f"{curie(term)} — pskg ontology",
                                      f'<p><a href="index.html">pskg ontology</a> › {section}</p>\n'
                                      f"<h1><code>{escape(curie(term))}</code> {label}</h1>\n"
                                      f"<table>{table}</table>")
        index.append("</table>")
    files["index.html"] = _html(title, "\n".join(index))
    return files


def main() -> int:
    files = render()
    stale = {p.name for p in TARGET.glob("*.html")} - set(files) if TARGET.is_dir() else set()
    if "--check" in sys.argv:
        wrong = sorted(n for n, text in files.items()
                       if not (TARGET / n).is_file() or (TARGET / n).read_text(encoding="utf-8") != text)
        if wrong or stale:
            print(f"{TARGET} is out of date ({', '.join((wrong + sorted(stale))[:5])}…): "
                  "run tools/make_ontology_html.py", file=sys.stderr)
            return 1
        return 0
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (TARGET / name).unlink()
    for name, text in files.items():
        Path(TARGET / name).write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}/index.html and {len(files) - 1} term pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
