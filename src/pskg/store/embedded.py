"""The embedded persistent store: pyoxigraph on disk (or in memory), one named graph per document,
and in the default graph the facts graph that queries read (their union, each triple once:
``pskg.store.facts``), changed with them in the same transaction.

Graph and hash values are plain strings: a graph is its IRI (no angle brackets), a content hash
is ``"sha256:<hex>"``. Writes that must happen as a unit (replace one document's graph) go
through one SPARQL Update, which pyoxigraph applies in a single transaction.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import pyoxigraph as ox

from pskg.errors import InputError
from pskg.paths import BUILD_DIR
from pskg.rdf.namespaces import PREFIXES, PSKG
from pskg.rdf.terms import to_oxigraph
from pskg.store import facts

DEFAULT_STORE = BUILD_DIR / "store"
NQUADS = ox.RdfFormat.N_QUADS
FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": NQUADS, "nq": NQUADS,
           "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
           "ntriples": ox.RdfFormat.N_TRIPLES, "nt": ox.RdfFormat.N_TRIPLES,
           "jsonld": ox.RdfFormat.JSON_LD}

HASHES_QUERY = f"""SELECT ?g ?h ?f WHERE {{ GRAPH ?g {{
  ?d a <{PSKG.Document}> ; <{PSKG.contentHash}> ?h . OPTIONAL {{ ?d <{PSKG.fileName}> ?f }} }} }}"""


def open_store(path: str | Path | None = None) -> ox.Store:
    """A store on disk under ``path`` (created when missing), or in memory when ``path`` is None."""
    if path is None:
        return ox.Store()
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
        return ox.Store(str(path))
    except OSError as err:
        if "lock" in str(err).lower():
            raise InputError("the store is in use by another pskg process (its LOCK is held); "
                             "run again when that one has finished", path=path) from None
        raise InputError(f"cannot open the store ({err.strerror or str(err).splitlines()[0]})",
                         path=path) from None


def normalise_hash(value: str) -> str:
    value = str(value).strip().lower()
    return value if value.startswith("sha256:") else f"sha256:{value}"


def load_dataset(store: ox.Store, data, format: ox.RdfFormat | None = None) -> None:
    """Bulk-load an rdflib Dataset/Graph, N-Quads bytes/str, or a file path (format from its suffix)."""
    if isinstance(data, Path):
        store.bulk_load(path=str(data), format=format)
        if (format or ox.RdfFormat.from_extension(data.suffix.lstrip("."))) == NQUADS \
                and facts.add_nquads_file(store, data):
            store.flush()
            return
    elif isinstance(data, (bytes, str)):
        store.bulk_load(data, format or NQUADS)
    else:  # rdflib Dataset / ConjunctiveGraph / Graph
        store.bulk_load(data.serialize(format="nquads", encoding="utf-8"), NQUADS)
    if next(iter(store.named_graphs()), None) is not None:
        facts.build(store)
    store.flush()


def _triples_text(nquads: bytes | str) -> str:
    """N-Quads (any graph) → the N-Triples lines to put inside ``GRAPH <g> { }``."""
    if isinstance(nquads, str):
        nquads = nquads.encode("utf-8")
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(nquads, NQUADS)]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def replace_graph(store: ox.Store, graph_iri: str, nquads: bytes | str,
                  drop: Sequence[str] = (), keep_facts: bool | None = None) -> None:
    """Drop ``graph_iri`` (and any graph in ``drop``) and load ``nquads`` into it, in one transaction,
    with the facts graph changed to match (``keep_facts``: by default when the store has one).

    The quads' own graph names are ignored: everything lands in ``graph_iri``."""
    graph_iri, drop = str(graph_iri), [str(g) for g in drop]
    present = [g for g in dict.fromkeys([graph_iri, *drop]) if store.contains_named_graph(ox.NamedNode(g))]
    keep = facts.has_facts(store) if keep_facts is None else keep_facts
    if not present and not keep:  # one transactional load, faster than parsing an update
        store.load(_triples_text(nquads), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph_iri))
        return
    drops = "".join((facts.drop(g) if keep else "") + f"DROP SILENT GRAPH <{g}> ;\n" for g in present)
    store.update(f"{drops}INSERT DATA {{ GRAPH <{graph_iri}> {{\n{_triples_text(nquads)}}} }} ;\n"
                 + (facts.add(graph_iri) if keep else ""))


