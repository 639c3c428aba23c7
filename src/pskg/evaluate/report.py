"""The scores as a readable table (``pskg eval``'s output), and the headline number."""
from __future__ import annotations

from pskg.evaluate.score import FIELDS


def _num(value, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def headline(score: dict) -> float | None:
    """The one number of a field: F1, accuracy or mean absolute error."""
    return next((score[k] for k in ("f1", "accuracy", "mean_abs_error") if k in score), None)


def _show(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, dict):
        return " | ".join(str(v) for v in value.values() if v is not None) or "-"
    return str(value)


def format_span(span) -> str:
    if not span:
        return "-"
    exact = " ".join(str(span[2]).split())
    return f"[{span[0]}:{span[1]}] {exact[:60]!r}"


def format_scores(scores: dict) -> str:
    lines = [f"overall: {scores['documents']} documents",
             f"{'field':<24}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}{'n':>5}{'MAE':>7}"]
    for field, s in scores["overall"].items():
        cells = [_num(s.get(k)) if k in s else ""
                 for k in ("precision", "recall", "f1", "accuracy")]
        n = str(s["n"]) if "n" in s else ""
        mae = _num(s.get("mean_abs_error"), 2) if "mean_abs_error" in s else ""
        lines.append(f"{field:<24}" + "".join(f"{c:>7}" for c in cells) + f"{n:>5}{mae:>7}")
    beside = scores.get("beside")
    if beside:
        roles, inf = beside["signatory_roles_inferred"], beside["inferred"]
        lines += [f"{'signatory_roles_inferred':<24}" + f"{_num(roles['accuracy']):>28}{roles['n']:>5}"
                  "   (roles taken from the offices, not the text: outside signatory_roles)",
                  f"inferred rather than stated: {inf['states']} states and {inf['roles']} roles "
                  f"of {inf['signatories']} signatories found"]
    langs = scores["by_language"]
    if langs:
        heads = [f"{lang}({s['type']['n']})" for lang, s in langs.items()]
        lines += ["", "by language (F1 | accuracy | MAE), documents in brackets",
                  f"{'field':<24}" + "".join(f"{h:>8}" for h in heads)]
        for field in FIELDS:
            lines.append(f"{field:<24}" + "".join(
                f"{_num(headline(s[field]), 2 if field == 'obligations_count' else 3):>8}"
                for s in langs.values()))
    errors = scores["errors"]
    lines += ["", f"errors: {len(errors)}"]
    for e in errors:
        lines.append(f"{e['document']}  {e['field']}  {e['kind']}  value={_show(e['value'])}  "
                     f"found={_show(e['found'])}  span={format_span(e['span'])}")
    return "\n".join(lines) + "\n"
