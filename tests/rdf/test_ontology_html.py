"""docs/ontology/ (the HTML pages `pskg serve` shows at /ontology) is derived from
ontology/*.ttl by tools/make_ontology_html.py: it must be current and complete."""
import re
import subprocess
import sys

from rdflib import Graph
from rdflib.namespace import OWL, RDF, SKOS

from pskg.paths import ONTOLOGY_DIR, ROOT
from pskg.rdf.namespaces import PSKG

DOCS = ROOT / "docs" / "ontology"


def test_ontology_html_is_current():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_ontology_html.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_term_has_a_page_and_every_link_resolves():
    graph = Graph()
    for name in ("pskg.ttl", "topics.ttl", "roles.ttl"):
        graph.parse(ONTOLOGY_DIR / name)
    index = (DOCS / "index.html").read_text(encoding="utf-8")
    terms = {str(t) for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(PSKG))}
    terms |= {str(t) for t in graph.subjects(RDF.type, SKOS.Concept)}
    anchors = set(re.findall(r'<tr id="([^"]+)">', index))
    assert len(anchors) == len(terms)
    for page in DOCS.glob("*.html"):
        for href in re.findall(r'href="([^"#:]+\.html)"', page.read_text(encoding="utf-8")):
            assert (DOCS / href).is_file(), (page.name, href)
    names = [p.name.lower() for p in DOCS.glob("*.html")]
    assert len(names) == len(set(names))          # safe on a case-insensitive file system


def test_state_page_shows_codes_labels_and_rules():
    page = (DOCS / "pskg-State.html").read_text(encoding="utf-8")
    assert "Государство <small>(ru)</small>" in page
    for term in ("pskg:isoAlpha3", "pskg:cowCode", "pskg:gwCode"):
        assert term in page
    assert "exactly one ISO code" in page                 # a SHACL rule of ontology/shapes.ttl
    assert "http://www.wikidata.org/entity/Q3624078" in page
