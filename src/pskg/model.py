"""The values that flow between the pipeline's stages.

read → Text → extract → Mentions → assemble → Record → resolve → map → rdflib.Dataset

Every claim keeps its evidence: the character span in the document's decoded text
that it was read from, so the mapped graph can say where each triple came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A half-open character range [start, end) in a Text, with the text it covers."""
    start: int
    end: int
    exact: str
    rule: str = ""


MAX_DOCUMENT_MB = 2.0   # text (UTF-8) per document a build takes; extraction grows faster than length


@dataclass
class Text:
    """A document as read: decoded, normalised, with its language and a stable id."""
    path: Path
    text: str                      # decoded, NFC-normalised, hyphenation repaired
    language: str                  # ISO 639-1 (BCP 47 primary subtag), detected or forced
    script: str                    # ISO 15924 (Latn, Cyrl, Geor, Hans, Hant, Armn…)
    sha256: str                    # hex digest of `text` encoded as UTF-8
    encoding: str                  # the encoding the bytes were decoded from
    media_type: str = "text/plain"
    boilerplate: list[tuple[int, int]] = field(default_factory=list)  # spans to ignore
    source: str | None = None      # provenance (URL, citation) when known
    title: str | None = None       # a title given by the source (HTML <title>), if any

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True)
class Mention:
    """Something found in a text: a date, a state, a person, a role, …"""
    kind: str                      # date|state|person|role|place|org|type|article|cue|title|genre
    value: str                     # normalised value: ISO date, ISO code, person id, role id…
    span: Span
    extra: tuple[tuple[str, str], ...] = ()   # small key/value facts (e.g. ("case", "gen"))

    def get(self, key: str, default: str | None = None) -> str | None:
        for k, v in self.extra:
            if k == key:
                return v
        return default


@dataclass
class Signature:
    person_name: str               # as written (normalised spacing)
    person_id: str | None          # reference id when resolved, else None
    state: str | None              # ISO code of the state on whose behalf
    role: str | None               # role id (president, prime_minister, …)
    role_label: str | None         # role as written
    evidence: list[Span] = field(default_factory=list)
    person_key: str | None = None  # set by resolve: the person's IRI slug
    inferred: tuple[str, ...] = ()  # fields taken from the reference data's offices, not the text


@dataclass
class Obligation:
    number: str                    # article / item number ("4", "2.a")
    text: str                      # original text of the article
    bearers: list[str]             # ISO codes
    modality: str                  # binding|intended|recommended
    topics: list[str]              # topic ids from ontology/topics.ttl
    evidence: Span | None = None
    towards: list[str] = field(default_factory=list)
    numbered: bool = True          # False: a commitment sentence of prose (number "s1", "s2"…)


@dataclass
class Reference:
    """Another instrument that the text names."""
    title: str                     # as written
    kind: str | None               # treaty|agreement|…
    date: str | None               # ISO date when day, month and year are given
    known_id: str | None = None    # id in data/reference/instruments.tsv when recognised
    evidence: Span | None = None
    key: str | None = None         # set by resolve: the instrument's IRI slug


EVENT_KINDS = ("signature", "ratification", "approval", "acceptance", "accession", "succession",
               "entry_into_force", "reservation", "withdrawal", "suspension")


@dataclass
class ConsentEvent:
    """One step of a state's consent to an instrument (signature, ratification, accession,
    withdrawal…), or the instrument's entry into force (state None), on a date."""
    kind: str                      # one of EVENT_KINDS
    state: str | None              # ISO code; None for the instrument's own entry into force
    date: str                      # ISO date
    evidence: Span | None = None
    target: Reference | None = None   # another instrument; None: the claim's own instrument
    source: str | None = None      # curated events: the source named


@dataclass
class Depositary:
    """The state or organisation that keeps the original of the instrument."""
    kind: str                      # state|org
    value: str                     # ISO code or organisation id
    evidence: Span | None = None


@dataclass
class InstrumentClaim:
    """What one document says about one instrument."""
    kind: str | None = None
    title: str | None = None
    title_language: str | None = None
    date_signed: str | None = None
    place: str | None = None       # place id from the reference data, or a name
    parties: list[str] = field(default_factory=list)
    signatures: list[Signature] = field(default_factory=list)
    obligations: list[Obligation] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    known_id: str | None = None
    evidence: dict[str, list[Span]] = field(default_factory=dict)  # field name → spans
    key: str | None = None         # set by resolve: the instrument's IRI slug
    events: list[ConsentEvent] = field(default_factory=list)
    depositary: Depositary | None = None


@dataclass
class LetterSigner:
    person_name: str
    person_id: str | None
    state: str | None
    role: str | None
    role_label: str | None
    evidence: Span | None = None
    person_key: str | None = None


@dataclass
class Record:
    """Everything one document claims."""
    text: Text
    genre: str                     # primary|secondary|transmittal
    instrument: InstrumentClaim
    letter_signers: list[LetterSigner] = field(default_factory=list)
    candidates: dict[str, list[dict]] = field(default_factory=dict)  # field → ranked candidates
