"""Realistic test inputs for the read stage, written for these tests (treaty-like prose in the
region's languages; no sentence comes from a real document): legacy-encoded texts, language
snippets, a legal-database HTML page. Also used by bench/read_quality.py.
"""
from __future__ import annotations

# --- legacy encodings: (language, text, code pages it is written in) ----------------------------

TEXTS = {
    "ru": "Статья 3. Высокие Договаривающиеся Стороны будут содействовать расширению торговли, научного "
          "обмена и туристических поездок граждан. Споры о толковании настоящего Соглашения разрешаются "
          "путём консультаций и переговоров. Каждая из Сторон уведомляет другую о выполнении "
          "внутригосударственных процедур, необходимых для его вступления в силу. Соглашение заключено на "
          "пять лет и автоматически продлевается на последующие пятилетние периоды, если ни одна из Сторон "
          "не заявит о своём намерении прекратить его действие. Совершено в двух экземплярах, каждый на "
          "русском и английском языках, причём оба текста имеют одинаковую силу.",
    "ru-caps": "ДОГОВОР О ДРУЖБЕ, СОТРУДНИЧЕСТВЕ И ВЗАИМНОЙ ПОМОЩИ МЕЖДУ ДВУМЯ ГОСУДАРСТВАМИ. ПРОТОКОЛ "
               "О ПОРЯДКЕ ПЕРЕДАЧИ УЧАСТКОВ ГОСУДАРСТВЕННОЙ ГРАНИЦЫ. СОГЛАШЕНИЕ О ВЗАИМНОМ ПРИЗНАНИИ "
               "ДОКУМЕНТОВ ОБ ОБРАЗОВАНИИ И УЧЁНЫХ СТЕПЕНЯХ. МЕМОРАНДУМ О СОТРУДНИЧЕСТВЕ В ОБЛАСТИ "
               "ТАМОЖЕННОГО ДЕЛА И БОРЬБЫ С КОНТРАБАНДОЙ.",
    "uk": "Стаття 4. Договірні Сторони сприятимуть розвитку прямих зв'язків між підприємствами, установами "
          "та організаціями обох держав. Сторони щорічно погоджують програму культурних обмінів і заходів у "
          "галузі освіти. Ґрунтуючись на принципах рівноправності та взаємної вигоди, вони підтримують "
          "спільні наукові дослідження. Ця Угода набирає чинності з дати отримання останнього письмового "
          "повідомлення про виконання внутрішньодержавних процедур. Вчинено у двох примірниках українською "
          "та англійською мовами, причому обидва тексти є автентичними.",
    "be": "Артыкул 2. Бакі будуць развіваць супрацоўніцтва ў галіне сельскай гаспадаркі, аховы здароўя і "
          "навукі. Кожны з Бакоў забяспечвае грамадзянам другога Боку роўныя ўмовы доступу да адукацыі. "
          "Спрэчкі адносна тлумачэння гэтага Пагаднення вырашаюцца шляхам перамоў. Пагадненне ўступае ў "
          "сілу з дня атрымання апошняга пісьмовага паведамлення. Здзейснена ў двух экземплярах на "
          "беларускай і англійскай мовах.",
    "kk": "Бап 5. Тараптар сауда, инвестиция және көлік салаларындағы ынтымақтастықты дамытуға "
          "міндеттенеді. Әрбір Тарап екінші Тараптың азаматтарына білім алу және медициналық көмек көрсету "
          "кезінде тең құқықтар береді. Тараптардың ұйымдары бірлескен жобаларды жүзеге асырады. Осы "
          "Келісімді түсіндіру бойынша даулар келіссөздер арқылы шешіледі. Келісім соңғы жазбаша хабарлама "
          "алынған күннен бастап күшіне енеді. Екі данада, әрқайсысы қазақ және орыс тілдерінде жасалды, "
          "екі мәтіннің де күші бірдей.",
    "tg": "Моддаи 6. Тарафҳо ҳамкориро дар соҳаи маориф, тандурустӣ ва фарҳанг тавсеа медиҳанд. Ҳар як "
          "Тараф ба шаҳрвандони Тарафи дигар барои гирифтани таҳсилот шароити баробар фароҳам меоварад. "
          "Баҳсҳо оид ба тафсири ин Созишнома бо роҳи гуфтушунид ҳал карда мешаванд. Созишнома аз рӯзи "
          "гирифтани охирин огоҳиномаи хаттӣ эътибор пайдо мекунад. Дар ду нусха, ҳар кадом ба забонҳои "
          "тоҷикӣ ва русӣ, имзо шуд.",
    "en": "Article 7. The Contracting Parties (hereinafter “the Parties”) shall encourage direct contacts "
          "between their ministries — including the exchange of experts — and shall inform each other of "
          "any change in their national legislation. Each Party’s competent authority shall answer a "
          "request within thirty days. Nothing in this Agreement shall affect the rights and obligations "
          "of either Party under other international treaties. Done in two originals, each in the English "
          "and Russian languages, both texts being equally authentic.",
    "de": "Artikel 8. Die Vertragsparteien fördern die Zusammenarbeit zwischen Hochschulen, "
          "Forschungseinrichtungen und Stiftungen beider Staaten. Streitigkeiten über die Auslegung dieses "
          "Abkommens werden durch Verhandlungen beigelegt. Jede Vertragspartei gewährt den "
          "Staatsangehörigen der anderen Vertragspartei gleichen Zugang zu Stipendien. Das Abkommen tritt "
          "am ersten Tag des Monats in Kraft, der auf den Eingang der letzten Notifikation folgt. Geschehen "
          "in zwei Urschriften, jede in deutscher und russischer Sprache, wobei jeder Wortlaut "
          "gleichermaßen verbindlich ist.",
    "fr": "Article 9. Les Parties contractantes encouragent la coopération entre leurs établissements "
          "d’enseignement supérieur et leurs instituts de recherche. Chaque Partie accorde aux "
          "ressortissants de l’autre Partie un accès égal aux bourses d’études. Les différends relatifs à "
          "l’interprétation du présent Accord sont réglés par voie de négociations. L’Accord entre en "
          "vigueur le premier jour du mois suivant la réception de la dernière notification. Fait en deux "
          "exemplaires originaux, en langues française et russe, les deux textes faisant également foi.",
    "ro-cedilla": "Articolul 10. Părţile contractante vor încuraja cooperarea dintre instituţiile de "
          "învăţământ superior şi institutele de cercetare. Fiecare Parte acordă cetăţenilor celeilalte "
          "Părţi acces egal la burse de studii. Diferendele privind interpretarea prezentului Acord se "
          "soluţionează prin negocieri. Acordul intră în vigoare la data primirii ultimei notificări. "
          "Încheiat în două exemplare originale, fiecare în limbile română şi rusă, ambele texte fiind "
          "egal autentice.",
    "ro": "Articolul 10. Părțile contractante vor încuraja cooperarea dintre instituțiile de învățământ "
          "superior și institutele de cercetare. Fiecare Parte acordă cetățenilor celeilalte Părți acces "
          "egal la burse de studii. Diferendele privind interpretarea prezentului Acord se soluționează "
          "prin negocieri. Acordul intră în vigoare la data primirii ultimei notificări. Încheiat în două "
          "exemplare originale, fiecare în limbile română și rusă, ambele texte fiind egal autentice.",
    "pl": "Artykuł 11. Umawiające się Strony będą wspierać współpracę między uczelniami i instytutami "
          "naukowymi obu państw. Każda ze Stron zapewnia obywatelom drugiej Strony równy dostęp do "
          "stypendiów. Spory dotyczące interpretacji niniejszej Umowy rozstrzyga się w drodze rokowań. "
          "Umowa wchodzi w życie pierwszego dnia miesiąca następującego po otrzymaniu ostatniej "
          "notyfikacji. Sporządzono w dwóch egzemplarzach, każdy w językach polskim i rosyjskim, przy czym "
          "oba teksty są jednakowo autentyczne.",
    "cs": "Článek 12. Smluvní strany budou podporovat spolupráci mezi vysokými školami a výzkumnými ústavy "
          "obou států. Každá ze stran zajistí občanům druhé strany rovný přístup ke stipendiím. Spory "
          "týkající se výkladu této dohody se řeší jednáním. Dohoda vstoupí v platnost prvním dnem měsíce "
          "následujícího po obdržení poslední notifikace. Dáno ve dvou původních vyhotoveních, každé v "
          "jazyce českém a ruském, přičemž obě znění jsou stejně platná.",
    "hu": "12. cikk. A Szerződő Felek elősegítik a két ország egyetemei és kutatóintézetei közötti "
          "együttműködést. Mindkét Fél egyenlő hozzáférést biztosít a másik Fél állampolgárainak az "
          "ösztöndíjakhoz. A jelen Megállapodás értelmezésével kapcsolatos vitákat tárgyalások útján "
          "rendezik. A Megállapodás az utolsó értesítés kézhezvételét követő hónap első napján lép "
          "hatályba. Készült két eredeti példányban, magyar és orosz nyelven, mindkét szöveg egyaránt "
          "hiteles.",
    "lt": "13 straipsnis. Susitariančiosios Šalys skatins abiejų valstybių universitetų ir mokslo institutų "
          "bendradarbiavimą. Kiekviena Šalis užtikrina kitos Šalies piliečiams vienodas galimybes gauti "
          "stipendijas. Ginčai dėl šio Susitarimo aiškinimo sprendžiami derybomis. Susitarimas įsigalioja "
          "pirmąją mėnesio dieną po paskutinio pranešimo gavimo. Sudaryta dviem originaliais "
          "egzemplioriais lietuvių ir rusų kalbomis, abu tekstai yra vienodai autentiški.",
    "lv": "14. pants. Līgumslēdzējas Puses veicinās abu valstu augstskolu un zinātnisko institūtu "
          "sadarbību. Katra Puse nodrošina otras Puses pilsoņiem vienlīdzīgu piekļuvi stipendijām. Strīdus "
          "par šā Nolīguma interpretāciju risina sarunu ceļā. Nolīgums stājas spēkā nākamā mēneša "
          "pirmajā dienā pēc pēdējā paziņojuma saņemšanas. Parakstīts divos oriģināleksemplāros latviešu "
          "un krievu valodā, abi teksti ir vienlīdz autentiski.",
    "et": "Artikkel 15. Lepinguosalised edendavad mõlema riigi ülikoolide ja teadusasutuste koostööd. "
          "Kumbki Pool tagab teise Poole kodanikele võrdse juurdepääsu stipendiumidele. Käesoleva lepingu "
          "tõlgendamisega seotud vaidlused lahendatakse läbirääkimiste teel. Leping jõustub viimase teate "
          "kättesaamisele järgneva kuu esimesel päeval. Koostatud kahes eksemplaris eesti ja vene keeles, "
          "mõlemad tekstid on võrdselt autentsed.",
    "tr": "Madde 16. Akit Taraflar, iki ülkenin üniversiteleri ve araştırma enstitüleri arasındaki "
          "işbirliğini teşvik edecektir. Her Taraf, diğer Tarafın vatandaşlarına burslara eşit erişim "
          "sağlar. İşbu Anlaşmanın yorumlanmasına ilişkin uyuşmazlıklar müzakere yoluyla çözülür. "
          "Anlaşma, son bildirimin alınmasını izleyen ayın ilk günü yürürlüğe girer. Türkçe ve Rusça "
          "dillerinde ikişer asıl nüsha olarak düzenlenmiş olup her iki metin de eşit derecede geçerlidir.",
    "zh-Hans": "第十七条 缔约双方鼓励两国高等院校和科研机构之间开展合作。每一方保证另一方公民在申请奖学金时享有"
               "平等的机会。有关本协定解释的争议应通过谈判解决。本协定自收到最后一份书面通知之日起生效，有效期"
               "五年，并自动延长。本协定以中文和俄文写成，一式两份，两种文本同等作准。",
    "zh-Hant": "第十七條 締約雙方鼓勵兩國高等院校和科研機構之間開展合作。每一方保證另一方公民在申請獎學金時享有"
               "平等的機會。有關本協定解釋的爭議應通過談判解決。本協定自收到最後一份書面通知之日起生效，有效期"
               "五年，並自動延長。本協定以中文和俄文寫成，一式兩份，兩種文本同等作準。",
}

