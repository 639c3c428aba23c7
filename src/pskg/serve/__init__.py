"""serve: a store or graph file → a read-only SPARQL endpoint with a query page, on loopback.

- ``backend``: Oxigraph server processes (``oxigraph serve-read-only``), one query at a time each;
- ``proxy``: one query through a backend within the time, row, size and memory limits;
- ``cap``: the row cap, with Oxigraph's own parsers and writers;
- ``guard``: Host, cross-site form posts, SERVICE, body size;
- ``server``: the HTTP routes; ``run``: start and stop; ``page``: the query page.
"""
from pskg.serve.run import make_server, serve, source_of

__all__ = ["make_server", "serve", "source_of"]
