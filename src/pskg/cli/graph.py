"""Commands on the graph as files: build, extract, validate, summary, export."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import typer

from pskg.cli.common import fail, write_error
from pskg.errors import InputError
from pskg.files import escape_name
from pskg.model import MAX_DOCUMENT_MB as MAX_MB
from pskg.paths import BUILD_DIR, DATA_DIR


def build(corpus: Path = typer.Option(DATA_DIR / "corpus", "--corpus", "-c",
                                      help="Folder of documents (.txt .html .pdf)."),
          out: Path = typer.Option(BUILD_DIR, "--out", "-o", help="Folder for the outputs."),
          jobs: int = typer.Option(1, "--jobs", "-j", help="Processes for read/extract."),
          lang: str = typer.Option(None, "--lang", help="Force the language of every document "
                                   "(a language tag: ru, kk, uk-UA…)."),
          store: Path = typer.Option(None, "--store", help="Keep the graph in this on-disk store "
                                     "and update it incrementally: a document whose content "
                                     "hash is unchanged is not extracted again."),
          cluster: str = typer.Option(None, "--cluster", help="Run on a Dask cluster: a scheduler "
                                      "address (tcp://host:8786 or a scheduler file .json), or "
                                      "'local' for --jobs worker processes here. Also writes "
                                      "pskg.nq for `pskg push` (docs/cluster.md)."),
          max_mb: float = typer.Option(MAX_MB, "--max-mb", help="Skip (with a warning) a document "
                                       "whose text is larger than this many MB (0: no limit)."),
          progress: bool = typer.Option(False, "--progress", help="A line on stderr per document "
                                        "(without it, one every 10 s on long builds)."),
          ) -> None:
    """Build the graph from a folder of documents.

    Read, extract, assemble, resolve, map and validate every document; write pskg.ttl,
    pskg.trig, validation.txt, resolution.tsv and summary.txt, each carrying the same build
    id. A document whose graph does not conform is reported and kept out; a second copy of
    a text is skipped as a duplicate; an entry that is not a readable file, or a document
    over --max-mb, is skipped with a warning. Exit 1 when no document conforms (nothing is
    written), 2 on a document that cannot be read (nothing is written)."""
    from pskg.pipeline import build as run_build
    from pskg.read.langid import check_language

    if out.exists() and not out.is_dir():
        fail(f"{out}: --out must be a folder, not a file")
    if cluster and store:
        fail("give --cluster or --store, not both")
    try:
        lang = check_language(lang) if lang is not None else None
        if cluster:
            result = _build_on_cluster(corpus, out, cluster, jobs, lang)
        else:
            result = run_build(corpus, lang=lang, jobs=jobs, max_mb=max_mb or None,
                               progress=progress_printer(progress)) if store is None else \
                _build_in_store(corpus, store, lang)
    except InputError as exc:
        fail(str(exc))
    _write_outputs(result, out)


def progress_printer(every_document: bool, verb: str = "read", interval: float = 10.0):
    """A progress(done, total, name) that prints a line on stderr: for every document, or
    every `interval` seconds."""
    import time

    started = last = time.monotonic()

    def show(done: int, total: int, name: str) -> None:
        nonlocal last
        now = time.monotonic()
        if every_document or now - last >= interval:
            last = now
            typer.echo(f"pskg: {done} of {total} documents {verb} ({escape_name(name)}, "
                       f"{now - started:.0f} s)", err=True)
    return show


def _write_outputs(result, out: Path) -> None:
    from pskg.files import publish
    from pskg.query.summary import summary_text
    from pskg.rdf.export import serialize
    from pskg.validate import format_violation

    for path, why in result.skipped:
        typer.echo(f"pskg: {escape_name(path)}: {why}; skipped", err=True)
    for name, kept in sorted(result.duplicates.items()):
        typer.echo(f"pskg: {escape_name(name)}: the same text as {escape_name(kept)} "
                   "(same content hash); skipped as a duplicate", err=True)
    total = result.documents if result.documents is not None else len(result.records)
    for name, violations in sorted(result.rejected.items()):
        first = " ".join(format_violation(violations[0]).split()) if violations else ""
        typer.echo(f"pskg: {escape_name(name)}: graph does not conform; kept out "
                   f"(see {out}/validation.txt) {first}"[:400], err=True)
    if total and len(result.rejected) == total:
        fail(f"none of the {total} documents conforms; nothing written to {out}", code=1)
    report = result.report
    lines = [f"conforms: {report.conforms}"] + [format_violation(v) for v in report.violations]
    for name, violations in sorted(result.rejected.items()):
        lines.append(f"REJECTED {escape_name(name)}: its graph does not conform and was kept out")
        lines += [format_violation(v) for v in violations]
    decisions = "subject\tkey\treason\n" + "".join(
        f"{escape_name(d.subject)}\t{escape_name(d.key)}\t{escape_name(d.reason)}\n"
        for d in result.decisions)
    trig = serialize(result.dataset, "trig")
    build_id = hashlib.sha256(trig).hexdigest()[:16]
    stamp = f"# pskg build {build_id}\n".encode()
    outputs = {"pskg.ttl": stamp + serialize(result.dataset, "ttl"), "pskg.trig": stamp + trig,
               "validation.txt": "\n".join(lines + [f"build {build_id}", ""]).encode("utf-8"),
               "resolution.tsv": decisions.encode("utf-8") + stamp,
               "summary.txt": (summary_text(result.dataset) + f"build {build_id}\n").encode("utf-8")}
    try:
        publish(out, outputs)
    except OSError as exc:
        fail(write_error(exc, out))
    typer.echo(f"built {total - len(result.rejected)} of {total} "
               f"documents → {out}/pskg.ttl, {out}/pskg.trig (build {build_id})")


def _build_on_cluster(corpus: Path, out: Path, address: str, workers: int, lang: str | None):
    from pskg import cluster

    with cluster.connect(address, workers=workers) as client:
        return cluster.build(corpus, out, client, lang=lang)


def _build_in_store(corpus: Path, store: Path, lang: str | None = None):
    """The incremental build: the store takes new and changed documents only; the outputs
    and the validation report are made from everything the store then holds."""
    from pskg import store as st
    from pskg.pipeline import Build, corpus_files, manifest_sources, sync_store
    from pskg.validate import validate as run_validate

    plan = sync_store(store, corpus_files(corpus), manifest_sources(corpus), lang=lang,
                      progress=progress_printer(False, "extracted"))
    typer.echo(f"store {store}: {len(plan.new)} new, {len(plan.changed)} changed, "
               f"{len(plan.unchanged)} unchanged (not extracted again)")
    dataset = st.to_dataset(st.open_store(store))
    result = Build(records=[], dataset=dataset, duplicates=plan.duplicates,
                   documents=len(plan.new) + len(plan.changed) + len(plan.unchanged))
    result.report = run_validate(dataset)
    return result


def extract(document: Path = typer.Argument(..., help="A document (.txt .html .pdf)."),
            lang: str = typer.Option(None, "--lang", help="Force the document's language (ru, kk…)."),
            explain: bool = typer.Option(False, "--explain", help="Print, per field (kind, date "
                                         "signed, place), every candidate with its features and "
                                         "score, best first, instead of the JSON."),
            ) -> None:
    """Show what one document claims, as JSON with evidence spans.

    Runs read → extract → assemble on one document: the stage-by-stage view for checking
    the extractor. With --explain, why each header field got its value: the candidates,
    their features and the weights of data/lexicon/features.tsv."""
    import dataclasses
    import json

    from pskg.assemble.explain import explain_text
    from pskg.pipeline import process_file
    from pskg.read.langid import check_language

    try:
        record = process_file(document, lang=check_language(lang) if lang is not None else None)
    except InputError as exc:
        fail(str(exc))
    if explain:
        typer.echo(explain_text(record), nl=False)
        return
    claim = dataclasses.asdict(record.instrument)
    out = {"file": str(document), "language": record.text.language, "script": record.text.script,
           "encoding": record.text.encoding, "genre": record.genre, "instrument": claim,
           "letter_signers": [dataclasses.asdict(s) for s in record.letter_signers]}
    typer.echo(json.dumps(out, ensure_ascii=False, indent=1))


def validate(graph_file: Path = typer.Argument(..., help="A graph file (.ttl .nt .trig .nq .jsonld)."),
             ) -> None:
    """Validate a graph file with the SHACL shapes.

    Exit 0 when it conforms, 1 when it does not (each violation printed with its focus
    node, the rule in words and the source document and span), 2 when the file cannot be
    read."""
    from pskg.rdf.load import load_graph_file
    from pskg.validate import format_violation
    from pskg.validate import validate as run_validate

    try:
        data = load_graph_file(graph_file)
    except InputError as exc:
        fail(str(exc))
    report = run_validate(data)
    for violation in report.violations:
        typer.echo(format_violation(violation))
    errors = [v for v in report.violations if str(v.severity).endswith("Violation")]
    typer.echo(f"{graph_file}: {'conforms' if report.conforms else 'does not conform'} "
               f"({len(errors)} violations, {len(report.violations) - len(errors)} other results)")
    raise typer.Exit(0 if report.conforms else 1)


def summary(graph_file: Path = typer.Argument(BUILD_DIR / "pskg.trig")) -> None:
    """Print what a built graph holds: documents, instruments, parties, signatories."""
    from pskg.query.summary import summary_text
    from pskg.rdf.load import load_graph_file

    try:
        typer.echo(summary_text(load_graph_file(graph_file)), nl=False)
    except InputError as exc:
        fail(str(exc))


def export_cmd(fmt: str = typer.Option(None, "--format", "-f",
                                        help="ttl | nt | trig | nq | jsonld (default ttl); "
                                        "with --panel: csv | parquet (default csv)"),
               graph_file: Path = typer.Option(BUILD_DIR / "pskg.trig", "--graph", "-g"),
               output: str = typer.Option("-", "--output", "-o", help="File, or - for stdout."),
               panel: str = typer.Option(None, "--panel", help="Export a table instead of RDF: "
                                         "dyad-year | state-instrument (see docs/panels.md)."),
               directed: bool = typer.Option(False, "--directed",
                                             help="dyad-year: both orders of each pair."),
               ) -> None:
    """Export the built graph in another format (deterministic output), or as a panel
    (CSV or Parquet) keyed by ISO alpha-2/alpha-3, COW and Gleditsch-Ward codes."""
    from pskg.rdf.export import FORMATS, export
    from pskg.rdf.load import load_graph_file
    from pskg.rdf.panels import PANEL_FORMATS, PANELS

    fmt = fmt or ("csv" if panel else "ttl")
    if panel is not None and panel not in PANELS:
        fail(f"--panel {panel}: choose one of {', '.join(PANELS)}")
    allowed = PANEL_FORMATS if panel else tuple(FORMATS)
    if fmt not in allowed:
        fail(f"--format {fmt}: choose one of {', '.join(allowed)}")
    if fmt == "parquet" and output == "-":
        fail("--format parquet needs a file: give --output FILE.parquet")
    try:
        data = load_graph_file(graph_file)
    except InputError as exc:
        fail(str(exc))
    try:
        payload = _panel(data, panel, fmt, directed) if panel else None
        if panel and output != "-":
            from pskg.files import write_atomic
            write_atomic(Path(output), payload)
        elif not panel:
            payload = export(data, fmt, None if output == "-" else Path(output))
    except OSError as exc:
        fail(write_error(exc, output))
    if output == "-":
        sys.stdout.buffer.write(payload)


def _panel(data, name: str, fmt: str, directed: bool) -> bytes:
    from pskg.rdf import panels

    columns, rows = panels.panel(data, name, directed)
    if fmt == "csv":
        return panels.to_csv(columns, rows)
    try:
        return panels.to_parquet(columns, rows)
    except ImportError:
        fail("--format parquet needs pyarrow: pip install 'pskg[parquet]'")


def register(app: typer.Typer) -> None:
    app.command()(build)
    app.command()(extract)
    app.command()(validate)
    app.command()(summary)
    app.command("export")(export_cmd)
