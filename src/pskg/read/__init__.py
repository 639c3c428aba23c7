"""The read stage: a document's bytes → `Text` (decoded, normalised, boilerplate marked,
language and script detected, content hash).

    read(Path("treaty.pdf"))                       # format and encoding from the bytes
    read_bytes(data, "page.html", source="https://…")
    read(path, lang="ru")                          # force the language

Formats by content, the extension only breaking ties: PDF (text layer), DOCX, HTML, plain
text (Markdown is plain text). Errors in the input raise `pskg.errors.InputError`.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pskg.errors import InputError
from pskg.model import Text
from pskg.read import langid
from pskg.read.boilerplate import find_boilerplate, without
from pskg.read.decode import declared_encoding, decode
from pskg.read.html import html_to_text, looks_like_html
from pskg.read.normalize import normalize
from pskg.read.pdf import docx_to_text, is_docx, is_pdf, pdf_to_text

HTML_EXTENSIONS = {".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx"}
MARKDOWN_EXTENSIONS = {".md", ".markdown"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_NOT_TEXT = [  # magic numbers of files that are not documents we can read
    (b"\x89PNG", "a PNG image; run OCR first"), (b"\xff\xd8\xff", "a JPEG image; run OCR first"),
    (b"GIF8", "a GIF image"), (b"II*\x00", "a TIFF image; run OCR first"),
    (b"MM\x00*", "a TIFF image; run OCR first"),
    (b"\xd0\xcf\x11\xe0", "a legacy Microsoft Office file (.doc/.xls); save it as DOCX, PDF or text"),
    (b"{\\rtf", "an RTF file; save it as DOCX, PDF or text"),
    (b"PK\x03\x04", "a ZIP archive, not a DOCX document"), (b"\x1f\x8b", "a gzip archive"),
]


def read(path: Path | str, *, lang: str | None = None, source: str | None = None) -> Text:
    """Read a document file; `lang` forces the language, `source` records its provenance."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror or err})", path=path) from None
    return read_bytes(data, str(path), lang=lang, source=source)


def read_bytes(data: bytes, name: str, *, lang: str | None = None, source: str | None = None) -> Text:
    """Read a document given as bytes; `name` (a file name or path) is used in errors and as Text.path."""
    if not data.strip():
        raise InputError("is empty", path=name)
    raw, title, encoding, media_type = _extract(data, name)
    plain = media_type not in ("text/html", DOCX)
    text = normalize(raw, entities=plain and media_type != "application/pdf", layout=plain)
    if not text.strip():
        raise InputError("has no text", path=name)
    spans = find_boilerplate(text)
    body = without(text, spans)
    if lang and lang.strip():
        language = lang.strip().lower()
        script = langid.script_for(body, language)
    else:
        language, script = langid.detect_document(body)
    return Text(
        path=Path(name), text=text, language=language, script=script,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), encoding=encoding,
        media_type=media_type, boilerplate=spans, source=source,
        title=" ".join(title.split()) if title else None,
    )


def _extract(data: bytes, name: str) -> tuple[str, str | None, str, str]:
    """(raw text, title, encoding, media type)."""
    if is_pdf(data):
        text, title = pdf_to_text(data, name)
        return text, title, "pdf", "application/pdf"
    if is_docx(data):
        text, title = docx_to_text(data, name)
        return text, title, "utf-8", DOCX
    for magic, what in _NOT_TEXT:
        if data.startswith(magic):
            raise InputError(f"is {what}", path=name)
    suffix = Path(name).suffix.lower()
    text, encoding = decode(data, name, declared=declared_encoding(data))
    if suffix in HTML_EXTENSIONS or (suffix not in MARKDOWN_EXTENSIONS | {".txt"} and looks_like_html(text)) \
            or (suffix == ".txt" and text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))):
        body, title = html_to_text(text)
        return body, title, encoding, "text/html"
    media_type = "text/markdown" if suffix in MARKDOWN_EXTENSIONS else "text/plain"
    return text, None, encoding, media_type
