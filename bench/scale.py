"""Scale benchmark: synthetic corpora of N instruments through the real pipeline.

    .venv/bin/python bench/scale.py                 # N = 1,000 and 10,000 (with the baseline)
    .venv/bin/python bench/scale.py 2000 --no-baseline
    .venv/bin/python bench/scale.py --full          # also N = 100,000

Each stage runs in its own process (bench/scale_stages.py) so its peak memory is its own:
synth → read+extract+assemble with 1 and 2 processes → resolve → map to N-Quads → bulk load
into an on-disk pyoxigraph store → validation (fast path) → Turtle export → the named queries
(median of 5 runs). At N ≤ 10,000 the same run measures a naive baseline: rdflib Dataset,
rdflib SPARQL, rdflib Turtle, whole-graph pyshacl (stopped after --baseline-timeout seconds).
Results accumulate in bench/scale_results.json; bench/RESULTS.md is written from them.
"""
from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS_JSON = HERE / "scale_results.json"


def run_stage(args, name: str, n: int, extra=(), step_timeout: float | None = None) -> list[dict]:
    """Run one stage in a child process; its JSON lines, plus the wall time of the process.
    A step announced with {"begin": STEP} that outlives step_timeout is stopped and recorded
    as {"step": STEP, "timeout": T}."""
    work = Path(args.work) / str(n)
    work.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "--stage", name, "--work", str(work),
           "--n", str(n), "--seed", str(args.seed), "--query-timeout", str(args.query_timeout),
           *(["--baseline-quick"] if args.baseline_quick else []), *extra]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout] + [lines.put(None)],
                     daemon=True).start()
    out, current, since = [], None, time.perf_counter()
    while True:
        try:
            line = lines.get(timeout=1.0)
        except queue.Empty:
            if current and step_timeout and time.perf_counter() - since > step_timeout:
                os.killpg(proc.pid, signal.SIGKILL)
                out.append({"step": current, "timeout": step_timeout})
                print(f"  {n}: {current} stopped after {step_timeout:.0f} s", flush=True)
                break
            continue
        if line is None:
            break
        record = json.loads(line)
        if "begin" in record:
            current, since = record["begin"], time.perf_counter()
            continue
        current = None
        out.append(record)
        print(f"  {n}: {record}", flush=True)
    proc.wait()
    out.append({"step": f"process:{name}", "seconds": time.perf_counter() - started,
                "exit": proc.returncode})
    return out


def bench_size(args, n: int) -> list[dict]:
    print(f"N = {n}", flush=True)
    records = run_stage(args, "synth", n)
    baseline = not args.no_baseline and n <= 10_000
    if not baseline:
        records += run_stage(args, "extract1", n)
    records += run_stage(args, "build", n)
    records += run_stage(args, "load", n)
    records += run_stage(args, "validate", n, ["--on-disk"])
    records += run_stage(args, "export", n)
    records += run_stage(args, "queries", n)
    if n == 10_000 or (n < 10_000 and args.perdoc):
        records += run_stage(args, "perdoc", n)
    if baseline:
        records += run_stage(args, "baseline", n, step_timeout=args.baseline_timeout)
    return records


def machine() -> dict:
    from importlib.metadata import version
    cpu = next((ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo")
                if ln.startswith("model name")), "?")
    mem = next((int(ln.split()[1]) for ln in open("/proc/meminfo") if ln.startswith("MemTotal")), 0)
    libs = {p: version(p) for p in ("rdflib", "pyshacl", "pyoxigraph", "networkx")}
    return {"nproc": os.cpu_count(), "memory_gb": round(mem / 1024 ** 2, 1), "cpu": cpu,
            "python": sys.version.split()[0], **libs, "date": time.strftime("%Y-%m-%d")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int)
    parser.add_argument("--full", action="store_true", help="also N = 100,000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default=os.environ.get("PSKG_BENCH_DIR", "/tmp/pskg-bench"))
    parser.add_argument("--baseline-timeout", type=float, default=600.0)
    parser.add_argument("--query-timeout", type=float, default=120.0,
                        help="stop a named query (5 runs) after this many seconds")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--baseline-quick", action="store_true",
                        help="baseline without rdflib queries and Turtle (with --only baseline)")
    parser.add_argument("--perdoc", action="store_true", help="time per-document pyshacl below 10k")
    parser.add_argument("--only", help="re-run these stages (comma-separated: synth, extract1, "
                        "build, load, validate, export, queries, perdoc, baseline) for the sizes")
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    parser.add_argument("--results", default=str(RESULTS_JSON),
                        help="the JSON file the measurements accumulate in")
    parser.add_argument("--stage")
    parser.add_argument("--n", type=int, default=0)
    parser.add_argument("--on-disk", action="store_true")
    args = parser.parse_args()
    if args.stage:
        sys.path.insert(0, str(HERE))
        import scale_stages
        scale_stages.main(args)
        return
    sizes = args.sizes or [1_000, 10_000] + ([100_000] if args.full else [])
    results = Path(args.results)
    stored = json.loads(results.read_text()) if results.exists() else {}
    stored["machine"] = machine()
    for n in sizes:
        if args.only:          # re-run some stages; their records replace the stored ones
            fresh = [r for stage in args.only.split(",") for r in run_stage(
                args, stage, n, ["--on-disk"] if stage == "validate" else [],
                step_timeout=args.baseline_timeout if stage == "baseline" else None)]
            keys = {(r["step"], r.get("engine")) for r in fresh}
            old = stored.setdefault("sizes", {}).get(str(n), [])
            stored["sizes"][str(n)] = [r for r in old if (r["step"], r.get("engine")) not in keys] + fresh
        else:
            stored.setdefault("sizes", {})[str(n)] = bench_size(args, n)
        results.write_text(json.dumps(stored, indent=1) + "\n")
    sys.path.insert(0, str(HERE))
    from scale_report import write_report
    Path(args.out).write_text(write_report(stored), encoding="utf-8")
    print(f"→ {args.out}")


if __name__ == "__main__":
    main()
