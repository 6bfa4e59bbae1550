"""`newsclean`: clean one file, or run the clean-articles flow over a folder or S3 prefix.

`newsclean clean` never imports Prefect or boto3 (a one-document answer must start in well
under a second); `run` imports the flow only when it runs.
"""

import argparse
import json
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsclean",
        description="Strip boilerplate from raw news article dumps, with every removal explained.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    c = sub.add_parser("clean", help="print one document's clean body",
                       description="Clean one file (HTML or text, optionally .gz) and print it.")
    c.add_argument("file", help="a file, or - for standard input")
    out = c.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print title, text and removals as JSON")
    out.add_argument("--explain", action="store_true",
                     help="show every removed line beside the rule that removed it")
    c.add_argument("--rules", action="append", default=[], metavar="PACK",
                   help="an extra rule pack (TOML) on top of the default; repeatable")
    c.add_argument("--source", help="the document's URL (enables site-specific rules)")
    c.add_argument("--format", choices=["html", "text"], help="skip format detection")

    e = sub.add_parser("eval", help="score the cleaner (and peers) against gold texts",
                       description="Token precision/recall/F1 on a case set like "
                                   "../shared/eval/html-dev, with peers in the same run.")
    from flows.evaluate import add_arguments as add_eval_arguments

    add_eval_arguments(e)

    r = sub.add_parser("run", help="clean a folder, file or S3 prefix into a folder or S3 prefix",
                       description="Run the clean-articles flow: SOURCE and DEST are folders, "
                                   "files or s3://bucket/prefix URLs.")
    r.add_argument("source")
    r.add_argument("dest")
    r.add_argument("--rules", action="append", default=[], metavar="PACK",
                   help="an extra rule pack (TOML path or s3:// URL); repeatable")
    r.add_argument("--batch-size", type=int, default=200, help="documents per task (default 200)")
    r.add_argument("--workers", type=int, default=1, help="cleaning processes (default 1)")
    r.add_argument("--dry-run", action="store_true", help="clean and report, write nothing")
    r.add_argument("--limit", type=int, help="clean at most N inputs")
    r.add_argument("--prefix", default="", help="only inputs whose relative path starts with this")
    r.add_argument("--include", action="append", metavar="GLOB",
                   help="file-name pattern of articles (default: *.txt, *.html, *.htm … and .gz)")
    r.add_argument("--review-max-removed", type=float, default=None, metavar="SHARE",
                   help="hold documents that lost more than this share of words (default 0.8)")
    r.add_argument("--review-min-words", type=int, default=None, metavar="N",
                   help="hold documents shorter than N words (default 40)")
    r.add_argument("--endpoint-url", help="S3 endpoint (default: AWS_ENDPOINT_URL or AWS)")
    r.add_argument("--region", help="S3 region (default: AWS_DEFAULT_REGION)")
    r.add_argument("--profile", help="AWS profile for credentials")
    r.add_argument("--verbose", "-v", action="store_true", help="show Prefect's log lines")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "clean":
            return _clean(args)
        if args.command == "eval":
            from flows.evaluate import run as run_eval

            return run_eval(args)
        return _run(args)
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130


def _error(msg: str, code: int = EXIT_FAILED) -> int:
    print(f"newsclean: error: {msg}", file=sys.stderr)
    return code


def _clean(args) -> int:
    from cleaners import CleanOptions, RulePackError, build_ruleset, clean

    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        return _error(f"cannot read {args.file}: {exc.strerror}")
    try:
        rules = build_ruleset(args.rules)
    except RulePackError as exc:
        return _error(str(exc), EXIT_USAGE)
    result = clean(raw, source=args.source or args.file,
                   options=CleanOptions(rules=rules, format_hint=args.format))
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.explain:
        _explain(result)
    else:
        if result.status != "cleaned":
            print(f"newsclean: {result.status}: {result.reason}", file=sys.stderr)
            return EXIT_OK
        print(result.text)
    return EXIT_OK


