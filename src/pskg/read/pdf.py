"""Text out of container formats: PDF (its text layer) and DOCX (its XML).

A PDF's text comes from poppler's `pdftotext -layout` when it is installed (Debian
poppler-utils; `make test` installs it as root), else from pdfminer.six with its layout
analysis: both keep a signature block's columns apart, where pypdf runs them together. pypdf
reads the PDF's structure (encryption, page count, title). A PDF without a text layer (a scan)
is an error that says what to do: run OCR first.
"""
from __future__ import annotations

import io
import logging
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from pskg.errors import InputError
from pskg.read.layout import reading_order

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MIN_CHARS_PER_PAGE = 5     # fewer letters/digits per page than this: no usable text layer
PDFTOTEXT_TIMEOUT = 300    # seconds


def is_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]


def is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False


def pdf_to_text(data: bytes, name: str, *, engine: str | None = None) -> tuple[str, str | None]:
    """(text of all pages, pages separated by form feeds; the PDF's title, if it gives one).
    `engine`: "pdftotext" or "pdfminer"; by default pdftotext when installed."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("is an encrypted PDF; give its password-free version", path=name)
        n_pages = len(reader.pages)
        meta = reader.metadata
        title = (meta.title if meta else None) or None
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise InputError(f"is not a readable PDF ({type(err).__name__}: {err})", path=name) from None
    engine = engine or ("pdftotext" if shutil.which("pdftotext") else "pdfminer")
    text = _poppler(data, name) if engine == "pdftotext" else _pdfminer(data, name)
    if sum(1 for c in text if c.isalnum()) < MIN_CHARS_PER_PAGE * max(1, n_pages):
        raise InputError(f"is a PDF of {n_pages} page(s) that has no text layer (scanned PDF?); "
                         "run OCR first", path=name)
    return text, (str(title).strip() or None) if title else None


def _poppler(data: bytes, name: str) -> str:
    """Poppler's `pdftotext -layout`, each page put in reading order (layout.py)."""
    with tempfile.TemporaryDirectory(prefix="pskg-pdf-") as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        try:
            done = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", "-q", str(source), "-"],
                                  capture_output=True, timeout=PDFTOTEXT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise InputError(f"is a PDF whose text pdftotext did not extract in {PDFTOTEXT_TIMEOUT} s",
                             path=name) from None
    if done.returncode != 0:
        raise InputError(f"is not a readable PDF (pdftotext exit {done.returncode})", path=name)
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages.pop()                        # pdftotext ends the last page with a form feed too
    return "\f".join(reading_order(page) for page in pages)


def _pdfminer(data: bytes, name: str) -> str:
    """pdfminer.six with its layout analysis (text boxes in reading order)."""
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(data), laparams=LAParams())
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as err:
        raise InputError(f"is not a readable PDF ({type(err).__name__}: {err})", path=name) from None
    return text.rstrip("\f")


def docx_to_text(data: bytes, name: str) -> tuple[str, str | None]:
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            body = etree.fromstring(archive.read("word/document.xml"))
            core = archive.read("docProps/core.xml") if "docProps/core.xml" in archive.namelist() else None
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as err:
        raise InputError(f"is not a readable DOCX file ({err})", path=name) from None
    paragraphs = []
    for para in body.iter(f"{W}p"):
        parts = []
        for node in para.iter(f"{W}t", f"{W}tab", f"{W}br"):
            parts.append(node.text or "" if node.tag == f"{W}t" else "\t" if node.tag == f"{W}tab" else "\n")
        paragraphs.append("".join(parts))
    title = None
    if core:
        match = re.search(rb"<dc:title>([^<]*)</dc:title>", core)
        title = match.group(1).decode("utf-8", "replace").strip() or None if match else None
    return "\n".join(paragraphs), title
