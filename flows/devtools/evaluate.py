"""`newsclean eval`: token precision/recall/F1 of the cleaner (and installed peers) on a
case set laid out like ../shared/eval/html-dev: `<case>/raw.html[.gz]` or `raw.txt`, and
`gold.txt` (the human gold body). Given a folder of such sets (../shared/eval), it runs every
set on both inputs (HTML pages and text dumps) and prints one table, sets x inputs x
extractors, with docs/s and newsclean's rejected/empty counts beside every F1.

The metric is the benchmark's own (shared/eval/score.py, "bag" mode): lowercase `\\w+`
tokens counted as a multiset per case, macro means over cases; an empty prediction for a
non-empty gold scores 0. Peers run on the same cases in the same process, so one command
gives a comparable table with docs/s beside every F1.
"""

import argparse
import gzip
import html as html_lib
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsclean.flows.pathhint import did_you_mean

_TOKEN_RE = re.compile(r"\w+")


def token_bag(text: str) -> Counter:
    return Counter(_TOKEN_RE.findall(text.lower()))


def prf(gold: str, pred: str) -> tuple[float, float, float]:
    g, p = token_bag(gold), token_bag(pred)
    ng, np_ = sum(g.values()), sum(p.values())
    if ng == 0 and np_ == 0:
        return 1.0, 1.0, 1.0
    tp = sum((g & p).values())
    prec = tp / np_ if np_ else 0.0
    rec = tp / ng if ng else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


@dataclass(frozen=True)
class Case:
    id: str
    raw: bytes
    gold: str
    url: str | None = None


def load_cases(root: Path, input_kind: str) -> list[Case]:
    """Cases with a gold text and the raw input of the asked kind, sorted by id: `html`
    (raw.html[.gz]), `text` (the naive dump raw.txt) or `markdown` (the HTML page as a
    Markdown dump, `as_markdown`)."""
    import json

    cases = []
    for d in sorted(p for p in root.iterdir() if (p / "gold.txt").is_file()):
        if input_kind == "text":
            raw_path = d / "raw.txt"
            raw = raw_path.read_bytes() if raw_path.exists() else None
        else:
            gz, plain = d / "raw.html.gz", d / "raw.html"
            raw = gzip.decompress(gz.read_bytes()) if gz.exists() else (
                plain.read_bytes() if plain.exists() else None)
            if raw is not None and input_kind == "markdown":
                raw = as_markdown(raw)
        if raw is None:
            continue
        meta = d / "meta.json"
        url = json.loads(meta.read_text()).get("url") if meta.exists() else None
        cases.append(Case(d.name, raw, (d / "gold.txt").read_text("utf-8"), url))
    return cases


def as_markdown(html: bytes) -> bytes:
    """The whole page as a Markdown dump, menus and all, as html2text writes it (unwrapped
    lines): what scrapers that save pages as Markdown leave. html2text (GPL-3.0) is a dev
    tool here, in the `eval` extra; nothing in `cleaners` or `flows` imports it."""
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    return converter.handle(html.decode("utf-8", errors="replace")).encode()


@dataclass
class Scores:
    name: str
    per_case: dict[str, tuple[float, float, float]] = field(default_factory=dict)
    seconds: float = 0.0
    empty: int = 0

    @property
    def n(self) -> int:
        return len(self.per_case)

    def mean(self, i: int) -> float:
        return statistics.mean(v[i] for v in self.per_case.values()) if self.per_case else 0.0

    @property
    def f1(self) -> float:
        return self.mean(2)

    def row(self) -> dict:
        return {"extractor": self.name, "f1": self.f1, "precision": self.mean(0),
                "recall": self.mean(1),
                "f1_median": statistics.median(v[2] for v in self.per_case.values()),
                "empty": self.empty / self.n if self.n else 0.0,
                "docs_per_s": self.n / self.seconds if self.seconds else 0.0}


Extractor = Callable[[Case], str]


def newsclean_extractor(input_kind: str, rule_packs: list[str] = (),
                        statuses: dict[str, str] | None = None,
                        titles: dict[str, str | None] | None = None) -> Extractor:
    """newsclean as an extractor; ``statuses`` and ``titles`` (if given) collect each case's
    status and title, by case id."""
    from newsclean.cleaners import CleanOptions, build_ruleset, clean

    options = CleanOptions(rules=build_ruleset(rule_packs),
                           format_hint="html" if input_kind == "html" else "text")

    def run(case: Case) -> str:
        result = clean(case.raw, source=case.url, options=options)
        if statuses is not None:
            statuses[case.id] = str(result.status)
        if titles is not None:
            titles[case.id] = result.title
        return result.text

    return run


