"""rdf: resolved Records → RDF, and RDF files in and out.

- ``namespaces``: the IRIs of the ontology and of the data (one place);
- ``mapping``: one named graph per document, every claim with its evidence (document, span);
- ``reference_graph``: the curated world knowledge of ``data/reference/`` as a graph;
- ``terms``: terms between rdflib, pyoxigraph and N-Triples text;
- ``load``: graph files in (any RDF syntax) as an rdflib Dataset;
- ``export``: the graph out as deterministic Turtle, TriG, N-Triples, N-Quads, JSON-LD.
"""
