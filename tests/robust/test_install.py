"""A non-editable install works: the wheel built from this tree carries ontology/, data/ and
queries/, and the installed `pskg` builds the bundled corpus and answers a named query from a
folder that is not a checkout, with the same default paths for every command.

No network: the wheel is built with the running environment's setuptools (no build
isolation) and installed with --no-deps into a fresh venv that sees the running venv's
site-packages (for rdflib & co.) through a .pth line, which processes none of its .pth files
(so not the editable install of the checkout).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from pskg.paths import ROOT

PARTS = ("src", "ontology", "data", "queries", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")


def sh(*args, cwd=None):
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=900)
    assert done.returncode == 0, (args, done.stdout[-2000:], done.stderr[-2000:])
    return done


def test_wheel_installs_and_builds_the_bundled_corpus(tmp_path):
    tree = tmp_path / "tree"
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tree / part, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
        else:
            tree.mkdir(exist_ok=True)
            shutil.copy(source, tree / part)
    sh(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", tmp_path / "dist", tree)
    wheel = next((tmp_path / "dist").glob("pskg-*.whl"))

    venv = tmp_path / "venv"
    sh(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    site = Path(sh(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").stdout.strip())
    (site / "running_env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    sh(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel)

    work = tmp_path / "elsewhere"
    work.mkdir()
    where = sh(python, "-c", "import pskg.paths as p; print(p.ROOT, p.DATA_DIR.is_dir(), "
                             "p.ONTOLOGY_DIR.is_dir(), p.QUERIES_DIR.is_dir())", cwd=work).stdout.split()
    assert Path(where[0]).is_relative_to(venv) and where[1:] == ["True"] * 3, where
    built = sh(venv / "bin" / "pskg", "build", cwd=work)                 # the bundled corpus, into ./build
    assert "built 5 of 5 documents" in built.stdout
    assert (work / "build" / "pskg.trig").is_file()
    for command in (["summary"], ["query", "documents"], ["network", "cosign"]):   # the same default
        assert sh(venv / "bin" / "pskg", *command, cwd=work).stdout.strip(), command
