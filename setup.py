"""The wheel carries ontology/, data/ and queries/ inside the pskg package (pskg.paths finds
them there when pskg is not run from a checkout); everything else is in pyproject.toml."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithShippedData(build_py):
    def run(self):
        super().run()
        for name in ("ontology", "data", "queries"):
            shutil.copytree(HERE / name, Path(self.build_lib) / "pskg" / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithShippedData})
