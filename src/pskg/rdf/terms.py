"""RDF terms between the libraries the project uses: rdflib terms as N-Triples text (the bulk
writer's fast path), pyoxigraph terms as rdflib terms and back. One place, so the store, the
validators and the query runners agree on every literal's datatype and language.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_IRIS: dict[URIRef, str] = {}     # IRIs recur (predicates, states, a record's own nodes)


def nt(node) -> str:
    """An rdflib term in N-Triples syntax."""
    if type(node) is URIRef:
        found = _IRIS.get(node)
        if found is None:
            text = str(node)
            if _IRI_BAD.search(text):
                text = _IRI_BAD.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)
            found = f"<{text}>"
            if len(_IRIS) >= 200_000:
                _IRIS.clear()
            _IRIS[node] = found
        return found
    if isinstance(node, URIRef):
        return nt(URIRef(str(node)))
    if isinstance(node, Literal):
        text = str(node).translate(_ESCAPES)
        if node.language:
            return f'"{text}"@{node.language}'
        if node.datatype is not None and node.datatype != XSD.string:
            return f'"{text}"^^<{node.datatype}>'
        return f'"{text}"'
    if isinstance(node, BNode):
        return f"_:{node}"
    raise TypeError(f"not an RDF term: {node!r}")


def from_oxigraph(term):
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return URIRef(term.value)
    if kind == "BlankNode":
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return Literal(term.value, datatype=None if dt == str(XSD.string) else URIRef(dt))


def to_oxigraph(value):
    """An rdflib term or a plain value → a pyoxigraph term."""
    if isinstance(value, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, BNode):
        return ox.BlankNode(str(value))
    if isinstance(value, Literal):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    return to_oxigraph(Literal(value))
