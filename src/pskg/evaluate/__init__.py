"""`pskg eval`: score the extractor against hand-made gold files (shared/eval/GOLD-FORMAT.md).

In: a corpus folder and a folder of gold files; out: the score shape of GOLD-FORMAT.
pair_documents → process_file → ``predict`` (a Record in the gold shape) → ``score``
(score_document: one document's counts and errors; aggregate: micro-averages, overall and per
language) → ``report`` (the table). ``match`` holds the matching decisions, beyond GOLD-FORMAT:
- place: a name is looked up among the reference places' names in every language (case and
  diacritics folded); two places match when their ids meet, else when the folded names are equal;
- signatories: the same person when the gold English name resolves (full name, any word order,
  else surname) to reference ids that include the found person's id; when either side is not in
  the reference data, when Latin-script surnames are equal (no transliteration of other scripts).
  A gold state of null does not constrain the state; a given one must be equal. Greedy one-to-one;
- signatory_roles: accuracy over matched pairs; a gold role_en is reduced to a role id by the
  longest English phrase of data/lexicon/roles.tsv it contains; null matches only null;
- referenced_instruments: same date where both have one, else token-set Jaccard ≥ 0.5 of the
  titles (folded, punctuation and English function words dropped), or the same known instrument;
- obligations_count: absolute error where the gold is not null (nothing found counts as 0).
"""
from __future__ import annotations

import json
from pathlib import Path

from pskg.errors import InputError


def pair_documents(corpus_dir: Path, gold_dir: Path) -> list[tuple[Path, Path]]:
    """(document, gold file) for every NAME.json in gold_dir: the one document NAME.* in
    corpus_dir (NAME.txt, NAME.ru.txt, NAME.pdf…); none or several is an InputError."""
    corpus_dir, gold_dir = Path(corpus_dir), Path(gold_dir)
    for folder in (corpus_dir, gold_dir):
        if not folder.is_dir():
            raise InputError("not a folder", path=folder)
    golds = sorted(gold_dir.glob("*.json"))
    if not golds:
        raise InputError("no gold files (NAME.json) in this folder", path=gold_dir)
    files = sorted(p for p in corpus_dir.iterdir() if p.is_file() and not p.name.startswith("."))
    by_stem: dict[str, list[Path]] = {}     # every "NAME" a file's name starts with as "NAME."
    for p in files:
        for dot in (i for i, c in enumerate(p.name) if c == "."):
            by_stem.setdefault(p.name[:dot], []).append(p)
    pairs = []
    for gold in golds:
        docs = by_stem.get(gold.stem, [])
        if len(docs) != 1:
            what = "no document" if not docs else "two or more documents (" + ", ".join(
                p.name for p in docs) + ")"
            raise InputError(f"{what} named {gold.stem}.* in {corpus_dir}", path=gold)
        pairs.append((docs[0], gold))
    return pairs


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read gold file: {exc}", path=path) from None
    shapes = {"instrument": dict, "parties": list, "signatories": list,
              "referenced_instruments": list}
    if not isinstance(gold, dict) or any(not isinstance(gold.get(k, t()), t)
                                         for k, t in shapes.items()):
        raise InputError("not a gold object (see GOLD-FORMAT.md)", path=path)
    return gold


# ---- normalisation ---------------------------------------------------------------------------


def document_name(path: Path) -> str:
    """The name errors use: the file name without its last suffix (05_x.ru.txt → 05_x.ru)."""
    return path.name.rsplit(".", 1)[0]


def evaluate(corpus_dir: Path, gold_dir: Path, lang: str | None = None) -> dict:
    """Run the extractor on every paired document and score it (the GOLD-FORMAT score shape).
    `lang` forces the language of every document, as `pskg build --lang` does."""
    from pskg.evaluate.predict import predict
    from pskg.evaluate.score import aggregate, score_document
    from pskg.pipeline import manifest_sources, process_file
    from pskg.resolve import resolve

    golds = [(doc, load_gold(path)) for doc, path in pair_documents(corpus_dir, gold_dir)]
    try:
        sources = manifest_sources(Path(corpus_dir))
    except KeyError:            # a MANIFEST.tsv without a 'file' column: provenance only, go on
        sources = {}
    records = [process_file(doc, lang=lang, source=sources.get(doc.name)) for doc, _ in golds]
    resolve(records)                   # persons written short or in another spelling
    scored = []
    for (doc, gold), record in zip(golds, records):
        pred = predict(record)
        counts, errors = score_document(gold, pred, document_name(doc))
        scored.append((gold.get("language") or "und", counts, errors))
    return aggregate(scored)
