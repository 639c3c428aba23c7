"""The genres users feed the extractor, each on a realistic snippet written for this test (no
text, name or fact of the development corpora): a legal-database page (a card, then the text),
a ratification law around a treaty, a final-clause excerpt, OCR'd text, a file holding one
instrument in two languages, news items. Each asserts what a researcher would record."""
from __future__ import annotations

from pathlib import Path

import pytest

from pskg.pipeline import process_file

CARD_PAGE = """Соглашение между Правительством Республики Армения и Правительством Республики Беларусь о сотрудничестве в области ветеринарии
Вид документа: Соглашение
Дата подписания: 14.05.2012
Дата вступления в силу: 01.09.2012
Дата опубликования: 20.10.2012
Статус: действует

СОГЛАШЕНИЕ
между Правительством Республики Армения и Правительством Республики Беларусь
о сотрудничестве в области ветеринарии

Правительство Республики Армения и Правительство Республики Беларусь, далее именуемые Сторонами,
согласились о нижеследующем:

Статья 1
Стороны обязуются обмениваться информацией о заразных болезнях животных.

Статья 2
Стороны будут сотрудничать в подготовке ветеринарных специалистов.
"""

RATIFICATION_LAW = """ЗАКОН РЕСПУБЛИКИ БЕЛАРУСЬ
О ратификации Соглашения между Республикой Беларусь и Республикой Молдова о сотрудничестве в области туризма

Закон Республики Беларусь от 12 мая 2010 года № 120-З

Статья 1. Ратифицировать Соглашение между Республикой Беларусь и Республикой Молдова о сотрудничестве в области туризма, подписанное в г. Кишиневе 3 декабря 2009 года.
Статья 2. Настоящий Закон вступает в силу после его официального опубликования.

Президент Республики Беларусь
А. ЛУКАШЕНКО

СОГЛАШЕНИЕ
между Республикой Беларусь и Республикой Молдова о сотрудничестве в области туризма

Республика Беларусь и Республика Молдова, именуемые в дальнейшем Сторонами, согласились о нижеследующем:

Статья 1
Стороны будут содействовать развитию туристических обменов.
"""

FINAL_CLAUSES = """Статья 9
Настоящее Соглашение вступает в силу с даты его подписания.

Совершено в городе Ташкенте 22 апреля 1994 года в одном подлинном экземпляре на русском языке. Подлинный экземпляр хранится в Исполнительном секретариате.

Примечания: Соглашение подписано Правительством Республики Узбекистан с оговоркой.
Правительство Республики Таджикистан подписало Соглашение без оговорок.
Соглашение не подписано Правительством Туркменистана.
"""

OCR_TEXT = """AGREE-
MENT between the Republic of Armenia and Georgia on
the promotion and reciprocal protection of invest-
ments

                                  - 1 -
The Republic of Armenia and Georgia, hereinafter the Contracting Parties, have agreed as follows:

Article 1
The Contracting Parties shall encourage investments by investors of the other Party.

Article 2
The Contracting Parties shall accord fair and equitable treatment to such investments.
                                  - 2 -
Done at Tbi-
lisi on 4 May 1995 in two originals.
"""

TWO_LANGUAGES = """PROTOCOL
between the Republic of Lithuania and Ukraine on cooperation in the field of archives

The Republic of Lithuania and Ukraine have agreed as follows:

Article 1
The Parties shall exchange copies of archival documents.

Article 2
The Parties will hold joint exhibitions.

Done at Kyiv on 9 November 2005.

ПРОТОКОЛ
між Литовською Республікою та Україною про співробітництво в галузі архівної справи

Литовська Республіка та Україна домовилися про таке:

Стаття 1
Сторони обмінюватимуться копіями архівних документів.

Стаття 2
Сторони проводитимуть спільні виставки.

Вчинено в м. Києві 9 листопада 2005 року.
"""

NEWS_TIMESTAMP = """17:42 / 03.06.2019
Foreign ministers of Azerbaijan and Uzbekistan met in Baku
The ministers discussed transport corridors and signed a memorandum on cooperation in tourism. The parties also agreed to hold the next round of consultations in Tashkent.
"""