def _as_html(case: Case, input_kind: str) -> str:
    text = case.raw.decode("utf-8", errors="replace")
    if input_kind == "html":
        return text
    # Peers are HTML extractors: a text dump is given to them with each line as a <p>,
    # as BASELINES.md's "textdump-wrapped" rows were measured.
    body = "".join(f"<p>{html_lib.escape(ln)}</p>" for ln in text.splitlines() if ln.strip())
    return f"<html><body>{body}</body></html>"


PEERS = ("identity", "trafilatura", "trafilatura-precision", "trafilatura-recall",
         "trafilatura-fast", "readability", "justext", "boilerpy3", "resiliparse")


def unknown_peers(names: list[str]) -> list[str]:
    return [n for n in names if n not in PEERS]


def peer_extractors(names: list[str], input_kind: str) -> dict[str, Extractor]:
    """The requested peers that are installed; a missing one is reported, not fatal."""
    out: dict[str, Extractor] = {}
    for name in names:
        try:
            out[name] = _peer(name, input_kind)
        except ImportError as exc:
            print(f"newsclean eval: skipping {name}: not installed ({exc.name}; "
                  "pip install -e '.[eval]')", file=sys.stderr)
    return out


def _peer(name: str, input_kind: str) -> Extractor:
    if name == "identity":
        return lambda c: c.raw.decode("utf-8", errors="replace")
    if name.startswith("trafilatura"):
        import trafilatura

        mode = name.partition("-")[2] or "precision"
        kwargs = {"favor_precision": mode == "precision", "favor_recall": mode == "recall"}
        return lambda c: trafilatura.extract(_as_html(c, input_kind), include_comments=False,
                                             deduplicate=False, **kwargs) or ""
    if name == "readability":
        import lxml.html
        from readability import Document

        def run(c: Case) -> str:
            summary = Document(_as_html(c, input_kind)).summary(html_partial=True)
            return lxml.html.fromstring(summary).text_content() if summary.strip() else ""
        return run
    if name == "justext":
        import justext

        def run(c: Case) -> str:
            paras = justext.justext(_as_html(c, input_kind).encode(), justext.get_stoplist("English"))
            return "\n".join(p.text for p in paras if not p.is_boilerplate)
        return run
    if name == "boilerpy3":
        from boilerpy3 import extractors

        ex = extractors.ArticleExtractor(raise_on_failure=False)
        return lambda c: ex.get_content(_as_html(c, input_kind)) or ""
    if name == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text

        return lambda c: extract_plain_text(_as_html(c, input_kind), main_content=True)
    raise ImportError(f"unknown peer {name!r}", name=name)


def title_tokens(title: str | None) -> str:
    return " ".join(_TOKEN_RE.findall((title or "").lower()))


def title_agreement(found: dict[str, str | None], reference: dict[str, str | None]
                    ) -> Counter:
    """How many of the `found` titles (by case id) are right, wrong or none against the
    `reference` ones: the text dump's title against the one its HTML page gives (the page's
    markup marks its headline; a dump has only its lines). Right is the same words, or one
    title's words inside the other's ("Headline" and "Headline | Site")."""
    out = Counter(right=0, wrong=0, none=0)
    for cid, title in found.items():
        ours, ref = title_tokens(title), title_tokens(reference.get(cid))
        out["none" if not ours else
            "right" if ref and (ours in ref or ref in ours) else "wrong"] += 1
    return out


def html_titles(root: Path) -> dict[str, str | None]:
    """The title newsclean finds on each case's HTML page: the reference a text dump's
    title is checked against (`title_agreement`)."""
    titles: dict[str, str | None] = {}
    run = newsclean_extractor("html", titles=titles)
    for case in load_cases(root, "html"):
        run(case)
    return titles


def evaluate(cases: list[Case], name: str, extractor: Extractor) -> tuple[Scores, dict[str, str]]:
    scores, preds = Scores(name), {}
    start = time.perf_counter()
    for case in cases:
        try:
            preds[case.id] = extractor(case) or ""
        except Exception:  # a peer that crashes on a page scores 0 there, like an empty output
            preds[case.id] = ""
    scores.seconds = time.perf_counter() - start
    for case in cases:
        scores.per_case[case.id] = prf(case.gold, preds[case.id])
        scores.empty += not _TOKEN_RE.search(preds[case.id])
    return scores, preds


