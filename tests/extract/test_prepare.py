"""A text cut for matching: its words' places and folded forms are those of `\\w+` matches,
each folded alone, whatever the characters (case folding that grows a word, letters that fold
to another script's letters, combining marks, Han characters, underscores, NULs)."""
from __future__ import annotations

import random

from pskg.extract.match import TOKEN, _prepare, fold, is_han


def _expected(text: str):
    """The cut as it was made before (commit 5797ea5): match objects, slices of the folded text."""
    folded = fold(text)
    spans = [m.span() for m in TOKEN.finditer(text) if not is_han(text[m.start()])]
    if len(folded) == len(text):
        forms = [folded[s:e] for s, e in spans]
    else:
        forms = [fold(text[s:e]) for s, e in spans]
    return [s for s, _ in spans], [e for _, e in spans], forms


def test_the_cut_is_that_of_the_word_matches_folded_one_by_one():
    alphabet = ("aZß İıIёЁ’'ͅΣσς ﬁ_\x00 \n\t-.,1٣ǰ" "Договор" "ქართ" "条约·ლ ")
    rng = random.Random(11)
    texts = ["", " ", "a", "ß", "Straße İstanbul", "x\x00y", "条约 Договор"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60)))
              for _ in range(3000)]
    for text in texts:
        got = _prepare(text)
        starts, ends, forms = _expected(text)
        assert (got.starts, got.ends, got.forms) == (starts, ends, forms), repr(text)
        assert got.places == {f: [i for i, g in enumerate(forms) if g == f] for f in forms}
        assert got.distinct == set(forms)
