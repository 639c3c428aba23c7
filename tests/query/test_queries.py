"""The named queries (queries/*.rq), their parameter binding, engines and CLI.

Every query's exact answer on tests/fixtures/queries_mini.trig is checked on three engines:
rdflib (initBindings), pyoxigraph (VALUES at the marker) and a local Oxigraph server reached
through SPARQLWrapper (skipped when the `oxigraph` binary is missing). `answers()` is the
reusable check: the lead's tests on the bundled-corpus build can call it the same way.
"""
from __future__ import annotations

import itertools
import json
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import typer
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD
from typer.testing import CliRunner

from pskg.cli import query as cli_query
from pskg.query import (
    QueryError,
    bind,
    find_queries,
    format_result,
    inject,
    load_query,
    parse_query,
    run,
    run_remote,
)
from pskg.rdf.namespaces import PREFIXES
from pskg.store.remote import credentials

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
FIXTURE = ROOT / "tests" / "fixtures" / "queries_mini.trig"
ENGINES = ["rdflib", "oxigraph", "remote"]


def compact(term) -> str:
    """A result cell as a string: IRIs in the graph's namespaces as CURIEs, '' when unbound."""
    if term is None:
        return ""
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if text.startswith(str(ns)):
                return f"{prefix}:{text[len(str(ns)):]}"
    return text


def answers(query_name: str, dataset, params: dict | None = None, ordered: bool = False,
            queries_dir: Path = QUERIES) -> list[tuple[str, ...]]:
    """The rows of a named query as tuples of strings (sorted unless ``ordered``). ``dataset`` is
    an rdflib Dataset, a pyoxigraph Store or an endpoint URL."""
    nq = load_query(queries_dir / f"{query_name}.rq")
    result = (run_remote(nq, dataset, params) if isinstance(dataset, str)
              else run(nq, dataset, params))
    rows = [tuple(compact(t) for t in row) for row in result.rows]
    return rows if ordered else sorted(rows)


def load_rdflib(path: Path = FIXTURE) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    return ds


def load_oxigraph(path: Path = FIXTURE) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    return store


