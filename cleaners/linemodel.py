"""Which lines of a page dump are the article? A line classifier with context.

Why this shape: a plain-text dump keeps every block of the page, one per line — menus,
teasers, share rows, comment forms, footers and, in between, the article's paragraphs,
subheads, datelines and quotes. Following boilerpipe (Kohlschütter et al., WSDM 2010) and
jusText (Pomikálek 2011), each line is judged from shallow text features (length, share of
function words in the document's language, end punctuation, capitalisation, digits,
separators, web-furniture and reader-address words) and then again with the judgements of
its neighbours, because a short line between two paragraphs is a subhead while the same
line between two menu items is a menu item. Unlike a single-span locator it can keep
several article blocks (a story split by a "Recommended Stories" list, a live blog's
entries) and a paragraph standing between two boilerplate lines.

Two logistic models: `local` scores each line alone; `context` scores it again from its
local score, its neighbours' scores and where the page's prose lies around it. Both are
plain dot products over the features named in the model file, so scoring is pure Python
and fast. The weights are fitted by `flows/devtools/train_lines.py` on the three dev sets
(fit on two, validated on the third; the figures are in the model file's `validation`).
"""

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import accumulate
from operator import itemgetter, mul

from newsclean.cleaners.lexicon import Lexicon
from newsclean.cleaners.lines import SENTENCE_END, SEPARATORS, WORD_RE, last_mark, word_count

_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_PUNCT_TO_SPACE = bytes(32 if chr(i) in _ASCII_PUNCT else i for i in range(256))
_LIST_START = ("- ", "* ", "+ ", "• ", "· ", "– ", "— ")
_COMMA_RE = re.compile("[,，、،]")
_COLONS = frozenset(":：")
_OPEN_QUOTES = frozenset("\"“„«»‘'「『")
# Lines up to this many words count as "short" for the date and number features: a
# dateline, a table row, a time stamp; longer lines are prose or teasers.
_SHORT_WORDS = 24
# Tokens of a line that are looked up in the word classes: the first 60 words tell prose
# from furniture as well as the whole paragraph does, and bound the cost of long lines.
_HEAD_TOKENS = 60

LOCAL_FEATURES = (
    "lognw",      # log(1 + words): paragraphs are long, menu items are not
    "sw",         # share of the language's function words: prose is full of them
    "nosw",       # the language has no function-word list (CJK, unknown): sw says nothing
    "sent",       # ends like a sentence
    "sent_len",   # sent * lognw: a long line ending like a sentence is almost surely prose
    "caps",       # share of capitalised words (Title Case menus and teaser headlines)
    "upper",      # the line is in capitals (cased scripts): labels, buttons, kickers
    "num",        # share of digit tokens on short lines: tables, scores, counters, dates
    "sep",        # menu or breadcrumb separators | » › • ·
    "ell",        # ends with an ellipsis: a teaser of another story, cut off
    "lst",        # starts like a list item
    "colon",      # ends with a colon: a lead-in to a list, a quote or a label
    "comma",      # log(1 + commas): clauses
    "web",        # share of web-furniture words
    "address",    # share of reader-address words (you, your, we, our…)
    "url",        # holds a web address, an @handle or a #hashtag
    "quote",      # opens with a quotation mark: quotes are news
    "nolet",      # holds no letter at all: "|", "0:00", "12"
    "dup",        # the same text stands elsewhere on the page (menus repeat, headers repeat)
    "pos",        # relative position in the page (0 = top)
    "short_date",  # a short line with a time, a year or a date: time stamps, comment heads
    "lower_start",  # starts with a lower-case letter: the rest of a sentence wrapped in the dump
    "wraps",      # no end mark and the next line starts in lower case: a wrapped sentence
    "logchars",   # log(1 + characters)
)


# Where each feature stands in a line's row: the local features, the word count, and (in
# the context stages' rows) the context features. Rows are plain lists: scoring a line is
# a walk over two short lists, not a dictionary lookup per weight.
LOCAL_ROW = (*LOCAL_FEATURES, "nw")
CONTEXT_EXTRA = ("p", "logit", "prev_p", "next_p", "near_mean", "near_max", "wide_mean",
                 "wide_wmean", "before", "after", "inside", "edge_top", "edge_bottom")
CONTEXT_ROW = (*LOCAL_ROW, *CONTEXT_EXTRA)
COLUMN = {name: i for i, name in enumerate(CONTEXT_ROW)}
_DUP, _POS, _WRAPS = COLUMN["dup"], COLUMN["pos"], COLUMN["wraps"]
_SENT, _COLON, _LOWER_START, _NW = COLUMN["sent"], COLUMN["colon"], COLUMN["lower_start"], \
    COLUMN["nw"]


def _plan(weights: dict[str, float], row: tuple[str, ...]) -> tuple[float, tuple[float, ...]]:
    """(bias, a weight for each column of `row`, 0.0 where the model has none). The terms
    are added in row order, which is the order the trainer writes the weights in: the
    scores are the floats a walk over the model file's weights gives."""
    return weights.get("bias", 0.0), tuple(float(weights.get(name, 0.0)) for name in row)


