"""Text normalization that never changes what an article says, only how it is laid out."""

import re
import unicodedata

from newsclean.cleaners.language import commonest_words_of_any_language
from newsclean.cleaners.lines import CJK_LETTERS, ends_sentence

_SPACES_RE = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v]")
# Any space of _SPACES_RE but the plain one: a line without it and without two plain spaces
# in a row has nothing to fold. A one-class pattern is scanned by the regex engine's fast
# loop; _SPACES_RE's alternation is tried at every character (4% of clean() on the seeds).
_ODD_SPACE_RE = re.compile(r"[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# "test- fired" is a line-break hyphen whose newline a scraper turned into a space. Not
# mended: suspended hyphens, a conjunction or another of a language's commonest words after
# them ("pre- and post-war", "hälso- och sjukvårdsdirektör", "fiets- en wandelroutes",
# "Meeres- als auch…": an English-and-German list joined four of fundus-dev's, and blind
# trial q's Swedish one, into one word).
_BROKEN_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])- (?=[^\W\d_A-Z])")
_NEXT_WORD_RE = re.compile(r"[^\W\d_]+")
_WRAP_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-\n(?=[^\W\d_A-Z])")


# Invisible format characters a line may start or end with: direction marks (the RLM an
# Arabic or Hebrew editor puts first), embeddings and isolates, zero-width spaces and
# joiners, a stray byte-order mark. At a line's edge they join nothing and set no direction
# the line's first letter does not set itself; inside a line they are left as they are.
# (The field's Arabic dump, ../shared/eval/field/20, kept its first line's RLM.) Not the
# whole of Unicode's Cf, which lines.py's sentence ends skip: the Arabic number signs
# (U+0600-0605) are Cf too, and stand, visible, before a number at a line's start.
_EDGE_FORMAT = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


# A soft hyphen marks where a browser may break a long word ("Ver\xadfas\xadsungs\xadbe\xadschwerde",
# as German and Dutch CMSs set them): invisible, it splits the word for search and counting.
SOFT_HYPHEN = "\u00ad"


# A line a page laid out in cells with spaces (a menu's items, share buttons, pagination):
# "News   Sport   Business   Opinion", "Facebook  X  WhatsApp  Kopioi linkki". A scraper that
# kept the source's whitespace between inline links wrote them so. Read as cells, as a tab
# row is, when CELL_MIN of them stand apart by two spaces or more, none longer than
# CELL_MAX_WORDS words, and no cell ends a sentence: prose typed with two spaces after
# a full stop, or one stray double space, stays prose.
# CJK pages set their cells apart with ideographic spaces ("点赞(128)　　收藏　　评论(23)"); one
# alone stands between a Japanese headline's phrases ("来春廃止へ　運転手不足で"), so a gap
# is two spaces of either kind.
CELL_MIN = 3
CELL_MAX_WORDS = 4
_CELL_GAP_RE = re.compile("(?<=\\S)[ \u3000]{2,}(?=\\S)")
_WIDE_GAP = "\u3000\u3000"
_CELL_MARKS = frozenset("|｜·•/")


def _space_cells(line: str) -> list[str] | None:
    """The cells of a line laid out with runs of spaces (above), or None when it is not one:
    fewer than CELL_MIN cells, a cell of more than CELL_MAX_WORDS words or one that ends a
    sentence."""
    # a cell of a separator alone is the row's own mark between two cells ("District  |
    # 2024  |  2025" came out "District | | | 2024 | | | 2025": a fresh user's table)
    cells = [c for c in _CELL_GAP_RE.split(line.strip()) if c and c not in _CELL_MARKS]
    if (len(cells) >= CELL_MIN and all(len(c.split()) <= CELL_MAX_WORDS for c in cells)
            and not any(map(ends_sentence, cells))):
        return cells
    return None


