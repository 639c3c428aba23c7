"""`pskg synth`: a deterministic synthetic corpus whose gold files say what its texts say."""
from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from pskg.cli import synth as cli_synth
from pskg.evaluate import evaluate, load_gold, pair_documents
from pskg.extract.dates import find_dates
from pskg.extract.entities import word_matcher
from pskg.knowledge import lexicon
from pskg.synth import TOPICS, Writer, generate, write_corpus
from pskg.synth.render import heading
from pskg.synth.world import world

LANGS = ("en", "ru", "uk", "kk", "ka", "zh")
# kind nouns the extractor does not read today, with why; the test fails when one is read again
UNREAD_KINDS = {("ka", "protocol"): "the lexicon's stem 'ოქმ' has 3 letters, and since "
                "match.py's 'word' mode a 3-letter word matches only exactly, so 'ოქმი' is missed"}


def test_same_seed_same_corpus():
    first = [(d.name, d.text, d.gold, d.encoding) for d in generate(15, seed=5)]
    assert first == [(d.name, d.text, d.gold, d.encoding) for d in generate(15, seed=5)]
    assert first != [(d.name, d.text, d.gold, d.encoding) for d in generate(15, seed=6)]
    # document i does not depend on how many are made
    assert first[10:] == [(d.name, d.text, d.gold, d.encoding) for d in generate(5, seed=5, start=10)]


def test_corpus_files_pair_with_their_gold(tmp_path):
    counts = write_corpus(tmp_path, 60, seed=2)
    assert set(counts) == set(LANGS) and sum(counts.values()) == 60
    pairs = pair_documents(tmp_path / "docs", tmp_path / "gold")
    assert len(pairs) == 60
    for doc, gold_path in pairs:
        gold = load_gold(gold_path)
        assert doc.name == f"{gold_path.stem}.{gold['language']}.txt"
        assert gold["genre"] in ("primary", "secondary")
        assert set(gold["instrument"]) == {"title_en", "type", "date_signed", "place"}
        assert len(gold["parties"]) >= 2 and len(gold["signatories"]) == len(gold["parties"])
        assert (gold["obligations_count"] is None) == (gold["genre"] == "secondary")
    manifest = lexicon.read_table(tmp_path / "docs" / "MANIFEST.tsv")
    assert sorted(r["file"] for r in manifest) == sorted(d.name for d, _ in pairs)


def test_signatories_held_their_office_on_the_day():
    w = world()
    for doc in generate(40, seed=9):
        day = doc.gold["instrument"]["date_signed"]
        for sig in doc.gold["signatories"]:
            holders = [pid for pid, p in w.ref.persons.items()
                       if w.ref.english_name(p) == sig["person_en"]]
            offices = [o for pid in holders for o in w.ref.person_office(pid, day)]
            assert any(o.state == sig["state"] for o in offices), (doc.name, sig, day)


@pytest.mark.parametrize("lang", LANGS)
def test_phrases_agree_with_the_lexicon(lang):
    """Whole words of data/synth/phrases.tsv are read back by the extractor's own tables."""
    w = world()
    kinds = word_matcher("kinds", lang)
    for kind in ("treaty", "agreement", "protocol", "memorandum", "convention", "declaration"):
        read = [h.value for h in kinds.find(w.phrase(lang, f"kind.{kind}")[0])]
        assert (read == [kind]) != ((lang, kind) in UNREAD_KINDS), (lang, kind, read)
    writer = Writer(w, 0, 0, 1)
    writer.lang, writer.slots = lang, {"all": w.phrase(lang, "all")[0]}
    for month in range(1, 13):
        iso = f"1996-{month:02d}-{month + 14}"
        for key in ("date", "date_loc"):
            assert [d.value for d in find_dates(writer.date(iso, key))] == [iso], (lang, iso)
    cues = word_matcher("cues", lang)
    for modality in ("binding", "intended", "recommended"):
        for frame in w.phrase(lang, f"ob.{modality}"):
            text = frame.format(All=writer.slots["all"], action=w.phrase(lang, "action.economy")[0])
            assert modality in {h.value for h in cues.find(text)}, (lang, frame)
    roles = word_matcher("roles", lang)
    for role in ("president", "prime_minister", "minister_foreign_affairs"):
        word = w.role_word(lang, role)
        assert word is None or role in {h.value for h in roles.find(word)}
    assert all(w.phrase(lang, f"topic.{t}") and w.phrase(lang, f"action.{t}") for t in TOPICS)
    assert "{n}" in heading(lang)


def test_extractor_scores_on_a_small_synthetic_corpus(tmp_path):
    write_corpus(tmp_path, 20, seed=11)
    overall = evaluate(tmp_path / "docs", tmp_path / "gold")["overall"]
    # measured 2026-11: 1.0 for type, date, place, parties and signatories; roles 0.88,
    # references 0.95, obligation count MAE 0.06 — floors leave room for extractor changes
    assert overall["type"]["accuracy"] >= 0.85
    assert overall["date_signed"]["accuracy"] >= 0.85
    assert overall["place"]["accuracy"] >= 0.8
    assert overall["parties"]["f1"] >= 0.85
    assert overall["signatories"]["f1"] >= 0.8
    assert overall["signatory_roles"]["accuracy"] >= 0.65
    assert overall["referenced_instruments"]["f1"] >= 0.75
    assert overall["obligations_count"]["mean_abs_error"] <= 1.0


def test_cli_writes_a_corpus(tmp_path):
    app = typer.Typer()
    cli_synth.register(app)

    @app.command("noop")                 # a second command keeps `synth` a named subcommand
    def noop() -> None:
        pass

    result = CliRunner().invoke(app, ["synth", "--instruments", "4", "--seed", "1",
                                      "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out" / "gold").glob("*.json"))) == 4
    gold = json.loads(next((tmp_path / "out" / "gold").glob("*.json")).read_text("utf-8"))
    assert gold["source"].startswith("synthetic")
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(app, ["synth", "-n", "2", "-o", str(tmp_path / "file")])
    assert result.exit_code == 2
