"""Identifiers that link the reference data out: Wikidata ids, ISO alpha-3, Correlates of War
and Gleditsch-Ward codes (data/reference/state_codes.tsv, states_meta.tsv and the _meta tables)."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest

from pskg.knowledge import reference
from pskg.paths import DATA_DIR, ROOT

QID = re.compile(r"Q[1-9]\d*")


@pytest.fixture(scope="module")
def ref():
    return reference.load()


def test_every_un_member_has_a_qid_alpha3_and_cow_code(ref):
    members = [ref.states[c] for c in sorted(ref.un_members)]
    assert all(QID.fullmatch(s.wikidata) for s in members)
    assert all(re.fullmatch(r"[A-Z]{3}", s.alpha3) for s in members)
    # COW codes every UN member but Serbia, which it keeps under Yugoslavia's 345 and the
    # codelist leaves uncoded; G-W leaves out the micro-states and keeps Yemen under 678
    assert [s.code for s in members if not s.cow_code] == ["RS"]
    assert all(s.cow_code.isdigit() and s.cow_abbr for s in members if s.cow_code)
    assert " ".join(s.code for s in members if not s.gw_code) == \
        "AD AG DM FM GD KI KN LC LI MC MH NR PW SC SM ST TO TV VC VU WS YE"


def test_codes_researchers_join_on(ref):
    got = {c: (ref.states[c].alpha3, ref.states[c].cow_code, ref.states[c].gw_code)
           for c in ("RU", "UA", "KZ", "TJ", "DE", "SU", "DD", "CS", "YU")}
    assert got == {"RU": ("RUS", "365", "365"), "UA": ("UKR", "369", "369"), "KZ": ("KAZ", "705", "705"),
                   "TJ": ("TJK", "702", "702"), "DE": ("DEU", "255", "260"),
                   "SU": ("SUN", "365", "365"), "DD": ("DDR", "265", "265"),
                   "CS": ("CSK", "315", "315"), "YU": ("YUG", "345", "345")}


def test_historic_states_have_qids(ref):
    assert {c: ref.states[c].wikidata for c in ("SU", "DD", "CS", "YU")} == \
        {"SU": "Q15180", "DD": "Q16957", "CS": "Q33946", "YU": "Q83286"}


def test_no_wikidata_id_names_two_entities(ref):
    """A QID given to two states, persons, places, organisations or instruments is a wrong link."""
    ids = [e.wikidata for table in (ref.states, ref.persons, ref.places, ref.orgs, ref.instruments)
           for e in table.values() if e.wikidata]
    assert [q for q, n in Counter(ids).items() if n > 1] == []
    alpha3 = [s.alpha3 for s in ref.states.values() if s.alpha3]
    assert len(alpha3) == len(set(alpha3))


def test_state_codes_tsv_is_current():
    pytest.importorskip("pycountry")
    pytest.importorskip("countrycode")
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_state_codes.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_bad_code_row_is_refused_with_file_and_line(tmp_path):
    import shutil
    shutil.copytree(DATA_DIR / "reference", tmp_path / "ref")
    path = tmp_path / "ref" / "state_codes.tsv"
    text = path.read_text(encoding="utf-8").replace("\nTJ\tTJK\t702", "\nTJ\tTJ\t702", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(reference.ReferenceDataError, match=r"state_codes.tsv:\d+: bad alpha-3 'TJ'"):
        reference.ReferenceData(tmp_path / "ref")


def test_reference_graph_carries_the_codes():
    from rdflib import Graph, Literal

    from pskg.rdf.namespaces import PSKG, WD, state_iri
    from pskg.rdf.reference_graph import reference_graph

    g = Graph()
    for triple in reference_graph():
        g.add(triple)
    tj = state_iri("TJ")
    assert g.value(tj, PSKG.isoAlpha3) == Literal("TJK")
    assert g.value(tj, PSKG.cowCode).toPython() == 702
    assert (tj, None, WD["Q863"]) in g
    states = set(g.subjects(PSKG.isoCode, None))
    linked = {s for s in states if any(str(o).startswith(str(WD)) for o in g.objects(s, None))}
    assert len(states) == 197 and len(linked) == 197


def test_every_person_qid_names_its_source():
    """persons_meta.tsv: each QID carries the key of a source that SOURCES.md describes."""
    sources = (DATA_DIR / "reference" / "SOURCES.md").read_text(encoding="utf-8")
    rows = [ln.split("\t") for ln in (DATA_DIR / "reference" / "persons_meta.tsv")
            .read_text(encoding="utf-8").splitlines() if ln and not ln.startswith(("#", "id\t"))]
    linked = [r for r in rows if len(r) > 1 and r[1]]
    assert len(linked) >= 20
    for pid, qid, source in linked:
        assert QID.fullmatch(qid) and f"`{source}`" in sources, (pid, qid, source)


def test_a_qid_without_its_source_is_refused(tmp_path):
    import shutil
    shutil.copytree(DATA_DIR / "reference", tmp_path / "ref")
    path = tmp_path / "ref" / "persons_meta.tsv"
    path.write_text(path.read_text(encoding="utf-8").replace("\tQ57366\tspocwiki", "\tQ57366", 1),
                    encoding="utf-8")
    with pytest.raises(reference.ReferenceDataError, match=r"persons_meta.tsv:\d+: a Wikidata id needs"):
        reference.ReferenceData(tmp_path / "ref")
