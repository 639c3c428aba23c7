"""What a user waits for: each named query through the command line, start-up included.

Builds the bundled corpus into a store (``pskg build --store``, as the README does), then runs
every named query with its ``# example:`` params as a fresh ``pskg query`` process on the store
as built (``--store``) and on the TriG file (``--graph``, the in-memory oxigraph engine), and,
measured in the same run, the naive path: ``--graph --engine rdflib``. Prints, per query, the
median wall and CPU seconds (user + system of the process) of --runs runs. CPU is the figure to
trust on a shared machine: wall grows with everyone else's load.

    .venv/bin/python bench/query_cli.py [--runs 3] [--work /tmp/pskg-query-cli]
"""
from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PSKG = str(Path(sys.executable).with_name("pskg"))
TARGET_S = 1.0


def timed(argv: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def examples() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted((ROOT / "queries").glob("*.rq")):
        line = next((ln for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.startswith("# example:")), f"# example: pskg query {path.stem}")
        words = shlex.split(line.removeprefix("# example:"))[2:]
        out.append((path.stem, [w for w in words if w not in ("--format", "csv")]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=os.environ.get("PSKG_BENCH_DIR", "/tmp/pskg-query-cli"))
    args = parser.parse_args()
    work = Path(args.work)
    subprocess.run(["rm", "-rf", str(work)], check=True)
    subprocess.run([PSKG, "build", "--corpus", str(ROOT / "data" / "corpus"), "--out", str(work),
                    "--store", str(work / "store")], check=True, stdout=subprocess.DEVNULL)
    ways = {"--store": ["--store", str(work / "store")],
            "--graph": ["--graph", str(work / "pskg.trig")],
            "--graph --engine rdflib (naive)": ["--graph", str(work / "pskg.trig"), "--engine", "rdflib"]}
    print(f"median of {args.runs} runs; wall s / CPU s per `pskg query` process, start-up included")
    print(f"{'query':28s}" + "".join(f"{w:>34s}" for w in ways))
    worst = {w: 0.0 for w in ways}
    totals = {w: 0.0 for w in ways}
    for name, words in examples():
        cells = []
        for way, extra in ways.items():
            runs = [timed([PSKG, "query", *words, *extra]) for _ in range(args.runs)]
            wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
            worst[way], totals[way] = max(worst[way], wall), totals[way] + cpu
            cells.append(f"{wall:6.2f} / {cpu:5.2f}")
        print(f"{name:28s}" + "".join(f"{c:>34s}" for c in cells), flush=True)
    naive = totals["--graph --engine rdflib (naive)"]
    for way in ways:
        print(f"{way}: slowest wall {worst[way]:.2f} s (target < {TARGET_S} s: "
              f"{'met' if worst[way] < TARGET_S else 'NOT met'}); CPU summed over the queries "
              f"{totals[way]:.2f} s, naive / this {naive / totals[way]:.1f}x")


if __name__ == "__main__":
    main()
