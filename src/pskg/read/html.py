"""HTML → (text, title): the page's own words, without scripts, menus and page furniture.

Title: the <title>, else og:title, else the first <h1>. Text: first our own rules drop
nav/header/footer/aside/form/menu elements, elements whose role is navigation, banner,
contentinfo, search or complementary, and elements whose class or id names navigation, menus,
footers, breadcrumbs, sidebars, cookie banners or share buttons (unless one holds most of the
page's text); then resiliparse's main-content extraction (its parser and heuristics: link
lists, comment sections, boilerplate blocks) writes the rest as text, blocks as line breaks,
table cells separated by a tab. On 30 legal-database pages (tests/read/read_cases.py) this
scored token F1 0.98 (bench/read_quality.py html).
"""
from __future__ import annotations

import re

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
             "menu", "iframe", "svg", "canvas", "button", "select", "textarea", "object", "embed", "dialog"]
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar"}
NOISE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navbox|navigation|vertical-navbox|menu|menubar|topmenu|footer|"
                   r"breadcrumbs?|sidebar|cookies?|cookie-banner|consent|share|sharing|social|socials|"
                   r"editsection|mw-editsection|printfooter|catlinks|toc|skip-link|skiplink)(?:$|[\s_-])", re.I)
SKIP = "data-pskg-furniture"
MIN_MAIN_SHARE = 0.05   # a main-content extract shorter than this share of the page's text is a miss
_SKIP_CSS = ", ".join(DROP_TAGS + [f'[role="{role}"]' for role in sorted(DROP_ROLES)])
_STRUCTURE = {"nav", "header", "footer", "aside", "form", "menu"}    # dropped unless holding most of the text


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        return True
    return head.startswith("<") and len(re.findall(r"</?(?:p|div|br|span|a|li|td|h[1-6]|table)\b",
                                                   text[:20000], re.I)) >= 5


def html_to_text(markup: str) -> tuple[str, str | None]:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse(markup)
    title = _title(tree)
    _mark_furniture(tree)
    options = dict(alt_texts=False, comments=False, form_fields=False, skip_elements=[f"[{SKIP}]"])
    text = extract_plain_text(tree, main_content=True, **options)
    whole = extract_plain_text(tree, main_content=False, **options)
    if len(text.strip()) < MIN_MAIN_SHARE * len(whole.strip()):
        text = whole                 # the heuristics dropped the page's text itself: keep it all
    return _tidy(text), title


def _title(tree) -> str | None:
    """The <title>, else og:title, else the first <h1>."""
    meta = tree.head.query_selector('meta[property="og:title"]') if tree.head else None
    h1 = tree.body.query_selector("h1") if tree.body else None
    for text in (tree.title, meta.getattr("content") if meta else None, h1.text if h1 else None):
        text = " ".join((text or "").split())
        if text:
            return text
    return None


def _mark_furniture(tree) -> None:
    """Our own rules, before the library's: page furniture by element, role, class or id
    (an article's own header kept; a "furniture" wrapper holding most of the text kept),
    marked with an attribute that the text extraction skips."""
    if tree.body is None:
        return
    total = len(tree.body.text.strip()) or 1
    for tag in list(tree.body.query_selector_all(_SKIP_CSS)):
        if tag.tag in ("header", "footer") and _inside(tag, ("article", "main")) \
                and tag.query_selector("h1, h2") is not None:
            continue                               # an article's own heading
        wrapper = (tag.tag in _STRUCTURE or tag.getattr("role")) and len(tag.text.strip()) >= 0.5 * total
        if not wrapper:
            tag.setattr(SKIP, "")
    for tag in list(tree.body.query_selector_all("[class], [id]")):
        names = " ".join([tag.getattr("id") or "", tag.getattr("class") or ""])
        if NOISE.search(names) and len(tag.text.strip()) < 0.5 * total:
            tag.setattr(SKIP, "")


def _inside(tag, names: tuple[str, ...]) -> bool:
    node = tag.parent
    while node is not None and node.tag:
        if node.tag in names:
            return True
        node = node.parent
    return False


def _tidy(text: str) -> str:
    text = re.sub(r"\t+", "\t", text)                 # table cells: one tab between them
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"
