"""Push the graph to any SPARQL 1.1 endpoint, one named graph at a time, each replaced as a unit.

Two ways in: the Graph Store HTTP Protocol (``PUT <graph-store>?graph=<g>`` with an N-Triples
body) or SPARQL Update (``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { … } }`` in one
request). Credentials come from ``PSKG_ENDPOINT_USER`` / ``PSKG_ENDPOINT_PASSWORD`` or from
``~/.netrc`` for the endpoint's host — never from the command line.
"""
from __future__ import annotations

import netrc
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

NTRIPLES = "application/n-triples"


@dataclass
class PushReport:
    graphs: list[str]
    triples: int
    method: str


def credentials(url: str) -> tuple[str, str] | None:
    """(user, password) for ``url`` from the environment, else from netrc; None when neither has one."""
    user, password = os.environ.get("PSKG_ENDPOINT_USER"), os.environ.get("PSKG_ENDPOINT_PASSWORD")
    if user:
        return user, password or ""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        found = netrc.netrc().authenticators(host)
    except (FileNotFoundError, netrc.NetrcParseError):
        return None
    return (found[0], found[2] or "") if found else None


def _opener(url: str) -> urllib.request.OpenerDirector:
    handlers = []
    creds = credentials(url)
    if creds:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, *creds)
        handlers += [urllib.request.HTTPDigestAuthHandler(manager),
                     urllib.request.HTTPBasicAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


def request(url: str, method: str = "GET", body: bytes | None = None,
            content_type: str | None = None, accept: str | None = None, timeout: float = 300) -> bytes:
    """One HTTP call with the endpoint's credentials; raises RuntimeError with the server's words."""
    try:
        req = urllib.request.Request(url, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if accept:
            req.add_header("Accept", accept)
        with _opener(url).open(req, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace")[:500]
        raise RuntimeError(f"{method} {url} → HTTP {err.code}: {detail}") from None
    except (urllib.error.URLError, OSError, ValueError) as err:      # refused, timeout, bad URL
        reason = getattr(err, "reason", None) or err
        raise RuntimeError(f"{method} {url}: {getattr(reason, 'strerror', None) or reason}") from None


def _as_store(source) -> ox.Store:
    """An ox.Store from a store, a TriG/N-Quads file path, or an rdflib Dataset."""
    if isinstance(source, ox.Store):
        return source
    store = ox.Store()
    if isinstance(source, (str, Path)):
        store.bulk_load(path=str(source))
    else:
        store.bulk_load(source.serialize(format="nquads", encoding="utf-8"), ox.RdfFormat.N_QUADS)
    return store


def graph_ntriples(store: ox.Store, graph: str) -> bytes:
    return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph))


def put_graph(graph_store_url: str, graph: str, ntriples: bytes) -> None:
    """Graph Store Protocol: replace one named graph with ``ntriples``."""
    sep = "&" if "?" in graph_store_url else "?"
    url = f"{graph_store_url}{sep}{urllib.parse.urlencode({'graph': graph})}"
    request(url, "PUT", ntriples, NTRIPLES)


def update(update_url: str, sparql: str) -> None:
    """SPARQL 1.1 Update via POST (``application/sparql-update`` body)."""
    request(update_url, "POST", sparql.encode("utf-8"), "application/sparql-update; charset=utf-8")


def replace_graph_update(update_url: str, graph: str, ntriples: bytes) -> None:
    update(update_url, f"DROP SILENT GRAPH <{graph}> ;\n"
                       f"INSERT DATA {{ GRAPH <{graph}> {{\n{ntriples.decode('utf-8')}}} }}")


def delete_graph(endpoint_url: str, graph: str, *, graph_store_url: str | None = None) -> None:
    """Remove one named graph remotely (GSP DELETE when a graph store URL is given)."""
    if graph_store_url:
        sep = "&" if "?" in graph_store_url else "?"
        request(f"{graph_store_url}{sep}{urllib.parse.urlencode({'graph': graph})}", "DELETE")
    else:
        update(endpoint_url, f"DROP SILENT GRAPH <{graph}>")


def push(source, endpoint_url: str | None = None, *, graph_store_url: str | None = None,
         method: str | None = None, graphs: list[str] | None = None) -> PushReport:
    """Load each named graph of ``source`` (a store, a TriG/N-Quads path or an rdflib Dataset)
    into the endpoint, replacing each graph as a unit.

    ``method='gsp'`` PUTs to ``graph_store_url``; ``method='update'`` POSTs SPARQL Update to
    ``endpoint_url`` (the update endpoint). Default: GSP when a graph store URL is given."""
    method = method or ("gsp" if graph_store_url else "update")
    if method == "gsp" and not graph_store_url:
        raise ValueError("method 'gsp' needs graph_store_url")
    if method == "update" and not endpoint_url:
        raise ValueError("method 'update' needs endpoint_url (the SPARQL Update endpoint)")
    if method not in ("gsp", "update"):
        raise ValueError(f"unknown push method {method!r}")
    store = _as_store(source)
    names = graphs or sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    total = 0
    for graph in names:
        body = graph_ntriples(store, graph)
        total += body.count(b"\n")
        if method == "gsp":
            put_graph(graph_store_url, graph, body)
        else:
            replace_graph_update(endpoint_url, graph, body)
    return PushReport(names, total, method)
