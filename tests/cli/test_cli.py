"""The command line, end to end: `pskg build` on the bundled corpus, `export`, `validate`,
`summary`, `--help`, and the exit codes and one-line errors on bad input.

Everything goes through `pskg.cli.app` with typer's CliRunner; the graphs are the real build of
data/corpus. The broken graphs of the `validate` tests are copies of that build with one fact
made wrong, so the report can point back to the document and span the fact came from.
"""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD
from typer.testing import CliRunner

from pskg.cli import app
from pskg.paths import DATA_DIR
from pskg.rdf.namespaces import OA, PSKG

CORPUS = DATA_DIR / "corpus"
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.txt"))
OUTPUTS = ("pskg.ttl", "pskg.trig", "validation.txt", "resolution.tsv", "summary.txt")
PSKGID = "https://w3id.org/pskg/id/"
PROV_DERIVED = URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
TREATY_DOC = "004_d46ed51089153c0c.txt"        # the UN letter carrying the 1999 RU–TJ treaty
SPAN = re.compile(r"from (\S+) \[(\d+):(\d+)\]")


def invoke(*args: str):
    return CliRunner(env={"COLUMNS": "200", "TERMINAL_WIDTH": "200"}).invoke(
        app, [str(a) for a in args])


def one_line(text: str) -> str:
    lines = text.strip("\n").splitlines()
    assert len(lines) == 1, text
    return lines[0]


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    """The bundled corpus built twice by `pskg build`, into two folders."""
    outs = []
    for name in ("first", "second"):
        out = tmp_path_factory.mktemp(name) / "out"
        result = invoke("build", "--corpus", CORPUS, "--out", out)
        assert result.exit_code == 0, result.output
        assert "built 5 of 5 documents" in result.stdout
        outs.append(out)
    return outs[0], outs[1]


@pytest.fixture(scope="module")
def built(builds) -> Path:
    return builds[0]


def load(path: Path) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig" if path.suffix == ".trig" else "turtle")
    return ds


# ---------------------------------------------------------------- build


def test_build_writes_every_output(built):
    for name in OUTPUTS:
        assert (built / name).is_file() and (built / name).stat().st_size > 0, name
    assert (built / "validation.txt").read_text(encoding="utf-8").startswith("conforms: True")
    assert (built / "resolution.tsv").read_text(encoding="utf-8").startswith("subject\tkey\treason\n")
    summary = (built / "summary.txt").read_text(encoding="utf-8")
    assert all(name in summary for name in CORPUS_FILES)
    assert not [p.name for p in built.iterdir() if p.name not in OUTPUTS]   # no temp files left


