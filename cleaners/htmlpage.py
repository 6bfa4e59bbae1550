"""The page as a reader sees it: visible blocks with the landmark each sits in, and the
consent layer laid over it.

Two jobs, both before any extractor runs:
* `consent_layers` finds cookie/consent layers (any language, any class name) so they can be
  taken out of the tree: an extractor scores a consent layer like prose, and when it is longer
  than the article it wins (trafilatura issue #569, field case 19).
* `page_blocks` lists every visible block (paragraph, list item, heading, table row, …) with
  its region (nav, header, footer, aside, form, cookie-layer, body), so the words a page held
  are counted before extraction and every block that does not reach the output can be put on
  record with the reason it left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

__all__ = ["PageBlock", "consent_layers", "page_blocks"]


def _norm(s: str) -> str:
    return " ".join(s.split())


# ---------------------------------------------------------------- consent layers

# Words a consent notice is made of, as stems, in the languages of the dev sets and beyond:
# cookies, consent, partners, privacy, tracking, personalised ads, legitimate interest.
_CONSENT_RE = re.compile(
    r"cookie|consent|einwillig|zustimm|consentement|consentimiento|consenso|toestemming|samtykke"
    r"|samtycke|zgod|souhlas|partner|partenaire|socios|privacy|datenschutz|confidentialit"
    r"|privacidad|privacidade|riservatezza|personali[sz]|personnalis|tracking|tracker"
    r"|gdpr|dsgvo|rgpd|legitimate interest|berechtigte[sn]? interesse|intérêt légitime"
    r"|interés legítimo|interesse legittimo|your device|ihrem gerät|votre appareil",
    re.IGNORECASE,
)
# The button that closes one: accept/agree/allow in many languages, at most a few words.
_ACCEPT_RE = re.compile(
    r"\b(?:accept|agree|allow|akzept|zustimm|einverstanden|zulassen|erlauben|accepter|autoriser"
    r"|j'accepte|acept|permitir|accett|consent|accepteren|akkoord|toestaan|godkänn|godta"
    r"|aceitar|concordo|zgadzam|akceptuj|souhlasím|přijmout|ok|got it|verstanden)",
    re.IGNORECASE,
)
# Consent-platform and hand-made container names: class/id hints count as consent words.
_CONSENT_NAME_RE = re.compile(
    r"cookie|consent|gdpr|cmp|onetrust|didomi|usercentrics|sp_message|qc-cmp|truste|privacy-?banner",
    re.IGNORECASE,
)
_LABEL_MAX_WORDS = 5
# A consent layer: at least this many consent words, at least this share of its words (the
# notice of field/19: 15 in 190 words; a news story about cookie law: ~1 in 40, and it has
# no accept button inside its own container).
_CONSENT_MIN_HITS = 3
_CONSENT_MIN_SHARE = 0.04
_CONSENT_MAX_UP = 8
# Consent notices run to 15-400 words (field/19: 190 in three languages); an article is longer.
_CONSENT_MIN_WORDS, _CONSENT_MAX_WORDS = 8, 600
_CONSENT_MIN_CONTROLS = 2  # levels above the accept button searched for the layer's container
_CONTAINER_TAGS = frozenset(("div", "section", "aside", "dialog", "form", "footer", "header", "span"))


def _labels(tree: HtmlElement):
    for el in tree.iter("button", "a", "input", "span", "div"):
        tag = el.tag
        if tag == "input":
            if (el.get("type") or "").lower() not in ("button", "submit"):
                continue
            text = el.get("value") or ""
        elif tag in ("span", "div"):
            if el.get("role") != "button":
                continue
            text = el.text_content()
        else:
            text = el.text_content()
        words = text.split()
        if 0 < len(words) <= _LABEL_MAX_WORDS and _ACCEPT_RE.search(text):
            yield el


def _is_consent(el: HtmlElement) -> bool:
    text = el.text_content()
    words = len(text.split())
    if not _CONSENT_MIN_WORDS <= words <= _CONSENT_MAX_WORDS:
        return False
    hits = len(_CONSENT_RE.findall(text))
    named = bool(_CONSENT_NAME_RE.search((el.get("class") or "") + " " + (el.get("id") or "")))
    # a consent layer offers choices (accept / reject / settings) or says what it is in its
    # name; a story about cookie law with one "OK" button of a poll inside does neither
    if not named and sum(1 for _ in el.iter("button", "input")) < _CONSENT_MIN_CONTROLS:
        return False
    hits += 2 * named
    return hits >= _CONSENT_MIN_HITS and hits >= _CONSENT_MIN_SHARE * words


def _holds_article(el: HtmlElement) -> bool:
    return el.tag in ("body", "html", "main", "article") or next(
        el.iter("h1", "article", "main"), None) is not None


def consent_layers(tree: HtmlElement) -> list[HtmlElement]:
    """Outermost containers of consent notices: an accept-style button inside, consent words
    dense in the text, no headline or <article>/<main> inside (so never the page itself)."""
    found: list[HtmlElement] = []
    seen: set[int] = set()
    for label in _labels(tree):
        best = None
        el = label.getparent()
        for _ in range(_CONSENT_MAX_UP):
            if el is None or _holds_article(el):
                break
            if id(el) in seen:
                best = None
                break
            if el.tag in _CONTAINER_TAGS and _is_consent(el):
                best = el
            el = el.getparent()
        if best is not None:
            seen.update(id(x) for x in best.iter())
            found.append(best)
    return found


# ---------------------------------------------------------------- visible blocks

_BLOCK_TAGS = frozenset(
    ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "br")
    + ("section", "article", "figcaption", "dd", "dt", "table", "ul", "ol", "header", "footer")
    + ("aside", "figure", "nav", "main", "form", "dialog", "td", "th", "button", "label")
)
# What a reader never sees as text: the one definition, for the page blocks and the gap fill.
INVISIBLE_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "head", "title",
                            "iframe", "object", "select", "option"))
_REGION_TAGS = {"nav": "nav", "header": "header", "footer": "footer", "aside": "aside",
                "form": "form", "dialog": "dialog"}
_ROLE_REGIONS = {"navigation": "nav", "banner": "header", "contentinfo": "footer",
                 "complementary": "aside", "dialog": "dialog", "search": "form"}


@dataclass(frozen=True, slots=True)
class PageBlock:
    text: str
    region: str  # body | nav | header | footer | aside | form | dialog | cookie-layer
    heading: bool = False  # an <h1>-<h6>
    caption: bool = False  # in a <figure> or its <figcaption>


def is_hidden(el: HtmlElement) -> bool:
    """Hidden by the page itself: `hidden`, `aria-hidden="true"` or an inline display:none."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style) and "display:none" in style.replace(" ", "").lower()


