"""Graph files in: any RDF file the project reads (Turtle, TriG, N-Triples, N-Quads, JSON-LD,
RDF/XML, N3; the format from the extension) as an rdflib Dataset whose default graph is the
union of its named graphs. An unreadable file is an InputError naming it, never a traceback.

Reading a file never reaches the network or other files, and never explodes: a JSON-LD
document whose @context is a URL (remote or file:) is refused, not fetched; RDF/XML entity
declarations that nest or point outside the file, or would expand past EXPANSION_LIMIT, are
refused; a file that holds no triples is an error (there is nothing to validate or query).
"""
from __future__ import annotations

import json
import logging
import re
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


EXPANSION_LIMIT = 10_000_000          # characters XML entities may add to an RDF/XML file
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s+)?([^\s>]+)\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')", re.S)


def _remote_context(node) -> str | None:
    """The first @context (or @import) of a JSON-LD tree that names a document to load."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("@context", "@import"):
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        return item
            found = _remote_context(value)
            if found:
                return found
    elif isinstance(node, list):
        for item in node:
            found = _remote_context(item)
            if found:
                return found
    return None


def _check_xml_entities(data: bytes) -> str | None:
    """Why the entity declarations of an RDF/XML file are refused, or None when they are safe
    (each a plain string, no parameter or external entity, bounded total expansion)."""
    added = 0
    for match in _ENTITY.finditer(data):
        parameter, name, value = match.group(1), match.group(2), match.group(3)
        if parameter or value in (b"SYSTEM", b"PUBLIC"):
            return "declares an external or parameter XML entity (not loaded)"
        if b"&" in value or b"%" in value:
            return f"declares the XML entity {name.decode(errors='replace')} in terms of others " \
                   "(nested entities can expand without bound)"
        added += (len(value) - 2) * data.count(b"&" + name + b";")
    if added > EXPANSION_LIMIT:
        return f"its XML entities would expand to over {EXPANSION_LIMIT:,} characters"
    return None


def check_graph_file(path: Path, fmt: str, data: bytes) -> None:
    """InputError when reading this file would fetch something or expand without bound."""
    if fmt == "json-ld":
        try:
            tree = json.loads(data)
        except ValueError as exc:
            raise InputError(f"cannot parse as json-ld: {exc}", path=path) from None
        url = _remote_context(tree)
        if url is not None:
            raise InputError(f"its JSON-LD @context {url!r} is a document to load; pskg never "
                             "fetches contexts: put the context inline", path=path)
    elif fmt == "xml" and b"<!ENTITY" in data:
        problem = _check_xml_entities(data)
        if problem:
            raise InputError(f"refused: {problem}", path=path)


def load_graph_file(path: str | Path) -> Dataset:
    """Read an RDF file (format by extension) into a Dataset; InputError if it cannot be read."""
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"unknown RDF file extension {path.suffix or '(none)'!r}; "
                         f"use one of {' '.join(sorted(FORMATS))}", path=path)
    if not path.is_file():
        raise InputError("no such file" if not path.exists() else "not a file", path=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    check_graph_file(path, fmt, data)
    ds = Dataset(default_union=True)
    try:
        with quiet_rdflib():
            ds.parse(data=data, format=fmt, publicID=path.resolve().as_uri())
    except Exception as exc:  # noqa: BLE001 - parsers raise many kinds; all mean "unusable input"
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InputError(f"cannot parse as {fmt}: {detail}", path=path) from exc
    if not len(ds):
        raise InputError("holds no triples (an empty graph: nothing to validate, summarise, "
                         "export or query)", path=path)
    bind_prefixes(ds)
    return ds
