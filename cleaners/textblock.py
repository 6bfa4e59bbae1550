"""Locate the article block in a plain-text dump of a news page (scratch v3)."""

from __future__ import annotations

import math
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


FEATURES = ("lognw", "sw", "sw_len", "sent", "sent_len", "caps", "num", "sep", "ell", "lst",
            "colon", "comma", "ints", "lower", "notok", "url", "pos")


@dataclass(frozen=True)
class _Params:
    weights: tuple = (0.0,) * (len(FEATURES) + 1)
    beta: float = 0.4
    theta_max: float = 0.5
    c: float = 10.0
    growth: float = 2.0
    gap_p: float = 0.5


DEFAULT = _Params()

_WORD_RE = re.compile(r"\w+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CAP_RE = re.compile(r"(?<!\w)[A-Z\u00C0-\u00D6\u00D8-\u00DE\u0410-\u042F\u0401]")
_LIST_RE = re.compile(r"(?:\d{1,3}[.)]|[-*•·–—]|\(\w\))\s")
_SEP_RE = re.compile(r"[|»›•·]|\s/\s")
_CLOSERS = "\"'”’»)]*"
_SENT_END = frozenset(".!?。！？")


def _raw(line: str) -> tuple:
    toks = _WORD_RE.findall(line)
    n = len(line)
    nw = len(toks)
    if not line.isascii():
        cjk = len(_CJK_RE.findall(line))
        if cjk:
            nw += cjk // 2
    if not toks:
        return (0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0)
    low = line.lower()
    ltoks = _WORD_RE.findall(low) if low != line else toks
    ntok = len(toks)
    sw = sum(map(_STOPWORDS.__contains__, ltoks)) / ntok
    caps = len(_CAP_RE.findall(line)) / ntok
    num = sum(map(str.isdigit, toks)) / ntok
    end = line.rstrip(_CLOSERS)[-1:]
    sent = 1.0 if end in _SENT_END else 0.0
    ell = 1.0 if line.endswith(("...", "…")) else 0.0
    colon = 1.0 if end in ":：" else 0.0
    lognw = math.log1p(nw)
    first = line[0]
    return (
        nw, lognw, sw, sw * lognw, sent, sent * lognw, caps, num,
        1.0 if _SEP_RE.search(line) else 0.0,
        ell,
        1.0 if _LIST_RE.match(line) else 0.0,
        colon,
        math.log1p(line.count(",") + line.count("，") + line.count("、")),
        math.log1p(line.count(". ") + line.count("。") + line.count("? ") + line.count("! ")),
        1.0 if first.islower() else 0.0,
        0.0,
        1.0 if ("http" in line or "www." in line or "@" in line) else 0.0,
    )


def _features(lines: Sequence[str]) -> list[tuple]:
    n = len(lines)
    out = []
    denom = max(1, n - 1)
    for i, line in enumerate(lines):
        r = _raw(line)
        out.append(r + (i / denom,))
    return out


def _probs(feats, p: _Params) -> list[float]:
    w = p.weights
    b = w[-1]
    out = []
    for f in feats:
        z = b
        for k in range(len(FEATURES)):
            z += w[k] * f[k + 1]
        out.append(1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0)
    return out


def _span(probs, feats, p: _Params) -> tuple[int, int]:
    if not probs:
        return 0, -1
    theta = min(p.theta_max, p.beta * max(probs))
    best, best_a, best_b = 0.0, 0, -1
    cur, cur_a = 0.0, 0
    run = 0
    for i, pr in enumerate(probs):
        s = (pr - theta) * (feats[i][0] + p.c)
        if pr < p.gap_p:
            s -= p.growth * run
            run += 1
        else:
            run = 0
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
        feats = _features(lines)
    probs = _probs(feats, p)
    a, b = _span(probs, feats, p)
    return _verdicts(len(lines), a, b)


def locate_article(lines: Sequence[str]) -> list[LineVerdict]:
    return _locate(lines, DEFAULT)
