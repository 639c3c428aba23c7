"""The checks of a shapes graph: one SPARQL SELECT per constraint of each targeted shape (and of
its property shapes), each tagged with what a pyshacl result would carry — the constraint
component, the source shape, its severity, result path and messages.
"""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from pskg.validate.compile import PASSIVE, TYPE_PATH, Check, Compiler, Unsupported, sparql_check_query, term

COMPONENTS = {SH["class"]: "Class", SH.datatype: "Datatype", SH.nodeKind: "NodeKind",
              SH["in"]: "In", SH.pattern: "Pattern", SH.minLength: "MinLength",
              SH.maxLength: "MaxLength", SH.minInclusive: "MinInclusive",
              SH.minExclusive: "MinExclusive", SH.maxInclusive: "MaxInclusive",
              SH.maxExclusive: "MaxExclusive", SH.languageIn: "LanguageIn", SH.node: "Node",
              SH["not"]: "Not", SH["or"]: "Or", SH["and"]: "And", SH.hasValue: "HasValue",
              SH.minCount: "MinCount", SH.maxCount: "MaxCount",
              SH.qualifiedValueShape: "QualifiedValueShape"}
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
COUNTS = (SH.minCount, SH.maxCount, SH.qualifiedValueShape)
# lexical forms rdflib certainly reads as their datatype; others are checked again in Python
PLAINLY_VALID = {XSD.integer: "^[+-]?[0-9]+$", XSD.boolean: "^(true|false)$",
                 XSD.date: "^[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$"}


def component(name: str):
    return SH[f"{name}ConstraintComponent"]


def targeted_shapes(g: Graph) -> list:
    shapes = {s for p in TARGETS for s in g.subjects(p, None)}
    for cls in (RDFS.Class, OWL.Class):
        shapes |= {s for s in g.subjects(RDF.type, cls) if (s, RDF.type, SH.NodeShape) in g}
    return sorted(s for s in shapes if (s, SH.deactivated, Literal(True)) not in g)


def compile_checks(g: Graph) -> list[Check]:
    c, checks = Compiler(g), []
    for shape in targeted_shapes(g):
        focus = (c.focus(shape), c.focus(shape, exists=True))
        checks += _shape_checks(c, shape, *focus)
        for prop in sorted(g.objects(shape, SH.property)):
            if (prop, SH.deactivated, Literal(True)) not in g:
                checks += _shape_checks(c, prop, *focus)
    return checks


def _shape_checks(c: Compiler, shape, focus: str, is_focus: str) -> list[Check]:
    """`focus` binds ?this to the focus nodes; `is_focus` filters rows to those that are."""
    g = c.g
    severity = g.value(shape, SH.severity) or SH.Violation
    messages = [str(m) for m in g.objects(shape, SH.message)]
    path_node = g.value(shape, SH.path)
    p = c.path(path_node) if path_node is not None else None
    out: list[Check] = []

    def add(query: str, name: str, **extra) -> None:
        out.append(Check(query, component(name), shape, severity, path_node, messages, **extra))

    values = f"?this {p} ?value ." if p else "BIND(?this AS ?value)"
    for param, obj in sorted(g.predicate_objects(shape), key=lambda po: (str(po[0]), str(po[1]))):
        if param in PASSIVE or param == RDF.type or not str(param).startswith(str(SH)):
            continue
        name = COMPONENTS.get(param)
        if name is None or (param in COUNTS and p is None):
            raise Unsupported(f"{param} on {shape}")
        head = "SELECT DISTINCT ?this ?value WHERE { " + focus
        if param == SH.minCount:
            n = int(obj)
            if n == 1 and isinstance(path_node, URIRef):
                # MINUS: the nodes with a value are found once (one scan, an anti-join by hash),
                # not looked up once per focus node (10k store: 2.5 s -> 0.5 s for prov:wasDerivedFrom)
                add(f"SELECT DISTINCT ?this WHERE {{ {focus} MINUS {{ ?this {p} ?v }} }}", name)
            elif n == 1:       # a path: read from each focus node (a scan of `p*` is everything)
                add(f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {p} ?v }} }}", name)
            elif n > 1:
                add(_count(focus, f"OPTIONAL {{ ?this {p} ?v }}", f"< {n}"), name)
        elif param == SH.maxCount:    # count every node's values, then keep focus nodes
            add("SELECT DISTINCT ?this WHERE { { SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE "
                f"{{ ?this {p} ?v }} GROUP BY ?this }} FILTER(?n > {int(obj)}) {is_focus} }}", name)
        elif param == SH.qualifiedValueShape:
            if (shape, SH.qualifiedValueShapesDisjoint, Literal(True)) in g:
                raise Unsupported(f"sh:qualifiedValueShapesDisjoint on {shape}")
            fits = f"OPTIONAL {{ ?this {p} ?v FILTER NOT EXISTS {{ {c.violates(obj, '?v')} }} }}"
            for bound, test, label in ((SH.qualifiedMinCount, "<", "QualifiedMinCount"),
                                       (SH.qualifiedMaxCount, ">", "QualifiedMaxCount")):
                limit = g.value(shape, bound)
                if limit is not None:
                    add(_count(focus, fits, f"{test} {int(limit)}"), label)
        elif param == SH.hasValue:
            test = (f"FILTER NOT EXISTS {{ ?this {p} {term(obj)} }}" if p
                    else f"FILTER(!sameTerm(?this, {term(obj)}))")
            add(f"SELECT DISTINCT ?this WHERE {{ {focus} {test} }}", name)
        elif param == SH.datatype:
            add(f"{head} {values} FILTER(!isLiteral(?value) || datatype(?value) != {term(obj)}) }}"
                if obj != RDFS.Literal else f"{head} {values} FILTER(!isLiteral(?value)) }}", name)
            if obj not in (RDFS.Literal, RDF.langString, XSD.string):
                plain = PLAINLY_VALID.get(obj)
                test = f" && !regex(str(?value), {term(Literal(plain))})" if plain else ""
                add(f"{head} {values} FILTER(isLiteral(?value) && datatype(?value) = {term(obj)}"
                    f"{test}) }}", name, datatype=obj)
        elif param == SH["class"]:
            # MINUS: the instances of the class are found once, not once per value node
            add(f"{head} {values} MINUS {{ ?value {TYPE_PATH} {term(obj)} }} }}", name)
        else:
            add(f"{head} {values} {c.value_filter(param, obj, '?value')} }}", name)
    for constraint in sorted(g.objects(shape, SH.sparql)):
        if p is not None:
            raise Unsupported(f"a SPARQL constraint on the property shape {shape}")
        if (constraint, SH.deactivated, Literal(True)) in g:
            continue
        out.append(Check(sparql_check_query(g, constraint, focus), component("SPARQL"), shape,
                         severity, None, [str(m) for m in g.objects(constraint, SH.message)]
                         or messages, constraint=constraint))
    if (shape, SH.property, None) in g and p is not None:
        raise Unsupported(f"property shapes nested in the property shape {shape}")
    return out


def _count(focus: str, pattern: str, test: str) -> str:
    return ("SELECT DISTINCT ?this WHERE { { SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE { "
            f"{focus} {pattern} }} GROUP BY ?this }} FILTER(?n {test}) }}")
