"""Decide a field by ranking every candidate, not by the first rule that fires.

Each candidate (a date, a place, a kind word…) carries named features; its score is the sum
of the features' weights in ``data/lexicon/features.tsv``; the best candidate wins when its
score is above zero. Every ranking is kept, so ``pskg extract --explain`` shows why a value
won and what it beat.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pskg.errors import InputError
from pskg.knowledge import lexicon
from pskg.model import Mention


@lru_cache(maxsize=1)
def weights() -> dict[tuple[str, str], float]:
    out = {}
    for row in lexicon.table("features"):
        try:
            out[(row["field"], row["feature"])] = float(row["weight"])
        except ValueError:
            raise InputError(f"features.tsv: weight of {row['field']}/{row['feature']} is "
                             f"not a number: {row['weight']!r}") from None
    return out


@dataclass
class Candidate:
    field: str
    mention: Mention
    features: list[str] = field(default_factory=list)

    def add(self, feature: str, present: bool = True) -> None:
        if not present:
            return
        if (self.field, feature) not in weights():
            raise KeyError(f"feature {self.field}/{feature} has no row in features.tsv")
        if feature not in self.features:
            self.features.append(feature)

    @property
    def score(self) -> float:
        w = weights()
        return round(sum(w[(self.field, f)] for f in self.features), 3)

    def explain(self) -> dict:
        s = self.mention.span
        return {"value": self.mention.value, "span": [s.start, s.end, s.exact],
                "score": self.score, "features": {f: weights()[(self.field, f)] for f in self.features}}


def best(candidates: list[Candidate]) -> Candidate | None:
    """The highest score above zero; of equal scores the one written first."""
    ranked = ranking(candidates)
    return ranked[0] if ranked and ranked[0].score > 0 else None


def ranking(candidates: list[Candidate]) -> list[Candidate]:
    return sorted(candidates, key=lambda c: (-c.score, c.mention.span.start))
