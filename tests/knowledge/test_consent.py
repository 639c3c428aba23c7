"""The curated consent events and founding instruments of data/reference/: every row names a
known instrument, state and kind, a real date and a source; a bad row stops the load with one
line naming the file and the row."""
from __future__ import annotations

import pytest

from pskg.knowledge import reference
from pskg.knowledge.consent import curated_events, founding_instrument
from pskg.knowledge.reference import ReferenceDataError
from pskg.model import EVENT_KINDS

HEADER = "instrument\tkind\tstate\tdate\tsource\n"


def test_curated_events_are_sourced_and_known():
    ref = reference.load()
    events = curated_events()
    assert len(events) >= 10
    for ev in events:
        assert ev.instrument in ref.instruments and ev.kind in EVENT_KINDS and ev.source
        assert ev.date >= ref.instruments[ev.instrument].date     # nothing before signing
    assert ("withdrawal", "GE", "2009-08-18") in {(e.kind, e.state, e.date) for e in events
                                                  if e.instrument == "cis-charter"}


def test_founding_instruments():
    assert founding_instrument("csto") == "csto-charter"
    assert founding_instrument("cis") == "cis-charter"
    assert founding_instrument("un") is None


@pytest.mark.parametrize("row,problem", [
    ("no-such-treaty\twithdrawal\tGE\t2009-08-18\tsomewhere", "unknown instrument"),
    ("cis-charter\tleaving\tGE\t2009-08-18\tsomewhere", "unknown event kind"),
    ("cis-charter\twithdrawal\tXX\t2009-08-18\tsomewhere", "unknown state"),
    ("cis-charter\twithdrawal\tGE\t18.08.2009\tsomewhere", "bad date"),
    ("cis-charter\twithdrawal\tGE\t2009-08-18\t", "no source"),
    ("cis-charter\twithdrawal\t\t2009-08-18\tsomewhere", "only an entry into force"),
])
def test_a_bad_row_names_file_and_problem(tmp_path, row, problem):
    path = tmp_path / "events.tsv"
    path.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError) as err:
        curated_events(path)
    assert str(path) in str(err.value) and problem in str(err.value)
