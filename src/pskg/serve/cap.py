"""The row cap of `pskg serve`: read a backend's answer, stop after ``limit`` rows or triples.

The answer is read with Oxigraph's own parsers (SPARQL JSON, XML and TSV results; every RDF
syntax it writes) and, when it holds more than ``limit`` rows, written again in the same format
with the first ``limit`` of them (CSV, which Oxigraph cannot parse back, with the csv module).
An answer within the cap is passed on byte for byte. Reading stops at ``limit + 1`` rows, so a
huge result is never read whole; ``max_bytes`` bounds any answer.
"""
from __future__ import annotations

import csv
import io
import itertools

import pyoxigraph as ox

RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}


class TooLarge(Exception):
    """The answer is over ``max_bytes``."""


class Recorder(io.RawIOBase):
    """A readable stream over ``source`` that keeps what was read (at most ``max_bytes``)."""

    def __init__(self, source, max_bytes: int):
        self.source, self.max_bytes, self.seen = source, max_bytes, bytearray()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.source.read(min(len(buffer), 65536))
        self.seen += data
        if len(self.seen) > self.max_bytes:
            raise TooLarge(f"the answer is over the {self.max_bytes:,}-byte limit")
        buffer[:len(data)] = data
        return len(data)

    def drain(self) -> bytes:
        while self.readinto(bytearray(65536)):
            pass
        return bytes(self.seen)


def _solutions_tsv(names: list[str], rows: list) -> str:
    lines = ["\t".join("?" + n for n in names)]
    lines += ["\t".join("" if row[n] is None else str(row[n]) for n in names) for row in rows]
    return "\n".join(lines) + "\n"


def _cap_results(stream: Recorder, fmt, limit: int) -> tuple[bytes, bool]:
    answer = ox.parse_query_results(io.BufferedReader(stream), fmt)
    if isinstance(answer, ox.QueryBoolean):
        return stream.drain(), False
    rows = list(itertools.islice(answer, limit + 1))
    if len(rows) <= limit:
        return stream.drain(), False
    names = [v.value for v in answer.variables]
    again = ox.parse_query_results(_solutions_tsv(names, rows[:limit]), ox.QueryResultsFormat.TSV)
    return again.serialize(format=fmt), True


def _cap_csv(stream: Recorder, limit: int) -> tuple[bytes, bool]:
    text = io.TextIOWrapper(io.BufferedReader(stream), encoding="utf-8", newline="")
    rows = list(itertools.islice(csv.reader(text), limit + 2))    # the header, then the rows
    if len(rows) <= limit + 1:
        return stream.drain(), False
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows[:limit + 1])
    return out.getvalue().encode("utf-8"), True


def _cap_rdf(stream: Recorder, fmt, limit: int) -> tuple[bytes, bool]:
    triples = list(itertools.islice(ox.parse(io.BufferedReader(stream), fmt), limit + 1))
    if len(triples) <= limit:
        return stream.drain(), False
    return ox.serialize(triples[:limit], format=fmt), True


def capped(response, media_type: str, limit: int, max_bytes: int) -> tuple[bytes, bool]:
    """(body, truncated) of a backend answer of ``media_type``; raises TooLarge past max_bytes."""
    stream = Recorder(response, max_bytes)
    media_type = media_type.split(";")[0].strip().lower()
    if media_type in RESULTS:
        return _cap_results(stream, RESULTS[media_type], limit)
    if media_type == "text/csv":
        return _cap_csv(stream, limit)
    rdf = ox.RdfFormat.from_media_type(media_type)
    if rdf is not None:
        return _cap_rdf(stream, rdf, limit)
    return stream.drain(), False


def without_federation(body: bytes, media_type: str, base: str) -> bytes:
    """Oxigraph's service description without ``sd:feature sd:BasicFederatedQuery`` (SERVICE is
    refused here unless allowed); the same syntax, relative IRIs resolved against ``base``."""
    rdf = ox.RdfFormat.from_media_type(media_type.split(";")[0].strip())
    if rdf is None:
        return body
    federated = ox.NamedNode("http://www.w3.org/ns/sparql-service-description#BasicFederatedQuery")
    kept = [q for q in ox.parse(body, rdf, base_iri=base) if q.object != federated]
    return ox.serialize(kept, format=rdf, prefixes={"sd": "http://www.w3.org/ns/sparql-service-description#"})
