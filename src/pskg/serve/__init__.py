"""serve: a store or graph file → a read-only SPARQL endpoint with a query page, on loopback.

- ``server``: the HTTP endpoint (protocol, content negotiation, limits);
- ``worker``: each query in a killable worker process with a time and row limit;
- ``page``: the query page with the named queries of ``queries/`` one click away.
"""
from pskg.serve.server import make_server, negotiate, serve, source_of

__all__ = ["make_server", "negotiate", "serve", "source_of"]
