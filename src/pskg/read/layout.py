"""A page as `pdftotext -layout` prints it → text in reading order.

`-layout` keeps where words stand on the page, so columns (a signature block "For A … For B",
a bilingual text printed side by side) stay apart instead of being run together. Here:
- a line whose words are split by wide gaps (GAP spaces or more) is a row of columns; a run of
  such rows (blank lines inside it allowed) is a block, cut into bands at blank lines;
- each band is written column by column, each column's lines in order ("For A" / "For B", then
  "name A" / "role A" / "name B" / "role B"), as a reader of the page takes it in;
- but rows whose last words all end at one margin are a justified paragraph with wide gaps,
  kept in order;
- any other line loses its indentation and the padding between its words.
"""
from __future__ import annotations

import re

GAP = 3                                  # spaces that separate columns, not words
_CELL = re.compile(r"\S+(?: {1,%d}\S+)*" % (GAP - 1))


def reading_order(page: str) -> str:
    lines = page.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if len(_cells(lines[i])) < 2:
            out.append(" ".join(lines[i].split()))
            i += 1
            continue
        end = i
        j = i
        while j < len(lines) and (len(_cells(lines[j])) >= 2 or not lines[j].strip()
                                  or _fits(lines[j], lines[i:j])):
            if lines[j].strip():
                end = j + 1
            j += 1
        out.extend(_block(lines[i:end]))
        i = end
    return "\n".join(out)


def _cells(line: str) -> list[tuple[int, str]]:
    """(start column, text) of each run of words closer together than GAP spaces."""
    return [(m.start(), m.group()) for m in _CELL.finditer(line)]


def _fits(line: str, block: list[str]) -> bool:
    """A one-cell line that starts where a column of the rows above starts (a column with
    nothing beside it on that row), within a block."""
    cells = _cells(line)
    starts = {start for row in block for start, _ in _cells(row)[1:]}
    return len(cells) == 1 and any(abs(cells[0][0] - s) <= 1 for s in starts)


def _block(rows: list[str]) -> list[str]:
    if _justified(rows):
        return [" ".join(text for _, text in _cells(row)) for row in rows]
    starts = sorted({start for row in rows for start, _ in _cells(row)})
    columns: list[int] = []
    for start in starts:                 # column starts: cell starts more than GAP apart
        if not columns or start - columns[-1] > GAP:
            columns.append(start)
    out: list[str] = []
    band: list[list[str]] = [[] for _ in columns]
    for row in rows + [""]:
        if row.strip():
            for start, text in _cells(row):
                band[max(k for k, c in enumerate(columns) if c <= start + GAP)].append(text)
            continue
        if any(band):
            if out:
                out.append("")
            out.extend(line for column in band for line in column)
        band = [[] for _ in columns]
    return out


def _justified(rows: list[str]) -> bool:
    """Rows whose last words end at one margin (pdftotext places them within a character or
    two), or whose last words do not start at one place: a justified paragraph with wide gaps
    between its words, not columns (whose cells start at one place and end where their text
    ends)."""
    last = [list(_CELL.finditer(row))[-1] for row in rows if len(_cells(row)) >= 2]
    if len(last) < 2:
        return False
    ends, starts = [m.end() for m in last], [m.start() for m in last]
    return max(ends) - min(ends) <= 2 or max(starts) - min(starts) > 1
