"""The stages bench/scale.py times, each run in its own process (`python bench/scale.py
--stage NAME --work DIR`) so that its peak memory (ru_maxrss) is its own. Each prints one
JSON object per measurement on stdout; a line {"begin": STEP} marks the start of a step the
parent may stop with a timeout (the baseline's pyshacl, rdflib Turtle export)."""
from __future__ import annotations

import json
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERY_RUNS = 5


def emit(**fields) -> None:
    fields["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    # worker processes (extraction pool, forked query runs) that have ended
    fields["children_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    print(json.dumps(fields), flush=True)


def timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def example_params(nq) -> dict[str, str]:
    """The params of a query's first `# example:` line (`--param k=v`), else its defaults."""
    import shlex
    for line in nq.examples:
        words = shlex.split(line)
        return dict(w.split("=", 1) for a, w in zip(words, words[1:]) if a == "--param")
    return {}


def corpus_params(nq, engine, work: Path) -> dict[str, str]:
    """The example's params; where they name an instrument of the bundled corpus that this
    build knows nothing of (the query answers no rows), an instrument of the synthetic corpus
    instead: the one whose text is the corpus's first primary document (MANIFEST.tsv), the
    same for every engine and size. (Instruments of the reference data, in every build, stay.)"""
    from pskg.query import run
    params = example_params(nq)
    names = {p.name for p in nq.params if p.type == "iri"}
    if not any(str(params.get(n, "")).startswith("pskgid:instrument/") for n in names) \
            or run(nq, engine, params).rows:
        return params
    manifest = (work / "corpus" / "docs" / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    first = next(line.split("\t")[0] for line in manifest[1:] if line.split("\t")[2] == "primary")
    rows = list(engine.query('SELECT ?i WHERE { ?d <https://w3id.org/pskg/ontology#fileName> '
                             f'"{first}" ; <https://w3id.org/pskg/ontology#isTextOf> ?i }}'))
    instrument = str(rows[0][0].value if hasattr(rows[0][0], "value") else rows[0][0])
    return {k: (instrument if k in names and str(v).startswith("pskgid:instrument/") else v)
            for k, v in params.items()}


def _query_worker(open_engine, nq, work, conn) -> None:
    from pskg.query import run
    engine, times, rows = open_engine(), [], 0
    params = corpus_params(nq, engine, work)
    for _ in range(QUERY_RUNS):
        seconds, result = timed(lambda: run(nq, engine, params))
        times.append(seconds)
        rows = len(result.rows)
    conn.send((times, rows))


def run_queries(open_engine, label: str, timeout: float, work: Path) -> None:
    """Each named query, 5 runs, in a forked process stopped after `timeout` seconds, with the
    params of its example (an instrument of the synthetic corpus: `corpus_params`)."""
    import multiprocessing as mp

    from pskg.query import find_queries
    ctx = mp.get_context("fork")
    for nq in find_queries(ROOT / "queries"):
        here, there = ctx.Pipe()
        proc = ctx.Process(target=_query_worker, args=(open_engine, nq, work, there))
        proc.start()
        if here.poll(timeout):
            times, rows = here.recv()
            emit(step=f"query:{nq.name}", engine=label, seconds=statistics.median(times),
                 first=times[0], runs=len(times), rows=rows)
        else:
            emit(step=f"query:{nq.name}", engine=label, timeout=timeout)
        proc.kill()
        proc.join()


def stage_synth(work: Path, n: int, seed: int) -> None:
    from pskg.synth import write_corpus
    shutil.rmtree(work / "corpus", ignore_errors=True)
    seconds, counts = timed(lambda: write_corpus(work / "corpus", n, seed))
    size = sum(p.stat().st_size for p in (work / "corpus" / "docs").iterdir())
    emit(step="synth", seconds=seconds, docs=sum(counts.values()), bytes=size)


def _files(work: Path):
    from pskg.pipeline import corpus_files, manifest_sources
    corpus = work / "corpus" / "docs"
    return corpus_files(corpus), manifest_sources(corpus)


def stage_extract1(work: Path) -> None:
    from pskg.pipeline import process_all
    files, sources = _files(work)
    seconds, records = timed(lambda: process_all(files, sources=sources, jobs=1))
    emit(step="extract_jobs1", seconds=seconds, docs=len(records))


def stage_build(work: Path) -> None:
    """read+extract+assemble (2 processes) → resolve → map to N-Quads (2 processes)."""
    from pskg.pipeline import first_copies, process_all
    from pskg.resolve import resolve
    from pskg.store import bulk
    files, sources = _files(work)
    seconds, (records, duplicates) = timed(
        lambda: first_copies(process_all(files, sources=sources, jobs=2)))
    emit(step="extract_jobs2", seconds=seconds, docs=len(records), duplicates=len(duplicates))
    seconds, resolved = timed(lambda: resolve(records).records)
    emit(step="resolve", seconds=seconds, docs=len(resolved))
    path = work / "graph.nq"
    seconds, quads = timed(lambda: bulk.write_nquads(resolved, path, jobs=2))
    emit(step="map_nquads", seconds=seconds, quads=quads, bytes=path.stat().st_size)


def stage_load(work: Path) -> None:
    """The store as `pskg build --store` leaves it: a named graph per document and the facts
    graph (their union, each triple once) in the default graph. Then one document changed
    and one removed, each in one transaction that keeps the facts graph in step; both are
    put back afterwards, so validation, export and queries see the store as built."""
    import pyoxigraph as ox

    from pskg.store import drop_graph, facts, load_dataset, open_store, replace_graph
    shutil.rmtree(work / "store", ignore_errors=True)
    store = open_store(work / "store")
    seconds, _ = timed(lambda s=store: load_dataset(s, work / "graph.nq"))
    named = sum(1 for g in store.named_graphs() for _ in store.quads_for_pattern(None, None, None, g))
    emit(step="bulk_load_disk", seconds=seconds, quads=named, facts=len(store) - named)
    graphs = sorted(g.value for g in store.named_graphs() if "/graph/reference" not in g.value)
    one = graphs[len(graphs) // 2]
    text = ox.serialize(store.quads_for_pattern(None, None, None, ox.NamedNode(one)),
                        format=ox.RdfFormat.N_QUADS)
    changed = b"\n".join(ln for ln in text.splitlines() if b"/terms/title>" not in ln) + b"\n"
    seconds, _ = timed(lambda s=store: replace_graph(s, one, changed))
    emit(step="replace_document", seconds=seconds, quads=len(changed.splitlines()))
    removed = ox.serialize(store.quads_for_pattern(None, None, None, ox.NamedNode(graphs[0])),
                           format=ox.RdfFormat.N_QUADS)
    seconds, _ = timed(lambda s=store: drop_graph(s, graphs[0]))
    emit(step="remove_document", seconds=seconds, in_step=not facts.reads_union(store))
    for graph, quads in ((one, text), (graphs[0], removed)):   # back as built, for the stages after
        replace_graph(store, graph, quads)
    del store


def stage_validate(work: Path, on_disk: bool) -> None:
    from pskg.validate import fast as validate_fast
    source = "on-disk store" if on_disk else "in-memory store"
    if on_disk:
        import pyoxigraph as ox
        data = ox.Store(str(work / "store"))
    else:
        data = work / "graph.nq"
    seconds, report = timed(lambda: validate_fast.validate(data))
    from collections import Counter
    rules = Counter(f"{v.severity}: {v.message}" for v in report.violations)
    emit(step="validate_fast", seconds=seconds, conforms=report.conforms,
         results=len(report.violations), where=source, rules=dict(rules.most_common()))


def stage_export(work: Path) -> None:
    """Turtle of the merged graph: the store's facts graph (its default graph), dumped by pyoxigraph."""
    import pyoxigraph as ox

    from pskg.rdf.namespaces import PREFIXES
    store = ox.Store.read_only(str(work / "store"))
    path = work / "graph.ttl"
    prefixes = {p: str(ns) for p, ns in PREFIXES.items()}
    seconds, _ = timed(lambda: store.dump(str(path), ox.RdfFormat.TURTLE,
                                          from_graph=ox.DefaultGraph(), prefixes=prefixes))
    lines = sum(1 for _ in open(path, "rb"))
    emit(step="export_turtle", seconds=seconds, bytes=path.stat().st_size, lines=lines)


def stage_queries(work: Path, timeout: float) -> None:
    import pyoxigraph as ox
    run_queries(lambda: ox.Store.read_only(str(work / "store")), "oxigraph", timeout, work)


def stage_baseline(work: Path, timeout: float, quick: bool = False) -> None:
    """The naive pipeline: one process, an rdflib Dataset, rdflib SPARQL, rdflib Turtle,
    whole-graph pyshacl (last, as the parent may stop it). `quick`: no queries, no Turtle."""
    from pskg.pipeline import process_all, to_dataset
    from pskg.validate import validate
    files, sources = _files(work)
    seconds, records = timed(lambda: process_all(files, sources=sources, jobs=1))
    emit(step="extract_jobs1", seconds=seconds, docs=len(records))
    seconds, (dataset, _) = timed(lambda: to_dataset(records))
    emit(step="rdflib_build", seconds=seconds, quads=len(dataset))
    dataset.default_union = True
    if not quick:
        run_queries(lambda: dataset, "rdflib", timeout, work)
        print(json.dumps({"begin": "rdflib_turtle"}), flush=True)
        from pskg.rdf.export import serialize
        seconds, data = timed(lambda: serialize(dataset, "ttl"))
        emit(step="rdflib_turtle", seconds=seconds, bytes=len(data))
        del data
    print(json.dumps({"begin": "pyshacl"}), flush=True)
    seconds, report = timed(lambda: validate(dataset))
    emit(step="pyshacl", seconds=seconds, conforms=report.conforms, results=len(report.violations))


def stage_perdoc(work: Path, sample: int = 40) -> None:
    """The other way to scale pyshacl: one document graph at a time (with the vocabulary and
    the reference nodes it points to, two hops), timed on a sample."""
    import pyoxigraph as ox
    from rdflib import Graph

    from pskg.validate import load_shapes, validate
    store = ox.Store()
    store.bulk_load(path=str(work / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    graphs = sorted(g.value for g in store.named_graphs() if not g.value.endswith("/reference"))
    shapes, times = load_shapes(), []
    for name in graphs[:: max(1, len(graphs) // sample)][:sample]:
        text = f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
          {{ GRAPH <{name}> {{ ?s ?p ?o }} }} UNION
          {{ GRAPH <{name}> {{ ?x ?y ?s }} GRAPH ?r {{ ?s ?p ?o }} FILTER(STRENDS(STR(?r), "/reference")) }} UNION
          {{ GRAPH <{name}> {{ ?x ?y ?z }} GRAPH ?r {{ ?z ?q ?s . ?s ?p ?o }} FILTER(STRENDS(STR(?r), "/reference")) }} }}"""
        graph = Graph().parse(data=store.query(text).serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
        seconds, _ = timed(lambda: validate(graph, shapes))
        times.append(seconds)
    emit(step="perdoc_pyshacl", seconds=statistics.mean(times), sampled=len(times),
         graphs=len(graphs), median=statistics.median(times))


def main(args) -> None:
    work, name = Path(args.work), args.stage
    sys.setrecursionlimit(10000)
    if name == "synth":
        stage_synth(work, args.n, args.seed)
    elif name == "validate":
        stage_validate(work, args.on_disk)
    elif name == "queries":
        stage_queries(work, args.query_timeout)
    elif name == "baseline":
        stage_baseline(work, args.query_timeout, args.baseline_quick)
    else:
        globals()[f"stage_{name}"](work)
