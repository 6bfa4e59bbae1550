"""What a page's URL looks like, said once for `clean --source` and `fetch`'s URL lists: an
http(s) URL with a host. Site rules match the host, so a URL typed without its scheme
(`dailyherald.example/story.html`) would name no host and silently fire none of them."""

import re
import shlex
from urllib.parse import urlsplit

# `host.example`, `www.host.example:8080`, then an optional path: a URL missing its scheme.
_BARE_HOST_RE = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,63}\.?(?::\d{1,5})?(?:[/?#]\S*)?")


def with_scheme(value: str) -> str | None:
    """`https://dailyherald.example/story.html` for `dailyherald.example/story.html` (what
    was meant, by the look of it); None when the value does not look like a host and path."""
    value = value.strip()
    return f"https://{value}" if _BARE_HOST_RE.fullmatch(value) else None


def is_page_url(value: str) -> bool:
    parts = urlsplit(value.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def source_url_problem(value: str) -> str | None:
    """Why `clean --source VALUE` cannot name the page (one line), or None."""
    if is_page_url(value):
        return None
    guess = with_scheme(value)
    need = f": {guess}" if guess else ", like https://example.com/story"
    return f"--source {shlex.quote(value)}: not an http(s) URL (site rules need the page's URL{need})"
