"""Is the page an article at all? Section fronts, tag pages, galleries and error pages are not.

An extractor given a section front returns its teasers as if they were an article (trafilatura
issues #811, #617): a "clean" body of other stories' first lines. These checks run on what the
pipeline already has — the kept paragraphs, the removal records, the title and, for HTML, the
page type the page declares in its <head> — so they cost microseconds, not a second parse.

Each check names how news sites build the page kind, not words of the dev pages:
- error page: an HTTP-error phrase ("page not found", "403 Forbidden") is most of the page;
- index page: teasers cut off with an ellipsis and "Continue reading", or a page that calls
  itself a listing (og:type website/object, schema.org CollectionPage) and holds no paragraph
  of prose, or a body that is mostly headline lines;
- gallery: slide counters ("3 of 8") or a schema.org ImageGallery, with little prose.
Measured on html-dev (181 article pages, both inputs): no page rejected.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsclean.cleaners.lines import (
    ends_sentence,
    is_headline,
    is_prose,
    is_table_row,
    sentence_ends,
    word_count,
)
from newsclean.cleaners.model import Removal

# Only the head and the top of the body are read for the declared page type: <meta> and
# JSON-LD sit there on every CMS we have seen; 300 KB covers inlined CSS/JS before them.
_HEAD_CHARS = 300_000
_OG_TYPE_RE = re.compile(
    r"""<meta\b[^>]*?(?:property|name)\s*=\s*["']og:type["'][^>]*>""", re.IGNORECASE)
_CONTENT_RE = re.compile(r"""content\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
_LD_TYPE_RE = re.compile(r'"@type"\s*:\s*\[?\s*"([A-Za-z]+)"')
_ARTICLE_LD = frozenset({"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
                         "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
                         "LiveBlogPosting", "Report", "TechArticle", "ScholarlyArticle"})
_LISTING_LD = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage"})
_GALLERY_LD = frozenset({"ImageGallery", "MediaGallery"})
_LISTING_OG = frozenset({"website", "object", "profile"})


@dataclass(frozen=True, slots=True)
class PageType:
    """What a page says it is: og:type and the schema.org types of its JSON-LD."""

    og_type: str | None = None
    schema_types: frozenset[str] = frozenset()

    @property
    def says_article(self) -> bool:
        return self.og_type == "article" or bool(self.schema_types & _ARTICLE_LD)

    @property
    def says_listing(self) -> bool:
        if self.says_article:
            return False
        return self.og_type in _LISTING_OG or bool(self.schema_types & _LISTING_LD)

    @property
    def says_gallery(self) -> bool:
        return bool(self.schema_types & _GALLERY_LD) and not self.schema_types & _ARTICLE_LD


def declared_page_type(html: str) -> PageType:
    head = html[:_HEAD_CHARS]
    og = None
    m = _OG_TYPE_RE.search(head)
    if m:
        c = _CONTENT_RE.search(m.group(0))
        og = c.group(1).strip().lower() if c else None
    types = frozenset(_LD_TYPE_RE.findall(head)) if "application/ld+json" in head else frozenset()
    return PageType(og, types)


_ERROR_RE = re.compile(
    r"\b(?:404|403|410|500|502|503)\b.{0,40}\b(?:error|not found|forbidden|gone|unavailable"
    r"|bad gateway)\b"
    r"|\b(?:error|http)\s*(?:404|403|410|500|502|503)\b"
    r"|\bpage\b.{0,60}\b(?:not be found|cannot be found|can'?t be found|couldn'?t be found"
    r"|was not found|no longer exists|does not exist|doesn'?t exist|is not available)"
    r"|\bpage not found\b|\baccess denied\b|\bdo(?:n'?t| not) have permission to access\b"
    r"|\binternal server error\b|\bservice (?:temporarily )?unavailable\b"
    r"|página no encontrada|página não encontrada|seite nicht gefunden|page introuvable"
    r"|pagina non trovata",
    re.IGNORECASE | re.DOTALL,
)
# An error page says little besides the error: its message, a search box, a few links.
# A news brief runs to 100+ words; these limits leave it alone even if it quotes an error.
_ERROR_MAX_WORDS_WITH_TITLE = 150
_ERROR_MAX_WORDS = 60

# A teaser cut off by the CMS: an ellipsis at the end, maybe a "Continue reading" link after it.
_TRUNCATED_RE = re.compile(
    r"(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*(?:(?:continue reading|read more|more|weiterlesen"
    r"|leia mais|leer más|lire la suite|continua a leggere)\b.{0,160})?$",
    re.IGNORECASE,
)
# Two cut-off teasers that make up a third of the body's long lines (12+ words): an archive
# page. Articles end a quote with "…" now and then, never a third of their paragraphs.
_MIN_TRUNCATED = 2
_TRUNCATED_SHARE = 0.3
_LONG_LINE_WORDS = 12

# Prose: a paragraph of at least this many characters (CJK-safe, unlike word counts). Teaser
# decks run to 80-150 characters; every html-dev article has a paragraph of 157 or more (its
# shortest, a 77-character one, declares og:type article and is never judged by this).
_PROSE_CHARS = 200
_MIN_TEASERS = 3  # a listing with fewer lines than this is just a short page

# Headline lines: 3-20 words, no sentence punctuation at the end, most words capitalized.
_HEADLINE_MIN_WORDS, _HEADLINE_MAX_WORDS = 3, 20
_HEADLINE_CAPS_SHARE = 0.6
# A body without prose whose lines are largely headlines (4+, over a third: a section front
# alternates headline and one-line deck) is a teaser list, unless it holds as many
# paragraphs of two sentences or more as headlines: a teaser's deck is one sentence, while
# a match report's paragraphs ran to 115-195 characters over four results lines (blind
# trial r: a Hungarian football report was rejected whole).
_MIN_HEADLINES = 4
_HEADLINE_SHARE = 0.35

_SLIDE_RULE = "gallery.slide-counter"
_MIN_SLIDES = 3
_GALLERY_MAX_WORDS = 150  # a photo essay with real text around its slides stays an article
# ...and a page that calls itself a gallery (schema.org ImageGallery) but carries a story of
# two paragraphs of prose or more is a story with its photos: a blind trial's Venice flood
# gallery, 78 words of news in three paragraphs, was rejected whole (trial aa, 12-05).
_GALLERY_STORY_PARAGRAPHS = 2

# ...or, once whitespace is normalized, a line that is a third numbers ("Paul Brenner Civic
# Party 11,768 48.6%"); headlines carry one figure or two among many words.
_NUMBER_RE = re.compile(r"[-+$€£]?\d[\d.,]*%?")
_DATA_SHARE = 0.3


def _is_headline(line: str) -> bool:
    """A headline as section fronts list them: a headline (cleaners/lines.py) of at most
    _HEADLINE_MAX_WORDS words, mostly capitalised, not a table row, not a date."""
    if is_table_row(line) or not is_headline(line) or ends_sentence(line):
        return False
    words = line.split()
    numbers = sum(1 for w in words if _NUMBER_RE.fullmatch(w))
    if numbers >= 2 and numbers >= _DATA_SHARE * len(words):  # a row whose cells were joined
        return False
    if not _HEADLINE_MIN_WORDS <= len(words) <= _HEADLINE_MAX_WORDS:
        return False
    if sum(1 for w in words if w[:1].isalpha()) < _HEADLINE_MIN_WORDS:  # "November 19, 2019"
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return caps >= _HEADLINE_CAPS_SHARE * len(words)


# Text dumps: the locator keeps the best block even on an index page, i.e. one teaser. The
# page is an index when that block is a cut-off teaser among 3+ on the page, or when it is a
# single short paragraph (<= 40 words) on a page of 5+ headline-and-deck teasers. html-dev
# articles: at most 2 such pairs around a kept text that short (the WSJ briefs of 66 words
# sit beside 5-6 pairs, hence the word limit).
_PAGE_MIN_TRUNCATED = 3
_PAGE_MIN_PAIRS = 5
_PAIRED_MAX_WORDS = 40
_DECK_WORDS = (6, 40)


def _is_sentence(line: str, min_words: int) -> bool:
    return word_count(line) >= min_words and ends_sentence(line)


# Text found on a page of teasers that is this much made of the decks under its headlines
# is the listing itself, not an article beside it.
_DECK_SHARE = 0.8


def _is_deck(line: str) -> bool:
    """A teaser's deck: one sentence of _DECK_WORDS words."""
    lo, hi = _DECK_WORDS
    return lo <= word_count(line) <= hi and _is_sentence(line, lo)


def _teasers(lines: Sequence[str]) -> tuple[int, set[str]]:
    """(distinct headline lines followed, within two lines, by a one-sentence deck; the
    decks that stand right under a headline line). A label repeated down the page, like
    "Leave a Reply", is one headline, not many teasers. Each line is judged as a deck once,
    and as a headline only when a deck follows it."""
    deck = [_is_deck(x) for x in lines] + [False, False]
    heads: set[str] = set()
    decks: set[str] = set()
    for i, line in enumerate(lines):
        if (deck[i + 1] or deck[i + 2]) and _is_headline(line):
            heads.add(line)
            if deck[i + 1]:
                decks.add(lines[i + 1])
    return len(heads), decks


def not_article_reason(paragraphs: Sequence[str], removed: Sequence[Removal], *,
                       title: str | None = None, page: PageType | None = None,
                       page_lines: Sequence[str] | None = None) -> str | None:
    """Why this page is not an article (section front, tag page, gallery, error page), or None.

    `page_lines` (text dumps) are all the page's lines, the kept block among them.
    """
    words = sum(word_count(p) for p in paragraphs)
    if title and words <= _ERROR_MAX_WORDS_WITH_TITLE and _ERROR_RE.search(title):
        return f"error page: the title says {title.strip()[:80]!r}"
    body = "\n".join(paragraphs)
    if words <= _ERROR_MAX_WORDS and (m := _ERROR_RE.search(body)):
        return f"error page: {' '.join(m.group(0).split())[:80]!r} is most of the page"

    slides = sum(1 for r in removed if r.rule == _SLIDE_RULE)
    # a gallery is mostly slides: a story carrying a few photos has more paragraphs than
    # slides, and more of prose than slides, whether its captions were kept or not (an
    # Arabic story of 6 paragraphs, 108 words, around 3 slides whose captions the line model
    # dropped was rejected once a caption went)
    prose = sum(map(is_prose, paragraphs))
    if ((slides >= _MIN_SLIDES and slides * 2 >= len(paragraphs) and prose <= slides)
            or (page is not None and page.says_gallery and prose < _GALLERY_STORY_PARAGRAPHS)
            ) and words <= _GALLERY_MAX_WORDS:
        if slides >= _MIN_SLIDES:
            return f"photo gallery: {slides} slide counters and {words} words of text"
        # said so by the page, not by its counters (a fresh trial read "0 slide counters"
        # beside the slides' removals)
        return (f"photo gallery: the page calls itself one (schema.org ImageGallery) and "
                f"carries {words} words of text")

    if not paragraphs:
        return None
    long_lines = [p for p in paragraphs if word_count(p) >= _LONG_LINE_WORDS]
    truncated = sum(1 for p in long_lines if _TRUNCATED_RE.search(p))
    if truncated >= _MIN_TRUNCATED and truncated >= _TRUNCATED_SHARE * len(long_lines):
        return (f"index page: {truncated} of {len(long_lines)} paragraphs are teasers cut off "
                "with an ellipsis")
    if page_lines is not None:
        if truncated and truncated * 2 >= len(long_lines) and sum(
                1 for x in page_lines if word_count(x) >= _LONG_LINE_WORDS
                and _TRUNCATED_RE.search(x)) >= _PAGE_MIN_TRUNCATED:
            return "index page: the text found is one of several teasers cut off with an ellipsis"
        short = words <= _PAIRED_MAX_WORDS and sum(
            1 for p in paragraphs if _is_sentence(p, _LONG_LINE_WORDS)) <= 1
        # the page's teasers matter only when the text found could be one of them: short,
        # or decks for the most part (a deck under a headline is an _is_deck line)
        if short or sum(map(_is_deck, paragraphs)) >= _DECK_SHARE * len(paragraphs):
            pairs, decks = _teasers(page_lines)
            if pairs >= _PAGE_MIN_PAIRS and short:
                return (f"index page: {pairs} headline-and-deck teasers and no article "
                        f"longer than {words} words")
            if pairs >= _PAGE_MIN_PAIRS and sum(p in decks for p in paragraphs) >= (
                    _DECK_SHARE * len(paragraphs)):
                return (f"index page: {pairs} headline-and-deck teasers, and what reads as "
                        "text is their decks")
    longest = max(len(p) for p in paragraphs)
    if longest >= _PROSE_CHARS:
        return None
    if page is not None and page.says_listing and len(paragraphs) >= _MIN_TEASERS:
        declared = page.og_type if page.og_type in _LISTING_OG else "a listing"
        return (f"index page: declares itself {declared!r} and has no paragraph of prose "
                f"(longest {longest} characters)")
    headlines = len({p for p in paragraphs if _is_headline(p)})
    if (headlines >= _MIN_HEADLINES and headlines >= _HEADLINE_SHARE * len(paragraphs)
            and sum(1 for p in paragraphs if is_prose(p) and sentence_ends(p) > 1) < headlines
            and not _runs_of_prose(paragraphs)):
        return (f"index page: {headlines} of {len(paragraphs)} lines are headlines, and its "
                "prose is one-sentence decks under them")
    return None


def _runs_of_prose(paragraphs: Sequence[str]) -> bool:
    """Do two paragraphs of prose (`is_prose`) follow one another: a story's, whose
    paragraphs may be one sentence each (a fresh user's transit story, one-sentence
    paragraphs around four items in title case, was rejected as an index page)? A teaser
    list alternates headline and deck."""
    return any(a and b for a, b in pairwise(map(is_prose, paragraphs)))