CODE_PAGES = {
    "ru": ["cp1251", "koi8-r", "cp866", "mac-cyrillic", "iso-8859-5"],
    "ru-caps": ["cp1251", "koi8-r"],
    "uk": ["cp1251", "koi8-u", "mac-cyrillic"],
    "be": ["cp1251", "mac-cyrillic"],
    "kk": ["kz1048"],
    "tg": ["koi8-t"],
    "en": ["cp1252"],
    "de": ["cp1252", "iso-8859-15"],
    "fr": ["cp1252"],
    "ro-cedilla": ["cp1250"],
    "ro": ["iso-8859-16"],
    "pl": ["cp1250", "iso-8859-2"],
    "cs": ["cp1250", "iso-8859-2"],
    "hu": ["cp1250", "iso-8859-2"],
    "lt": ["cp1257", "iso-8859-13"],
    "lv": ["cp1257", "iso-8859-4"],
    "et": ["cp1257", "iso-8859-15"],
    "tr": ["cp1254", "iso-8859-9"],
    "zh-Hans": ["gb18030"],
    "zh-Hant": ["big5"],
}
LENGTHS = (200, 1000, 5000)


def sized(text: str, length: int) -> str:
    """About `length` characters of a text: cut at a word end, or its sentences repeated in a
    rotating order (so a long input is not one paragraph over and over), one paragraph a turn."""
    sentences = [s.strip() + "." for s in text.replace("。", "。\n").replace(". ", ".\n").split("\n")]
    sentences = [s[:-1] if s.endswith("..") or s.endswith("。.") else s for s in sentences]
    out, turn = "", 0
    while len(out) < length:
        rotated = sentences[turn % len(sentences):] + sentences[:turn % len(sentences)]
        out += " ".join(rotated) + "\n\n"
        turn += 1
    cut = out[:length]
    if " " in cut[length // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip() + "\n"


def encoding_cases() -> list[tuple[str, str, str, bytes]]:
    """(case id, code page, expected text, bytes) for every text × code page × length."""
    cases = []
    for lang, pages in CODE_PAGES.items():
        for page in pages:
            for length in LENGTHS:
                text = sized(TEXTS[lang], length)
                cases.append((f"{lang}-{page}-{length}", page, text, text.encode(page)))
    return cases


# --- PDF ------------------------------------------------------------------------------------------

def minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF written by hand, its content stream using the standard Helvetica font."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")


