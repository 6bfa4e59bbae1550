"""Text-browser dumps: a page saved by `lynx -dump` (or w3m, links, elinks in the same
style), menus and all, the way old scrapers and archive jobs saved pages as text.

Such a dump writes each link's number before its anchor ("[12]Council approves…"), an
image's alt text in brackets ("[Crew repairing a pipe]"), list items under "*", "+", "o" or
"1.", form fields as underscores, and lists every link's target at the end under
"References". Read as plain text, the numbers ran through the story and its title, menus
were numbered lists the model keeps as an article's, and the URL list stayed as text (blind
trial ba: 11 of 12 lynx dumps got a wrong title or none, 132 boilerplate lines stayed).
A line is read instead as a reader of the page sees it: its words, without numbers, and
with the share of it that is links (link density, as `markdown` reads a Markdown dump's
lines; Kohlschütter et al. 2010). A lynx anchor has no closing mark: a link runs to the
next link's number, and a run longer than a headline is read as prose with a link in it.
"""

import re
from collections import Counter

from newsclean.cleaners.lines import WORD_CHARS
from newsclean.cleaners.markdown import SPACES_RE, MarkdownLine, letters

# A lynx dump numbers at least this many links in its text and lists them at its end; a
# plain dump quoting a footnote "[1]" or two is still a plain dump.
MIN_LINKS = 5
# "[12]", as lynx numbers a link or a form field before it; "#[1]" heads the page's <link
# rel> entries on its first lines.
_NUMBER_RE = re.compile(r"#?\[\d{1,5}\]")
# The references list under its heading: "  12. https://…", "   3. file://localhost/…";
# a page's own anchor or a relative target as some dumps keep it ("3. #inhalt", "7.
# ../impressum": three such among fifty turned fresh-user check #36's German dump from lynx
# to plain text, its link numbers kept in the story and its headline lost).
_REFERENCE_RE = re.compile(r"\s*\d{1,5}\.\s+(?:[a-z][a-z0-9+.-]*:|/|#|\.\.?/)\S*", re.I)
# ...and a target wrapped at the dump's width: its number alone, its rest on a line of its own
# ("15." over "https://twitter.com/intent/tweet?url=…", "a.pl/smog-newsletter/": fresh-user
# check #35's Polish dump was not read as lynx, its menu's links kept as the story's).
_REFERENCE_PART_RE = re.compile(r"\s*(?:\d{1,5}\.|[^\s\[\]]+)\s*")
_REFERENCES_HEADINGS = frozenset(("References", "Visible links", "Visible links:",
                                  "Hidden links:", "Links:"))
# An image's alt text alone in brackets, as lynx prints an image it cannot show.
_IMAGE_RE = re.compile(r"\[[^\[\]\d][^\[\]]*\]")
# A list item's marker (lynx nests "*", "+", "o", "#", "@"; ordered lists "1.", up to 999:
# a wrapped line that opens with a year, "2019. Em comunicado, …", is the paragraph's, and
# read as an item it split a Portuguese paragraph in two, blind trial bd) and a form field's
# underscores.
ITEM_RE = re.compile(r"\s*(?:[*+o#@]|\d{1,3}\.)\s+(?=\S)")
_FIELD_RE = re.compile(r"_{3,}")
# An anchor is a headline's length at most: a run of more words after a link's number is a
# sentence holding a link ("Utilities Director [5]Ray Okonjo told the council…"), whose
# anchor ends where lynx does not say. The menu items, tags, share buttons and teaser
# headlines of blind trial ba's dumps have 1-8 words.
ANCHOR_MAX_WORDS = 8


# A form's button as lynx prints it ("(BUTTON) Sign in").
_BUTTON_MARK = "(BUTTON)"


def holds_button(line: str) -> bool:
    """Does `line` hold a form's button as a text browser prints it ("(BUTTON) 로그인
    (BUTTON) 구독", log in, subscribe)? Such a line is a form's, never a headline: blind
    trial bh's Korean and Persian lynx dumps got their masthead's buttons for a title."""
    return _BUTTON_MARK in line


def is_lynx_dump(text: str) -> bool:
    """Is `text` a text browser's dump: MIN_LINKS or more link numbers ("[12]") in it, and a
    references list of MIN_LINKS or more targets ("12. https://…") under its heading?"""
    if "]" not in text or len(_NUMBER_RE.findall(text, 0, 200_000)) < MIN_LINKS:
        return False
    lines = text.splitlines()
    start = references_start(lines)
    return start is not None and sum(
        1 for line in lines[start + 1:] if _REFERENCE_RE.match(line)) >= MIN_LINKS


