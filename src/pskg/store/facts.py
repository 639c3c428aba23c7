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

import io
import re

import pyoxigraph as ox

DEFAULT = ox.DefaultGraph()
CHUNK_BYTES = 1 << 25    # N-Triples per bulk load while building (memory stays flat)


def has_facts(store: ox.Store) -> bool:
    """True when the default graph holds triples (the merged graph, or a plain triple file)."""
    return next(iter(store.quads_for_pattern(None, None, None, DEFAULT)), None) is not None


def reads_union(store: ox.Store) -> bool:
    """Whether queries must read the union of the named graphs (no facts graph to read)."""
    return not has_facts(store)


def size(store: ox.Store) -> int:
    """The number of triples queries see: the facts graph's (or, without one, the union's)."""
    answer = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                         use_default_graph_as_union=reads_union(store))
    return int(next(iter(answer))["n"].value)


def loaded(store: ox.Store) -> ox.Store:
    """A store just loaded from a graph file, with its named graphs merged into its default
    graph (added to what the file's own default graph holds); the store."""
    if next(iter(store.named_graphs()), None) is not None:
        build(store, clear=False)
    return store


def build(store: ox.Store, *, clear: bool = True) -> None:
    """(Re)make the default graph from every named graph, for stores of any size: each graph
    is dumped as N-Triples by pyoxigraph and bulk-loaded into the default graph a few MB at a
    time. A graph with blank nodes goes quad by quad instead (a parser would rename them).
    ``clear=False`` keeps what the default graph already holds (a graph file's own default
    graph, loaded beside its named graphs)."""
    if clear:
        store.clear_graph(DEFAULT)
    buffer = io.BytesIO()
    for graph in list(store.named_graphs()):
        mark = buffer.tell()
        store.dump(buffer, ox.RdfFormat.N_TRIPLES, from_graph=graph)
        if b"_:" in buffer.getbuffer()[mark:].tobytes():   # blank nodes: keep their identity
            buffer.seek(mark)
            buffer.truncate()
            store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, DEFAULT)
                              for q in store.quads_for_pattern(None, None, None, graph))
        if buffer.tell() >= CHUNK_BYTES:
            store.bulk_load(buffer.getvalue(), ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT)
            buffer = io.BytesIO()
    if buffer.tell():
        store.bulk_load(buffer.getvalue(), ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT)
    store.flush()


_PSKG_GRAPH = re.compile(rb" <https://w3id\.org/pskg/id/graph/[^<>\s]*> \.(?=\r?\n)")


def add_nquads_file(store: ox.Store, path) -> bool:
    """Add to the facts graph the triples of an N-Quads file of pskg graphs just bulk-loaded
    (text in, no read-back of the store: ~10x faster than `build` on a large store). False,
    with nothing added, when the file is not one it can take line by line (blank nodes, whose
    labels a parser renames, or a graph not named by pskg): use `build` then."""
    chunks = []
    with open(path, "rb") as src:
        while lines := src.readlines(CHUNK_BYTES):
            text = b"".join(lines)
            if b"_:" in text:
                return False
            chunks.append(_PSKG_GRAPH.sub(b" .", text))
            if sum(map(len, chunks)) >= CHUNK_BYTES:
                if not _load_triples(store, chunks):
                    return False
                chunks = []
    return _load_triples(store, chunks)


def _load_triples(store: ox.Store, chunks: list[bytes]) -> bool:
    try:
        for chunk in list(chunks):
            store.bulk_load(chunk, ox.RdfFormat.N_TRIPLES, to_graph=DEFAULT)
    except SyntaxError:       # a line kept a fourth term: a graph not named by pskg
        store.clear_graph(DEFAULT)
        return False
    return True


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
