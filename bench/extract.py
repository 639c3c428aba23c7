"""Extraction speed: documents and MB per second of read → extract → assemble.

The bundled corpus and the dev corpus are copied, file by file, into a temporary folder until
they reach --mb megabytes (50 by default), then processed by the real pipeline with one process
and with every core. Printed against two references measured in the same run:
- the target, 1 MB/s per core (issue "The extractor on documents it has never seen");
- a floor: the read stage alone (decoding, normalising, language detection) on the same files.

    .venv/bin/python bench/extract.py [--mb 50] [--jobs N] [--out bench/EXTRACT.md]
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pskg.paths import DATA_DIR, ROOT
from pskg.pipeline import corpus_files, process_all
from pskg.read import read

TARGET_MB_PER_CORE = 1.0


def make_corpus(folder: Path, megabytes: float) -> list[Path]:
    sources = corpus_files(DATA_DIR / "corpus")
    dev = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
    if dev.is_dir():
        sources += corpus_files(dev)
    paths, size, n = [], 0, 0
    while size < megabytes * 1e6:
        for src in sources:
            dst = folder / f"{n:06d}_{src.name}"
            shutil.copyfile(src, dst)
            paths.append(dst)
            size += src.stat().st_size
            n += 1
    return paths


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=None, help="also write a Markdown report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.mb)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        process_all(paths[:20])                       # load tables and reference data once
        floor = timed(lambda: [read(p) for p in paths])
        single = timed(lambda: process_all(paths, jobs=1))
        multi = timed(lambda: process_all(paths, jobs=args.jobs))
    rows = [("read stage only (floor)", 1, floor), ("read → extract → assemble", 1, single),
            (f"read → extract → assemble, {args.jobs} processes", args.jobs, multi)]
    lines = [f"# Extraction speed ({time.strftime('%Y-%m-%d')})", "",
             f"{len(paths)} documents, {mb:.1f} MB (bundled + dev corpora repeated); "
             f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}", "",
             "| run | processes | seconds | docs/s | MB/s | MB/s per process | vs 1 MB/s/core target |",
             "|---|---|---|---|---|---|---|"]
    for name, jobs, seconds in rows:
        rate = mb / seconds
        lines.append(f"| {name} | {jobs} | {seconds:.1f} | {len(paths) / seconds:.0f} | "
                     f"{rate:.2f} | {rate / jobs:.2f} | {rate / jobs / TARGET_MB_PER_CORE:.2f}× |")
    lines += ["", f"Extraction costs {single / floor:.1f}× the read stage alone; "
              f"{args.jobs} processes run {single / multi:.2f}× faster than one."]
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
