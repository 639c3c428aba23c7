"""Which writing system (ISO 15924) a character belongs to, by Unicode ranges."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from functools import lru_cache

_RANGES = sorted([
    (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00C0, 0x00D6, "Latn"),
    (0x00D8, 0x00F6, "Latn"), (0x00F8, 0x024F, "Latn"), (0x02BB, 0x02BC, "Latn"),
    (0x1E00, 0x1EFF, "Latn"), (0x2C60, 0x2C7F, "Latn"), (0xA720, 0xA7FF, "Latn"),
    (0x0370, 0x03FF, "Grek"), (0x1F00, 0x1FFF, "Grek"),
    (0x0400, 0x052F, "Cyrl"), (0x1C80, 0x1C8F, "Cyrl"), (0x2DE0, 0x2DFF, "Cyrl"), (0xA640, 0xA69F, "Cyrl"),
    (0x0530, 0x058F, "Armn"), (0xFB13, 0xFB17, "Armn"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"), (0x08A0, 0x08FF, "Arab"),
    (0xFB50, 0xFDFF, "Arab"), (0xFE70, 0xFEFF, "Arab"),
    (0x10A0, 0x10FF, "Geor"), (0x1C90, 0x1CBF, "Geor"), (0x2D00, 0x2D2F, "Geor"),
    (0x1100, 0x11FF, "Hang"), (0xAC00, 0xD7AF, "Hang"), (0x3130, 0x318F, "Hang"),
    (0x3040, 0x309F, "Kana"), (0x30A0, 0x30FF, "Kana"),
    (0x3005, 0x3007, "Han"), (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"),
    (0xF900, 0xFAFF, "Han"), (0x20000, 0x2FFFF, "Han"),
])
_STARTS = [r[0] for r in _RANGES]


@lru_cache(maxsize=1 << 16)
def script_of(char: str) -> str | None:
    """'Latn', 'Cyrl', 'Geor', 'Armn', 'Han', … for a letter; None for anything else."""
    code = ord(char)
    i = bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= _RANGES[i][1]:
        return _RANGES[i][2] if (char.isalpha() or _RANGES[i][2] == "Han") else None
    return None


@lru_cache(maxsize=256)
def script_counts(text: str) -> Counter[str]:
    """Letters per script (cached: a block is asked about by several steps; never mutate it)."""
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():
        script = script_of(char)
        if script:
            counts[script] += n
    return counts


def dominant_script(text: str) -> str | None:
    counts = script_counts(text)
    return counts.most_common(1)[0][0] if counts else None
