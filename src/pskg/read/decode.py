"""Bytes → str: find the encoding a document was written in, or say that it cannot be found.

Order: a byte-order mark; UTF-16 without a mark (NUL bytes); strict UTF-8; then every
candidate code page (Cyrillic, Latin, Chinese, plus charset-normalizer's guesses) is decoded
and scored by how natural the result looks (src/pskg/charscore.py). The best must be good
and clearly better than the runner-up, else `InputError`: never a silent wrong guess.
"""
from __future__ import annotations

import codecs
import re

from pskg.errors import InputError
from pskg.read.charscore import score

BOMS = [  # longest first: the UTF-32 LE mark begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
# Candidates in order of preference when two decode to the same text.
CANDIDATES = ["cp1251", "koi8-r", "koi8-u", "cp866", "gb18030", "big5",
              "cp1252", "cp1250", "cp1257", "cp1254", "iso-8859-5"]
MIN_SCORE = 0.8       # a decoding scoring less is not natural text
MIN_MARGIN = 0.08     # the winner must beat a decoding giving another text by this much

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


def _helper_guesses(data: bytes) -> list[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    guesses = []
    for match in list(from_bytes(data[:200_000]))[:3]:
        enc = canonical(match.encoding)
        if enc:
            guesses.append(enc)
    return guesses


def _best_code_page(data: bytes, name: str, declared: str | None, utf8_error: int) -> tuple[str, str]:
    declared = canonical(declared) if declared else declared_encoding(data)
    own = list(dict.fromkeys(([declared] if declared else []) + CANDIDATES))
    scored = _score_all(data, own, declared)
    if not scored or scored[0][0] < MIN_SCORE:
        # charset-normalizer's guesses (a code page we do not list) must pass the same test
        scored = sorted(scored + _score_all(data, [e for e in _helper_guesses(data) if e not in own],
                                            declared, start=len(own)), reverse=True)
    if not scored or scored[0][0] < MIN_SCORE:
        best = ", ".join(f"{enc} {value:.2f}" for value, _, enc, _ in scored[:3]) or "none decodes"
        raise InputError(f"cannot determine the text encoding: not UTF-8 (invalid byte at {utf8_error}) "
                         f"and no code page gives natural text (best: {best})", path=name)
    top_value, _, top_enc, top_text = scored[0]
    for value, _, enc, text in scored[1:]:
        if top_value - value < MIN_MARGIN and _differs(text, top_text):
            raise InputError(f"cannot determine the text encoding: {top_enc} ({top_value:.2f}) and "
                             f"{enc} ({value:.2f}) are equally plausible", path=name)
    return top_text, top_enc


def _score_all(data: bytes, names: list[str], declared: str | None,
               start: int = 0) -> list[tuple[float, int, str, str]]:
    """(score, -preference, encoding, text) for each encoding that decodes the bytes, best first."""
    by_text: dict[str, tuple[float, int, str, str]] = {}
    for rank, enc in enumerate(names, start):
        if enc in ("utf-8", "utf-8-sig") or enc.startswith(("utf-16", "utf-32")):
            continue
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if text in by_text:         # the same text from a less preferred code page
            continue
        value = score(text) + (0.05 if enc == declared else 0.0)
        by_text[text] = (value, -rank, enc, text)
    return sorted(by_text.values(), reverse=True)


def _differs(a: str, b: str) -> bool:
    """Whether two decodings differ in more than a few of their non-ASCII characters (5%)."""
    if len(a) != len(b):
        return True
    changed = sum(1 for x, y in zip(a, b) if x != y)
    return changed > max(2, sum(1 for x in a if ord(x) >= 128) // 20)