@pytest.fixture(scope="module")
def endpoint():
    """An in-memory Oxigraph server with a union default graph, loaded with the fixture."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        pytest.skip("no oxigraph server binary")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                request = urllib.request.Request(f"{base}/store", data=FIXTURE.read_bytes(),
                                                 headers={"Content-Type": "application/trig"})
                urllib.request.urlopen(request, timeout=5).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.skip("oxigraph server did not start")
        yield f"{base}/query"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def datasets():
    return {"rdflib": load_rdflib(), "oxigraph": load_oxigraph()}


@pytest.fixture(params=ENGINES)
def data(request, datasets):
    if request.param == "remote":
        return request.getfixturevalue("endpoint")
    return datasets[request.param]


D = "pskgid:instrument/1991-12-21-declaration-alma-ata-declaration"
CST = "pskgid:instrument/1992-05-15-treaty-collective-security"
T93 = "pskgid:instrument/1993-05-25-treaty-friendship-cooperation-mutual-assistance"
T99 = "pskgid:instrument/1999-04-16-treaty-allied-cooperation"
D_EN, CST_EN = "Alma-Ata Declaration", "Collective Security Treaty"
T93_EN = "Treaty of Friendship, Cooperation and Mutual Assistance"
CST_PARTIES = [("AM", "Armenia"), ("GE", "Georgia"), ("KG", "Kyrgyzstan"), ("KZ", "Kazakhstan"),
               ("RU", "Russia"), ("TJ", "Tajikistan"), ("UZ", "Uzbekistan")]
T99_EN = "Treaty on Allied Cooperation Oriented to the 21st Century"
YELTSIN, NAZARBAYEV = "pskgid:person/boris-yeltsin", "pskgid:person/nursultan-nazarbayev"
DOC_A, DOC_B = "pskgid:document/aaaaaaaaaaaaaaaa", "pskgid:document/bbbbbbbbbbbbbbbb"
G_A, G_B = "pskgid:graph/aaaaaaaaaaaaaaaa", "pskgid:graph/bbbbbbbbbbbbbbbb"
FILE_A, FILE_B = "000_d1fe126822aa21fe.txt", "004_d46ed51089153c0c.txt"
OBL_TEXT_4, OBL_TEXT_9 = "缔约双方应共同保障其安全。", "俄罗斯联邦将向塔吉克斯坦共和国提供经济援助。"
PARTIES = {D: "AM AZ BY KZ KG MD RU TJ TM UZ UA", CST: "AM KZ KG RU TJ UZ GE",
           T93: "RU TJ", T99: "RU TJ"}


def all_cosignatory_pairs() -> list[tuple[str, ...]]:
    counts: dict[tuple[str, str], int] = {}
    for codes in PARTIES.values():
        for a, b in itertools.combinations(sorted(codes.split()), 2):
            counts[a, b] = counts.get((a, b), 0) + 1
    return sorted((a, b, str(n)) for (a, b), n in counts.items())


PROVENANCE = [
    (G_A, DOC_A, FILE_A, D, "pskg:dateSigned", "1991-12-21", "21 დეკემბერი 1991 წ.", "20", "41",
     "date.ka"),
    (G_A, DOC_A, FILE_A, D, "pskg:party", "pskgid:state/KZ", "ყაზახეთის რესპუბლიკა", "310", "331",
     "state.ka"),
    (G_B, DOC_B, FILE_B, T99, "pskg:dateSigned", "1999-04-16", "1999年4月16日", "88", "98",
     "date.zh"),
    (G_B, DOC_B, FILE_B, "pskgid:obligation/c000000000000001", "pskg:modality", "pskg:Binding",
     "应", "1204", "1205", "modality.zh.binding"),
]

CASES = [  # (query, params, expected rows in the query's ORDER BY order)
    ("instruments_of_state", {"state": "KZ"}, [
        (D, "declaration", D_EN, "1991-12-21", "Alma-Ata"),
        (CST, "treaty", CST_EN, "1992-05-15", "Tashkent")]),
    ("instruments_of_state", {"state": "TJ", "from": "1993-01-01", "lang": "ru"}, [
        (T93, "treaty", "Договор о дружбе, сотрудничестве и взаимной помощи", "1993-05-25",
         "Москва"),
        (T99, "treaty", T99_EN, "1999-04-16", "Москва")]),
    ("instruments_of_state", {"state": "KZ", "to": "1991-12-31", "lang": "ka"}, [
        (D, "declaration", "ალმა-ატის დეკლარაცია", "1991-12-21", "ალმა-ატა")]),
    ("instruments_of_state", {"state": "GE"}, [(CST, "treaty", CST_EN, "1992-05-15", "Tashkent")]),
    ("cosignatories", {"state": "TJ"}, [("TJ", "RU", "4")] + [
        ("TJ", c, "2") for c in "AM KG KZ UZ".split()] + [
        ("TJ", c, "1") for c in "AZ BY GE MD TM UA".split()]),
    ("cosignatories", {}, all_cosignatory_pairs()),
    ("signatories_of_instrument", {}, [
        (D, NAZARBAYEV, "Nursultan Nazarbayev", "KZ", "Kazakhstan", "President"),
        (D, YELTSIN, "Boris Yeltsin", "RU", "Russia", "President")]),
    ("signatories_of_instrument", {"instrument": D, "lang": "ka"}, [
        (D, NAZARBAYEV, "ნურსულთან ნაზარბაევი", "KZ", "ყაზახეთი", "President"),
        (D, YELTSIN, "ბორის ელცინი", "RU", "რუსეთი", "President")]),
    ("signatories_of_instrument", {"instrument": D, "lang": "ru"}, [
        (D, NAZARBAYEV, "Нурсултан Назарбаев", "KZ", "Казахстан", "Президент"),
        (D, YELTSIN, "Борис Ельцин", "RU", "Россия", "Президент")]),
    ("signatories_of_instrument", {"instrument": T99}, []),   # transmittal letter creators
    ("obligations_of_state", {"state": "RU"}, [
        (T99, "4", "Binding", "topic:security_defence", "security and defence", OBL_TEXT_4),
        (T99, "9", "Intended", "topic:economy", "economy", OBL_TEXT_9)]),
    ("obligations_of_state", {"state": "TJ"}, [
        (T99, "4", "Binding", "topic:security_defence", "security and defence", OBL_TEXT_4)]),
    ("obligations_of_state", {"state": "RU", "topic": "topic:security_defence", "lang": "ru"}, [
        (T99, "4", "Binding", "topic:security_defence", "безопасность и оборона", OBL_TEXT_4)]),
    ("obligations_of_state", {"state": "TJ", "topic": "topic:economy"}, []),
    ("citing_instruments", {"instrument": D}, [
        (CST, "treaty", CST_EN, "1992-05-15", "true"),
        (T99, "treaty", T99_EN, "1999-04-16", "false")]),
    ("citing_instruments", {"instrument": T93}, [(T99, "treaty", T99_EN, "1999-04-16", "true")]),
    ("citing_instruments", {"instrument": T99}, []),
    ("provenance", {}, PROVENANCE),
    ("provenance", {"subject": T99}, [PROVENANCE[2]]),
    ("provenance", {"predicate": "pskg:party"}, [PROVENANCE[1]]),
    ("provenance", {"subject": D, "predicate": "pskg:dateSigned"}, [PROVENANCE[0]]),
    ("never_party_together", {}, [("AZ", "GE"), ("BY", "GE"), ("GE", "MD"), ("GE", "TM"),
                                  ("GE", "UA")]),
    ("never_party_together", {"state": "MD"}, [("GE", "MD")]),
    ("never_party_together", {"state": "RU"}, []),
    ("timeline", {}, [("1991-12-21", D, "declaration", D_EN, "11"),
                      ("1992-05-15", CST, "treaty", CST_EN, "7"),
                      ("1993-05-25", T93, "treaty", T93_EN, "2"),
                      ("1999-04-16", T99, "treaty", T99_EN, "2")]),
    ("timeline", {"from": "1992-01-01", "to": "1998-12-31", "lang": "zh"}, [
        ("1992-05-15", CST, "treaty", CST_EN, "7"), ("1993-05-25", T93, "treaty", T93_EN, "2")]),
    ("timeline", {"lang": "zh", "from": "1999-04-16"}, [
        ("1999-04-16", T99, "treaty", "俄罗斯联邦和塔吉克斯坦共和国关于面向二十一世纪的同盟合作条约", "2")]),
    ("instruments_by_kind", {}, [("declaration", "1"), ("treaty", "3")]),
    ("persons_of_state", {"state": "RU"}, [(YELTSIN, "Boris Yeltsin", "President", "1")]),
    ("persons_of_state", {"state": "KZ", "lang": "ru"}, [
        (NAZARBAYEV, "Нурсултан Назарбаев", "Президент", "1")]),
    ("persons_of_state", {"state": "TJ"}, []),
    ("parties_as_of", {"instrument": CST, "date": "1993-01-01"}, []),     # not yet in force
    ("parties_as_of", {"instrument": CST, "date": "1995-01-01"}, [
        (code, name, "1992-05-15", "") for code, name in CST_PARTIES]),
    ("parties_as_of", {"instrument": CST, "date": "2000-01-01"}, [        # Georgia withdrew
        (code, name, "1992-05-15", "") for code, name in CST_PARTIES if code != "GE"]),
    ("instruments_in_force_for", {"state": "GE", "date": "1995-01-01"}, [
        (CST, "treaty", CST_EN, "1992-05-15", "1992-05-15", "")]),
    ("instruments_in_force_for", {"state": "GE", "date": "2000-01-01"}, []),
    ("consent_timeline", {"instrument": CST}, [
        ("1994-04-20", "entry_into_force", "", "curated", "test source A", ""),
        ("1999-04-20", "withdrawal", "GE", "curated", "test source B", "")]),
    ("documents", {}, [(DOC_A, FILE_A, "ka", "PrimaryText", "isTextOf", D),
                       (DOC_B, FILE_B, "zh", "TransmittalLetter", "transmits", T99)]),
]


@pytest.mark.parametrize("name,params,expected", CASES,
                         ids=[f"{c[0]}-{'-'.join(c[1].values()) or 'all'}"[:60] for c in CASES])
def test_query_answer(data, name, params, expected):
    assert answers(name, data, params) == sorted(expected)


def test_every_query_has_a_case():
    assert {nq.name for nq in find_queries(QUERIES)} == {c[0] for c in CASES}


@pytest.mark.parametrize("name", ["timeline", "cosignatories"])
def test_order(data, name):
    params = {"state": "TJ"} if name == "cosignatories" else {}
    rows = answers(name, data, params, ordered=True)
    expected = next(c[2] for c in CASES if c[0] == name and c[1] == params)
    assert rows == expected      # listed in the query's own ORDER BY order


def test_headers_are_complete():
    for nq in find_queries(QUERIES):
        assert nq.name == nq.path.stem and nq.title and nq.description and nq.examples, nq.name
        for p in nq.params:
            assert p.description, (nq.name, p.name)
            assert f"?{p.name}" in nq.text, (nq.name, p.name)
        if nq.params:
            assert "# @values" in nq.text, nq.name


def test_header_parsing():
    nq = load_query(QUERIES / "instruments_of_state.rq")
    assert [(p.name, p.type, p.required, p.default) for p in nq.params] == [
        ("state", "literal", True, None), ("from", "date", False, None),
        ("to", "date", False, None), ("lang", "lang", False, "en")]
    assert nq.title == "Instruments a state is party to"
    with pytest.raises(QueryError, match="bad param line"):
        parse_query("# name: x\n# param: state strange required\nSELECT * {}")
    with pytest.raises(QueryError, match="default of param when"):
        parse_query("# name: x\n# param: when date default=yesterday d\nSELECT * {}")


def test_binding_types():
    nq = load_query(QUERIES / "instruments_of_state.rq")
    bound = bind(nq, {"state": "KZ", "from": "1991-12-21"})
    assert bound == {"state": Literal("KZ"), "from": Literal("1991-12-21", datatype=XSD.date),
                     "lang": Literal("en")}
    cites = load_query(QUERIES / "citing_instruments.rq")
    full = "https://w3id.org/pskg/id/instrument/x"
    assert bind(cites, {"instrument": "pskgid:instrument/x"})["instrument"] == URIRef(full)
    assert bind(cites, {"instrument": full})["instrument"] == URIRef(full)


@pytest.mark.parametrize("params,message", [
    ({"state": "KZ", "from": "21.12.1991"}, "param from: '21.12.1991' is not a date"),
    ({"state": "KZ", "to": "1991-13-01"}, "param to: '1991-13-01' is not a date"),
    ({"state": "KZ", "country": "KZ"}, "unknown param 'country' .known: state, from, to, lang"),
    ({}, "param state is required"),
    ({"state": "KZ", "lang": "english language"}, "not a BCP 47 language tag"),
    ({"state": "K\\Z"}, "backslashes and control characters are not allowed"),
])
def test_bad_params(params, message):
    with pytest.raises(QueryError, match=message):
        bind(load_query(QUERIES / "instruments_of_state.rq"), params)


@pytest.mark.parametrize("value", ["not an iri", "<https://x.org/a>", "https://x.org/a b",
                                   'https://x.org/"a', "instrument/1991"])
def test_bad_iri(value):
    with pytest.raises(QueryError, match="is not an IRI"):
        bind(load_query(QUERIES / "citing_instruments.rq"), {"instrument": value})


INJECTION = 'KZ" } DROP ALL #'


def test_injection_stays_a_literal(data, datasets):
    assert bind(load_query(QUERIES / "instruments_of_state.rq"),
                {"state": INJECTION})["state"] == Literal(INJECTION)
    assert answers("instruments_of_state", data, {"state": INJECTION}) == []
    assert answers("cosignatories", data, {"state": INJECTION}) == []
    assert len(answers("never_party_together", data)) == 5       # nothing was dropped
    assert len(datasets["oxigraph"]) == len(load_oxigraph())


def test_values_block_is_serialised_terms():
    nq = load_query(QUERIES / "instruments_of_state.rq")
    text = inject(nq, bind(nq, {"state": INJECTION, "from": "1991-01-01"}))
    assert ('VALUES (?state ?from ?lang) { ("KZ\\" } DROP ALL #" '
            '"1991-01-01"^^<http://www.w3.org/2001/XMLSchema#date> "en") }') in text
    assert "# @values" not in text


def test_credentials_from_env_or_netrc(tmp_path, monkeypatch):
    monkeypatch.delenv("PSKG_ENDPOINT_USER", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine sparql.example.org login alice password s3cret\n")
    netrc.chmod(0o600)
    assert credentials("https://sparql.example.org/q") == ("alice", "s3cret")
    assert not credentials("https://other.example.org/q")
    monkeypatch.setenv("PSKG_ENDPOINT_USER", "bob")
    monkeypatch.setenv("PSKG_ENDPOINT_PASSWORD", "pw")
    assert credentials("https://sparql.example.org/q") == ("bob", "pw")


# ---------------------------------------------------------------- formats and the CLI

@pytest.fixture
def cli():
    app = typer.Typer()
    cli_query.register(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def test_format_json(datasets):
    nq = load_query(QUERIES / "timeline.rq")
    data = json.loads(format_result(run(nq, datasets["oxigraph"], {}), "json"))
    assert data["head"]["vars"] == ["date", "instrument", "kind", "title", "parties"]
    first = data["results"]["bindings"][0]
    assert first["date"] == {"type": "literal", "value": "1991-12-21", "datatype": str(XSD.date)}
    assert first["instrument"]["type"] == "uri" and first["kind"] == {"type": "literal",
                                                                      "value": "declaration"}


def test_cli_table_csv_json(cli, tmp_path):
    base = ("query", "instruments_of_state", "--graph", FIXTURE, "--param", "state=KZ")
    table = cli(*base)
    assert table.exit_code == 0, table.output
    assert "pskgid:instrument/1991-12-21-declaration-alma-ata-declaration" in table.output
    assert "Collective Security Treaty" in table.output and "2 rows" in table.output
    csv_out = cli(*base, "--format", "csv", "--engine", "oxigraph")
    assert csv_out.exit_code == 0, csv_out.output
    lines = csv_out.output.splitlines()
    assert lines[0] == "instrument,kind,title,date,place"
    assert lines[1] == ("https://w3id.org/pskg/id/instrument/1991-12-21-declaration-alma-ata-"
                        "declaration,declaration,Alma-Ata Declaration,1991-12-21,Alma-Ata")
    out = tmp_path / "r.json"
    written = cli(*base, "-f", "json", "-o", out)
    assert written.exit_code == 0, written.output
    assert len(json.loads(out.read_text())["results"]["bindings"]) == 2


def test_cli_store_and_endpoint(cli, tmp_path, endpoint):
    store = ox.Store(str(tmp_path / "store"))
    store.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    for source in (("--store", tmp_path / "store"), ("--endpoint", endpoint)):
        result = cli("query", QUERIES / "timeline.rq", *source, "-f", "csv")
        assert result.exit_code == 0, result.output
        assert len(result.output.splitlines()) == 5


@pytest.mark.parametrize("args,message", [
    (("query", "nope.rq", "--graph", FIXTURE), "nope.rq: no such query file"),
    (("query", "timeline", "--graph", "missing.trig"), "missing.trig: no such graph file"),
    (("query", "timeline", "--graph", FIXTURE, "-p", "from=yesterday"), "param from"),
    (("query", "timeline", "--graph", FIXTURE, "-p", "till=1999-01-01"), "unknown param 'till'"),
    (("query", "timeline", "--graph", FIXTURE, "-p", "from"), "want NAME=VALUE"),
    (("query", "timeline", "--graph", FIXTURE, "-f", "xml"), "--format 'xml'"),
    (("query", "timeline", "--store", "no/such/dir"), "no such store directory"),
])
def test_cli_errors(cli, args, message):
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_cli_queries_lists_names_titles_params(cli):
    result = cli("queries")
    assert result.exit_code == 0, result.output
    for nq in find_queries(QUERIES):
        assert f"{nq.name}: {nq.title}" in result.output
    assert "--param state=<literal>  (required)" in result.output


@pytest.mark.parametrize("nq", find_queries(QUERIES), ids=lambda nq: nq.name)
def test_examples_run(cli, nq, monkeypatch):
    monkeypatch.chdir(ROOT)
    for example in nq.examples:
        args = shlex.split(example)
        assert args[:2] == ["pskg", "query"], example
        result = cli(*args[1:], "--graph", FIXTURE, "--engine", "oxigraph")
        assert result.exit_code == 0, (example, result.output)
