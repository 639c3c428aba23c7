"""Golden cases, one folder per case: ``input.*`` (a realistic snippet written for the test, not
taken from any corpus) and ``expected.ttl``, the graph the pipeline must map it to. Compared by
graph isomorphism, so blank nodes and serialisation order do not matter. After a deliberate
change to the mapping, ``tools/update_golden.py`` rewrites the expected files; read the diff."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from pskg.pipeline import document_graph

CASES = sorted(p for p in Path(__file__).parent.iterdir() if (p / "expected.ttl").exists())


def test_there_are_cases():
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_maps_to_its_expected_graph(case: Path):
    (source,) = [p for p in case.iterdir() if p.stem == "input"]
    found = document_graph(source)
    expected = Graph().parse(case / "expected.ttl")
    if not isomorphic(found, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(found))
        lines = [f"- {t}" for t in sorted(missing)][:20] + [f"+ {t}" for t in sorted(extra)][:20]
        pytest.fail(f"{case.name}: the graph differs from expected.ttl\n" + "\n".join(lines))
