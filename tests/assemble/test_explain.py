"""`pskg extract --explain` shows, per field, the candidates with their features and scores, so a
wrong choice shows why it won; `pskg extract` JSON keeps the keys other tools read."""
from __future__ import annotations

import json
import re
from pathlib import Path

from test_genres import RATIFICATION_LAW
from typer.testing import CliRunner

from pskg.assemble.rank import weights
from pskg.cli import app


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_explain_ranks_every_date_with_its_features(tmp_path: Path):
    doc = tmp_path / "law.txt"
    doc.write_text(RATIFICATION_LAW, encoding="utf-8")
    out = run("extract", str(doc), "--explain")
    assert "date_signed = 2009-12-03" in out
    assert "kind = agreement" in out and "place = chisinau" in out
    dates = out.split("date_signed =")[1].split("\nplace =")[0].splitlines()[1:]
    rows = [re.match(r"\s+([+-]\d+\.\d\d)\s+(\S+)\s.*← (.*)", line) for line in dates if line.strip()]
    scores = [(float(r.group(1)), r.group(2), r.group(3)) for r in rows if r]
    assert scores[0][1] == "2009-12-03" and "sign_cue +4" in scores[0][2]
    assert [s for s, *_ in scores] == sorted((s for s, *_ in scores), reverse=True)
    law = [row for row in scores if row[1] == "2010-05-12"]
    assert law and "wrapper_date" in law[0][2] and law[0][0] < 0   # why the law's date lost
    for score, _, features in scores:                               # a score is its weights' sum
        named = dict(re.findall(r"(\w+) ([+-][\d.]+)", features))
        assert abs(sum(float(w) for w in named.values()) - score) < 0.01
        assert all(("date_signed", f) in weights() for f in named)


def test_extract_json_keeps_its_public_keys(tmp_path: Path):
    doc = tmp_path / "law.txt"
    doc.write_text(RATIFICATION_LAW, encoding="utf-8")
    data = json.loads(run("extract", str(doc)))
    claim = data["instrument"]
    for key in ("kind", "date_signed", "place", "parties", "signatures", "references", "obligations"):
        assert key in claim
    assert claim["date_signed"] == "2009-12-03"
    for sig in claim["signatures"]:
        assert {"person_name", "person_id", "state", "role", "inferred"} <= set(sig)
