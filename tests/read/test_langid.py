"""Language per block: py3langid (its model inside its wheel) restricted to the region's
languages, behind the script shortcut and the document vote."""
from __future__ import annotations

import socket

import pytest
from read_cases import SNIPPETS, TEXTS, snippet_cases

from pskg.read import langid, read_bytes

CASES = snippet_cases()


@pytest.mark.parametrize("case_id, expected, snippet", CASES, ids=[c[0] for c in CASES])
def test_one_sentence(case_id, expected, snippet):
    assert langid.detect(snippet) == expected


def test_the_model_ships_in_the_wheel_and_loads_without_network(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the language model tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    langid._model.cache_clear()
    langid._identifier.cache_clear()
    assert langid.detect(SNIPPETS[("uz", "Cyrl")][1]) == ("uz", "Cyrl")


def test_a_language_the_model_lacks_is_found_by_the_table_features(monkeypatch):
    """As if the model did not know Turkmen: the table's features still name it."""
    latin = sorted(set(langid._features()["Latn"]) - {"tk"})
    model = langid._model()
    restricted = __import__("copy").copy(model)
    restricted.set_languages(latin)
    real = langid._identifier
    monkeypatch.setattr(langid, "_identifier",
                        lambda script: (restricted, frozenset({"tk"})) if script == "Latn" else real(script))
    assert langid.detect(SNIPPETS[("tk", "Latn")][0]) == ("tk", "Latn")
    assert langid.detect(SNIPPETS[("az", "Latn")][0]) == ("az", "Latn")


def test_a_block_goes_with_its_longer_language():
    block = (SNIPPETS[("ro", "Latn")][0] + "\n" + " ".join(SNIPPETS[("en", "Latn")]))
    assert langid.block_language(block) == "en"


def test_a_translated_title_above_the_original_does_not_make_the_document_its_language():
    """Romanian title, English title, the English text, then its Romanian translation (a little
    longer, as translations are): the English original, whose blocks come first, wins."""
    english = "\n".join(TEXTS["en"].split(". ")) + "\n"
    romanian = "\n".join(TEXTS["ro"].split(". ")) + "\n"
    doc = ("Acord privind cooperarea în domeniul educației între cele două state\n"
           "Agreement on cooperation in the field of education between the two States\n\n"
           + english * 3 + "\n" + romanian * 3)
    text = read_bytes(doc.encode(), "bilingual.txt")
    assert (text.language, text.script) == ("en", "Latn")


def test_the_word_walk_counts_what_py3langid_s_own_walk_counts():
    """`walk_words` (the automaton walked a word at a time, remembered) gives py3langid's
    `visit_counts`, key for key and in the same order, on mixed-script random texts, twice
    (the second time from what it remembered)."""
    import random

    from py3langid.langid import visit_counts

    model = langid._model()
    if getattr(model, "_walked", None) is None:
        pytest.skip("the installed py3langid walks on its own")
    tables = (model.tk_nextmove, model._rowbase, model.tk_output)
    rng = random.Random(7)
    alphabet = "abcdeéз жщйкლოგ ე 条约 ,.-'1 \n  "
    walked: dict = {}
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        data = text.encode("utf-8")
        expected = visit_counts(*tables, data)
        for _ in range(2):
            got = langid.walk_words(*tables, data, walked)
            assert (got is None) == (expected is None)
            if expected is not None:
                assert list(got.items()) == list(expected.items())


def test_the_document_script_from_its_blocks_counts_is_that_of_the_joined_blocks():
    blocks = ["Договор о дружбе\nмежду", "Treaty of friendship", "", "条约 и 1991", "ქართული"]
    for k in range(len(blocks) + 1):
        assert langid._blocks_script(blocks[:k]) == langid.text_script("\n".join(blocks[:k]))
