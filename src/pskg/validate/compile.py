"""SHACL shapes → SPARQL queries, read generically from the shapes graph (never hand-copied).

Each constraint of each shape that has targets becomes one SELECT whose rows are its
validation results: ``?this`` (focus node), ``?value`` when the component reports one, and for
SPARQL-based constraints whatever their own SELECT projects (``?path`` …). Nested shapes
(sh:node, sh:or, sh:and, sh:not, sh:qualifiedValueShape) become ``EXISTS`` patterns that match
when a node violates them. A construct this compiler cannot translate raises ``Unsupported``,
so the caller can fall back to pyshacl rather than report less than it would.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

TYPE_PATH = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
NODE_KINDS = {SH.IRI: "!isIRI({v})", SH.BlankNode: "!isBlank({v})", SH.Literal: "!isLiteral({v})",
              SH.BlankNodeOrIRI: "isLiteral({v})", SH.BlankNodeOrLiteral: "isIRI({v})",
              SH.IRIOrLiteral: "isBlank({v})"}
RANGES = {SH.minInclusive: ">=", SH.minExclusive: ">", SH.maxInclusive: "<=", SH.maxExclusive: "<"}
# not constraints: shape structure, documentation, parameters read with their constraint
PASSIVE = {SH.path, SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group,
           SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.property,
           SH.sparql, SH.deactivated, SH.flags, SH.qualifiedMinCount, SH.qualifiedMaxCount,
           SH.defaultValue, SH.qualifiedValueShapesDisjoint}


class Unsupported(ValueError):
    """The shapes use a construct this compiler does not translate."""


@dataclass
class Check:
    query: str
    component: URIRef
    shape: object                         # sh:sourceShape
    severity: URIRef
    path: object | None                   # sh:resultPath (a SPARQL constraint may bind ?path)
    messages: list[str] = field(default_factory=list)
    constraint: object | None = None      # sh:sourceConstraint (SPARQL-based constraints)
    datatype: URIRef | None = None        # candidates of sh:datatype to check in Python


def term(node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        if node.language:
            return f'"{text}"@{node.language}'
        return f'"{text}"' + (f"^^<{node.datatype}>" if node.datatype else "")
    raise Unsupported(f"a blank node as a constraint parameter: {node}")


class Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.g = shapes
        self._fresh = itertools.count()

    def var(self, name: str = "v") -> str:
        return f"?{name}_{next(self._fresh)}"

    def path(self, node) -> str:
        g = self.g
        if isinstance(node, URIRef):
            return term(node)
        if (node, RDF.first, None) in g:
            return "(" + "/".join(self.path(p) for p in Collection(g, node)) + ")"
        for pred, fmt in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                          (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
            inner = g.value(node, pred)
            if inner is not None:
                return fmt.format(self.path(inner))
        alt = g.value(node, SH.alternativePath)
        if alt is not None:
            return "(" + "|".join(self.path(p) for p in Collection(g, alt)) + ")"
        raise Unsupported(f"path {node}")

    def focus(self, shape, exists: bool = False) -> str | None:
        """A sub-select binding ?this to each focus node of a shape (or, with `exists`, a
        filter keeping the rows whose ?this is one); None without targets."""
        g, parts = self.g, []
        def targets(kind):    # sorted: the same query text in every process (hash seeds vary)
            return sorted(g.objects(shape, kind), key=str)

        classes = targets(SH.targetClass)
        if {(shape, RDF.type, RDFS.Class), (shape, RDF.type, OWL.Class)} & set(g.triples((shape, RDF.type, None))):
            classes.append(shape)
        parts += [f"?this {TYPE_PATH} {term(c)}" for c in classes]
        parts += [f"VALUES ?this {{ {term(n)} }}" for n in targets(SH.targetNode)]
        parts += [f"?this {term(p)} {self.var('t')}" for p in targets(SH.targetSubjectsOf)]
        parts += [f"{self.var('t')} {term(p)} ?this" for p in targets(SH.targetObjectsOf)]
        if (shape, SH.target, None) in g:
            raise Unsupported(f"SPARQL-based target of {shape}")
        if not parts:
            return None
        union = " UNION ".join(f"{{ {p} }}" for p in parts)
        return f"FILTER EXISTS {{ {union} }}" if exists else f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    # --- value constraints: a FILTER over one value node ------------------------------------
    def value_filter(self, param, obj, v: str) -> str | None:
        g = self.g
        if param == SH["class"]:
            return f"FILTER NOT EXISTS {{ {v} {TYPE_PATH} {term(obj)} }}"
        if param == SH.nodeKind:
            return f"FILTER({NODE_KINDS[obj].format(v=v)})"
        if param == SH["in"]:
            same = " || ".join(f"sameTerm({v}, {term(x)})" for x in Collection(g, obj)) or "false"
            return f"FILTER(!({same}))"
        if param == SH.pattern:
            flags = g.value(next(g.subjects(SH.pattern, obj)), SH.flags)
            args = term(Literal(str(obj))) + (f", {term(Literal(str(flags)))}" if flags else "")
            return f"FILTER(isBlank({v}) || !regex(str({v}), {args}))"
        if param in (SH.minLength, SH.maxLength):
            op = "<" if param == SH.minLength else ">"
            return f"FILTER(isBlank({v}) || strlen(str({v})) {op} {int(obj)})"
        if param in RANGES:
            return f"FILTER(!COALESCE({v} {RANGES[param]} {term(obj)}, false))"
        if param == SH.languageIn:
            tags = " || ".join(f"langMatches(lang({v}), {term(Literal(str(t)))})"
                               for t in Collection(g, obj)) or "false"
            return f"FILTER(!isLiteral({v}) || !({tags}))"
        if param == SH.node:
            return f"FILTER EXISTS {{ {self.violates(obj, v)} }}"
        if param == SH["not"]:
            return f"FILTER NOT EXISTS {{ {self.violates(obj, v)} }}"
        if param in (SH["or"], SH["and"]):
            join = " && " if param == SH["or"] else " || "
            return "FILTER(" + join.join(f"EXISTS {{ {self.violates(s, v)} }}"
                                         for s in Collection(g, obj)) + ")"
        return None

    def violates(self, shape, x: str) -> str:
        """A pattern that matches when the node bound to `x` does not conform to `shape`."""
        g, alts = self.g, []
        if (shape, SH.deactivated, Literal(True)) in g:
            return "FILTER(false)"
        if (shape, SH.sparql, None) in g:
            raise Unsupported(f"a SPARQL constraint inside a nested shape {shape}")
        path_node = g.value(shape, SH.path)
        p = self.path(path_node) if path_node is not None else None
        for param, obj in sorted(g.predicate_objects(shape), key=lambda po: (str(po[0]), str(po[1]))):
            if param in PASSIVE or param == RDF.type or not str(param).startswith(str(SH)):
                continue
            v = self.var() if p else x
            bind = f"{x} {p} {v} ." if p else ""
            if param == SH.datatype:
                alts.append(f"{bind} FILTER(!isLiteral({v}) || datatype({v}) != {term(obj)})")
            elif param == SH.hasValue:
                alts.append(f"FILTER NOT EXISTS {{ {x} {p} {term(obj)} }}" if p
                            else f"FILTER(!sameTerm({x}, {term(obj)}))")
            elif param == SH.minCount and p and int(obj) == 1:
                alts.append(f"FILTER NOT EXISTS {{ {x} {p} {self.var()} }}")
            elif param == SH.maxCount and p:
                vs = [self.var() for _ in range(int(obj) + 1)]
                alts.append(" ".join(f"{x} {p} {w} ." for w in vs) + " FILTER(" + " && ".join(
                    f"!sameTerm({a}, {b})" for a, b in itertools.combinations(vs, 2)) + ")")
            elif param == SH.minCount and int(obj) == 0:
                continue
            else:
                cond = self.value_filter(param, obj, v)
                if cond is None:
                    raise Unsupported(f"{param} inside a nested shape {shape}")
                alts.append(f"{bind} {cond}")
        for prop in g.objects(shape, SH.property):
            alts.append(self.violates(prop, x))
        return " UNION ".join(f"{{ {a} }}" for a in alts) or "FILTER(false)"


def declared_prefixes(g: Graph, constraint) -> str:
    lines = []
    for onto in g.objects(constraint, SH.prefixes):
        for decl in g.objects(onto, SH.declare):
            lines.append(f"PREFIX {g.value(decl, SH.prefix)}: <{g.value(decl, SH.namespace)}>")
    return "\n".join(sorted(set(lines)))


_SELECT = re.compile(r"SELECT\s+(?:(DISTINCT|REDUCED)\s+)?", re.I)


def sparql_check_query(g: Graph, constraint, focus: str) -> str:
    """The constraint's own SELECT, with its focus nodes joined in first (pre-binding $this)."""
    text = str(g.value(constraint, SH.select))
    m = _SELECT.search(text)
    where = text.index("{", m.end())
    head = text[m.end():where]
    this = "" if re.search(r"[?$]this\b", head) or "*" in head else "?this "
    return anti_joins(declared_prefixes(g, constraint) + "\n" + text[:m.start()] + "SELECT DISTINCT "
                      + this + text[m.end():where + 1] + f" {focus} " + text[where + 1:])


