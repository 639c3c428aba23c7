"""`pskg synth`: write a synthetic corpus (documents + gold files) for evaluation and benchmarks.

Wired into the main app by ``pskg.cli`` (``register(app)``). Exit codes: 0 on success, 2 when the
output folder cannot be written or the arguments are unusable.
"""
from __future__ import annotations

import time
from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    @app.command("synth")
    def synth_cmd(
            instruments: int = typer.Option(1000, "--instruments", "-n", min=1,
                                            help="How many instruments (one document each)."),
            seed: int = typer.Option(0, "--seed", "-s", help="The same seed gives the same corpus."),
            out: Path = typer.Option(..., "--out", "-o",
                                     help="Folder: writes OUT/docs (documents, MANIFEST.tsv) "
                                          "and OUT/gold (one NAME.json per document)."),
    ) -> None:
        """Write a synthetic corpus: treaties, declarations and news reports in ru, en, uk, kk,
        ka and zh, built from the reference data (states, office holders on the signing date,
        places, well-known instruments) and the language tables, each with its gold file
        (shared/eval/GOLD-FORMAT.md). Score the extractor on it with
        `pskg eval --corpus OUT/docs --gold OUT/gold`."""
        from pskg.synth import write_corpus

        if out.exists() and not out.is_dir():
            typer.echo(f"pskg: {out}: not a folder", err=True)
            raise typer.Exit(2)
        started = time.perf_counter()
        try:
            counts = write_corpus(out, instruments, seed)
        except OSError as exc:
            typer.echo(f"pskg: {out}: cannot write: {exc.strerror or exc}", err=True)
            raise typer.Exit(2)
        by_lang = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items()))
        typer.echo(f"wrote {sum(counts.values())} documents ({by_lang}) and their gold files "
                   f"→ {out}/docs, {out}/gold in {time.perf_counter() - started:.1f} s")
