"""How natural a decoded text looks, 0 (garbage) … ~1.5 (fluent), to tell right decodings from wrong.

Only the non-ASCII characters are judged (ASCII reads the same in every candidate code page):
- letters of one language's alphabet (data/lexicon/alphabets.tsv) and common punctuation count
  as good, other letters a quarter, symbols nothing, control / unassigned / box-drawing characters
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

from pskg.knowledge.lexicon import table
from pskg.read.scripts import script_of

_PUNCT = set("«»„“”‘’‚‹›—–…№§°•·€±×÷‰′″¹²³©®™½¼¾−‐‑‒―¡¿¦¶ʼʻ") | {chr(c) for c in range(0x3000, 0x3040)} \
    | {chr(c) for c in range(0xFF01, 0xFF5F)} | {"\u00a0", "\u00ad", "\u200b", "\u200c", "\u200d", "\ufeff"}
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 100_000     # characters judged: enough to tell, and fast on a large file


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
    sample = text[:SAMPLE]
    chars = Counter(sample)
    foreign = {c: n for c, n in chars.items() if ord(c) >= 128 and not c.isspace()}
    n_foreign = sum(foreign.values())
    controls = sum(n for c, n in chars.items() if ord(c) < 32 and c not in "\t\n\r\f")
    if not foreign:
        return 1.0 - min(1.0, 10 * controls / max(1, len(sample)))
    scripts: Counter[str] = Counter()
    for c, n in foreign.items():
        if script_of(c):
            scripts[script_of(c)] += n
    main = scripts.most_common(1)[0][0] if scripts else None
    n_main = scripts[main] if main else 0
    good = sum(n for c, n in foreign.items() if c in _PUNCT)
    bad = sum(n for c, n in foreign.items() if _bad(c)) + controls
    other_letters = sum(scripts.values()) - n_main
    bonus = 0.0
    if main in ("Latn", "Cyrl"):
        lowered: Counter[str] = Counter()
        for c, n in foreign.items():
            if script_of(c) == main:
                lowered[c.lower()] += n
        best = max((sum(n for c, n in lowered.items() if c in alphabet)
                    for alphabet in _alphabets().get(main, [])), default=0)
        good += best
        other_letters += n_main - best
        if main == "Latn":
            ascii_letters = sum(n for c, n in chars.items() if c.isascii() and c.isalpha())
            share = n_main / max(1, n_main + ascii_letters)
            bonus -= max(0.0, share - 0.45) * 2
        else:
            bonus += _cyrillic_bonus(sample)
    elif main == "Han":
        frequent = _stats().get(("Han", "char"), frozenset())
        hits = sum(n for c, n in foreign.items() if c in frequent)
        good += n_main
        bonus += 0.5 * min(1.0, hits / max(1, n_main) / 0.3) - 0.25
    elif main:
        good += n_main
    base = (good + 0.25 * other_letters - 2 * bad) / n_foreign
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
    glued = len(_GLUED.findall(sample))
    return 0.5 * min(1.0, hits / total / 0.35) - 0.25 - 2 * (flips + glued) / max(1, words)


# a symbol stuck to the front of a lower-case word ("—оглашение", "¬ городе"): what capitals
# become when a code page puts symbols where the text's has capital letters (cp1251 read as Mac
# Cyrillic); hyphens, apostrophes, stops, commas, slashes and opening quotes or brackets are not
_GLUED = re.compile(r"[^\w\s\-‐'’.,:;/«„“‘(\[‹\"][а-яёіїєґўәғқңөұүһ]")
