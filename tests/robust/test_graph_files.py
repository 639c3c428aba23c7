"""Graph files handed to `pskg validate|summary|export|query --graph`: nothing is fetched,
nothing explodes, an empty graph is an error; `pskg query` makes no outbound requests.

The hostile files are written by the tests; "remote" addresses are sockets the test opens on
127.0.0.1 that accept and never answer (a fetch would hang until the test's timeout), and
count the connections they get (must stay 0).
"""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

PSKG = str(Path(sys.executable).parent / "pskg")
TRIPLE = {"@id": "https://w3id.org/pskg/id/state/XX", "http://www.w3.org/2000/01/rdf-schema#label": "X"}
COMMANDS = [["validate", "{f}"], ["summary", "{f}"], ["export", "--graph", "{f}"],
            ["query", "documents", "--graph", "{f}"],
            ["query", "documents", "--graph", "{f}", "--engine", "oxigraph"]]


class SilentServer:
    """A TCP socket on 127.0.0.1 that accepts connections, counts them and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections, self.held = 0, []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            self.held.append(conn)


@pytest.fixture
def silent():
    server = SilentServer()
    yield server
    server.sock.close()


def pskg(args, f: Path, timeout=120):
    return subprocess.run([PSKG, *[a.replace("{f}", str(f)) for a in args]], capture_output=True,
                          text=True, timeout=timeout)


def assert_one_line_exit_2(done, *words):
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    line = done.stderr.strip()
    assert "\n" not in line and line.startswith("pskg: "), done.stderr
    for word in words:
        assert word in line, line


@pytest.mark.parametrize("context", ["http://127.0.0.1:{port}/context.jsonld",
                                     ["http://127.0.0.1:{port}/a.jsonld", {"x": "http://e/x"}],
                                     "file:///etc/passwd", "ctx.jsonld"])
def test_jsonld_context_to_load_is_refused_not_fetched(tmp_path, silent, context):
    context = json.loads(json.dumps(context).replace("{port}", str(silent.port)))
    f = tmp_path / "g.jsonld"
    f.write_text(json.dumps({"@context": context, "@graph": [TRIPLE]}))
    (tmp_path / "ctx.jsonld").write_text(json.dumps({"@context": {"x": "http://e/x"}}))
    for args in COMMANDS:
        assert_one_line_exit_2(pskg(args, f), str(f), "@context", "inline")
    assert silent.connections == 0


def test_nested_remote_context_is_refused_too(tmp_path, silent):
    f = tmp_path / "g.jsonld"
    f.write_text(json.dumps({"@graph": [{**TRIPLE, "@context": f"http://127.0.0.1:{silent.port}/c"}]}))
    assert_one_line_exit_2(pskg(["validate", "{f}"], f), "@context")
    assert silent.connections == 0


def test_jsonld_with_an_inline_context_is_read(tmp_path):
    f = tmp_path / "g.jsonld"
    f.write_text(json.dumps({"@context": {"label": "http://www.w3.org/2000/01/rdf-schema#label"},
                             "@id": "https://w3id.org/pskg/id/state/XX", "label": "X"}))
    done = pskg(["export", "--graph", "{f}", "--format", "nt"], f)
    assert done.returncode == 0 and "state/XX" in done.stdout, done.stderr


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#">
 <rdf:Description rdf:about="https://w3id.org/pskg/id/state/XX"><rdfs:label>&lol9;</rdfs:label></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("variant", ["nested", "external", "wide"])
def test_rdfxml_entity_expansion_is_refused(tmp_path, silent, variant):
    text = LAUGHS
    if variant == "external":
        text = text.replace('<!ENTITY lol "lol">', f'<!ENTITY lol SYSTEM "http://127.0.0.1:{silent.port}/e">')
    elif variant == "wide":   # no nesting, but 20 MB once expanded
        text = ('<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big "' + "x" * 20_000 + '"> ]>\n'
                + LAUGHS.split("]>\n", 1)[1].replace("&lol9;", "&big;" * 1000))
    f = tmp_path / "laughs.rdf"
    f.write_text(text)
    for args in COMMANDS[:3]:
        assert_one_line_exit_2(pskg(args, f, timeout=60), str(f), "entit")
    assert silent.connections == 0


def test_rdfxml_with_plain_entities_is_read(tmp_path):
    f = tmp_path / "ok.rdf"
    f.write_text(LAUGHS.split("<!ENTITY lol1")[0] + "]>\n" + LAUGHS.split("]>\n", 1)[1].replace("&lol9;", "&lol;"))
    done = pskg(["export", "--graph", "{f}", "--format", "nt"], f)
    assert done.returncode == 0 and '"lol"' in done.stdout, done.stderr


@pytest.mark.parametrize("name, content", [("empty.ttl", ""), ("comments.ttl", "# nothing\n"),
                                           ("empty.trig", "@prefix x: <http://e/> .\n"),
                                           ("empty.jsonld", "{}")])
def test_an_empty_graph_file_is_an_error(tmp_path, name, content):
    f = tmp_path / name
    f.write_text(content)
    for args in COMMANDS:
        assert_one_line_exit_2(pskg(args, f), str(f), "no triples")


@pytest.mark.parametrize("source", [["--graph", "{g}"], ["--graph", "{g}", "--engine", "oxigraph"],
                                    ["--endpoint", "http://127.0.0.1:{port}/sparql"]])
def test_query_with_service_is_refused_without_any_request(tmp_path, silent, source):
    g = tmp_path / "g.ttl"
    g.write_text("<https://w3id.org/pskg/id/state/XX> <http://www.w3.org/2000/01/rdf-schema#label> 'X' .\n")
    rq = tmp_path / "fed.rq"
    rq.write_text(f"# title: federated\nSELECT * WHERE {{ SERVICE <http://127.0.0.1:{silent.port}/sparql> "
                  "{ ?s ?p ?o } }\n")
    args = ["query", str(rq)] + [a.replace("{g}", str(g)).replace("{port}", str(silent.port)) for a in source]
    done = subprocess.run([PSKG, *args], capture_output=True, text=True, timeout=60)
    assert_one_line_exit_2(done, "SERVICE", f"127.0.0.1:{silent.port}", "--allow-service")
    assert silent.connections == 0
