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
plain dot products over the features named in the model file. A page's features are one
numpy array, a row per feature and a column per line, so each stage is one product and the
context features are a few vector operations, not a Python loop per line and feature (the
line model was 37% of `clean()` on the seeds). The weights are fitted by
`flows/devtools/train_lines.py` on the three dev sets (fit on two, validated on the third;
the figures are in the model file's `validation`), from these same feature functions.
"""

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache, reduce
from importlib import resources
from operator import add, itemgetter

import numpy as np

from newsclean.cleaners.lexicon import Lexicon
from newsclean.cleaners.lines import (
    AGO_WORDS,
    COLONS,
    CUT_OFF_ENDS,
    OPEN_QUOTES,
    SEPARATORS,
    WORD_RE,
    ends_sentence,
    is_year,
    last_mark,
    opens_lower,
    outside_quotes,
    without_quotes,
    word_count,
)

_ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
_PUNCT_TO_SPACE = bytes(32 if chr(i) in _ASCII_PUNCT else i for i in range(256))
_LIST_START = ("- ", "* ", "+ ", "• ", "· ", "– ", "— ")
_COMMA_RE = re.compile("[,，、،]")
_COLONS = frozenset(COLONS)
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
    "address",    # share of reader-address words (you, your, we, our…) outside quoted speech
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


# Where each feature stands in a line's row (a row of the page's feature array): the local
# features, the word count, and (in the context stages' rows) the context features.
LOCAL_ROW = (*LOCAL_FEATURES, "nw")
CONTEXT_EXTRA = ("p", "logit", "prev_p", "next_p", "near_mean", "near_max", "wide_mean",
                 "wide_wmean", "before", "after", "inside", "edge_top", "edge_bottom")
CONTEXT_ROW = (*LOCAL_ROW, *CONTEXT_EXTRA)
COLUMN = {name: i for i, name in enumerate(CONTEXT_ROW)}
_DUP, _POS, _WRAPS = COLUMN["dup"], COLUMN["pos"], COLUMN["wraps"]
_SENT, _COLON, _LOWER_START, _NW = COLUMN["sent"], COLUMN["colon"], COLUMN["lower_start"], \
    COLUMN["nw"]


def _plan(weights: dict[str, float], row: tuple[str, ...]) -> tuple[float, np.ndarray]:
    """(bias, a column of weights, one for each feature of `row`, 0.0 where the model has
    none). The terms are added in row order, which is the order the trainer writes the
    weights in (`_scores`)."""
    return weights.get("bias", 0.0), np.array(
        [[float(weights.get(name, 0.0))] for name in row])


@dataclass(frozen=True)
class LineModel:
    """Weights by feature name: the local model, then each context stage in turn."""

    local: dict[str, float]
    context: tuple[dict[str, float], ...]
    threshold: float
    # the weights laid out for the feature arrays (_plan), derived once from the above
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
    if ("19" in line or "20" in line) and any(map(is_year, toks)):  # a year holds "19"/"20"
        return True
    if ":" in line and any(c in _DIGITS for c in line):
        for i in range(1, len(line) - 1):
            if line[i] == ":" and line[i - 1].isdigit() and line[i + 1].isdigit():
                return True
    return not AGO_WORDS.isdisjoint(toks)


_LETTER_RE = re.compile(r"[^\W\d_]")



def _line_row(line: str, lexicon: Lexicon) -> tuple[float, ...]:
    """A LOCAL_ROW of what `line` alone says; `dup`, `pos` and `wraps` depend on the page
    around it and are left at 0.0 for `local_rows` to fill in."""
    toks = _tokens(line)
    own = outside_quotes(line)  # the writer's words: the url and address features read them
    stopwords = lexicon.stopwords
    nw = word_count(line)
    ntok = len(toks) or 1
    lognw = math.log1p(nw)
    end = last_mark(line)
    sent = 1.0 if ends_sentence(line) else 0.0  # Thai's and Lao's by length too
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
        1.0 if any(map(line.__contains__, SEPARATORS)) else 0.0,  # sep
        1.0 if line.endswith(CUT_OFF_ENDS) else 0.0,  # ell
        1.0 if line.startswith(_LIST_START) or (
            line[:1].isdigit() and line[1:3] in (". ", ") ")) else 0.0,  # lst
        1.0 if end in _COLONS else 0.0,  # colon
        math.log1p(line.count(",") if line.isascii() else len(_COMMA_RE.findall(line))),  # comma
        sum(map(lexicon.web.__contains__, toks)) / ntok,  # web
        _address(line, toks, lexicon, own) / ntok,  # address
        _links(own),  # url
        1.0 if line[:1] in OPEN_QUOTES else 0.0,  # quote
        0.0 if cased or _LETTER_RE.search(head) else 1.0,  # nolet
        0.0,  # dup
        0.0,  # pos
        1.0 if nw <= 12 and _has_date(line, toks) else 0.0,  # short_date
        1.0 if opens_lower(line) else 0.0,  # lower_start
        0.0,  # wraps
        math.log1p(len(line)),  # logchars
        float(nw),
    )


def _links(own: str) -> float:
    """1.0 when the writer's own words (outside quotation marks) hold a link, an address or a
    hashtag: a quoted post's hashtag is the speaker's ("…: „Kvaliteta, a ne kvantiteta.
    #održivi_turizam“", blind trial o)."""
    return 1.0 if ("http" in own or "www." in own or "@" in own
                   or " #" in own or own.startswith("#")) else 0.0


def _address(line: str, toks: list[str], lexicon: Lexicon, own: str) -> int:
    """How many of the line's tokens address the reader: not those of the speech it quotes
    (`own` is `outside_quotes(line)`)."""
    said = without_quotes(line, own)
    if said is not line:
        toks = _tokens(said)
    return sum(map(lexicon.address.__contains__, toks))


class LineMemo:
    """Each line's own features (`_line_row`) for one document, kept for the locator's later
    passes and the pipeline's later rounds, which judge the same lines again: only the
    features that depend on the other lines change. One per document: the lines' own
    features depend on its lexicon."""

    __slots__ = ("_at", "_own")

    def __init__(self) -> None:
        self._at: dict[str, int] = {}  # line -> its column in _own
        self._own = np.zeros((len(LOCAL_ROW), 0))

    def own_rows(self, lines: list[str], lexicon: Lexicon) -> np.ndarray:
        """The lines' own features, a column per line (`dup`, `pos`, `wraps` at 0.0)."""
        new = [line for line in dict.fromkeys(lines) if line not in self._at]
        if new:
            for line in new:
                self._at[line] = len(self._at)
            rows = np.array([_line_row(line, lexicon) for line in new], dtype=float).T
            self._own = np.concatenate((self._own, rows), axis=1)
        return np.ascontiguousarray(self._own[:, [self._at[line] for line in lines]])


def local_rows(lines: list[str], lexicon: Lexicon, memo: LineMemo | None = None) -> np.ndarray:
    """The LOCAL_ROW features (LOCAL_FEATURES and the word count) of every line (non-empty,
    stripped): an array with a row per feature and a column per line.

    `memo` keeps each line's own features for the document (the locator scores the page
    again without what it dropped: only the features that depend on the other lines change).
    """
    rows = (memo or LineMemo()).own_rows(lines, lexicon)
    n = len(lines)
    counts: dict[str, int] = {}
    keys = [line.casefold() for line in lines]
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    rows[_DUP] = [1.0 if counts[key] > 1 else 0.0 for key in keys]
    rows[_POS] = np.arange(n) / max(1, n - 1)
    # wraps: no end mark or colon here, and the next line starts in lower case
    rows[_WRAPS, :-1] = ((rows[_LOWER_START, 1:] != 0.0) & (rows[_SENT, :-1] == 0.0)
                         & (rows[_COLON, :-1] == 0.0))
    return rows


def local_features(lines: list[str], lexicon: Lexicon) -> list[dict[str, float]]:
    """LOCAL_FEATURES of every line by name, plus its word count as `nw` (the trainer's view
    of `local_rows`)."""
    return [dict(zip(LOCAL_ROW, row, strict=True)) for row in local_rows(lines, lexicon).T.tolist()]


def _scores(plan: tuple[float, np.ndarray], rows: np.ndarray) -> list[float]:
    """P(article text) of each line (a column of `rows`): the sigmoid of bias + the weighted
    features. The terms are added one feature after the other, in row order (a reduction
    along the feature axis of a C-ordered array, which numpy does row by row), so a line's
    score does not depend on how many lines the page has; the sigmoid is math.exp's, the
    same on every CPU."""
    bias, weights = plan
    terms = np.multiply(weights, rows, order="C")  # a row per feature, whatever `rows` is
    if terms.shape[1] == 1:  # one column: numpy would sum the column pairwise
        z = [reduce(add, terms[:, 0].tolist(), bias)]
    else:
        z = np.add.reduce(terms, axis=0, initial=bias).tolist()
    return [1.0 / (1.0 + math.exp(-v)) if v > -30 else 0.0 for v in z]


# Neighbourhood sizes for the context features: the adjacent lines, a small window (a
# paragraph and its subhead), and a wide one (the block the line belongs to).
_NEAR, _WIDE = 2, 6
# A line that "reads like prose" for the context features: local score above this.
_PROSE_P = 0.5
# The wide window's neighbours in the order their values are added, top to bottom, as
# places in a row padded by _WIDE zeros (line i at i + _WIDE); the near window's among
# them, by their rank in that order.
_WIDE_AT = np.array([_WIDE + d for d in (*range(-_WIDE, 0), *range(1, _WIDE + 1))])
_NEAR_AT = np.array([k for k, at in enumerate(_WIDE_AT) if abs(at - _WIDE) <= _NEAR])
_P, _LOGIT, _PREV, _NEXT = (COLUMN[k] for k in ("p", "logit", "prev_p", "next_p"))
_NEAR_MEAN, _NEAR_MAX, _WIDE_MEAN, _WIDE_WMEAN = (
    COLUMN[k] for k in ("near_mean", "near_max", "wide_mean", "wide_wmean"))
_BEFORE, _AFTER, _INSIDE, _EDGE_TOP, _EDGE_BOTTOM = (
    COLUMN[k] for k in ("before", "after", "inside", "edge_top", "edge_bottom"))


class Neighbourhood:
    """What the context features of a page's lines need that its scores do not change: the
    local rows, how many neighbours each line has, the words around it, and where in the
    padded scores each neighbour's value is. Worked out once for the context stages of a
    pass (numpy's cost is per call, not per element, on pages this size)."""

    __slots__ = ("n", "span", "words", "gather", "near_count", "wide_count", "wide_words",
                 "rows")

    def __init__(self, local: np.ndarray) -> None:
        n = self.n = local.shape[1]
        # two rows (the scores, the words weighted by score), each padded by _WIDE zeros
        self.span = span = n + 2 * _WIDE
        self.words = local[_NW]
        reach = 2 * span - 2 * _WIDE
        # a row per neighbour in _WIDE_AT's order, over both padded rows at once: numpy
        # reduces a C-ordered array along its first axis row after row, so a window's
        # values are added in that order; the sums for line i land at i and span + i
        self.gather = _WIDE_AT[:, None] + np.arange(reach)
        i = np.arange(n)
        self.near_count = np.maximum(np.minimum(i, _NEAR) + np.minimum(i[::-1], _NEAR), 1)
        self.wide_count = np.maximum(np.minimum(i, _WIDE) + np.minimum(i[::-1], _WIDE), 1)
        padded = np.zeros(span)
        padded[_WIDE:_WIDE + n] = self.words
        # word counts are whole numbers: their sums are exact in any order
        wide_words = np.add.reduce(padded[_WIDE_AT[:, None] + i], axis=0)
        self.wide_words = np.where(wide_words == 0.0, 1.0, wide_words)
        self.rows = np.empty((len(CONTEXT_ROW), n))
        self.rows[:len(LOCAL_ROW)] = local


def context_rows(local: np.ndarray, probs: list[float],
                 around: Neighbourhood | None = None) -> np.ndarray:
    """The CONTEXT_ROW features of every line (a row per feature, a column per line): its
    local features, its local score and where it stands among its neighbours' scores.
    `around` is `Neighbourhood(local)`, if the caller has it.

    A window's sum adds the neighbours one after the other, top to bottom, as a walk over
    the window would (an absent neighbour is a 0.0, which adds nothing), so every feature is
    the float a line-by-line computation gives: the trainer fits the weights on these. The
    features are written in place (ufuncs' `out`): a call per feature, no copies."""
    if around is None:
        around = Neighbourhood(local)
    n, span, words = around.n, around.span, around.words
    out = around.rows.copy()
    out[_P] = probs
    p = out[_P]
    prose_words = np.where(p >= _PROSE_P, words, 0.0)
    # ufunc methods, not the ndarray ones: those go through Python wrappers costing more
    # than the sums (word counts: exact in any order)
    total = float(np.add.reduce(prose_words)) or 1.0
    before, after, inside = out[_BEFORE], out[_AFTER], out[_INSIDE]
    np.add.accumulate(prose_words, out=before)
    np.subtract(before, prose_words, out=before)
    np.divide(before, total, out=before)  # the prose words above the line, as a share
    np.subtract(1.0, before, out=after)
    np.subtract(after, prose_words / total, out=after)
    np.minimum(before, after, out=inside)
    np.multiply(inside, 4.0, out=inside)  # prose mass on both sides of the line
    np.equal(before, 0.0, out=out[_EDGE_TOP])
    np.less_equal(after, 1e-9, out=out[_EDGE_BOTTOM])
    # math.log, not np.log: the same float on every CPU, as in the trainer's fit
    out[_LOGIT] = list(map(math.log, (np.maximum(p, 1e-6) / np.maximum(1 - p, 1e-6)).tolist()))
    padded = np.zeros((2, span))
    padded[0, _WIDE:_WIDE + n] = p
    np.multiply(words, p, out=padded[1, _WIDE:_WIDE + n])  # words weighted by score
    out[_PREV] = padded[0, _WIDE - 1:_WIDE - 1 + n]
    out[_NEXT] = padded[0, _WIDE + 1:_WIDE + 1 + n]
    wide = padded.ravel()[around.gather]
    near = wide[_NEAR_AT]
    wide_sums = np.add.reduce(wide, axis=0)
    np.divide(np.add.reduce(near, axis=0)[:n], around.near_count, out=out[_NEAR_MEAN])
    np.maximum.reduce(near[:, :n], axis=0, out=out[_NEAR_MAX])
    np.divide(wide_sums[:n], around.wide_count, out=out[_WIDE_MEAN])
    np.divide(wide_sums[span:span + n], around.wide_words, out=out[_WIDE_WMEAN])
    return out


def context_features(local: list[dict[str, float]], probs: list[float]) -> list[dict[str, float]]:
    """`context_rows` by name (the trainer's view)."""
    rows = np.array([[f[name] for name in LOCAL_ROW] for f in local], dtype=float).T.copy()
    return [dict(zip(CONTEXT_ROW, row, strict=True))
            for row in context_rows(rows, [float(q) for q in probs]).T.tolist()]


def score_lines(lines: list[str], lexicon: Lexicon,
                model: LineModel | None = None) -> list[float]:
    """P(line is article text) for each line of a page dump, in [0, 1]."""
    return score_with_features(lines, lexicon, model)[0]


def score_with_features(lines: list[str], lexicon: Lexicon,
                        model: LineModel | None = None, memo: LineMemo | None = None
                        ) -> tuple[list[float], list[list[float]]]:
    """(P(article text) per line, the lines' LOCAL_ROWs) for a page dump; `memo` as in
    `local_rows`."""
    model = model or default_model()
    if not lines:
        return [], []
    local = local_rows(lines, lexicon, memo)
    local_plan, *stages = model.plans
    probs = _scores(local_plan, local)
    around = Neighbourhood(local)
    for plan in stages:
        probs = _scores(plan, context_rows(local, probs, around))
    return probs, local.T.tolist()
