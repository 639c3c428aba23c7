"""Query workers for `pskg serve`: each a child process holding the graph read-only.

A pyoxigraph query cannot be interrupted from another thread, so a query that outlives the
time limit is stopped by killing its worker, and a fresh worker takes its place.
Results are written here, at most ``limit`` rows (or triples) of them.
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing as mp
import queue
import threading
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from pskg.store import facts

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
MEDIA = {"json": "application/sparql-results+json", "csv": "text/csv; charset=utf-8",
         "tsv": "text/tab-separated-values; charset=utf-8", "xml": "application/sparql-results+xml",
         "nt": "application/n-triples", "ttl": "text/turtle"}


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    cell = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value not in (XSD_STRING, LANG_STRING):
        cell["datatype"] = term.datatype.value
    return cell


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    cell = _json_term(term)
    attr = (f" xml:lang={quoteattr(cell['xml:lang'])}" if "xml:lang" in cell
            else f" datatype={quoteattr(cell['datatype'])}" if "datatype" in cell else "")
    return f"<literal{attr}>{escape(term.value)}</literal>"


def _select(result: ox.QuerySolutions, fmt: str, limit: int) -> tuple[bytes, bool]:
    names = [v.value for v in result.variables]
    rows, truncated = [], False
    for sol in result:
        if len(rows) >= limit:
            truncated = True
            break
        rows.append([sol[n] for n in names])
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        if fmt == "csv":
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(names)
            writer.writerows([("" if t is None else t.value if not isinstance(t, ox.BlankNode)
                               else str(t)) for t in row] for row in rows)
        else:
            out.write("\t".join("?" + n for n in names) + "\n")
            out.writelines("\t".join("" if t is None else str(t) for t in row) + "\n" for row in rows)
        return out.getvalue().encode("utf-8"), truncated
    if fmt == "xml":
        head = "".join(f"<variable name={quoteattr(n)}/>" for n in names)
        body = "".join("<result>" + "".join(f"<binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                                            for n, t in zip(names, row) if t is not None) + "</result>"
                       for row in rows)
        return (f'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head>{head}</head><results>{body}</results></sparql>").encode("utf-8"), truncated
    bindings = [{n: _json_term(t) for n, t in zip(names, row) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8"), truncated


def run_query(store: ox.Store, sparql: str, fmt: str, limit: int) -> tuple[int, str, bytes, bool]:
    """(HTTP status, media type, body, truncated) for one query over the facts graph (the union of the graphs)."""
    try:
        result = store.query(sparql, use_default_graph_as_union=facts.reads_union(store))
    except SyntaxError as err:
        return 400, "text/plain; charset=utf-8", f"SPARQL syntax error: {err}".encode(), False
    if isinstance(result, ox.QueryBoolean):
        if fmt in ("csv", "tsv"):
            return 200, MEDIA[fmt], str(bool(result)).lower().encode(), False
        return 200, MEDIA["json"], json.dumps({"head": {}, "boolean": bool(result)}).encode(), False
    if isinstance(result, ox.QuerySolutions):
        fmt = fmt if fmt in ("json", "csv", "tsv", "xml") else "json"
        body, truncated = _select(result, fmt, limit)
        return 200, MEDIA[fmt], body, truncated
    triples = []
    for triple in result:
        if len(triples) >= limit:
            break
        triples.append(triple)
    fmt = "ttl" if fmt == "ttl" else "nt"
    rdf = ox.RdfFormat.TURTLE if fmt == "ttl" else ox.RdfFormat.N_TRIPLES
    return 200, MEDIA[fmt], ox.serialize(triples, format=rdf), len(triples) >= limit


def open_source(source: tuple[str, str]) -> ox.Store:
    kind, path = source
    if kind == "store":
        return ox.Store.read_only(path)
    store = ox.Store()
    store.bulk_load(path=path)
    return facts.loaded(store)


def worker_main(conn, source: tuple[str, str]) -> None:  # pragma: no cover - runs in a child
    try:
        store = open_source(source)
    except Exception as err:  # noqa: BLE001 - reported to the parent, which refuses to start
        conn.send(("error", f"{type(err).__name__}: {err}"))
        return
    conn.send(("ready", facts.size(store)))
    while True:
        try:
            sparql, fmt, limit = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(run_query(store, sparql, fmt, limit))
        except Exception as err:  # noqa: BLE001
            conn.send((500, "text/plain; charset=utf-8", f"{type(err).__name__}: {err}".encode(), False))


class QueryPool:
    """``workers`` child processes; a query gets ``timeout`` seconds, then its worker is killed."""

    def __init__(self, source: tuple[str, str], workers: int = 2, timeout: float = 10):
        self.source, self.timeout = source, timeout
        self.ctx = mp.get_context("spawn")
        self.idle: queue.Queue = queue.Queue()
        self.procs: set = set()
        self.closed = False
        self.triples = 0
        for proc, conn in [self._spawn() for _ in range(max(1, workers))]:
            problem = self._await_ready(proc, conn)
            if problem:
                self.close()
                raise RuntimeError(f"cannot open {source[1]}: {problem}")

    def _spawn(self):
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=worker_main, args=(child, self.source), daemon=True)
        proc.start()
        child.close()
        self.procs.add(proc)
        return proc, parent

    def _await_ready(self, proc, conn) -> str | None:
        """Wait for a worker to load the graph; put it to work, or return what went wrong."""
        try:
            status, detail = conn.recv()
        except (EOFError, OSError) as err:
            status, detail = "error", f"worker died while loading ({err or type(err).__name__})"
        if status != "ready":
            proc.kill()
            self.procs.discard(proc)
            return detail
        self.triples = detail
        self.idle.put((proc, conn))
        return None

    def _replace(self, proc) -> None:
        proc.kill()
        proc.join(5)
        self.procs.discard(proc)
        if not self.closed:
            threading.Thread(target=lambda: self._await_ready(*self._spawn()), daemon=True).start()

    def run(self, sparql: str, fmt: str, limit: int) -> tuple[int, str, bytes, bool]:
        try:
            proc, conn = self.idle.get(timeout=self.timeout)
        except queue.Empty:
            return 503, "text/plain", b"all query workers are busy; try again", False
        problem = f"query stopped after the {self.timeout:g} s time limit"
        try:
            conn.send((sparql, fmt, limit))
            if conn.poll(self.timeout):
                answer = conn.recv()
                self.idle.put((proc, conn))
                return answer
        except (EOFError, OSError) as err:
            problem = f"query worker failed ({type(err).__name__}); restarting it"
        self._replace(proc)
        return 503, "text/plain; charset=utf-8", problem.encode(), False

    def close(self) -> None:
        self.closed = True
        for proc in list(self.procs):
            proc.terminate()
            proc.join(5)
            if proc.is_alive():
                proc.kill()
        self.procs.clear()
