"""`pskg synth`: a realistic synthetic corpus with a gold file per document, for measuring the
extractor's accuracy (`pskg eval`) and the pipeline's speed at scale (bench/scale.py).

Each instrument gets one document in one of the region's languages (ru en uk kk ka zh): a
treaty-like text (title, preamble listing the parties, numbered articles with obligation cues,
references to well-known instruments, "Done at PLACE on DATE", a signature block "For STATE /
ROLE NAME"), a declaration (numbered paragraphs), or a news report about the signing. Parties
are states whose office holders on the signing date have names in that language
(data/reference/offices.tsv), so every signature is true to the reference data. Pure string
building; each document has its own random stream (seed, index), so the output is the same
for a seed, and document i does not depend on how many are made.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from pskg.knowledge import lexicon
from pskg.synth.forms import TOPICS
from pskg.synth.world import World, world

LANGS = {"ru": 30, "en": 22, "uk": 12, "kk": 12, "ka": 10, "zh": 14}
TEMPLATES = {"treaty": 55, "declaration": 25, "news": 20}
KINDS = {"treaty": 15, "agreement": 45, "protocol": 12, "memorandum": 18, "convention": 10}
NEWS_KINDS = {"agreement": 50, "treaty": 20, "memorandum": 15, "declaration": 15}
LEVEL_BY_KIND = {"treaty": "state", "declaration": "state", "convention": "government",
                 "agreement": None, "protocol": "foreign", "memorandum": "foreign"}
class _Slots(dict):
    def __missing__(self, key):
        if key[:1].isupper() and key.lower() in self:
            value = str(self[key.lower()])
            return value[:1].upper() + value[1:]
        raise KeyError(key)


LEGACY = {"ru": ("cp1251", "koi8_r"), "uk": ("cp1251", "koi8_u")}   # as old archives hold them


@dataclass
class Doc:
    name: str
    lang: str
    genre: str
    text: str
    gold: dict
    encoding: str = "utf-8"


def wrap(text: str, rng: random.Random, width: int = 72) -> str:
    """A PDF text layer: paragraphs broken into lines, some words hyphenated across lines."""
    out = []
    for para in text.split("\n\n"):
        lines, line = [], ""
        for word in para.replace("\n", " \n ").split(" "):
            if word == "\n" or len(line) + len(word) + 1 > width:
                if word != "\n" and len(word) > 7 and line and rng.random() < 0.4:
                    cut = rng.randint(3, len(word) - 3)
                    if word[:cut].isalpha() and word[cut:].isalpha():
                        line, word = f"{line} {word[:cut]}-", word[cut:]
                lines.append(line.strip())
                line = "" if word == "\n" else word
            else:
                line = f"{line} {word}"
        out.append("\n".join(lines + [line.strip()]).strip())
    return "\n\n".join(out) + "\n"


class Writer:
    """One document: picks its facts with one random stream, then renders them."""

    def __init__(self, w: World, seed: int, index: int, width: int) -> None:
        self.w, self.rng = w, random.Random(f"pskg-synth:{seed}:{index}")
        self.name, self.seed = f"syn{index:0{width}d}", seed

    def pick(self, weights: dict[str, int]) -> str:
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def say(self, key: str, **slots) -> str:
        """A variant (drawn at random) whose slots can all be filled; else one of KEY.else."""
        for name in (key, key + ".else"):
            variants = self.w.phrase(self.lang, name)[:]
            self.rng.shuffle(variants)
            for text in variants:
                try:
                    return text.format_map(_Slots(self.slots, **slots))
                except KeyError:
                    continue
        raise KeyError(f"{self.lang}: no phrase {key!r} fits {sorted(slots)}")

    def date(self, iso: str, key: str = "date") -> str:
        y, m, d = (int(p) for p in iso.split("-"))
        month = (self.w.phrase(self.lang, f"month.{m}") or [""])[0]
        loc = (self.w.phrase(self.lang, f"month.loc.{m}") or [month])[0]
        key = key if self.w.phrase(self.lang, key) else "date"
        return self.say(key, y=y, m=m, d=d, month=month, month_loc=loc)

    def join(self, items: list[str]) -> str:
        conj = self.w.phrase(self.lang, "and")[0]
        if len(items) == 1:
            return items[0]
        sep = "、" if self.lang == "zh" else ", "
        return sep.join(items[:-1]) + (conj if self.lang == "zh" else f" {conj} ") + items[-1]

    def make(self) -> Doc:
        w, rng = self.w, self.rng
        self.lang, template = self.pick(LANGS), self.pick(TEMPLATES)
        kind = {"treaty": lambda: self.pick(KINDS), "declaration": lambda: "declaration",
                "news": lambda: self.pick(NEWS_KINDS)}[template]()
        day, signers = self._signers(kind)
        parties = [s for s, _, _ in signers]
        place = rng.choice(w.places(self.lang, frozenset(parties)))
        place_name = w.names("places", place, self.lang, ("name",))[0]
        topic = rng.choice(TOPICS)
        earlier = w.earlier_instruments(day, self.lang)
        refs = rng.sample(earlier, min(len(earlier), rng.choices((0, 1, 2), (40, 40, 20))[0]))
        self.slots = {"all": w.phrase(self.lang, "all")[0], "place": place_name,
                      "place_in": w.case_form("places", place, self.lang, place_name, "in")
                      or place_name, "topic": w.phrase(self.lang, f"topic.{topic}")[0],
                      "kind": w.phrase(self.lang, f"kind.{kind}")[0]}
        listed = self.join([w.state_name(c, self.lang) for c in parties])
        self.slots["title"] = self.say("title", **({} if len(parties) > 3 else {"parties": listed}))
        self.slots["parties"] = listed      # a title names two or three parties, never more
        from pskg.synth.render import render
        text, obligations = render(self, template, kind, signers, day, topic, refs)
        title_en = w.phrase("en", "title")[0].format_map(_Slots(
            {"kind": w.phrase("en", f"kind.{kind}")[0], "topic": w.phrase("en", f"topic.{topic}")[0]}))
        gold = {
            "source": f"synthetic: pskg synth --seed {self.seed}, document {self.name}",
            "language": self.lang, "genre": "secondary" if template == "news" else "primary",
            "instrument": {"title_en": title_en, "type": kind, "date_signed": day,
                           "place": w.ref.english_name(w.ref.places[place])},
            "parties": sorted(parties),
            "signatories": [{"person_en": w.ref.english_name(w.ref.persons[pid]), "state": s,
                             "role_en": lexicon.rows("roles", "en", role=r)[0]["phrase"]}
                            for s, r, pid in signers],
            "referenced_instruments": [{"title_en": w.ref.english_name(k), "date": k.date}
                                       for k in sorted(refs, key=lambda k: k.date)],
            "obligations_count": None if template == "news" else obligations,
            "notes": f"synthetic {template} ({kind}), {len(parties)} parties",
        }
        if template != "news" and self.lang != "zh" and rng.random() < 0.2:
            text = wrap(text, rng)
        return Doc(self.name, self.lang, gold["genre"], text, gold, self._encoding(text))

    def _signers(self, kind: str) -> tuple[str, list[tuple[str, str, str]]]:
        """A signing day and 2–6 (state, role, person) who held office then, at one level."""
        w, rng = self.w, self.rng
        level = LEVEL_BY_KIND[kind] or rng.choice(["state", "government", "foreign"])
        for attempt in range(40):
            day_index = rng.randrange(len(w.days))
            cands = w.signers(day_index, self.lang, level if attempt < 20 else "state")
            if len(cands) >= 2:
                break
        k = min(len(cands), rng.choices((2, 3, 4, 5, 6), (50, 20, 15, 10, 5))[0])
        return w.days[day_index].isoformat(), sorted(rng.sample(cands, k))

    def _encoding(self, text: str) -> str:
        """UTF-8, or for some ru/uk texts a legacy code page (KOI8 has no «»: those stay UTF-8)."""
        if self.lang not in LEGACY or self.rng.random() >= 0.2:
            return "utf-8"
        encoding = self.rng.choice(LEGACY[self.lang])
        try:
            text.encode(encoding)
            return encoding
        except UnicodeEncodeError:
            return "utf-8"


def generate(n: int, seed: int = 0, start: int = 0):
    """Documents start … start+n-1 of the corpus for `seed` (a generator of Doc)."""
    w, width = world(), max(6, len(str(start + n - 1)))
    for i in range(start, start + n):
        yield Writer(w, seed, i, width).make()


def write_corpus(out: Path, n: int, seed: int = 0) -> dict[str, int]:
    """OUT/docs/NAME.LANG.txt + OUT/docs/MANIFEST.tsv and OUT/gold/NAME.json; counts by language."""
    docs, gold = Path(out) / "docs", Path(out) / "gold"
    docs.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    manifest = ["file\tlanguage\tgenre\tsource"]
    counts: dict[str, int] = {}
    for doc in generate(n, seed):
        file_name = f"{doc.name}.{doc.lang}.txt"
        (docs / file_name).write_bytes(doc.text.encode(doc.encoding))
        (gold / f"{doc.name}.json").write_text(
            json.dumps(doc.gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        manifest.append(f"{file_name}\t{doc.lang}\t{doc.genre}\t{doc.gold['source']}")
        counts[doc.lang] = counts.get(doc.lang, 0) + 1
    (docs / "MANIFEST.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return counts
