"""Bytes → str: find the encoding a document was written in, or say that it cannot be found.

Order: a byte-order mark; UTF-16 without a mark (NUL bytes); strict UTF-8; then a legacy code
page. The candidates are chardet's guesses among the region's code pages (chardet ≥ 7:
statistical models of some 100 code pages, Kazakh kz1048, Tajik koi8-t and Mac Cyrillic among
them) and a fixed list of the commonest; each is decoded and scored by how natural the text
looks (charscore.py). Among those about as natural as the best, a charset the document
declares (HTML meta, XML prolog) wins, else chardet's most confident. The best must look
natural, and a runner-up giving another text that chardet finds about as likely makes it an
`InputError` naming both: never a silent wrong guess. On the 108 legacy-encoded cases of
tests/read/read_cases.py chardet alone reads 102 right and 6 wrong (all-capitals Russian in
KOI8-R and cp1251); this module 106 right, 0 wrong, 2 refused (Czech in ISO-8859-2, which
reads almost as well in cp1250); the hand-written scorer it replaced 81 / 19 / 8
(bench/read_quality.py encodings).
"""
from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from pskg.errors import InputError
from pskg.read.charscore import score

BOMS = [  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
MIN_SCORE = 0.8         # a decoding scoring less is not natural text
MIN_MARGIN = 0.08       # a runner-up scoring within this of the winner is as natural …
CLOSE_CONFIDENCE = 0.97  # … and, at this share of chardet's confidence or more, as likely: refused
MAX_GUESSES = 8         # chardet's guesses looked at
# Code pages of the region's documents (chardet's names) that chardet chooses among …
REGION_CODE_PAGES = [
    "cp1251", "koi8-r", "koi8-u", "koi8-t", "cp866", "cp1125", "mac-cyrillic", "iso-8859-5", "kz1048",
    "ptcp154", "cp1252", "iso-8859-1", "iso-8859-15", "mac-roman", "cp437", "cp850", "cp1250",
    "iso-8859-2", "iso-8859-16", "mac-latin2", "cp852", "cp1257", "iso-8859-13", "iso-8859-4", "cp775",
    "cp1254", "iso-8859-9", "gb18030", "gb2312", "gbk", "big5", "big5hkscs", "cp950",
]
# … and those always tried (chardet mistakes an all-capitals KOI8-R title for lower-case cp1251)
CANDIDATES = ["cp1251", "koi8-r", "koi8-u", "cp866", "mac-cyrillic", "kz1048", "gb18030", "big5",
              "cp1252", "cp1250", "cp1257", "cp1254", "iso-8859-5"]
_FOLD = {"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"}

_ALIASES = {"utf_8": "utf-8", "utf8": "utf-8", "utf-8": "utf-8", "utf_8_sig": "utf-8-sig",
            "windows-1251": "cp1251", "windows_1251": "cp1251", "koi8_r": "koi8-r",
            "koi8_u": "koi8-u", "gbk": "gb18030", "gb2312": "gb18030", "gb18030": "gb18030",
            "big5hkscs": "big5", "cp950": "big5", "latin_1": "cp1252", "iso-8859-1": "cp1252",
            "iso8859-1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8", "mac_cyrillic": "mac-cyrillic"}
_DECLARED = re.compile(rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])"""
                       rb"""([A-Za-z0-9_.:-]{2,40})""", re.I)


def canonical(name: str) -> str | None:
    """A normalised encoding name ('Windows-1251' → 'cp1251'), or None if Python lacks it."""
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError):
        return None
    key = re.sub(r"^iso8859", "iso-8859", info.name.replace("_", "-").lower())
    return _ALIASES.get(info.name, _ALIASES.get(key, key))


def declared_encoding(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes, if any."""
    match = _DECLARED.search(data[:4096])
    return canonical(match.group(1).decode("ascii")) if match else None


