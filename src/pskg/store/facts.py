"""The facts graph: the store's default graph holds the union of its named graphs, each triple once.

A store keeps one named graph per document (its claims and their evidence) and the reference
graph; that is what provenance, ``pskg remove`` and ``pskg push`` work on. Queries read the
default graph beside them: the same triples merged and deduplicated. A query over the union of
the named graphs sees a triple once per document that states it (pyoxigraph's union is a bag),
and a query joining several optional look-ups on one subject (a person's labels in each
language, an instrument's titles) multiplies those copies; over the merged graph it does not.

The graph is kept in step with the named graphs: ``replace`` and ``drop`` return the SPARQL
Update operations that change it with a document graph (in the same transaction), ``build``
makes it from scratch after a bulk load, and ``ensure`` makes it for a store that has none yet
(one built before this graph existed). ``reads_union`` tells a reader which graph to query: a
store whose default graph is empty (an older store, named graphs only) is read through the union.
"""
from __future__ import annotations

import pyoxigraph as ox

DEFAULT = ox.DefaultGraph()
CHUNK = 200_000          # quads per bulk write while building (memory stays flat)


def has_facts(store: ox.Store) -> bool:
    """True when the default graph holds triples (the merged graph, or a plain triple file)."""
    return next(iter(store.quads_for_pattern(None, None, None, DEFAULT)), None) is not None


def reads_union(store: ox.Store) -> bool:
    """Whether queries must read the union of the named graphs (no facts graph to read)."""
    return not has_facts(store)


def loaded(store: ox.Store) -> ox.Store:
    """A store just loaded from a graph file, with its named graphs merged into its default
    graph (added to what the file's own default graph holds); the store."""
    if next(iter(store.named_graphs()), None) is not None:
        build(store, clear=False)
    return store


def _named_quads(store: ox.Store):
    for graph in store.named_graphs():
        yield from store.quads_for_pattern(None, None, None, graph)


def build(store: ox.Store, *, clear: bool = True) -> int:
    """(Re)make the default graph from every named graph; the number of quads written
    (before deduplication). For stores of any size: streamed, bulk-written in chunks.
    ``clear=False`` keeps what the default graph already holds (a graph file's own default
    graph, loaded beside its named graphs)."""
    if clear:
        store.clear_graph(DEFAULT)
    written, batch = 0, []
    for quad in _named_quads(store):
        batch.append(ox.Quad(quad.subject, quad.predicate, quad.object, DEFAULT))
        if len(batch) >= CHUNK:
            store.bulk_extend(batch)
            written, batch = written + len(batch), []
    store.bulk_extend(batch)
    store.flush()
    return written + len(batch)


def ensure(store: ox.Store) -> bool:
    """Build the facts graph when the store has named graphs but no facts yet; True if built."""
    if has_facts(store) or next(iter(store.named_graphs()), None) is None:
        return False
    build(store)
    return True


def drop(graph_iri: str) -> str:
    """SPARQL Update operations that take out of the facts graph what only ``graph_iri`` states
    (to run just before that graph is dropped, in the same request)."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{graph_iri}>) }} }} ;\n")


def add(graph_iri: str) -> str:
    """SPARQL Update operation that puts what ``graph_iri`` states into the facts graph."""
    return f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }} ;\n"
