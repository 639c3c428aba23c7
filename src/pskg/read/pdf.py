"""Text out of container formats: PDF (its text layer, via pypdf) and DOCX (its XML).

A PDF without a text layer (a scan) is an error that says what to do: run OCR first.
"""
from __future__ import annotations

import io
import logging
import re
import zipfile

from pskg.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MIN_CHARS_PER_PAGE = 5     # fewer letters/digits per page than this: no usable text layer


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


def pdf_to_text(data: bytes, name: str) -> tuple[str, str | None]:
    """(text of all pages, pages separated by form feeds; the PDF's title, if it gives one)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("is an encrypted PDF; give its password-free version", path=name)
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = (meta.title if meta else None) or None
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise InputError(f"is not a readable PDF ({type(err).__name__}: {err})", path=name) from None
    text = "\f".join(pages)
    if sum(1 for c in text if c.isalnum()) < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise InputError(f"is a PDF of {len(pages)} page(s) that has no text layer (scanned PDF?); "
                         "run OCR first", path=name)
    return text, (str(title).strip() or None) if title else None


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
