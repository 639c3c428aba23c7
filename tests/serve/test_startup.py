"""`pskg serve` that cannot start says why in one line and exits 2: a graph file Oxigraph cannot
parse, a folder that is not a store, a missing path."""
from __future__ import annotations

import subprocess
import sys

import pytest

from servers import ROOT, free_port, oxigraph_binary

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="oxigraph binary missing")


def start(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pskg.serve", *args, "--port", str(free_port())],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_unparseable_graph_file(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<no-scheme> <p> .\n", "utf-8")
    done = start("--graph", str(bad))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pskg serve: cannot load") and "broken.ttl" in lines[0]
    assert "line 1" in lines[0] and "backtrace" not in done.stderr.lower()


def test_folder_that_is_not_a_store(tmp_path):
    done = start("--store", str(tmp_path))
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1 and str(tmp_path) in lines[0]


def test_missing_path(tmp_path):
    done = start("--graph", str(tmp_path / "nothing.trig"))
    assert done.returncode == 2 and "nothing.trig: no such file" in done.stderr
