"""Query backends of `pskg serve`: Oxigraph server processes (`oxigraph serve-read-only`).

Each backend is the real Oxigraph server (the binary of the ``oxigraph`` wheel) on its own
loopback port, reading the store read-only, and runs ONE query at a time: a query that outlives
its time limit, or that the proxy stops early at the row cap, is stopped by killing its process,
which hurts no other query; a fresh process takes its place (about 25 ms). Each process gets a
data-size limit (``RLIMIT_DATA``: heap and private memory, not the store's files), so a query
that builds huge strings dies alone instead of growing to gigabytes. A graph file is first loaded into a temporary store folder.
"""
from __future__ import annotations

import contextlib
import os
import queue
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path


def oxigraph_binary() -> str | None:
    """The `oxigraph` server binary of the ``oxigraph`` wheel: beside this Python, or on PATH."""
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def reason(stderr: str) -> str:
    """The line of an oxigraph error output that says what went wrong (not the backtrace)."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error")]
    return (errors or lines or ["no error output"])[0]


class Backend:
    """One `oxigraph serve-read-only` process on 127.0.0.1:port. Started through ``setpriv
    --pdeathsig KILL`` where util-linux has it, so it dies with the thread that started it
    (the pool's spawner, which lives as long as the server): a server killed with SIGKILL
    leaves no backend behind."""

    def __init__(self, binary: str, location: Path, memory_mb: int, union: bool = True):
        self.port = free_port()
        self.log = tempfile.TemporaryFile()
        setpriv = shutil.which("setpriv")
        self.proc = subprocess.Popen(
            [setpriv, "--pdeathsig", "KILL"] * bool(setpriv) + [binary, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{self.port}"]
            + ["--union-default-graph"] * union, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.log)
        if memory_mb:
            limit = memory_mb * 1024 * 1024
            with contextlib.suppress(ProcessLookupError):
                resource.prlimit(self.proc.pid, resource.RLIMIT_DATA, (limit, limit))

    def wait_ready(self, timeout: float = 30) -> str | None:
        """None once it answers ``ASK {}``; otherwise what went wrong."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                return reason(self.log.read().decode("utf-8", "replace"))
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/query?query=ASK%7B%7D", timeout=2):
                    return None
            time.sleep(0.02)
        return f"no answer within {timeout:g} s"

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        self.log.close()


def remove_stale_stores() -> None:
    """Delete the temporary store folders of servers that were killed (their owner pid is gone)."""
    for folder in Path(tempfile.gettempdir()).glob("pskg-serve-*"):
        try:
            owner = int((folder / "owner.pid").read_text())
        except (OSError, ValueError):
            continue
        if not Path(f"/proc/{owner}").exists():
            shutil.rmtree(folder, ignore_errors=True)


def load_into_temp_store(binary: str, graph: Path) -> Path:
    """A temporary store folder holding the graph file (TriG, N-Quads, Turtle, … by extension)."""
    remove_stale_stores()
    folder = Path(tempfile.mkdtemp(prefix="pskg-serve-"))
    (folder / "owner.pid").write_text(str(os.getpid()))
    done = subprocess.run([binary, "load", "--location", str(folder), "--file", str(graph)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"cannot load {graph}: {reason(done.stderr)}")
    return folder


def _has_facts(location: Path) -> bool:
    import pyoxigraph as ox

    from pskg.store import facts
    try:
        return facts.has_facts(ox.Store.read_only(str(location)))
    except OSError:
        return False


class BackendPool:
    """``size`` backends; ``acquire`` lends an idle one, ``release``/``discard`` take it back."""

    def __init__(self, source: tuple[str, str], size: int = 4, memory_mb: int = 2048):
        binary = oxigraph_binary()
        if binary is None:
            raise RuntimeError("the oxigraph server binary is missing: pip install oxigraph")
        kind, path = source
        self.binary, self.memory_mb, self.size = binary, memory_mb, max(1, size)
        self.temp = load_into_temp_store(binary, Path(path)) if kind == "graph" else None
        self.location = self.temp or Path(path)
        # a store as `pskg build --store` leaves it holds the merged facts in its default graph
        # (pskg.store.facts): read that; a graph file, or an older store, is read as the union
        self.union = kind == "graph" or not _has_facts(self.location)
        self.idle: queue.Queue[Backend] = queue.Queue()
        self.busy: set[Backend] = set()
        self.lock = threading.Lock()
        self.closed = False
        self.jobs: queue.Queue = queue.Queue()
        threading.Thread(target=self._spawner, daemon=True).start()
        for _ in range(self.size):
            problem = self._add()
            if problem:
                self.close()
                raise RuntimeError(f"cannot serve {path}: {problem}")
        self.watcher = threading.Thread(target=self._watch, daemon=True)
        self.watcher.start()

    def _spawner(self) -> None:
        """Start every backend from this one long-lived thread (see ``Backend``)."""
        while (reply := self.jobs.get()) is not None:
            try:
                reply.put(Backend(self.binary, self.location, self.memory_mb, self.union))
            except OSError as err:
                reply.put(err)

    def _add(self) -> str | None:
        reply: queue.Queue = queue.Queue(1)
        self.jobs.put(reply)
        backend = reply.get()
        if isinstance(backend, OSError):
            return f"cannot start {self.binary}: {backend}"
        problem = backend.wait_ready()
        if problem:
            backend.kill()
            return problem
        if self.closed:
            backend.kill()
        else:
            self.idle.put(backend)
        return None

    def acquire(self, wait: float) -> Backend | None:
        deadline = time.monotonic() + wait
        while (left := deadline - time.monotonic()) > 0:
            try:
                backend = self.idle.get(timeout=left)
            except queue.Empty:
                return None
            if backend.alive():
                with self.lock:
                    self.busy.add(backend)
                return backend
            self.discard(backend, busy=False)
        return None

    def release(self, backend: Backend) -> None:
        with self.lock:
            self.busy.discard(backend)
        self.idle.put(backend)

    def discard(self, backend: Backend, busy: bool = True) -> None:
        """Kill a backend (timed out, stopped early, or dead) and start its replacement."""
        if busy:
            with self.lock:
                self.busy.discard(backend)
        backend.kill()
        if not self.closed:
            threading.Thread(target=self._add, daemon=True).start()

    def _watch(self) -> None:
        """Replace idle backends that died (killed from outside, crashed) once a second."""
        while not self.closed:
            time.sleep(1)
            for _ in range(self.idle.qsize()):
                with contextlib.suppress(queue.Empty):
                    backend = self.idle.get_nowait()
                    if backend.alive():
                        self.idle.put(backend)
                    else:
                        self.discard(backend, busy=False)

    def state(self) -> dict:
        with self.lock:
            busy = [b.proc.pid for b in self.busy if b.alive()]
        idle = [b.proc.pid for b in list(self.idle.queue) if b.alive()]
        return {"size": self.size, "idle": idle, "busy": busy}

    def close(self) -> None:
        self.closed = True
        self.jobs.put(None)
        with self.lock:
            backends = list(self.busy)
        while not self.idle.empty():
            backends.append(self.idle.get_nowait())
        for backend in backends:
            backend.kill()
        if self.temp:
            shutil.rmtree(self.temp, ignore_errors=True)
