"""The folder tree is the data flow: a stage imports only the stages before it (and the base
modules and ``knowledge``), never one after it, and no two modules import each other — read
from the source itself, imports inside functions included."""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[2] / "src" / "pskg"

# The flow, first to last. A package may import its own modules and anything ranked before it.
ORDER = ["model", "errors", "paths", "files", "knowledge", "read", "extract", "assemble",
         "resolve", "rdf", "validate", "store", "pipeline", "cluster", "query", "network", "serve",
         "evaluate", "synth", "cli"]
RANK = {name: i for i, name in enumerate(ORDER)}
BASE = {"model", "errors", "paths", "files"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every pskg module this file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "pskg":
                found |= {f"pskg.{a.name}" for a in node.names}
            elif node.module.startswith("pskg."):
                found.add(node.module)
                found |= {f"{node.module}.{a.name}" for a in node.names
                          if (SRC.parent / node.module.replace(".", "/") / f"{a.name}.py").exists()
                          or (SRC.parent / node.module.replace(".", "/") / a.name).is_dir()}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("pskg.")}
    return found


def stage(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for path in SRC.rglob("*.py"):
        name = module_name(path)
        g.add_node(name)
        for target in imports(path):
            if target != name and not name.startswith(target + "."):   # a package's own parent
                g.add_edge(name, target)
    return g


def test_every_stage_is_ranked():
    stages = {stage(module_name(p)) for p in SRC.rglob("*.py")} - {"pskg", "__main__"}
    assert stages <= set(RANK), f"place these in ORDER: {sorted(stages - set(RANK))}"


def test_a_stage_imports_only_earlier_stages():
    wrong = sorted(f"{a} imports {b}" for a, b in graph().edges
                   if stage(a) in RANK and stage(b) in RANK and RANK[stage(b)] > RANK[stage(a)])
    assert not wrong, "\n".join(wrong)


def test_base_modules_import_no_stage():
    wrong = sorted(f"{a} imports {b}" for a, b in graph().edges
                   if stage(a) in BASE and stage(b) not in BASE)
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles():
    cycles = [c for c in nx.simple_cycles(graph()) if len(c) > 1]
    assert not cycles, cycles


def test_every_package_says_what_it_does():
    for init in SRC.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) >= 2, f"{init.parent.name}/__init__.py: no docstring"