def drop_graph(store: ox.Store, graph_iri: str) -> bool:
    """Remove one named graph; False when it was not there."""
    node = ox.NamedNode(str(graph_iri))
    if not store.contains_named_graph(node):
        return False
    if facts.has_facts(store):
        store.update(f"{facts.drop(node.value)}DROP GRAPH <{node.value}>")
    else:
        store.remove_graph(node)
    return True


def document_hashes(store: ox.Store) -> dict[str, str]:
    """Each document graph's IRI → the pskg:contentHash of the Document node in it."""
    return {sol["g"].value: sol["h"].value for sol in store.query(HASHES_QUERY)}


def find_graphs(store: ox.Store, key: str) -> list[str]:
    """The document graphs a user means by ``key``: a graph IRI, a content hash (``sha256:…``,
    the hex, or a prefix of at least 8 hex digits) or a file name (full path or base name)."""
    key = str(key).strip()
    hashes, files = document_hashes(store), document_files(store)
    if "://" in key:
        return [key] if store.contains_named_graph(ox.NamedNode(key)) else []
    hexpart = key.lower().removeprefix("sha256:")
    if len(hexpart) >= 8 and all(c in "0123456789abcdef" for c in hexpart):
        found = [g for g, h in hashes.items() if h.removeprefix("sha256:").startswith(hexpart)]
        if found:
            return found
    name = Path(key).name
    return [g for g, f in files.items() if f in (key, name) or Path(f).name == name]


def document_files(store: ox.Store) -> dict[str, str]:
    """Each document graph's IRI → the pskg:fileName of its Document (when recorded)."""
    return {sol["g"].value: sol["f"].value for sol in store.query(HASHES_QUERY) if sol["f"]}


def dump(store: ox.Store, format: str = "trig", output=None) -> bytes | None:
    """Serialise the store with pyoxigraph: TriG / N-Quads hold its named graphs (the facts
    graph is their union, made again on load), triple formats the merged graph."""
    fmt = FORMATS[format.lower()]
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()} \
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.TURTLE) else None
    if not fmt.supports_datasets:
        graph = facts.DEFAULT if facts.has_facts(store) else None
        if graph is None:    # an older store without facts graph: the union of its graphs
            return ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in store),
                                output, fmt, prefixes=prefixes)
        return store.dump(output, fmt, from_graph=graph, prefixes=prefixes)
    quads = (q for q in store if not isinstance(q.graph_name, ox.DefaultGraph))
    return ox.serialize(quads, output, fmt, prefixes=prefixes)


def to_dataset(store: ox.Store):
    """The store as an rdflib Dataset (for small stores and tests: rdflib is slow on big ones)."""
    from rdflib import Dataset
    ds = Dataset()
    ds.parse(io.BytesIO(dump(store, "nquads")), format="nquads")
    return ds


def query(store: ox.Store, sparql: str, substitutions: dict | None = None):
    """Run a SPARQL query over the facts graph (or, in a store without one, the union of the
    named graphs); values are bound, never pasted into text
    (pyoxigraph substitutions, SEP-0007: each bound variable must be in the SELECT projection;
    the named queries of pskg.query bind through a VALUES block instead)."""
    subs = {ox.Variable(str(k).lstrip("?$")): to_oxigraph(v) for k, v in (substitutions or {}).items()}
    return store.query(sparql, use_default_graph_as_union=facts.reads_union(store),
                       substitutions=subs or None)


@dataclass
class Item:
    """One document to ingest: its graph, its hash, and the (costly) extraction, called only if needed."""
    graph: str
    content_hash: str
    make_nquads: Callable[[], bytes | str] | None = None
    file_name: str | None = None


