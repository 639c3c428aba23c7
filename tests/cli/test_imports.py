"""A command imports only what it uses: loading the command line (what ``pskg --help`` and
every command pay first) must not load the plotting, network, SHACL, SPARQL-engine or store
libraries; the commands that need them import them when they run. Checked in a fresh
interpreter (``sys.modules`` of this test process already holds everything)."""
from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("matplotlib", "numpy", "networkx", "pyshacl", "owlrl", "pyoxigraph", "SPARQLWrapper",
         "rdflib.plugins.sparql", "rdflib.plugins.parsers", "rdflib.plugins.serializers",
         "pskg.network.plot", "pskg.network.measures", "pskg.network.build", "pskg.query",
         "pskg.store", "pskg.validate", "pskg.pipeline", "pskg.extract")


def loaded_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}\nimport sys, json\n"
                          "print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def heavy_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_importing_the_cli_loads_no_heavy_library():
    assert heavy_in(loaded_after("import pskg.cli")) == []


def test_help_lists_every_command_group_without_loading_them():
    code = ("from typer.testing import CliRunner\nfrom pskg.cli import app\n"
            "r = CliRunner().invoke(app, ['--help'])\nassert r.exit_code == 0, r.output\n"
            "assert all(c in r.output for c in ('build', 'query', 'network', 'ingest', 'synth'))\n"
            "r = CliRunner().invoke(app, ['network', '--help'])\nassert 'cosign' in r.output")
    assert heavy_in(loaded_after(code)) == []


def test_a_command_still_loads_what_it_needs():
    """The check above is not vacuous: the network package's names load on first use."""
    modules = loaded_after("import pskg.network as pn\npn.node_measures")
    assert "networkx" in modules and "pskg.network.measures" in modules
