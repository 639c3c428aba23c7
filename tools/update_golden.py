"""Rewrite tests/golden/*/expected.ttl from the current pipeline (after a deliberate change to
the mapping: read the diff before committing it). Usage: python tools/update_golden.py [CASE…]"""
from __future__ import annotations

import sys
from pathlib import Path

from pskg.files import write_atomic
from pskg.pipeline import document_graph
from pskg.rdf.namespaces import bind_prefixes

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"


def main(names: list[str]) -> None:
    for case in sorted(p for p in GOLDEN.iterdir() if p.is_dir() and (not names or p.name in names)):
        (source,) = [p for p in case.iterdir() if p.stem == "input"]
        graph = document_graph(source)
        bind_prefixes(graph)
        write_atomic(case / "expected.ttl", graph.serialize(format="turtle").encode("utf-8"))
        print(f"{case.name}: {len(graph)} triples")


if __name__ == "__main__":
    main(sys.argv[1:])
