"""A page title's decoration: the site's or section's name beside the headline
("Council approves depot | Harbor Daily", "Sport - Harbor Daily - Council approves depot").
Both paths ask it: the HTML path of its <title> and og:title, the text path of a dump's first
line, which is often the page's <title> saved above the on-page headline."""

from __future__ import annotations

import re

from newsclean.cleaners.lines import kicker_end, word_count

# " | ", " - ", " – ", " — ", " · ", " » ", " :: " separate headline and site/section names;
# a bare ":" does not (headlines use it: "Hong Kong: a city on the brink"). Chinese sites
# join them with an underscore ("…单日接待上限30万人次_钱塘新闻网": blind trial ag's title
# kept its site), between two letters of a script other than Latin; Japanese ones with a
# full-width bar ("…通学の足に影響も｜みなみ新聞デジタル", blind trial ai). A dash between
# two numbers is a range or a score, not a separator ("Eleanor Whitaker Obituary (1938 -
# 2025) - Greenfield, MA - …" lost its years' end: blind trial ay).
_BARS = "|｜"  # a bar, Latin or full-width: set between spaces or not
TITLE_SEP_RE = re.compile(rf"\s+(?:[|·•»~]|::)\s+|(?<!\d)\s+[\-–—]\s+|\s+[\-–—]\s+(?!\d)"
                          rf"|\s*[{_BARS}]\s*|(?<=[^\x00-\x7f])_(?=[^\x00-\x7f])")


def _site_key(s: str) -> str:
    return re.sub(r"^(?:the|www)\s*\.?|\.(?:com|org|net|co\.\w+)$", "", s.lower().strip()).strip()


# A site/section segment beside the headline is at most this many words ("Editorial",
# "Houston Chronicle", "The New York Times"); a longer segment is part of the headline.
_SITE_SEG_WORDS = 4


# A trailing " - Site" after a dash is peeled only if at most this many words: site names are
# short ("Auto News", "Vortex Cannon Entertainment"), while a dash-joined second half of a real
# headline is usually longer ("— And They're Not Great").
_DASH_SITE_WORDS = 3


# A badge before the headline: "EN DIRECT", "LIVE", "VIDEO", "EXKLUSIV", a few words in
# capitals. The headline a page shows under its badge (its <h1>) is the title, even where
# the declared headline carries the badge (a blind trial's French live blog, trial aa).
BADGE_MAX_WORDS = 3


def is_badge(part: str) -> bool:
    """A badge in capitals ("LIVE", "SĂNĂTATE", "EN DIRECT"): BADGE_MAX_WORDS words at most
    (`lines.word_count`, which counts unspaced scripts), every letter a capital. Not a line
    of a script without case around a capital or two: `str.isupper` holds for
    "明治安田J1リーグは30日、…", a Japanese lead of 90 characters that went as a kicker
    (blind trial av)."""
    return (word_count(part) <= BADGE_MAX_WORDS and part.isupper()
            and all(c.isupper() for c in part if c.isalpha()))


def strip_site(title: str, site: str | None, refs: tuple[str, ...] = ()) -> str:
    """Drop " | Site" / "Site - " decorations from a page title.

    1. if another source (h1, JSON-LD headline) says it whole, not ending in the site's
       name, it is the headline ("… – väistötilat Kauppakeskus Torniin" is the headline's
       second half); if one is a clean part of it, that part is: after a separator, a
       kicker in capitals or a colon ("Delhi Air Pollution: <the h1>", blind trial ah's
       Hindi page; "The Space Review: …", html-dev);
    2. segments equal to the site name go;
    3. short trailing segments go: after a pipe up to 4 words ("| Editorial | Opinion"), after
       a dash up to 3, as dashes also join halves of real headlines."""
    parts = [p.strip() for p in TITLE_SEP_RE.split(title) if p.strip()]
    if len(parts) > 1 and is_badge(parts[0]):
        rest = title[title.find(parts[1]):]
        if rest in refs:
            return rest  # "EN DIRECT - Incendie …" over the h1 "Incendie …"
    if title in refs and not (site and parts and _site_key(parts[-1]) == _site_key(site)):
        return title  # the page's h1 or JSON-LD headline says it whole: no decoration
    low = title.lower()
    for r in refs:
        # the reference must be a separator-bounded part of the title and at least 40% of it
        # (an h1 holding just the site logo text must not become the title)
        if r and r != title and len(r) >= 0.4 * len(title) and r.lower() in low:
            i = low.find(r.lower())
            before, after = title[:i], title[i + len(r) :]
            if (not before.strip() or TITLE_SEP_RE.search(before[-4:] + "x")
                    or kicker_end(title) == len(before) or before.endswith(": ")) and (
                not after.strip() or TITLE_SEP_RE.match(after)
            ):
                return r
    if len(parts) < 2:
        return title
    if site:
        key = _site_key(site)
        parts = [p for p in parts if _site_key(p) != key] or parts
    while len(parts) > 1:
        tail = parts[-1]
        head = title[: title.rfind(tail) + len(tail)]
        m = re.search(rf"([{_BARS}]|[-–—·•»~]|::)\s*" + re.escape(tail) + r"\s*$", head)
        limit = _SITE_SEG_WORDS if m and m.group(1) in _BARS else _DASH_SITE_WORDS
        if len(tail.split()) <= limit and len(tail) < max(len(p) for p in parts[:-1]):
            parts.pop()
        else:
            break
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if 0 <= start < end else parts[0]
