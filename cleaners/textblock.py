"""Locate the article block in a plain-text dump of a news page (scratch v2)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

try:
    from .stopwords import ALL as _STOPWORDS
except ImportError:  # pragma: no cover
    from stopwords import ALL as _STOPWORDS


@dataclass(frozen=True)
class LineVerdict:
    keep: bool
    rule: str | None


@dataclass(frozen=True)
class _Params:
    len_low: int = 70
    len_high: int = 120
    sw_low: float = 0.2
    sw_high: float = 0.3
    near_mult: float = 0.75
    short_cost: float = 12.0
    list_cost: float = 12.0
    menu_cost: float = 4.0
    bad_mult: float = 0.0
    bad_cost: float = 4.0
    run_growth: float = 4.0
    title_caps: float = 0.5
    sprose_words: int = 3
    sprose_mult: float = 0.0


DEFAULT = _Params()

_WORD_RE = re.compile(r"\w+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TERM_RE = re.compile(r"[.!?。！？…:;][\"'”’»)\]]*$")
_SENT_RE = re.compile(r"[.!?。！？][\"'”’»)\]]*$")
_CAP_RE = re.compile(r"(?<!\w)[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0410-\u042F\u0401]")
_LIST_RE = re.compile(r"^(?:[a-z\u00DF-\u00F6\u00F8-\u00FF\u0430-\u044F\u0451]|\d+[.)]\s|[-*•·–—]\s)")

GOOD, NEAR, SHORT, LIST, MENU, BAD, SPROSE = range(7)


def _features(line: str) -> tuple:
    toks = _WORD_RE.findall(line)
    nw = len(toks)
    n = len(line)
    if not line.isascii():
        cjk = len(_CJK_RE.findall(line))
        if cjk:
            n += 2 * cjk
            nw += cjk // 2
    if not toks:
        return (n, 0, 0.0, False, 0.0, False, False)
    low = line.lower()
    ltoks = _WORD_RE.findall(low) if low != line else toks
    nsw = sum(map(_STOPWORDS.__contains__, ltoks))
    sw = nsw / len(ltoks)
    term = _TERM_RE.search(line) is not None
    caps = len(_CAP_RE.findall(line)) / len(toks)
    lst = _LIST_RE.match(line) is not None
    sent = _SENT_RE.search(line) is not None
    return (n, nw, sw, term, caps, lst, sent)


def _classify(f: tuple, p: _Params) -> int:
    n, nw, sw, term, caps, lst, sent = f
    if nw == 0:
        return MENU
    if n < p.len_low:
        if sent and nw >= p.sprose_words and sw > 0:
            return SPROSE
        if lst:
            return LIST
        if sw == 0 and not term:
            return MENU
        return SHORT
    if caps >= p.title_caps:
        return BAD
    if sw >= p.sw_high and n >= p.len_high:
        return GOOD
    if sw >= p.sw_low:
        return NEAR
    return BAD


def _scores(feats: Sequence[tuple], p: _Params) -> list[float]:
    scores = []
    run = 0
    for f in feats:
        c = _classify(f, p)
        w = f[1]
        if c == GOOD:
            s = w
            run = 0
        elif c == NEAR:
            s = p.near_mult * w
            run = 0
        elif c == SPROSE:
            s = p.sprose_mult * w
            run = 0
        else:
            if c == SHORT:
                s = -p.short_cost
            elif c == LIST:
                s = -p.list_cost
            elif c == MENU:
                s = -p.menu_cost
            else:
                s = -p.bad_mult * w - p.bad_cost
            s -= p.run_growth * run
            run += 1
        scores.append(s)
    return scores


def _span(scores: Sequence[float]) -> tuple[int, int]:
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    for i, s in enumerate(scores):
        if cur <= 0:
            cur, cur_a = s, i
        else:
            cur += s
        if cur > best:
            best, best_a, best_b = cur, cur_a, i
    return best_a, best_b


def _verdicts(n: int, a: int, b: int) -> list[LineVerdict]:
    if b < 0:
        return [LineVerdict(True, None) for _ in range(n)]
    keep = LineVerdict(True, None)
    before = LineVerdict(False, "layout.before-article")
    after = LineVerdict(False, "layout.after-article")
    return [before] * a + [keep] * (b - a + 1) + [after] * (n - b - 1)


def _locate(lines: Sequence[str], p: _Params = DEFAULT, feats=None) -> list[LineVerdict]:
    if feats is None:
        feats = [_features(line) for line in lines]
    a, b = _span(_scores(feats, p))
    return _verdicts(len(lines), a, b)


def locate_article(lines: Sequence[str]) -> list[LineVerdict]:
    return _locate(lines, DEFAULT)
