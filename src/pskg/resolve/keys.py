"""Keys derived from content, never from run order: slugs of names and titles, short content
hashes, the key of an instrument (date, kind, a tail that tells apart two of the same day)."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_.lower())
    return "-".join(words)[:60]


def digest(*parts: str, length: int = 10) -> str:
    """A short content hash for keys; IRIs of nodes counted in millions (evidence, signatories,
    obligations) take length=16 so that two facts never share one IRI."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def instrument_key(kind: str | None, date: str | None, tail: str) -> str:
    return f"{date or 'undated'}-{kind or 'other'}-{tail}"
