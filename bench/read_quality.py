"""The read stage against maintained libraries, on the cases of tests/read/read_cases.py (texts
written for the tests): one table per measure, the project's own code and each library measured
in the same run.

    .venv/bin/python bench/read_quality.py [encodings] [pdf] [html] [langid]

- encodings: right / silently wrong / refused on legacy-encoded texts × code pages × 200, 1,000
  and 5,000 characters (Romanian cedilla ş/ţ read as comma-below ș/ț counts as right: the bytes
  are the same in cp1250 and ISO-8859-16);
- pdf: signatories found in a PDF with a two-column signature block (read → extract → assemble),
  the text taken by pypdf, poppler's pdftotext and pdfminer.six;
- html: token F1 of the main text against the page's known treaty text, and milliseconds a page;
- langid: share of short snippets whose (language, script) is right.
A library that is not installed is reported as such.
"""
from __future__ import annotations

import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "read"))

from read_cases import encoding_cases, html_cases, snippet_cases, two_column_treaty_pdf  # noqa: E402

from pskg.errors import InputError  # noqa: E402

ROMANIAN_COMMA = str.maketrans("şŞţŢ", "șȘțȚ")


def _decoders():
    from pskg.read.decode import decode

    def own(data: bytes) -> str | None:
        try:
            return decode(data, "case.txt")[0]
        except InputError:
            return None
    yield "pskg.read.decode", own

    def by_name(detect):
        def run(data: bytes) -> str | None:
            enc = detect(data)
            try:
                return data.decode(enc) if enc else None
            except (UnicodeDecodeError, LookupError):
                return None
        return run
    try:
        import chardet
        yield f"chardet {chardet.__version__}", by_name(lambda d: chardet.detect(d)["encoding"])
    except ImportError:
        yield "chardet (not installed)", None
    try:
        import charset_normalizer
        yield f"charset-normalizer {charset_normalizer.__version__}", \
            lambda d: (lambda m: str(m) if m else None)(charset_normalizer.from_bytes(d).best())
    except ImportError:
        yield "charset-normalizer (not installed)", None
    try:
        import cchardet
        yield f"cchardet {cchardet.__version__}", by_name(lambda d: cchardet.detect(d)["encoding"])
    except ImportError:
        yield "cchardet (not installed)", None


def encodings() -> None:
    cases = encoding_cases()
    print(f"## Legacy encodings: {len(cases)} cases\n")
    print("| decoder | right | silently wrong | refused | ms a case |\n|---|---:|---:|---:|---:|")
    for name, run in _decoders():
        if run is None:
            print(f"| {name} | | | | |")
            continue
        counts: Counter[str] = Counter()
        wrong = []
        start = time.perf_counter()
        for case_id, _, text, data in cases:
            got = run(data)
            if got is None:
                counts["refused"] += 1
            elif got.translate(ROMANIAN_COMMA) == text.translate(ROMANIAN_COMMA):
                counts["right"] += 1
            else:
                counts["wrong"] += 1
                wrong.append(case_id)
        ms = (time.perf_counter() - start) * 1000 / len(cases)
        print(f"| {name} | {counts['right']} | {counts['wrong']} | {counts['refused']} | {ms:.1f} |")
        if wrong:
            print(f"|  wrong: {', '.join(wrong)} | | | | |")
    print()


def tokens(text: str) -> Counter[str]:
    """Words, and each Han character as a word of its own."""
    return Counter(t for t in re.findall(r"[\u3400-\u9fff]|[^\W\d_]+|\d+", text.lower()))


def f1(got: str, expected: str) -> float:
    a, b = tokens(got), tokens(expected)
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _html_extractors():
    from pskg.read.html import html_to_text

    yield "pskg.read.html", lambda page: html_to_text(page)[0]
    try:
        import trafilatura
        yield f"trafilatura {trafilatura.__version__}", \
            lambda page: trafilatura.extract(page, include_comments=False, include_tables=True) or ""
    except ImportError:
        yield "trafilatura (not installed)", None
    try:
        from importlib.metadata import version

        from resiliparse.extract.html2text import extract_plain_text
        yield f"resiliparse {version('resiliparse')}", lambda page: extract_plain_text(page, main_content=True)
    except ImportError:
        yield "resiliparse (not installed)", None


