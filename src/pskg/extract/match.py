"""Finding phrases from tables in a text: one general matcher for every kind of name.

Word scripts (Latin, Cyrillic, Georgian, Armenian…) are matched token by token: a phrase token
matches a text token exactly, or, in `prefix` mode, when the text token begins with it and adds
at most a few letters (so 'Казахстана', 'ყაზახეთის', 'Ашхабадта' match their base names —
inflection is handled by one rule, not by listing every case form). Tokens of a phrase may be
separated in the text by spaces, line breaks, hyphens or an initial's dot.
Han text has no word breaks: phrases are matched as substrings, spaces in the text ignored.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

TOKEN = re.compile(r"\w+", re.UNICODE)
GAP_OK = re.compile(r"[\s\-‐‑–'’.·]{0,8}")
MAX_SUFFIX = 6
_FIRST_THREE = itemgetter(0, 1, 2)
_VOWEL_ENDINGS = set("aeiouyаеёиоуыэюяйьъіїєəөүұиოაეიუ")


def _skip(ch: str) -> bool:
    """Characters ignored inside Han phrases: spaces and the name dots of 鲍里斯·叶利钦."""
    return ch.isspace() or ch in "·・•‧"


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def fold(token: str) -> str:
    """The comparison form of a token: case-folded, ё→е, no combining marks of Latin accents kept."""
    return token.replace("İ", "i").casefold().replace("ё", "е").replace("’", "'")


def max_suffix(form: str) -> int:
    """How many letters inflection may add to a stem: few for a short stem ('სამო' must not
    reach 'სამოქალაქო'), more for a long one ('Қазақстан' + 'ның')."""
    return 3 if len(form) <= 5 else MAX_SUFFIX


def stem(token: str) -> str:
    """A base form good for prefix matching: drop one final vowel of a long word."""
    t = fold(token)
    if len(t) >= 4 and t[-1] in _VOWEL_ENDINGS:
        return t[:-1]
    return t


@dataclass(frozen=True)
class Entry:
    phrase: str
    value: str
    kind: str = ""           # free label (e.g. the table row's kind)
    mode: str = "prefix"     # prefix (names) | word (lexicon, bounded) | stem (lexicon) | exact
    cased: bool = False      # the text token must start with a capital letter
    group: str = ""          # hits overlap freely across groups, never within one


class Hit(NamedTuple):
    """A phrase found: its span and table entry (a named tuple: made for every hit kept)."""
    start: int
    end: int
    entry: Entry

    @property
    def value(self) -> str:
        return self.entry.value


class Matcher:
    """Longest-match, left-to-right phrase finder over word tokens and Han substrings."""

    def __init__(self, entries, same_span: frozenset[str] = frozenset()):
        self.same_span = same_span        # groups whose words may carry two meanings at once
        self._phrases: list[tuple[tuple[tuple[str, int], ...], Entry]] = []
        self._words: dict[str, list[tuple[tuple[tuple[str, int], ...], Entry, int, int]]] = {}
        self._han: dict[str, list[tuple[str, Entry]]] = {}
        self._han_first: re.Pattern | None = None
        self._memo: dict[str, list] = {}
        self._hit_forms: set[str] = set()  # the memo's keys that have candidates
        self._lengths = None
        for entry in entries:
            self.add(entry)

    def add(self, entry: Entry) -> None:
        phrase = unicodedata.normalize("NFC", entry.phrase).strip()
        if not phrase:
            return
        if any(is_han(c) for c in phrase):
            compact = "".join(c for c in phrase if not _skip(c))
            self._han.setdefault(compact[:2], []).append((compact, entry))
            self._han_first = None
            return
        words = [fold(t) for t in TOKEN.findall(phrase)]
        if not words:
            return
        # (form, prefix allowed): long words inflect; so does a short final word of a
        # multi-word name ('ალმა-ათა' → 'ალმა-ათის'), never a lone short word or abbreviation.
        # (form, letters it may gain: 0 = exact). Names inflect within limits; lexicon stems
        # ("stem" mode: 'ниет' → 'ниеттіміз', 'қажет' → 'қажеттілігін') take any ending.
        tokens = []
        for i, w in enumerate(words):
            if entry.mode == "stem" and len(w) >= 2:
                tokens.append((stem(w) if len(w) >= 5 else w, 12))
            elif entry.mode == "word" and len(w) >= 4:
                # a lexicon word may take the long endings of agglutinative languages
                # ('Конвенцияларының'), not a second noun ('Vertrags|parteien')
                tokens.append((stem(w), 8))
            elif entry.mode == "prefix" and len(w) >= 4:
                tokens.append((stem(w), max_suffix(stem(w))))
            elif entry.mode == "prefix" and i > 0 and len(w) == 3 and w[-1] in _VOWEL_ENDINGS:
                tokens.append((w[:-1], 3))
            else:
                tokens.append((w, 0))
        self._phrases.append((tuple(tokens), entry))
        self._lengths = None
        self._memo = {}
        self._hit_forms = set()

    def _anchor(self, tokens, shared: dict[str, int]) -> int:
        """The word a phrase is looked up by: the one fewest phrases of the table share, of
        three letters or more where there is one, the longest of equals. Short words ('б.' of
        'б. ельцин', 'the') are everywhere in a text; so are words many names share
        ('республика', 'republic'): looking a phrase up by them tries it at each."""
        def cost(k: int) -> tuple:
            form = tokens[k][0]
            return (len(form) < 3, shared[form], -len(form), k)
        return min(range(len(tokens)), key=cost)

    # -- matching -----------------------------------------------------------------------
    def built(self) -> Matcher:
        """This matcher with its lookup aids built now (else on its first search)."""
        self._index()
        return self

    def _index(self):
        """Lookup aids built once: key lengths to try, and the first letters keys begin with."""
        if self._lengths is None:
            shared: dict[str, int] = {}
            for tokens, _ in self._phrases:
                for form in {t[0] for t in tokens}:
                    shared[form] = shared.get(form, 0) + 1
            self._words = {}
            for seq, (tokens, entry) in enumerate(self._phrases):
                anchor = self._anchor(tokens, shared)
                self._words.setdefault(tokens[anchor][0], []).append((tokens, entry, anchor, seq))
            by_head: dict[str, set[int]] = {}
            for key in self._words:
                by_head.setdefault(key[:2], set()).add(len(key))
            self._lengths = {h: sorted(ls, reverse=True) for h, ls in by_head.items()}
        return self._lengths

    def find(self, text: str) -> list[Hit]:
        """Hits, longest first and non-overlapping within each entry group."""
        prepared = prepare(text)
        found = self._find_words(text, prepared) + self._find_han(prepared)
        # (start, -end, place): sorting these tuples is a stable sort by (start, -end)
        groups: dict[str, list[tuple[int, int, int, int, Entry]]] = {}
        for n, (start, end, entry) in enumerate(found):
            groups.setdefault(entry.group, []).append((start, -end, n, end, entry))
        out = []
        for g, (group, spans) in enumerate(groups.items()):
            kept = _longest_spans(spans, text, group in self.same_span)
            out += [(start, -end, g, k, entry) for k, (start, end, entry) in enumerate(kept)]
        out.sort()          # by place, then in the groups' order: no two tuples are equal
        return [Hit(start, -neg_end, entry) for start, neg_end, _, _, entry in out]

    def _candidates(self, got: str) -> list[tuple[tuple[tuple[str, int], ...], Entry, int, int, bool]]:
        """The phrases whose anchor word this folded text token can be (same stem, an ending
        within the word's limit): (tokens, entry, anchor, table order, one word)."""
        found = []
        lengths = self._index().get(got[:2])
        n = len(got)
        for cut in lengths or ():
            if cut > n:
                continue
            if n - cut > 12:
                break
            for tokens, entry, anchor, seq in self._words.get(got[:cut], ()):
                if n - cut <= tokens[anchor][1]:
                    found.append((tokens, entry, anchor, seq, len(tokens) == 1))
        return found

    def _known(self, distinct: set[str]) -> set[str]:
        """The text's distinct token forms that some phrase may be anchored on. Each form's
        candidates are worked out once per matcher and remembered, as the words of texts
        repeat; the forms of a text are checked against the memo as sets, not one by one."""
        memo = self._memo
        new = distinct.difference(memo)          # looks each form up in the memo (a dict)
        if new:
            if len(memo) + len(new) > 200_000:     # a bound for long-running processes
                memo.clear()
                self._hit_forms = set()
                new = distinct
            candidates, hit_forms = self._candidates, self._hit_forms
            for got in new:
                found = candidates(got)
                memo[got] = found or ()        # most forms anchor nothing: one shared empty tuple
                if found:
                    hit_forms.add(got)
        return distinct.intersection(self._hit_forms)

    def _find_words(self, text: str, prepared) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) of every phrase found, in text order, then the tables' order."""
        if not self._phrases:
            return []
        self._index()
        starts, ends = prepared.starts, prepared.ends
        forms, places = prepared.forms, prepared.places
        memo = self._memo
        found_at: list[tuple[int, int, int, Entry]] = []
        match_from = self._match_from
        for got in self._known(prepared.distinct):
            found = memo[got]
            for i in places[got]:
                for tokens, entry, anchor, seq, single in found:
                    first = i - anchor
                    if first < 0 or (entry.cased and not text[starts[first]].isupper()):
                        continue
                    if single:
                        found_at.append((starts[i], ends[i], seq, entry))
                        continue
                    j = match_from(text, starts, ends, forms, first, tokens)
                    if j is not None:
                        found_at.append((starts[first], ends[j], seq, entry))
        found_at.sort(key=_FIRST_THREE)      # text order, then the tables' order
        return [(start, end, entry) for start, end, _, entry in found_at]

    @staticmethod
    def _match_from(text, starts, ends, forms, first, tokens) -> int | None:
        """The index of the last text token when the phrase's tokens match from `first`."""
        j = first
        n = len(forms)
        for k, (form, limit) in enumerate(tokens):
            if k:
                j += 1
                if j >= n:
                    return None
            got = forms[j]
            if not (got.startswith(form) and len(got) - len(form) <= limit):
                return None
            if k:
                gap, after = ends[j - 1], starts[j]
                if not (after - gap == 1 and text[gap] == " ") and \
                        not GAP_OK.fullmatch(text, gap, after):
                    return None
        return j

    def _find_han(self, prepared) -> list[tuple[int, int, Entry]]:
        if not self._han or not prepared.compact:
            return []
        if self._han_first is None:     # the Han characters phrases begin with
            first = sorted({key[0] for key in self._han if is_han(key[0])})
            self._han_first = re.compile("[" + "".join(map(re.escape, first)) + "]" if first
                                         else "(?!)")
        compact, positions = prepared.compact, prepared.positions
        hits: list[tuple[int, int, Entry]] = []
        for m in self._han_first.finditer(compact):     # no other place can begin a phrase
            k = m.start()
            for key in (compact[k:k + 2], compact[k]):
                for phrase, entry in self._han.get(key, ()):
                    if compact.startswith(phrase, k):
                        hits.append((positions[k], positions[k + len(phrase) - 1] + 1, entry))
        return hits


