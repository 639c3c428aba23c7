"""Small shared forms of the synthetic texts: the topics drawn from, numbers as CJK numerals,
an article heading's first spelling from its pattern in data/lexicon/articles.tsv."""
from __future__ import annotations

import re

TOPICS = ("economy", "energy", "transport", "culture_education", "security_defence", "borders",
          "environment", "law_enforcement")
_CJK = "一二三四五六七八九"


def cjk_number(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ((_CJK[tens - 1] if tens > 1 else "") + "十" if tens else "") + (_CJK[ones - 1] if ones else "")


def heading_template(pattern: str) -> str:
    """'(?:Статья|СТАТЬЯ|Ст\\.)\\s+(?P<num>{NUM})' → 'Статья {n}': the first spelling of a
    heading pattern of data/lexicon/articles.tsv."""
    s = pattern.replace("(?P<num>{NUM})", "\0")
    s = re.sub(r"\(\?:([^|)]*)[^)]*\)\??", r"\1", s)
    s = re.sub(r"\[(.)[^\]]*\]", r"\1", s)
    s = s.replace(r"\s+", " ").replace(r"\s*", "").replace("-?", "-").replace("\\", "")
    return s.replace("\0", "{n}")