def two_column_treaty_pdf() -> bytes:
    """A one-page agreement whose signature block stands in two columns, the content stream
    writing the left column, then the right one (as many word processors do)."""
    body = [(740, "AGREEMENT"),
            (720, "between the Republic of Armenia and Georgia on cooperation in the field of education"),
            (690, "Article 1"),
            (674, "The Parties shall develop cooperation between their universities and research institutes."),
            (650, "Article 2"),
            (634, "This Agreement shall enter into force on the date of the last notification."),
            (610, "Done at Yerevan on 14 May 2002 in two originals in the English language.")]
    cells = [(72, 560, "For the Republic of Armenia"), (72, 520, "Vahan Melikyan"),
             (72, 505, "Minister of Education"),
             (330, 560, "For Georgia"), (330, 520, "Levan Beridze"), (330, 505, "Minister of Education")]
    ops = b"BT /F1 11 Tf "
    for x, y, line in [(72, y, line) for y, line in body] + cells:
        ops += b"1 0 0 1 %d %d Tm (" % (x, y) + _pdf_string(line) + b") Tj "
    return minimal_pdf(ops + b"ET")


# --- HTML: pages of a legal database -------------------------------------------------------------

MENU = {
    "ru": ["Главная", "Документы", "Международные договоры", "Поиск", "Контакты", "Вход для подписчиков"],
    "uk": ["Головна", "Документи", "Міжнародні договори", "Пошук", "Контакти"],
    "kk": ["Басты бет", "Құжаттар", "Халықаралық шарттар", "Іздеу", "Байланыс"],
    "en": ["Home", "Documents", "Treaty database", "Search", "About us", "Contact"],
    "zh": ["首页", "法律法规", "国际条约", "检索", "关于我们"],
    "de": ["Startseite", "Dokumente", "Staatsverträge", "Suche", "Kontakt"],
}
CARD = {
    "ru": [("Вид документа", "Соглашение"), ("Дата подписания", "14.05.2002"), ("Статус", "Действует"),
           ("Опубликован", "Бюллетень международных договоров, № 7")],
    "uk": [("Тип документа", "Угода"), ("Дата підписання", "14.05.2002"), ("Статус", "Чинний")],
    "kk": [("Құжат түрі", "Келісім"), ("Қол қойылған күні", "14.05.2002"), ("Мәртебесі", "Күшінде")],
    "en": [("Type", "Agreement"), ("Signed", "14 May 2002"), ("Status", "In force"),
           ("Registration", "No. 4512")],
    "zh": [("文件类型", "协定"), ("签署日期", "2002年5月14日"), ("状态", "有效")],
    "de": [("Art", "Abkommen"), ("Unterzeichnet", "14.05.2002"), ("Status", "In Kraft")],
}
FOOTER = {
    "ru": "© 2003–2024 Информационно-правовой портал. Все права защищены. При цитировании ссылка обязательна.",
    "uk": "© 2024 Правовий портал. Усі права захищено. Використання матеріалів — лише з посиланням.",
    "kk": "© 2024 Құқықтық ақпарат порталы. Барлық құқықтар қорғалған.",
    "en": "© 2024 Treaty Information Service. All rights reserved. Terms of use · Privacy policy",
    "zh": "© 2024 法律信息网 版权所有 未经许可不得转载",
    "de": "© 2024 Rechtsinformationsdienst. Alle Rechte vorbehalten. Impressum · Datenschutz",
}
RELATED = {"ru": "Связанные документы", "uk": "Пов'язані документи", "kk": "Байланысты құжаттар",
           "en": "Related documents", "zh": "相关文件", "de": "Verwandte Dokumente"}
