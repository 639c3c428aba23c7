"""`pskg eval`: score the extractor against a folder of hand-made gold files.

Wired into the main app by ``pskg.cli`` (``register(app)``). Exit codes: 0 whatever the scores, 2 when
an input cannot be used (a gold file with no document or two, unreadable JSON, a missing
folder): one line on stderr naming the file.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from pskg.errors import InputError


def write_json(path: Path, data: dict) -> None:
    """Write the score file atomically (temporary file beside it, then os.replace)."""
    from pskg.files import write_atomic

    payload = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_atomic(path, payload.encode("utf-8"))


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
            corpus: Path = typer.Option(..., "--corpus", "-c",
                                        help="Folder of documents (NAME.txt, NAME.ru.txt…)."),
            gold: Path = typer.Option(..., "--gold", "-g", help="Folder of gold files NAME.json."),
            json_out: Optional[Path] = typer.Option(None, "--json",
                                                    help="Also write the scores as JSON here."),
            lang: Optional[str] = typer.Option(None, "--lang",
                                               help="Force the language of every document."),
    ) -> None:
        """Score the extractor against gold files (shared/eval/GOLD-FORMAT.md): accuracy of type,
        date and place, P/R/F1 of parties, signatories and referenced instruments, accuracy of
        signatory roles, mean absolute error of the obligation count; overall, per language,
        then every miss and false find."""
        from pskg.evaluate import evaluate
        from pskg.evaluate.report import format_scores

        try:
            scores = evaluate(corpus, gold, lang=lang)
        except InputError as exc:
            typer.echo(f"pskg: {exc}", err=True)
            raise typer.Exit(2)
        typer.echo(format_scores(scores), nl=False)
        if json_out is not None:
            try:
                write_json(json_out, scores)
            except OSError as exc:
                typer.echo(f"pskg: {json_out}: cannot write: {exc.strerror or exc}", err=True)
                raise typer.Exit(2)
            typer.echo(f"scores → {json_out}")
