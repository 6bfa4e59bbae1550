"""Audit the shipped rule packs against the dev sets' text dumps: which rules touch article text.

    python -m newsclean.flows.devtools.rule_audit ../shared/eval [--pack de --pack fr] [--all]

For every rule of the shipped packs (default.toml and the language packs) and every dev set
(html-dev, readability-dev, fundus-dev), counts the lines of the cases' `raw.txt` the rule's
pattern matches as a whole line, *at any position* (its `where` guard is ignored, so the count is
an upper bound of what it can remove; `max_words` is honoured), and how many of those lines are
article text by the gold.

Gold criterion: a line is article text when
- its tokens are lowercase `\\w+` runs, except that a run of CJK ideographs, kana or hangul
  (scripts that do not separate words by spaces) gives its overlapping character bigrams (a
  one-character run: that character), so a short katakana label is not "article text" merely
  because its letters occur in the story; and
- either the whole line (whitespace collapsed, lowercased) is a line of the case's `gold.txt`,
  or it has at least 4 tokens and at least 80% of them are found in the gold's token multiset
  (each gold token used at most as often as the gold holds it).
Short lines (1-3 tokens) are judged only by the first test: a one-word label such as "Anzeige"
is not article text because the word occurs somewhere in a sentence of the story.

The field cases' `must_keep` lines (`<eval>/field/*/expect.json`) are tried too: a rule matching
any of them is listed. Exit status 1 when a rule of the audited packs has a gold hit or a field hit.
"""

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from newsclean.cleaners.rules import Rule, RulePack, inline_forms, shipped_packs

SETS = ("html-dev", "readability-dev", "fundus-dev")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{_CJK}]+|(?:(?![{_CJK}])\w)+")
_CJK_RE = re.compile(rf"[{_CJK}]")
_GOLD_SHARE = 0.8
_MIN_TOKENS = 4


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for tok in _TOKEN_RE.findall(text.lower()):
        if _CJK_RE.match(tok):
            out.extend([tok] if len(tok) == 1 else [tok[i:i + 2] for i in range(len(tok) - 1)])
        else:
            out.append(tok)
    return out


def _norm(line: str) -> str:
    return " ".join(line.lower().split())


@dataclass
class Case:
    lines: list[str]
    gold_lines: set[str]
    gold_tokens: Counter


def is_gold(line: str, case: Case) -> bool:
    if _norm(line) in case.gold_lines:
        return True
    toks = tokens(line)
    if len(toks) < _MIN_TOKENS:
        return False
    found = sum(min(n, case.gold_tokens[t]) for t, n in Counter(toks).items())
    return found >= _GOLD_SHARE * len(toks)


def load_set(folder: Path) -> list[Case]:
    cases = []
    for d in sorted(p for p in folder.iterdir() if (p / "raw.txt").is_file()):
        gold = (d / "gold.txt").read_text("utf-8", errors="replace")
        raw = (d / "raw.txt").read_text("utf-8", errors="replace")
        lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
        cases.append(Case(lines, {_norm(g) for g in gold.splitlines() if g.strip()},
                          Counter(tokens(gold))))
    return cases


@dataclass
class Tally:
    matched: Counter = field(default_factory=Counter)  # set -> lines
    gold: Counter = field(default_factory=Counter)  # set -> lines of article text
    gold_examples: list[str] = field(default_factory=list)
    field_hits: list[str] = field(default_factory=list)


def _audited(pack: RulePack) -> tuple[Rule, ...]:
    """A pack's rules and the inline forms of its list-head rules (rules.inline_forms)."""
    return (*pack.rules, *inline_forms(pack.rules))


def _admits(rule: Rule, line: str) -> bool:
    return rule.max_words is None or len(line.split()) <= rule.max_words


def audit(eval_dir: Path, packs: tuple[RulePack, ...]) -> dict[str, Tally]:
    rules = [r for p in packs for r in _audited(p)]
    compiled = [r.compiled() for r in rules]
    # one alternation finds the (few) lines any rule matches; then rule by rule on those
    anyrule = re.compile("|".join(f"(?:{r.regex_source()})" for r in rules))
    tallies = {r.id: Tally() for r in rules}
    for name in SETS:
        folder = eval_dir / name
        if not folder.is_dir():
            continue
        for case in load_set(folder):
            for line in case.lines:
                if not anyrule.fullmatch(line):
                    continue
                gold = None
                for rule, rx in zip(rules, compiled, strict=True):
                    if _admits(rule, line) and rx.fullmatch(line):
                        t = tallies[rule.id]
                        t.matched[name] += 1
                        gold = is_gold(line, case) if gold is None else gold
                        if gold:
                            t.gold[name] += 1
                            if len(t.gold_examples) < 5:
                                t.gold_examples.append(f"{name}: {line[:120]}")
    for expect in sorted((eval_dir / "field").glob("*/expect.json")):
        keep = json.loads(expect.read_text("utf-8")).get("must_keep", [])
        for line in keep:
            for rule, rx in zip(rules, compiled, strict=True):
                if _admits(rule, line) and rx.fullmatch(line.strip()):
                    tallies[rule.id].field_hits.append(f"{expect.parent.name}: {line[:100]}")
    return tallies


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval_dir", type=Path, help="the folder holding html-dev, readability-dev, "
                    "fundus-dev and field")
    ap.add_argument("--pack", action="append", default=[],
                    help="audit only this shipped pack (by name: default, de, fr …); repeatable")
    ap.add_argument("--all", action="store_true", help="print every rule's counts, not only "
                    "those with gold or field hits")
    args = ap.parse_args(argv)
    packs = tuple(p for p in shipped_packs() if not args.pack or p.name in args.pack)
    tallies = audit(args.eval_dir, packs)
    bad = 0
    removed = Counter()
    audited = {pack.name: _audited(pack) for pack in packs}
    for pack in packs:
        for rule in audited[pack.name]:
            t = tallies[rule.id]
            removed.update(t.matched)
            hit = bool(sum(t.gold.values()) or t.field_hits)
            bad += hit
            if hit or args.all:
                counts = "  ".join(f"{s}={t.matched[s]}/{t.gold[s]}" for s in SETS)
                print(f"{'!!' if hit else '  '} {pack.name:8} {rule.id:48} {counts}")
                for ex in t.gold_examples + [f"FIELD {h}" for h in t.field_hits]:
                    print(f"      {ex}")
    print(f"rules audited: {sum(map(len, audited.values()))}; with gold or field hits: {bad}; "
          "matched lines (rule x line, any position): "
          + ", ".join(f"{s} {removed[s]}" for s in SETS))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
