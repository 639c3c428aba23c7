"""How natural a decoded text looks, 0 (garbage) … ~1.5 (fluent), to tell right decodings from wrong.

Only the non-ASCII characters are judged (ASCII reads the same in every candidate code page):
- letters of one language's alphabet (data/lexicon/alphabets.tsv) and common punctuation count
  as good, other letters half, symbols nothing, control / unassigned / box-drawing characters
  against;
- Latin: a "Latin" text whose letters are mostly accented is Cyrillic read with a Latin page;
- Cyrillic: frequent letter pairs (data/lexicon/charstats.tsv) add, case flipping inside a word
  ("сТАТЬЯ": KOI8-R read as cp1251) subtracts;
- Han: frequent characters add; rare ones are what a wrong CJK decoding produces.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from pskg.lexicon import table
from pskg.scripts import script_of

_PUNCT = set("«»„“”‘’‚‹›—–…№§°•·€±×÷‰′″¹²³©®™½¼¾−‐‑‒―¡¿¦¶ʼʻ") | {chr(c) for c in range(0x3000, 0x3040)} \
    | {chr(c) for c in range(0xFF01, 0xFF5F)} | {"\u00a0", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _alphabets() -> dict[str, list[set[str]]]:
    out: dict[str, list[set[str]]] = {}
    for row in table("alphabets"):
        out.setdefault(row["script"], []).append(set(row.get("letters", "")))
    return out


@lru_cache(maxsize=1)
def _stats() -> dict[tuple[str, str], frozenset[str]]:
    return {(row["script"], row["kind"]): frozenset(row["items"].split()) for row in table("charstats")}


def _bad(char: str) -> bool:
    cat = unicodedata.category(char)
    if char in _PUNCT:
        return False
    return cat in ("Cc", "Co", "Cn", "Cs") or 0x2500 <= ord(char) <= 0x25FF or cat == "Cf"


def score(text: str) -> float:
    sample = text[:400_000]
    foreign = [c for c in sample if ord(c) >= 128 and not c.isspace()]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\t\n\r\f")
    if not foreign:
        return 1.0 - min(1.0, 10 * controls / max(1, len(sample)))
    letters = [c for c in foreign if script_of(c)]
    scripts = Counter(script_of(c) for c in letters)
    main = scripts.most_common(1)[0][0] if scripts else None
    main_letters = [c for c in letters if script_of(c) == main]
    good = sum(1 for c in foreign if c in _PUNCT)
    bad = sum(1 for c in foreign if _bad(c)) + controls
    other_letters = len(letters) - len(main_letters)
    bonus = 0.0
    if main in ("Latn", "Cyrl"):
        lowered = [c.lower() for c in main_letters]
        best = max((sum(1 for c in lowered if c in alphabet) for alphabet in _alphabets().get(main, [])),
                   default=0)
        good += best
        other_letters += len(main_letters) - best
        if main == "Latn":
            ascii_letters = sum(1 for c in sample if c.isascii() and c.isalpha())
            share = len(main_letters) / max(1, len(main_letters) + ascii_letters)
            bonus -= max(0.0, share - 0.45) * 2
        else:
            bonus += _cyrillic_bonus(sample)
    elif main == "Han":
        frequent = _stats().get(("Han", "char"), frozenset())
        hits = sum(1 for c in main_letters if c in frequent)
        good += len(main_letters)
        bonus += 0.5 * min(1.0, hits / max(1, len(main_letters)) / 0.3) - 0.25
    elif main:
        good += len(main_letters)
    base = (good + 0.25 * other_letters - 2 * bad) / len(foreign)
    return base + bonus


def _cyrillic_bonus(sample: str) -> float:
    pairs = _stats().get(("Cyrl", "bigram"), frozenset())
    hits = total = flips = words = 0
    for word in _WORD.findall(sample):
        if len(word) < 2 or script_of(word[0]) != "Cyrl":
            continue
        words += 1
        if any(a.islower() and b.isupper() for a, b in zip(word, word[1:])):
            flips += 1
        low = word.lower()
        for a, b in zip(low, low[1:]):
            total += 1
            hits += (a + b) in pairs
    if not total:
        return 0.0
    return 0.5 * min(1.0, hits / total / 0.35) - 0.25 - 2 * flips / max(1, words)