# FILTER NOT EXISTS { $this <p> ?x } (or pfx:p): "a focus node without a p"
_LACKS = re.compile(r"FILTER\s+NOT\s+EXISTS\s*\{\s*([?$]this\s+(?:<[^<>\s]+>|[A-Za-z][\w-]*:[\w-]+)"
                    r"\s+[?$](\w+))\s*\.?\s*\}")


def anti_joins(query: str) -> str:
    """`FILTER NOT EXISTS { $this p ?x }`, ?x used nowhere else, as `MINUS { $this p ?x }`: the
    same rows (every row binds ?this, the only variable the two sides share), but the nodes
    with a p are read once and the focus nodes anti-joined by hash, not looked up one by one
    (10k store: 4 s -> 1.2 s for each end of an evidence span). Only a filter of the WHERE
    group itself, where the focus nodes are joined first, is changed: in an OPTIONAL, a UNION
    branch, a sub-select or an EXISTS the two forms differ. SHACL forbids MINUS in the
    constraint's own text; this is the compiled query."""
    from pskg.rdf.lateral import keywords_at
    top = {m.start() for m in keywords_at(query, 1, "FILTER")}   # in the WHERE group itself

    def swap(m: re.Match) -> str:
        uses = len(re.findall(rf"[?$]{m.group(2)}\b", query))
        return f"MINUS {{ {m.group(1)} }}" if uses == 1 and m.start() in top else m.group(0)
    return _LACKS.sub(swap, query)
