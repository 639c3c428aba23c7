"""The texts of `pskg synth`: a treaty-like text with articles, a declaration with numbered
paragraphs, a news report of the signing. Each is rendered from the phrase table in the
document's language (data/synth/phrases.tsv) and the facts its Writer picked."""
from __future__ import annotations

from functools import lru_cache

from pskg.knowledge import lexicon, reference
from pskg.synth.forms import TOPICS, cjk_number, heading_template

MODALITIES = {"treaty": {"binding": 75, "intended": 25},
              "declaration": {"intended": 60, "recommended": 30, "binding": 10}}


@lru_cache(maxsize=None)
def heading(lang: str) -> str:
    """The article heading of the language (data/lexicon/articles.tsv), checked to be read back."""
    patterns = [p for kind, p in lexicon.article_patterns(lang) if kind == "article"]
    for row in lexicon.rows("articles", lang, kind="article"):
        template = heading_template(row["pattern"])
        sample = template.format(n=cjk_number(7) if _cjk(lang) else 7)
        found = next((m for m in (p.match(sample) for p in patterns) if m), None)
        if found and lexicon.parse_number(found.group("num")) == 7:
            return template
    raise ValueError(f"{lang}: no article heading in data/lexicon/articles.tsv can be written")


def _cjk(lang: str) -> bool:
    from pskg.synth.world import world
    return world().phrase(lang, "numerals") == ["cjk"]


def _state_slots(writer, code: str) -> dict[str, str]:
    w, lang = writer.w, writer.lang
    nom, short = w.state_name(code, lang), w.state_name(code, lang, short=True)
    slots = {"state": nom, "state_the": nom, "state_short": short}
    for case, base, slot in (("gen", nom, "state_gen"), ("acc", nom, "state_acc"),
                             ("gen", short, "state_short_gen")):
        form = w.case_form("states", code, lang, base, case)
        if form:
            slots[slot] = form
    return slots


def _signer(writer, state: str, role: str, pid: str, full: bool) -> dict[str, str]:
    w, lang = writer.w, writer.lang
    names = w.names("persons", pid, lang, ("full",))
    shorts = w.names("persons", pid, lang, ("short",))
    name = names[0] if full or not shorts or writer.rng.random() < 0.6 else writer.rng.choice(shorts)
    return {"role": w.role_word(lang, role), "name": name, **_state_slots(writer, state)}


def _ref_title(writer, known) -> str:
    titles = [t for t in known.titles[reference.normalize_lang(writer.lang)] if len(t) >= 6]
    return writer.rng.choice(titles)


def render(writer, template: str, kind: str, signers, day: str, topic: str, refs) -> tuple[str, int]:
    """(text, number of numbered commitments) of one document."""
    rng, say = writer.rng, writer.say
    refs = sorted(refs, key=lambda k: k.date)
    cites = [{"ref_title": _ref_title(writer, k), "ref_date": writer.date(k.date)} for k in refs]
    if template == "news":
        who = writer.join([say("news.signer", **_signer(writer, *s, full=True)) for s in signers])
        paras = [say("news.head"), say("news.lead", signers=who, date=writer.date(day),
                                       date_loc=writer.date(day, "date_loc"))]
        paras += [" ".join([say("news.ref", **c) for c in cites] + [
            say("news.body", action=say(f"action.{topic}")), say("news.tail")]), say("news.source")]
        return "\n\n".join(paras) + "\n", 0
    paras = [writer.slots["title"], say("preamble", parties=writer.slots["parties"])]
    recitals = writer.w.phrase(writer.lang, "recital")
    paras += rng.sample(recitals, rng.randint(1, len(recitals)))
    paras += [say("recital.ref", **c) for c in cites]
    paras.append(say("agreed.declaration" if template == "declaration" else "agreed"))
    n = rng.randint(3, 10) if template == "treaty" else rng.randint(3, 8)
    topics = [topic] + rng.sample([t for t in TOPICS if t != topic], min(n - 2, len(TOPICS) - 1))
    head = heading(writer.lang)
    for i in range(1, n + 1):
        if i < n:
            modality = writer.pick(MODALITIES[template])
            body = say(f"ob.{modality}", action=say(f"action.{topics[(i - 1) % len(topics)]}"))
        else:
            body = say("ob.final")
        if template == "declaration":
            paras.append(f"{i}. {body}")
        else:
            paras += [head.format(n=cjk_number(i) if _cjk(writer.lang) else i), body]
    paras.append(say("done", date=writer.date(day), date_loc=writer.date(day, "date_loc")))
    for s in signers:
        slots = _signer(writer, *s, full=False)
        paras.append(say("for", **slots) + "\n" + say("sign", **slots))
    return "\n\n".join(paras) + "\n", n