def normalize_unit(line: str, *, mend: bool = True) -> tuple[str, int]:
    """NFC, runs of spaces folded, invisible format characters at the edges dropped,
    broken hyphenation mended; returns (text, mends)."""
    if not line.isascii():
        line = unicodedata.normalize("NFC", line).replace(SOFT_HYPHEN, "")
        # a line of nothing else stays as it is: a widget's placeholder, dropped as one
        line = line.strip().strip(_EDGE_FORMAT) or line
    if "\t" in line.strip():  # a table row's cells, as the HTML path writes them: a | b | c
        line = " | ".join(c.strip() for c in line.split("\t") if c.strip())
    elif ("  " in line or _WIDE_GAP in line) and (cells := _space_cells(line)):
        line = " | ".join(cells)
    if "  " in line or _ODD_SPACE_RE.search(line):
        line = _SPACES_RE.sub(" ", line)
    line = line.strip()
    if mend and "- " in line and _BROKEN_HYPHEN_RE.search(line):
        return _mend_hyphens(line)
    return line, 0


def _mend_hyphens(line: str) -> tuple[str, int]:
    """`line` with each broken hyphen (`_BROKEN_HYPHEN_RE`) joined to the word after it,
    unless that word is a common word of some language (a suspended hyphen's conjunction);
    and how many were joined."""
    common = commonest_words_of_any_language()
    mends = 0

    def mend(m: re.Match) -> str:
        nonlocal mends
        after = _NEXT_WORD_RE.match(line, m.end())
        if after is not None and after.group().lower() in common:
            return m.group()
        mends += 1
        return "-"

    return _BROKEN_HYPHEN_RE.sub(mend, line), mends


# An e-mail's quoting gutter, "> " (or "> > ", ">>") before each line of a forwarded story:
# wire copy a desk sends on. Read with it, no line of the story began as a sentence, and a
# line wrapped inside one joined the next with "> " in the middle ("…der > Deutschen
# Bahn…"); fresh-user check #28's forwarded AP story lost its lead and the first line of
# most paragraphs. Taken off where this many lines carry it, and they hold this share of
# the text at least: not a few quoted lines, a Markdown page's quote of a mail or a shell
# session ("> $ hg push ../public", readability-dev's Mercurial page lost it).
QUOTED_MIN_LINES = 3
QUOTED_SHARE = 0.5
_QUOTE_MARKS_RE = re.compile(r"^[ \t]*>(?:[ \t]*>)*[ \t]?", re.M)


def unquote(text: str, *, share: float = QUOTED_SHARE) -> tuple[str, tuple[int, ...]]:
    """`text` without its quoting gutter (`QUOTED_MIN_LINES`, quoted lines holding `share`
    of the text: 0 for a text known to be an e-mail), and where characters were taken out:
    for each one, its place in the text returned (a place repeats for a gutter of several
    characters), as `bisect` needs them to move an offset back."""
    marks = list(_QUOTE_MARKS_RE.finditer(text)) if ">" in text else []
    if len(marks) < QUOTED_MIN_LINES:
        return text, ()
    ends = [text.find("\n", m.end()) for m in marks]
    quoted = sum((len(text) if end < 0 else end) - m.start()
                 for m, end in zip(marks, ends, strict=True))
    if quoted < share * len(text):
        return text, ()
    parts, dropped, at, gone = [], [], 0, 0
    for m in marks:
        parts.append(text[at:m.start()])
        dropped.extend([m.start() - gone] * (m.end() - m.start()))
        gone += m.end() - m.start()
        at = m.end()
    parts.append(text[at:])
    return "".join(parts), tuple(dropped)


# A line break between two characters of Chinese or Japanese, which set no space between
# words: a wrapped paragraph is joined there with none ("会派から" / "は" were "会派から は",
# blind trials bb-bd's lynx dumps). CJK punctuation and full-width forms count as such
# characters; Korean sets spaces between its words, and is joined with one.
_CJK_BREAK_RE = re.compile(
    f"(?<=[{CJK_LETTERS}\u3000-\u303f\uff01-\uff65])\n[ \t]*(?=[{CJK_LETTERS}\u3001-\u303f\uff01-\uff65])")


def unwrap(block: str) -> str:
    """Join a hard-wrapped paragraph; a line-end hyphen is real (scrapers never split words)."""
    block = _WRAP_HYPHEN_RE.sub("-", block)
    if "\n" in block and not block.isascii():
        block = _CJK_BREAK_RE.sub("", block)
    return block.replace("\n", " ")


def dedupe_key(unit: str) -> str:
    """Paragraphs equal up to case and spacing count as repeats."""
    return " ".join(unit.casefold().split())
