"""`pskg build` on awkward corpora and events: no crash, no drift, no good data dropped.

Every test drives the real CLI — in-process (CliRunner) where only the result matters, as a
child process where the process itself matters (hash seed, umask, signals, a held lock).
The documents are written by the tests: short treaty-like texts, or copies of the bundled ones.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pskg.cli import app
from pskg.paths import DATA_DIR

CORPUS = DATA_DIR / "corpus"
FIRST = sorted(CORPUS.glob("*.txt"))[0]
PSKG = str(Path(sys.executable).parent / "pskg")
OUTPUTS = ("pskg.ttl", "pskg.trig", "validation.txt", "resolution.tsv", "summary.txt")
NO_PARTIES = ("AGREEMENT ON COOPERATION IN THE FIELD OF CULTURE\n\nThe Parties to this Agreement,\n\n"
              "have agreed as follows:\n\nArticle 1\nThe Parties shall develop cooperation in culture.\n")


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def run(*args, env=None, **kw):
    return subprocess.run([PSKG, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600, **kw)


def one_line(text: str) -> str:
    lines = text.strip("\n").splitlines()
    assert len(lines) == 1, text
    return lines[0]


def corpus_of(tmp_path: Path, **docs: str | bytes) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in docs.items():
        (folder / name).write_bytes(content.encode() if isinstance(content, str) else content)
    return folder


def snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_instrument_without_parties_or_date_builds_and_summarises(tmp_path):
    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES})
    result = invoke("build", "--corpus", corpus, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    summary = (tmp_path / "out" / "summary.txt").read_text()
    assert "culture.txt" in summary and "parties: -" in summary and "signed ?" in summary
    again = invoke("summary", tmp_path / "out" / "pskg.trig")
    assert again.exit_code == 0 and "parties: -" in again.stdout


def test_summary_tells_documents_from_reference_data(tmp_path):
    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES})
    assert invoke("build", "--corpus", corpus, "--out", tmp_path / "out").exit_code == 0
    for name in ("pskg.trig", "pskg.ttl"):
        text = invoke("summary", tmp_path / "out" / name).stdout
        docs = re.search(r"from the documents: (.*)", text).group(1)
        assert docs.startswith("1 documents, 1 instruments") and "states" not in docs, text
        assert re.search(r"from the reference data only .*: \d+ instruments, \d+ states", text), text


def test_same_text_twice_is_one_document_and_the_second_a_duplicate(tmp_path):
    corpus = corpus_of(tmp_path, **{"a.txt": FIRST.read_bytes(), "b-copy.txt": FIRST.read_bytes()})
    result = invoke("build", "--corpus", corpus, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "built 1 of 1 documents" in result.stdout
    assert "b-copy.txt: the same text as a.txt" in one_line(result.stderr)
    summary = (tmp_path / "out" / "summary.txt").read_text()
    assert "- a.txt" in summary and "b-copy.txt" not in summary


def test_builds_in_two_processes_with_different_hash_seeds_are_byte_identical(tmp_path):
    corpus = corpus_of(tmp_path, **{p.name: p.read_bytes() for p in sorted(CORPUS.glob("*.txt"))[:2]})
    for seed in ("1", "2"):
        assert run("build", "--corpus", corpus, "--out", tmp_path / seed,
                   env={"PYTHONHASHSEED": seed}).returncode == 0
    for name in OUTPUTS:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_every_output_carries_the_same_build_id_and_no_staging_is_left(tmp_path):
    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES})
    out = tmp_path / "out"
    result = invoke("build", "--corpus", corpus, "--out", out)
    build_id = re.search(r"\(build ([0-9a-f]{16})\)", result.stdout).group(1)
    for name in OUTPUTS:
        assert build_id in (out / name).read_text(), name
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    (corpus / "two.txt").write_bytes(FIRST.read_bytes())
    second = invoke("build", "--corpus", corpus, "--out", out)
    assert build_id not in second.stdout
    assert all(build_id not in (out / name).read_text() for name in OUTPUTS)


def test_huge_text_is_skipped_with_a_message_and_the_rest_built(tmp_path):
    corpus = corpus_of(tmp_path, **{"a.txt": FIRST.read_bytes()})
    with open(corpus / "huge.txt", "wb") as handle:           # 50 MB of treaty-like prose
        handle.write(NO_PARTIES.encode() * (50_000_000 // len(NO_PARTIES)))
    result = invoke("build", "--corpus", corpus, "--out", tmp_path / "out", "--progress")
    assert result.exit_code == 0, result.output
    assert "built 1 of 1 documents" in result.stdout
    skipped = [line for line in result.stderr.splitlines() if "huge.txt" in line and "skipped" in line]
    assert len(skipped) == 1 and "--max-mb" in skipped[0]
    assert "2 of 2 documents read" in result.stderr              # progress, one line per document
    assert "- a.txt" in (tmp_path / "out" / "summary.txt").read_text()


@pytest.mark.parametrize("lang", ["e_n", "zz-ZZZZZZZZZZ", "zz"])
def test_bad_lang_is_one_line_exit_2(tmp_path, lang):
    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES})
    for command in (["build", "--corpus", corpus, "--out", tmp_path / "out"], ["extract", corpus / "culture.txt"]):
        result = invoke(*command, "--lang", lang)
        assert result.exit_code == 2, result.output
        assert one_line(result.stderr).startswith(f"pskg: --lang '{lang}'")
    assert not (tmp_path / "out").exists()


def test_entries_that_are_not_documents_are_named_and_names_escaped(tmp_path):
    corpus = corpus_of(tmp_path, **{"a\nb.txt": NO_PARTIES})
    (corpus / "folder.txt").mkdir()
    (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
    (corpus / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    result = invoke("build", "--corpus", corpus, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    warnings = result.stderr.splitlines()
    for name in ("folder.txt", "loop.txt", "gone.txt"):
        assert any(str(corpus / name) in w and "skipped" in w for w in warnings), result.stderr
    summary = (tmp_path / "out" / "summary.txt").read_text()
    assert "- a\\nb.txt [" in summary                          # one name, one line
    for name in ("summary.txt", "resolution.tsv", "validation.txt"):
        text = (tmp_path / "out" / name).read_text()
        assert not any(line in ("b.txt", "b.txt [en, PrimaryText]") or line.startswith("b.txt")
                       for line in text.splitlines()), name


def test_outputs_follow_the_umask(tmp_path):
    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES})
    for umask, mode in ((0o027, 0o640),):
        out = tmp_path / f"out{umask:o}"
        done = run("build", "--corpus", corpus, "--out", out, preexec_fn=lambda u=umask: os.umask(u))
        assert done.returncode == 0, done.stderr
        assert {oct((out / n).stat().st_mode & 0o777) for n in OUTPUTS} == {oct(mode)}


@pytest.mark.parametrize("name, content", [
    ("empty.txt", b""), ("blank.txt", b" \n\n "), ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj << /Ty"),
    ("binary.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)])
def test_unreadable_document_is_one_line_exit_2_and_outputs_intact(tmp_path, name, content):
    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES})
    out = tmp_path / "out"
    assert invoke("build", "--corpus", corpus, "--out", out).exit_code == 0
    before = snapshot(out)
    (corpus / name).write_bytes(content)
    result = invoke("build", "--corpus", corpus, "--out", out)
    assert result.exit_code == 2, result.output
    assert one_line(result.stderr).startswith(f"pskg: {corpus / name}: ")
    assert snapshot(out) == before


def _start_and_stop(args, sig, started):
    """Start `pskg *args` and send `sig` once `started(stderr line)` says the work is under way."""
    proc = subprocess.Popen([PSKG, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if started(line):
            break
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, "".join(seen) + err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_build_stopped_mid_way_leaves_outputs_intact_and_rerun_completes(tmp_path, sig):
    docs = sorted(CORPUS.glob("*.txt"))[:3]
    corpus = corpus_of(tmp_path, **{p.name: p.read_bytes() for p in docs})
    out = tmp_path / "out"
    first = corpus_of(tmp_path / "f", **{docs[0].name: docs[0].read_bytes()})
    assert invoke("build", "--corpus", first, "--out", out).exit_code == 0
    before = snapshot(out)
    code, err = _start_and_stop(["build", "--corpus", corpus, "--out", out, "--progress"], sig,
                                lambda line: "1 of 3 documents read" in line)
    if sig == signal.SIGINT:
        assert code == 130 and err.splitlines()[-1] == "pskg: interrupted", err
    else:
        assert code == -9
    assert "Traceback" not in err
    assert snapshot(out) == before
    result = invoke("build", "--corpus", corpus, "--out", out)
    assert result.exit_code == 0 and "built 3 of 3" in result.stdout


def test_second_store_build_while_one_runs_is_one_line_exit_2(tmp_path):
    import pyoxigraph as ox

    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES})
    store = tmp_path / "store"
    assert invoke("build", "--corpus", corpus, "--out", tmp_path / "out", "--store", store).exit_code == 0
    holder = ox.Store(str(store))                       # another process holding the store
    try:
        for command in (["build", "--corpus", corpus, "--out", tmp_path / "o2", "--store", store],
                        ["ingest", corpus / "culture.txt", "--store", store]):
            done = run(*command)
            assert done.returncode == 2, done.stderr
            assert "in use by another pskg process" in one_line(done.stderr)
        assert len(holder) > 0
    finally:
        del holder
    again = run("ingest", corpus / "culture.txt", "--store", store)
    assert again.returncode == 0 and "1 unchanged" in again.stdout


def test_killed_store_ingest_leaves_a_consistent_store_and_rerun_completes(tmp_path):
    corpus = corpus_of(tmp_path, **{p.name: p.read_bytes() for p in CORPUS.glob("*.txt")})
    store = tmp_path / "store"
    code, _ = _start_and_stop(["ingest", *sorted(corpus.glob("*.txt")), "--store", store,
                               "--progress"], signal.SIGKILL, lambda line: "2 of 5 documents extracted" in line)
    assert code == -9
    done = run("ingest", *sorted(corpus.glob("*.txt")), "--store", store)
    assert done.returncode == 0, done.stderr
    built = run("build", "--corpus", corpus, "--out", tmp_path / "out", "--store", store)
    assert built.returncode == 0 and "5 unchanged" in built.stdout, built.stdout + built.stderr
    assert "conforms: True" in (tmp_path / "out" / "validation.txt").read_text()


def test_every_document_rejected_is_exit_1_with_reasons_and_nothing_written(tmp_path, monkeypatch):
    """Shapes that no document meets (an extra rule: every instrument needs a property none has)
    reject every document: exit 1, each document named with its first violation, no output."""
    from rdflib import Graph

    from pskg.validate import shacl
    strict = Graph()
    strict += shacl.load_shapes()
    strict.parse(data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix pskg: <https://w3id.org/pskg/ontology#> .
        <urn:test:impossible> a sh:NodeShape ; sh:targetClass pskg:Instrument ;
            sh:property [ sh:path <urn:test:never> ; sh:minCount 1 ;
                          sh:message "every instrument needs urn:test:never" ] .""",
                 format="turtle")
    monkeypatch.setattr(shacl, "load_shapes", lambda: strict)
    corpus = corpus_of(tmp_path, **{"culture.txt": NO_PARTIES,
                                    "sport.txt": NO_PARTIES.replace("CULTURE", "SPORT")
                                    .replace("culture", "sport")})
    out = tmp_path / "out"
    result = invoke("build", "--corpus", corpus, "--out", out)
    assert result.exit_code == 1, result.output
    assert "none of the 2 documents conforms" in result.output
    for name in ("culture.txt", "sport.txt"):
        assert re.search(rf"pskg: {name}: graph does not conform.*urn:test:never", result.output)
    assert not out.exists() or not any(out.iterdir())
