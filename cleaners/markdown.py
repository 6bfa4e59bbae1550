"""Markdown dumps: a page saved as Markdown (html2text, Jina Reader, Firecrawl, crawl4ai,
trafilatura's Markdown output), menus and all.

Their lines carry the page's links, images, headings and emphasis as markup. Read as plain
text, the markup made every menu item a list item full of URL words, and the line model —
fitted on plain dumps, where a list is the article's — kept the whole page (html2text
dumps of the dev sets' HTML pages: 0.49-0.58 F1, under doing nothing). A Markdown line is
read instead as what a reader sees, its text (link anchors, not URLs; no images; no heading,
quote or emphasis marks), and with the share of that text that is links: *link density*,
the strongest single shallow feature for boilerplate in Kohlschütter et al. (WSDM 2010).
Navigation, teaser lists, tag rows and share buttons are links through and through; an
article's paragraph is text with a few links in it.

Inline markup is parsed by markdown-it-py (CommonMark), per line: a dump's blocks are its
lines, and a line's links never span two.
"""

import re
from functools import cache
from itertools import islice
from typing import NamedTuple

from newsclean.cleaners.lines import CUT_OFF_ENDS

# A Markdown dump holds links written as Markdown: [text](target). A plain dump quoting one
# or two ("[1](…)" in a footnote) is still a plain dump.
MIN_LINKS = 5
_LINK_RE = re.compile(r"\]\((?:[a-z][a-z0-9+.-]*:|/|#|\.)[^)\s]*(?:\s+\"[^\"]*\")?\)", re.I)
# A Markdown heading line, and a bold span: with a link or a bold span, a heading tells a
# Markdown page with few links from a plain dump.
_HEADING_LINE_RE = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_BOLD_RE = re.compile(r"\*\*\S[^*\n]{0,200}\S\*\*")
# A level-1 ATX heading: "# Rail strike called off" (not "## …").
_H1_RE = re.compile(r"#[ \t]+\S")
# Block markers a reader does not see: ATX heading hashes, block quote marks.
_BLOCK_MARK_RE = re.compile(r"^(?:#{1,6}(?:\s+|$)|>\s?)+")
# Closing hashes of an ATX heading ("## Sport ##").
_CLOSING_HASHES_RE = re.compile(r"\s+#+\s*$")
SPACES_RE = re.compile(r"\s+")  # a run of spaces, as a reader sees one
# Emphasis marks CommonMark leaves as text: html2text writes "**sacked **last night", a
# closing mark after a space, which does not close. Doubled, they are never prose.
_STRAY_EMPHASIS_RE = re.compile(r"\*\*+|__+")
# A list item's marker before its first word: "* ", "- ", "12. ", "3) ".
_LIST_MARKER_RE = re.compile(r"\s*(?:[-*+•]|\d{1,3}[.)])?\s*")
# A line that opens with a link and has this share of its letters in links is links: a
# menu item, a teaser's headline, a tag, a share button. html2text dumps of the dev sets'
# 391 HTML pages (`newsclean eval --input markdown`): F1 0.49-0.58 reading them as plain
# text, 0.83-0.84 with the markup read but no line removed for its links, 0.904-0.911 at
# 0.5-0.8 (44,500 lines removed; 90 of 4+ words are in a gold text: teaser headlines,
# linked product names, cross-links the gold keeps). At 0.5, news sentences holding a
# long link went too ("…was convicted and [sentenced to life in federal prison…]"); a
# line that opens with text is never removed for its links. Sparing a line of links that
# ends like a sentence (10+ or 15+ words) cost 0.006-0.008 on every set and kept 1-3 more
# gold lines: such lines are mostly teasers' summaries.
LINK_LINE_SHARE = 0.8


