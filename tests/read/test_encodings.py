"""Legacy-encoded inputs: every case is read right or refused with one line naming the file, never
silently wrong (texts × code pages × 200 / 1,000 / 5,000 characters, from read_cases.py)."""
from __future__ import annotations

import pytest
from read_cases import encoding_cases, sized

from pskg.errors import InputError
from pskg.read import read_bytes
from pskg.read.decode import decode

CASES = encoding_cases()
ROMANIAN_COMMA = str.maketrans("şŞţŢ", "șȘțȚ")   # ISO-8859-16 and cp1250 Romanian: the same bytes


def _outcome(case_id: str, text: str, data: bytes) -> str:
    try:
        got, _ = decode(data, f"{case_id}.txt")
    except InputError as err:
        assert str(err).startswith(f"{case_id}.txt: cannot determine the text encoding"), str(err)
        return "refused"
    if got == text or got.translate(ROMANIAN_COMMA) == text.translate(ROMANIAN_COMMA):
        return "right"
    return "wrong"


@pytest.mark.parametrize("case_id, page, text, data", CASES, ids=[c[0] for c in CASES])
def test_never_silently_wrong(case_id, page, text, data):
    assert _outcome(case_id, text, data) in ("right", "refused")


def test_almost_every_case_is_read():
    outcomes = [_outcome(case_id, text, data) for case_id, _, text, data in CASES]
    assert len(CASES) >= 100
    assert outcomes.count("wrong") == 0
    assert outcomes.count("right") >= len(CASES) - 3, outcomes.count("refused")


@pytest.mark.parametrize("lang, page", [("en", "cp1252"), ("ru", "mac-cyrillic"), ("kk", "kz1048"),
                                        ("tg", "koi8-t"), ("uk", "koi8-u"), ("lv", "iso-8859-4")])
def test_the_code_pages_a_simple_scorer_confuses(lang, page):
    """English with curly quotes, Mac Cyrillic and Kazakh used to come out as cp1251."""
    from read_cases import TEXTS

    text = sized(TEXTS[lang], 1000)
    assert decode(text.encode(page), "a.txt") == (text, page)


def test_two_close_code_pages_are_refused_naming_both():
    from read_cases import TEXTS

    data = sized(TEXTS["cs"], 5000).encode("iso-8859-2")    # reads as Czech in cp1250 too, nearly
    with pytest.raises(InputError, match=r"^dohoda\.txt: cannot determine the text encoding: "
                                         r"\S+ and \S+ are equally plausible"):
        read_bytes(data, "dohoda.txt")


def test_a_plausible_declared_charset_decides_and_a_wrong_one_is_ignored():
    from read_cases import TEXTS

    body = sized(TEXTS["cs"], 1000)
    page = f'<html><head><meta charset="iso-8859-2"></head><body><p>{body}</p></body></html>'
    assert decode(page.encode("iso-8859-2"), "a.html") == (page, "iso-8859-2")
    russian = sized(TEXTS["ru"], 1000)
    lying = f'<html><head><meta charset="windows-1251"></head><body><p>{russian}</p></body></html>'
    assert decode(lying.encode("koi8-r"), "b.html") == (lying, "koi8-r")


# short news items in Russian, cp1251: read as Mac Cyrillic, their capitals turn into symbols
# stuck to lower-case words ("—тороны", "¬ городе"), which looked nearly as natural and made
# chardet's two guesses too close to call
NEWS_CP1251 = [
    "В городе Минске подписан документ «Соглашение о сотрудничестве в области связи»\n\n"
    "5 мая 2004 г. в городе Минске Министр связи Беларуси и Министр связи Армении подписали "
    "документ «Соглашение о сотрудничестве в области связи».\n\nСогласно документу, стороны "
    "будут взаимодействовать в развитии сетей связи и почтовой службы. Стороны также обсудили "
    "вопросы подготовки кадров.\n\n(ТАСС)\n",
    "В Душанбе подписан документ «Протокол о внесении изменений в Соглашение о торговле»\n\n"
    "2 октября 2015 г. в Душанбе Министр торговли Таджикистана и Министр экономики Узбекистана "
    "подписали документ «Протокол о внесении изменений в Соглашение о торговле».\n\nСогласно "
    "документу, стороны снижают пошлины на сельскохозяйственную продукцию. Стороны также "
    "обсудили вопросы транзита.\n\n(Азия-Плюс)\n",
]


@pytest.mark.parametrize("text", NEWS_CP1251)
def test_capitals_turned_into_symbols_give_the_mac_page_away(text):
    assert decode(text.encode("cp1251"), "news.txt") == (text, "cp1251")
