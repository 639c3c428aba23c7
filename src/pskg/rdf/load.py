"""Graph files in: any RDF file the project reads (Turtle, TriG, N-Triples, N-Quads, JSON-LD,
RDF/XML, N3; the format from the extension) as an rdflib Dataset whose default graph is the
union of its named graphs. An unreadable file is an InputError naming it, never a traceback.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset

from pskg.errors import InputError
from pskg.rdf.namespaces import bind_prefixes

FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld",
           ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".xml": "xml", ".n3": "n3"}


@contextmanager
def quiet_rdflib():
    """rdflib logs a traceback for each ill-typed literal; the shapes report those properly."""
    logger, level = logging.getLogger("rdflib.term"), logging.getLogger("rdflib.term").level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def load_graph_file(path: str | Path) -> Dataset:
    """Read an RDF file (format by extension) into a Dataset; InputError if it cannot be read."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unknown RDF file extension {path.suffix or '(none)'!r}; "
                         f"use one of {' '.join(sorted(FORMATS))}", path=path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a file", path=path)
    ds = Dataset(default_union=True)
    try:
        with quiet_rdflib():
            ds.parse(path, format=fmt)
    except Exception as exc:  # noqa: BLE001 - parsers raise many kinds; all mean "unusable input"
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"cannot parse as {fmt}: {detail}", path=path) from exc
    bind_prefixes(ds)
    return ds