def _table(rows: list[dict]) -> str:
    lines = ["| extractor | F1 | P | R | F1 median | empty | docs/s |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['extractor']} | {r['f1']:.3f} | {r['precision']:.3f} | "
                     f"{r['recall']:.3f} | {r['f1_median']:.3f} | {r['empty']:.3f} | "
                     f"{r['docs_per_s']:.0f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="newsclean eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(ap)
    return run(ap.parse_args(argv))


_STDOUT = Path("-")  # `--json` without a PATH


def _out(args: argparse.Namespace, *lines: str) -> None:
    """Print the table's `lines`, unless the scores go to stdout as JSON (`--json` alone)."""
    if args.json != _STDOUT:
        print(*lines, sep="\n")


def _write_json(args: argparse.Namespace, scores: dict) -> None:
    import json

    text = json.dumps(scores, indent=1)
    if args.json == _STDOUT:
        print(text)
    else:
        args.json.write_text(text)


def add_arguments(ap: argparse.ArgumentParser) -> None:
    from newsclean.flows.cli import path_argument

    def path(value: str) -> Path:
        return Path(path_argument(value))  # '' is no path, not the current folder

    ap.add_argument("cases", type=path,
                    help="a case-set folder (e.g. ../shared/eval/html-dev), or a folder of sets "
                         "(../shared/eval): then every set runs, on both inputs, in one table")
    ap.add_argument("--input", choices=["html", "text", "markdown", "both"], default=None,
                    help="clean raw.html[.gz] (html), the naive dump raw.txt (text), the page "
                         "as a Markdown dump (markdown: html2text's, needs the eval extra) or "
                         "html and text (both; the default for a folder of sets, html for one)")
    ap.add_argument("--text-compare", default="boilerpy3", metavar="PEERS",
                    help="peers added on text dumps in the all-sets table (default boilerpy3)")
    ap.add_argument("--compare", default="",
                    help="comma-separated peers: identity, trafilatura[-precision|-recall|-fast], "
                         "readability, justext, boilerpy3, resiliparse")
    ap.add_argument("--rules", action="append", default=[], metavar="PACK", type=path_argument,
                    help="extra rule pack for newsclean")
    ap.add_argument("--worst", type=int, default=10, help="list the N worst cases (default 10)")
    ap.add_argument("--out", type=path, metavar="DIR",
                    help="write newsclean's predictions into DIR as <case>.txt")
    # a file to write, or alone, as `clean --json` is a flag, the scores on stdout
    ap.add_argument("--json", type=path, metavar="PATH", nargs="?", const=_STDOUT,
                    help="write all scores (per case too) as JSON to the file PATH; without "
                         "PATH, print them on stdout instead of the table")


def case_sets(root: Path) -> list[Path]:
    """The case sets under ``root``: sub-folders whose own sub-folders hold a gold.txt."""
    if any((d / "gold.txt").is_file() for d in root.iterdir()):
        return []
    return [d for d in sorted(root.iterdir()) if d.is_dir() and any(
        (c / "gold.txt").is_file() for c in d.iterdir() if c.is_dir())]


def _peer_names(spec: str) -> list[str]:
    return [n for n in spec.split(",") if n]


def run_all(args, sets: list[Path]) -> int:
    """Every set x input x extractor in one table."""
    inputs = ["html", "text"] if args.input in (None, "both") else [args.input]
    lines = ["| set | input | extractor | F1 | P | R | empty | rejected | title | docs/s |",
             "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    dump: dict = {}
    reference: dict[str, dict[str, str | None]] = {}  # by set: the titles pages' HTML gives
    for kind in inputs:
        names = _peer_names(args.compare)
        if kind != "html":
            names += [n for n in _peer_names(args.text_compare) if n not in names]
        peers = peer_extractors(names, kind)
        for root in sets:
            cases = load_cases(root, kind)
            if not cases:
                continue
            statuses: dict[str, str] = {}
            titles: dict[str, str | None] = {}
            ours, _ = evaluate(cases, "newsclean",
                               newsclean_extractor(kind, args.rules, statuses, titles))
            results = [ours] + [evaluate(cases, n, ex)[0] for n, ex in peers.items()]
            counts = {st: sum(1 for v in statuses.values() if v == st) for st in ("rejected", "empty")}
            title_cell, agreement = "", None
            if kind == "html":
                reference[root.name] = titles
                title_cell = f"{sum(1 for t in titles.values() if t)} found"
            else:
                if root.name not in reference:
                    reference[root.name] = html_titles(root)
                agreement = title_agreement(titles, reference[root.name])
                title_cell = "{right}/{wrong}/{none}".format(**agreement)
            for res in results:
                r = res.row()
                rej = str(counts["rejected"]) if res is ours else ""
                emp = str(counts["empty"]) if res is ours else f"{res.empty}"
                lines.append(f"| {root.name} ({len(cases)}) | {kind} | {r['extractor']} | "
                             f"{r['f1']:.3f} | {r['precision']:.3f} | {r['recall']:.3f} | {emp} | "
                             f"{rej} | {title_cell if res is ours else ''} | "
                             f"{r['docs_per_s']:.0f} |")
                row = {**r, "per_case": res.per_case}
                if res is ours:
                    row["titles"] = titles
                    if agreement is not None:
                        row["title_agreement"] = dict(agreement)
                dump.setdefault(root.name, {}).setdefault(kind, {})[res.name] = row
            print(f"newsclean eval: {root.name} {kind}: newsclean F1 {ours.f1:.3f}",
                  file=sys.stderr)
    if "text" in inputs:
        lines.append("\ntitle: on HTML, the pages given a title; on text dumps, right/wrong/none "
                     "against the title newsclean finds on the same page's HTML")
    _out(args, *lines)
    if args.json:
        _write_json(args, dump)
    return 0


def _usage_error(args) -> str | None:
    """What is wrong with the arguments, in one line, before any page is cleaned."""
    if not args.cases.is_dir():
        return f"no such folder: {args.cases}{did_you_mean(str(args.cases))}"
    unknown = unknown_peers(_peer_names(args.compare) + _peer_names(args.text_compare))
    if unknown:
        return f"unknown peer {unknown[0]!r}: choose from {', '.join(PEERS)}"
    if args.worst < 0:
        return f"--worst is a number of cases, 0 or more (got {args.worst})"
    if args.json not in (None, _STDOUT) and not args.json.parent.is_dir():
        return f"--json: no such folder for the file: {args.json.parent}"
    # said before the cases are cleaned (minutes), not after, as a traceback
    if args.json not in (None, _STDOUT) and args.json.is_dir():
        return f"--json: {args.json} is a folder: name the file to write, e.g. {args.json / 'scores.json'}"
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        return f"--out: {args.out} is a file: name a folder for the predictions"
    if args.input == "markdown":
        import importlib.util

        if importlib.util.find_spec("html2text") is None:
            return "--input markdown needs html2text: pip install -e '.[eval]'"
    return None


def run(args) -> int:
    error = _usage_error(args)
    if error:
        print(f"newsclean eval: error: {error}", file=sys.stderr)
        return 2 if args.cases.is_dir() else 1
    sets = case_sets(args.cases)
    if sets:
        return run_all(args, sets)
    if args.input == "both":  # a single set on both inputs: the all-sets table, for one set
        return run_all(args, [args.cases])
    if args.input is None:
        args.input = "html"
    cases = load_cases(args.cases, args.input)
    if not cases:
        print(f"newsclean eval: error: no cases with gold.txt and raw {args.input} under "
              f"{args.cases}", file=sys.stderr)
        return 1
    titles: dict[str, str | None] = {}
    ours, preds = evaluate(cases, "newsclean",
                           newsclean_extractor(args.input, args.rules, titles=titles))
    results = [ours]
    for name, ex in peer_extractors([n for n in args.compare.split(",") if n], args.input).items():
        results.append(evaluate(cases, name, ex)[0])
    rows = [r.row() for r in results]
    _out(args, f"{len(cases)} cases, input={args.input}", _table(rows))
    agreement = None
    if args.input == "text":
        agreement = title_agreement(titles, html_titles(args.cases))
        _out(args, "titles: {right} right, {wrong} wrong, {none} none (against the title "
             "newsclean finds on the same page's HTML)".format(**agreement))
    worst = sorted(ours.per_case.items(), key=lambda kv: kv[1][2])[: args.worst]
    if worst:
        _out(args, f"\nworst {len(worst)} (newsclean): "
             + ", ".join(f"{cid} {v[2]:.3f}" for cid, v in worst))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for cid, text in preds.items():
            (args.out / f"{cid}.txt").write_text(text, encoding="utf-8")
    if args.json:
        _write_json(args, {"input": args.input, "rows": rows, "per_case": {
            r.name: r.per_case for r in results}, "titles": titles,
            "title_agreement": dict(agreement) if agreement else None})
    return 0


if __name__ == "__main__":
    sys.exit(main())
