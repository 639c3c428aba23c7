"""`/ontology` serves the per-term pages of a folder (docs/ontology/ by default) as static files,
and answers 404 when the folder does not exist."""
from __future__ import annotations

import socket
import urllib.parse
from pathlib import Path

import pytest

from servers import oxigraph_binary, pskg_server
from servers import request as http

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "store_mini.trig"

pytestmark = pytest.mark.skipif(oxigraph_binary() is None, reason="oxigraph binary missing")


def raw_get(base: str, path: str) -> bytes:
    with socket.create_connection(("127.0.0.1", urllib.parse.urlsplit(base).port), timeout=10) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
        return b"".join(iter(lambda: sock.recv(65536), b""))


def test_ontology_folder_is_served(tmp_path):
    pages = tmp_path / "ontology"
    (pages / "terms").mkdir(parents=True)
    (pages / "index.html").write_text("<h1>pskg ontology</h1>", "utf-8")
    (pages / "terms" / "Instrument.html").write_text("<h1>Instrument — Инструмент</h1>", "utf-8")
    (pages / "ontology.ttl").write_text("@prefix pskg: <https://w3id.org/pskg/ontology#> .\n", "utf-8")
    (tmp_path / "secret.txt").write_text("outside", "utf-8")
    with pskg_server("--graph", str(FIXTURE), "--ontology", str(pages)) as base:
        status, headers, body = http(f"{base}/ontology")           # redirected to /ontology/
        assert status == 200 and body == b"<h1>pskg ontology</h1>"
        status, headers, body = http(f"{base}/ontology/terms/Instrument.html")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        assert "Инструмент" in body.decode("utf-8")
        assert http(f"{base}/ontology/ontology.ttl")[1]["Content-Type"].startswith("text/turtle")
        assert http(f"{base}/ontology/terms/Nothing.html")[0] == 404
        for path in ("/ontology/../secret.txt", "/ontology/%2e%2e/secret.txt", "/ontology/..%2fsecret.txt",
                     "/ontology/index.html%00.png", "/ontology/%2fetc%2fpasswd"):
            answer = raw_get(base, path)
            assert answer.startswith(b"HTTP/1.0 404") and b"outside" not in answer, path


def test_no_folder_is_404(tmp_path):
    with pskg_server("--graph", str(FIXTURE), "--ontology", str(tmp_path / "missing")) as base:
        status, _, body = http(f"{base}/ontology/")
        assert status == 404 and b"docs/ontology" in body
