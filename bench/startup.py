"""Start-up cost of the command line: what every ``pskg`` command pays before it works.

Times, in fresh interpreters (median of --runs), ``import pskg.cli`` as it is now against the
previous behaviour measured in the same run: the command line importing, at load time, every
stage its command groups use (the network package with networkx and matplotlib, the query and
store packages with pyoxigraph and rdflib's SPARQL engine). Also times ``pskg --help`` end to end.

    .venv/bin/python bench/startup.py [--runs 7]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

NOW = "import pskg.cli"
BEFORE = ("import pskg.cli, pskg.network.build, pskg.network.export, pskg.network.measures, "
          "pskg.network.plot, pskg.network.source, pskg.query, pskg.store")
TARGET_S = 0.3


def wall(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    bare = wall([sys.executable, "-c", "pass"], runs)
    now = wall([sys.executable, "-c", NOW], runs)
    before = wall([sys.executable, "-c", BEFORE], runs)
    pskg = str(Path(sys.executable).with_name("pskg"))
    pskg = pskg if Path(pskg).exists() else shutil.which("pskg")
    helptime = wall([pskg, "--help"], runs)
    print(f"median of {runs} fresh interpreters, wall seconds")
    print(f"  python -c pass                     {bare:6.3f}")
    print(f"  import pskg.cli (now)              {now:6.3f}")
    print(f"  import pskg.cli (before: eager)    {before:6.3f}")
    print(f"  pskg --help                        {helptime:6.3f}  (target < {TARGET_S} s: "
          f"{'met' if helptime < TARGET_S else 'NOT met'})")
    print(f"  before / now                       {before / now:6.1f}x")


if __name__ == "__main__":
    main()
