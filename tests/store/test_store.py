"""The embedded store: persistence, hashes, incremental ingest (extraction only when a hash
changes, one graph replaced as a unit), remove, dump, and the CLI commands through the runner."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
import typer
from typer.testing import CliRunner

from pskg import store as st
from pskg.cli.store import register
from pskg.store import facts

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_mini.trig"
PSKG, PSKGID = "https://w3id.org/pskg/ontology#", "https://w3id.org/pskg/id/"


def fake_extract(path: Path) -> tuple[str, str, bytes]:
    """A stand-in for the pipeline: graph, hash and N-Quads of one small text file."""
    text = path.read_text("utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    graph, doc = f"{PSKGID}graph/{digest[:16]}", f"{PSKGID}document/{digest[:16]}"
    lines = [f'<{doc}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{PSKG}Document> <{graph}> .',
             f'<{doc}> <{PSKG}contentHash> "sha256:{digest}" <{graph}> .',
             f'<{doc}> <{PSKG}fileName> "{path.name}" <{graph}> .',
             f'<{doc}> <{PSKG}mentions> _:b1 <{graph}> .',
             f'_:b1 <{PSKG}text> "{text.strip()}"@en <{graph}> .']
    return graph, f"sha256:{digest}", ("\n".join(lines) + "\n").encode("utf-8")


class Counting:
    """Builds ingest items for files and counts the extraction calls."""

    def __init__(self):
        self.calls: list[str] = []

    def items(self, paths, sources=None, lang=None):
        out = []
        for path in paths:
            graph, digest, data = fake_extract(path)   # the hash is cheap; pretend data is not

            def make(path=path, data=data):
                self.calls.append(path.name)
                return data
            out.append(st.Item(graph, digest, make, path.name))
        return out


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in {"a.txt": "Agreement A", "b.txt": "Declaration B", "c.txt": "Protocol C"}.items():
        (folder / name).write_text(text, "utf-8")
    return sorted(folder.iterdir())


def graph_quads(store: ox.Store, graph: str) -> list[str]:
    return sorted(str(q) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))


def test_fixture_loads_and_persists(tmp_path):
    path = tmp_path / "store"
    store = st.open_store(path)
    st.load_dataset(store, FIXTURE)
    hashes = st.document_hashes(store)
    assert set(hashes) == {f"{PSKGID}graph/1a2b3c4d5e6f7a8b", f"{PSKGID}graph/9f8e7d6c5b4a3f2e"}
    assert all(h.startswith("sha256:") for h in hashes.values())
    size = len(named_quads(store))
    del store
    reopened = st.open_store(path)
    assert len(named_quads(reopened)) == size == 130
    assert facts_graph(reopened) == {q.triple for q in named_quads(reopened)}
    assert st.document_hashes(reopened) == hashes
    union = st.query(reopened, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?type }")
    assert int(next(iter(union))["n"].value) > 10
    bound = st.query(reopened, "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label "
                     "FILTER(lang(?label) = 'ru') }", {"s": ox.NamedNode(f"{PSKGID}state/RU")})
    assert [r["label"].value for r in bound] == ["Россия"]


def test_ingest_extracts_only_changed_documents(tmp_path, corpus):
    store, counter = st.open_store(tmp_path / "store"), Counting()
    first = st.ingest(store, counter.items(corpus))
    assert len(counter.calls) == 3 and len(first.new) == 3
    counter.calls.clear()
    again = st.ingest(store, counter.items(corpus))
    assert counter.calls == [] and len(again.unchanged) == 3

    before = {g: graph_quads(store, g) for g in st.document_hashes(store)}
    corpus[1].write_text("Declaration B, amended", "utf-8")
    changed = st.ingest(store, counter.items(corpus))
    assert counter.calls == ["b.txt"]
    assert len(changed.changed) == 1 and len(changed.unchanged) == 2 and changed.new == []
    after = {g: graph_quads(store, g) for g in st.document_hashes(store)}
    assert len(after) == 3                                   # the stale graph of b.txt is gone
    for graph in set(before) & set(after):                   # the others: identical quads
        assert after[graph] == before[graph]
    new_graph = changed.changed[0]
    assert new_graph not in before
    assert any("amended" in q for q in after[new_graph])
    assert [str(n.value) for n in store.named_graphs()].count(new_graph) == 1


def test_supersede_by_file_name_found_after_extraction(tmp_path, corpus):
    """Items without a file name (the process_files route): the old graph still goes."""
    store = st.open_store(None)
    st.ingest(store, [fake_extract(p)[:2] + ((lambda p=p: fake_extract(p)[2]),) for p in corpus])
    corpus[0].write_text("Agreement A, second edition", "utf-8")
    plan = st.ingest(store, [fake_extract(p)[:2] + ((lambda p=p: fake_extract(p)[2]),) for p in corpus])
    assert len(plan.changed) == 1 and len(st.document_hashes(store)) == 3


def test_replace_graph_is_one_unit(tmp_path):
    store = st.open_store(None)
    st.load_dataset(store, FIXTURE)
    graph = f"{PSKGID}graph/9f8e7d6c5b4a3f2e"
    with pytest.raises(SyntaxError):
        st.replace_graph(store, graph, b"<http://a> <http://b> broken .")
    assert len(graph_quads(store, graph)) > 20               # failed replacement left it whole
    st.replace_graph(store, graph, f'<http://a> <http://b> "c" <{PSKGID}graph/other> .\n')
    assert graph_quads(store, graph) == [f'<http://a> <http://b> "c" <{graph}>']


def test_remove_and_dump(tmp_path):
    store = st.open_store(None)
    st.load_dataset(store, FIXTURE)
    assert st.find_graphs(store, "belovezha-en.txt") == [f"{PSKGID}graph/1a2b3c4d5e6f7a8b"]
    assert st.find_graphs(store, "9f8e7d6c5b4a3f2e") == [f"{PSKGID}graph/9f8e7d6c5b4a3f2e"]
    assert st.find_graphs(store, "nothing.txt") == []
    assert st.drop_graph(store, f"{PSKGID}graph/1a2b3c4d5e6f7a8b")
    assert not st.drop_graph(store, f"{PSKGID}graph/1a2b3c4d5e6f7a8b")
    assert list(st.document_hashes(store)) == [f"{PSKGID}graph/9f8e7d6c5b4a3f2e"]
    trig = st.dump(store, "trig")
    assert b"@prefix pskg:" in trig and b"reference {" in trig
    assert facts_graph(store) == {q.triple for q in named_quads(store)}     # dropped with it
    dataset = st.to_dataset(store)                           # the named graphs, no facts graph
    assert len(dataset) == len(named_quads(store))
    again = st.open_store(None)
    st.load_dataset(again, dataset)                          # rdflib Dataset in, same quads
    assert set(again) == set(store)


def named_quads(store) -> list:
    return [q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)]


def facts_graph(store) -> set:
    return {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def test_facts_graph_follows_every_change():
    """The default graph is the union of the named graphs, each triple once, after a load, a
    replacement, a drop and an ingest; queries read it, and a triple two documents state
    stays while either still states it."""
    store = st.open_store(None)
    st.load_dataset(store, FIXTURE)
    assert facts_graph(store) == {q.triple for q in named_quads(store)}
    g1, g2 = f"{PSKGID}graph/1a2b3c4d5e6f7a8b", f"{PSKGID}graph/second-copy"
    title = next(q.triple for q in store.quads_for_pattern(
        None, ox.NamedNode("http://purl.org/dc/terms/title"), None, ox.NamedNode(g1)))
    st.replace_graph(store, g2, f"{title} .\n<http://a> <http://b> \"c\" .\n")   # a new graph
    assert facts_graph(store) == {q.triple for q in named_quads(store)}
    st.replace_graph(store, g1, '<http://x> <http://y> "z" .\n')            # g1 changes
    assert facts_graph(store) == {q.triple for q in named_quads(store)}
    assert title in facts_graph(store)                       # g2 still states it
    assert st.drop_graph(store, g2)
    assert facts_graph(store) == {q.triple for q in named_quads(store)}
    assert title not in facts_graph(store)                   # nobody states it any more
    answer = st.query(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(next(iter(answer))["n"].value) == len(facts_graph(store))   # read once each
    st.replace_graph(store, g2, '_:b <http://b> "c" .\n<http://a> <http://b> _:b .\n')
    facts.build(store)                                       # made again: blank nodes kept
    assert facts_graph(store) == {q.triple for q in named_quads(store)}


@pytest.fixture
def cli(monkeypatch):
    counter = Counting()
    from pskg import pipeline
    monkeypatch.setattr(pipeline, "document_items", counter.items)
    monkeypatch.setattr(pipeline, "reference_nquads", lambda: b"")
    app = typer.Typer()
    register(app)
    return app, counter


def test_cli_ingest_and_remove(tmp_path, corpus, cli):
    app, counter = cli
    runner, store = CliRunner(), str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", *map(str, corpus), "--store", store])
    assert result.exit_code == 0, result.output
    assert "3 new" in result.output and len(counter.calls) == 3
    result = runner.invoke(app, ["ingest", *map(str, corpus), "--store", store])
    assert "3 unchanged" in result.output and len(counter.calls) == 3
    result = runner.invoke(app, ["remove", "b.txt", "--store", store])
    assert result.exit_code == 0 and "removed" in result.output
    result = runner.invoke(app, ["remove", "b.txt", "--store", store])
    assert result.exit_code == 2
    assert len(st.document_hashes(st.open_store(store))) == 2




def test_facts_of_an_nquads_file_equal_the_facts_made_from_the_store(tmp_path):
    """A bulk-loaded N-Quads file of pskg graphs: its facts graph is made from the text; the
    same as made from the store (and a file with blank nodes falls back to the store)."""
    store = st.open_store(None)
    st.load_dataset(store, FIXTURE)
    path = tmp_path / "graph.nq"
    path.write_bytes(st.dump(store, "nquads"))
    for text in (path.read_bytes(), path.read_bytes() + b'_:x <http://b> "c" <http://g> .\n'):
        path.write_bytes(text)
        again = st.open_store(None)
        st.load_dataset(again, path)
        assert facts_graph(again) and {t for t in facts_graph(again) if "_:" not in str(t)} == \
            {q.triple for q in named_quads(again) if "_:" not in str(q)}
        assert len(facts_graph(again)) == len({q.triple for q in named_quads(again)})
