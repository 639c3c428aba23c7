"""Real servers for tests: an Oxigraph SPARQL server and `pskg serve`, each on a free loopback port,
started as a child process and stopped by its pid (terminate, wait, kill)."""
from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from pskg.serve.backend import free_port, oxigraph_binary

ROOT = Path(__file__).resolve().parents[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {_output(proc)}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server at {url} did not answer within {timeout}s")


def _output(proc: subprocess.Popen) -> str:
    log = getattr(proc, "log_path", None)
    with contextlib.suppress(OSError, TypeError):
        return Path(log).read_text("utf-8", "replace")[-2000:]
    return ""


def _start(cmd: list[str], cwd: Path | None = None) -> subprocess.Popen:
    """Start a child with its output in a temporary log file (a full pipe would block it)."""
    log = tempfile.NamedTemporaryFile(prefix="pskg-server-", suffix=".log", delete=False)
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    proc.log_path = log.name
    return proc


def stop(proc: subprocess.Popen, grace: float = 10) -> None:
    """Stop one child we started, by its pid: terminate, wait, then kill."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(grace)
    with contextlib.suppress(OSError, TypeError):
        Path(getattr(proc, "log_path", None)).unlink()


@dataclass
class Oxigraph:
    base: str

    @property
    def query(self) -> str:
        return f"{self.base}/query"

    @property
    def update(self) -> str:
        return f"{self.base}/update"

    @property
    def store(self) -> str:
        return f"{self.base}/store"


@contextlib.contextmanager
def oxigraph_server(location: Path, *, union_default_graph: bool = True, read_only: bool = False,
                    cors: bool = False):
    """`oxigraph serve[-read-only] --location DIR --bind 127.0.0.1:PORT [--union-default-graph] [--cors]`.

    With --union-default-graph a query's default graph is the union of all named graphs, as in
    the embedded store (``use_default_graph_as_union=True``), so the named queries run unchanged."""
    binary = oxigraph_binary()
    if binary is None:
        raise RuntimeError("oxigraph server binary not found: pip install oxigraph")
    port = free_port()
    cmd = [binary, "serve-read-only" if read_only else "serve", "--location", str(location),
           "--bind", f"127.0.0.1:{port}"]
    cmd += ["--union-default-graph"] * union_default_graph + ["--cors"] * cors
    proc = _start(cmd)
    try:
        server = Oxigraph(f"http://127.0.0.1:{port}")
        wait_until_up(f"{server.query}?query=ASK%7B%7D", proc)
        yield server
    finally:
        stop(proc)


@contextlib.contextmanager
def pskg_server(*args: str, cwd: Path = ROOT):
    """`python -m pskg.serve ARGS --port PORT` (loopback); yields its base URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "pskg.serve", *args, "--host", "127.0.0.1", "--port", str(port)]
    proc = _start(cmd, cwd)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base}/health", proc, timeout=60)
        yield base
    finally:
        stop(proc)


def request(url: str, *, method: str | None = None, form: dict | None = None, body: bytes | None = None,
            headers: dict | None = None, timeout: float = 60) -> tuple[int, Message, bytes]:
    """(status, headers, body) of one HTTP request; an error status is returned, not raised.
    The headers are case-insensitive (``headers.get("content-type")``)."""
    import urllib.parse
    if form is not None:
        body = urllib.parse.urlencode(form).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()
