"""Where the repository's folders are, found from this file (src/pskg/paths.py → repo root)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
BUILD_DIR = ROOT / "build"
