"""Scores: one document's prediction against its gold file (score_document), the sum over
documents as micro-averages, overall and per language (aggregate, the GOLD-FORMAT score shape),
and a readable table (format_scores). The matching rules are described in pskg.evaluate.
"""
from __future__ import annotations

from pskg.evaluate.match import (
    ACCURACY_FIELDS,
    SET_FIELDS,
    person_match,
    role_id,
    same_instrument,
    same_place,
    title_jaccard,
)

FIELDS = ("type", "date_signed", "place", "parties", "signatories", "signatory_roles",
          "referenced_instruments", "obligations_count")
# reported beside the fields: roles taken from the reference data's offices (not in role
# accuracy), and how many signatory states and roles were inferred rather than stated
EXTRA = ("signatory_roles_inferred", "inferred")


def empty_counts() -> dict[str, list]:
    """Accuracy fields: [correct, n]; set fields: [tp, fp, fn]; obligations: [sum |err|, n]."""
    return ({f: [0, 0] for f in (*ACCURACY_FIELDS, "signatory_roles", "signatory_roles_inferred")}
            | {f: [0, 0, 0] for f in SET_FIELDS} | {"obligations_count": [0, 0]}
            | {"inferred": [0, 0, 0]})     # states inferred, roles inferred, signatories found


def _same_value(field: str, gold, found) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    if field == "place":
        return same_place(gold, found)
    return str(gold).strip().casefold() == str(found).strip().casefold()


def _kind(gold, found) -> str:
    return "missed" if found is None else "false" if gold is None else "wrong"


def _greedy(golds: list, founds: list, score) -> dict[int, int]:
    """One-to-one pairs gold index → found index, best score first (score None = no match)."""
    cands = sorted((-s, i, j) for i, g in enumerate(golds) for j, f in enumerate(founds)
                   if (s := score(g, f)) is not None)
    pairs: dict[int, int] = {}
    for _, i, j in cands:
        if i not in pairs and j not in pairs.values():
            pairs[i] = j
    return pairs


def _signatory_score(gold: dict, found: dict) -> float | None:
    state, same = gold.get("state"), person_match(gold, found)
    if (state and state != found.get("state")) or not same:
        return None
    return same + (state is not None)


def _reference_score(gold: dict, found: dict) -> float | None:
    if not same_instrument(gold, found):
        return None
    dated = bool(gold.get("date")) and gold.get("date") == found.get("date")
    return dated + title_jaccard(gold.get("title_en"), found.get("title_en"))


def _public(item: dict, keys: tuple[str, ...]) -> dict:
    return {k: item.get(k) for k in keys}


def score_document(gold: dict, pred: dict, document: str = "") -> tuple[dict, list[dict]]:
    """One document's counts (see empty_counts) and its errors (misses and false finds)."""
    counts, errors = empty_counts(), []

    def error(field, kind, value, found, span=None):
        errors.append({"document": document, "field": field, "kind": kind, "value": value,
                       "found": found, "span": span if kind != "missed" else None})

    g_inst, p_inst = gold.get("instrument") or {}, pred.get("instrument") or {}
    spans = pred.get("spans") or {}
    for field in ACCURACY_FIELDS:
        value, found = g_inst.get(field), p_inst.get(field)
        ok = _same_value(field, value, found)
        counts[field][0] += ok
        counts[field][1] += 1
        if not ok:
            error(field, _kind(value, found), value, found, spans.get(field))
    g_parties = {str(c).upper() for c in gold.get("parties") or []}
    f_parties = {str(c).upper() for c in pred.get("parties") or []}
    counts["parties"] = [len(g_parties & f_parties), len(f_parties - g_parties),
                         len(g_parties - f_parties)]
    for code in sorted(g_parties - f_parties):
        error("parties", "missed", code, None)
    for code in sorted(f_parties - g_parties):
        error("parties", "false", None, code, (spans.get("parties") or {}).get(code))

    for field, score, keys in (
            ("signatories", _signatory_score, ("person_en", "state", "role_en")),
            ("referenced_instruments", _reference_score, ("title_en", "date"))):
        golds, founds = gold.get(field) or [], pred.get(field) or []
        pairs = _greedy(golds, founds, score)
        counts[field] = [len(pairs), len(founds) - len(pairs), len(golds) - len(pairs)]
        for i, g in enumerate(golds):
            if i not in pairs:
                error(field, "missed", _public(g, keys), None)
        for j, f in enumerate(founds):
            if j not in pairs.values():
                error(field, "false", None, _public(f, keys), f.get("span"))
        if field == "signatories":
            counts["inferred"] = [sum("state" in (f.get("inferred") or ()) for f in founds),
                                  sum("role" in (f.get("inferred") or ()) for f in founds),
                                  len(founds)]
            for i, j in sorted(pairs.items()):
                g, f = golds[i], founds[j]
                if f.get("role_inferred"):      # from the offices, not the text: counted apart,
                    if g.get("role_en"):            # where the text (the gold) gives the role
                        counts["signatory_roles_inferred"][0] += \
                            role_id(g["role_en"]) == f["role_inferred"]
                        counts["signatory_roles_inferred"][1] += 1
                    continue
                ok = role_id(g.get("role_en")) == (f.get("role") or role_id(f.get("role_en")))
                counts["signatory_roles"][0] += ok
                counts["signatory_roles"][1] += 1
                if not ok:
                    error("signatory_roles", _kind(g.get("role_en"), f.get("role_en")),
                          g.get("role_en"), f.get("role_en"), f.get("span"))

    value, found = gold.get("obligations_count"), pred.get("obligations_count")
    if value is not None:
        counts["obligations_count"] = [abs(value - (found or 0)), 1]
    if value != found:
        error("obligations_count", _kind(value, found), value, found)
    return counts, errors




# ---- sums ------------------------------------------------------------------------------------

def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall, F1; an empty side scores 1.0 when the other is empty too, else 0.0."""
    p = tp / (tp + fp) if tp + fp else float(fn == 0)
    r = tp / (tp + fn) if tp + fn else float(fp == 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def extra_metrics(counts: dict) -> dict:
    c, (states, roles, found) = counts["signatory_roles_inferred"], counts["inferred"]
    return {"signatory_roles_inferred": {"accuracy": c[0] / c[1] if c[1] else None, "n": c[1]},
            "inferred": {"states": states, "roles": roles, "signatories": found}}


def metrics(counts: dict) -> dict:
    out = {}
    for field in FIELDS:
        c = counts[field]
        if field in SET_FIELDS:
            out[field] = prf(*c)
        elif field == "obligations_count":
            out[field] = {"mean_abs_error": c[0] / c[1] if c[1] else None, "n": c[1]}
        else:
            out[field] = {"accuracy": c[0] / c[1] if c[1] else None, "n": c[1]}
    return out


def _add(total: dict, counts: dict) -> None:
    for field, values in counts.items():
        total[field] = [a + b for a, b in zip(total[field], values)]


def aggregate(scored: list[tuple[str, dict, list[dict]]]) -> dict:
    """(language, counts, errors) per document → the score file: micro-averaged sums."""
    overall, by_lang, errors = empty_counts(), {}, []
    for lang, counts, errs in scored:
        _add(overall, counts)
        _add(by_lang.setdefault(lang, empty_counts()), counts)
        errors += errs
    return {"documents": len(scored), "overall": metrics(overall),
            "by_language": {lang: metrics(c) for lang, c in sorted(by_lang.items())},
            "beside": extra_metrics(overall), "errors": errors}
