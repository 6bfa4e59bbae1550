"""`newsclean`: clean one file, or run the clean-articles flow over a folder or S3 prefix.

`newsclean clean` never imports Prefect or boto3 (a one-document answer must start in well
under a second); `run` imports the flow only when it runs.
"""

import argparse
import difflib
import importlib.util
import json
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

from newsclean.flows.pathhint import did_you_mean

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_CLEANED = 0, 1, 2, 3

_CLEAN_EXIT_CODES = """exit codes:
  0  the document was cleaned (its body is printed)
  1  the file could not be opened or read (missing, no permission)
  2  bad options (an empty path '' too), a bad rule pack, or a folder or record file
     (JSONL, CSV, WARC: newsclean run cleans those)
  3  rejected (a corrupt or truncated .gz, a .gz that is not gzip, binary or
     oversized input) or empty (too short to be an article, boilerplate only): no
     article body (the reason is one line on stderr, with --json and --explain too)"""

_RUN_EPILOG = """examples:
  newsclean run seeds/ /tmp/clean                        a folder into a folder
  newsclean run s3://newsroom-raw/dumps/2018-07/ s3://newsroom-clean/articles/ --dry-run
  newsclean run s3://newsroom-raw/dumps/ s3://newsroom-clean/articles/ --since 36h
  newsclean run raw/ clean/ --rules packs/our-site.toml --limit 100   a sample first
  newsclean run raw/ clean/ --json | jq -r .manifest     the manifest's path, for a script

SOURCE and DEST must not contain each other (the next run would clean its own outputs).

exit codes:
  0  the run completed (an incremental --since run that found nothing warns, exit 0)
  1  the run failed: a store it cannot use (a missing SOURCE folder, an unreachable
     bucket), no inputs at all in a full run, a crash
  2  bad options or rule packs, or a SOURCE and DEST that contain each other: refused
     before anything is read or written"""

# run and fetch print their summary for a person on stderr; a script reads this instead
_SUMMARY_JSON_HELP = ("also print the run's summary on stdout as one JSON object (run_id, "
                      "statuses, manifest, dest …)")


class _Parser(argparse.ArgumentParser):
    """argparse, with a mistake said in one line (README: "refused in one line") instead of
    a usage block, and a typo'd option answered with the closest one the command has."""

    commands: dict[str, argparse.ArgumentParser] = {}  # noqa: RUF012 - set per instance below

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - argparse's
        # no abbreviations: "--worker 2" was taken for --workers without a word (a fresh
        # user); a prefix is refused with the closest option instead
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        # "newsclean --verison": argparse names the missing command, not the mistyped option
        unknown = [w for w in getattr(self, "given", ()) if w.startswith("--")
                   and w.split("=")[0] not in self._option_string_actions]
        if unknown and "required: COMMAND" in message:
            known = [o for o in self._option_string_actions if o.startswith("--")]
            hints = [c for w in unknown
                     for c in difflib.get_close_matches(w.split("=")[0], known, n=1, cutoff=0.75)]
            message = (f"unrecognized arguments: {' '.join(unknown)}"
                       + (f" (did you mean {', '.join(hints)}?)" if hints else ""))
        self.exit(2, f"{self.prog}: error: {message}{_closest_choice(message)} "
                     f"(see {self.prog} --help)\n")

    def parse_args(self, args=None, namespace=None):  # noqa: ANN001, ANN201 - argparse's
        self.given = list(sys.argv[1:] if args is None else args)
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            command = getattr(parsed, "command", None)
            parser = self.commands.get(command, self)
            known = [o for a in parser._actions for o in a.option_strings if o.startswith("--")]
            options = [word.split("=")[0] for word in extra if word.startswith("-")]
            # a close name only: "--lang" was answered "did you mean --explain?"
            hints = [close for word in options if word not in _NOT_OPTIONS
                     if (close := _closest_option(word, known)) is not None]
            notes = list(dict.fromkeys(_NOT_OPTIONS[w] for w in options if w in _NOT_OPTIONS))
            values = {i + 1 for i, word in enumerate(extra) if word.startswith("-")}
            if command == "clean" and any(not word.startswith("-") and i not in values
                                          for i, word in enumerate(extra)):  # `clean a.txt b.txt`
                notes.append("clean takes one file: to clean many, newsclean run FOLDER DEST")
            parser.error(f"unrecognized arguments: {' '.join(_as_typed(extra, self.given, parser))}"
                         + (f" (did you mean {', '.join(hints)}?)" if hints else "")
                         + "".join(f" ({note})" for note in notes))
        return parsed


