"""Latency of `pskg serve` (proxy + Oxigraph backends) against its parts, measured in one run:

- in-process pyoxigraph: the query and its JSON/Turtle writing, no HTTP (the floor);
- `oxigraph serve-read-only` reached directly over loopback HTTP (what the proxy adds to);
- `pskg serve`, the same requests through the proxy (limits, row cap, guard).

The graph is the bundled corpus built by the real pipeline. Prints the median of N requests per
query, the ratios, and the resident memory of the proxy and of one idle backend.

    .venv/bin/python bench/serve.py [-n 50]
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from pskg.paths import DATA_DIR, ROOT
from pskg.serve.backend import free_port, load_into_temp_store, oxigraph_binary

QUERIES = {
    "select 100 rows": ("PREFIX pskg: <https://w3id.org/pskg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
                        "SELECT ?i ?t ?d WHERE { ?i a pskg:Instrument ; dcterms:title ?t . "
                        "OPTIONAL { ?i pskg:dateSigned ?d } } ORDER BY ?d LIMIT 100",
                        "application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "count all": ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json",
                  ox.QueryResultsFormat.JSON),
    "construct 500": ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 500", "text/turtle", ox.RdfFormat.TURTLE),
}


def wait(url: str) -> None:
    for _ in range(600):
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


def timed(fn, n: int) -> float:
    fn()
    times = []
    for _ in range(n):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def over_http(endpoint: str, query: str, accept: str):
    """One GET on a fresh connection (the same client code for both servers)."""
    parts = urllib.parse.urlsplit(endpoint)
    target = f"{parts.path}?{urllib.parse.urlencode({'query': query})}"

    def once() -> bytes:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        try:
            conn.request("GET", target, headers={"Accept": accept})
            response = conn.getresponse()
            assert response.status == 200, response.status
            return response.read()
        finally:
            conn.close()
    return once


def rss_mb(pid: int) -> float:
    line = next(x for x in Path(f"/proc/{pid}/status").read_text().splitlines() if x.startswith("VmRSS"))
    return int(line.split()[1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50)
    args = parser.parse_args()
    from pskg.pipeline import build
    from pskg.rdf.export import export
    tmp = Path(tempfile.mkdtemp(prefix="pskg-bench-serve-"))
    graph = tmp / "pskg.trig"
    export(build(DATA_DIR / "corpus").dataset, "trig", graph)
    binary = oxigraph_binary()
    store = load_into_temp_store(binary, graph)
    memory = ox.Store()
    memory.bulk_load(path=str(graph))
    direct_port, pskg_port = free_port(), free_port()
    direct = subprocess.Popen([binary, "serve-read-only", "--location", str(store), "--union-default-graph",
                               "--bind", f"127.0.0.1:{direct_port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proxy = subprocess.Popen([sys.executable, "-m", "pskg.serve", "--graph", str(graph), "--port", str(pskg_port)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait(f"http://127.0.0.1:{direct_port}/query?query=ASK%7B%7D")
        wait(f"http://127.0.0.1:{pskg_port}/health")
        print(f"{len(memory):,} quads; median of {args.n} requests per query, ms\n")
        print("| query | in-process | oxigraph direct | pskg serve | pskg / direct | pskg / in-process |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, (query, accept, fmt) in QUERIES.items():
            def local(query=query, fmt=fmt):
                result = memory.query(query, use_default_graph_as_union=True)
                return ox.serialize(result, format=fmt) if isinstance(fmt, ox.RdfFormat) else result.serialize(format=fmt)
            floor = timed(local, args.n)
            plain = timed(over_http(f"http://127.0.0.1:{direct_port}/query", query, accept), args.n)
            ours = timed(over_http(f"http://127.0.0.1:{pskg_port}/sparql", query, accept), args.n)
            print(f"| {name} | {floor:.1f} | {plain:.1f} | {ours:.1f} | {ours / plain:.2f} | {ours / floor:.2f} |")
        print(f"\nresident memory: pskg serve proxy {rss_mb(proxy.pid):.0f} MB, "
              f"oxigraph serve-read-only {rss_mb(direct.pid):.0f} MB")
    finally:
        for proc in (proxy, direct):
            proc.terminate()
            proc.wait(10)
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(store, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
