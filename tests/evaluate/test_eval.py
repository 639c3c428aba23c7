"""`pskg eval`: the matching rules on tiny hand-made gold/prediction dicts, the input errors,
and the ratchet (tests/eval_ratchet.json): scores on the bundled corpus and the dev set may
only go up."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from typer.testing import CliRunner

from pskg import evaluate as ev
from pskg.cli import evaluate as cli_eval
from pskg.evaluate import match
from pskg.evaluate.report import format_scores
from pskg.evaluate.score import FIELDS, aggregate, score_document
from pskg.paths import ROOT

RATCHET = ROOT / "tests" / "eval_ratchet.json"
TOLERANCE = 1e-9


def _app() -> typer.Typer:
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.callback()
    def main() -> None:
        """test app"""

    cli_eval.register(app)
    return app


def run(*args: str):
    return CliRunner().invoke(_app(), ["eval", *map(str, args)])


@pytest.fixture
def fake_ref(monkeypatch):
    """A tiny reference world, so the rules are tested apart from the real tables."""
    person = lambda **names: SimpleNamespace(names=names)  # noqa: E731
    ref = SimpleNamespace(
        persons={"anna-petrova": person(en=["Anna Petrova"], ru=["Анна Петрова", "Петрова"]),
                 "kenji-sato": person(en=["Kenji Sato"], ja=["佐藤健二"]),
                 "ivan-marchenko": person(en=["Ivan Marchenko"])},
        places={"almaty": SimpleNamespace(names={"en": ["Almaty", "Alma-Ata"],
                                                 "ru": ["Алматы"]})},
        instruments={"un-charter": SimpleNamespace(titles={
            "en": ["Charter of the United Nations"], "ru": ["Устав ООН"]})})
    monkeypatch.setattr(match, "index", lambda: match.Index(ref))
    return ref


def gold_doc(**over) -> dict:
    doc = {"language": "en", "genre": "primary",
           "instrument": {"type": "agreement", "date_signed": "1992-05-15", "place": "Almaty"},
           "parties": [], "signatories": [], "referenced_instruments": [], "obligations_count": None}
    doc.update(over)
    return doc


def pred_doc(**over) -> dict:
    return gold_doc(**over)


def sig(name, state=None, role=None, pid=None) -> dict:
    return {"person_en": name, "state": state, "role_en": role, "person_id": pid}


# ---- matching rules --------------------------------------------------------------------------

def test_a_reference_matched_by_date_must_be_of_the_same_kind(fake_ref):
    gold = gold_doc(referenced_instruments=[{"title_en": "Treaty on Collective Security",
                                             "date": "1992-05-15"}])
    same_day_other_kind = pred_doc(referenced_instruments=[
        {"title_en": "Соглашение о …", "type": "agreement", "date": "1992-05-15"}])
    same_kind = pred_doc(referenced_instruments=[
        {"title_en": "Договор о коллективной безопасности", "type": "treaty", "date": "1992-05-15"}])
    assert score_document(gold, same_day_other_kind)[0]["referenced_instruments"] == [0, 1, 1]
    assert score_document(gold, same_kind)[0]["referenced_instruments"] == [1, 0, 0]


def test_inferred_roles_are_scored_apart_and_inferred_claims_counted(fake_ref):
    gold = gold_doc(signatories=[sig("Anna Petrova", "RU", "President"),
                                 sig("Ivan Marchenko", "UA", "Prime Minister")])
    found = [dict(sig("Anna Petrova", "RU", "President"), role="president"),
             dict(sig("Ivan Marchenko", "UA", None), role=None, role_inferred="president",
                  inferred=["role"])]
    counts, errors = score_document(gold, pred_doc(signatories=found))
    assert counts["signatory_roles"] == [1, 1]            # only the role the text gave
    assert counts["signatory_roles_inferred"] == [0, 1]   # the office table's guess was wrong
    assert counts["inferred"] == [0, 1, 2]
    scores = aggregate([("en", counts, errors)])
    assert scores["beside"]["inferred"] == {"states": 0, "roles": 1, "signatories": 2}
    assert "inferred rather than stated: 0 states and 1 roles of 2" in format_scores(scores)


def test_an_inferred_state_that_is_wrong_is_a_wrong_signatory(fake_ref):
    gold = gold_doc(signatories=[sig("Anna Petrova", "BY")])
    found = [dict(sig("Anna Petrova", "SU"), inferred=["state"])]
    assert score_document(gold, pred_doc(signatories=found))[0]["signatories"] == [0, 1, 1]


def test_person_in_another_script_matches_through_reference_ids(fake_ref):
    gold = gold_doc(signatories=[sig("Anna Petrova", "RU"), sig("Sato Kenji", "JP")])
    pred = pred_doc(signatories=[sig("Анна Петрова", "RU", pid="anna-petrova"),
                                 sig("佐藤健二", "JP", pid="kenji-sato")])
    counts, errors = score_document(gold, pred, "x")
    assert counts["signatories"] == [2, 0, 0] and not errors
    wrong_person = pred_doc(signatories=[sig("Віктор Янукович", "RU", pid="ivan-marchenko")])
    assert score_document(gold_doc(signatories=[sig("Petrova", "RU")]), wrong_person)[0][
        "signatories"] == [0, 1, 1]


def test_unknown_persons_compare_surnames_transliterated(fake_ref):
    gold = gold_doc(signatories=[sig("R. H. Serry", "NL"), sig("Ostapenko", "UA"),
                                 sig("Aram Vardanyan", "AM")])
    pred = pred_doc(signatories=[sig("R.H. SERRY", "NL"), sig("Д. Остапенко", "UA"),
                                 sig("Սուրեն Վարդանյանը", "AM")])     # another given name: not him
    counts, errors = score_document(gold, pred, "x")
    assert counts["signatories"] == [2, 1, 1]
    assert {(e["kind"], e["field"]) for e in errors} == {("missed", "signatories"),
                                                          ("false", "signatories")}


def test_null_gold_state_does_not_constrain(fake_ref):
    found = pred_doc(signatories=[sig("Анна Петрова", "UA", pid="anna-petrova")])
    assert score_document(gold_doc(signatories=[sig("Anna Petrova", None)]), found)[0][
        "signatories"] == [1, 0, 0]
    assert score_document(gold_doc(signatories=[sig("Anna Petrova", "RU")]), found)[0][
        "signatories"] == [0, 1, 1]


def test_roles_compare_as_role_ids():
    assert match.role_id("President of the Russian Federation") == "president"
    assert match.role_id("Head of State") == "head_of_state"
    assert match.role_id("Vice President") == "vice_president"
    assert match.role_id(None) is None


def test_role_accuracy_over_matched_pairs(fake_ref):
    gold = gold_doc(signatories=[sig("Anna Petrova", "RU", "President of the Russian Federation"),
                                 sig("Kenji Sato", "JP", None)])
    pred = pred_doc(signatories=[sig("Петрова", "RU", "President", pid="anna-petrova"),
                                 sig("佐藤健二", "JP", "Prime Minister", pid="kenji-sato")])
    counts, errors = score_document(gold, pred, "x")
    assert counts["signatory_roles"] == [1, 2]          # a null gold role matches only null
    assert [(e["field"], e["kind"]) for e in errors] == [("signatory_roles", "false")]


def test_greedy_one_to_one_matching(fake_ref):
    gold = gold_doc(signatories=[sig("Anna Petrova", "RU")])
    pred = pred_doc(signatories=[sig("Петрова", "RU", pid="anna-petrova"),
                                 sig("Анна Петрова", "RU", pid="anna-petrova")])
    assert score_document(gold, pred)[0]["signatories"] == [1, 1, 0]


def test_referenced_instruments_by_date_title_or_known_id(fake_ref):
    refs = lambda *items: [{"title_en": t, "date": d} for t, d in items]  # noqa: E731
    gold = gold_doc(referenced_instruments=refs(("Agreement on Strategic Forces", None),
                                                ("Collective Security Treaty", "1992-05-15"),
                                                ("Charter of the United Nations", None)))
    pred = pred_doc(referenced_instruments=[
        *refs(("the agreement on strategic forces,", None),       # Jaccard 1.0
              ("Договор о коллективной безопасности", "1992-05-15"),  # same date
              ("Agreement on Armed Forces and Border Troops", None)),  # Jaccard < 0.5
        {"title_en": "Устава ООН", "date": None, "known_id": "un-charter"}])  # known id
    counts, errors = score_document(gold, pred, "x")
    assert counts["referenced_instruments"] == [3, 1, 0]
    assert [e["found"]["title_en"] for e in errors] == ["Agreement on Armed Forces and Border Troops"]
    dated = gold_doc(referenced_instruments=refs(("Collective Security Treaty", "1992-05-15")))
    other_date = pred_doc(referenced_instruments=refs(("Collective Security Treaty", "1992-05-16")))
    assert score_document(dated, other_date)[0]["referenced_instruments"] == [0, 1, 1]
    assert match.title_jaccard("Agreement on Strategic Forces", "Agreement on Armed Forces") == 0.5


def test_null_gold_counts_as_matched_only_when_nothing_was_found(fake_ref):
    gold = gold_doc(instrument={"type": "agreement", "date_signed": None, "place": None})
    nothing = pred_doc(instrument={"type": "agreement", "date_signed": None, "place": None})
    something = pred_doc(instrument={"type": "agreement", "date_signed": "2002-10-08", "place": None},
                         spans={"date_signed": [5, 19, "8 октября 2002"]})
    assert score_document(gold, nothing)[0]["date_signed"] == [1, 1]
    counts, errors = score_document(gold, something, "05_x.ru")
    assert counts["date_signed"] == [0, 1]
    assert errors == [{"document": "05_x.ru", "field": "date_signed", "kind": "false", "value": None,
                       "found": "2002-10-08", "span": [5, 19, "8 октября 2002"]}]


def test_place_matches_any_known_name(fake_ref):
    gold = gold_doc()

    def place_counts(found: str) -> list:
        pred = pred_doc(instrument={**gold["instrument"], "place": found})
        return score_document(gold, pred)[0]["place"]

    assert place_counts("Alma-Ata") == [1, 1] and place_counts("Алматы") == [1, 1]
    assert place_counts("Moscow") == [0, 1]


def test_parties_and_obligations_mean_absolute_error(fake_ref):
    docs = [(gold_doc(parties=["RU", "TJ"], obligations_count=10),
             pred_doc(parties=["RU", "CN"], obligations_count=8)),
            (gold_doc(language="ru", obligations_count=12), pred_doc(obligations_count=None)),
            (gold_doc(language="ru", genre="secondary"), pred_doc(obligations_count=3))]
    scored = []
    for gold, pred in docs:
        counts, errors = score_document(gold, pred, "d")
        scored.append((gold["language"], counts, errors))
    scores = aggregate(scored)
    assert scores["overall"]["obligations_count"] == {"mean_abs_error": 7.0, "n": 2}
    assert scores["overall"]["parties"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert scores["by_language"]["ru"]["obligations_count"] == {"mean_abs_error": 12.0, "n": 1}
    assert list(scores) == ["documents", "overall", "by_language", "beside", "errors"]
    assert list(scores["overall"]) == list(FIELDS)
    assert {e["kind"] for e in scores["errors"] if e["field"] == "obligations_count"} == {
        "wrong", "missed", "false"}
    assert "obligations_count" in format_scores(scores)


# ---- inputs ----------------------------------------------------------------------------------

def _write_gold(folder: Path, name: str, text: str | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(text if text is not None else json.dumps(gold_doc()), encoding="utf-8")
    return path


def test_pairing_by_name_and_suffixes(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "01_a.ru.txt").write_text("x")
    (tmp_path / "docs" / "01_ab.txt").write_text("x")
    _write_gold(tmp_path / "gold", "01_a")
    assert ev.pair_documents(tmp_path / "docs", tmp_path / "gold") == [
        (tmp_path / "docs" / "01_a.ru.txt", tmp_path / "gold" / "01_a.json")]
    assert ev.document_name(tmp_path / "docs" / "01_a.ru.txt") == "01_a.ru"


@pytest.mark.parametrize("docs, gold_text, problem", [
    ([], None, "no document"),
    (["01_a.txt", "01_a.ru.txt"], None, "two or more documents"),
    (["01_a.txt"], "{not json", "cannot read gold file"),
    (["01_a.txt"], "[1, 2]", "not a gold object"),
])
def test_unusable_inputs_exit_2_naming_the_file(tmp_path, docs, gold_text, problem):
    (tmp_path / "docs").mkdir()
    for name in docs:
        (tmp_path / "docs" / name).write_text("x")
    gold = _write_gold(tmp_path / "gold", "01_a", gold_text)
    result = run("--corpus", tmp_path / "docs", "--gold", tmp_path / "gold")
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message and str(gold) in message and problem in message


def test_missing_folder_exits_2(tmp_path):
    result = run("--corpus", tmp_path / "nope", "--gold", tmp_path)
    assert result.exit_code == 2 and "nope" in result.stderr


# ---- the ratchet -----------------------------------------------------------------------------

def _corpora() -> dict:
    return json.loads(RATCHET.read_text(encoding="utf-8"))["corpora"]


@pytest.mark.parametrize("name", sorted(_corpora()))
def test_ratchet(name, tmp_path):
    corpus = _corpora()[name]
    docs, gold = ROOT / corpus["corpus"], ROOT / corpus["gold"]
    if not docs.is_dir() or not gold.is_dir():
        pytest.skip(f"{name}: evaluation corpus {docs} is not present in this checkout")
    out = tmp_path / "scores.json"
    result = run("--corpus", docs, "--gold", gold, "--json", out)
    assert result.exit_code == 0, result.stderr
    assert "overall:" in result.stdout
    scores = json.loads(out.read_text(encoding="utf-8"))
    assert scores["documents"] == len(list(gold.glob("*.json")))
    drops = []
    for field, floor in corpus["floors"].items():
        (metric, limit), = floor.items()
        value = scores["overall"][field][metric]
        worse = (value is None or value > limit + TOLERANCE if metric == "mean_abs_error"
                 else value is None or value < limit - TOLERANCE)
        if worse:
            drops.append(f"{field}.{metric}: {value} (ratchet {limit})")
    assert not drops, f"{name}: scores fell below the ratchet: " + "; ".join(drops)