HEADINGS = {"ru": "Статья", "uk": "Стаття", "kk": "Бап", "en": "Article", "zh": "第{}条", "de": "Artikel"}
TREATY_TEXT_OF = {"ru": "ru", "uk": "uk", "kk": "kk", "en": "en", "zh": "zh-Hans", "de": "de"}


def treaty(lang: str, articles: int = 6) -> tuple[str, list[str]]:
    """(title, paragraphs) of a treaty text: articles built from the language's sentences."""
    source = TEXTS[TREATY_TEXT_OF[lang]]
    sentences = [s for s in source.replace("。", "。\n").replace(". ", ".\n").split("\n") if s.strip()][1:]
    title = {"ru": "Соглашение о сотрудничестве в области образования",
             "uk": "Угода про співробітництво в галузі освіти",
             "kk": "Білім беру саласындағы ынтымақтастық туралы келісім",
             "en": "Agreement on cooperation in the field of education",
             "zh": "关于教育领域合作的协定",
             "de": "Abkommen über die Zusammenarbeit im Bildungswesen"}[lang]
    paragraphs = []
    for n in range(1, articles + 1):
        head = HEADINGS[lang].format(n) if "{}" in HEADINGS[lang] else f"{HEADINGS[lang]} {n}"
        body = " ".join(sentences[(n + k) % len(sentences)] for k in range(2))
        paragraphs += [head, body]
    return title, paragraphs


