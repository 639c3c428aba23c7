"""Extraction speed: documents and MB per second of read → extract → assemble.

The bundled corpus and the dev corpus are copied, file by file, into a temporary folder until
they reach --mb megabytes (50 by default), then processed by the real pipeline with one process
and with every core. Printed against two references measured in the same run:
- the target, 1 MB/s per core (issue "The extractor on documents it has never seen");
- a floor: the read stage alone (decoding, normalising, language detection) on the same files.

    .venv/bin/python bench/extract.py [--mb 50] [--jobs N] [--out bench/EXTRACT.md]
    .venv/bin/python bench/extract.py --mb 5 --baseline 4b5f2f1 [--rounds 3]

With --baseline REV, the same files are also run, one process, by the code of git revision REV
(exported to a temporary folder with `git archive`, its own tables and reference data), in
child processes that alternate with the current code's, so both meet the same machine load;
the medians of the rounds are compared: "before and after" in one run.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
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


def child(folder: Path) -> None:
    """In a child process (with the code to measure first on sys.path): the read stage and the
    whole pipeline, one process, over the files of `folder`; one JSON line."""
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    process_all(paths[:20])
    floor = timed(lambda: [read(p) for p in paths])
    single = timed(lambda: process_all(paths, jobs=1))
    print(json.dumps({"floor": floor, "single": single}))


def _run_child(src: Path, folder: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(folder)],
                         env=env, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def compare(rev: str, folder: Path, mb: float, n: int, rounds: int) -> list[str]:
    """The current code against revision `rev`, alternating, `rounds` times each."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        tree.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        runs: dict[str, list[dict]] = {"now": [], rev: []}
        for _ in range(rounds):
            runs["now"].append(_run_child(ROOT / "src", folder))
            runs[rev].append(_run_child(tree / "src", folder))
    med = {k: {m: statistics.median(r[m] for r in v) for m in ("floor", "single")}
           for k, v in runs.items()}
    lines = ["", f"## Before and after: this tree against {rev} (same {n} files, one process, "
             f"median of {rounds} alternating rounds)", "",
             "| code | read stage s | read MB/s | read → extract → assemble s | MB/s |",
             "|---|---:|---:|---:|---:|"]
    for k in (rev, "now"):
        f, s = med[k]["floor"], med[k]["single"]
        lines.append(f"| {k} | {f:.2f} | {mb / f:.2f} | {s:.2f} | {mb / s:.2f} |")
    lines += ["", f"This tree is {med[rev]['single'] / med['now']['single']:.2f}× as fast as {rev} "
              f"on the whole pipeline, {med[rev]['floor'] / med['now']['floor']:.2f}× on the read stage."]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", metavar="REV", help="also time git revision REV (same files)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=None, help="also write a Markdown report")
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(Path(tmp), args.mb)
        mb = sum(p.stat().st_size for p in paths) / 1e6
        process_all(paths[:20])                       # load tables and reference data once
        floor = timed(lambda: [read(p) for p in paths])
        single = timed(lambda: process_all(paths, jobs=1))
        multi = timed(lambda: process_all(paths, jobs=args.jobs))
        before_after = compare(args.baseline, Path(tmp), mb, len(paths), args.rounds) \
            if args.baseline else []
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
              f"{args.jobs} processes run {single / multi:.2f}× faster than one."] + before_after
    report = "\n".join(lines) + "\n"
    sys.stdout.write(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
