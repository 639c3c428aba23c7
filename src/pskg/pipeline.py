"""The pipeline, stage by stage: read → extract → assemble → resolve → map → validate.

Each stage is a plain function in its own module; this one only chains them, runs the
per-document stages on several cores when asked, and keeps documents whose graph does not
conform out of the merged graph (reported, never silently merged).
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from pskg.assemble import assemble
from pskg.errors import InputError
from pskg.extract import extract
from pskg.extract.entities import freeze_tables, tables_frozen
from pskg.knowledge.lexicon import read_table
from pskg.model import MAX_DOCUMENT_MB as MAX_MB
from pskg.model import Record
from pskg.rdf.mapping import map_records
from pskg.rdf.namespaces import REFERENCE_GRAPH, bind_prefixes, document_graph_iri
from pskg.rdf.reference_graph import reference_graph
from pskg.read import read
from pskg.resolve import Decision, resolve

DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".pdf"}
MANIFEST = "MANIFEST.tsv"


class TooLarge(InputError):
    """A document whose text is over the size limit: skipped, the rest of the corpus built."""


@dataclass
class Build:
    records: list[Record]
    dataset: Dataset
    decisions: list[Decision] = field(default_factory=list)
    rejected: dict[str, list] = field(default_factory=dict)   # file name → violations
    report: object | None = None
    documents: int | None = None       # when records are not kept (an incremental store build)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, why) not read at all
    duplicates: dict[str, str] = field(default_factory=dict)       # file name → the one kept


def scan_corpus(corpus: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The documents of a corpus folder (sorted) and the entries named like documents that
    are not readable files (a folder called x.txt, a broken link, a link loop), each with why."""
    if not corpus.is_dir():
        raise InputError("not a folder of documents", path=corpus)
    files, skipped = [], []
    for p in sorted(corpus.iterdir()):
        if p.suffix.lower() not in DOCUMENT_SUFFIXES or p.name.upper().startswith(
                ("README", "MANIFEST", "LICENSE")):
            continue
        if p.is_file():
            files.append(p)
        elif p.is_symlink() and not p.exists():
            skipped.append((str(p), "a broken symbolic link or a link loop"))
        else:
            skipped.append((str(p), "a folder" if p.is_dir() else "not a regular file"))
    if not files:
        raise InputError("no documents (.txt .html .pdf) in this folder", path=corpus)
    return files, skipped


def corpus_files(corpus: Path) -> list[Path]:
    return scan_corpus(corpus)[0]


def manifest_sources(corpus: Path) -> dict[str, str]:
    """file name → source (provenance) from the corpus folder's MANIFEST.tsv, when it has one."""
    path = corpus / MANIFEST
    if not path.exists():
        return {}
    return {row["file"]: row.get("source", "") for row in read_table(path)}


def process_file(path: Path, lang: str | None = None, source: str | None = None,
                 max_mb: float | None = None) -> Record:
    """read → extract → assemble for one document; TooLarge when its text is over `max_mb`
    (a file that is not a PDF and already has more bytes is not read at all)."""
    if max_mb and path.suffix.lower() != ".pdf" and path.stat().st_size > max_mb * 1e6:
        raise TooLarge(f"the file is {path.stat().st_size / 1e6:.1f} MB, over the limit of "
                       f"{max_mb:g} MB of text (--max-mb)", path=path)
    text = read(path, lang=lang, source=source)
    size = len(text.text.encode("utf-8")) / 1e6
    if max_mb and size > max_mb:
        raise TooLarge(f"its text is {size:.1f} MB, over the limit of {max_mb:g} MB (--max-mb)",
                       path=path)
    return assemble(extract(text))


def _process(args) -> Record | TooLarge:
    try:
        return process_file(*args)
    except TooLarge as exc:
        return exc