def decode(data: bytes, name: str, *, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name). Raises InputError when no decoding is convincing."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as err:
                raise InputError(f"starts with a {enc} byte-order mark but is not valid {enc} "
                                 f"(byte {err.start})", path=name) from None
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found:
            return found
        if data.count(0) * 100 > len(data):
            raise InputError("contains NUL bytes but is not UTF-16 text (binary file?)", path=name)
        # a stray NUL or two in a text file: read on (normalisation drops control characters)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        if err.reason == "unexpected end of data" and len(data) - err.start <= 3 and err.start > 0:
            return data[:err.start].decode("utf-8"), "utf-8"   # cut off inside the last character
        utf8_error = err.start
    return _best_code_page(data, name, declared, utf8_error)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    results = []
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data[: len(data) // 2 * 2].decode(enc)
        except UnicodeDecodeError:
            continue
        results.append((score(text), enc, text))
    results.sort(reverse=True)
    if results and results[0][0] >= MIN_SCORE:
        return results[0][2], results[0][1]
    return None


def _best_code_page(data: bytes, name: str, declared: str | None, utf8_error: int) -> tuple[str, str]:
    declared = canonical(declared) if declared else declared_encoding(data)
    found = _candidates(data, declared)
    best_score = max((c.score for c in found), default=-9.0)
    if best_score < MIN_SCORE:
        best = ", ".join(f"{c.encoding} {c.score:.2f}" for c in sorted(found, key=lambda c: -c.score)[:3])
        raise InputError(f"cannot determine the text encoding: not UTF-8 (invalid byte at {utf8_error}) "
                         f"and no code page gives natural text (best: {best or 'none decodes'})", path=name)
    natural = [c for c in found if c.score >= best_score - MIN_MARGIN]
    if declared in {c.encoding for c in natural}:
        return next((c.text, c.encoding) for c in natural if c.encoding == declared)
    natural.sort(key=lambda c: -c.confidence)
    top = natural[0]
    for other in natural[1:]:
        if other.confidence >= CLOSE_CONFIDENCE * top.confidence and _differs(other.text, top.text):
            raise InputError(f"cannot determine the text encoding: {top.encoding} and {other.encoding} "
                             f"are equally plausible (chardet {top.confidence:.2f} / {other.confidence:.2f}, "
                             f"naturalness {top.score:.2f} / {other.score:.2f})", path=name)
    return top.text, top.encoding


class _Candidate(NamedTuple):
    encoding: str
    confidence: float      # chardet's
    score: float           # charscore's: how natural the decoded text looks
    text: str


def _candidates(data: bytes, declared: str | None) -> list[_Candidate]:
    """The region's code pages chardet finds likely, plus our own list and the declared one,
    each decoded; one per distinct text (the most likely code page giving it)."""
    import chardet

    confidence: dict[str, float] = {}
    for guess in chardet.detect_all(data, ignore_threshold=True, include_encodings=REGION_CODE_PAGES):
        enc = canonical(guess["encoding"] or "")
        if enc and enc not in confidence:
            confidence[enc] = guess["confidence"] or 0.0
    # the same text from several code pages: named by the declared one, else by the likeliest
    # of our list, else by the likeliest
    names = ([declared] if declared else []) + CANDIDATES + list(confidence)[:MAX_GUESSES]
    out: dict[str, _Candidate] = {}
    for enc in dict.fromkeys(names):
        if enc in ("utf-8", "utf-8-sig") or enc.startswith(("utf-16", "utf-32")):
            continue
        found = _candidate(data, enc, confidence.get(enc, 0.0))
        if found is None:
            continue
        same = out.get(found.text)
        if same is None:
            out[found.text] = found
        elif same.encoding != declared and (same.encoding in CANDIDATES) == (enc in CANDIDATES) \
                and found.confidence > same.confidence:
            out[found.text] = found
        else:
            out[found.text] = same._replace(confidence=max(same.confidence, found.confidence))
    return list(out.values())


def _candidate(data: bytes, enc: str, confidence: float) -> _Candidate | None:
    try:
        text = data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None
    return _Candidate(enc, confidence, score(text), text)


def _differs(a: str, b: str) -> bool:
    """Whether two decodings differ in more than a few of their non-ASCII characters (5%), the
    cedilla and comma-below forms of Romanian ş/ș and ţ/ț (one byte in both code pages) alike."""
    if len(a) != len(b):
        return True
    changed = sum(1 for x, y in zip(a, b) if x != y and _FOLD.get(x, x) != _FOLD.get(y, y))
    return changed > max(2, sum(1 for x in a if ord(x) >= 128) // 20)
