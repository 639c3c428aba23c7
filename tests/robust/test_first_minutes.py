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


COMMANDS = [["build"], ["extract"], ["validate"], ["summary"], ["export"], ["query"], ["queries"],
            ["ingest"], ["remove"], ["push"], ["serve"], ["eval"], ["synth"], ["network", "cosign"],
            ["network", "measures"], ["network", "plot"], ["network", "timeline"]]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_help_shows_no_type_placeholders(command):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.output and "{" not in result.output, result.output


def test_push_error_names_the_url(graph):
    import socket
    with socket.socket() as s:                   # a port on loopback that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for option in ("--endpoint", "--graph-store"):
        url = f"http://127.0.0.1:{port}/x"
        result = invoke("push", option, url, "--graph", graph)
        assert result.exit_code == 2
        line = result.stderr.strip()
        assert "\n" not in line and line.startswith("pskg: ") and url in line, line


def test_export_error_names_the_target_not_a_temporary_file(graph, tmp_path):
    target = tmp_path / "here"
    target.mkdir()
    result = invoke("export", "--graph", graph, "--output", target)
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith(f"pskg: {target}: ") and ".here." not in line, line


def test_every_command_defaults_to_build_in_the_working_folder(graph, tmp_path, monkeypatch):
    (tmp_path / "build").mkdir()
    import shutil
    shutil.copy(graph, tmp_path / "build" / "pskg.trig")
    monkeypatch.chdir(tmp_path)
    for command in (["summary"], ["export", "--format", "nt"], ["query", "documents"],
                    ["network", "cosign"], ["validate", "build/pskg.trig"]):
        result = invoke(*command)
        assert result.exit_code == 0 and result.stdout.strip(), (command, result.output)


def test_network_says_when_reference_instruments_are_counted(graph):
    with_reference = invoke("network", "cosign", "--graph", graph)
    assert with_reference.exit_code == 0 and "reference data" in with_reference.stderr
    documents_only = invoke("network", "cosign", "--graph", graph, "--scope", "documents")
    assert documents_only.exit_code == 0 and "reference data" not in documents_only.stderr
