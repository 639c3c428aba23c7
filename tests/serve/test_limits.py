"""The limits of `pskg serve` (issues 10 and 13): time limit → 503 and a fresh backend; the row
cap in every format with X-Result-Truncated; memory per query; body size, lying lengths; a
simple query answered while two heavy ones run; dead backends replaced; /health that tells the
truth; 20 clients at once. Every load here is bounded in count and time, on 127.0.0.1."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import tempfile
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest

from pskg import store as st
from servers import oxigraph_binary, pskg_server
from servers import request as http

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_mini.trig"
JSON = {"Accept": "application/sparql-results+json"}
ALL = "SELECT * WHERE { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }"
# each BIND multiplies every literal of the graph by 8: without a limit, gigabytes in seconds
BOMB = ("SELECT (STRLEN(?h) AS ?n) {?s ?p ?o " + "".join(
    f"BIND(CONCAT({', '.join([f'?{a}'] * 8)}) AS ?{b}) " for a, b in zip("obcdef", "bcdefg"))
    + "BIND(CONCAT(?g,?g) AS ?h)} ORDER BY ?h")

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="oxigraph binary missing")


def ask(base: str, query: str = "ASK { ?s ?p ?o }", timeout: float = 60):
    return http(f"{base}/sparql?{urllib.parse.urlencode({'query': query})}", headers=JSON, timeout=timeout)


def health(base: str) -> tuple[int, dict]:
    status, _, body = http(f"{base}/health")
    return status, json.loads(body)


def wait_for(condition, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def capped():
    with pskg_server("--graph", str(FIXTURE), "--limit", "3", "--timeout", "3") as base:
        yield base


@pytest.mark.parametrize("accept, fmt", [("application/sparql-results+json", ox.QueryResultsFormat.JSON),
                                         ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
                                         ("text/tab-separated-values", ox.QueryResultsFormat.TSV)])
def test_row_cap_in_each_results_format(capped, accept, fmt):
    status, headers, body = http(f"{capped}/sparql", form={"query": ALL}, headers={"Accept": accept})
    assert status == 200 and headers["X-Result-Truncated"] == "3"
    assert headers["Content-Type"].startswith(accept)
    assert headers["Access-Control-Expose-Headers"] == "X-Result-Truncated"    # readable by CORS clients
    assert len(list(ox.parse_query_results(body, fmt))) == 3


def test_row_cap_csv_and_construct(capped):
    status, headers, body = http(f"{capped}/sparql", form={"query": ALL}, headers={"Accept": "text/csv"})
    assert headers["X-Result-Truncated"] == "3" and len(list(csv.reader(io.StringIO(body.decode())))) == 4
    for accept in ("text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"):
        status, headers, body = http(f"{capped}/sparql", form={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
                                     headers={"Accept": accept})
        assert status == 200 and headers["X-Result-Truncated"] == "3"
        assert len(list(ox.parse(body, ox.RdfFormat.from_media_type(accept)))) == 3


def test_within_the_cap_nothing_is_cut(capped):
    status, headers, body = ask(capped, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert status == 200 and "X-Result-Truncated" not in headers and len(json.loads(body)["results"]["bindings"]) == 3


def test_time_limit_is_503_and_a_fresh_backend_answers(capped):
    started = time.monotonic()
    status, _, body = ask(capped, SLOW)
    assert status == 503 and b"time limit" in body and time.monotonic() - started < 20
    assert ask(capped)[0] == 200


def test_body_size_and_lying_lengths(capped):
    port = urllib.parse.urlsplit(capped).port
    for length, expected in (("2097152", b"413"), ("999999999999", b"413"), ("-5", b"400"), ("1000", b"400")):
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall(f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query"
                         f"\r\nContent-Length: {length}\r\n\r\nASK {{}}".encode())
            sock.shutdown(socket.SHUT_WR)       # the rest of the announced body never comes
            answer = b"".join(iter(lambda: sock.recv(65536), b""))
        assert answer.split(b" ")[1] == expected, answer[:200]
    assert ask(capped)[0] == 200


def backend_rss_kb(pids) -> int:
    """The largest resident size (kB) among the processes ``pids``."""
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        rss = [int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")]
        total = max([total, *rss])        # a process already dead but not yet reaped has none
    return total


def test_memory_per_query_is_bounded():
    assert len(BOMB) < 400
    with pskg_server("--graph", str(FIXTURE), "--memory", "768", "--timeout", "30", "--workers", "2") as base:
        pids = health(base)[1]["backends"]["idle"]
        peak, done = [0], threading.Event()

        def sample():
            while not done.is_set():
                peak[0] = max(peak[0], backend_rss_kb(pids))
                time.sleep(0.05)

        watcher = threading.Thread(target=sample)
        watcher.start()
        try:
            status, _, body = ask(base, BOMB)
        finally:
            done.set()
            watcher.join()
        assert status == 503 and b"memory" in body
        print(f"peak backend RSS {peak[0] / 1024:.0f} MB")
        assert 0 < peak[0] < 1024 * 1024      # kB: 768 MB of heap, well under 1 GB resident
        assert ask(base)[0] == 200
        assert wait_for(lambda: len(health(base)[1]["backends"]["idle"]) == 2)


def test_simple_query_answers_while_two_heavy_ones_run():
    with pskg_server("--graph", str(FIXTURE), "--timeout", "8") as base:
        with ThreadPoolExecutor(2) as pool:
            heavy = [pool.submit(ask, base, SLOW) for _ in range(2)]
            assert wait_for(lambda: len(health(base)[1]["backends"]["busy"]) == 2, 10)
            status, _, body = ask(base, timeout=5)
            assert status == 200 and json.loads(body)["boolean"] is True
            assert all(f.result()[0] == 503 for f in heavy)


def test_dead_backends_are_replaced_and_health_tells_the_truth(tmp_path):
    where = tmp_path / "store"
    st.load_dataset(st.open_store(where), FIXTURE)
    with pskg_server("--store", str(where), "--workers", "2") as base:
        status, state = health(base)
        assert status == 200 and state["status"] == "ok" and len(state["backends"]["idle"]) == 2
        first = state["backends"]["idle"][0]
        os.kill(first, signal.SIGKILL)        # a backend this test's server started
        assert wait_for(lambda: first not in health(base)[1]["backends"]["idle"]
                        and len(health(base)[1]["backends"]["idle"]) == 2)
        assert ask(base)[0] == 200
        shutil.rmtree(where)                  # the store is gone: no backend can start again
        for pid in health(base)[1]["backends"]["idle"]:
            os.kill(pid, signal.SIGKILL)
        assert wait_for(lambda: health(base)[0] == 503)
        assert health(base)[1]["status"] == "down"


def is_oxigraph(pid: int) -> bool:
    try:
        return b"oxigraph" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def test_backends_die_with_a_killed_server():
    with pskg_server("--graph", str(FIXTURE), "--workers", "2") as base:
        state = health(base)[1]
        backends = state["backends"]["idle"]
        os.kill(state["pid"], signal.SIGKILL)     # the server this test started
        try:
            assert wait_for(lambda: not any(is_oxigraph(pid) for pid in backends), 10)
        finally:
            for pid in filter(is_oxigraph, backends):  # left behind only if the test failed
                os.kill(pid, signal.SIGKILL)
    left = [f for f in Path(tempfile.gettempdir()).glob("pskg-serve-*")
            if (f / "owner.pid").is_file() and (f / "owner.pid").read_text() == str(state["pid"])]
    assert len(left) == 1                         # its temporary store, until the next start
    with pskg_server("--graph", str(FIXTURE), "--workers", "1"):
        assert not left[0].exists()


def test_twenty_clients_at_once_are_not_stalled(capped):
    port = urllib.parse.urlsplit(capped).port
    barrier = threading.Barrier(20)

    def client(_):
        barrier.wait(10)
        started = time.monotonic()
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            connected = time.monotonic() - started
            sock.sendall(b"GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            answer = b"".join(iter(lambda: sock.recv(65536), b""))
        return connected, answer.split(b" ")[1]

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(client, range(20)))
    assert [code for _, code in results] == [b"200"] * 20
    assert max(t for t, _ in results) < 0.9     # a dropped SYN is retried after 1 s
