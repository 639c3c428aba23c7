"""query: a graph (rdflib, the embedded store or a remote endpoint) → answers to named queries.

- ``named``: ``queries/*.rq`` with their parameter headers; values bound as RDF terms, never
  pasted into the text; run on rdflib, pyoxigraph or an endpoint (SPARQLWrapper);
- ``formats``: results as a table, CSV or JSON;
- ``summary``: what a built graph holds, document by document;
- ``compare``: the same named queries on an endpoint and embedded must give the same rows.
"""
from pskg.query.formats import FORMATS, format_result
from pskg.query.named import (
                              PARAM_TYPES,
                              NamedQuery,
                              Param,
                              QueryError,
                              QueryResult,
                              bind,
                              find_queries,
                              inject,
                              load_query,
                              parse_query,
                              run,
                              run_remote,
                              to_term,
                              values_block,
)

__all__ = ["FORMATS", "PARAM_TYPES", "NamedQuery", "Param", "QueryError", "QueryResult", "bind",
           "find_queries", "format_result", "inject", "load_query", "parse_query", "run",
           "run_remote", "to_term", "values_block"]
