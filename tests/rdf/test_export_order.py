"""TriG export is the same file in every process: named graphs in the order of their IRIs (rdflib
alone writes them in the order of a set, which string-hash salting changes per process)."""
from __future__ import annotations

import os
import subprocess
import sys

from rdflib import Dataset, Literal, URIRef

from pskg.rdf.export import serialize

SCRIPT = """
import sys
from rdflib import Dataset, Literal, URIRef
from pskg.rdf.export import serialize
ds = Dataset()
for i in range(30):
    ds.graph(URIRef(f"https://w3id.org/pskg/id/graph/{i:04x}")).add(
        (URIRef(f"https://w3id.org/pskg/id/document/{i}"), URIRef("http://purl.org/dc/terms/title"),
         Literal(f"document {i}", lang="en")))
sys.stdout.buffer.write(serialize(ds, "trig"))
"""


def test_trig_lists_named_graphs_in_iri_order():
    ds = Dataset()
    names = [URIRef(f"https://w3id.org/pskg/id/graph/{i:04x}") for i in (7, 3, 12, 0, 9, 5)]
    for i, name in enumerate(names):
        ds.graph(name).add((URIRef(f"https://example.org/s{i}"), URIRef("https://example.org/p"),
                            Literal(i)))
    text = serialize(ds, "trig").decode("utf-8")
    written = [line.split(">")[0].lstrip("<") for line in text.splitlines()
               if line.startswith("<https://w3id.org/pskg/id/graph/")]
    assert written == sorted(str(n) for n in names)


def test_trig_is_byte_identical_across_hash_seeds():
    outputs = {subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and b"graph/001d" in outputs.pop()
