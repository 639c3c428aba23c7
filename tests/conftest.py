"""Shared fixtures: the real pipeline run once on the bundled corpus."""
from __future__ import annotations

import pytest

from pskg.paths import DATA_DIR


@pytest.fixture(scope="session")
def corpus_build():
    """The bundled corpus built by the real pipeline (read → … → validate)."""
    from pskg.pipeline import build

    return build(DATA_DIR / "corpus")


@pytest.fixture(scope="session")
def corpus_graph(corpus_build):
    dataset = corpus_build.dataset
    dataset.default_union = True
    return dataset