def _as_typed(extra: list[str], given: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """The words argparse left over, as the user typed them: an unknown option's value is
    taken for a positional, so `run --workrs 2 SRC DEST` leaves "--workrs DEST" (fresh-user
    check #35). An unknown option followed by a word in the command line, close to an option
    that takes a value, is shown with that word, and one positional shifted out is not."""
    takes_value = [o for a in parser._actions if a.nargs != 0 for o in a.option_strings
                   if o.startswith("--")]
    shown, shifted = [], 0
    for word in extra:
        if not word.startswith("-"):
            continue
        shown.append(word)
        at = given.index(word) if word in given else -1
        valued = "=" not in word and _closest_option(word, takes_value) is not None
        if valued and 0 <= at < len(given) - 1 and not given[at + 1].startswith("-"):
            shown.append(given[at + 1])
            shifted += 1
    rest = [word for word in extra if not word.startswith("-")]
    # the typed value took a positional's place, and each later positional moved up one:
    # the first `shifted` leftovers are the places taken, the rest are truly extra
    return shown + rest[shifted:] if shifted else extra


def _closest_option(word: str, known: list[str]) -> str | None:
    """The option `word` was meant for: a close name (difflib, 0.75: "--lang" was answered
    "did you mean --explain?" at less), or the one option it begins ("--batch" for
    --batch-size: fresh-user check #37 got no hint). None when neither."""
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.75)
    if close:
        return close[0]
    started = [option for option in known if option.startswith(word) and len(word) > 3]
    return started[0] if len(started) == 1 else None


# Options a new user reaches for that newsclean has not, and what to do instead.
_NOT_OPTIONS = dict.fromkeys(
    ("--lang", "--language"), "each document's language is detected: there is no option for it"
) | dict.fromkeys(
    ("--out", "--output", "-o"), "clean prints on stdout: newsclean clean FILE > clean.txt; "
                                 "run and fetch write into DEST, their second argument")


def path_argument(value: str) -> str:
    """A path given on the command line: '' (an unset variable in `newsclean clean "$F"`)
    is refused, not read as the current folder."""
    if not value:
        raise argparse.ArgumentTypeError(f"{value!r} is an empty path (an unset shell variable?)")
    return value