def html() -> None:
    cases = html_cases()
    print(f"## HTML main content: {len(cases)} legal-database pages (token F1 against the treaty text)\n")
    print("| extractor | mean F1 | min F1 | precision | recall | ms a page |\n|---|---:|---:|---:|---:|---:|")
    for name, run in _html_extractors():
        if run is None:
            print(f"| {name} | | | | | |")
            continue
        scores, precisions, recalls = [], [], []
        worst = ("", 2.0)
        start = time.perf_counter()
        outputs = [(case_id, run(page), expected) for case_id, page, _, expected in cases]
        ms = (time.perf_counter() - start) * 1000 / len(cases)
        for case_id, got, expected in outputs:
            a, b = tokens(got), tokens(expected)
            common = sum((a & b).values())
            precisions.append(common / max(1, sum(a.values())))
            recalls.append(common / max(1, sum(b.values())))
            scores.append(f1(got, expected))
            worst = min(worst, (case_id, scores[-1]), key=lambda x: x[1])
        n = len(cases)
        print(f"| {name} | {sum(scores) / n:.3f} | {min(scores):.3f} ({worst[0]}) | {sum(precisions) / n:.3f} "
              f"| {sum(recalls) / n:.3f} | {ms:.1f} |")
    print()


def langid() -> None:
    """The project's detect() (script shortcut, then py3langid among the table's languages)
    against the table's features alone (the scorer it replaced)."""
    from pskg.read import langid as ours

    def features_only(text: str) -> tuple[str, str]:
        lang, script = ours.detect(text)
        if script not in ("Latn", "Cyrl"):
            return lang, script
        scores = ours.language_scores(text, script)
        best = max(scores, key=scores.get)
        return (best if scores[best] > 0 else "und"), script

    cases = snippet_cases()
    print(f"## Language of {len(cases)} one-sentence snippets\n")
    print("| detector | right | share | ms a snippet | misses |\n|---|---:|---:|---:|---|")
    ours.detect(cases[0][2])                       # the model loaded before timing
    for name, run in (("pskg.read.langid.detect (py3langid)", ours.detect),
                      ("langid.tsv features alone", features_only)):
        start = time.perf_counter()
        got = [(case_id, expected, run(text)) for case_id, expected, text in cases]
        ms = (time.perf_counter() - start) * 1000 / len(cases)
        misses = [f"{case_id}→{found[0]}" for case_id, expected, found in got if found != expected]
        right = len(cases) - len(misses)
        print(f"| {name} | {right} | {right / len(cases):.3f} | {ms:.2f} | {', '.join(misses)} |")
    print()


def pdf() -> None:
    """Signatories that read → extract → assemble find in a PDF whose signature block stands in
    two columns, the text taken by pypdf (the extractor replaced), poppler and pdfminer.six."""
    import io
    import shutil

    from pskg.assemble import assemble
    from pskg.extract import extract
    from pskg.read import pdf as ours
    from pskg.read import read_bytes

    data = two_column_treaty_pdf()
    expected = {("Vahan Melikyan", "AM"), ("Levan Beridze", "GE")}

    def pypdf_text(data: bytes, name: str) -> str:
        from pypdf import PdfReader
        return "\f".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    print("## PDF: a two-column signature block, signatories found (F1)\n")
    print("| text from | signatories found | F1 |\n|---|---|---:|")
    real, which = ours._poppler, shutil.which
    for name, engine in (("pypdf", pypdf_text), ("pdftotext -layout", real), ("pdfminer.six", ours._pdfminer)):
        if engine is real and not which("pdftotext"):
            print(f"| {name} (not installed) | | |")
            continue
        ours._poppler, shutil.which = engine, lambda _: "pdftotext"   # this engine, installed or not
        try:
            record = assemble(extract(read_bytes(data, "agreement.pdf")))
        finally:
            ours._poppler, shutil.which = real, which
        found = {(s.person_name, s.state) for s in record.instrument.signatures}
        hits = len(found & expected)
        score = 2 * hits / (len(found) + len(expected)) if hits else 0.0
        print(f"| {name} | {', '.join(sorted(f'{n} ({s})' for n, s in found))} | {score:.2f} |")
    print()


MEASURES = {"encodings": encodings, "pdf": pdf, "html": html, "langid": langid}

if __name__ == "__main__":
    for measure in sys.argv[1:] or list(MEASURES):
        MEASURES[measure]()
