"""The curated reference tables in data/reference/ and their loader, pskg.knowledge.reference."""
from __future__ import annotations

import csv
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
try:
    from pskg.knowledge import reference
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT / "src"))
    from pskg.knowledge import reference

REF = ROOT / "data" / "reference"
POST_SOVIET = {"RU": "ru", "UA": "uk", "BY": "be", "KZ": "kk", "KG": "ky", "TJ": "tg",
               "TM": "tk", "UZ": "uz", "AZ": "az", "AM": "hy", "GE": "ka", "MD": "ro",
               "LT": "lt", "LV": "lv", "EE": "et"}
CIS_1991 = {"AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ", "UA"}


@pytest.fixture(scope="module")
def ref() -> reference.ReferenceData:
    return reference.load()


def _table(name: str) -> list[list[str]]:
    with (REF / name).open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r and not r[0].startswith("#")]
    return rows[1:]


def _person_by_name(ref, lang: str, name: str) -> str:
    ids = {pid for pid, lg, nm, _ in ref.person_names() if lg == lang and nm == name}
    assert len(ids) == 1, (name, ids)
    return ids.pop()


def test_un_members_have_english_and_russian_names(ref):
    assert len(ref.un_members) == 193
    for code in ref.un_members:
        state = ref.states[code]
        assert state.un_member and not state.historic
        assert state.names.get("en") and state.names.get("ru"), code


def test_ussr_is_historic_and_russia_continues_it(ref):
    su = ref.states["SU"]
    assert su.historic and su.wikidata == "Q15180" and su.end == "1991-12-26"
    assert "СССР" in su.names["ru"] and "苏联" in su.names["zh-Hans"]
    assert ref.states["RU"].successor_of == "SU"
    assert not ref.states["RU"].historic


@pytest.mark.parametrize("code,own", sorted(POST_SOVIET.items()))
def test_post_soviet_states_named_in_en_ru_zh_and_own_language(ref, code, own):
    names = ref.states[code].names
    for lang in ("en", "ru", "zh-Hans", "zh-Hant", own):
        assert names.get(lang), (code, lang)
    assert ref.states[code].wikidata


def test_long_official_and_historic_forms(ref):
    def has(code, lang, name):
        return name in ref.states[code].names.get(lang, [])
    assert has("KZ", "ru", "Республика Казахстан") and has("KZ", "ka", "ყაზახეთის რესპუბლიკა")
    assert has("KZ", "ka", "რესპუბლიკა ყაზახეთი") and has("KZ", "zh-Hans", "哈萨克斯坦共和国")
    assert has("RU", "ru", "РСФСР") and has("RU", "zh-Hans", "俄罗斯联邦")
    assert has("BY", "en", "Byelorussia") and has("KG", "ru", "Киргизия")
    kinds = {(c, lg, nm): k for c, lg, nm, k in ref.state_names()}
    assert kinds[("KZ", "zh-Hans", "哈")] == "abbrev"
    assert kinds[("RU", "en", "Russia")] == "cldr"


def test_state_names_are_unambiguous(ref):
    owners: dict[tuple[str, str], set[str]] = {}
    for code, lang, name, _ in ref.state_names():
        owners.setdefault((lang, name), set()).add(code)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_yeltsin_names_and_offices(ref):
    names = ref.persons["boris-yeltsin"].names
    for lang in ("en", "ru", "ka", "zh-Hans", "zh-Hant", "uk", "kk", "de", "fr", "ro"):
        assert names.get(lang), lang
    assert "Б. Ельцин" in names["ru"] and "ელცინი" in names["ka"] and "叶利钦" in names["zh-Hans"]
    assert _person_by_name(ref, "zh-Hant", "葉利欽") == "boris-yeltsin"
    for day in ("1991-12-21", "1999-04-16"):
        assert ("president", "RU") in {(o.role, o.state) for o in ref.person_office("boris-yeltsin", day)}
    assert ref.person_office("boris-yeltsin", "2000-06-01") == []


def test_rahmonov_is_rahmon_and_president_in_1999(ref):
    pid = _person_by_name(ref, "en", "Rahmonov")
    assert pid == _person_by_name(ref, "ru", "Рахмон") == "emomali-rahmon"
    assert ("president", "TJ") in {(o.role, o.state) for o in ref.person_office(pid, "1999-04-16")}
    assert ref.office_holders("president", "TJ", "1999-04-16") == ["emomali-rahmon"]


def test_heads_of_state_at_alma_ata(ref):
    """Every state of the Alma-Ata Declaration had a known head of state on 1991-12-21."""
    heads = {"president", "chairman_supreme_council", "head_of_state"}
    for code in CIS_1991:
        holders = {p for role in heads for p in ref.office_holders(role, code, "1991-12-21")}
        assert holders, code
    assert ref.office_holders("chairman_supreme_council", "BY", "1991-12-08") == ["stanislav-shushkevich"]


def test_partial_office_dates_cover_their_whole_period():
    office = reference.Office("minister_foreign_affairs", "KG", "", "", written=("1994", "1997-06"))
    assert office.held_on("1994-01-01") and office.held_on("1997-06-30")
    assert not office.held_on("1993-12-31") and not office.held_on("1997-07-01")


def test_office_dates_are_days_or_empty(ref):
    """start/end are xsd:date-ready; the precision offices.tsv gives is kept in ``written``."""
    offices = [o for p in ref.persons.values() for o in (*p.offices, *p.posts)]
    for o in offices:
        for day in (o.start, o.end):
            assert day == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", day)
    kulubaev = ref.persons["jeenbek-kulubaev"].offices[0]
    assert (kulubaev.start, kulubaev.written) == ("", ("2022", ""))
    assert all(o.state for p in ref.persons.values() for o in p.offices)
    annan = ref.persons["kofi-annan"]
    assert annan.offices == [] and annan.posts[0].org == "un"
    assert ref.person_office("kofi-annan", "2000-01-01")[0].role == "secretary_general"