@dataclass(frozen=True)
class LineModel:
    """Weights by feature name: the local model, then each context stage in turn."""

    local: dict[str, float]
    context: tuple[dict[str, float], ...]
    threshold: float
    # the weights laid out for the rows (_plan), derived once from the above
    plans: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plans", (_plan(self.local, LOCAL_ROW), *(
            _plan(stage, CONTEXT_ROW) for stage in self.context)))

    @classmethod
    def from_json(cls, data: dict) -> "LineModel":
        return cls(local=data["local"], context=tuple(data["context"]),
                   threshold=data["threshold"])


@cache
def default_model() -> LineModel:
    """The shipped model (cleaners/models/lines.json), loaded once per process."""
    text = resources.files("newsclean.cleaners.models").joinpath("lines.json").read_text("utf-8")
    return LineModel.from_json(json.loads(text))


def _tokens(line: str) -> list[str]:
    head = line[:400]
    if head.isascii():
        return head.encode().translate(_PUNCT_TO_SPACE).lower().decode().split()[:_HEAD_TOKENS]
    return WORD_RE.findall(head.lower())[:_HEAD_TOKENS]


_DIGITS = frozenset("0123456789")


def _has_date(line: str, toks: list[str]) -> bool:
    """A time (12:30), a year (1990-2039), a d/m/y date or an "ago"-style relative time."""
    for t in toks:
        if t.isdigit() and len(t) == 4 and t[:2] in ("19", "20"):
            return True
    if ":" in line and any(c in _DIGITS for c in line):
        for i in range(1, len(line) - 1):
            if line[i] == ":" and line[i - 1].isdigit() and line[i + 1].isdigit():
                return True
    return any(t in _AGO for t in toks)


_LETTER_RE = re.compile(r"[^\W\d_]")

_AGO = frozenset(("ago", "atrás", "назад", "vor", "hace", "il", "fa", "geleden", "sedan",
                  "siden", "temu", "önce", "منذ"))


def _line_row(line: str, lexicon: Lexicon) -> tuple[float, ...]:
    """A LOCAL_ROW of what `line` alone says; `dup`, `pos` and `wraps` depend on the page
    around it and are left at 0.0 for `local_rows` to fill in."""
    toks = _tokens(line)
    stopwords = lexicon.stopwords
    nw = word_count(line)
    ntok = len(toks) or 1
    lognw = math.log1p(nw)
    end = last_mark(line)
    sent = 1.0 if end in SENTENCE_END else 0.0
    head = line[:200]
    cased = head.upper() != head.lower()  # holds a letter of a cased script
    short = nw <= _SHORT_WORDS
    if cased:  # the first _HEAD_TOKENS words (the rest of a long line is not split)
        split = line.split(None, _HEAD_TOKENS)[:_HEAD_TOKENS]
        caps = sum(map(str.isupper, map(itemgetter(0), split))) / max(1, len(split))
    else:
        caps = 0.0
    return (
        lognw,
        sum(map(stopwords.__contains__, toks)) / ntok if stopwords else 0.0,  # sw
        0.0 if stopwords else 1.0,  # nosw
        sent,
        sent * lognw,  # sent_len
        caps,
        1.0 if cased and head.isupper() and sum(map(str.isupper, head)) >= 3 else 0.0,  # upper
        sum(map(str.isdigit, toks)) / ntok if short else 0.0,  # num
        1.0 if any(s in line for s in SEPARATORS) else 0.0,  # sep
        1.0 if line.endswith(("...", "…")) else 0.0,  # ell
        1.0 if line.startswith(_LIST_START) or (
            line[:1].isdigit() and line[1:3] in (". ", ") ")) else 0.0,  # lst
        1.0 if end in _COLONS else 0.0,  # colon
        math.log1p(len(_COMMA_RE.findall(line))),  # comma
        sum(map(lexicon.web.__contains__, toks)) / ntok,  # web
        sum(map(lexicon.address.__contains__, toks)) / ntok,  # address
        1.0 if ("http" in line or "www." in line or "@" in line
                or " #" in line or line.startswith("#")) else 0.0,  # url
        1.0 if line[:1] in _OPEN_QUOTES else 0.0,  # quote
        0.0 if cased or _LETTER_RE.search(head) else 1.0,  # nolet
        0.0,  # dup
        0.0,  # pos
        1.0 if nw <= 12 and _has_date(line, toks) else 0.0,  # short_date
        1.0 if line[:1].islower() else 0.0,  # lower_start
        0.0,  # wraps
        math.log1p(len(line)),  # logchars
        float(nw),
    )


