"""Where things are. The shipped folders (ontology/, data/, queries/) are found in the
checkout when pskg runs from one (src/pskg/paths.py → the repository root), else inside the
installed package (a wheel carries them as package data, see setup.py). Outputs have one rule
for every command: `build/` under the working directory, unless an option names another place.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parents[1]
SHIPPED = ("ontology", "data", "queries")


def _root() -> Path:
    if (_CHECKOUT / "pyproject.toml").is_file() and all((_CHECKOUT / d).is_dir() for d in SHIPPED):
        return _CHECKOUT
    return _PACKAGE


ROOT = _root()
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
QUERIES_DIR = ROOT / "queries"
BUILD_DIR = Path("build")
