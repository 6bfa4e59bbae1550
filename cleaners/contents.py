"""A page's table of contents: a list whose items name the headings further down.

A live blog opens with its key events ("• 12.58 GMT Morgan confirms £5bn cuts", each the
headline of an entry below), an explainer with its sections ("1. What happened", "2. Who
is affected"). Such a list is navigation: its items are links to the headings, which the
story keeps in their place. It is told by structure alone, in any language: three or more
items in a row, each, less its list marker and the time it opens with, a line that stands
again further down the page.
"""

from collections.abc import Sequence

from newsclean.cleaners.lines import (
    LIST_ITEM_RE,
    OPENING_TIME_MAX_WORDS,
    is_headline,
    opens_with_time,
)
from newsclean.cleaners.normalize import dedupe_key

# Three items in a row: two lines that repeat below are a teaser and its story's subhead
# as often (a standfirst repeats as its teaser).
CONTENTS_MIN_ITEMS = 3
_TIME_CHARS = 12  # a time opens the line within its first characters ("12.58 GMT", "11m ago")


def item_headings(line: str) -> list[str]:
    """What heading `line`, a contents item, may name: the line itself when numbered (the
    sections are numbered as their items are: "1. What is changing?", fresh-user check #21;
    a bulleted list that a document repeats is no contents: readability-dev's IETF page), the line
    less its list marker, and, when it opens with a time (`lines.opens_with_time`), that
    less its first one to OPENING_TIME_MAX_WORDS words ("• 12.58 GMT Morgan confirms …" ->
    "Morgan confirms …", "11m ago Union signals …" -> "Union signals …"): where the time
    ends is told by the heading found below, in any language's way of writing it."""
    named = [line] if line[:1].isdigit() else []  # a bullet list a page repeats is no contents
    if (m := LIST_ITEM_RE.match(line)) is not None:
        line = line[m.end():].lstrip()
    named.append(line)
    if any(map(str.isdigit, line[:_TIME_CHARS])) and opens_with_time(line):
        words = line.split(maxsplit=OPENING_TIME_MAX_WORDS)
        named += [line.split(maxsplit=k)[k] for k in range(1, len(words))]
    return named


def contents_runs(texts: Sequence[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of CONTENTS_MIN_ITEMS+ lines of `texts` (a page's lines in
    order) whose headings (`item_headings`) each stand again as a line of their own after
    the run and read as headlines (`lines.is_headline`): not a summary's sentences that the
    page repeats, nor a table's cells ("56", "14.7%", "Jürgen Schmidt": rows repeat names
    and figures). Linear in the page's lines."""
    keys = [dedupe_key(text) for text in texts]
    last = {key: i for i, key in enumerate(keys)}  # each line's last place
    names = []  # per line: where the heading it names stands again below it, or -1
    for i, text in enumerate(texts):
        found = -1
        for heading in item_headings(text):
            # the cheap question first: most lines stand once on a page
            at = last.get(keys[i] if heading is text else dedupe_key(heading), -1)
            if at > max(found, i) and is_headline(heading):
                found = at
        names.append(found)
    runs = []
    i, n = 0, len(texts)
    while i < n:
        j = i
        while j < n and names[j] >= 0:
            j += 1
        if j - i >= CONTENTS_MIN_ITEMS and min(names[i:j]) >= j:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs
