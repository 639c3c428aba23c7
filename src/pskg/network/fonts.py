"""Which installed font can draw a label: glyph coverage, checked character by character.

Labels come in many scripts (Cyrillic, Georgian, Armenian, Latin, Chinese). Rather than
guess from the language tag, ask each installed font's character map. A label no font can
draw is replaced by its English form and reported, never drawn as empty boxes.
"""
from __future__ import annotations

import warnings
from functools import lru_cache

from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

# Tried first, in this order; every other installed family follows alphabetically.
PREFERRED = ("DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP",
             "Noto Sans Georgian", "Noto Sans Armenian", "WenQuanYi Zen Hei",
             "Droid Sans Fallback", "AR PL UMing CN")

# Fonts that claim every code point but draw placeholder boxes, or are math symbol sets.
NOT_TEXT = ("Last Resort", "STIXNonUnicode", "STIXSize", "cm")


@lru_cache(maxsize=1)
def _charmaps() -> tuple[tuple[str, frozenset[int]], ...]:
    by_family: dict[str, set[int]] = {}
    for entry in font_manager.fontManager.ttflist:
        if entry.style != "normal" or entry.name.startswith(NOT_TEXT):
            continue
        try:
            charmap = FT2Font(entry.fname).get_charmap()
        except (OSError, RuntimeError, ValueError):
            continue
        by_family.setdefault(entry.name, set()).update(charmap)
    rank = {name: i for i, name in enumerate(PREFERRED)}
    ordered = sorted(by_family, key=lambda n: (rank.get(n, len(rank)), n))
    return tuple((name, frozenset(by_family[name])) for name in ordered)


def family_for(text: str) -> str | None:
    """The first installed font family that has a glyph for every character of ``text``."""
    needed = {ord(c) for c in text if not c.isspace()}
    for name, charmap in _charmaps():
        if needed <= charmap:
            return name
    return None


def drawable(text: str, fallback: str, notes: list[str] | None = None) -> tuple[str, str]:
    """(text, family) to draw; ``fallback`` (English) when no font covers ``text``."""
    family = family_for(text)
    if family is not None:
        return text, family
    message = f"no installed font can draw {text!r}; using {fallback!r}"
    warnings.warn(message, UserWarning, stacklevel=2)
    if notes is not None:
        notes.append(message)
    return fallback, family_for(fallback) or "DejaVu Sans"