# What CMS and static-site exports open a Markdown page with: YAML front matter between
# "---" lines (Jekyll, Hugo, Pandoc, Netlify CMS…), of up to 8,000 characters.
_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(.{0,8000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# …and what Reader-style dumps open it with: "Title: …", "URL Source: …", "Published Time:
# …" lines, then "Markdown Content:".
_READER_HEADER_RE = re.compile(
    r"\A((?:[A-Z][A-Za-z ]{1,30}:[ \t][^\n]*\n+){1,8})Markdown Content:[ \t]*(?:\n|\Z)")


class PageHeader(NamedTuple):
    """The metadata a Markdown page opens with, and where its content starts."""

    end: int  # offset of the first character after the header
    title: str | None
    author: str | None
    date: str | None


def page_header(text: str) -> PageHeader | None:
    """The page's front matter (YAML between "---" lines) or Reader-style header ("Title:
    …" lines up to "Markdown Content:"), or None. Front matter that is not YAML mapping is
    no header: a page may open with a "---" rule."""
    found = _FRONT_MATTER_RE.match(text)
    if found:
        import yaml

        try:
            meta = yaml.safe_load(found.group(1))
        except yaml.YAMLError:
            return None
        if not isinstance(meta, dict):
            return None
    else:
        found = _READER_HEADER_RE.match(text)
        if not found:
            return None
        meta = dict(line.split(":", 1) for line in found.group(1).splitlines() if line.strip())
    fields = {str(k).strip().lower(): v for k, v in meta.items()}
    return PageHeader(found.end(), _field(fields, "title"), _field(fields, "author", "authors"),
                      _field(fields, "date", "published time", "published"))


def _field(fields: dict, *names: str) -> str | None:
    """A header field as text: a list is joined ("Ana Ruiz, Jane Doe"), a person given as a
    mapping is their name ({name: Priya Shah, email: …} -> "Priya Shah"), a date written
    out."""
    for name in names:
        value = _text(fields.get(name))
        if value:
            return value
    return None


def _text(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        return ", ".join(t for t in map(_text, value) if t) or None
    if value is not None and hasattr(value, "isoformat"):
        value = value.isoformat()
    return str(value).strip() or None if value is not None else None


def is_markdown(text: str) -> bool:
    """Is `text` written in Markdown: MIN_LINKS or more Markdown links ([text](target)), or
    a heading line ("# …", "## …") and a link or a bold span beside it (a story page with
    few links: "# Rail strike called off" over "By [Sam Patel](…)")? A plain dump with a
    "# comment" line, or quoting a link or two, is still a plain dump."""
    links = list(islice(_LINK_RE.finditer(text), MIN_LINKS))
    if len(links) >= MIN_LINKS:
        return True
    return bool((links or _BOLD_RE.search(text)) and _HEADING_LINE_RE.search(text))


# html2text wraps a long heading at its line width (78 columns) as it wraps a paragraph, and
# CommonMark ends a heading at its line's end: the rest stood under it as a line of its own
# ("# Ostrzeżenia IMGW drugiego stopnia. Burze z gradem i ulewy nad południem" over
# "Polski", blind trial bg's Polish title). A heading line this long, with a line of a few
# words right under it (no blank line, no block of its own), was wrapped.
WRAPPED_HEADING_MIN_CHARS = 60
HEADING_REST_MAX_WORDS = 8
_BLOCK_START_RE = re.compile(r"\s*(?:#|>|\||[*+-]\s|\d{1,3}[.)]\s|!\[|```|---)")


def heading_rest(heading: str, below: str) -> bool:
    """Is `below`, the line right under the ATX heading line `heading` (no blank line
    between), the heading's rest, wrapped by the dumper (WRAPPED_HEADING_MIN_CHARS,
    HEADING_REST_MAX_WORDS)?"""
    return (_HEADING_LINE_RE.match(heading) is not None
            and len(heading) >= WRAPPED_HEADING_MIN_CHARS
            and 0 < len(below.split()) <= HEADING_REST_MAX_WORDS
            and _BLOCK_START_RE.match(below) is None)


def continues_paragraph(above: str, below: str, hard_break: bool) -> bool:
    """Is `below`, the line right under `above` (no blank line between), the rest of
    `above`'s paragraph, as CommonMark reads it: `above` no heading and not ended by a hard
    break (`hard_break`: two spaces or a backslash, html2text's <br>), neither line a block
    of its own (a heading, a list item, a quote, a table row, a picture, a fence or a rule:
    _BLOCK_START_RE; html2text writes a picture's caption under it, and a list item's
    wrapped rest stays apart as the item's own line did)? html2text wraps paragraphs at 78
    columns, and read line by line a wrapped paragraph's first line, no sentence, went as a
    related box's item under its label ("مقالات ذات صلة" over a subhead and "قبل أسبوعين،
    أعلنت صحيفة محلية …": blind trial bg's Arabic Markdown dump lost the subhead and the
    paragraph's first line). Markdown evals 0.92369 / 0.90058 / 0.91931 -> 0.92341 /
    0.90355 / 0.91995; trial bg's Markdown dumps lost 5 -> 1 news lines, left 27 -> 34."""
    return (not hard_break and _HEADING_LINE_RE.match(above) is None
            and _BLOCK_START_RE.match(below) is None
            and _BLOCK_START_RE.match(above) is None)


def only_h1(lines: list[str]) -> int | None:
    """The index of the page's only level-1 heading among its `lines` ("# Why Columbus is
    closing 16 schools at once"), or None when it has none or several. html2text writes a
    page's <h1> so, and a story page has one: its headline (blind trial bb's Markdown dumps
    had no title for 7 of 14 pages, the headline left atop the story)."""
    found = [i for i, line in enumerate(lines) if _H1_RE.match(line)]
    return found[0] if len(found) == 1 else None


@cache
def _parser():
    """One CommonMark inline parser per process (its rules compile on first use)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


class MarkdownLine(NamedTuple):
    """A Markdown line as a reader sees it."""

    text: str  # the words: link anchors, not URLs; no images, no heading or emphasis marks
    link_share: float  # of its letters and digits, the share inside links: 0.0-1.0
    opens_with_link: bool  # its first word is a link's (after a list marker)


def read_line(line: str) -> MarkdownLine:
    """How a reader sees one Markdown line.

    "  * [World](/world)" -> ("* World", 1.0, True); "## Talks resume" -> ("Talks resume",
    0.0, False); "![logo](/logo.png)" -> ("", 0.0, False); "Police said [the
    report](https://x.y/r) was late." -> ("Police said the report was late.", 0.35, False).
    List markers stay (the line model reads them). Spaces are collapsed, as html2text pads
    links and headings with them.
    """
    body = _BLOCK_MARK_RE.sub("", line.strip())
    body = _CLOSING_HASHES_RE.sub("", body)
    if not any(c in body for c in "[<*_`"):  # no inline markup
        return MarkdownLine(SPACES_RE.sub(" ", body).strip(), 0.0, False)
    tokens = _parser().parseInline(body)
    parts: list[str] = []
    linked = 0
    depth = 0  # inside a link
    opens: bool | None = None  # whether the first word met was inside a link
    for token in tokens[0].children or () if tokens else ():
        kind = token.type
        if kind == "link_open":
            depth += 1
        elif kind == "link_close":
            depth = max(0, depth - 1)
        elif kind in ("text", "code_inline"):
            content = token.content if kind == "code_inline" else _STRAY_EMPHASIS_RE.sub(
                "", token.content)
            parts.append(content)
            size = letters(content)
            if depth:
                linked += size
            if opens is None and size and not _LIST_MARKER_RE.fullmatch(content):
                opens = depth > 0
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        # images, emphasis marks and inline HTML are not text a reader reads
    text = SPACES_RE.sub(" ", "".join(parts)).strip()
    size = letters(text)
    return MarkdownLine(text, min(1.0, linked / size) if size else 0.0, bool(opens))


def is_link_line(line: MarkdownLine) -> bool:
    """A line of links: a menu item, a teaser's headline, a tag, a share button, "Read
    more" — it opens with a link and LINK_LINE_SHARE of it is links — or a teaser card, a
    linked headline and its summary cut off ("[Deportees return home](…) NEW DELHI: Their
    dream…"). A sentence that merely holds a long link ("It also [co-ordinates military
    plans…](…)") opens with text and goes on to the line model."""
    return line.opens_with_link and (line.link_share >= LINK_LINE_SHARE
                                     or line.text.endswith(CUT_OFF_ENDS))


def letters(text: str) -> int:
    """Letters and digits: what link density is measured in (a list marker is neither)."""
    return sum(map(str.isalnum, text))
