"""The boilerplate rows' needles (plain text every match of a row holds) only ever skip a
scan that would have found nothing."""
from __future__ import annotations

import random
import re

from pskg.knowledge.lexicon import table
from pskg.paths import DATA_DIR
from pskg.read import boilerplate as bp


def test_needles_of_the_common_constructs():
    got = bp._needles(r"\b(?:this site|our page) uses? cookies\b", re.M)
    assert frozenset({" cookies"}) in got and frozenset({"this site", "our page"}) in got
    assert bp._needles(r"(?:abc)+x{0,3}", re.M) == (frozenset({"abc"}),)
    assert bp._needles(r"x{0,3}(?:abc)?", re.M) is None          # nothing is required
    assert bp._needles(r"(?i:abc)", re.M) is None                 # case ignored inside
    assert bp._needles(r"abcdef", re.M | re.I) is None
    assert bp._needles(r"ab|cd", re.M) is None                    # too short to be worth it


def test_a_text_a_row_matches_always_holds_its_needles():
    rows = [(r["kind"], r["pattern"]) for r in table("boilerplate")]
    words = sorted({w for _, p in rows for w in re.findall(r"[^\W\d_]+", p)})
    pieces = words + [" ", " ", "\n", ": ", "12", "."]
    rng = random.Random(3)
    checked = matched = 0
    for kind, pattern in rows:
        if kind == "line" and pattern.startswith(".*") and pattern.endswith(".*"):
            pattern = pattern[2:-2]
        needles = bp._needles(pattern, re.M)
        if needles is None:
            continue
        compiled = re.compile(pattern, re.M)
        own = re.findall(r"[^\W\d_]+", pattern)
        for _ in range(300):
            text = "".join(rng.choice(own if rng.random() < 0.6 else pieces) +
                           rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randrange(1, 9)))
            text = text.lower()
            checked += 1
            if compiled.search(text):
                matched += 1
                assert bp._may_match(text, (needles,)), (pattern, text)
    assert checked > 1000 and matched > 50


def test_find_boilerplate_is_the_same_with_and_without_needles(monkeypatch):
    text = ("Treaty text\nThis website uses cookies to help.\nArticle 1\nWe use cookies\n"
            "Сайт использует файлы cookie\nfolosim cookie-uri aici\n")
    # every kind of row: the bundled documents, and texts made of the rows' own words (lines,
    # headings, upper and lower case), so a wrong needle of any row would show
    rows = [r["pattern"] for r in table("boilerplate")]
    words = sorted({w for p in rows for w in re.findall(r"[^\W\d_]+", p)})
    rng = random.Random(5)
    texts = [text, "Article 1. Nothing here.\n"]
    texts += [path.read_text(encoding="utf-8", errors="replace")
              for path in sorted((DATA_DIR / "corpus").glob("*.txt"))]
    for _ in range(2000):
        lines = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 7)))
                 for _ in range(rng.randrange(1, 6))]
        made = "\n".join(rng.choice([line, line.upper(), line.capitalize()]) for line in lines)
        texts.append(made + rng.choice(["", "\n", ".\n"]))
    for pattern in rows:                         # and from each row's words alone
        own = re.findall(r"[^\W\d_]+", pattern) or words
        texts += [" ".join(rng.choice(own) for _ in range(rng.randrange(1, 6))) + "\n"
                  for _ in range(60)]
    with_needles = [bp.find_boilerplate(t) for t in texts]
    assert with_needles[0]                       # the cookie notices are found
    assert sum(map(bool, with_needles[4:])) > 100   # and many made texts hold boilerplate
    plain = {lowered: tuple((kind, pattern, None) for kind, pattern, _ in bp._patterns(lowered))
             for lowered in (True, False)}
    monkeypatch.setattr(bp, "_patterns", lambda lowered=False: plain[lowered])
    assert [bp.find_boilerplate(t) for t in texts] == with_needles
    assert with_needles[1] == []
