"""`pskg build --cluster local`: the build on a 2-worker Dask LocalCluster (loopback only) gives
the same files, byte for byte, as the build on one machine, and its N-Quads hold the same quads."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from pskg.cli import app
from pskg.errors import InputError
from pskg.pipeline import corpus_files, first_copies, manifest_sources, process_all
from pskg.resolve import resolve
from pskg.store.bulk import write_nquads
from pskg.synth import write_corpus

distributed = pytest.importorskip("distributed")
OUTPUTS = ("pskg.trig", "pskg.ttl", "validation.txt", "resolution.tsv", "summary.txt")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    write_corpus(root, 40, 3)       # = pskg synth --instruments 40 --seed 3 -o root
    return root / "docs"


def quads(path: Path, fmt) -> set:
    return set(ox.parse(path=str(path), format=fmt))


def test_cluster_build_is_byte_identical_to_the_local_build(corpus, tmp_path):
    # with a second copy of one text under another name: both builds keep the first only
    corpus = Path(shutil.copytree(corpus, tmp_path / "corpus"))
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first, corpus / f"zz-copy-{first.name}")
    result = CliRunner().invoke(app, ["build", "--corpus", str(corpus), "--out", str(tmp_path / "local")])
    assert result.exit_code == 0, result.output
    # the cluster build in its own process (workers are spawned), bounded in time
    done = subprocess.run([sys.executable, "-c", "from pskg.cli import app; app()", "build",
                           "--corpus", str(corpus), "--out", str(tmp_path / "dask"),
                           "--cluster", "local", "--jobs", "2"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "built 40 of 40 documents" in done.stdout, done.stdout
    assert f"zz-copy-{first.name}: the same text as {first.name}" in done.stdout + done.stderr
    assert f"zz-copy-{first.name}: the same text as {first.name}" in result.output
    for name in OUTPUTS:
        local, dask = (tmp_path / "local" / name).read_bytes(), (tmp_path / "dask" / name).read_bytes()
        assert local == dask, f"{name} differs between the local and the cluster build"
    streamed = quads(tmp_path / "dask" / "pskg.nq", ox.RdfFormat.N_QUADS)
    assert len(streamed) > 40 * 100
    assert streamed == quads(tmp_path / "local" / "pskg.trig", ox.RdfFormat.TRIG)
    # and it is the file store.bulk writes from the same records here, byte for byte
    records, _ = first_copies(process_all(corpus_files(corpus), sources=manifest_sources(corpus)))
    write_nquads(resolve(records).records, tmp_path / "bulk.nq")
    assert (tmp_path / "bulk.nq").read_bytes() == (tmp_path / "dask" / "pskg.nq").read_bytes()
    assert not list((tmp_path / "dask").glob(".*part*"))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    # threads in this process, talking in-process (inproc://): no network at all
    with LocalCluster(n_workers=2, processes=False, dashboard_address=None,
                      silence_logs=40) as cluster, Client(cluster) as c:
        yield c


def test_a_bad_document_on_a_worker_is_named_and_nothing_is_written(corpus, tmp_path, client):
    from pskg import cluster

    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sorted(corpus.glob("*.txt"))[:5]:
        shutil.copy(path, docs / path.name)
    (docs / "zz-empty.txt").write_bytes(b"  \n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "pskg.nq").write_bytes(b"an earlier build\n")
    with pytest.raises(InputError, match=r"zz-empty\.txt: is empty"):
        cluster.build(docs, out, client)
    assert sorted(p.name for p in out.iterdir()) == ["pskg.nq"]
    assert (out / "pskg.nq").read_bytes() == b"an earlier build\n"


def test_workers_with_other_tables_are_refused(client):
    from pskg import cluster

    cluster._check_workers(client)          # the same pskg and tables: accepted
    with pytest.raises(InputError, match="another pskg or other data tables"):
        cluster._check_workers(client, mine="0123456789abcdef")


def test_graphs_of_rejected_documents_leave_the_nquads(corpus, tmp_path):
    from pskg import cluster
    from pskg.pipeline import Build, process_file
    from pskg.rdf.namespaces import REFERENCE_GRAPH, document_graph_iri

    records = resolve([process_file(p) for p in sorted(corpus.glob("*.txt"))[:2]]).records
    path = tmp_path / "pskg.nq"
    write_nquads(records, path)
    before = path.read_text("utf-8").splitlines()
    kept_out, kept = records
    cluster._drop_rejected(path, Build(records, None, rejected={kept_out.text.path.name: []}))
    after = path.read_text("utf-8").splitlines()
    gone, stays = (f"<{document_graph_iri(r.text.doc_id)}> ." for r in (kept_out, kept))
    assert not [line for line in after if line.endswith(gone)]
    assert after == [line for line in before if not line.endswith(gone)]
    assert any(line.endswith(stays) for line in after)
    assert any(line.endswith(f"<{REFERENCE_GRAPH}> .") for line in after)


def test_unusable_cluster_options_get_one_line_and_exit_2(corpus, tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(tmp_path / "o"),
                                  "--cluster", str(tmp_path / "scheduler.json")])
    assert missing.exit_code == 2 and "scheduler.json: no such Dask scheduler file" in missing.output
    both = runner.invoke(app, ["build", "--corpus", str(corpus), "--out", str(tmp_path / "o"),
                               "--cluster", "local", "--store", str(tmp_path / "store")])
    assert both.exit_code == 2 and "--cluster or --store" in both.output
    assert not (tmp_path / "o").exists() and not (tmp_path / "store").exists()