@dataclass
class Prepared:
    """A text cut once for every matcher: where its word tokens start and end, their folded
    forms, each distinct form with the indexes of its tokens (a matcher looks up each distinct
    word once, however often the text repeats it), those forms as a set, and the text with
    spaces removed (and where each character came from) when it has Han characters."""
    starts: list[int]
    ends: list[int]
    forms: list[str]
    places: dict[str, list[int]]
    distinct: set[str]
    compact: str
    positions: list[int]


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_AT_WORDS = re.compile(r"(\w+)", re.UNICODE)     # TOKEN as a group: split keeps the words
_NOT_SKIPPED = re.compile(r"[^\s·・•‧]")


SHORT_TEXT = 2000     # characters: a title or a sentence that assembly searches on its own


def prepare(text: str) -> Prepared:
    """The text cut for matching, remembered for the last few texts: a document's text is
    searched by several matchers, and short texts (titles, sentences) that the assembly
    searches in between are remembered apart, so that they do not push the document out."""
    return _prepare_short(text) if len(text) < SHORT_TEXT else _prepare_long(text)


def _prepare(text: str) -> Prepared:
    han = _HAN.search(text) is not None
    if not han:
        # the text cut at its words: non-word, word, non-word, …, non-word (maybe empty);
        # the pieces' lengths summed give where each word starts and ends
        pieces = _AT_WORDS.split(text)
        bounds = list(accumulate(map(len, pieces)))
        starts, ends, words = bounds[0:-1:2], bounds[1::2], pieces[1::2]
    else:                              # words that begin with a Han character are left out
        spans = [m.span() for m in TOKEN.finditer(text) if not is_han(text[m.start()])]
        starts, ends = [s for s, _ in spans], [e for _, e in spans]
        words = [text[s:e] for s, e in spans]
    # fold is character by character (casefold has no context) and never makes or takes a
    # NUL, which is no word character: the words folded together, cut again at the NULs
    forms = fold("\x00".join(words)).split("\x00") if words else []
    places: dict[str, list[int]] = defaultdict(list)
    for i, form in enumerate(forms):
        places[form].append(i)
    places = dict(places)
    if not han:
        return Prepared(starts, ends, forms, places, set(places), "", [])
    positions = [m.start() for m in _NOT_SKIPPED.finditer(text)]
    compact = "".join(text[i] for i in positions)
    return Prepared(starts, ends, forms, places, set(places), compact, positions)