def references_start(lines: list[str]) -> int | None:
    """The index of the last references heading in `lines` ("References", "Visible links")
    under which only link targets and blank lines stand, or None."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if line in _REFERENCES_HEADINGS:
            rest = (r for r in lines[i + 1:] if r.strip() and r.strip() not in _REFERENCES_HEADINGS)
            return i if all(_in_references(r) for r in rest) else None
        if line and not _in_references(lines[i]):
            return None
    return None


def _in_references(line: str) -> bool:
    """Is `line` a references list's target (`_REFERENCE_RE`) or a wrapped part of one?"""
    return bool(_REFERENCE_RE.match(line) or _REFERENCE_PART_RE.fullmatch(line))


def read_line(line: str) -> MarkdownLine:
    """How a reader sees one line of a lynx dump: "* [7]News" -> ("* News", 1.0, True);
    "Breaking: [3]Route 9 closed near Elm Street" -> ("Breaking: Route 9 closed near Elm
    Street", 0.7, False); "[Crew repairing a pipe]" (an image) -> ("", 0.0, False);
    "[23]______[24]Sign up" -> ("Sign up", 1.0, True), and so is a field and its button,
    "Your email ______ (BUTTON) Sign up". The list marker stays, as a Markdown
    line's does (the line model reads it)."""
    body = line.strip()
    if _IMAGE_RE.fullmatch(body) or _IMAGE_RE.fullmatch(_NUMBER_RE.sub("", body)):
        return MarkdownLine("", 0.0, False)
    marker = ITEM_RE.match(body)
    head = marker.group().strip() + " " if marker else ""
    form = holds_button(body) and _FIELD_RE.search(body) is not None
    body = _FIELD_RE.sub(" ", body[marker.end():] if marker else body)
    chunks = _NUMBER_RE.split(body)  # text before the first link, then each link's run
    anchors = [len(run.split()) <= ANCHOR_MAX_WORDS for run in chunks[1:]]
    linked = sum(letters(run) for run, anchor in zip(chunks[1:], anchors, strict=True) if anchor)
    text = SPACES_RE.sub(" ", "".join(chunks)).strip()
    size = letters(text)
    lead = chunks[0].strip()
    if form:  # a field and its button ("E-posta adresiniz ______ (BUTTON) Kaydol"): a
        # form, never the story's (fresh-user check #40's newsletter box), read as a row of
        # links is
        return MarkdownLine(f"{head}{text}", 1.0, True)
    return MarkdownLine(f"{head}{text}" if text else "",
                        min(1.0, linked / size) if size else 0.0,
                        len(chunks) > 1 and (not lead or _labels_links(lead, anchors)))


# A row's label: a word or two and a colon ("Trending:", "חם עכשיו:", "Tags:").
_ROW_LABEL_RE = re.compile(rf"[{WORD_CHARS}]+(?:[ -][{WORD_CHARS}]+)?\s?[:：]")


def _labels_links(lead: str, anchors: list[bool]) -> bool:
    """Is `lead` a row's label over links whose runs are their anchors alone (`anchors`,
    each run's ANCHOR_MAX_WORDS test): a hot-topics strip ("חם עכשיו: [14]קריסת המרפסת
    בחולון [15]מחירי הדיור …", hot now; "আলোচিত: …", "டிரெண்டிங்: …"), a row of tags?
    Such a row reads as one that opens with a link: read as text it looked like a headline
    and was the title of blind trial bh's Bengali lynx dump."""
    return all(anchors) and _ROW_LABEL_RE.fullmatch(lead) is not None


def first_heading(text: str, starts: list[int]) -> int | None:
    """Of the blocks of `text` starting at `starts` (each its first letter's offset), the
    start of the first set at another margin than the page's text: lynx indents paragraphs,
    list items and links by their nesting (3 columns at the top) and sets a heading at the
    margin, an <h1> centred. A dump has no <title>, and the headline read like prose to the
    locator when the show notes above it ran on into it (blind trial bb: 8 of 14 lynx dumps
    had no title, the ticker or "速報" above the headline kept). None when every block
    stands at the text's margin (w3m, links)."""
    margins = [start - text.rfind("\n", 0, start) - 1 for start in starts]
    items = [bool(ITEM_RE.match(text, start - margin))
             for start, margin in zip(starts, margins, strict=True)]
    body = Counter(m for m, item in zip(margins, items, strict=True) if not item).most_common(1)
    if not body:
        return None
    return next((start for start, margin, item in zip(starts, margins, items, strict=True)
                 if margin != body[0][0] and not item), None)