def process_all(paths: list[Path], *, lang: str | None = None, sources=None, jobs: int = 1,
                max_mb: float | None = None, progress=None) -> list[Record | TooLarge]:
    """Each document read, extracted and assembled (in order); a document over the size limit
    gives its TooLarge instead. `progress(done, total, name)` is called after each one."""
    sources = sources or {}
    work = [(p, lang, sources.get(p.name), max_mb) for p in paths]
    out: list[Record | TooLarge] = []
    if not work:
        return out
    pool = None
    with ExitStack() as stack:
        if jobs <= 1 or len(work) < 2:
            stack.enter_context(tables_frozen())
            results = map(_process, work)
        else:
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=freeze_tables)
            stack.callback(pool.shutdown, cancel_futures=True)
            results = pool.map(_process, work, chunksize=max(1, len(work) // (jobs * 16)))
        for path, result in zip(paths, results):
            out.append(result)
            if progress:
                progress(len(out), len(work), path.name)
    return out


def to_dataset(records: list[Record], *, reference: bool = True) -> tuple[Dataset, list[Decision]]:
    """resolve → map, plus the reference graph."""
    resolution = resolve(records)
    dataset = map_records(resolution.records)
    if reference:
        ref = dataset.graph(REFERENCE_GRAPH)
        for triple in reference_graph():
            ref.add(triple)
    bind_prefixes(dataset)
    return dataset, resolution.decisions


def document_graph(path: Path, *, lang: str | None = None) -> Graph:
    """One document alone, read → extract → assemble → resolve → map: its claims and their
    evidence as one graph (no reference graph)."""
    dataset, _ = to_dataset([process_file(Path(path), lang=lang)], reference=False)
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def document_items(paths: list[Path], *, lang: str | None = None, sources=None):
    """For the incremental store: per document its graph IRI, its content hash (read only —
    decoding is cheap) and a function that extracts and maps it, called only when the store
    does not hold that hash yet. Each document is resolved on its own: instruments keyed by
    date, kind and parties (or a known instrument) meet across documents all the same; the
    looser merges of a full build (parties overlapping by half) need `pskg build`."""
    from pskg.store import Item

    sources = sources or {}
    for path in paths:
        text = read(path, lang=lang, source=sources.get(path.name))

        def make(text=text) -> bytes:
            dataset, _ = to_dataset([assemble(extract(text))], reference=False)
            return dataset.serialize(format="nquads").encode("utf-8")

        yield Item(str(document_graph_iri(text.doc_id)), f"sha256:{text.sha256}", make, path.name)


def _counted(items, total: int, progress):
    """The items, each reporting `progress` once it has been extracted (unchanged documents
    are not extracted, so they do not report)."""
    done = 0
    for item in items:
        def make(make=item.make_nquads, name=item.file_name or ""):
            nonlocal done
            data = make()
            done += 1
            progress(done, total, name)
            return data
        item.make_nquads = make
        yield item


def reference_nquads() -> bytes:
    dataset = Dataset()
    graph = dataset.graph(REFERENCE_GRAPH)
    for triple in reference_graph():
        graph.add(triple)
    return dataset.serialize(format="nquads").encode("utf-8")


def first_copies(records: list[Record]) -> tuple[list[Record], dict[str, str]]:
    """The records in their order with each text once, and the second copies left out (file
    name → the file kept). A document is known by its content hash: two copies of one text
    would be one document with two file names (a graph that breaks the shapes). The local and
    the cluster build and the benchmark use this; `pskg build --store` and `pskg ingest` apply
    the same rule to the hashes they read before extracting (``pskg.store.plan_ingest``)."""
    kept, duplicates, seen = [], {}, {}
    for record in records:
        if record.text.sha256 in seen:
            duplicates[record.text.path.name] = seen[record.text.sha256]
        else:
            seen[record.text.sha256] = record.text.path.name
            kept.append(record)
    return kept, duplicates


def build(corpus: Path, *, lang: str | None = None, jobs: int = 1, validate: bool = True,
          max_mb: float | None = MAX_MB, progress=None) -> Build:
    """Build a corpus folder. Entries that are not files, documents over the size limit and
    second copies of a text (same content hash) are left out and listed (`skipped`,
    `duplicates`); a document that cannot be read at all is an InputError."""
    paths, skipped = scan_corpus(corpus)
    records = []
    for result in process_all(paths, lang=lang, sources=manifest_sources(corpus), jobs=jobs,
                              max_mb=max_mb, progress=progress):
        if isinstance(result, TooLarge):
            skipped.append((result.path, result.problem))
        else:
            records.append(result)
    records, duplicates = first_copies(records)
    dataset, decisions = to_dataset(records)
    result = Build(records, dataset, decisions, skipped=skipped, duplicates=duplicates)
    if validate:
        _validate_and_exclude(result)
    return result


def _validate_and_exclude(result: Build, validate=None) -> None:
    """Validate the merged graph (pyshacl unless another `validate` is given); drop each
    document graph that holds a violating node."""
    if validate is None:
        from pskg.validate import validate

    for _ in range(len(result.records) + 1):
        report = validate(result.dataset)
        result.report = report
        if report.conforms:
            return
        bad = _graphs_of(result.dataset, [v.focus_node for v in report.violations
                                          if str(v.severity).endswith("Violation")])
        bad.discard(REFERENCE_GRAPH)
        if not bad:
            return
        for record in result.records:
            graph = document_graph_iri(record.text.doc_id)
            if graph in bad:
                result.rejected[record.text.path.name] = [
                    v for v in report.violations if (graph, v.focus_node) in _membership(
                        result.dataset, graph, v.focus_node)]
                result.dataset.remove_graph(result.dataset.graph(graph))


def _graphs_of(dataset: Dataset, nodes) -> set[URIRef]:
    out = set()
    for node in nodes:
        for _, _, _, g in dataset.quads((node, None, None, None)):
            out.add(g.identifier if hasattr(g, "identifier") else g)
    return out


def _membership(dataset: Dataset, graph, node):
    return {(graph, node)} if (node, None, None) in dataset.graph(graph) else set()


def sync_store(store_dir: Path, paths: list[Path], sources=None, lang: str | None = None,
               progress=None):
    """Bring the store up to date with these documents (unchanged hashes are not extracted
    again) and make sure it holds the reference graph. Returns the ingest plan.
    `progress(done, total, name)` is called after each document is extracted."""
    import pyoxigraph as ox

    from pskg import store as st

    db = st.open_store(store_dir)
    items = document_items(paths, lang=lang, sources=sources)
    if progress:
        items = _counted(items, len(paths), progress)
    plan = st.ingest(db, items)
    if not any(True for _ in db.quads_for_pattern(None, None, None, ox.NamedNode(str(REFERENCE_GRAPH)))):
        st.replace_graph(db, str(REFERENCE_GRAPH), reference_nquads())
    db.flush()
    return plan