def page_blocks(root: HtmlElement, consent: list[HtmlElement] = ()) -> list[PageBlock]:
    """Every visible block of text under ``root`` in reading order, with its region."""
    out: list[PageBlock] = []
    cur: list[str] = []
    layer_ids = {id(x) for x in consent}
    state = {"region": "body", "heading": False, "caption": False}

    def flush() -> None:
        s = _norm("".join(cur))
        if s:
            out.append(PageBlock(s, state["region"], state["heading"], state["caption"]))
        cur.clear()

    def walk(e, region: str, heading: bool, caption: bool = False) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if not tag or tag in INVISIBLE_TAGS or is_hidden(e):
            if e.tail:
                cur.append(e.tail)
            return
        if id(e) in layer_ids:
            inner = "cookie-layer"
        elif region in ("body",):
            inner = _REGION_TAGS.get(tag) or _ROLE_REGIONS.get(e.get("role") or "") or region
        else:
            inner = region
        blk = tag in _BLOCK_TAGS
        if blk:
            flush()
        inner_heading = heading or tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        inner_caption = caption or tag in ("figure", "figcaption")
        state.update(region=inner, heading=inner_heading, caption=inner_caption)
        if e.text:
            cur.append(e.text)
        for ch in e:
            walk(ch, inner, inner_heading, inner_caption)
            state.update(region=inner, heading=inner_heading, caption=inner_caption)
        if blk:
            flush()
        state.update(region=region, heading=heading, caption=caption)
        if e.tail:
            cur.append(e.tail)

    walk(root, "body", False)
    flush()
    return out
