"""HTML → (text, title): the page's own words, without scripts, menus and page furniture.

Dropped: script/style/nav/header/footer/aside/form/menu elements, elements whose role is
navigation, banner, contentinfo, search or complementary, and elements whose class or id
names navigation, menus, footers, breadcrumbs, sidebars, cookie banners or share buttons —
unless such an element holds most of the page's text (a wrapper named "page-with-sidebar").
Block elements become line breaks, table cells are separated by tabs.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
             "menu", "iframe", "svg", "canvas", "button", "select", "textarea", "object", "embed", "dialog"]
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary", "menu", "menubar"}
NOISE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|navbox|navigation|vertical-navbox|menu|menubar|topmenu|footer|"
                   r"breadcrumbs?|sidebar|cookies?|cookie-banner|consent|share|sharing|social|socials|"
                   r"editsection|mw-editsection|printfooter|catlinks|toc|skip-link|skiplink)(?:$|[\s_-])", re.I)
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
         "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre",
         "address", "figure", "figcaption", "hr", "caption", "center", "details", "summary",
         "fieldset", "legend", "body", "html"}
PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "blockquote", "pre", "section"}
_SKIP = (Comment, Declaration, Doctype, ProcessingInstruction)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        return True
    return head.startswith("<") and len(re.findall(r"</?(?:p|div|br|span|a|li|td|h[1-6]|table)\b",
                                                   text[:20000], re.I)) >= 5


def html_to_text(markup: str) -> tuple[str, str | None]:
    soup = BeautifulSoup(markup, "lxml")
    title = _title(soup)
    for tag in soup(["title", "head"]):
        tag.decompose()
    _drop_furniture(soup)
    return _render(soup), title


def _title(soup: BeautifulSoup) -> str | None:
    for candidate in (soup.title, soup.find("meta", attrs={"property": "og:title"}), soup.find("h1")):
        if candidate is None:
            continue
        text = candidate.get("content", "") if candidate.name == "meta" else candidate.get_text(" ")
        text = " ".join(str(text).split())
        if text:
            return text
    return None


def _drop_furniture(soup: BeautifulSoup) -> None:
    total = len(soup.get_text(" ", strip=True)) or 1
    for tag in soup(DROP_TAGS):
        if tag.name in ("header", "footer") and tag.find_parent(["article", "main"]) is not None \
                and tag.find(["h1", "h2"]) is not None:
            continue                               # an article's own heading
        tag.decompose()
    for tag in list(soup.find_all(True)):
        if tag.decomposed or not isinstance(tag, Tag) or tag.attrs is None:
            continue
        names = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
        role = (tag.get("role") or "").lower()
        if role in DROP_ROLES or (names.strip() and NOISE.search(names)):
            if len(tag.get_text(" ", strip=True)) < 0.5 * total:
                tag.decompose()


def _render(soup: BeautifulSoup) -> str:
    out: list[str] = []
    stack: list[tuple[object, bool]] = [(soup, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            out.append("\n\n" if node.name in PARAGRAPH else "\t" if node.name in ("td", "th") else "\n")
            continue
        if isinstance(node, NavigableString):
            if isinstance(node, _SKIP):
                continue
            in_pre = node.find_parent("pre") is not None
            out.append(str(node) if in_pre else re.sub(r"\s+", " ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        if node.name == "br":
            out.append("\n")
            continue
        if node.name in BLOCK:
            out.append("\n")
        if node.name in BLOCK or node.name in ("td", "th"):
            stack.append((node, True))
        stack.extend((child, False) for child in reversed(node.contents))
    text = "".join(out)
    text = re.sub(r"[ \t]*\n[ \t]*", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"
