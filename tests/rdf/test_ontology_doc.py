"""docs/ontology.md is derived from ontology/*.ttl; it must be current."""
import subprocess
import sys

from pskg.paths import ROOT


def test_ontology_doc_is_current():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_ontology_doc.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
