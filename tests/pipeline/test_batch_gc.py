"""A batch of documents runs with the long-lived tables out of Python's full garbage
collections, and leaves the caller's process as it found it."""
from __future__ import annotations

import gc

from pskg.paths import DATA_DIR
from pskg.pipeline import corpus_files, process_all, process_file


def test_a_batch_freezes_the_tables_only_while_it_runs():
    paths = corpus_files(DATA_DIR / "corpus")[:2]
    assert gc.get_freeze_count() == 0
    during: list[int] = []
    records = process_all(paths, progress=lambda done, total, name: during.append(gc.get_freeze_count()))
    assert during and min(during) > 0          # the tables (and all else alive) set aside
    assert gc.get_freeze_count() == 0          # and put back when the batch ended
    # the same records as one document at a time, outside any batch
    assert records == [process_file(p) for p in paths]
    assert gc.get_freeze_count() == 0
