"""HTML main content on legal-database pages written for the test (navigation, a metadata card,
the treaty text, related documents, footer) in six languages and five page layouts."""
from __future__ import annotations

import pytest
from read_cases import FOOTER, MENU, RELATED, html_cases

from pskg.read import read_bytes
from pskg.read.boilerplate import without

CASES = html_cases()


def _f1(got: str, expected: str) -> float:
    import re
    from collections import Counter

    def words(text):
        return Counter(re.findall(r"[\u3400-\u9fff]|[^\W\d_]+|\d+", text.lower()))
    a, b = words(got), words(expected)
    common = sum((a & b).values())
    return 2 * common / (sum(a.values()) + sum(b.values())) if common else 0.0


@pytest.mark.parametrize("case_id, page, title, expected", CASES, ids=[c[0] for c in CASES])
def test_the_treaty_text_and_only_it(case_id, page, title, expected):
    lang = case_id.split("-")[0]
    text = read_bytes(page.encode("utf-8"), f"{case_id}.html")
    assert text.media_type == "text/html" and text.title == title
    for line in expected.split("\n"):
        assert line in text.text                          # every line of the treaty, whole
    assert FOOTER[lang] not in without(text.text, text.boilerplate)   # gone, or marked as furniture
    assert not any(line.strip() in MENU[lang] for line in text.text.split("\n"))
    assert RELATED[lang] not in text.text
    assert _f1(text.text, expected) >= 0.93


def test_title_falls_back_to_og_title_then_h1():
    body = "<p>" + "The Parties shall develop cooperation in the field of trade. " * 5 + "</p>"
    og = f'<html><head><meta property="og:title" content="Trade  Agreement"></head><body>{body}</body></html>'
    h1 = f"<html><head></head><body><h1>Protocol on\nCustoms</h1>{body}</body></html>"
    assert read_bytes(og.encode(), "og.html").title == "Trade Agreement"
    assert read_bytes(h1.encode(), "h1.html").title == "Protocol on Customs"


def test_a_page_that_is_all_wrapper_keeps_its_text():
    """An ASP.NET-style page: everything inside one <form>, the text in a div named "sidebar-
    layout" — furniture by name, but holding most of the page's text."""
    clauses = "".join(f"<p>Clause {n}. Each Party shall inform the other Party of measures taken under "
                      f"this Agreement within thirty days.</p>" for n in range(1, 6))
    page = (f'<html><body><form id="form1"><div class="sidebar-layout">{clauses}</div>'
            f'<div class="footer">Copyright</div></form></body></html>')
    text = read_bytes(page.encode(), "page.aspx").text
    assert text.count("Each Party shall inform") == 5 and "Copyright" not in text


def test_numbered_list_items_keep_their_numbers():
    page = ("<html><body><p>The Parties have agreed as follows:</p><ol>"
            "<li>The Parties shall exchange information on customs procedures.</li>"
            "<li>Each Party shall designate a competent authority.</li></ol></body></html>")
    text = read_bytes(page.encode(), "list.html").text
    assert "1. The Parties shall exchange information" in text
    assert "2. Each Party shall designate a competent authority." in text
