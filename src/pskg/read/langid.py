"""Language and script of a text, from the text itself (never the file name).

Script by Unicode ranges. Georgian → ka, Armenian → hy, Han → zh with Hans or Hant by
counting characters that exist only in simplified or only in traditional writing (OpenCC's
character tables). A Latin or Cyrillic text is classified by py3langid (a naive Bayes model
of byte n-grams shipped inside its wheel; nothing is downloaded) restricted to the languages
that data/lexicon/langid.tsv lists for that script. A language of the table that the model
does not know is found by the table's own features (distinctive letters, function words):
when they score it best, it wins. A document's language is the majority, by amount of text,
over blocks of about 400 characters; when two languages have nearly equal shares (an
original followed by its translation), the one whose blocks come first (median place). On 68 one-sentence snippets
in 14 languages (tests/read/read_cases.py) this scored 1.00, the features alone 0.97 (Uzbek
Cyrillic read as Tajik) (bench/read_quality.py langid).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from pskg.knowledge.lexicon import table
from pskg.read.scripts import script_counts, script_of

BY_SCRIPT = {"Geor": "ka", "Armn": "hy", "Grek": "el", "Hebr": "he", "Hang": "ko", "Kana": "ja"}
BLOCK_CHARS = 400
MAX_BLOCKS = 200          # a long document is cut into at most about this many blocks
PARALLEL_SHARE = 0.85     # a language with this share of the leader's text, coming first, wins
CONFIDENT_CHARS = 240     # a block's head the model is asked about first (a sure answer ends it)
SAMPLE_BLOCKS = 24        # blocks a document is judged on, spread over it
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_APOSTROPHES = re.compile(r"[ʻʼ‘’`´]")


@lru_cache(maxsize=1)
def _features() -> dict[str, dict[str, list[tuple[str, str, float]]]]:
    out: dict[str, dict[str, list[tuple[str, str, float]]]] = defaultdict(lambda: defaultdict(list))
    for row in table("langid"):
        kind, _, value = row["feature"].partition(":")
        out[row["script"]][row["lang"]].append((kind, value, float(row["weight"])))
    return out


@lru_cache(maxsize=1)
def _converters():
    from opencc import OpenCC
    return OpenCC("s2t"), OpenCC("t2s")


def han_variant(text: str) -> str:
    """'Hans' or 'Hant': which of the characters that differ between the two is in the majority."""
    chars = Counter(c for c in text if script_of(c) == "Han")
    simplified = sum(n for c, n in chars.items() if _differs(c, 0))
    traditional = sum(n for c, n in chars.items() if _differs(c, 1))
    return "Hant" if traditional > simplified else "Hans"


@lru_cache(maxsize=20000)
def _differs(char: str, direction: int) -> bool:
    """Whether a character changes in OpenCC conversion (0: simplified→traditional, so the
    character is simplified-only; 1: traditional→simplified). Cached: conversion is slow."""
    return _converters()[direction].convert(char) != char


def language_scores(text: str, script: str) -> dict[str, float]:
    """Score of every language written in `script` (Latn, Cyrl) for this text."""
    low = _APOSTROPHES.sub("'", text.lower())
    words = [w for w in _WORD.findall(low) if script_of(w[0]) == script]
    n = len(words) or 1
    word_counts = Counter(words)
    char_counts = Counter(c for w in words for c in w)
    joined = " ".join(words)
    scores = {}
    for lang, features in _features().get(script, {}).items():
        total = 0.0
        for kind, value, weight in features:
            if kind == "prior":
                total += weight
            elif kind == "word":
                total += weight * word_counts[value] / n
            elif kind == "char":
                total += weight * char_counts[value] / n
            elif kind == "sub":
                total += weight * joined.count(value) / n
        scores[lang] = total
    return scores


def _main_script(counts: Counter[str]) -> str | None:
    """The script with the most letters (Japanese: Han with a tenth as much Kana)."""
    if not counts:
        return None
    script = counts.most_common(1)[0][0]
    if script == "Han" and counts["Kana"] >= 0.1 * counts["Han"]:
        script = "Kana"
    return script


def text_script(text: str) -> str:
    """The ISO 15924 script of a text, as `detect` gives it, without classifying its language."""
    return _script_named(script_counts(text), lambda: text)


def _script_named(counts: Counter[str], text) -> str:
    """The script `text_script` names for these letter counts (`text()`: the text, read only
    to tell a Han variant)."""
    script = _main_script(counts)
    if script is None:
        return "Zyyy"
    if script == "Han":
        return han_variant(text())
    return "Jpan" if script == "Kana" else script


def detect(text: str) -> tuple[str, str]:
    """(ISO 639-1 language, ISO 15924 script) of a text; ('und', 'Zyyy') when it has no letters."""
    script = _main_script(script_counts(text))
    if script is None:
        return "und", "Zyyy"
    if script == "Han":
        return "zh", han_variant(text)
    if script in BY_SCRIPT:
        return BY_SCRIPT[script], "Jpan" if script == "Kana" else script
    model, table_only = _identifier(script)
    if table_only:                           # languages the model does not know: the features'
        scores = language_scores(text, script)
        lang, best = max(scores.items(), key=lambda kv: kv[1])
        if best <= 0 or lang in table_only or model is None:
            return (lang if best > 0 else "und"), script
    if model is None:
        return "und", script
    return model.classify(text)[0], script


@lru_cache(maxsize=8)
def _identifier(script: str):
    """(py3langid's model restricted to the table's languages of a script that it knows, or
    None; the table's languages of that script that it does not know)."""
    import copy

    model = _model()
    table = set(_features().get(script, {}))
    known = sorted(table & set(model.nb_classes))
    if not known:
        return None, frozenset(table)
    restricted = copy.copy(model)
    restricted.set_languages(known)
    return restricted, frozenset(table - set(known))


@lru_cache(maxsize=1)
def _model():
    from py3langid import langid as pl

    cls = _word_walking_class()
    if cls is None:
        return pl.LanguageIdentifier.from_model_file(pl.MODEL_FILE, norm_probs=True)
    model = cls.from_model_file(pl.MODEL_FILE, norm_probs=True)
    # the same counts as py3langid's own walk on a probe, or its own walk is used
    probe = "Договор – an agreement, 1991 ё".encode("utf-8")
    args = (model.tk_nextmove, model._rowbase, model.tk_output, probe)
    expected, got = pl.visit_counts(*args), walk_words(*args, {})
    same = expected is not None and got is not None and list(expected.items()) == list(got.items())
    model._walked = {} if same else None
    return model


MAX_WALKED = 200_000      # (state, word) pairs remembered per process, then forgotten


def walk_words(nextmove, rowbase, output, data: bytes, walked: dict) -> Counter | None:
    """py3langid's `visit_counts` (its byte automaton walked over the text, the feature counts
    in the order first met), a word at a time: where a word's walk starts from a state it has
    started from before, its features and end state are remembered, not walked again. The
    walk is deterministic, so the counts are the same, key for key and in the same order."""
    if len(walked) > MAX_WALKED:
        walked.clear()
    state, found = 0, []
    extend = found.extend
    for k, word in enumerate(data.split(b" ")):
        if k:                                 # the space between two words
            state = nextmove[rowbase[state] + 32]
            if output[state] >= 0:
                found.append(output[state])
        key = (state, word)
        got = walked.get(key)
        if got is None:
            here, features = state, []
            for byte in word:
                here = nextmove[rowbase[here] + byte]
                if output[here] >= 0:
                    features.append(output[here])
            got = walked[key] = (tuple(features), here)
        extend(got[0])
        state = got[1]
    return Counter(found) if found else None


@lru_cache(maxsize=1)
def _word_walking_class():
    """py3langid's identifier walking its automaton with `walk_words`; None when the installed
    py3langid is not one whose walk (`visit_counts`) this repeats."""
    from py3langid import langid as pl

    cls = pl.LanguageIdentifier
    if not (callable(getattr(pl, "visit_counts", None)) and hasattr(cls, "_raw_score")
            and hasattr(cls, "_sparse_score")
            and {"tk_nextmove", "_rowbase", "tk_output"} <= set(getattr(cls, "__slots__", ()))):
        return None

    class WordWalking(cls):
        __slots__ = ("_walked",)

        def _raw_score(self, text):
            if self._walked is None:
                return super()._raw_score(text)
            visits = walk_words(self.tk_nextmove, self._rowbase, self.tk_output, text,
                                self._walked)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(text)       # no feature: py3langid's own fill

    return WordWalking


def detect_document(text: str) -> tuple[str, str]:
    """The majority language of a document (by letters, over blocks of ~400 characters) and its script."""
    votes: Counter[str] = Counter()
    blocks: dict[str, list[str]] = defaultdict(list)
    places: dict[str, list[int]] = defaultdict(list)
    every = list(_blocks(text))
    step = max(1, len(every) // SAMPLE_BLOCKS)     # a long document: blocks spread over it do
    sample = every[::step]
    weights = [_weight(block) for block in sample]
    left = sum(weights)
    for place, (block, weight) in enumerate(zip(sample, weights)):
        lang = block_language(block)
        votes[lang] += weight
        blocks[lang].append(block)
        places[lang].append(place)
        left -= weight
        if _decided(votes, left):
            break
    if len(votes) > 1:
        votes.pop("und", None)
    if not votes:
        return "und", "Zyyy"
    top = max(votes.values())
    # near-equal halves (an original and its translation): the one whose text comes first (by
    # the median place of its blocks, so that a translated title above the original does not count)
    near = [k for k in votes if votes[k] >= PARALLEL_SHARE * top]
    lang = min(near, key=lambda k: (sorted(places[k])[(len(places[k]) - 1) // 2], places[k][0]))
    return lang, _blocks_script(blocks[lang])


def _blocks_script(blocks: list[str]) -> str:
    """`text_script` of the blocks joined by line breaks, from the blocks' letter counts (already
    counted, and remembered, for their weights): the same counts, in the same order."""
    counts: Counter[str] = Counter()
    for block in blocks:
        counts.update(script_counts(block))
    return _script_named(counts, lambda: "\n".join(blocks))


def _decided(votes: Counter[str], left: int) -> bool:
    """Whether the blocks not yet read (`left` letters) can no longer change the outcome: no
    other language, given all of them, could come within PARALLEL_SHARE of the leader."""
    if not votes:
        return False
    (top, most), *rest = votes.most_common()
    if top == "und":
        return False
    second = rest[0][1] if rest else 0
    return second + left < PARALLEL_SHARE * most


def block_language(block: str) -> str:
    """A block's language: its lines' languages weighed by their letters (a block that holds
    a title in one language and a paragraph in another goes with the longer)."""
    lines = [line for line in block.split("\n") if line.strip()]
    if len(lines) < 2:
        return detect(block)[0]
    lang, sure = _confident(block)
    if sure:                 # the model is all but certain of the whole block: no line vote
        return lang
    votes: Counter[str] = Counter()
    for line in lines:
        votes[detect(line)[0]] += _weight(line)
    if len(votes) > 1:
        votes.pop("und", None)
    return votes.most_common(1)[0][0]


def _confident(block: str, at_least: float = 0.99) -> tuple[str, bool]:
    """The block's language and whether py3langid gives it at least `at_least` probability (a
    block of one script and one language, the common case, needs no vote of its lines)."""
    counts = script_counts(block)
    if len(counts) != 1:
        return "und", False
    script = next(iter(counts))
    if script in BY_SCRIPT or script in ("Han", "Kana"):
        return detect(block)[0], True
    model, table_only = _identifier(script)
    if model is None or table_only:
        return "und", False
    lang, prob = model.classify(block[:CONFIDENT_CHARS])
    return lang, prob >= at_least


def script_for(text: str, lang: str) -> str:
    """The script of a text whose language is already known (forced)."""
    own = [b for b in _blocks(text) if detect(b)[0] == lang]
    return detect("\n".join(own) if own else text)[1]


def _weight(block: str) -> int:
    counts = script_counts(block)
    return sum(counts.values()) + counts["Han"]


def _blocks(text: str):
    """Runs of whole lines of about BLOCK_CHARS characters (more in a long document)."""
    size = max(BLOCK_CHARS, len(text) // MAX_BLOCKS)
    lines: list[str] = []
    length = 0
    for line in text.split("\n"):
        lines.append(line)
        length += len(line) + 1
        if length >= size:
            yield "\n".join(lines)
            lines, length = [], 0
    if lines and "\n".join(lines).strip():
        yield "\n".join(lines)


_TAG = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{1,8})*")


def known_languages() -> list[str]:
    """The languages the reader can be told a document is in (--lang): those it scores, those
    its script alone names, and Chinese."""
    langs = {lang for per_script in _features().values() for lang in per_script}
    return sorted(langs | set(BY_SCRIPT.values()) | {"zh"})


def check_language(tag: str) -> str:
    """A --lang value → its language subtag (``ru-RU`` → ``ru``); InputError unless it is a
    well-formed BCP 47 tag whose language the reader knows."""
    from pskg.errors import InputError

    value = str(tag).strip().lower()
    if not _TAG.fullmatch(value):
        raise InputError(f"--lang {tag!r}: not a language tag (like ru, kk or uk-UA)")
    lang = value.split("-", 1)[0]
    if lang not in known_languages():
        raise InputError(f"--lang {tag!r}: unknown language; use one of {' '.join(known_languages())}")
    return lang
