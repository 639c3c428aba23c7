"""Panels: the graph as the flat tables that researchers join in pandas and R.

- ``state-instrument``: one row per state and instrument event (today the signature; the
  column ``event`` leaves room for consent events — ratification, accession — as more rows);
- ``dyad-year``: one row per pair of states and year in which both signed at least one
  instrument together (undirected, ``state_a`` < ``state_b``; ``directed=True`` gives both
  orders, as peacesciencer's directed dyad-years). A dyad-year that is absent had none.

Every state is given by its ISO 3166-1 alpha-2 code as in the graph, its ISO alpha-3 code and
its Correlates of War and Gleditsch–Ward numbers (data/reference/state_codes.tsv), the keys
of ATOP, DESTA, peacesciencer and manydata tables. docs/panels.md documents every column.
"""
from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from rdflib import Dataset

from pskg.knowledge import reference
from pskg.rdf.mapping import KIND_CLASS

PANELS = ("state-instrument", "dyad-year")
PANEL_FORMATS = ("csv", "parquet")
_KIND = {cls: kind for kind, cls in KIND_CLASS.items()}
_STATE = ("iso3", "cow", "gw")

_P = "PREFIX pskg: <https://w3id.org/pskg/ontology#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
_PARTIES = _P + """SELECT ?inst ?date ?code WHERE {
  ?inst a pskg:Instrument ; pskg:dateSigned ?date ; pskg:party/pskg:isoCode ?code }"""
_KINDS = _P + """SELECT ?inst ?class WHERE { ?inst a pskg:Instrument , ?class .
  FILTER(STRSTARTS(STR(?class), STR(pskg:)) && ?class != pskg:Instrument) }"""
_DOCS = _P + "SELECT ?inst ?doc WHERE { ?doc pskg:isTextOf|pskg:describes|pskg:transmits ?inst }"
_TITLES = _P + "SELECT ?inst ?title WHERE { ?inst a pskg:Instrument ; dcterms:title ?title }"


@dataclass
class _Instrument:
    iri: str
    date: str
    kinds: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    titles: set[tuple[bool, str]] = field(default_factory=set)   # (not English, title)

    @property
    def key(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    @property
    def kind(self) -> str:
        return ";".join(sorted(self.kinds)) or "other"


def instruments(dataset: Dataset) -> list[_Instrument]:
    """Every instrument with a date of signature and at least one party, from all graphs."""
    found: dict[str, _Instrument] = {}
    for inst_iri, day, code in dataset.query(_PARTIES):
        inst = found.setdefault(str(inst_iri), _Instrument(str(inst_iri), str(day)))
        inst.date = min(inst.date, str(day))   # two claimed dates: the earlier, as signed first
        inst.parties.add(str(code))
    for query, add in ((_KINDS, lambda i, v: i.kinds.add(_KIND.get(v.rsplit("#", 1)[-1], "other"))),
                       (_DOCS, lambda i, v: i.documents.add(v)),
                       (_TITLES, lambda i, v: i.titles.add((getattr(v, "language", "") != "en", str(v))))):
        for inst_iri, value in dataset.query(query):
            if str(inst_iri) in found:
                add(found[str(inst_iri)], value if query is _TITLES else str(value))
    return sorted(found.values(), key=lambda i: (i.date, i.key))


def _codes(code: str) -> dict[str, str]:
    state = reference.load().states.get(code)
    if state is None:
        return dict.fromkeys(_STATE, "")
    return {"iso3": state.alpha3, "cow": state.cow_code, "gw": state.gw_code}


def state_instrument(dataset: Dataset) -> tuple[list[str], list[list]]:
    columns = ["state", "state_iso3", "state_cow", "state_gw", "instrument", "instrument_iri",
               "title", "kind", "event", "event_date", "year", "parties", "documents"]
    rows = []
    for inst in instruments(dataset):
        for code in sorted(inst.parties):
            c = _codes(code)
            rows.append([code, c["iso3"], c["cow"], c["gw"], inst.key, inst.iri,
                         min(inst.titles)[1] if inst.titles else "", inst.kind, "signature", inst.date,
                         int(inst.date[:4]), len(inst.parties), len(inst.documents)])
    return columns, rows


def dyad_year(dataset: Dataset, directed: bool = False) -> tuple[list[str], list[list]]:
    columns = ["state_a", "state_b", "iso3_a", "iso3_b", "cow_a", "cow_b", "gw_a", "gw_b", "year",
               "instruments", "instrument_keys", "kinds", "multilateral"]
    cells: dict[tuple[str, str, int], list[_Instrument]] = defaultdict(list)
    for inst in instruments(dataset):
        for a, b in combinations(sorted(inst.parties), 2):
            pairs = ((a, b), (b, a)) if directed else ((a, b),)
            for pair in pairs:
                cells[(*pair, int(inst.date[:4]))].append(inst)
    rows = []
    for (a, b, year), insts in sorted(cells.items()):
        ca, cb = _codes(a), _codes(b)
        kinds = sorted({k for i in insts for k in i.kinds} or {"other"})
        rows.append([a, b, ca["iso3"], cb["iso3"], ca["cow"], cb["cow"], ca["gw"], cb["gw"], year,
                     len(insts), ";".join(i.key for i in insts), ";".join(kinds),
                     sum(len(i.parties) > 2 for i in insts)])
    return columns, rows


def panel(dataset: Dataset, name: str, directed: bool = False) -> tuple[list[str], list[list]]:
    if name == "state-instrument":
        return state_instrument(dataset)
    if name == "dyad-year":
        return dyad_year(dataset, directed)
    raise ValueError(f"unknown panel {name!r}; choose one of {', '.join(PANELS)}")


_INT_COLUMNS = {"state_cow", "state_gw", "cow_a", "cow_b", "gw_a", "gw_b"}


def to_csv(columns: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def to_parquet(columns: list[str], rows: list[list]) -> bytes:
    """Parquet with typed columns (codes as nullable integers, event_date as a date); needs
    pyarrow (``pip install 'pskg[parquet]'``)."""
    from datetime import date

    import pyarrow as pa
    import pyarrow.parquet as pq

    data = {}
    for i, name in enumerate(columns):
        values = [r[i] for r in rows]
        if name in _INT_COLUMNS:
            data[name] = pa.array([int(v) if v != "" else None for v in values], pa.int32())
        elif name == "event_date":
            data[name] = pa.array([date.fromisoformat(v) for v in values], pa.date32())
        elif values and isinstance(values[0], int):
            data[name] = pa.array(values, pa.int32())
        else:
            data[name] = pa.array([str(v) for v in values], pa.string())
    table = pa.table(data) if rows else pa.table({c: pa.array([], pa.string()) for c in columns})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
