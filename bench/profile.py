"""Where the pipeline spends its time: cProfile over N synthetic documents (default 1,000),
one process, caches warmed on a few documents first. Writes bench/PROFILE.md.

    .venv/bin/python bench/profile.py [N] [--seed S]
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _table(stats: pstats.Stats, key: str, limit: int) -> list[str]:
    stats.sort_stats(key)
    rows = ["| function (file:line) | calls | own s | with callees s |", "|---|---:|---:|---:|"]
    for func in stats.fcn_list[:limit]:
        cc, nc, tt, ct, _ = stats.stats[func]
        where, line, name = func
        where = where.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
        rows.append(f"| `{name}` ({where}:{line}) | {nc:,} | {tt:.2f} | {ct:.2f} |")
    return rows


def profile(label: str, fn, limit: int = 15) -> tuple[list[str], float]:
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    fn()
    prof.disable()
    wall = time.perf_counter() - start
    stats = pstats.Stats(prof, stream=io.StringIO())
    out = [f"### {label} ({wall:.1f} s under the profiler)", "", "By own time:", "",
           *_table(stats, "tottime", limit), "", "By cumulative time:", "",
           *_table(stats, "cumulative", limit), ""]
    return out, wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from pskg.pipeline import corpus_files, manifest_sources, process_all
    from pskg.resolve import resolve
    from pskg.store import bulk
    from pskg.synth import write_corpus

    work = Path(tempfile.mkdtemp(prefix="pskg-profile-"))
    write_corpus(work, args.n, args.seed)
    corpus = work / "docs"
    files, sources = corpus_files(corpus), manifest_sources(corpus)
    process_all(files[:5], sources=sources)               # tables and matchers built once
    records: list = []
    out = [f"# Profile of the pipeline on {args.n:,} synthetic documents", "",
           f"`.venv/bin/python bench/profile.py {args.n}` (one process, cProfile; times are "
           f"inflated by the profiler, their proportions are what matters).", ""]
    part, _ = profile("read → extract → assemble",
                      lambda: records.extend(process_all(files, sources=sources, jobs=1)))
    out += part
    resolved: list = []
    part, _ = profile("resolve", lambda: resolved.extend(resolve(records).records))
    out += part
    part, _ = profile("map → N-Quads (one process)",
                      lambda: bulk.write_nquads(resolved, work / "graph.nq"))
    out += part
    (HERE / "PROFILE.md").write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"→ {HERE / 'PROFILE.md'}")


if __name__ == "__main__":
    main()
