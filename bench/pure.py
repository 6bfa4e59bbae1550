"""`clean()` alone, in this process: text dumps, HTML pages against bare trafilatura, and the
one-document CLI's start-up."""

import os
import statistics
import subprocess
import sys
import time

from bench.report import Row
from bench.timing import Series, interleaved, ratio
from bench.workload import ROOT, Workload, html_pages, page_dumps, repeat, seed_texts

# The settings newsclean's HTML step gives trafilatura (cleaners/html_extract.py), as the
# baseline call in BASELINES.md: the ratio is what our extraction, rules and normalization
# cost on top of trafilatura's own work.
TRAFILATURA_KW = dict(include_comments=False, favor_precision=True, deduplicate=False)


def _clean_loop(docs):
    from newsclean.cleaners import clean

    def run() -> None:
        for d in docs:
            clean(d)
    return run


def _c4_loop(texts):
    """datatrove's C4 line filter with only its line rules on (as in BASELINES.md): the
    training-data peer that cleans text dumps line by line."""
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    c4 = C4QualityFilter(min_num_sentences=-1, filter_curly_bracket=False,
                         filter_lorem_ipsum=False)

    def run() -> None:
        for i, t in enumerate(texts):
            c4.filter(Document(text=t, id=str(i)))
    return run


def text_section(name: str, docs: list[bytes], count: int, rounds: int) -> list[Row]:
    work = Workload(name, repeat(docs, count))
    for d in docs:  # warm: rule bands compile on first use
        _clean_loop([d])()
    series = {"clean": Series("clean()", len(work.docs), work.megabytes)}
    runs = {"clean": _clean_loop(work.docs)}
    try:
        runs["c4"] = _c4_loop(work.texts())
        series["c4"] = Series("datatrove C4QualityFilter (line rules)", len(work.docs), work.megabytes)
    except ImportError:
        pass
    interleaved(runs, series, rounds)
    rows = [Row(name, "clean()", series["clean"], note="single process")]
    if "c4" in series:
        rows.append(Row(name, series["c4"].name, series["c4"], vs=series["clean"],
                        ratio=ratio(series["clean"], series["c4"]),
                        note="ratio = clean() / this"))
    else:
        rows.append(Row.skipped(name, "datatrove C4QualityFilter",
                                "datatrove not installed (pip install -e '.[bench]')"))
    return rows


def seeds_section(count: int, rounds: int) -> list[Row]:
    return text_section("text: seeds (~3 KB)", seed_texts(), count, rounds)


def dumps_section(count: int, rounds: int) -> list[Row]:
    dumps = page_dumps()
    if not dumps:
        return [Row.skipped("text: page dumps", "clean()", "html-dev not found beside the repo")]
    return text_section("text: page dumps (~20-60 KB)", dumps, count, rounds)


def html_section(count: int, rounds: int) -> list[Row]:
    pages = html_pages()
    if not pages:
        return [Row.skipped("html", "clean()", "html-dev not found beside the repo")]
    import trafilatura

    work = Workload("html", repeat(pages, count))
    texts = work.texts()
    _clean_loop(pages[:5])()

    def bare() -> None:
        for t in texts:
            trafilatura.extract(t, **TRAFILATURA_KW)

    series = {"clean": Series("clean()", len(work.docs), work.megabytes),
              "bare": Series("bare trafilatura.extract", len(work.docs), work.megabytes)}
    interleaved({"clean": _clean_loop(work.docs), "bare": bare}, series, rounds)
    return [
        Row("html: dev pages", "clean()", series["clean"], vs=series["bare"],
            ratio=ratio(series["clean"], series["bare"]), note="ratio = clean() / bare trafilatura"),
        Row("html: dev pages", series["bare"].name, series["bare"],
            note="include_comments=False, favor_precision=True, deduplicate=False"),
    ]


def _first_output(argv: list[str]) -> float:
    """Seconds from spawning `argv` to its first byte on stdout."""
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    proc.stdout.read(1)
    elapsed = time.perf_counter() - t
    proc.stdout.read()
    proc.wait()
    return elapsed


def cli_section(rounds: int) -> list[Row]:
    """`newsclean clean FILE` to first output, beside a bare `python -c print(1)`: the
    difference is what our imports and one clean() cost."""
    exe = os.path.join(os.path.dirname(sys.executable), "newsclean")
    seed = str(ROOT / "seeds" / "001_senate-farm-bill-stalls.txt")
    cli = [exe if os.path.exists(exe) else sys.executable, *(() if os.path.exists(exe) else
           ("-m", "newsclean.flows.cli")), "clean", seed]
    bare = [sys.executable, "-c", "print(1)"]
    times: dict[str, list[float]] = {"cli": [], "python": []}
    for r in range(rounds):
        order = ("cli", "python") if r % 2 == 0 else ("python", "cli")
        for name in order:
            times[name].append(_first_output(cli if name == "cli" else bare))
    cli_s, py_s = statistics.median(times["cli"]), statistics.median(times["python"])
    return [Row.timing("cli", "newsclean clean FILE: first output", cli_s,
                       note=f"bare python start-up {py_s:.3f} s; median of {rounds}")]


def rules_section(top: int = 8) -> list[Row]:
    """Which rules cost the most on the page dumps: each rule's regex timed on the lines the
    matcher actually tries it on (its word limit, first character and literal gate
    admit the line). A guide for whoever writes patterns: a rule near the top of this list
    slows every text dump down."""
    import re

    from newsclean.cleaners import rules as rules_mod
    from newsclean.cleaners.decode import decode, repair
    from newsclean.cleaners.segment import split_units

    docs = page_dumps() or seed_texts()
    lines = []
    for d in docs:
        text = repair(decode(d, max_bytes=1 << 30, max_inflated=1 << 30, max_ratio=100).text)
        lines += [u.text for u in split_units(text)]
    costs = []
    for rule in rules_mod.default_rules().rules:
        first, gate = rules_mod._shortcuts(rule.regex_source())
        passes = rules_mod._gate_function([gate])
        tried = [ln for ln in lines
                 if (rule.max_words is None or len(ln.split()) <= rule.max_words)
                 and rules_mod._starts_ok(first, ln[0], rules_mod._fold(ln[0]))
                 and (passes is None or passes(ln, rules_mod._fold(ln)))]
        rx = re.compile(rule.regex_source())
        t = time.process_time()
        for ln in tried:
            rx.fullmatch(ln)
        costs.append((time.process_time() - t, rule.id, len(tried)))
    costs.sort(reverse=True)
    what = "page dumps" if page_dumps() else "seeds"
    return [Row.timing(f"rules: cost per {what} doc", rid, s / len(docs) * 1e3,
                       note=f"ms of CPU per document; tried on {n / len(lines):.0%} of lines")
            for s, rid, n in costs[:top]]
