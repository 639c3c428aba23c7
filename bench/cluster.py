"""The build on one machine against the build on a Dask cluster, in the same run.

    .venv/bin/python bench/cluster.py                       # 2,000 instruments, LocalCluster of 2
    .venv/bin/python bench/cluster.py -n 500 --workers 2
    .venv/bin/python bench/cluster.py --address tcp://scheduler:8786   # a real cluster
    .venv/bin/python bench/cluster.py -n 2000 --stages     # only the stages the cluster runs
    .venv/bin/python bench/cluster.py -n 200 --load         # also: pskg.nq into Oxigraph, two ways

Writes a synthetic corpus (`pskg synth`), then runs, each as its own process:
`pskg build` (the baseline, one process), `pskg build --jobs W` (W processes for
read/extract/assemble), and `pskg build --cluster local --jobs W` (or --cluster ADDRESS).
Prints per run the wall time, the peak RSS of the client process and the peak of the summed RSS
of its whole process tree (the LocalCluster's scheduler, nannies and workers included; sampled
every 0.2 s), the ratio to the baseline, and whether pskg.trig and pskg.ttl are byte-identical.
With --stages, each run does only read → extract → assemble, resolve and the mapping to
N-Quads (`pipeline.process_all` + `store.bulk.write_nquads` with 1 and W processes, against
`cluster.read_records` + `cluster.write_nquads`), and the N-Quads files are compared.
With --load, the last run's pskg.nq then goes into Oxigraph (the `oxigraph` wheel's server):
`oxigraph load` into an empty folder, and `pskg push --graph-store` into `oxigraph serve` on a
free loopback port; wall time and peak RSS of each.
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


def stages(docs: Path, out: Path, jobs: int, address: str | None) -> None:
    """read → extract → assemble → resolve → N-Quads, locally or on the cluster (one run)."""
    from pskg import cluster, pipeline
    from pskg.resolve import resolve
    from pskg.store.bulk import write_nquads

    paths, sources = pipeline.corpus_files(docs), pipeline.manifest_sources(docs)
    out.mkdir(parents=True, exist_ok=True)
    if address is None:
        records = pipeline.process_all(paths, sources=sources, jobs=jobs)
        write_nquads(resolve(records).records, out / "pskg.nq", jobs=jobs)
        return
    with cluster.connect(address, workers=jobs) as client:
        records = cluster.read_records(client, paths, sources=sources)
        cluster.write_nquads(client, resolve(records).records, out / "pskg.nq")


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


def load(nq: Path, work: Path) -> None:
    """pskg.nq into Oxigraph: its offline bulk loader, and `pskg push` into its server."""
    import shutil
    import socket
    import urllib.request

    binary = str(Path(sys.executable).parent / "oxigraph")
    lines = sum(1 for _ in open(nq, "rb"))
    for folder in ("oxigraph-load", "oxigraph-serve"):
        shutil.rmtree(work / folder, ignore_errors=True)
    row = measure([binary, "load", "--location", str(work / "oxigraph-load"), "--file", str(nq)])
    print(f"oxigraph load of {lines} quads: {row['wall']:.1f} s, peak RSS {row['rss']:.0f} MB")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([binary, "serve", "--location", str(work / "oxigraph-serve"),
                               "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        row = measure([*PSKG, "push", "--graph", str(nq),
                       "--graph-store", f"http://127.0.0.1:{port}/store"])
        print(f"pskg push --graph-store of {lines} quads: {row['wall']:.1f} s, "
              f"peak RSS {row['rss']:.0f} MB")
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--instruments", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--address", default="local", help="a Dask scheduler, or 'local'")
    ap.add_argument("--work", type=Path, default=None, help="folder for the corpus and builds")
    ap.add_argument("--stages", action="store_true", help="only the stages the cluster runs")
    ap.add_argument("--load", action="store_true", help="then load pskg.nq into Oxigraph")
    ap.add_argument("--only", nargs="+", choices=("baseline", "jobs", "cluster"),
                    help="some of the runs (files are then compared with an earlier baseline "
                         "in the same --work folder)")
    ap.add_argument("--run-stages", nargs=4, metavar=("DOCS", "OUT", "JOBS", "ADDRESS"),
                    help=argparse.SUPPRESS)        # one run of --stages, in its own process
    args = ap.parse_args()
    if args.run_stages:
        docs, out, jobs, address = args.run_stages
        return stages(Path(docs), Path(out), int(jobs), None if address == "-" else address)
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
    names = ("pskg.nq",) if args.stages else ("pskg.trig", "pskg.ttl")
    base, first = None, None
    for i, (name, extra) in enumerate(runs.items()):
        out = work / f"{'stages' if args.stages else 'out'}{i}"
        if args.only and ("baseline", "jobs", "cluster")[i] not in args.only:
            if i == 0 and out.is_dir():          # an earlier baseline: compare files with it
                first = [(out / f).read_bytes() for f in names]
            continue
        if args.stages:
            jobs = extra[extra.index("--jobs") + 1] if extra else "1"
            address = extra[extra.index("--cluster") + 1] if "--cluster" in extra else "-"
            row = measure([sys.executable, __file__, "--run-stages", str(docs), str(out), jobs, address])
        else:
            row = measure([*PSKG, "build", "--corpus", str(docs), "--out", str(out), *extra])
        files = [(out / f).read_bytes() for f in names]
        base = row if i == 0 else base
        same = "-" if first is None else "yes" if files == first else "NO"
        first = first or files
        ratio = row["wall"] / base["wall"] if base else float("nan")
        print(f"{name:36} {row['wall']:8.1f} {ratio:6.2f} {row['rss']:14.0f} {row['tree']:12.0f}  "
              f"{same}", flush=True)
    if args.load:
        load(out / "pskg.nq", work)
    print(f"load average {psutil.getloadavg()[0]:.1f} at the end; work folder {work}")


if __name__ == "__main__":
    main()
