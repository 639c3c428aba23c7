"""Developer aid: a one-screen view of what the extractor claims for each document of a folder.

    .venv/bin/python tools/show.py data/corpus [NAME-FRAGMENT]
"""
import sys
from pathlib import Path

from pskg.pipeline import corpus_files, process_file

for p in corpus_files(Path(sys.argv[1])):
    if len(sys.argv) > 2 and sys.argv[2] not in p.name:
        continue
    r = process_file(p)
    c = r.instrument
    print("==", p.name, r.text.language, r.genre, "|", c.kind, c.date_signed, c.place, "|", c.title)
    print("  parties", c.parties)
    print("  sigs", [(s.person_id or s.person_name, s.state, s.role, s.inferred) for s in c.signatures])
    print("  refs", [(x.title[:50], x.kind, x.date, x.known_id) for x in c.references])
    print("  obl", [(o.number, o.modality, o.bearers, o.topics[:3]) for o in c.obligations][:14])
    print("  letter", [(s.person_id or s.person_name, s.state, s.role) for s in r.letter_signers])
