"""What a new user meets first: the README's example queries return rows, the labels are
words, `--help` says plainly what each option takes, every error starts with `pskg:`.

The graph is the bundled corpus built by `pskg build`; the examples are read from the
`# example:` lines of queries/*.rq and run as written (plus --graph and --format json).
"""
from __future__ import annotations

import json
import shlex

import pytest
from typer.testing import CliRunner

from pskg.cli import app
from pskg.paths import DATA_DIR, QUERIES_DIR

EXAMPLES = [(path.stem, line.split(":", 1)[1].strip()) for path in sorted(QUERIES_DIR.glob("*.rq"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# example:")]


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundled")
    result = invoke("build", "--corpus", DATA_DIR / "corpus", "--out", out)
    assert result.exit_code == 0, result.output
    return out / "pskg.trig"


def rows_of(graph, command: str) -> list[dict]:
    args = shlex.split(command)
    assert args[0] == "pskg"
    if "--format" in args:
        del args[args.index("--format"):args.index("--format") + 2]
    result = invoke(*args[1:], "--graph", graph, "--format", "json")
    assert result.exit_code == 0, result.output
    return [{k: v["value"] for k, v in row.items()}
            for row in json.loads(result.stdout)["results"]["bindings"]]


def test_every_query_has_an_example():
    assert {name for name, _ in EXAMPLES} == {p.stem for p in QUERIES_DIR.glob("*.rq")}


@pytest.mark.parametrize("name, command", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_every_example_returns_rows_on_the_bundled_build(graph, name, command):
    assert rows_of(graph, command), command


def test_obligation_topics_are_shown_by_their_labels(graph):
    command = next(c for n, c in EXAMPLES if n == "obligations_of_state")
    rows = rows_of(graph, command.replace("--param topic=topic:security_defence", ""))
    assert rows
    for row in rows:
        code, label = row["topic"].rsplit("/", 1)[-1], row["topic_label"]
        assert label and label != code and label[0].isupper(), row