def test_known_instruments(ref):
    allowed = {"treaty", "agreement", "declaration", "protocol", "charter", "memorandum",
               "convention", "other"}
    for inst in ref.instruments.values():
        assert inst.kind in allowed and re.fullmatch(r"\d{4}-\d{2}-\d{2}", inst.date)
        assert inst.titles.get("en") and inst.titles.get("ru"), inst.id
    belovezha = ref.instruments["belovezha-accords"]
    assert (belovezha.date, belovezha.place, set(belovezha.parties)) == (
        "1991-12-08", "viskuli", {"BY", "RU", "UA"})
    assert set(ref.instruments["alma-ata-declaration"].parties) == CIS_1991
    assert ref.english_name("cis-charter") == "Charter of the Commonwealth of Independent States"


@pytest.mark.parametrize("name,key", [
    ("states.tsv", 3), ("state_names_extra.tsv", 3), ("persons.tsv", 3), ("places.tsv", 3),
    ("organizations.tsv", 3), ("instruments.tsv", None)])
def test_no_duplicate_rows(name, key):
    rows = _table(name)
    keys = [tuple(r[:3]) if key else (r[0], r[5], r[6]) for r in rows]
    assert [k for k, n in Counter(keys).items() if n > 1] == []


def test_every_referenced_code_exists(ref):
    states = set(ref.states)
    assert {r[1] for r in _table("places_meta.tsv")} <= states
    assert {r[2] for r in _table("offices.tsv") if r[2]} <= states
    assert {c for r in _table("instruments.tsv") for c in r[4].split()} <= states
    assert {r[3] for r in _table("instruments.tsv") if r[3]} <= set(ref.places)
    assert {s.successor_of for s in ref.states.values() if s.successor_of} <= states
    assert all(p.state in states for p in ref.places.values())


def test_office_roles_are_terms_of_the_role_scheme(ref):
    notations = set(re.findall(r'skos:notation "([a-z_]+)"', (ROOT / "ontology" / "roles.ttl").read_text("utf-8")))
    used = {o.role for p in ref.persons.values() for o in p.offices}
    assert used <= notations, used - notations


def test_english_names(ref):
    assert ref.english_name("RU") == "Russia"
    assert ref.english_name(ref.persons["boris-yeltsin"]) == "Boris Yeltsin"
    assert ref.english_name("almaty") == "Almaty" and ref.english_name("cis") == "Commonwealth of Independent States"
    assert reference.normalize_lang("mo") == "ro" and reference.normalize_lang("zh-TW") == "zh-Hant"


def test_load_is_cached(ref):
    assert reference.load() is ref
    assert reference.load(REF) is ref


def test_malformed_row_names_file_and_line(tmp_path):
    data = tmp_path / "reference"
    shutil.copytree(REF, data)
    path = data / "offices.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.append("boris-yeltsin\tpresident\tRU\t1991-13-45\n")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(reference.ReferenceDataError, match=rf"offices\.tsv:{len(lines)}: bad date"):
        reference.load(data)
    lines[-1] = "nobody\tpresident\tRU\t1991-01-01\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(reference.ReferenceDataError, match=rf"offices\.tsv:{len(lines)}: unknown person"):
        reference.ReferenceData(data)


def test_states_tsv_is_current():
    """states.tsv is generated from CLDR: it must be what tools/make_states.py writes now."""
    header = (REF / "states.tsv").read_text(encoding="utf-8").splitlines()[0]
    import babel
    if f"Babel {babel.__version__})" not in header:
        pytest.skip(f"states.tsv was generated with another Babel: {header}")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_states.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_places_from_geonames_are_current():
    """places_geonames*.tsv are generated from GeoNames: what tools/make_places.py writes now."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_places.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_cities_of_the_region_are_known_in_their_scripts():
    """A city where instruments are signed is found in the scripts of the region's languages,
    inflected as the text writes it (the GeoNames rows beside the curated places)."""
    from pskg.extract.entities import find_names
    found = {(m.value, m.span.exact) for m in find_names(
        "Совершено в городе Самаре. Ақтөбеде жасалды. Done at Karaganda. ქუთაისში.")
        if m.kind == "place"}
    assert {v for v, _ in found} >= {"samara", "aktobe", "karagandy", "kutaisi"}


def test_official_state_names_are_current():
    """state_names_official.tsv is generated from ISO 3166-1 (pycountry): what
    tools/make_state_official.py writes now."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_state_official.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_party_list_of_official_names_from_outside_the_region_parses(tmp_path):
    """Official long forms of states anywhere (not only the region's) make a list of parties."""
    from pskg.pipeline import process_file
    doc = tmp_path / "doc.txt"
    doc.write_text("AGREEMENT\nbetween the Republic of Kazakhstan, the French Republic and the "
                   "Federal Republic of Nigeria on cooperation in geology\n\nThe Republic of "
                   "Kazakhstan, the French Republic and the Federal Republic of Nigeria have agreed "
                   "as follows:\n\nArticle 1\nThe Parties shall exchange geological data.\n\n"
                   "Done at Abuja on 3 March 2015.\n", encoding="utf-8")
    claim = process_file(doc).instrument
    assert set(claim.parties) == {"KZ", "FR", "NG"}
    assert claim.place == "abuja"