def legal_page(lang: str, style: str) -> tuple[str, str, str]:
    """(html, title, the treaty text the page carries) for one page layout:
    semantic (HTML5 elements), divs (class names only), table (a 2000s table layout),
    busy (breadcrumbs, related documents, comments and share buttons), pre (the text in <pre>)."""
    title, paragraphs = treaty(lang)
    expected = "\n".join([title] + paragraphs)
    menu = "".join(f'<li><a href="/s{i}">{item}</a></li>' for i, item in enumerate(MENU[lang]))
    card = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in CARD[lang])
    related = "".join(f'<li><a href="/doc/{i}">{RELATED[lang]} {i}: {title[:30]}…</a></li>' for i in range(1, 5))
    body_html = f"<h1>{title}</h1>" + "".join(
        f"<h3>{p}</h3>" if i % 2 == 0 else f"<p>{p}</p>" for i, p in enumerate(paragraphs))
    head = f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | Portal</title>' \
           '<script>window.dataLayer=[];function gtag(){dataLayer.push(arguments)}</script>' \
           '<style>.menu{float:left}</style></head>'
    if style == "semantic":
        page = (f'{head}<body><header><div class="logo">Portal</div><nav><ul>{menu}</ul></nav></header>'
                f'<main><article>{body_html}</article><aside><table class="card">{card}</table></aside></main>'
                f"<footer><p>{FOOTER[lang]}</p></footer></body></html>")
    elif style == "divs":
        page = (f'{head}<body><div id="top"><div class="top-menu"><ul>{menu}</ul></div></div>'
                f'<div class="wrapper"><div class="doc-card"><table>{card}</table></div>'
                f'<div class="doc-text">{body_html}</div></div>'
                f'<div id="bottom"><div class="copyright">{FOOTER[lang]}</div></div></body></html>')
    elif style == "table":
        page = (f'{head}<body><table width="100%"><tr><td class="left" width="200"><ul>{menu}</ul></td>'
                f'<td class="content"><table border="1">{card}</table><div>{body_html}</div></td></tr>'
                f'<tr><td colspan="2"><small>{FOOTER[lang]}</small></td></tr></table></body></html>')
    elif style == "busy":
        crumbs = " › ".join(MENU[lang][:3])
        page = (f'{head}<body><div id="cookie-notice">Cookies: OK</div><nav><ul>{menu}</ul></nav>'
                f'<div class="breadcrumbs">{crumbs}</div><div class="content"><div class="meta">'
                f'<table>{card}</table></div><div class="share"><a href="#">f</a> <a href="#">t</a> '
                f'<a href="#">vk</a></div><div class="document">{body_html}</div>'
                f'<div class="related"><h4>{RELATED[lang]}</h4><ul>{related}</ul></div>'
                f'<div class="comments"><h4>0</h4><form><textarea></textarea></form></div></div>'
                f"<footer>{FOOTER[lang]}</footer></body></html>")
    elif style == "pre":
        page = (f'{head}<body><div class="nav"><ul>{menu}</ul></div><table class="card">{card}</table>'
                f'<pre>{title}\n\n' + "\n\n".join(paragraphs) + f'</pre><div class="footer">{FOOTER[lang]}</div>'
                "</body></html>")
    else:
        raise ValueError(style)
    return page, f"{title} | Portal", expected


