"""Persons the reference data does not know, and namesakes of those it knows, on sentences
written for this test."""
from __future__ import annotations

from pathlib import Path

from pskg.extract import extract
from pskg.pipeline import process_file
from pskg.read import read


def mentions(tmp_path: Path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract(read(path))


def test_a_name_after_a_role_is_a_person_even_unknown(tmp_path):
    m = mentions(tmp_path, "Министр обороны Республики Беларусь, генерал-лейтенант Иван Петров, "
                           "и министр обороны Республики Армения Арам Варданян подписали соглашение.")
    names = {p.span.exact for p in m.of("person")}
    assert {"Иван Петров", "Арам Варданян"} <= names


def test_a_known_surname_after_another_given_name_is_a_namesake(tmp_path):
    m = mentions(tmp_path, "Соглашение подписал заместитель министра Рахат Назарбаев.")
    persons = m.of("person")
    assert "nursultan-nazarbayev" not in {p.value for p in persons}
    assert any(p.span.exact == "Рахат Назарбаев" for p in persons)


def test_signers_named_after_their_roles_keep_state_and_role(tmp_path):
    doc = tmp_path / "news.txt"
    doc.write_text("Минск, 12 октября 2018 года. Министр обороны Республики Беларусь, генерал-лейтенант "
                   "Иван Петров, и министр обороны Республики Армения Арам Варданян подписали "
                   "Соглашение о военном сотрудничестве.\n", encoding="utf-8")
    sigs = {(s.person_name, s.state, s.role, s.inferred)
            for s in process_file(doc).instrument.signatures}
    assert sigs == {("Иван Петров", "BY", "minister_defence", ()),
                    ("Арам Варданян", "AM", "minister_defence", ())}
