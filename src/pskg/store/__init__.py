"""store: validated graphs → a store that survives restarts, and out to other endpoints.

In: N-Quads (one named graph per document, `pskg.rdf`); out: a pyoxigraph store on disk.
- ``embedded``: the on-disk store, one named graph per document keyed by its content hash;
  incremental ingest (only new or changed documents are extracted), dump, queries;
- ``facts``: the default graph queries read, the union of the named graphs with each triple
  once (pyoxigraph's union default graph is a bag), kept in step with every change;
- ``bulk``: Records → N-Quads written record by record and bulk-loaded, for corpora too large
  for an rdflib Dataset;
- ``remote``: push named graphs to any SPARQL 1.1 endpoint (Graph Store Protocol or Update).
"""
from pskg.store.embedded import (
                                 DEFAULT_STORE,
                                 FORMATS,
                                 NQUADS,
                                 Item,
                                 Plan,
                                 document_files,
                                 document_hashes,
                                 drop_graph,
                                 dump,
                                 find_graphs,
                                 ingest,
                                 load_dataset,
                                 normalise_hash,
                                 open_store,
                                 plan_ingest,
                                 query,
                                 replace_graph,
                                 to_dataset,
)

__all__ = ["DEFAULT_STORE", "FORMATS", "NQUADS", "Item", "Plan", "document_files",
           "document_hashes", "drop_graph", "dump", "find_graphs", "ingest", "load_dataset",
           "normalise_hash", "open_store", "plan_ingest", "query", "replace_graph", "to_dataset"]
