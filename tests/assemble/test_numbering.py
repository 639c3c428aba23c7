"""Article numbering as treaties write it, on snippets written for this test: every variant
gives one obligation per article or numbered item."""
from __future__ import annotations

from pathlib import Path

import pytest

from pskg.pipeline import process_file

CASES = {
    "markdown headings": (3, """# AGREEMENT between Georgia and the Republic of Armenia on cooperation in tourism

Georgia and the Republic of Armenia, hereinafter the Parties, have agreed as follows:

## Article 1
The Parties shall exchange information on tourist flows.

## Article 2
The Parties shall support joint marketing of tourist routes.

## Article 3
The Parties will encourage investment in tourism infrastructure.

Done at Tbilisi on 14 May 2012 in two copies.
"""),
    "number glued to the word": (3, """СОГЛАШЕНИЕ
между Республикой Армения и Республикой Беларусь о сотрудничестве в области образования

Республика Армения и Республика Беларусь, именуемые в дальнейшем Сторонами, согласились о нижеследующем:

Статья1. Стороны обязуются признавать документы об образовании.
Статья2. Стороны будут содействовать обмену студентами.
Статья3. Стороны обязуются поощрять изучение языков.

Совершено в городе Минске 10 апреля 2008 года.
"""),
    "Roman-numbered items": (4, """PROTOCOL
between the Republic of Moldova and Romania on cross-border cooperation

The Republic of Moldova and Romania have agreed as follows:

I. The Parties shall simplify procedures at border crossing points.

II. The Parties shall establish joint patrols on the common border.

III. The Parties shall exchange data on migration flows.

IV. The Parties will hold annual consultations.

Done at Chisinau on 2 March 2010.
"""),
    "paragraph sign": (2, """ABKOMMEN
zwischen der Bundesrepublik Deutschland und der Republik Kasachstan über kulturelle Zusammenarbeit

Die Bundesrepublik Deutschland und die Republik Kasachstan sind wie folgt übereingekommen:

§ 1
Die Vertragsparteien werden den Austausch von Künstlern fördern.

§ 2
Die Vertragsparteien verpflichten sich, Sprachkurse zu unterstützen.

Geschehen zu Berlin am 9. Oktober 2003.
"""),
    "Turkish Madde": (2, """TÜRKİYE CUMHURİYETİ İLE AZERBAYCAN CUMHURİYETİ ARASINDA EĞİTİM ALANINDA İŞBİRLİĞİ ANLAŞMASI

Türkiye Cumhuriyeti ve Azerbaycan Cumhuriyeti aşağıdaki hususlarda mutabık kalmışlardır:

Madde 1
Taraflar öğrenci değişimini teşvik edeceklerdir.

Madde 2
Taraflar diplomaların tanınmasını kolaylaştıracaklardır.

Bakü'de 5 Haziran 2009 tarihinde imzalanmıştır.
"""),
    "Ukrainian Стаття": (3, """УГОДА
між Україною та Республікою Молдова про співробітництво у галузі культури

Україна та Республіка Молдова, далі Сторони, домовилися про таке:

Стаття 1
Сторони сприятимуть обміну творчими колективами.

Стаття 2
Сторони зобов'язуються захищати культурну спадщину.

Стаття 3
Сторони заохочуватимуть співпрацю музеїв.

Вчинено в м. Києві 20 вересня 2011 року.
"""),
    "ordinal words": (3, """AGREEMENT
between the Republic of Kazakhstan and the Republic of Azerbaijan on maritime transport

The Republic of Kazakhstan and the Republic of Azerbaijan have agreed as follows:

Article One
The Parties shall grant each other's vessels equal treatment in their ports.

Article Two
The Parties shall recognise each other's seafarers' documents.

Article Three
The Parties will cooperate in search and rescue at sea.

Done at Baku on 18 June 2015.
"""),
}


@pytest.mark.parametrize("variant", sorted(CASES))
def test_each_article_is_an_obligation(variant: str, tmp_path: Path):
    count, text = CASES[variant]
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    claim = process_file(path).instrument
    assert [o.number for o in claim.obligations] == [str(n) for n in range(1, count + 1)]
    assert all(o.modality == "binding" and set(o.bearers) == set(claim.parties) for o in claim.obligations)
    assert len(claim.parties) == 2