def local_rows(lines: list[str], lexicon: Lexicon,
               memo: dict[str, tuple[float, ...]] | None = None) -> list[list[float]]:
    """A LOCAL_ROW for every line (non-empty, stripped): LOCAL_FEATURES and the word count.

    `memo` keeps each line's own features for the document (the locator scores the page
    again without what it dropped: only the features that depend on the other lines change).
    """
    if memo is None:
        memo = {}
    n = len(lines)
    denom = max(1, n - 1)
    counts: dict[str, int] = {}
    keys = [line.casefold() for line in lines]
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    rows = []
    for line in lines:
        own = memo.get(line)
        if own is None:
            own = memo[line] = _line_row(line, lexicon)
        rows.append(list(own))
    for i, row in enumerate(rows):
        row[_DUP] = 1.0 if counts[keys[i]] > 1 else 0.0
        row[_POS] = i / denom
        if (i + 1 < n and rows[i + 1][_LOWER_START] and not row[_SENT]
                and not row[_COLON]):
            row[_WRAPS] = 1.0
    return rows


def local_features(lines: list[str], lexicon: Lexicon) -> list[dict[str, float]]:
    """LOCAL_FEATURES of every line by name, plus its word count as `nw` (the trainer's view
    of `local_rows`)."""
    return [dict(zip(LOCAL_ROW, row, strict=True)) for row in local_rows(lines, lexicon)]


def _scores(plan: tuple[float, tuple[float, ...]], rows: list[list[float]]) -> list[float]:
    """P(article text) of each row: the sigmoid of bias + the weighted features."""
    bias, weights = plan
    out = []
    for row in rows:
        z = sum(map(mul, weights, row), bias)  # bias + w1*x1 + w2*x2 + …, in row order
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0)
    return out


# Neighbourhood sizes for the context features: the adjacent lines, a small window (a
# paragraph and its subhead), and a wide one (the block the line belongs to).
_NEAR, _WIDE = 2, 6
# A line that "reads like prose" for the context features: local score above this.
_PROSE_P = 0.5


def context_rows(local: list[list[float]], probs: list[float]) -> list[list[float]]:
    """A CONTEXT_ROW per line: its local row, its local score and where it stands among its
    neighbours' scores."""
    n = len(probs)
    words = [row[_NW] for row in local]
    prose_words = [w if p >= _PROSE_P else 0.0 for w, p in zip(words, probs, strict=True)]
    total = sum(prose_words) or 1.0
    before, acc = [], 0.0
    for w in prose_words:
        before.append(acc / total)
        acc += w
    weighted = [w * p for w, p in zip(words, probs, strict=True)]
    # word counts are whole numbers: window sums from running totals are exact
    upto = list(accumulate((int(w) for w in words), initial=0))
    out = []
    for i, p in enumerate(probs):
        lo, hi = max(0, i - _NEAR), min(n, i + _NEAR + 1)
        wlo, whi = max(0, i - _WIDE), min(n, i + _WIDE + 1)
        near = probs[lo:i] + probs[i + 1:hi]
        wide = probs[wlo:i] + probs[i + 1:whi]
        wide_w = sum(weighted[wlo:i] + weighted[i + 1:whi])
        wide_n = float(upto[whi] - upto[wlo] - upto[i + 1] + upto[i]) or 1.0
        after = 1.0 - before[i] - prose_words[i] / total
        out.append(local[i] + [
            p,
            math.log(max(p, 1e-6) / max(1 - p, 1e-6)),  # logit
            probs[i - 1] if i > 0 else 0.0,  # prev_p
            probs[i + 1] if i + 1 < n else 0.0,  # next_p
            sum(near) / len(near) if near else 0.0,  # near_mean
            max(near) if near else 0.0,  # near_max
            sum(wide) / len(wide) if wide else 0.0,  # wide_mean
            wide_w / wide_n,  # wide_wmean
            before[i],
            after,
            min(before[i], after) * 4.0,  # inside: prose mass on both sides of the line
            1.0 if before[i] == 0.0 else 0.0,  # edge_top
            1.0 if after <= 1e-9 else 0.0,  # edge_bottom
        ])
    return out


def context_features(local: list[dict[str, float]], probs: list[float]) -> list[dict[str, float]]:
    """`context_rows` by name (the trainer's view)."""
    rows = [[f[name] for name in LOCAL_ROW] for f in local]
    return [dict(zip(CONTEXT_ROW, row, strict=True)) for row in context_rows(rows, probs)]


def score_lines(lines: list[str], lexicon: Lexicon,
                model: LineModel | None = None) -> list[float]:
    """P(line is article text) for each line of a page dump, in [0, 1]."""
    return score_with_features(lines, lexicon, model)[0]


def score_with_features(lines: list[str], lexicon: Lexicon,
                        model: LineModel | None = None,
                        memo: dict[str, tuple[float, ...]] | None = None
                        ) -> tuple[list[float], list[list[float]]]:
    """(P(article text) per line, the lines' LOCAL_ROWs) for a page dump; `memo` as in
    `local_rows`."""
    model = model or default_model()
    if not lines:
        return [], []
    local = local_rows(lines, lexicon, memo)
    local_plan, *stages = model.plans
    probs = _scores(local_plan, local)
    for plan in stages:
        probs = _scores(plan, context_rows(local, probs))
    return probs, local
