"""Generated news dumps for load and resume tests: deterministic, mixed text and HTML.

Each document is an article (a headline and paragraphs of news-like sentences) wrapped in
the boilerplate newsclean removes: for text dumps, navigation, subscribe and share lines,
a "Read more" cross-link and a comment section; for HTML pages, a nav bar, an aside of
related links, a cookie notice and a footer. Sizes spread log-uniformly between the
bounds: log-normal around a median of 8 KB (most articles are a few KB, a few dumps are
huge), with the largest and the smallest size each once in every 250 documents. The same
`seed` and index always give the same bytes, so a rerun can be compared with a first run.
"""

import math
import random
from collections.abc import Iterator
from html import escape

_SUBJECTS = ("The council", "The mayor", "State officials", "The company", "Residents",
             "The union", "Police", "The court", "Local businesses", "The school board",
             "Health officials", "The transit agency", "Lawmakers", "Investigators",
             "The committee", "Volunteers", "The utility", "Researchers", "Farmers")
_VERBS = ("approved", "rejected", "debated", "announced", "criticized", "delayed",
          "funded", "reviewed", "questioned", "defended", "expanded", "postponed")
_OBJECTS = ("the new budget", "a plan to repair the bridge", "the proposed tax increase",
            "a contract with the city", "the report on water quality", "the hiring freeze",
            "a ban on overnight parking", "the ferry schedule", "the housing measure",
            "the flood barrier project", "a settlement with the landlord",
            "the school calendar", "the library renovation", "new rules for food trucks")
_TAILS = ("on Thursday", "after a long debate", "late on Monday", "despite objections",
          "in a 5-2 vote", "according to a statement", "officials said",
          "without public comment", "for the second time this year", "by a narrow margin")
_QUOTES = ("We have waited long enough for this", "Nobody wants to pay more for less",
           "The numbers simply do not add up", "This is a good day for the neighborhood",
           "We will keep asking questions until we get answers")
_TEXT_CHROME_TOP = ("Skip to content", "Home » News » Local",
                    "Get breaking news alerts on your phone. Turn on notifications and "
                    "subscribe now.")
_TEXT_CHROME_BOTTOM = ("Share this:", "Facebook", "Twitter", "Advertisement",
                       "Sign up for our newsletter", "© 2018 Daily Times. All rights reserved.",
                       "Leave a Reply", "Your email address will not be published.")


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return f"“{rng.choice(_QUOTES)},” said {rng.choice(('one resident', 'a spokesman', 'the chair'))}."
    words = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}"
    if rng.random() < 0.3:
        words += f", and {rng.choice(_SUBJECTS).lower()} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    return words + "."


def _paragraphs(rng: random.Random, size: int, markup: int) -> list[str]:
    """Paragraphs filling `size` bytes (the last one may pass it by one paragraph), each
    costing `markup` bytes more in the document."""
    out, total = [], 0
    while total < size:
        para = " ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))
        total += len(para.encode()) + markup
        out.append(para)
    return out


def _headline(rng: random.Random, i: int) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS).title()} {rng.choice(_OBJECTS).title()} ({i})"


def _text_dump(rng: random.Random, i: int, body: list[str]) -> bytes:
    cut = max(1, len(body) // 2)
    lines = [_headline(rng, i), "", *_TEXT_CHROME_TOP, "By Staff Writer", *body[:cut],
             f"READ MORE: {_headline(rng, i + 1)}", *body[cut:], *_TEXT_CHROME_BOTTOM,
             "John says: June 3, 2018 at 9:12 am", "Great article, thanks."]
    return "\n\n".join(lines).encode()


def _html_page(rng: random.Random, i: int, body: list[str]) -> bytes:
    title = escape(_headline(rng, i))
    related = "".join(f'<li><a href="/news/{i}-{k}">{escape(_headline(rng, i + k))}</a></li>'
                      for k in range(1, 6))
    paras = "".join(f"<p>{escape(p)}</p>" for p in body)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Daily '
        f'Times</title><meta property="og:title" content="{title}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f'<div class="cookie">We use cookies to improve your experience.</div><main><article>'
        f'<h1>{title}</h1><p class="byline">By Staff Writer</p>{paras}</article>'
        f'<aside><h2>Most Popular</h2><ul>{related}</ul></aside></main>'
        '<footer><p>© 2018 Daily Times. All rights reserved.</p></footer></body></html>'
    ).encode()


# Spread of the sizes' logarithm: with a median of 8 KB, two thirds fall in 3-24 KB.
_SIGMA = 1.1
_EXTREMES_EVERY = 250
_LONGEST_PARAGRAPH = 800  # bytes: 5 sentences; how far the last paragraph may overshoot


def document(i: int, *, seed: int = 0, min_kb: float = 1, max_kb: float = 200,
             median_kb: float = 8, html_share: float = 0.4) -> tuple[str, bytes]:
    """The i-th document: (relative file name, bytes)."""
    rng = random.Random(seed * 1_000_003 + i)
    kb = min(max(rng.lognormvariate(math.log(median_kb), _SIGMA), min_kb), max_kb)
    kb = {0: max_kb, 1: min_kb}.get(i % _EXTREMES_EVERY, kb)
    size = min(int(1024 * kb), int(1024 * max_kb) - _LONGEST_PARAGRAPH)
    is_html = rng.random() < html_share
    # what the chrome around the body costs: ~1.4 KB of page, ~0.5 KB of text lines
    body = _paragraphs(rng, max(size - (1400 if is_html else 450), 200), 7 if is_html else 2)
    folder = f"{2010 + i % 9}/{i % 12 + 1:02d}"
    if is_html:
        return f"{folder}/story-{i:06d}.html", _html_page(rng, i, body)
    return f"{folder}/story-{i:06d}.txt", _text_dump(rng, i, body)


def documents(n: int, **kwargs) -> Iterator[tuple[str, bytes]]:
    """The first `n` documents, generated one at a time (a 50,000-document corpus is never
    in memory)."""
    for i in range(n):
        yield document(i, **kwargs)
