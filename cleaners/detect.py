"""HTML page or plain-text dump? Both arrive as .txt, .html or .htm, gzip-compressed or not.

The content decides; the name only breaks ties, because scrapers save pages as .txt and
text as .html. A text dump that quotes one tag further down is still text.
"""

import json
import re

from newsclean.cleaners.html_extract import looks_like_html, opens_with_a_tag, sniff_head

# The one list of HTML name endings: files saved as HTML, and page names of dynamic sites
# (a URL's last segment). flows/storage/layout.py builds its key rules from these.
HTML_FILE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
HTML_PAGE_SUFFIXES = (*HTML_FILE_SUFFIXES, ".php", ".asp", ".aspx", ".jsp", ".cms")


def _stem(source: str) -> str:
    name = source.lower().rsplit("?", 1)[0]
    for ext in (".gz", ".gzip", ".zst"):
        name = name.removesuffix(ext)
    return name


def detect_format(text: str, source: str | None = None) -> str:
    head = sniff_head(text)
    if looks_like_html(head):
        return "html"
    # A name that says HTML and a tag where a page opens (a fragment without <html>). Not
    # any "<" and ">": Korean news quotes titles in them ("MBC <숨바꼭질>"), and its text
    # dumps saved under the page's URL were taken for HTML and came out empty (html-dev
    # sh-9da36ae4714b); nor a tag a scraper left further down a dump (sh-51d066b0602c).
    if source and _stem(source).endswith(HTML_PAGE_SUFFIXES) and opens_with_a_tag(head):
        return "html"
    return "text"


_JSON_START_RE = re.compile(r"[\ufeff\s]*[\[{]")


def is_json_document(text: str) -> bool:
    """Is `text` one JSON object or array (an API response, a CMS export)? Read as a text
    dump, its keys and quoted strings came out as "cleaned" fragments (a new user's
    report); no page nor dump parses as JSON whole."""
    if _JSON_START_RE.match(text) is None:  # asked of every document: no copy of it
        return False
    try:
        return isinstance(json.loads(text.lstrip("\ufeff")), dict | list)
    except ValueError:  # JSONDecodeError, and the recursion limit's RecursionError is not
        return False