def _explain(result) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{result.title or '(no title)'}[/bold]  "
                  f"[dim]{result.format}, {result.encoding}, {result.status}"
                  f"{': ' + result.reason if result.reason else ''}[/dim]")
    table = Table("line", "rule", "removed text", show_lines=False, expand=True)
    for r in result.removed:
        table.add_row(str(r.line or ""), r.rule, r.text if len(r.text) < 200 else r.text[:197] + "…")
    console.print(table)
    console.print(f"{len(result.removed)} removals; {result.stats.get('words_out', 0)} of "
                  f"{result.stats.get('words_in', 0)} words kept")


def _quiet_prefect(verbose: bool) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    if not verbose:
        # Console only: the API (and so the UI) still gets every log line.
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_FLOW_RUNS_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_TASK_RUNS_LEVEL", "WARNING")


def _run(args) -> int:
    _quiet_prefect(args.verbose)
    from pydantic import ValidationError

    from flows.batch import ReviewPolicy
    from flows.settings import S3Settings
    from flows.storage import StorageError, open_source

    try:
        s3 = S3Settings(endpoint_url=args.endpoint_url, region=args.region, profile=args.profile)
        review = ReviewPolicy(**{k: v for k, v in {
            "max_removed_share": args.review_max_removed,
            "min_words": args.review_min_words}.items() if v is not None})
        open_source(args.source, s3).check_reachable()  # fail in one line, before Prefect starts
    except ValidationError as exc:
        return _error(_first_error(exc), EXIT_USAGE)
    except StorageError as exc:
        return _error(str(exc))
    params = dict(source=args.source, dest=args.dest, rules=args.rules,
                  batch_size=args.batch_size, workers=args.workers, dry_run=args.dry_run,
                  limit=args.limit, key_prefix=args.prefix, review=review, s3=s3)
    if args.include:
        params["include"] = args.include
    return _run_flow(params)


def _first_error(exc) -> str:
    err = exc.errors()[0]
    where = ".".join(str(x) for x in err.get("loc", ()))
    return f"{where}: {err.get('msg')}" if where else str(err.get("msg"))


def _run_flow(params: dict) -> int:
    from prefect.exceptions import ParameterTypeError
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    from flows import progress
    from flows.clean_flow import clean_articles

    console = Console(stderr=True)
    bar = Progress(SpinnerColumn(), TextColumn("[bold]cleaning[/bold]"), BarColumn(),
                   MofNCompleteColumn(), TextColumn("{task.fields[counts]}"),
                   console=console, transient=False)
    with bar:
        tid = bar.add_task("clean", total=None, counts="starting Prefect…")
        limit = params.get("limit")

        def sink(done: int, statuses: dict[str, int]) -> None:
            counts = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))
            bar.update(tid, completed=done, total=limit, counts=counts)

        with progress.watching(sink):
            try:
                state = clean_articles(**params, return_state=True)
            except ParameterTypeError as exc:
                return _error(str(exc).splitlines()[0], EXIT_USAGE)
        bar.update(tid, total=bar.tasks[0].completed or 1)
    if not state.is_completed():
        try:
            state.result()
        except Exception as exc:  # the flow's own failure, shown in one line
            return _error(f"run failed: {type(exc).__name__}: {exc}".splitlines()[0])
        return _error(f"run ended {state.type.value.lower()}")
    summary = state.result()
    _print_summary(console, summary)
    return EXIT_OK


def _print_summary(console, summary: dict) -> None:
    from rich.table import Table

    table = Table(title=f"newsclean run {summary['run_id']}", show_header=True)
    table.add_column("status")
    table.add_column("documents", justify="right")
    for status, n in sorted(summary["statuses"].items()):
        table.add_row(status, str(n))
    table.add_row("[bold]total[/bold]", f"[bold]{summary['inputs']}[/bold]")
    console.print(table)
    fams = summary.get("removed_by_family") or {}
    if fams:
        console.print("removed: " + ", ".join(f"{f} {n}" for f, n in
                                              sorted(fams.items(), key=lambda kv: -kv[1])))
    console.print(f"clean copies: {summary['dest']}")
    if summary.get("manifest"):
        console.print(f"manifest:     {summary['manifest']}")
    else:
        console.print("dry run: nothing written")


if __name__ == "__main__":
    sys.exit(main())
