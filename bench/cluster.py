"""The build on one machine against the build on a Dask cluster, in the same run.

    .venv/bin/python bench/cluster.py                       # 2,000 instruments, LocalCluster of 2
    .venv/bin/python bench/cluster.py -n 500 --workers 2
    .venv/bin/python bench/cluster.py --address tcp://scheduler:8786   # a real cluster

Writes a synthetic corpus (`pskg synth`), then runs, each as its own process:
`pskg build` (the baseline, one process), `pskg build --jobs W` (W processes for
read/extract/assemble), and `pskg build --cluster local --jobs W` (or --cluster ADDRESS).
Prints per run the wall time, the peak RSS of the client process and the peak of the summed RSS
of its whole process tree (the LocalCluster's scheduler, nannies and workers included; sampled
every 0.2 s), the ratio to the baseline, and whether pskg.trig and pskg.ttl are byte-identical.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

PSKG = [sys.executable, "-c", "from pskg.cli import app; app()"]


def measure(cmd: list[str]) -> dict:
    """Run `cmd`; its wall time and peak RSS (own, and summed over the process tree), in MB."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    top, own, tree = psutil.Process(proc.pid), 0, 0
    while proc.poll() is None:
        try:
            mine = top.memory_info().rss
            total = mine + sum(c.memory_info().rss for c in top.children(recursive=True))
        except psutil.Error:
            continue
        own, tree = max(own, mine), max(tree, total)
        time.sleep(0.2)
    wall = time.perf_counter() - started
    if proc.returncode:
        sys.exit(f"{' '.join(cmd[3:])} failed:\n{proc.stderr.read()[-2000:]}")
    return {"wall": wall, "rss": own / 2**20, "tree": tree / 2**20}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--instruments", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--address", default="local", help="a Dask scheduler, or 'local'")
    ap.add_argument("--work", type=Path, default=None, help="folder for the corpus and builds")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="pskg-bench-cluster-"))
    docs = work / "corpus" / "docs"
    if not docs.is_dir():
        subprocess.run([*PSKG, "synth", "-n", str(args.instruments), "--seed", str(args.seed),
                        "-o", str(work / "corpus")], check=True, stdout=subprocess.DEVNULL)
    runs = {"local, 1 process (baseline)": [],
            f"local, --jobs {args.workers}": ["--jobs", str(args.workers)],
            f"--cluster {args.address}, {args.workers} workers":
                ["--cluster", args.address, "--jobs", str(args.workers)]}
    print(f"{args.instruments} instruments, {len(list(docs.iterdir())) - 1} documents, "
          f"{psutil.cpu_count()} cores, load average {psutil.getloadavg()[0]:.1f} at the start")
    print(f"{'run':36} {'wall s':>8} {'ratio':>6} {'client RSS MB':>14} {'tree RSS MB':>12}  same files")
    base, first = None, None
    for i, (name, extra) in enumerate(runs.items()):
        out = work / f"out{i}"
        row = measure([*PSKG, "build", "--corpus", str(docs), "--out", str(out), *extra])
        files = [(out / f).read_bytes() for f in ("pskg.trig", "pskg.ttl")]
        base, first = base or row, first or files
        print(f"{name:36} {row['wall']:8.1f} {row['wall'] / base['wall']:6.2f} "
              f"{row['rss']:14.0f} {row['tree']:12.0f}  {'yes' if files == first else 'NO'}")
    print(f"load average {psutil.getloadavg()[0]:.1f} at the end; work folder {work}")


if __name__ == "__main__":
    main()
