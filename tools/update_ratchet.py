"""Rewrite tests/eval_ratchet.json from a fresh `pskg eval` run on the bundled corpus and both dev sets.

    .venv/bin/python tools/update_ratchet.py            # floors := today's scores
    .venv/bin/python tools/update_ratchet.py --only-up  # keep an old floor where today is worse

The ratchet holds, per corpus, the floor of every field's F1 or accuracy and the ceiling of the
obligation count's mean absolute error; tests/test_eval.py fails when a run falls below a floor
(or rises above the ceiling). Raise the floors whenever the extractor improves. A corpus whose
folder is absent (the dev set outside this repository) keeps its old floors.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pskg.evaluate import evaluate  # noqa: E402
from pskg.evaluate.report import headline  # noqa: E402

RATCHET = ROOT / "tests" / "eval_ratchet.json"
CORPORA = {   # name → (documents, gold), relative to the repository root
    "bundled": ("data/corpus", "tests/gold"),
    "dev": ("../shared/corpus/dev/docs", "../shared/corpus/dev/gold"),
    "dev2": ("../shared/corpus/dev2/docs", "../shared/corpus/dev2/gold"),
}
COMMENT = ("Floors of F1/accuracy (ceiling of mean_abs_error) per field, from `pskg eval`. "
           "Rewrite with tools/update_ratchet.py; tests/test_eval.py fails on a drop > 1e-9.")


def lower_is_better(metric: str) -> bool:
    return metric == "mean_abs_error"


def floors(scores: dict) -> dict:
    """field → {metric: value} for the one number of each field that has one."""
    out = {}
    for field, score in scores["overall"].items():
        metric = next(k for k in ("f1", "accuracy", "mean_abs_error") if k in score)
        if headline(score) is not None:
            out[field] = {metric: headline(score)}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only-up", action="store_true",
                        help="never lower a floor (or raise a ceiling) already in the file")
    args = parser.parse_args(argv)
    old = json.loads(RATCHET.read_text(encoding="utf-8")) if RATCHET.exists() else {}
    out = {"comment": COMMENT, "corpora": {}}
    for name, (docs, gold) in CORPORA.items():
        previous = old.get("corpora", {}).get(name, {}).get("floors", {})
        if not (ROOT / docs).is_dir():
            print(f"{name}: {docs} absent; floors kept")
            new = previous
        else:
            new = floors(evaluate(ROOT / docs, ROOT / gold))
            for field, metric_value in new.items():
                (metric, value), = metric_value.items()
                before = previous.get(field, {}).get(metric)
                if args.only_up and before is not None and (
                        value > before if lower_is_better(metric) else value < before):
                    metric_value[metric] = value = before
                print(f"{name:8} {field:24} {metric:15} {before!s:>20} → {value}")
        out["corpora"][name] = {"corpus": docs, "gold": gold, "floors": new}
    RATCHET.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RATCHET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
