"""Lexical checks rdflib lacks, so that an ill-typed literal fails sh:datatype in pyshacl and in
the compiled validator alike (both ask rdflib whether a literal is ill-typed).

xsd:language: rdflib accepts any string, so `"ru_RU"^^xsd:language` passed `sh:datatype
xsd:language`. Its lexical space (XML Schema 1.1, part 2, 3.4.3) is
`[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`; a lexical form outside it is ill-typed. Registered once,
on import of pskg.validate; a literal made before that is remade by `retyped()`.
"""
from __future__ import annotations

import re

from rdflib import Literal
from rdflib.namespace import XSD
from rdflib.term import Node, bind

from pskg.rdf.load import quiet_rdflib

LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*")
CHECKED = frozenset({XSD.language})


def _language(lexical: str) -> str:
    if not LANGUAGE.fullmatch(str(lexical)):
        raise ValueError(f"not in the lexical space of xsd:language: {lexical!r}")
    return str(lexical)


def register() -> None:
    with quiet_rdflib():        # rdflib warns that xsd:language was bound (to nothing) before
        bind(XSD.language, str, constructor=_language, lexicalizer=str, datatype_specific=True)


def retyped(node: Node) -> Node:
    """The literal made again (so rdflib judges it with the checks above), other nodes as they are."""
    if isinstance(node, Literal) and node.datatype in CHECKED:
        with quiet_rdflib():
            return Literal(str(node), datatype=node.datatype)
    return node


register()