def _closest_choice(message: str) -> str:
    """" (did you mean run?)" for argparse's "invalid choice: 'rnu' (choose from 'clean', …)"
    ("newsclean rnu", "--task-runner dsak"); "" for any other message."""
    if "invalid choice: '" not in message or "(choose from " not in message:
        return ""
    given = message.split("invalid choice: '", 1)[1].split("'", 1)[0]
    choices = message.split("(choose from ", 1)[1].rstrip(")").replace("'", "").split(", ")
    close = difflib.get_close_matches(given, choices, n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="newsclean",
        description="Strip boilerplate from raw news article dumps, with every removal explained.")
    p.add_argument("--version", action="version", version=f"newsclean {_version()}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p.commands = sub.choices  # each command's parser, for the closest-option hint

    c = sub.add_parser("clean", help="print one document's clean body",
                       description="Clean one file (HTML, a text dump or Markdown, "
                                   "optionally .gz) and print it.",
                       epilog=_CLEAN_EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("file", metavar="FILE", type=path_argument,
                   help="a file, or - for standard input")
    out = c.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print title, text and removals as JSON")
    out.add_argument("--explain", action="store_true",
                     help="show every removed line beside the rule that removed it (lines "
                          f"over {_EXPLAIN_WIDTH} characters are cut; --json has them whole)")
    c.add_argument("--rules", action="append", default=[], metavar="PACK", type=path_argument,
                   help="an extra rule pack (TOML) on top of the default; repeatable")
    c.add_argument("--source", metavar="URL",
                   help="the page's http(s) URL, e.g. https://example.com/story: site-specific "
                        "rules fire on its host")
    c.add_argument("--format", choices=["html", "text"],
                   help="skip format detection (text: plain and Markdown dumps)")

    e = sub.add_parser("eval", help="score the cleaner (and peers) against gold texts",
                       description="Token precision/recall/F1 on a case set like "
                                   "../shared/eval/html-dev, with peers in the same run.")
    from newsclean.flows.devtools.evaluate import add_arguments as add_eval_arguments

    add_eval_arguments(e)

    r = sub.add_parser("run", help="clean a folder, file or S3 prefix into a folder or S3 prefix",
                       description="Run the clean-articles flow: SOURCE and DEST are folders, "
                                   "files or s3://bucket/prefix URLs.",
                       epilog=_RUN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("source", metavar="SOURCE", type=path_argument,
                   help="what to clean: a folder, a file (.txt, .html, .gz, .jsonl, .warc …) "
                        "or s3://bucket/prefix")
    r.add_argument("dest", metavar="DEST", type=path_argument,
                   help="where the clean copies, their records and the manifest go: a folder "
                        "or s3://bucket/prefix (neither one inside the other)")
    r.add_argument("--rules", action="append", default=[], metavar="PACK", type=path_argument,
                   help="an extra rule pack (TOML path or s3:// URL); repeatable")
    r.add_argument("--batch-size", type=int, default=200, help="documents per task (default 200)")
    r.add_argument("--workers", type=int, default=1, help="cleaning processes (default 1)")
    r.add_argument("--task-runner", choices=["local", "dask"], default="local",
                   help="local: this machine's processes (default); dask: a Dask cluster "
                        "(needs newsclean[dask])")
    r.add_argument("--dask-address", metavar="ADDR",
                   help="scheduler of an existing Dask cluster (default: start a local one "
                        "of --workers processes)")
    r.add_argument("--dry-run", action="store_true", help="clean and report, write nothing")
    r.add_argument("--limit", type=_sample_size, metavar="N",
                   help="clean at most N inputs (1 or more), the first in key order")
    r.add_argument("--prefix", default="", help="only inputs whose relative path starts with this")
    from newsclean.flows.storage.layout import include_summary

    r.add_argument("--include", action="append", metavar="GLOB",
                   help="file-name pattern of articles; repeatable, replaces the default: "
                        f"{include_summary()}. Other files are skipped and counted")
    r.add_argument("--also-include", action="append", metavar="GLOB",
                   help="a pattern added to the default ones (or to --include's); "
                        "repeatable: --also-include '*.md' takes Markdown dumps too")
    r.add_argument("--since", type=_since, metavar="WHEN",
                   help="only inputs modified since WHEN: an ISO date or time (UTC unless it "
                        "names a zone) or an age such as 36h or 2d")
    r.add_argument("--shards", type=int, metavar="N",
                   help="also write the clean articles as JSONL shards of N under "
                        "DEST/_shards/<run id>/")
    for name in _RECORD_FIELDS:
        r.add_argument(f"--{name}-field", action="append", metavar="NAME",
                       help=f"JSONL/CSV field holding the record's {name}; repeatable, first "
                            "present wins (default: common dataset names)")
    r.add_argument("--review-max-removed", type=float, default=None, metavar="SHARE",
                   help="hold documents that lost more than this share of their prose (default 0.6)")
    r.add_argument("--review-min-words", type=int, default=None, metavar="N",
                   help="hold documents shorter than N words (default 40)")
    r.add_argument("--max-seconds", type=float, default=None, metavar="S",
                   help="stop cleaning one document after S seconds: rejected (default 30)")
    r.add_argument("--endpoint-url", help="S3 endpoint (default: AWS_ENDPOINT_URL or AWS)")
    r.add_argument("--region", help="S3 region (default: AWS_DEFAULT_REGION)")
    r.add_argument("--profile", help="AWS profile for credentials")
    r.add_argument("--verbose", "-v", action="store_true", help="show Prefect's log lines")
    r.add_argument("--json", action="store_true", help=_SUMMARY_JSON_HELP)

    f = sub.add_parser("fetch", help="fetch article URLs and clean them into a folder or S3 prefix",
                       description="Run the fetch-and-clean flow: URLS is a text file of URLs, "
                                   "one per line (a path or an s3:// object). Raw responses "
                                   "are kept under DEST/_raw/; a rerun fetches only what is "
                                   "not stored yet.")
    f.add_argument("urls", metavar="URLS", type=path_argument, help="a text file of URLs, one per line")
    f.add_argument("dest", metavar="DEST", type=path_argument, help="a folder or s3://bucket/prefix")
    f.add_argument("--allow-private", action="store_true",
                   help="also fetch from loopback, private and link-local addresses")
    f.add_argument("--allow-network", action="append", default=[], metavar="CIDR",
                   help="a private network that may be fetched, e.g. 10.20.0.0/16; repeatable")
    f.add_argument("--refetch", action="store_true",
                   help="fetch every URL again, even those whose raw response is stored")
    f.add_argument("--concurrency", type=int, help="requests in flight at once (default 8)")
    f.add_argument("--per-host-rate", type=float, metavar="R",
                   help="requests per second to any one host (default 1; 0: no limit)")
    f.add_argument("--timeout", type=float, metavar="S",
                   help="seconds for connecting and for each read (default 20)")
    f.add_argument("--retries", type=int, help="retries on 429, 5xx and timeouts (default 3)")
    f.add_argument("--max-bytes", type=int, help="largest page body kept (default 10 MiB)")
    f.add_argument("--max-redirects", type=int, help="redirects followed (default 5)")
    f.add_argument("--own-site", action="append", default=[], metavar="HOST",
                   help="a host of the organisation's own whose robots.txt is not consulted; "
                        "repeatable (every other site's robots.txt is honoured)")
    f.add_argument("--batch-size", type=int, default=50, help="URLs per task (default 50)")
    f.add_argument("--shards", type=int, metavar="N",
                   help="also write the clean articles as JSONL shards of N")
    f.add_argument("--rules", action="append", default=[], metavar="PACK", type=path_argument,
                   help="an extra rule pack (TOML path or s3:// URL); repeatable")
    f.add_argument("--review-max-removed", type=float, default=None, metavar="SHARE",
                   help="hold documents that lost more than this share of their prose (default 0.6)")
    f.add_argument("--review-min-words", type=int, default=None, metavar="N",
                   help="hold documents shorter than N words (default 40)")
    f.add_argument("--endpoint-url", help="S3 endpoint (default: AWS_ENDPOINT_URL or AWS)")
    f.add_argument("--region", help="S3 region (default: AWS_DEFAULT_REGION)")
    f.add_argument("--profile", help="AWS profile for credentials")
    f.add_argument("--verbose", "-v", action="store_true", help="show Prefect's log lines")
    f.add_argument("--json", action="store_true", help=_SUMMARY_JSON_HELP)

    s = sub.add_parser("serve", help="serve the deployments of deploy/prefect.yaml from this process",
                       description="Serve the same deployments `prefect deploy` registers "
                                   "(schedules included) without a work pool or worker: one "
                                   "machine, one process. Needs PREFECT_API_URL (your "
                                   "server; refused without it, exit 2: the schedules "
                                   "would vanish with a temporary server).")
    s.add_argument("--prefect-file", metavar="YAML",
                   help="deployments file (default: deploy/prefect.yaml in NEWSCLEAN_HOME, the "
                        "checkout, or the current folder)")
    s.add_argument("--limit", type=int, metavar="N", help="at most N runs at once (default: no limit)")
    return p


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsclean")
    except PackageNotFoundError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    # run and fetch: the embedded Prefect server starts importing first, beside everything
    # else (building the parser alone imports the cleaner: 0.4-1.5 s)
    given = sys.argv[1:] if argv is None else argv
    if not given:  # `newsclean` alone: what it can do, not one line of what is missing
        _parser().print_help(sys.stderr)
        return 2
    early = _early_server(given)
    try:
        args = _parser().parse_args(argv)
    except SystemExit:
        _let_go(early)
        raise
    if args.command not in ("run", "fetch"):
        _let_go(early)
    elif args.command == "run" and (missing := _missing_source(args.source)):
        _let_go(early)  # a mistyped folder is said before Prefect is imported (4-8 s)
        return _error(missing)
    try:
        if args.command == "clean":
            code = _clean(args)
            sys.stdout.flush()  # a full disk says so here, not at the interpreter's exit
            return code
        if args.command == "eval":
            from newsclean.flows.devtools.evaluate import run as run_eval

            return run_eval(args)
        if args.command == "serve":
            return _serve(args)
        server = early
        try:
            return _fetch(args, server) if args.command == "fetch" else _run(args, server)
        finally:
            if server is not None:
                server.release()
    except KeyboardInterrupt:
        print("newsclean: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `newsclean clean story.txt | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # the output could not be written: `> /dev/full`, a full disk
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return _error(f"cannot write the output: {_one_line(exc)}")


def _early_server(argv: list[str]):
    """For `run` and `fetch` without PREFECT_API_URL: the shared embedded server
    (flows/orchestration/local_server.py), found or started before Prefect is imported and
    before the arguments are parsed (a refused command lets it go untouched); None: Prefect
    decides, or another command."""
    command = next((a for a in argv if not a.startswith("-")), None)
    if command not in ("run", "fetch") or {"-h", "--help", "--version"} & set(argv):
        return None
    _quiet_prefect("-v" in argv or "--verbose" in argv)
    from newsclean.flows.orchestration.local_server import EmbeddedServer

    return EmbeddedServer.start()


def _let_go(server) -> None:
    if server is not None:
        server.release()


def _flow_imports() -> None:
    """What the flow call imports on its way (FastAPI's encoder for the parameters alone:
    0.3-1.2 s), done while the embedded server starts."""
    import fastapi.encoders  # noqa: F401
    import prefect.flow_engine  # noqa: F401
    import prefect.task_engine  # noqa: F401


def _say(label: str, msg: str) -> None:
    """The one line on stderr for an error or a document not cleaned, `newsclean: LABEL:
    MSG`: a person who sends stdout to a file or a pipe still sees it."""
    print(f"newsclean: {label}: {' '.join(msg.splitlines())}", file=sys.stderr)


def _error(msg: str, code: int = EXIT_FAILED) -> int:
    _say("error", msg)
    return code


def _clean(args) -> int:
    from newsclean.cleaners import CleanOptions, RulePackError, build_ruleset, clean
    from newsclean.cleaners.model import Cleaned
    from newsclean.cleaners.pipeline import unbroken_notice
    from newsclean.flows.sources.readers import not_gzip
    from newsclean.flows.sources.urls import source_url_problem
    from newsclean.flows.storage.layout import record_kind

    if args.source is not None and (problem := source_url_problem(args.source)):
        return _error(problem, EXIT_USAGE)
    # A record file holds many articles: cleaned whole it would print its raw JSON as "clean".
    if args.file != "-" and (kind := record_kind(args.file)) and Path(args.file).is_file():
        return _error(f"{args.file} is a record file ({kind}): to clean its records: "
                      f"newsclean run {args.file} DEST", EXIT_USAGE)
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except IsADirectoryError:
        return _error(f"cannot read {args.file}: it is a folder (to clean a folder: "
                      f"newsclean run {args.file} DEST)", EXIT_USAGE)  # the wrong command
    except FileNotFoundError as exc:
        if urlsplit(args.file).scheme:  # "s3://bucket/key.txt", "https://…": not a local file
            return _error(f"cannot read {args.file}: clean reads a local file or stdin (to clean "
                          f"a store's or a site's pages: newsclean run s3://BUCKET/PREFIX DEST, "
                          f"newsclean fetch URLS.txt DEST)", EXIT_USAGE)
        return _error(f"cannot read {args.file}: {exc.strerror}{did_you_mean(args.file)}")
    except OSError as exc:
        return _error(f"cannot read {args.file}: {exc.strerror}")
    try:
        rules = build_ruleset(args.rules)
    except RulePackError as exc:
        return _error(str(exc), EXIT_USAGE)
    if args.file != "-" and (refused := not_gzip(args.file, raw)):  # as `run` refuses it
        result = Cleaned.rejected(refused)
    else:
        result = clean(raw, source=args.source or args.file,
                       options=CleanOptions(rules=rules, format_hint=args.format))
    if args.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.explain:
        _explain(result)
    elif result.status == "cleaned":
        print(result.text)
    # a guessed charset, a page saved with no line breaks: one line each on stderr, in every
    # output mode
    for warning in filter(None, (result.warning, unbroken_notice(result.stats))):
        sys.stdout.flush()
        _say("warning", f"{args.file}: {warning}")
    if result.status != "cleaned":  # on stderr whatever the output mode: stdout may be a file
        sys.stdout.flush()  # named: in a shell loop over files the line must say which
        _say(result.status, f"{args.file}: {result.reason}")
        return EXIT_NOT_CLEANED
    return EXIT_OK


# Characters of a removed line `clean --explain` shows in its table: a removed paragraph
# would fill the terminal; `--json` carries every removal whole.
_EXPLAIN_WIDTH = 200


def _explain(result) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    console = Console()
    # what is known of the document: a page refused before it was read has no format or
    # encoding (they printed as "unknown, None")
    known = [x for x in (result.format, result.encoding) if x and x != "unknown"]
    status = f"{result.status}: {result.reason}" if result.reason else str(result.status)
    # the document's own words are text, never console markup: "[news](/news)" or a title
    # holding "[/reopens]" would be eaten or crash the print
    console.print(f"[bold]{escape(result.title or '(no title)')}[/bold]  "
                  f"[dim]{escape(', '.join([*known, status]))}[/dim]", soft_wrap=True)
    if not result.removed and not result.stats:  # refused before it was read: nothing to show
        return
    # in page order (HTML blocks have no line number: they come first, as the extractor
    # found them), with the line model's score where the model dropped the line
    in_order = sorted(result.removed, key=lambda r: (r.line is not None, r.line or 0))
    rules = [r.rule if r.score is None else f"{r.rule} (p={r.score:.2f})" for r in in_order]
    table = Table(show_lines=False, expand=True)
    # a text dump's removals stand on a line; an HTML page's blocks in a region of the page
    # (its header, the body outside the article, the article's paragraphs)
    table.add_column("line" if result.format == "text" else "where", no_wrap=True)
    # a rule id is what an operator looks up or disables: shown whole, the text wraps instead
    table.add_column("rule", no_wrap=True, min_width=max(map(len, rules), default=4))
    table.add_column("removed text", ratio=1)
    for r, rule in zip(in_order, rules, strict=True):
        text = r.text if len(r.text) <= _EXPLAIN_WIDTH else r.text[:_EXPLAIN_WIDTH - 1] + "…"
        table.add_row(str(r.line) if r.line is not None else r.where or "", Text(rule),
                      Text(text))
    if result.removed:
        console.print(table)
    if cut := sum(len(r.text) > _EXPLAIN_WIDTH for r in in_order):
        console.print(f"[dim]{cut} removed line(s) cut at {_EXPLAIN_WIDTH} characters: "
                      "--json shows them whole[/dim]")
    n = len(result.removed)
    console.print(f"{n} removal{'s' if n != 1 else ''}; {result.stats.get('words_out', 0)} of "
                  f"{result.stats.get('words_in', 0)} words kept")


def _quiet_prefect(verbose: bool) -> None:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    if not verbose:
        # Console only: the API (and so the UI) still gets every log line.
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_FLOW_RUNS_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_TASK_RUNS_LEVEL", "WARNING")


def _store_and_review(args):
    """The S3 connection and review policy from the flags `run` and `fetch` share."""
    from newsclean.flows.storage.settings import S3Settings
    from newsclean.flows.work.batch import ReviewPolicy

    s3 = S3Settings(endpoint_url=args.endpoint_url, region=args.region, profile=args.profile)
    review = ReviewPolicy(**{k: v for k, v in {
        "max_removed_share": args.review_max_removed,
        "min_words": args.review_min_words}.items() if v is not None})
    return s3, review


# CLI flags of the flow parameters, so a refusal names what the operator typed.
_RUN_FLAGS = {"source": "SOURCE", "dest": "DEST", "batch_size": "--batch-size",
              "workers": "--workers", "limit": "--limit", "key_prefix": "--prefix",
              "include": "--include", "since": "--since", "shard_size": "--shards",
              "rules": "--rules", "dask_address": "--dask-address", "urls_file": "URLS",
              "review": "--review-*", "limits": "--max-seconds", "fetch": "fetch option",
              "allow_networks": "--allow-network"}


def _run(args, server=None) -> int:
    _quiet_prefect(args.verbose)
    from pydantic import ValidationError

    try:
        s3, review = _store_and_review(args)
    except ValidationError as exc:
        return _error(_first_error(exc), EXIT_USAGE)
    if args.dask_address and args.task_runner != "dask":
        return _error("--dask-address needs --task-runner dask", EXIT_USAGE)
    if args.task_runner == "dask" and importlib.util.find_spec("prefect_dask") is None:
        return _error("--task-runner dask needs prefect-dask: pip install 'newsclean[dask]'",
                      EXIT_USAGE)
    params = dict(source=args.source, dest=args.dest, rules=args.rules,
                  batch_size=args.batch_size, workers=args.workers, dry_run=args.dry_run,
                  limit=args.limit, key_prefix=args.prefix, review=review, s3=s3,
                  task_runner=args.task_runner, dask_address=args.dask_address,
                  since=args.since, shard_size=args.shards)
    if args.include or args.also_include:
        from newsclean.flows.storage.layout import DEFAULT_INCLUDE

        params["include"] = [*(args.include or DEFAULT_INCLUDE), *(args.also_include or ())]
    fields = {name: getattr(args, f"{name}_field") for name in _RECORD_FIELDS}
    if any(fields.values()):
        from newsclean.flows.sources.readers import RecordFields

        params["records"] = RecordFields(**{k: v for k, v in fields.items() if v})
    if args.max_seconds is not None:
        from newsclean.flows.work.batch import DocumentLimits

        try:
            params["limits"] = DocumentLimits(max_seconds=args.max_seconds)
        except ValidationError as exc:
            return _error(_first_error(exc), EXIT_USAGE)
    refused = _preflight("clean", params, s3, source=args.source, dest=args.dest)
    if refused is not None:
        return refused
    return _run_flow(params, server=server, verbose=args.verbose, as_json=args.json)


def _preflight(which: str, params: dict, s3, *, source: str | None, dest: str) -> int | None:
    """Everything that can be checked before Prefect starts, in the order an operator
    fixes it: the options (exit 2), the rule packs (exit 2), then the stores (exit 1).
    None: go."""
    from newsclean.cleaners.rules import RulePackError
    from newsclean.flows.orchestration.params import BadRun, check_locations, check_parameters
    from newsclean.flows.storage.backends import LocalStorage, StorageError, open_source, open_store
    from newsclean.flows.storage.layout import RUN_DIRS

    if which == "fetch":
        from newsclean.flows.orchestration.fetch_flow import fetch_and_clean as run_flow
    else:
        from newsclean.flows.orchestration.clean_flow import clean_articles as run_flow
    from newsclean.flows.orchestration.clean_flow import load_packs

    try:
        check_parameters(run_flow, params, _RUN_FLAGS)
        if source is not None:
            check_locations(source, dest)
    except BadRun as exc:
        return _error(str(exc), EXIT_USAGE)
    try:
        load_packs(params.get("rules") or [], s3)
    except RulePackError as exc:
        return _error(str(exc), EXIT_USAGE)
    except (StorageError, OSError) as exc:
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        return _error(f"cannot read rule pack{where}: {getattr(exc, 'strerror', None) or exc}",
                      EXIT_USAGE)
    try:
        if source is not None:  # a missing local source was refused in `main`
            src = open_source(source, s3)
            src.check_reachable(quick=True)
            if which == "clean" and not params.get("since"):
                nothing = _nothing_under(src, params)
                if nothing:
                    return _error(nothing)
        store = open_store(dest, s3)
        if not isinstance(store, LocalStorage):
            store.check_reachable(quick=True)
        elif not params.get("dry_run"):  # the run makes the folder and writes in it: can it?
            store.make_root(probe=True)
            store.check_writable(RUN_DIRS)
    except StorageError as exc:
        return _error(str(exc))
    return None


def _nothing_under(src, params: dict) -> str | None:
    """A full run over a source with no input fails; said before Prefect starts, in the
    words the flow would use (an incremental --since run is not checked: it may rightly
    find nothing). Stops at the first input, so a full source costs one listing page."""
    from collections import Counter

    from newsclean.flows.orchestration.report import RunSummary
    from newsclean.flows.storage.layout import (
        DEFAULT_INCLUDE,
        is_included,
        is_own_output,
        skip_reason,
    )

    include = tuple(params.get("include") or DEFAULT_INCLUDE)
    skipped: Counter = Counter()
    for o in src.iter_objects(params.get("key_prefix") or ""):
        if is_included(o.key, include, getattr(src, "single", None)):
            return None
        if not is_own_output(o.key):
            skipped[skip_reason(o.key)] += 1
    summary = RunSummary(source=src.url, dest="", run_id="", manifest=None, skipped=skipped,
                         key_prefix=params.get("key_prefix") or "")
    return summary.nothing_found()


def _missing_source(source: str) -> str | None:
    """The error for a local source that does not exist (with a close name that does, if
    any); None for one that exists and for a URL of any scheme (`s3://`, a mistyped `s3:/`,
    `ftp://`: the run's parameter check and the store answer for those)."""
    if urlsplit(source).scheme or Path(source).exists():
        return None
    return f"no such file or folder: {source}{did_you_mean(source)}"


def _sample_size(value: str) -> int:
    """`--limit N`: 1 or more. (The flow's form reads 0 as "all inputs"; on the command line
    that is leaving --limit out, and `--limit 0` cleaning everything surprised a user.)"""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(
            f"{n}: a sample is 1 input or more (leave --limit out to clean every input)")
    return n


def _since(value: str):
    """`--since`: an ISO date/time (UTC unless zoned) or an age back from now (36h, 2d, 90m)."""
    from datetime import UTC, datetime, timedelta

    units = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
    value = value.strip()
    if value[:-1].isdigit() and value[-1:].lower() in units:
        return datetime.now(UTC) - timedelta(**{units[value[-1].lower()]: int(value[:-1])})
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r}: give an ISO date or time (2026-11-24, 2026-11-24T02:30Z) or an age "
            "(36h, 2d)") from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _fetch(args, server=None) -> int:
    _quiet_prefect(args.verbose)
    from pydantic import ValidationError

    from newsclean.flows.sources.fetch import FetchPolicy
    from newsclean.flows.storage.backends import StorageError, open_source

    try:
        s3, review = _store_and_review(args)
        policy = FetchPolicy(**{k: v for k, v in {
            "concurrency": args.concurrency, "per_host_rate": args.per_host_rate,
            "timeout": args.timeout, "retries": args.retries, "max_bytes": args.max_bytes,
            "max_redirects": args.max_redirects,
            "own_sites": tuple(args.own_site) or None}.items() if v is not None})
        if not getattr(open_source(args.urls, s3), "single", None):  # before Prefect starts
            return _error(f"no such URL file: {args.urls}")
    except ValidationError as exc:
        return _error(_first_error(exc), EXIT_USAGE)
    except StorageError as exc:
        return _error(str(exc))
    params = dict(dest=args.dest, urls_file=args.urls, allow_private=args.allow_private,
                  allow_networks=args.allow_network, refetch=args.refetch, fetch=policy,
                  rules=args.rules, batch_size=args.batch_size, review=review,
                  shard_size=args.shards, s3=s3)
    refused = _preflight("fetch", params, s3, source=None, dest=args.dest)
    if refused is not None:
        return refused
    return _run_flow(params, "fetch", server, verbose=args.verbose, as_json=args.json)


def _serve(args) -> int:
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    from prefect.settings import get_current_settings

    from newsclean.flows.orchestration.deployments import DeploymentFileError, default_prefect_file, serve

    if not get_current_settings().api.url:
        # Without a server of its own, serve would start a temporary one on a random port:
        # no UI address to open, and its deployments and schedules gone when it stops.
        return _error("serve needs a Prefect server that outlives it: start one (prefect "
                      "server start) and set PREFECT_API_URL=http://127.0.0.1:4200/api",
                      EXIT_USAGE)
    path = Path(args.prefect_file) if args.prefect_file else default_prefect_file()
    try:
        serve(path, limit=args.limit)
    except DeploymentFileError as exc:
        return _error(str(exc), EXIT_USAGE)
    return EXIT_OK


# A JSONL/CSV record's fields, each given by a --NAME-field flag (readers.RecordFields).
_RECORD_FIELDS = ("id", "text", "url", "title", "author", "date")

# The flags behind the fields of the option models (review, limits, fetch, S3).
_OPTION_FLAGS = {"max_removed_share": "--review-max-removed", "min_words": "--review-min-words",
                 "max_seconds": "--max-seconds", "endpoint_url": "--endpoint-url",
                 "concurrency": "--concurrency", "per_host_rate": "--per-host-rate",
                 "timeout": "--timeout", "retries": "--retries", "max_bytes": "--max-bytes",
                 "max_redirects": "--max-redirects"}


def _first_error(exc) -> str:
    from newsclean.flows.orchestration.params import describe_error

    return describe_error(exc, _OPTION_FLAGS)


def _run_flow(params: dict, which: str = "clean", server=None, *, verbose: bool = False,
              as_json: bool = False) -> int:
    """Run the clean (or fetch) flow with `params`: progress and summary on stderr, and with
    `as_json` the summary as one JSON object on stdout, for a script to read."""
    from prefect.exceptions import ParameterTypeError
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    from newsclean.flows.orchestration import progress
    from newsclean.flows.orchestration.local_server import ServerDidNotStart

    if which == "fetch":
        from newsclean.flows.orchestration.fetch_flow import fetch_and_clean as run_flow
    else:
        from newsclean.flows.orchestration.clean_flow import clean_articles as run_flow

    if not verbose:
        _console_without_tracebacks()
    console = Console(stderr=True)
    verb = "fetching" if which == "fetch" else "cleaning"
    bar = Progress(SpinnerColumn(), TextColumn(f"[bold]{verb}[/bold]"), BarColumn(),
                   MofNCompleteColumn(), TextColumn("{task.fields[counts]}"),
                   console=console, transient=False)
    with bar:
        tid = bar.add_task("clean", total=None, counts="starting Prefect…")
        limit = params.get("limit")

        def sink(done: int, statuses: dict[str, int]) -> None:
            counts = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items()))
            bar.update(tid, completed=done, total=limit, counts=counts)

        try:
            if server is not None:
                server.go(meanwhile=_flow_imports)
        except ServerDidNotStart as exc:
            return _error(str(exc))
        with progress.watching(sink):
            try:
                state = run_flow(**params, return_state=True)
            except ParameterTypeError as exc:
                return _error(str(exc).splitlines()[0], EXIT_USAGE)
        done = bar.tasks[0].completed
        # nothing cleaned (a run that failed at the start, an empty --since night): no
        # "0/1 starting Prefect…" line left standing above what happened
        if done:
            bar.update(tid, total=done)
        else:
            bar.update(tid, visible=False)
    if not state.is_completed():
        if state.is_failed() and state.message and "exception" not in state.message.lower():
            return _error(state.message.splitlines()[0])  # the flow's own one-line refusal
        try:
            state.result()
        except Exception as exc:  # the flow's own failure, shown in one line
            return _error(f"run failed: {_one_line(exc)}")
        return _error(f"run ended {state.type.value.lower()}")
    summary = state.result()
    _print_summary(console, summary, "fetch" if which == "fetch" else "run")
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
    return EXIT_OK


