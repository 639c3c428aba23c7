"""The build on a Dask cluster (``pskg build --cluster ADDRESS``), for corpora one machine is
too small or too slow for. The same outputs as ``pipeline.build``, byte for byte.

How the work is split, and why:
- read → extract → assemble, per document: on the workers. The client reads each file's bytes
  and sends them in batches, so workers need no shared file system;
- resolve: on the client. It is global (the same instrument told in several documents, persons
  by surname and office) and needs every record, so it cannot be split by document;
- map (records → N-Quads, ``store.bulk``): on the workers, by slices of the resolved records;
  the client writes the slices in corpus order as they come back, so the file streams;
- validate and export: on the client, over the whole graph (SHACL shapes span documents);
  validation by the shapes compiled to SPARQL in pyoxigraph (``validate.fast``: the same report
  as pyshacl, many times faster), the files by rdflib as in the local build.

At most a few batches per worker are in flight, so neither the client nor the scheduler holds
the whole corpus at once. Workers must run the same pskg (code and data tables): checked on
connect. ``pskg push --graph OUT/pskg.nq`` (or a server's own bulk loader) then loads a real
store; docs/cluster.md says which at which size.
"""
from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from pathlib import Path

from pskg import __version__
from pskg.errors import InputError
from pskg.paths import DATA_DIR
from pskg.pipeline import Build, _validate_and_exclude, corpus_files, first_copies, manifest_sources

NQUADS = "pskg.nq"
BATCH_BYTES = 1 << 20        # documents sent to a worker per task, about this many bytes
SLICE = 200                  # resolved records mapped per task
WINDOW = 4                   # tasks in flight per worker


@contextmanager
def connect(address: str, workers: int = 2):
    """A Dask client: a LocalCluster on loopback with `workers` processes when `address` is
    'local', else the scheduler at `address` (tcp://host:8786, or a scheduler file .json)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("needs Dask: pip install 'pskg[cluster]'", path="--cluster") from None
    if address == "local":
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    else:
        cluster = None
        if address.endswith(".json") and not Path(address).is_file():
            raise InputError("no such Dask scheduler file", path=address)
        try:
            client = (Client(scheduler_file=address) if address.endswith(".json")
                      else Client(address, timeout="30s"))
        except (OSError, TimeoutError, ValueError) as err:
            raise InputError(f"no Dask scheduler answers there ({err})", path=address) from None
    try:
        _check_workers(client)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def fingerprint() -> str:
    """pskg's version and a hash of the tables that decide what is extracted and how."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for d in ("lexicon", "reference") for p in (DATA_DIR / d).rglob("*")
                       if p.is_file()):
        digest.update(path.relative_to(DATA_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _check_workers(client, mine: str | None = None) -> None:
    """Every worker must compute this client's fingerprint (or `mine`)."""
    if not client.scheduler_info().get("workers"):
        try:
            client.wait_for_workers(1, timeout=120)
        except TimeoutError:
            raise InputError("no worker joined the scheduler within 120 s", path="--cluster") from None
    mine = mine or fingerprint()
    wrong = sorted(w for w, theirs in client.run(fingerprint).items() if theirs != mine)
    if wrong:
        raise InputError(f"workers {', '.join(wrong)} run another pskg or other data tables "
                         f"than this client; install the same version on every worker",
                         path="--cluster")


def _process_batch(batch: list[tuple[bytes, str, str | None, str | None]]):
    """read → extract → assemble for a batch of documents given as bytes (on a worker)."""
    from pskg.assemble import assemble
    from pskg.extract import extract
    from pskg.extract.entities import tables_frozen
    from pskg.read import read_bytes

    with tables_frozen():
        return [assemble(extract(read_bytes(data, name, lang=lang, source=source)))
                for data, name, lang, source in batch]


def _map_slice(records) -> str:
    """Resolved records → their graphs as N-Quads (on a worker)."""
    from pskg.store.bulk import record_nquads

    return "".join(record_nquads(records))


def _in_order(client, fn, jobs, window: int):
    """fn(job) for each job on the cluster, at most `window` at once; results in job order."""
    from distributed import as_completed

    jobs, running, position = enumerate(jobs), as_completed(), {}

    def submit() -> None:
        item = next(jobs, None)
        if item is not None:
            future = client.submit(fn, item[1], pure=False)
            position[future.key] = item[0]
            running.add(future)

    for _ in range(window):
        submit()
    done, following = {}, 0
    for future in running:
        done[position.pop(future.key)] = future.result()
        future.release()
        submit()
        while following in done:
            yield done.pop(following)
            following += 1


def _batches(paths: list[Path], lang, sources):
    batch, size = [], 0
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as err:
            raise InputError(f"cannot be read ({err.strerror or err})", path=path) from None
        batch.append((data, str(path), lang, sources.get(path.name)))
        size += len(data)
        if size >= BATCH_BYTES or len(batch) >= SLICE:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def read_records(client, paths: list[Path], *, lang: str | None = None, sources=None) -> list:
    """read → extract → assemble of every document on the workers; the Records in `paths` order."""
    window = WINDOW * max(1, len(client.scheduler_info()["workers"]))
    batches = _batches(paths, lang, sources or {})
    return [r for batch in _in_order(client, _process_batch, batches, window) for r in batch]


def write_nquads(client, resolved: list, path: Path) -> None:
    """The reference graph and the resolved records' graphs as N-Quads, mapped on the workers
    and written in record order as they come back: the file `store.bulk.write_nquads` writes."""
    from pskg.store.bulk import reference_nquads

    window = WINDOW * max(1, len(client.scheduler_info()["workers"]))
    slices = (resolved[i:i + SLICE] for i in range(0, len(resolved), SLICE))
    with open(path, "w", encoding="utf-8", newline="\n") as nq:
        nq.write(reference_nquads())
        for text in _in_order(client, _map_slice, slices, window):
            nq.write(text)


def build(corpus: Path, out: Path, client, *, lang: str | None = None,
          validate: bool = True) -> Build:
    """The distributed build; also writes OUT/pskg.nq (every kept document graph and the
    reference graph), ready for `pskg push` or a server's bulk loader."""
    from rdflib import Dataset

    from pskg.rdf.namespaces import bind_prefixes
    from pskg.resolve import resolve
    from pskg.validate import fast

    records, duplicates = first_copies(read_records(client, corpus_files(corpus), lang=lang,
                                                    sources=manifest_sources(corpus)))
    resolution = resolve(records)
    out.mkdir(parents=True, exist_ok=True)
    part = out / f".{NQUADS}.{os.getpid()}.part"
    try:
        write_nquads(client, resolution.records, part)
        dataset = Dataset()
        dataset.parse(str(part), format="nquads")
        bind_prefixes(dataset)
        result = Build(resolution.records, dataset, resolution.decisions, duplicates=duplicates)
        if validate:
            _validate_and_exclude(result, fast.validate)
        _drop_rejected(part, result)
        os.replace(part, out / NQUADS)
    finally:
        part.unlink(missing_ok=True)
    return result


def _drop_rejected(path: Path, result: Build) -> None:
    """Take the graphs of documents kept out by validation out of the N-Quads file too."""
    from pskg.rdf.namespaces import document_graph_iri

    tails = tuple(f" <{document_graph_iri(r.text.doc_id)}> .\n".encode() for r in result.records
                  if r.text.path.name in result.rejected)
    if not tails:
        return
    kept = path.with_suffix(".kept")
    with open(path, "rb") as src, open(kept, "wb") as dst:
        dst.writelines(line for line in src if not line.endswith(tails))
    os.replace(kept, path)
