"""Split decoded text into units (one paragraph or page line each), keeping where each stood."""

import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, pairwise
from unicodedata import east_asian_width

from newsclean.cleaners.lines import (
    LIST_ITEM_RE,
    SENTENCE_END,
    byline_name,
    has_separator,
    is_headline,
    is_relative_time,
    last_mark,
    opens_lower,
    sentence_starts,
    tells_when,
)
from newsclean.cleaners.normalize import unwrap
from newsclean.cleaners.rules import MAX_LINE_CHARS

_BLOCK_RE = re.compile(r"[^\n]+(?:\n[^\n]*\S[^\n]*)*")  # runs of non-blank lines
_LINE_RE = re.compile(r"[^\n]+")
_SPAN_RE = re.compile(r"[\s\S]*")  # all of a span given by its bounds
# Hard-wrapped dumps (fmt/par at 72-80 columns) have most lines of a block near one width;
# page dumps and one-paragraph-per-line dumps do not. Measured on the seeds: wrapped lines
# sit between 55 and 100 characters, and 70% of them do in a wrapped file.
_WRAP_MIN, _WRAP_MAX, _WRAP_SHARE = 55, 100, 0.7


@dataclass(frozen=True, slots=True)
class Unit:
    text: str
    start: int  # offsets into the text split
    end: int
    line: int  # 1-based line number of the unit's first line
    run_on: bool = False  # a sentence of a flattened line, kept with the one before it


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Is a text whose blocks (runs of non-blank lines, each split into its lines) are
    `blocks` hard-wrapped throughout?"""
    inner: list[int] = []  # lengths of lines that are followed by another line of the block
    for lines in blocks:
        inner.extend(len(ln.rstrip()) for ln in lines[:-1])
    if len(inner) < 3:
        return False
    within = sum(1 for n in inner if _WRAP_MIN <= n <= _WRAP_MAX)
    return within / len(inner) >= _WRAP_SHARE and statistics.pstdev(inner) < 12


def split_units(text: str) -> list[Unit]:
    """Units of `text` (newlines already normalized to \\n), with offsets into it.

    A dump hard-wrapped throughout (fmt at 72 columns) is split at blank lines; any other
    dump at line ends, except where a sentence runs on: a line that does not end like a
    sentence, followed right away by one that starts in lower case, is the same sentence
    wrapped by the page's source (text nodes keep the HTML's own line breaks), and the two
    are one unit. A byline that credits a name ("von Manuela Conrad", "di Marco Bellandi",
    "de Andreea Popescu": `lines.byline_name`) is not the line's rest: the headline above
    it was its own line, and joined to it the story's title and author were wrong (a ZDF
    dump's author bio then went unrecognised). Dev text dumps: 10 of 391 outputs changed,
    macro F1 +0.0001 / -0.0000 / -0.0001 (the byline now kept above the lead, as the seeds
    keep it, where the gold leaves it out). (Not joining every byline-like line, a name or
    not, moved 6 dev dumps down by up to 0.009 and 2 up.)
    """
    units: list[Unit] = []
    line_no, last = 1, 0
    prev_end = -1
    for m, wrapped in _pieces(text):
        line_no += text.count("\n", last, m.start())
        last = m.start()
        raw = m.group()
        body = (unwrap(raw) if wrapped else raw).strip()
        if not body:
            continue
        # the unit's span holds no spaces around its text ("Share   " held three)
        start, end = m.start() + len(raw) - len(raw.lstrip()), m.end() - len(raw) + len(raw.rstrip())
        # a lower-case letter: "ⓒ" is lower case to Python too, and a Korean copyright line
        # under a tag row was joined to it (a fresh-user trial)
        if (not wrapped and units and prev_end == m.start() - 1 and opens_lower(body)
                and last_mark(units[-1].text) not in _NO_RUN_ON
                and not _COUNTED_RE.search(units[-1].text) and not _HANDLE_RE.fullmatch(body)
                and byline_name(body) is None and not is_relative_time(body)
                and not tells_when(body)):  # "di 12/03/2024 - 06:15" under "Door Pieter
            # Claes" (Dutch "di", Tuesday): a stamp is its own line (blind trial u)
            head = units[-1]
            units[-1] = Unit(f"{head.text} {body}", head.start, end, head.line)
        else:
            units.append(Unit(body, start, end, line_no))
        prev_end = m.end()
    return units


# A page saved with its line breaks taken out (an old scraper's get_text(" "), a flattened
# export) is one line of menus, story and footer, which no rule tries (rules.MAX_LINE_CHARS)
# and the line model keeps or drops whole: a fresh user's flattened page came out unchanged
# and `cleaned`. Such a line is cut at its sentence ends; its sentences, kept side by side,
# are written as one paragraph again (`Unit.run_on`).
FLAT_LINE_CHARS = MAX_LINE_CHARS
# ...when it holds most of the text: a page saved flat, not a long paragraph. The dev dumps'
# three lines over FLAT_LINE_CHARS are two paragraphs (4 % and 11 % of their pages; cut, a
# recipe lost its closing "Приятного аппетита!", html-dev sh-3c6d) and a fan-fiction page's
# 54,377-character list of kudos names (67 %).
FLAT_SHARE = 0.5


def split_flat(units: list[Unit], longest: int, chars: int) -> list[Unit]:
    """`units` (of a text of `chars` characters) with each line over FLAT_LINE_CHARS that
    holds over FLAT_SHARE of the text cut into its sentences (`lines.sentence_starts`),
    every one after the first marked `run_on`. A unit whose text is not its span's (a mended
    hyphenation) stays whole: its offsets could not be kept; so does one over `longest`
    characters, longer than a clean body may be, which no page's text is (a 10 MB line is
    refused for its size, not read as 100,000 sentences)."""
    out: list[Unit] = []
    for u in units:
        if (not FLAT_LINE_CHARS < len(u.text) <= longest or len(u.text) <= FLAT_SHARE * chars
                or len(u.text) != u.end - u.start):
            out.append(u)
            continue
        cuts = [0, *sentence_starts(u.text), len(u.text)]
        first = True
        for a, b in pairwise(cuts):
            piece = u.text[a:b]
            body = piece.strip()
            if not body:
                continue
            at = u.start + a + len(piece) - len(piece.lstrip())
            out.append(Unit(body, at, at + len(body), u.line, run_on=not first))
            first = False
    return out


def split_blocks(text: str, item: re.Pattern) -> list[Unit]:
    """Units of a dump whose blocks are hard-wrapped paragraphs, as a text browser writes a
    page (cleaners/lynx.py: 78 columns, a headline's second line at the margin, a list
    item's under its marker's indent): each run of non-blank lines is one unit, unwrapped,
    except that a line `item` matches (a list item's marker, "* ", "12. ") opens a unit of
    its own. Read at line ends, a wrapped headline and a wrapped bullet were cut in two where
    the next line opened with "€486 Million" (blind trial ba)."""
    units: list[Unit] = []
    width = _width(text)
    for block in _BLOCK_RE.finditer(text):
        starts = [m for m in _LINE_RE.finditer(text, block.start(), block.end())]
        groups: list[list[re.Match]] = []
        for m in starts:
            if not groups or item.match(m.group()) or _broken_short(
                    groups[-1][-1].group(), m.group(), width, slack=0):
                groups.append([m])
            else:
                groups[-1].append(m)
        for group in groups:
            raw = text[group[0].start():group[-1].end()]
            body = unwrap(raw).strip()
            if body:
                start = group[0].start() + len(raw) - len(raw.lstrip())
                units.append(Unit(body, start, group[-1].end() - len(raw) + len(raw.rstrip()),
                                  text.count("\n", 0, group[0].start()) + 1))
    return units


# A wrapping tool breaks a line when the next word does not fit: a line the next line's
# first word would have fit on was broken by the writer, a headline over its date ("Storm
# damages harbour wall in Port Elin" over "April 2, 2025", joined as one unit the title read
# "… Port Elin April 2, 2025": fresh-user check #23's hard-wrapped and lynx dumps). lynx
# fills its lines (no slack); fmt and par balance theirs and may break a few columns short
# of the width, so a plain dump's line is broken short only with this many more to spare.
WRAP_SLACK = 10


# A dump's width is read from its lines of words: a link's URL in lynx's references list, or
# a preformatted line, runs past it unwrapped.
_WIDTH_MIN_WORDS = 4
_WIDTH_QUANTILE = 0.95


def _width(text: str) -> int:
    """The width a hard-wrapped dump was wrapped at, in terminal columns (`_columns`): the
    95th percentile of its lines of _WIDTH_MIN_WORDS words or more (0 when it has none)."""
    sizes = sorted(_columns(m.group().rstrip()) for m in _LINE_RE.finditer(text)
                   if len(m.group().split()) >= _WIDTH_MIN_WORDS)
    return sizes[int(_WIDTH_QUANTILE * (len(sizes) - 1))] if sizes else 0


_WORD_BREAK_RE = re.compile(r"[^\W\d_]-\s*$")  # a line that ends in a word's first part


def _broken_short(line: str, nxt: str, width: int, slack: int = WRAP_SLACK) -> bool:
    """Was `line` broken before `nxt` by its writer, not by wrapping at `width`: would
    `nxt`'s first word have fit on it, `slack` columns to spare? Never a line that breaks
    a word with a hyphen ("…the city's elec-" over "tric pumping…"): the word's first part
    fitted, not the word (fresh-user check #28's print page)."""
    if _WORD_BREAK_RE.search(line):
        return False
    first = (nxt.split() or [""])[0]
    return _columns(line.rstrip()) + 1 + _columns(first) + slack <= width


def _columns(text: str) -> int:
    """The columns `text` takes on a terminal: a wide or full-width character (Hangul, kana,
    kanji) two. A Korean paragraph wrapped at 78 columns has 39 syllables a line."""
    if text.isascii():  # nearly every line of a Latin-script page: one column a character
        return len(text)
    return len(text) + sum(1 for c in text if c >= "\u1100" and east_asian_width(c) in "WF")


def _wrapped_runs(text: str, block: re.Match, width: int) -> Iterator[re.Match]:
    """`block`, of a dump wrapped at `width`, cut where a line was broken short
    (`_broken_short`): each run of it one paragraph, as spans of `text`."""
    lines = list(_LINE_RE.finditer(text, block.start(), block.end()))
    start = lines[0].start()
    for line, nxt in pairwise(lines):
        if _broken_short(line.group(), nxt.group(), width):
            yield _SPAN_RE.match(text, start, line.end())
            start = nxt.start()
    yield _SPAN_RE.match(text, start, lines[-1].end())


def _pieces(text: str) -> Iterator[tuple[re.Match, bool]]:
    """The blocks of a dump hard-wrapped throughout, else its lines, except the blocks that
    are wrapped paragraphs (`_wraps`) in a page that is not: (match, is it a wrapped block?)
    in order."""
    blocks = list(_BLOCK_RE.finditer(text))
    lines = [block.group().split("\n") for block in blocks]  # each block's, read once
    if _is_hard_wrapped(lines):
        width = _width(text)
        for block in blocks:
            yield from ((run, True) for run in _wrapped_runs(text, block, width))
        return
    # a line longer than any wrap width: the page keeps its paragraphs on one line each
    unwrapped = any(len(line) > _WRAP_MAX for its in lines for line in its)
    for block, its in zip(blocks, lines, strict=True):
        if len(its) > 1 and _wraps(its) and not (unwrapped and _headline_over_lead(its)):
            yield block, True
            continue
        if len(its) > 2 and (runs := _paragraph_runs(its)):
            yield from _runs_of(text, block, runs)
            continue
        rest = block.start()
        if size := _wrapped_prefix(its):  # a wrapped paragraph over its box's short lines
            head = _SPAN_RE.match(text, rest, rest + len("\n".join(its[:size])))
            yield head, True
            rest = head.end()
        yield from ((m, False) for m in _LINE_RE.finditer(text, rest, block.end()))


# A block is a print page's when its wrapped paragraphs hold this share of its lines at
# least: a page dump of one paragraph a line may have two lines a wrapped paragraph's shape
# (a long headline over its lead), never most of them.
PRINT_SHARE = 0.4


def _paragraph_runs(lines: list[str]) -> list[tuple[int, bool]]:
    """The runs a block's `lines` fall into when it holds wrapped paragraphs with no blank
    line between them, each run's last line broken short (`_broken_short` at the block's
    wrap width): a print edition saved as text (pdftotext), whose paragraph ends at a
    short line, its masthead and running heads lines of their own. (size, is it one wrapped
    paragraph: `_wraps`, of WRAPPED_PREFIX_MIN lines at least) in order; [] when wrapped
    paragraphs hold less than PRINT_SHARE of the lines, and the block is read as it was
    (of two lines, a cross-link's headline over the story's next sentence read as one
    paragraph: field case readalso-de). (Read line by line, a print page's
    paragraph was cut where a wrapped line opened with "2028.", which no run-on join takes,
    and at "Maple Terrace.": fresh-user check #28.)"""
    full = [n for line in lines if _WRAP_MIN <= (n := len(line.rstrip())) <= _WRAP_MAX]
    # a wrapped paragraph has WRAPPED_PREFIX_MIN lines or more, all but its last full: a
    # block with too few full lines has no PRINT_SHARE of them (most page dumps' blocks)
    if len(full) * WRAPPED_PREFIX_MIN < PRINT_SHARE * len(lines) * (WRAPPED_PREFIX_MIN - 1):
        return []
    width = max(full)
    sizes, size = [], 1
    for line, nxt in pairwise(lines):
        if _broken_short(line, nxt, width):
            sizes.append(size)
            size = 0
        size += 1
    sizes.append(size)
    starts = accumulate(sizes[:-1], initial=0)
    wrapped = [n >= WRAPPED_PREFIX_MIN and _wraps(lines[i:i + n])
               for i, n in zip(starts, sizes, strict=True)]
    if len(sizes) < 2 or sum(n for n, w in zip(sizes, wrapped, strict=True) if w) < (
            PRINT_SHARE * len(lines)):
        return []
    return [(n, w) for n, w in zip(sizes, wrapped, strict=True)]


def _runs_of(text: str, block: re.Match, runs: list[tuple[int, bool]]
             ) -> Iterator[tuple[re.Match, bool]]:
    """`block`'s runs (`_paragraph_runs`), as `_pieces` gives them: a wrapped paragraph
    whole, the lines of any other run one by one."""
    lines = list(_LINE_RE.finditer(text, block.start(), block.end()))
    at = 0
    for n, wrapped in runs:
        if wrapped:
            yield _SPAN_RE.match(text, lines[at].start(), lines[at + n - 1].end()), True
        else:
            yield from ((line, False) for line in lines[at:at + n])
        at += n


# A wrapped paragraph read as a block's first lines has three at least: of two, the longer
# is "full" whatever it holds (a cross-link's headline over the story's next sentence were
# one paragraph: field case readalso-de).
WRAPPED_PREFIX_MIN = 3


def _wrapped_prefix(lines: list[str]) -> int:
    """How many of a block's first `lines` are one wrapped paragraph (`_wraps`), the rest
    the short lines of its box under it (a newsletter's pitch over its "Jetzt anmelden"
    button: read line by line, its first line went alone and the rest stayed, blind trial
    z); 0 when none are. Only lines of a wrapped line's length can be its inner lines."""
    full = next((i for i, line in enumerate(lines)
                 if not _WRAP_MIN <= len(line.rstrip()) <= _WRAP_MAX), len(lines))
    return next((k for k in range(min(full + 1, len(lines) - 1), WRAPPED_PREFIX_MIN - 1, -1)
                 if _wraps(lines[:k])), 0)


def _headline_over_lead(lines: list[str]) -> bool:
    """Are `lines`, a block of two, a headline (`lines.is_headline`) over its standfirst? On
    a page whose paragraphs are each one line they are the page's top, not one paragraph
    wrapped at the headline's width: fresh-user check #38's Hindi page had its headline of
    92 characters joined to the standfirst under it, and lost both (title none)."""
    return len(lines) == 2 and is_headline(lines[0].strip())


def _wraps(lines: list[str]) -> bool:
    """Are `lines`, a block between blank lines, one paragraph wrapped at a width: every line
    but the last _WRAP_MIN.._WRAP_MAX long and full (the next line's first word would not
    have fit on it, WRAP_SLACK columns to spare: fmt balances its lines, and a paragraph of
    fresh-user check #24's story was read line by line), and most of them broken inside a
    sentence? A page saved as text, its
    menus and footer unwrapped, may wrap its paragraphs at 72 columns: read line by line,
    a German one lost its headline and lead to the "before the article" of the line model
    (its wrapped lines open with capitals, which no run-on join takes; fresh-user trial,
    12-03). A paragraph ends a sentence on its last line: a headline over its byline or a
    caption is no paragraph, nor is a list of points one a line with no full stops, whose
    lines may be as full ("Key points:" over three of 80 characters, blind trial x)."""
    lines = [line.rstrip() for line in lines]
    inner = lines[:-1]
    if not all(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in inner):
        return False
    width = max(len(line) for line in lines)
    if any(_broken_short(line, nxt, width) for line, nxt in zip(inner, lines[1:], strict=True)):
        return False
    if any(LIST_ITEM_RE.match(line.lstrip()) for line in lines[1:]):
        return False  # a list's items, as long as a wrapped line: each opens its own line
        # (fundus-dev MDR's Markdown teasers, "* Schlachtbetrieb mit 340 Mitarbeitern…")
    if any(map(has_separator, inner)):
        return False  # a menu row is no paragraph's line: a footer's links over its
        # copyright line were one paragraph (a fresh user's removal record of two lines)
    if 2 * sum(1 for line in inner if last_mark(line) not in _NO_RUN_ON) <= len(inner):
        return False  # most of a wrapped paragraph's lines break inside a sentence; a
        # headline of a wrapped line's length over a lead and the next paragraph, one a
        # line, is a page dump's (fresh-user check #28: they were one paragraph)
    return last_mark(lines[-1]) in SENTENCE_END


# A line ending in one of these has finished its sentence or introduces what follows.
_NO_RUN_ON = SENTENCE_END | frozenset(":：")
# ...and so has a heading with its count in brackets, "Diskusia (23)", "Kommentare (5)": a
# commenter's lower-case handle under it ("mato_kvp: Konečne! …") was joined to it, and the
# comment read as a sentence of the story's.
_COUNTED_RE = re.compile(r"\(\d+\)$")
# ...and a commenter's handle alone on its line, one lower-case word with an underscore or a
# digit ("hama_kyuji" under "コメントを投稿するにはログインが必要です": joined to the notice,
# blind trial an's Japanese thread was not seen as one).
_HANDLE_RE = re.compile(r"@?[a-z][a-z0-9.]*[_\d][\w.]*")
