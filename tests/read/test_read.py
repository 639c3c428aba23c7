"""The read stage: bytes in any encoding and format → a normalised Text with its language."""
from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from read_cases import minimal_pdf as _pdf

from pskg.errors import InputError
from pskg.read import read, read_bytes
from pskg.read.langid import detect
from pskg.read.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]

RU = (
    "Статья 1\n"
    "Российская Федерация и Республика Таджикистан, далее именуемые Сторонами, подтверждают\n"
    "своё стремление развивать отношения дружбы, союзничества и всестороннего сотрудничества.\n"
    "Стороны обязуются не участвовать в союзах и блоках, направленных против другой Стороны,\n"
    "и не допускать использования своей территории в ущерб безопасности друг друга.\n"
)


# --- encodings ---------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, data", [
    ("utf-8", RU.encode("utf-8")),
    ("utf-8-sig", RU.encode("utf-8-sig")),
    ("utf-16", b"\xff\xfe" + RU.encode("utf-16-le")),
    ("utf-16", b"\xfe\xff" + RU.encode("utf-16-be")),
    ("utf-16-le", RU.encode("utf-16-le")),          # no byte-order mark: found by its NUL bytes
    ("cp1251", RU.encode("cp1251")),
    ("koi8-r", RU.encode("koi8-r")),
    ("cp866", RU.encode("cp866")),
])
def test_russian_in_every_encoding_reads_the_same(encoding, data):
    text = read_bytes(data, f"treaty.{encoding}.txt")
    assert text.text == RU
    assert text.encoding == encoding
    assert text.language == "ru" and text.script == "Cyrl"
    assert text.sha256 == hashlib.sha256(RU.encode("utf-8")).hexdigest()


def test_koi8_all_capitals_is_not_taken_for_cp1251():
    title = "ДОГОВОР О ДРУЖБЕ, СОТРУДНИЧЕСТВЕ И ВЗАИМНОЙ ПОМОЩИ МЕЖДУ ДВУМЯ ГОСУДАРСТВАМИ\n"
    assert read_bytes(title.encode("koi8-r"), "caps.txt").encoding == "koi8-r"
    assert read_bytes(title.encode("cp1251"), "caps.txt").encoding == "cp1251"


def test_chinese_gb18030_and_big5():
    hans = "中华人民共和国和俄罗斯联邦签署了睦邻友好合作条约。双方将在平等互利的基础上发展经济、贸易和文化领域的合作。\n"
    hant = "中華人民共和國和俄羅斯聯邦簽署了睦鄰友好合作條約。雙方將在平等互利的基礎上發展經濟、貿易和文化領域的合作。\n"
    simplified = read_bytes(hans.encode("gb18030"), "a.txt")
    traditional = read_bytes(hant.encode("big5"), "b.txt")
    assert (simplified.text, simplified.encoding, simplified.language, simplified.script) == \
        (hans, "gb18030", "zh", "Hans")
    assert (traditional.text, traditional.encoding, traditional.language, traditional.script) == \
        (hant, "big5", "zh", "Hant")


def test_ukrainian_cp1251():
    uk = ("Стаття 2\nУкраїна та Республіка Молдова, що надалі іменуються Сторонами, розвиватимуть "
          "співробітництво в галузі освіти; їхні відносини ґрунтуються на взаємній повазі.\n")
    text = read_bytes(uk.encode("cp1251"), "uk.txt")
    assert (text.text, text.encoding, text.language) == (uk, "cp1251", "uk")


def test_latin_code_pages():
    ro = "Articolul 1. Părţile vor dezvolta relaţii de prietenie şi cooperare în domeniul economic.\n"
    fr = "Article premier. Les Parties développeront la coopération économique à l'égard des intérêts communs.\n"
    assert read_bytes(ro.encode("cp1250"), "ro.txt").encoding == "cp1250"
    assert read_bytes(fr.encode("cp1252"), "fr.txt").encoding == "cp1252"


def test_garbage_is_an_input_error_naming_the_file():
    rng = random.Random(7)
    garbage = bytes(rng.randrange(128, 256) if rng.random() < 0.7 else 32 for _ in range(2000))
    with pytest.raises(InputError, match=r"^noise\.txt: cannot determine the text encoding"):
        read_bytes(garbage, "noise.txt")
    with pytest.raises(InputError, match=r"^binary\.dat: .*NUL"):
        read_bytes(b"".join(rng.randrange(1 << 20).to_bytes(4, "little") for _ in range(300)), "binary.dat")
    with pytest.raises(InputError, match="empty"):
        read_bytes(b"  \n", "empty.txt")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="nope.txt"):
        read(tmp_path / "nope.txt")


# --- formats -----------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><meta charset="windows-1251"><title>Договор о дружбе &amp; сотрудничестве</title>
<style>body { color: red }</style><script>var tracker = "Статья 99";</script></head>
<body>
<header><a href="/">Главная</a> <a href="/news">Новости</a></header>
<nav><ul><li>Меню раздела</li><li>Архив</li></ul></nav>
<div class="breadcrumb">Главная / Документы</div>
<main>
<h1>Договор о дружбе</h1>
<p>Российская Федерация и Республика Армения, далее&nbsp;именуемые Сторонами,
договорились о нижеследующем:</p>
<p>Статья 1<br>Стороны развивают отношения дружбы и сотрудничества.</p>
<table><tr><td>Дата</td><td>29 августа 1997 года</td></tr></table>
</main>
<div id="cookie-banner">Этот сайт использует файлы cookie.</div>
<footer>© Редакция, все права защищены</footer>
</body></html>"""


def test_html_keeps_the_text_and_title_and_drops_the_furniture():
    text = read_bytes(HTML.encode("cp1251"), "page.html", source="https://example.org/doc")
    assert text.encoding == "cp1251" and text.media_type == "text/html"
    assert text.title == "Договор о дружбе & сотрудничестве"
    assert text.source == "https://example.org/doc"
    for gone in ("tracker", "color: red", "Главная", "Меню раздела", "cookie", "Редакция", "Статья 99"):
        assert gone not in text.text
    assert "Российская Федерация и Республика Армения, далее именуемые Сторонами," in text.text
    assert "договорились о нижеследующем:\n\nСтатья 1\nСтороны развивают" in text.text
    assert "Дата\t29 августа 1997 года" in text.text
    assert text.language == "ru"


def test_pdf_text_layer(tmp_path):
    path = tmp_path / "agreement.pdf"
    path.write_bytes(_pdf(b"BT /F1 12 Tf 72 720 Td (Article 1) Tj 0 -16 Td "
                          b"(The Parties shall develop cooperation in the field of trade.) Tj "
                          b"0 -16 Td (Done at Minsk in two copies.) Tj ET"))
    text = read(path)
    assert text.media_type == "application/pdf"
    assert "The Parties shall develop cooperation in the field of trade." in text.text
    assert "Done at Minsk" in text.text
    assert text.language == "en" and text.script == "Latn"


def test_pdf_without_text_layer_says_run_ocr():
    scan = _pdf(b"0.5 g 72 72 468 648 re f")      # a grey rectangle, no text
    with pytest.raises(InputError, match=r"^scan\.pdf: .*no text layer.*run OCR first"):
        read_bytes(scan, "scan.pdf")


def test_markdown_and_entities_are_plain_text():
    text = read_bytes("## Article 1\nThe &#34;Parties&#34; &amp; the &quot;Mission&quot;\r\n".encode(), "a.md")
    assert text.media_type == "text/markdown"
    assert text.text == '## Article 1\nThe "Parties" & the "Mission"\n'


# --- normalisation -----------------------------------------------------------------------

def test_spaces_soft_hyphens_line_endings_nfc():
    raw = "Respublikasi\u00a0va\u2009Qozog\u02bbiston\r\nmuno\u00adsabatlar\rE\u0301\n"
    assert normalize(raw) == "Respublikasi va Qozogʻiston\nmunosabatlar\nÉ\n"


def test_hyphenation_repair_georgian_and_kazakh():
    ka = "ხელშეკრულება ძალაში შედის რატიფი-\n\nკაციის სიგელების გაცვლის დღიდან.\n"
    kk = "Тараптар екі ел арасындағы ынтымақтас-\nтықты дамытуға міндеттенеді.\n"
    assert "რატიფიკაციის" in normalize(ka)
    assert "ынтымақтастықты" in normalize(kk)


def test_hyphen_of_a_real_compound_is_kept():
    assert "Алма-Ата" in normalize("Декларация подписана в городе Алма-\nАта 21 декабря 1991 года.\n")
    kk = "Тараптар күш-жігерін біріктіреді.\nОлар бейбітшілік үшін күш-\nжігер жұмсайды.\n"
    assert "үшін күш-жігер\nжұмсайды" in normalize(kk)       # the line break moves after the word


def test_pdf_double_spacing_collapsed():
    raw = "".join(f"line number {n} of the text\n\n" for n in range(10)) + "\n\nlast paragraph\n"
    out = normalize(raw)
    assert out.startswith("line number 0 of the text\nline number 1 of the text\n")
    assert "of the text\n\nlast paragraph\n" in out


# --- language ----------------------------------------------------------------------------

SNIPPETS = {
    ("ru", "Cyrl"): "Российская Федерация и Республика Казахстан подтверждают, что будут развивать "
                    "сотрудничество в области экономики. Стороны не допускают использования своей "
                    "территории для действий, направленных против другой Стороны.",
    ("uk", "Cyrl"): "Україна та Республіка Польща домовилися про розширення співпраці в галузі "
                    "енергетики. Сторони зобов'язуються не вживати дій, що завдають шкоди безпеці "
                    "іншої Сторони, і регулярно проводять консультації.",
    ("be", "Cyrl"): "Рэспубліка Беларусь і Расійская Федэрацыя падпісалі дагавор аб супрацоўніцтве ў "
                    "галіне адукацыі. Бакі будуць садзейнічаць абмену студэнтамі і выкладчыкамі "
                    "паміж універсітэтамі дзвюх дзяржаў.",
    ("kk", "Cyrl"): "Қазақстан Республикасы мен Қырғыз Республикасы арасындағы мемлекеттік шекара "
                    "туралы шарт бүгін күшіне енді. Тараптар өзара сауда және көлік байланыстарын "
                    "дамытуға уағдаласты.",
    ("ky", "Cyrl"): "Кыргыз Республикасы менен Өзбекстан Республикасы мамлекеттик чек ара жөнүндө "
                    "келишимге кол коюшту. Тараптар соода жана транспорт боюнча кызматташтыкты "
                    "өнүктүрүүгө макул болушту.",
    ("uz", "Latn"): "Oʻzbekiston Respublikasi va Qozogʻiston Respublikasi oʻrtasida chegara "
                    "toʻgʻrisidagi shartnoma imzolandi. Tomonlar savdo va transport sohasidagi "
                    "hamkorlikni rivojlantirish bilan bogʻliq masalalarni muhokama qildi.",
    ("uz", "Cyrl"): "Ўзбекистон Республикаси ва Тожикистон Республикаси ўртасида ҳамкорлик "
                    "тўғрисидаги битим имзоланди. Томонлар савдо ва транспорт соҳасидаги алоқаларни "
                    "ривожлантириш билан боғлиқ масалаларни муҳокама қилди.",
    ("tg", "Cyrl"): "Ҷумҳурии Тоҷикистон ва Ҷумҳурии Қирғизистон дар бораи сарҳади давлатӣ шартнома "
                    "имзо карданд. Тарафҳо барои рушди ҳамкориҳои иқтисодӣ ва фарҳангӣ бо ҳам "
                    "мувофиқа намуданд.",
    ("tk", "Latn"): "Türkmenistan we Özbegistan Respublikasy serhet hakyndaky şertnama gol çekdiler. "
                    "Taraplar söwda we ulag ulgamynda hyzmatdaşlygy ösdürmek barada ylalaşdylar.",
    ("az", "Latn"): "Azərbaycan Respublikası və Gürcüstan arasında dostluq və əməkdaşlıq haqqında "
                    "müqavilə imzalanıb. Tərəflər iqtisadi və humanitar sahələrdə əlaqələri inkişaf "
                    "etdirməyə razılaşıblar.",
    ("hy", "Armn"): "Հայաստանի Հանրապետությունը և Ռուսաստանի Դաշնությունը ստորագրեցին բարեկամության "
                    "և համագործակցության պայմանագիր։ Կողմերը պարտավորվում են զարգացնել տնտեսական "
                    "կապերը։",
    ("ka", "Geor"): "საქართველომ და აზერბაიჯანმა ხელი მოაწერეს შეთანხმებას ეკონომიკური "
                    "თანამშრომლობის შესახებ. მხარეები ვალდებულებას იღებენ განავითარონ სავაჭრო "
                    "ურთიერთობები.",
    ("ro", "Latn"): "Republica Moldova și România au semnat un acord de cooperare în domeniul "
                    "energetic. Părțile se angajează să dezvolte relațiile comerciale și să sprijine "
                    "proiectele comune de infrastructură.",
    ("en", "Latn"): "The Parties shall develop cooperation in the field of trade and investment. Each "
                    "Party shall inform the other of any measures that may affect the implementation "
                    "of this Agreement.",
    ("zh", "Hans"): "中华人民共和国和俄罗斯联邦签署了睦邻友好合作条约。双方将在平等互利的基础上"
                    "发展经济、贸易和文化领域的合作。",
    ("zh", "Hant"): "中華人民共和國和俄羅斯聯邦簽署了睦鄰友好合作條約。雙方將在平等互利的基礎上"
                    "發展經濟、貿易和文化領域的合作。",
    ("de", "Latn"): "Die Bundesrepublik Deutschland und die Republik Kasachstan haben ein Abkommen über "
                    "die wirtschaftliche Zusammenarbeit geschlossen. Die Vertragsparteien werden den "
                    "Handel zwischen beiden Staaten fördern.",
    ("fr", "Latn"): "La République française et la République d'Arménie ont signé un accord de "
                    "coopération culturelle. Les Parties s'engagent à favoriser les échanges entre les "
                    "universités et les musées des deux pays.",
    ("nl", "Latn"): "Het Koninkrijk der Nederlanden en Oekraïne hebben een verdrag inzake culturele "
                    "samenwerking gesloten. De Partijen bevorderen de uitwisseling van studenten en "
                    "docenten tussen de universiteiten van beide landen.",
}


@pytest.mark.parametrize("expected, snippet", list(SNIPPETS.items()), ids=lambda v: "-".join(v)
                         if isinstance(v, tuple) else None)
def test_language_of_a_snippet(expected, snippet):
    assert detect(snippet) == expected
    assert (read_bytes(snippet.encode("utf-8"), "x.txt").language,
            read_bytes(snippet.encode("utf-8"), "x.txt").script) == expected


def test_language_is_never_taken_from_the_file_name_and_can_be_forced():
    snippet = SNIPPETS[("kk", "Cyrl")].encode()
    assert read_bytes(snippet, "document.ru.txt").language == "kk"
    forced = read_bytes(snippet, "document.txt", lang="ky")
    assert (forced.language, forced.script) == ("ky", "Cyrl")


def test_boilerplate_is_marked_not_deleted():
    page = ("Skip to content\nThe Parties shall develop cooperation in the field of trade and investment, "
            "and shall consult each other regularly on matters of common interest.\n"
            "Each Party shall inform the other of any measures that affect this Agreement.\n"
            "== See also ==\n- Other agreements\n- Treaty list\n")
    text = read_bytes(page.encode(), "page.txt")
    marked = [text.text[s:e] for s, e in text.boilerplate]
    assert marked[0] == "Skip to content"
    assert marked[-1].startswith("== See also ==") and marked[-1].endswith("Treaty list\n")
    assert text.text.startswith("Skip to content\n")


# --- the bundled corpus ------------------------------------------------------------------

def _corpus() -> Path:
    for folder in (ROOT / "data" / "corpus", ROOT.parent / "shared" / "corpus" / "seeds",
                   Path("/work/shared/corpus/seeds")):
        if (folder / "000_d1fe126822aa21fe.txt").exists():
            return folder
    pytest.skip("bundled corpus not found")


@pytest.mark.parametrize("name, language, script", [
    ("000_d1fe126822aa21fe.txt", "ka", "Geor"),
    ("001_1cb44d360a641795.txt", "zh", "Hant"),    # mixed; traditional dominates its own text
    ("002_908f6d12311fabf0.txt", "en", "Latn"),
    ("003_1f89d4818b46517d.txt", "kk", "Cyrl"),
    ("004_d46ed51089153c0c.txt", "zh", "Hans"),
])
def test_bundled_corpus(name, language, script):
    text = read(_corpus() / name)
    assert (text.language, text.script, text.encoding) == (language, script, "utf-8")
    assert text.sha256 == hashlib.sha256(text.text.encode("utf-8")).hexdigest()


def test_bundled_corpus_repairs():
    folder = _corpus()
    georgian = read(folder / "000_d1fe126822aa21fe.txt").text
    assert "ყაზახეთი" in georgian and "ყა-" not in georgian
    assert georgian.count("\n\n") < 5                  # the blank line after every line is gone
    kazakh = read(folder / "003_1f89d4818b46517d.txt").text
    assert "күш-жігері" in kazakh                        # written with its hyphen elsewhere
    chinese = read(folder / "001_1cb44d360a641795.txt")
    marked = "".join(chinese.text[s:e] for s, e in chinese.boilerplate)
    assert "[编辑]" in marked and "查\n论\n编" in marked
    assert "阿拉木圖宣言" not in marked
    letter = read(folder / "004_d46ed51089153c0c.txt").text
    assert "俄罗斯联邦和塔吉克斯坦之间关于二十一世纪结盟合作的条约" in letter   # a PDF line break inside


def test_utf8_cut_inside_the_last_character_and_stray_nul():
    data = RU.encode("utf-8") + "Стат".encode("utf-8")[:-1]
    assert read_bytes(data, "cut.txt").text.endswith("Ста\n")
    with_nul = RU.encode("utf-8").replace(" ".encode(), b" \x00", 1)
    assert read_bytes(with_nul, "nul.txt").text == RU


def test_docx():
    import io
    import zipfile

    body = ('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            '<w:p><w:r><w:t>Статья 1</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Стороны '
            '</w:t></w:r><w:r><w:t>развивают сотрудничество.</w:t></w:r></w:p></w:body></w:document>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", body)
    text = read_bytes(buffer.getvalue(), "agreement.docx")
    assert text.text == "Статья 1\nСтороны развивают сотрудничество.\n"
    assert text.media_type.endswith("wordprocessingml.document")