def _one_line(exc: BaseException) -> str:
    """A mid-run failure in one line: our own errors (a store that failed, a file that
    vanished) say what failed in words; anything else is named by its type."""
    from newsclean.flows.storage.backends import StorageError, os_error_line

    if isinstance(exc, OSError) and exc.strerror:  # not "[Errno 20] Not a directory: '…'"
        return os_error_line(exc)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, StorageError) and text:
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class _NoTracebacks(logging.Filter):
    """Prefect logs a failed flow or task run with its traceback ("Encountered exception
    during execution: …", "Task run failed with exception: …"), the batch a document's
    unexpected error, and the flow its own "run stopped: …" line; on the CLI's console a
    failed run ends in one `newsclean: error:` line instead, and a failed batch or
    document is a manifest line. The extraction libraries' records about a page
    (trafilatura's "discarding data: None", and at ERROR "parsed tree length: 0, wrong data
    type or not valid HTML" for a record of "<p>ok</p>", which fresh-user check #6 read as
    the run failing) are the document's business too: its manifest line says. The records
    still reach Prefect's API (the run's logs in the UI keep the tracebacks); `-v` shows
    them here."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "prefect.task_runs":  # a batch's fate: the progress line, the manifest
            return False
        if record.name.split(".")[0] in _EXTRACTORS:
            return False
        if record.name == "prefect.flow_runs" and record.levelno >= logging.ERROR:
            return False  # the run's failure: the CLI's own last line says it
        return not (record.exc_info and record.name.split(".")[0] in ("prefect", "newsclean"))


# The libraries `clean()` extracts HTML with, which log about the pages they read.
_EXTRACTORS = frozenset(("trafilatura", "readability", "htmldate", "courlan", "justext"))


def _console_without_tracebacks() -> None:
    from prefect.logging.handlers import PrefectConsoleHandler

    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler) and not any(
                isinstance(f, _NoTracebacks) for f in handler.filters):
            handler.addFilter(_NoTracebacks())


def _print_summary(console, summary: dict, command: str = "run") -> None:
    from rich.table import Table

    from newsclean.flows.orchestration.report import charset_line, markdown_hint

    if summary.get("warning"):
        _say("warning", summary["warning"])
    # The run id on a line of its own: a table title wraps it when not on a terminal.
    console.print(f"newsclean {command} {summary['run_id']}", markup=False, soft_wrap=True)
    table = Table(show_header=True)
    table.add_column("status")
    table.add_column("documents", justify="right")
    for status, n in sorted(summary["statuses"].items()):
        table.add_row(status, str(n))
    table.add_row("[bold]total[/bold]", f"[bold]{summary['inputs']}[/bold]")
    console.print(table)
    if reasons := summary.get("reasons"):
        shown = sum(n for _, _, n, _ in reasons)
        console.print("why not cleaned" + (" (the most frequent; the manifest has each)"
                                           if shown < summary["not_cleaned"] else "") + ":")
        for status, reason, n, docs in reasons:
            named = ", ".join(docs) + (", …" if n > len(docs) else "")
            console.print(f"  {status} {n}: {reason}" + (f" ({named})" if docs else ""),
                          markup=False, soft_wrap=True)
        if shown < summary["not_cleaned"]:  # the list stops: say how much it leaves out
            console.print(f"  and {summary['not_cleaned'] - shown} more for other reasons "
                          "(the manifest has each)", markup=False, soft_wrap=True)
    if held := summary.get("held"):  # cleaned but not published: why, document by document
        n_held = summary["statuses"].get("needs_review", len(held))
        where = "would go to" if summary.get("dry_run") else "in"
        console.print(f"held for review ({where} {summary['review_dir']}"
                      + (f"; the first {len(held)} of {n_held}, the manifest has each"
                         if n_held > len(held) else "") + "):", markup=False, soft_wrap=True)
        for doc in held:
            console.print(f"  needs_review {doc['key']}: {doc['reason']}", markup=False,
                          soft_wrap=True)
    if n := summary.get("charset_guessed"):
        console.print(charset_line(n, summary.get("charset_docs") or []), markup=False,
                      soft_wrap=True)
    fams = summary.get("removed_by_family") or {}
    if fams:
        console.print("removed: " + ", ".join(f"{f} {n}" for f, n in
                                              sorted(fams.items(), key=lambda kv: -kv[1])),
                      soft_wrap=True)
    if summary.get("sampled_of") is not None:
        console.print(f"--limit: the first {summary.get('sampled')} of "
                      f"{summary['sampled_of']} files (key order), {summary['inputs']} "
                      "inputs in them", markup=False, soft_wrap=True)
    if skipped := summary.get("skipped"):
        console.print(f"skipped by the include patterns: {sum(skipped.values())} ("
                      + ", ".join(f"{r} {n}" for r, n in sorted(skipped.items(),
                                                                key=lambda kv: -kv[1]))
                      + "): not inputs, in no manifest line", markup=False, soft_wrap=True)
        if hint := markdown_hint(skipped):
            console.print(hint, markup=False, soft_wrap=True)
    if summary.get("manifest"):
        console.print(f"clean copies: {summary['dest']}", markup=False, soft_wrap=True)
        console.print(f"manifest:     {summary['manifest']}", markup=False, soft_wrap=True)
    elif summary.get("dry_run"):
        console.print(f"dry run: nothing written (clean copies would go to {summary['dest']})",
                      markup=False, soft_wrap=True)
    else:
        console.print("nothing written")


if __name__ == "__main__":
    sys.exit(main())
