"""The incremental store (issue: stores, endpoints and scale): `pskg build --store` extracts
only documents whose content hash the store does not hold; a changed document replaces its
own named graph and nothing else; `pskg remove` drops one."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import pskg.pipeline as pipeline
from pskg import store as st
from pskg.cli import app
from pskg.paths import DATA_DIR


@pytest.fixture()
def counted(monkeypatch):
    """Count the documents the real extractor is run on."""
    calls = []
    real = pipeline.extract

    def counting(text):
        calls.append(text.path.name)
        return real(text)
    monkeypatch.setattr(pipeline, "extract", counting)
    return calls


def build(corpus, store, out):
    result = CliRunner().invoke(app, ["build", "--corpus", str(corpus), "--store", str(store),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    return result.output


def graphs(store_dir) -> dict[str, set]:
    db = st.open_store(store_dir)
    out: dict[str, set] = {}
    for quad in db:
        out.setdefault(str(quad.graph_name), set()).add((quad.subject, quad.predicate, quad.object))
    del db
    facts = out.pop(str(ox.DefaultGraph()), set())     # the facts graph: their union, once each
    assert facts == set().union(*out.values())
    return out


def test_unchanged_corpus_is_not_extracted_again(tmp_path, counted):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA_DIR / "corpus", corpus)
    store, out = tmp_path / "store", tmp_path / "out"
    assert "5 new, 0 changed, 0 unchanged" in build(corpus, store, out)
    assert len(counted) == 5
    before = graphs(store)
    assert "5 new" not in build(corpus, store, out)
    assert len(counted) == 5                      # second build: no extraction at all
    assert graphs(store) == before
    assert (out / "validation.txt").read_text().startswith("conforms: True")

    # one document changes: only it is extracted, only its graph is replaced
    changed = corpus / "002_908f6d12311fabf0.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nSee also: CIS Charter\n",
                       encoding="utf-8")
    assert "0 new, 1 changed, 4 unchanged" in build(corpus, store, out)
    assert counted[5:] == ["002_908f6d12311fabf0.txt"]
    after = graphs(store)
    replaced = set(before) - set(after)
    assert len(replaced) == 1 and len(set(after) - set(before)) == 1
    assert all(after[g] == before[g] for g in before if g not in replaced)

    # a removed document's graph can be dropped
    result = CliRunner().invoke(app, ["remove", "001_1cb44d360a641795.txt", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert len(graphs(store)) == len(after) - 1


def test_a_second_copy_of_a_text_is_listed_and_not_built_again(tmp_path, counted):
    """As `pskg build` does: the copy is named as a duplicate, not extracted, not counted; the
    store keeps one graph for the text, with the first copy's file name. The same holds on a
    later run, when the first copy is already in the store."""
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA_DIR / "corpus", corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    copy = corpus / "zz-copy.txt"
    shutil.copyfile(first, copy)
    store, out = tmp_path / "store", tmp_path / "out"
    result = CliRunner().invoke(app, ["build", "--corpus", str(corpus), "--store", str(store),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"zz-copy.txt: the same text as {first.name}" in result.output
    assert "5 new, 0 changed, 0 unchanged" in result.output and "built 5 of 5" in result.output
    assert len(counted) == 5 and "zz-copy.txt" not in counted
    held = st.document_files(st.open_store(store))
    assert len(held) == 5 and "zz-copy.txt" not in held.values() and first.name in held.values()

    result = CliRunner().invoke(app, ["ingest", str(first), str(copy), "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "zz-copy.txt: the same text as" in result.output
    assert "0 new, 0 changed, 1 unchanged" in result.output and len(counted) == 5


def _doc(h: str, name: str) -> st.Item:
    """A document graph of one Document node (the fields plan_ingest reads), as an Item."""
    graph = f"urn:test:graph/{h}"
    quads = "".join(f"<urn:test:doc/{h}> <{p}> {o} <{graph}> .\n" for p, o in (
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "<https://w3id.org/pskg/ontology#Document>"),
        ("https://w3id.org/pskg/ontology#contentHash", f'"sha256:{h}"'),
        ("https://w3id.org/pskg/ontology#fileName", f'"{name}"')))
    return st.Item(graph, f"sha256:{h}", lambda: quads, name)


def test_copies_keep_the_stored_name_and_still_supersede_the_text_a_copy_named_before():
    db = st.open_store(None)
    st.ingest(db, [_doc("h1", "a.txt")])
    # a.txt is edited, and 0.txt (sorted first) is a copy of its new text: the old a.txt goes
    plan = st.ingest(db, [_doc("h2", "0.txt"), _doc("h2", "a.txt")])
    assert plan.duplicates == {"a.txt": "0.txt"} and plan.supersedes == {"urn:test:graph/h2": [
        "urn:test:graph/h1"]}
    assert st.document_files(db) == {"urn:test:graph/h2": "0.txt"}
    # a copy alone, or listed before the name the store holds: listed as a copy of that name
    assert st.ingest(db, [_doc("h2", "b.txt")]).duplicates == {"b.txt": "0.txt"}
    plan = st.ingest(db, [_doc("h2", "c.txt"), _doc("h2", "0.txt")])
    assert plan.duplicates == {"c.txt": "0.txt"} and plan.unchanged == ["urn:test:graph/h2"]
    assert st.document_files(db) == {"urn:test:graph/h2": "0.txt"}