_prepare_long = lru_cache(maxsize=4)(_prepare)
_prepare_short = lru_cache(maxsize=16)(_prepare)


_folded_phrase = lru_cache(maxsize=1 << 16)(fold)     # the tables' phrases, folded once


def _longest_spans(spans: list[tuple[int, int, int, int, Entry]], text: str,
                   same_span: bool) -> list[tuple[int, int, Entry]]:
    """Of one group's phrases found, as (start, -end, order found, end, entry): the longest at
    each place; of equally long ones, one written exactly as the phrase ('Belarus' is Belarus,
    not Palau's 'Belau' with an ending); with `same_span`, every meaning of one stretch of text
    is kept (lexicon words, never names: 'от' is a label and a date link). (start, end, entry)
    in text order; no Hit is made for what is left out."""
    spans.sort()
    i = 0
    while i < len(spans) - 1:         # equal spans: the one written exactly as its phrase first
        j = i + 1
        while j < len(spans) and spans[j][0] == spans[i][0] and spans[j][1] == spans[i][1]:
            j += 1
        if j - i > 1:
            exact = fold(text[spans[i][0]:spans[i][3]])
            spans[i:j] = sorted(spans[i:j], key=lambda h: exact != _folded_phrase(h[4].phrase))
        i = j
    out: list[tuple[int, int, Entry]] = []
    last_end = -1
    for start, _, _, end, entry in spans:
        if start >= last_end or (same_span and out and entry.value != out[-1][2].value and
                                 (start, end) == out[-1][:2]):
            out.append((start, end, entry))
            last_end = end
    return out
