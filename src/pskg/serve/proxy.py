"""One query through a backend, with the limits of `pskg serve`.

The request goes to an idle Oxigraph backend as the client sent it (the query string, or the
body with its Content-Type, and the Accept header), so Oxigraph does the SPARQL 1.1 protocol:
content negotiation with q-values, 406, every results format, ``default-graph-uri`` and
``named-graph-uri``, the service description. Around it:

- time: a watchdog kills the backend when the query is not answered within ``timeout``
  seconds; the client gets 503 (Oxigraph alone would send 200 and a cut body);
- rows: at most ``limit`` rows or triples (``X-Result-Truncated: limit`` when cut);
- size: an answer over ``max_bytes`` is refused with 503;
- memory: a backend that dies (its address-space limit) gives 503 and is replaced.
"""
from __future__ import annotations

import http.client
import threading
from dataclasses import dataclass, field

from pskg.serve.backend import BackendPool
from pskg.serve.cap import Recorder, TooLarge, capped

TEXT = "text/plain; charset=utf-8"


@dataclass
class Answer:
    status: int
    media_type: str
    body: bytes
    headers: dict = field(default_factory=dict)


def _text(status: int, message: str) -> Answer:
    return Answer(status, TEXT, (message + "\n").encode("utf-8"))


@dataclass
class Limits:
    timeout: float = 10.0
    limit: int = 1000
    max_bytes: int = 64 * 1024 * 1024
    memory_mb: int = 2048


def forward(pool: BackendPool, limits: Limits, method: str, target: str, body: bytes | None,
            headers: dict, cap: bool = True) -> Answer:
    """Send ``method target`` (``/query?…``) to a backend; the answer, capped, or a 503.
    ``cap=False`` for a request without a query (the service description)."""
    backend = pool.acquire(wait=limits.timeout)
    if backend is None:
        return _text(503, f"all {pool.size} query backends stayed busy for {limits.timeout:g} s; try again")
    stopped = threading.Event()

    def stop() -> None:
        stopped.set()
        backend.proc.kill()

    watchdog = threading.Timer(limits.timeout, stop)
    watchdog.start()
    conn = http.client.HTTPConnection("127.0.0.1", backend.port, timeout=limits.timeout + 5)
    keep = False
    try:
        conn.request(method, target, body=body, headers=headers)
        response = conn.getresponse()
        media_type = response.getheader("Content-Type") or "application/octet-stream"
        if response.status == 200 and cap:
            data, truncated = capped(response, media_type, limits.limit, limits.max_bytes)
        else:
            data, truncated = Recorder(response, limits.max_bytes).drain(), False
        keep = not truncated and not stopped.is_set()
        extra = {"X-Result-Truncated": str(limits.limit)} if truncated else {}
        answer = Answer(response.status, media_type, data, extra)
    except TooLarge as err:
        answer = _text(503, f"{err}; ask for fewer or shorter rows (LIMIT, projection)")
    except (OSError, http.client.HTTPException, SyntaxError, ValueError) as err:
        answer = _text(503, f"query backend failed ({type(err).__name__}): the query probably "
                            f"ran out of its {limits.memory_mb:,} MB memory limit; it was stopped")
    finally:
        watchdog.cancel()
        conn.close()
    if stopped.is_set():
        keep, answer = False, _text(503, f"query stopped after the {limits.timeout:g} s time limit")
    if keep and backend.alive():
        pool.release(backend)
    else:
        pool.discard(backend)
    return answer
