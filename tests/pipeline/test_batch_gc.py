"""A batch of documents runs with the long-lived tables out of Python's full garbage
collections, and leaves the caller's process as it found it."""
from __future__ import annotations

import gc
import multiprocessing as mp

import pytest

from pskg.errors import InputError
from pskg.extract import entities
from pskg.extract.entities import tables_frozen
from pskg.paths import DATA_DIR
from pskg.pipeline import corpus_files, process_all, process_file

PATHS = corpus_files(DATA_DIR / "corpus")[:2]


@pytest.fixture
def unfrozen():
    """A process with nothing frozen (a test may have left objects frozen before)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_a_batch_freezes_the_tables_only_while_it_runs(unfrozen):
    during: list[int] = []
    records = process_all(PATHS, progress=lambda done, total, name: during.append(gc.get_freeze_count()))
    assert during and min(during) > 0          # the tables (and all else alive) set aside
    assert gc.get_freeze_count() == 0          # and put back when the batch ended
    assert records == [process_file(p) for p in PATHS]    # the same as outside a batch


def test_overlapping_batches_unfreeze_when_the_last_ends(unfrozen):
    with tables_frozen():
        with tables_frozen():                  # a second batch (another thread of a worker)
            pass
        assert gc.get_freeze_count() > 0       # the first is still running
    assert gc.get_freeze_count() == 0


def test_what_a_caller_froze_stays_frozen(unfrozen):
    gc.freeze()
    mine = gc.get_freeze_count()
    assert mine > 0
    process_all(PATHS[:1])
    assert gc.get_freeze_count() == mine


@pytest.mark.skipif("fork" not in mp.get_all_start_methods(), reason="needs the fork start method")
def test_a_pool_reports_why_the_tables_cannot_be_built(monkeypatch):
    """Workers build the tables when they start; if that fails, the document's own error comes
    back (not a broken pool)."""
    def unreadable():
        raise InputError("reference data unreadable", path="data/reference/x")
    monkeypatch.setattr(entities, "name_matcher", unreadable)
    with pytest.raises(InputError, match="reference data unreadable"):
        process_all(PATHS, jobs=2)