HTML_STYLES = ("semantic", "divs", "table", "busy", "pre")


def html_cases() -> list[tuple[str, str, str, str]]:
    """(case id, html, title, expected treaty text) for every language × page layout."""
    return [(f"{lang}-{style}", *legal_page(lang, style)) for lang in MENU for style in HTML_STYLES]


# --- language of short snippets (one or two sentences) -----------------------------------------

SNIPPETS = {
    ("uz", "Latn"): [
        "Tomonlar ikki davlat o‘rtasidagi savdo-iqtisodiy hamkorlikni kengaytirishga kelishib oldilar.",
        "Ushbu Bitim imzolangan kundan boshlab kuchga kiradi va besh yil muddatga amal qiladi.",
        "Har bir Tomon boshqa Tomon fuqarolariga ta'lim olishda teng imkoniyatlar yaratadi.",
        "Nizolar muzokaralar va maslahatlashuvlar yoʻli bilan hal etiladi.",
        "Toshkent shahrida ikki nusxada, o'zbek va rus tillarida tuzildi, har ikkala matn bir xil kuchga ega.",
    ],
    ("uz", "Cyrl"): [
        "Томонлар икки давлат ўртасидаги савдо-иқтисодий ҳамкорликни кенгайтиришга келишиб олдилар.",
        "Ушбу Битим имзоланган кундан бошлаб кучга киради ва беш йил муддатга амал қилади.",
        "Ҳар бир Томон бошқа Томон фуқароларига таълим олишда тенг имкониятлар яратади.",
        "Низолар музокаралар ва маслаҳатлашувлар йўли билан ҳал этилади.",
        "Тошкент шаҳрида икки нусхада, ўзбек ва рус тилларида тузилди.",
    ],
    ("tg", "Cyrl"): [
        "Тарафҳо барои васеъ намудани ҳамкориҳои тиҷоратию иқтисодӣ байни ду давлат мувофиқа карданд.",
        "Ин Созишнома аз рӯзи имзо шуданаш эътибор пайдо мекунад ва панҷ сол амал мекунад.",
        "Ҳар як Тараф ба шаҳрвандони Тарафи дигар барои таҳсил имкониятҳои баробар фароҳам меоварад.",
        "Баҳсҳо бо роҳи гуфтушунид ва машваратҳо ҳал карда мешаванд.",
        "Дар шаҳри Душанбе дар ду нусха, бо забонҳои тоҷикӣ ва русӣ ба имзо расид.",
    ],
    ("kk", "Cyrl"): [
        "Тараптар екі мемлекет арасындағы сауда-экономикалық ынтымақтастықты кеңейтуге келісті.",
        "Осы Келісім қол қойылған күнінен бастап күшіне енеді және бес жыл бойы қолданылады.",
        "Әрбір Тарап екінші Тараптың азаматтарына білім алуда тең мүмкіндіктер жасайды.",
        "Даулар келіссөздер мен консультациялар арқылы шешіледі.",
        "Астана қаласында екі данада, қазақ және орыс тілдерінде жасалды.",
    ],
    ("ky", "Cyrl"): [
        "Тараптар эки мамлекеттин ортосундагы соода-экономикалык кызматташтыкты кеңейтүүгө макул болушту.",
        "Ушул Макулдашуу кол коюлган күндөн тартып күчүнө кирет жана беш жыл бою колдонулат.",
        "Ар бир Тарап экинчи Тараптын жарандарына билим алууда бирдей мүмкүнчүлүктөрдү түзөт.",
        "Талаш-тартыштар сүйлөшүүлөр жана консультациялар аркылуу чечилет.",
        "Бишкек шаарында эки нускада, кыргыз жана орус тилдеринде түзүлдү.",
    ],
    ("ru", "Cyrl"): [
        "Стороны договорились расширять торгово-экономическое сотрудничество между двумя государствами.",
        "Настоящее Соглашение вступает в силу со дня подписания и действует в течение пяти лет.",
        "Каждая Сторона создаёт гражданам другой Стороны равные возможности для получения образования.",
        "Споры разрешаются путём переговоров и консультаций.",
        "Совершено в городе Москве в двух экземплярах, на русском и английском языках.",
    ],
    ("uk", "Cyrl"): [
        "Сторони домовилися розширювати торговельно-економічне співробітництво між двома державами.",
        "Ця Угода набирає чинності з дня підписання і діє протягом п'яти років.",
        "Кожна Сторона створює громадянам іншої Сторони рівні можливості для здобуття освіти.",
        "Спори вирішуються шляхом переговорів і консультацій.",
        "Вчинено в місті Києві у двох примірниках українською та англійською мовами.",
    ],
    ("be", "Cyrl"): [
        "Бакі дамовіліся пашыраць гандлёва-эканамічнае супрацоўніцтва паміж дзвюма дзяржавамі.",
        "Гэта Пагадненне ўступае ў сілу з дня падпісання і дзейнічае на працягу пяці гадоў.",
        "Кожны Бок стварае грамадзянам другога Боку роўныя магчымасці для атрымання адукацыі.",
        "Спрэчкі вырашаюцца шляхам перамоў і кансультацый.",
        "Здзейснена ў горадзе Мінску ў двух экземплярах на беларускай і англійскай мовах.",
    ],
    ("az", "Latn"): [
        "Tərəflər iki dövlət arasında ticarət-iqtisadi əməkdaşlığı genişləndirmək barədə razılığa gəldilər.",
        "Bu Saziş imzalandığı gündən qüvvəyə minir və beş il müddətində qüvvədə qalır.",
        "Hər bir Tərəf digər Tərəfin vətəndaşlarına təhsil almaq üçün bərabər imkanlar yaradır.",
        "Mübahisələr danışıqlar və məsləhətləşmələr yolu ilə həll edilir.",
        "Bakı şəhərində iki nüsxədə, Azərbaycan və rus dillərində imzalanmışdır.",
    ],
    ("tk", "Latn"): [
        "Taraplar iki döwletiň arasyndaky söwda-ykdysady hyzmatdaşlygy giňeltmek barada ylalaşdylar.",
        "Şu Ylalaşyk gol çekilen gününden güýje girýär we bäş ýylyň dowamynda hereket edýär.",
        "Taraplaryň her biri beýleki Tarapyň raýatlaryna bilim almak üçin deň mümkinçilikleri döredýär.",
        "Jedeller gepleşikler we maslahatlaşmalar arkaly çözülýär.",
        "Aşgabat şäherinde iki nusgada, türkmen we rus dillerinde baglaşyldy.",
    ],
    ("hy", "Armn"): [
        "Կողմերը պայմանավորվեցին ընդլայնել առևտրատնտեսական համագործակցությունը երկու պետությունների միջև։",
        "Սույն Համաձայնագիրն ուժի մեջ է մտնում ստորագրման օրվանից։",
    ],
    ("ka", "Geor"): [
        "მხარეები შეთანხმდნენ ორ სახელმწიფოს შორის სავაჭრო-ეკონომიკური თანამშრომლობის გაფართოებაზე.",
        "ეს შეთანხმება ძალაში შედის ხელმოწერის დღიდან.",
    ],
    ("ro", "Latn"): [
        "Părțile au convenit să extindă cooperarea comercial-economică dintre cele două state.",
        "Prezentul Acord intră în vigoare la data semnării și este valabil pe o perioadă de cinci ani.",
        "Fiecare Parte creează cetățenilor celeilalte Părți posibilități egale de a obține studii.",
        "Litigiile se soluționează prin negocieri și consultări.",
        "Semnat la Chișinău, în două exemplare, în limbile română și rusă.",
    ],
    ("en", "Latn"): [
        "The Parties agreed to expand trade and economic cooperation between the two States.",
        "This Agreement shall enter into force on the date of its signature and remain in force for five years.",
        "Each Party shall provide citizens of the other Party with equal opportunities to receive education.",
        "Disputes shall be settled through negotiations and consultations.",
        "Done at Tashkent in two copies, in the English and Russian languages.",
    ],
    ("zh", "Hans"): ["双方同意扩大两国之间的经贸合作。", "本协定自签署之日起生效，有效期五年。"],
    ("zh", "Hant"): ["雙方同意擴大兩國之間的經貿合作。", "本協定自簽署之日起生效，有效期五年。"],
}


def snippet_cases() -> list[tuple[str, tuple[str, str], str]]:
    """(case id, (language, script), snippet)."""
    return [(f"{lang}-{script}-{n}", (lang, script), text)
            for (lang, script), texts in SNIPPETS.items() for n, text in enumerate(texts, 1)]