NEWS_DATED = """ASTANA, 11 June 2019. On 10 June 2019 in Astana the Presidents of Kazakhstan and Kyrgyzstan signed the Agreement on the development of cross-border trade. The document provides for simplified customs procedures at four border crossings.
"""

# a Kazakh news item: the headline mentions a treaty in a clause (not a title); the text reports
# the signing, place and date of a protocol, named by a long title before its kind word
NEWS_HEADLINE_CLAUSE = """Сенат шекара туралы келісімді екінші оқылымда мақұлдады

Сенаторлар 2021 жылғы 15 наурызда Ақтөбе қаласында қол қойылған Қазақстан Республикасының Үкіметі мен Тәжікстан Республикасының Үкіметі арасындағы жүк тасымалын жеңілдету және шекара бекеттерінде бірлескен бақылау жүргізу туралы хаттаманы ратификациялау туралы заң жобасын мақұлдады.

Құжат ресми жарияланған күнінен бастап қолданысқа енгізіледі.
"""


@pytest.fixture
def extract(tmp_path: Path):
    def run(text: str, name: str = "doc.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return process_file(path)
    return run


def test_legal_database_card_gives_the_signature_date_only(extract):
    record = extract(CARD_PAGE)
    claim = record.instrument
    assert record.genre == "primary"
    assert claim.kind == "agreement"
    assert claim.date_signed == "2012-05-14"        # not entry into force, not publication
    assert set(claim.parties) == {"AM", "BY"}
    assert len(claim.obligations) == 2


def test_ratification_law_is_not_the_treaty(extract):
    record = extract(RATIFICATION_LAW)
    claim = record.instrument
    assert record.genre == "primary"
    assert claim.kind == "agreement"
    assert claim.date_signed == "2009-12-03"        # not the law's date
    assert claim.place == "chisinau"
    assert set(claim.parties) == {"BY", "MD"}
    assert not claim.signatures                     # the President signed the law, not the treaty


def test_final_clause_excerpt_names_place_date_and_the_states_that_signed(extract):
    claim = extract(FINAL_CLAUSES).instrument
    assert claim.kind == "agreement"
    assert claim.date_signed == "1994-04-22"
    assert claim.place == "tashkent"
    assert set(claim.parties) == {"UZ", "TJ"}       # the note says Turkmenistan did not sign


def test_ocr_text_with_broken_words_and_page_numbers(extract):
    claim = extract(OCR_TEXT).instrument
    assert claim.kind == "agreement"
    assert claim.date_signed == "1995-05-04"
    assert claim.place == "tbilisi"
    assert set(claim.parties) == {"AM", "GE"}
    assert [o.number for o in claim.obligations] == ["1", "2"]


def test_one_instrument_in_two_languages(extract):
    claim = extract(TWO_LANGUAGES).instrument
    assert claim.kind == "protocol"
    assert claim.date_signed == "2005-11-09"
    assert claim.place == "kyiv"
    assert set(claim.parties) == {"LT", "UA"}


def test_news_timestamp_is_not_a_signing_date(extract):
    claim = extract(NEWS_TIMESTAMP).instrument
    assert claim.date_signed is None                # the text gives no day of the signing


def test_news_dateline_is_not_the_signing_date_or_place(extract):
    record = extract(NEWS_DATED)
    claim = record.instrument
    assert record.genre == "secondary"
    assert claim.kind == "agreement"
    assert claim.date_signed == "2019-06-10"        # not the dateline's 11 June
    assert set(claim.parties) == {"KZ", "KG"}


def test_news_headline_clause_is_not_a_title_the_reported_signing_is(extract):
    """A head-final headline that goes on after its kind word is a sentence about an instrument,
    not its title; the instrument whose signing (date, place) the text reports, named by a title
    longer than the usual reach before its kind word, is the one the item is about."""
    record = extract(NEWS_HEADLINE_CLAUSE)
    claim = record.instrument
    assert record.genre == "secondary"
    assert claim.kind == "protocol"
    assert claim.date_signed == "2021-03-15"
    assert claim.place == "aktobe"
    assert set(claim.parties) == {"KZ", "TJ"}
