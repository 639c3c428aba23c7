"""``pskg extract --explain``: why each header field got its value, as readable text."""
from __future__ import annotations

from pskg.model import Record

_SHOWN = 8      # candidates per field; the rest are summed up in one line


def explain_text(record: Record) -> str:
    claim = record.instrument
    chosen = {"kind": claim.kind, "date_signed": claim.date_signed, "place": claim.place}
    lines = [f"{record.text.path}  language={record.text.language}  genre={record.genre}"]
    for field, ranked in record.candidates.items():
        lines.append(f"\n{field} = {chosen.get(field)!s}  ({len(ranked)} candidates; the best "
                     f"above 0 wins)")
        for c in ranked[:_SHOWN]:
            feats = ", ".join(f"{f} {w:+g}" for f, w in c["features"].items()) or "no feature"
            start, end, exact = c["span"]
            lines.append(f"  {c['score']:+7.2f}  {c['value']:<24} [{start}:{end}] "
                         f"{' '.join(exact.split())[:40]!r}  ← {feats}")
        if len(ranked) > _SHOWN:
            lines.append(f"  … {len(ranked) - _SHOWN} more")
    return "\n".join(lines) + "\n"