@dataclass
class Plan:
    unchanged: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)
    supersedes: dict[str, list[str]] = field(default_factory=dict)  # graph → stale graphs it replaces
    duplicates: dict[str, str] = field(default_factory=dict)  # file name → the file kept (same text)

    def __iter__(self):
        return iter((self.unchanged, self.changed, self.new))


def _item(value) -> Item:
    return value if isinstance(value, Item) else Item(*value)


def plan_ingest(store: ox.Store, texts: Iterable) -> Plan:
    """Sort documents, given as ``(graph_iri, content_hash[, make_nquads[, file_name]])`` or Items,
    into unchanged (same graph, same hash), changed (the graph, or another graph with the same
    file name, holds a different hash) and new. Of several copies of one text (same content
    hash) one is kept: the one whose name the store already holds for it, else the first; the
    others are listed in ``duplicates`` (file name → the kept copy's) and left out, as
    `pskg build` leaves them out. A copy's name still supersedes the older text it named."""
    hashes, files = document_hashes(store), document_files(store)
    items = [_item(t) for t in texts]
    kept: dict[str, str] = {}             # content hash → the name of the copy that stays
    for item in items:
        graph, digest = str(item.graph), normalise_hash(item.content_hash)
        if digest not in kept:
            stored = files.get(graph) if hashes.get(graph) == digest else None
            kept[digest] = stored or item.file_name or graph
    plan, done, stale_of = Plan(), set(), {}
    for item in items:
        graph, digest = str(item.graph), normalise_hash(item.content_hash)
        name = item.file_name or graph
        stale = [g for g, f in files.items() if item.file_name and f == item.file_name
                 and g != graph and hashes.get(g) != digest]
        stale_of.setdefault(graph, []).extend(g for g in stale if g not in stale_of[graph])
        copy = item.file_name is not None and name != kept[digest]   # no name: not a copy
        if copy or graph in done:
            if copy:
                plan.duplicates[name] = kept[digest]
            continue
        done.add(graph)
    for item in items:                    # each kept copy's plan, with its copies' stale graphs
        graph, digest = str(item.graph), normalise_hash(item.content_hash)
        if graph in plan.supersedes or graph in plan.unchanged:
            continue
        stale = stale_of[graph]
        if graph not in done and not stale:       # every name a copy: the stored graph stays
            continue
        if hashes.get(graph) == digest and not stale:
            plan.unchanged.append(graph)
            continue
        (plan.changed if graph in hashes or stale else plan.new).append(graph)
        plan.supersedes[graph] = stale
    return plan


def ingest(store: ox.Store, items: Iterable) -> Plan:
    """Bring the store up to date with ``items``: extraction (``make_nquads``) runs only for
    new or changed documents, and each of their graphs is replaced as a unit. A document whose
    pskg:fileName another graph already holds with a different hash supersedes that graph; a
    second copy of a text in ``items`` is not ingested (``Plan.duplicates``)."""
    items = [_item(i) for i in items]
    keep = facts.has_facts(store) or next(iter(store.named_graphs()), None) is None
    plan = plan_ingest(store, items)
    todo = set(plan.changed) | set(plan.new)
    files, hashes = document_files(store), document_hashes(store)
    # the kept copy of each text first; a graph whose every name is a copy (it supersedes what
    # one of them named before) from its first copy
    order = [i for i in items if i.file_name not in plan.duplicates] + items
    for item in order:
        graph = str(item.graph)
        if graph not in todo:
            continue
        todo.discard(graph)
        replace_graph(store, graph, item.make_nquads(), drop=plan.supersedes.get(graph, ()),
                      keep_facts=keep)
        if item.file_name is None:  # the file name is only known after extraction: look now
            mine = {s["f"].value: s["h"].value for s in store.query(HASHES_QUERY, named_graphs=[
                ox.NamedNode(graph)]) if s["f"]}
            stale = [g for g, f in files.items() if f in mine and g != graph and hashes[g] != mine[f]]
            for old in stale:
                drop_graph(store, old)
                files.pop(old), hashes.pop(old)
            if stale and graph in plan.new:
                plan.new.remove(graph)
                plan.changed.append(graph)
                plan.supersedes[graph] = stale
    facts.ensure(store)
    store.flush()
    return plan
