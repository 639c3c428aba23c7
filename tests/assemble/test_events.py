"""Consent events, depositaries and prose obligations, read by the real read → extract →
assemble chain from the bundled corpus and from tests/fixtures/events/ (a ratification law in
Russian and Kazakh, a final clause in Ukrainian, news of a withdrawal in English and of a
suspension in Russian, written for these tests)."""
from __future__ import annotations

from pathlib import Path

import pytest

from pskg.assemble import assemble
from pskg.extract import extract
from pskg.paths import DATA_DIR
from pskg.read import read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "events"
ALMA_ATA_11 = {"AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ", "UA"}


def record(path: Path):
    return assemble(extract(read(path)))


def events(path: Path, kind: str | None = None) -> set[tuple]:
    claim = record(path).instrument
    return {(e.kind, e.state, e.date, e.target.known_id if e.target else None)
            for e in claim.events if kind is None or e.kind == kind}


def test_russian_ratification_law_is_the_state_ratifying_on_the_law_date():
    found = events(FIXTURES / "ru_ratification_law.ru.txt")
    assert ("ratification", "RU", "2011-03-14", None) in found
    # the chamber's approval of the same law is not a second consent; the treaty's own
    # signing date and the days the chambers voted are not the ratification's
    consent = {e for e in found if e[0] != "signature"}
    assert consent == {("ratification", "RU", "2011-03-14", None)}


def test_kazakh_ratification_law_names_its_state_on_the_act_line():
    rec = record(FIXTURES / "kk_ratification_law.kk.txt")
    ratified = [e for e in rec.instrument.events if e.kind == "ratification"]
    assert [(e.state, e.date) for e in ratified] == [("KZ", "2016-04-07")]
    # the evidence is the act's line, which gives the date and the state
    assert "2016 жылғы 7 сәуір" in ratified[0].evidence.exact
    assert "Заңы" in ratified[0].evidence.exact
    assert "KZ" in rec.instrument.parties          # a state that ratifies is a party


def test_ukrainian_final_clause_ratification_and_entry_into_force():
    found = events(FIXTURES / "uk_final_clause.uk.txt")
    assert ("ratification", "UA", "2013-02-05", None) in found
    claim = record(FIXTURES / "uk_final_clause.uk.txt").instrument
    in_force = next(e for e in claim.events if e.kind == "entry_into_force")
    assert in_force.evidence.exact == "(Угода набрала чинності 1 березня 2013 року)"
    # the card note gives the day; the clause without a date gives none
    assert {e for e in found if e[0] == "entry_into_force"} == {
        ("entry_into_force", None, "2013-03-01", None)}


def test_withdrawal_news_targets_the_organisations_founding_instrument():
    assert events(FIXTURES / "en_withdrawal_news.en.txt", "withdrawal") == {
        ("withdrawal", "GE", "2009-08-18", "cis-charter")}


def test_suspension_news_in_russian():
    assert events(FIXTURES / "ru_suspension_news.ru.txt", "suspension") == {
        ("suspension", "UZ", "2012-06-28", "csto-charter")}


def test_a_treaty_body_speaking_of_accession_is_not_an_event(tmp_path):
    text = tmp_path / "clause.en.txt"
    text.write_text(
        "AGREEMENT between Ukraine and the Republic of Latvia\n\nArticle 1\n\n"
        "Latvia will support the accession of Ukraine to the European Union, as agreed on "
        "24 February 2022 in Riga.\n\nArticle 2\n\nThis Agreement shall enter into force on the "
        "date of its signature.\n\nDone at Riga on 11 April 2024.\n", encoding="utf-8")
    assert events(text) - events(text, "signature") == set()


def test_alma_ata_declaration_signature_events():
    found = events(next((DATA_DIR / "corpus").glob("000_*.txt")), "signature")
    assert {state for _, state, _, _ in found} == ALMA_ATA_11
    assert {date for _, _, date, _ in found} == {"1991-12-21"}


def test_alma_ata_protocol_article_names_belarus_as_depositary():
    rec = record(next((DATA_DIR / "corpus").glob("002_*.txt")))
    dep = rec.instrument.depositary
    assert (dep.kind, dep.value) == ("state", "BY")
    assert "Belarus" in dep.evidence.exact and "Deposit" in dep.evidence.exact


@pytest.fixture(scope="module")
def declaration():
    return record(next((DATA_DIR / "corpus").glob("000_*.txt"))).instrument


def test_georgian_alma_ata_declaration_states_prose_obligations(declaration):
    prose = [o for o in declaration.obligations if not o.numbered]
    assert len(prose) >= 3 and prose == declaration.obligations
    assert [o.number for o in prose] == [f"s{i}" for i in range(1, len(prose) + 1)]
    text = " ".join(o.text for o in prose)
    # the guarantee of the USSR's international obligations, and the undertaking to observe
    # the principles of the declaration, are each one obligation
    guarantee = [o for o in prose if "გარანტიას" in o.text]
    undertake = [o for o in prose if "ვალდებულებას იღე" in o.text.replace("- ", "")]
    assert len(guarantee) == 1 and len(undertake) == 1, text
    assert guarantee[0].modality == "binding" and undertake[0].modality == "binding"
    for ob in prose:
        assert set(ob.bearers) == ALMA_ATA_11
        assert ob.evidence.exact.strip() and ob.evidence.rule == "obligation:prose-sentence"


def test_english_report_of_a_ratification(tmp_path):
    text = tmp_path / "report.en.txt"
    text.write_text(
        "Parliament backs border deal\n\nASTANA, 12 May 2019 — The Agreement between Kazakhstan "
        "and Turkmenistan on the delimitation of the border, signed in Ashgabat on 3 March 2018, "
        "was ratified by Kazakhstan on 12 May 2019.\n", encoding="utf-8")
    rec = record(text)
    assert rec.genre == "secondary"
    ratified = [(e.state, e.date) for e in rec.instrument.events if e.kind == "ratification"]
    assert ratified == [("KZ", "2019-05-12")]            # not the signing date