def test_build_is_deterministic(builds):
    first, second = builds
    for name in ("pskg.ttl", "pskg.trig"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_built_files_hold_the_same_graph(built):
    merged = Graph().parse(built / "pskg.ttl", format="turtle")
    per_document = load(built / "pskg.trig")
    assert len(merged) > 1000
    assert set(merged) == {(s, p, o) for s, p, o, _ in per_document.quads((None, None, None, None))}
    documents = set(per_document.subjects(RDF.type, PSKG.Document))
    assert {str(per_document.value(d, PSKG.fileName)) for d in documents} == set(CORPUS_FILES)
    graphs = {str(g.identifier) for g in per_document.graphs() if len(g)}
    assert {f"{PSKGID}graph/{str(d).rsplit('/', 1)[-1]}" for d in documents} <= graphs
    assert f"{PSKGID}graph/reference" in graphs


# ---------------------------------------------------------------- export


@pytest.fixture(scope="module")
def counts(built) -> tuple[int, int]:
    """(triples of the merged graph, quads of the per-document dataset) of the build."""
    triples = len(Graph().parse(built / "pskg.ttl", format="turtle"))
    quads = sum(1 for _ in load(built / "pskg.trig").quads((None, None, None, None)))
    return triples, quads


@pytest.mark.parametrize("fmt,parse_as,quads", [
    ("ttl", "turtle", False), ("nt", "nt", False), ("jsonld", "json-ld", False),
    ("trig", "trig", True), ("nq", "nquads", True)])
def test_export_round_trips(built, counts, tmp_path, fmt, parse_as, quads):
    out = tmp_path / f"graph.{fmt}"
    result = invoke("export", "--format", fmt, "-g", built / "pskg.trig", "-o", out)
    assert result.exit_code == 0, result.output
    triples, quad_count = counts
    if quads:
        ds = Dataset()
        ds.parse(out, format=parse_as)
        assert sum(1 for _ in ds.quads((None, None, None, None))) == quad_count
        assert len({g.identifier for g in ds.graphs() if len(g)}) >= len(CORPUS_FILES) + 1
    else:
        assert len(Graph().parse(out, format=parse_as)) == triples


def test_export_is_deterministic_and_writes_stdout(built, counts, tmp_path):
    out = tmp_path / "graph.nt"
    assert invoke("export", "--format", "nt", "-g", built / "pskg.trig", "-o", out).exit_code == 0
    result = invoke("export", "--format", "nt", "-g", built / "pskg.trig", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == out.read_bytes()
    assert len(Graph().parse(data=result.stdout_bytes, format="nt")) == counts[0]
    again = invoke("export", "--format", "nt", "-g", built / "pskg.trig", "-o", "-")
    assert again.stdout_bytes == result.stdout_bytes


def test_export_bad_format(built, tmp_path):
    out = tmp_path / "graph.xml"
    result = invoke("export", "--format", "xml", "-g", built / "pskg.trig", "-o", out)
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert "xml" in line and "ttl" in line and "jsonld" in line
    assert not out.exists()


def test_export_to_an_unwritable_place(built, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    result = invoke("export", "--format", "ttl", "-g", built / "pskg.trig",
                    "-o", blocker / "graph.ttl")
    assert result.exit_code == 2
    assert str(blocker) in one_line(result.stderr)
    assert blocker.read_text() == "a file, not a folder"


def test_export_missing_graph_file(tmp_path):
    missing = tmp_path / "none.trig"
    result = invoke("export", "--format", "ttl", "-g", missing, "-o", "-")
    assert result.exit_code == 2
    assert str(missing) in one_line(result.stderr)


# ---------------------------------------------------------------- build: bad input


def test_build_missing_corpus_folder(tmp_path):
    result = invoke("build", "--corpus", "/nonexistent", "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert "/nonexistent" in one_line(result.stderr)
    assert result.stdout == ""
    assert not (tmp_path / "out").exists()


def test_build_out_is_a_file(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    result = invoke("build", "--corpus", CORPUS, "--out", blocker)
    assert result.exit_code == 2
    assert str(blocker) in one_line(result.stderr)
    assert blocker.read_text() == "a file, not a folder"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_undecodable_file_fails_cleanly(built, tmp_path, jobs):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / CORPUS_FILES[0], corpus / CORPUS_FILES[0])
    rng = random.Random(20241108)
    (corpus / "garbled.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4096)))
    out = tmp_path / "out"
    shutil.copytree(built, out)                 # the outputs of a previous, good build
    before = snapshot(out)

    result = invoke("build", "--corpus", corpus, "--out", out, "--jobs", jobs)
    assert result.exit_code == 2, result.output
    assert "garbled.txt" in one_line(result.stderr)
    assert result.stdout == ""
    assert snapshot(out) == before              # nothing rewritten, nothing added


# ---------------------------------------------------------------- validate


def test_validate_the_built_graph(built):
    for name in ("pskg.trig", "pskg.ttl"):
        result = invoke("validate", built / name)
        assert result.exit_code == 0, result.output
        assert "does not conform" not in result.stdout and "conforms" in result.stdout


@pytest.mark.parametrize("content", [
    b"@prefix pskg: <https://w3id.org/pskg/ontology#> .\nthis is not turtle <<< ;;\n",
    bytes(random.Random(7).randrange(256) for _ in range(2048))])
def test_validate_garbage_file(tmp_path, content):
    path = tmp_path / "garbage.ttl"
    path.write_bytes(content)
    result = invoke("validate", path)
    assert result.exit_code == 2
    assert str(path) in one_line(result.stderr)


def test_validate_missing_file(tmp_path):
    path = tmp_path / "missing.ttl"
    result = invoke("validate", path)
    assert result.exit_code == 2
    assert str(path) in one_line(result.stderr)


def curie(node) -> str:
    return str(node).replace(PSKGID, "pskgid:")


def the_treaty(ds: Dataset) -> URIRef:
    """The instrument the UN letter (004) transmits: the 1999 Russia–Tajikistan treaty."""
    doc = ds.value(None, PSKG.fileName, Literal(TREATY_DOC))
    inst = ds.value(doc, PSKG.transmits)
    assert inst is not None
    return inst


def source_files(ds: Dataset, node) -> set[str]:
    """The file names of the documents the node's Evidence was derived from."""
    return {str(ds.value(ds.value(e, PROV_DERIVED), PSKG.fileName))
            for e in ds.subjects(RDF.subject, node)
            if (e, RDF.type, PSKG.Evidence) in ds and (e, OA.start, None) in ds}


def replace(ds: Dataset, s, p, new) -> None:
    """Replace every (s, p, *) of every graph by (s, p, new), in the same graphs."""
    quads = list(ds.quads((s, p, None, None)))
    assert quads, (s, p)
    for _, _, o, g in quads:
        ds.remove((s, p, o, g))
    for g in {g for *_, g in quads}:
        ds.add((s, p, new, g))


def break_signatory(ds):
    """(a) a signatory on behalf of a state that is not a party of its instrument."""
    inst = the_treaty(ds)
    sig = sorted(s for s in ds.subjects(PSKG.instrument, inst)
                 if (s, RDF.type, PSKG.Signatory) in ds)[0]
    parties = set(ds.objects(inst, PSKG.party))
    outsider = next(s for s in sorted(ds.subjects(RDF.type, PSKG.State))
                    if s not in parties and str(s).endswith(("/KZ", "/GE", "/US", "/CN")))
    replace(ds, sig, PSKG.onBehalfOf, outsider)
    return sig, "A person can only sign on behalf of a state that is a party of the instrument", \
        curie(outsider)


def break_date(ds):
    """(b) an instrument signed on 30 February."""
    inst = the_treaty(ds)
    replace(ds, inst, PSKG.dateSigned, Literal("1991-02-30", datatype=XSD.date))
    return inst, "A date must be a real calendar day written YYYY-MM-DD", "1991-02-30"


def break_bearer(ds):
    """(c) an obligation without a bearer."""
    inst = the_treaty(ds)
    obligation = sorted(o for o in ds.subjects(PSKG.instrument, inst)
                        if (o, RDF.type, PSKG.Obligation) in ds)[0]
    for quad in list(ds.quads((obligation, PSKG.bearer, None, None))):
        ds.remove(quad)
    return obligation, "An obligation must have at least one bearer state (pskg:bearer).", None


def break_language_tag(ds):
    """(d) a title whose language tag rdflib accepts and BCP 47 forbids."""
    inst = the_treaty(ds)
    graph = next(g for *_, g in ds.quads((inst, DCTERMS.title, None, None)))
    ds.add((inst, DCTERMS.title, Literal("Treaty on Allied Cooperation", lang="toolonglang"), graph))
    return inst, "A language tag must be a well-formed BCP 47 tag", "@toolonglang"


@pytest.mark.parametrize("breaker,with_source", [
    (break_signatory, True), (break_date, False), (break_bearer, True),
    (break_language_tag, False)], ids=["signatory-not-party", "bad-date", "no-bearer", "bad-lang-tag"])
def test_validate_reports_a_broken_graph(built, tmp_path, breaker, with_source):
    ds = load(built / "pskg.trig")
    focus, rule, value = breaker(ds)
    files = source_files(ds, focus)
    broken = tmp_path / "broken.trig"
    broken.write_bytes(ds.serialize(format="trig", encoding="utf-8"))

    result = invoke("validate", broken)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "does not conform" in out
    blocks = [b for b in re.split(r"\n(?=\S)", out)
              if curie(focus) in b.splitlines()[0] or str(focus) in b.splitlines()[0]]
    block = next((b for b in blocks if rule in b), None)
    assert block is not None, out                        # the focus node with the rule in words
    if value is not None:
        assert value in block                            # the offending value
    if with_source:
        assert files, focus
        where = SPAN.search(block)
        assert where is not None, block                  # the source document and span
        assert where.group(1) in files
        assert int(where.group(2)) < int(where.group(3))
        assert TREATY_DOC in files


# ---------------------------------------------------------------- summary, help


def test_summary_lists_the_five_documents(built):
    result = invoke("summary", built / "pskg.trig")
    assert result.exit_code == 0, result.output
    assert "5 documents" in result.stdout
    for name in CORPUS_FILES:
        assert name in result.stdout
    for lang in ("[ka", "[zh", "[en", "[kk"):
        assert lang in result.stdout


def test_summary_of_a_missing_file(tmp_path):
    result = invoke("summary", tmp_path / "none.trig")
    assert result.exit_code == 2
    assert "none.trig" in one_line(result.stderr)


def test_help_lists_every_command():
    result = invoke("--help")
    assert result.exit_code == 0, result.output
    listed = set(re.findall(r"^[│|]?\s+([a-z]+)\s{2,}", result.stdout, re.M))
    for command in ("build", "validate", "summary", "export", "query", "queries", "network",
                    "ingest", "remove", "push", "serve", "eval"):
        assert command in listed, (command, result.stdout)
