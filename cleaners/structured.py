"""What a page says about itself in structured data: JSON-LD and schema.org microdata.

News CMSs publish the article as schema.org data for search engines: headline, author, date,
description and often the whole `articleBody`. On a script-rendered page (the HTML is an empty
`<div id="app">` plus a bundle) that is the only copy of the text in the document; on other
pages it is an independent witness of what the article is, written by the newsroom rather
than guessed from the layout.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass

from lxml.html import HtmlElement

__all__ = ["StructuredArticle", "jsonld_objects", "ld_article", "structured_article"]

# "review": a critic's review is typed Review (or CriticReview), not NewsArticle (blind trial
# s's theatre review took its author from the byline "Crítica de Rui Valadares").
_ARTICLE_TYPES = ("article", "posting", "report", "blog", "review")
_TAG_RE = re.compile(r"<[^>]{0,500}>")


def _norm(s: str) -> str:
    return " ".join(s.split())


def jsonld_objects(tree: HtmlElement) -> list[dict]:
    """Flattened JSON-LD objects (handles lists and @graph); broken JSON is skipped."""
    out: list[dict] = []
    for s in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(s.text or "", strict=False)  # raw newlines in strings are common
        except (ValueError, TypeError, RecursionError):
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                out.append(d)
                if isinstance(d.get("@graph"), list):
                    stack.extend(d["@graph"])
    return out


def ld_article(objs: list[dict]) -> dict | None:
    """The first object typed as an article (NewsArticle, BlogPosting, Report, …)."""
    for d in objs:
        t = d.get("@type")
        types = t if isinstance(t, list) else [t]
        if any(isinstance(x, str) and any(a in x.lower() for a in _ARTICLE_TYPES) for x in types):
            return d
    return None


def _body_paragraphs(body: str) -> list[str]:
    """articleBody as paragraphs: some CMSs put HTML in it, most plain text with newlines."""
    if "<" in body and _TAG_RE.search(body):
        body = re.sub(r"(?i)<\s*(?:br|/p|/div|/h[1-6]|/li|/blockquote)\s*/?>", "\n", body)
        body = _TAG_RE.sub("", body)
    body = html_lib.unescape(body)
    return [p for p in (_norm(x) for x in body.split("\n")) if p]


@dataclass(frozen=True, slots=True)
class StructuredArticle:
    """The article as the page's structured data gives it (each field may be missing)."""

    body: tuple[str, ...] = ()  # articleBody, as paragraphs
    description: str | None = None
    headline: str | None = None

    @property
    def body_words(self) -> int:
        return sum(len(p.split()) for p in self.body)


def _microdata_body(tree: HtmlElement) -> list[str]:
    el = next(tree.iterfind('.//*[@itemprop="articleBody"]'), None)
    if el is None:
        return []
    # microdata marks up the visible text: it is a witness, rendered like any container
    text = "\n".join(t for t in el.itertext())
    return [p for p in (_norm(x) for x in text.split("\n")) if p]


def structured_article(tree: HtmlElement, objs: list[dict] | None = None) -> StructuredArticle:
    """articleBody / description / headline from JSON-LD, else articleBody from microdata."""
    art = ld_article(jsonld_objects(tree) if objs is None else objs)
    body: list[str] = []
    desc = head = None
    if art is not None:
        if isinstance(art.get("articleBody"), str):
            body = _body_paragraphs(art["articleBody"])
        if isinstance(art.get("description"), str):
            desc = _norm(html_lib.unescape(art["description"])) or None
        if isinstance(art.get("headline"), str):
            head = _norm(art["headline"]) or None
    if not body:
        body = _microdata_body(tree)
    return StructuredArticle(tuple(body), desc, head)
