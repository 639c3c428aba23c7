"""PDF text through both extractors: poppler's `pdftotext -layout` (installed by `make test` as
root) and pdfminer.six; both must keep a two-column signature block apart, so that the real
extract → assemble stages find both signatories."""
from __future__ import annotations

import shutil

import pytest
from read_cases import minimal_pdf, two_column_treaty_pdf

from pskg.assemble import assemble
from pskg.errors import InputError
from pskg.extract import extract
from pskg.read import pdf, read_bytes

ENGINES = ["pdftotext", "pdfminer"]


@pytest.fixture(params=ENGINES)
def engine(request, monkeypatch):
    if request.param == "pdftotext":
        if not shutil.which("pdftotext"):
            pytest.skip("pdftotext not installed (make test installs Debian poppler-utils as root)")
    else:
        monkeypatch.setattr(pdf.shutil, "which", lambda name: None)    # as on a machine without it
    return request.param


def test_the_engine_is_poppler_when_installed_else_pdfminer(engine, monkeypatch):
    used = []
    for name in ("_poppler", "_pdfminer"):
        real = getattr(pdf, name)
        monkeypatch.setattr(pdf, name, lambda data, path, real=real, name=name: used.append(name) or real(data, path))
    read_bytes(two_column_treaty_pdf(), "agreement.pdf")
    assert used == ["_poppler" if engine == "pdftotext" else "_pdfminer"]


def test_two_column_signature_block_gives_both_signatories(engine):
    text = read_bytes(two_column_treaty_pdf(), "agreement.pdf")
    assert text.media_type == "application/pdf" and text.language == "en"
    lines = text.text.split("\n")
    assert "For the Republic of Armenia" in lines and "For Georgia" in lines     # not on one line
    record = assemble(extract(text))
    signed = {(s.person_name, s.state) for s in record.instrument.signatures}
    assert signed == {("Vahan Melikyan", "AM"), ("Levan Beridze", "GE")}
    assert set(record.instrument.parties) == {"AM", "GE"}
    assert record.instrument.date_signed == "2002-05-14"


def test_prose_lines_lose_the_layout_padding(engine):
    content = (b"BT /F1 12 Tf 1 0 0 1 100 720 Tm (Article 1) Tj 1 0 0 1 72 700 Tm "
               b"(The Parties shall develop cooperation in the field of trade.) Tj ET")
    text = read_bytes(minimal_pdf(content), "a.pdf").text
    assert [line for line in text.split("\n") if line] == \
        ["Article 1", "The Parties shall develop cooperation in the field of trade."]


def test_scan_and_broken_pdf_are_input_errors(engine):
    with pytest.raises(InputError, match=r"^scan\.pdf: .*no text layer.*run OCR first"):
        read_bytes(minimal_pdf(b"0.5 g 72 72 468 648 re f"), "scan.pdf")
    with pytest.raises(InputError, match=r"^broken\.pdf: is not a readable PDF"):
        read_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<<>>\n%%EOF\n",
                   "broken.pdf")


def test_layout_columns_are_read_column_by_column_and_justified_gaps_are_not_columns():
    from pskg.read.layout import reading_order

    block = ("   Done at Yerevan in two originals.\n\n"
             "For the Republic of Armenia                 For Georgia\n\n\n"
             "Vahan Melikyan                              Levan Beridze\n"
             "Minister of Education                       Minister of Education\n")
    assert reading_order(block).split("\n") == [
        "Done at Yerevan in two originals.", "", "For the Republic of Armenia", "For Georgia", "",
        "Vahan Melikyan", "Minister of Education", "Levan Beridze", "Minister of Education", ""]
    # a narrow justified paragraph as pdftotext -layout prints it: the words stay in order
    justified = ("The\nintergovernmental\ncommissions        shall\nresponsibilities   and\n"
                 "telecommunications\nbetween             the\n")
    assert reading_order(justified).split() == justified.split()
