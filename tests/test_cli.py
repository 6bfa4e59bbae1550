"""The `newsclean` command as a user types it: the README's paths and clear errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, SEED_FILE, SEEDS

# a story as a Markdown dump: a heading, the lead and two paragraphs
MARKDOWN_STORY = (
    "# Harbor ferry fares rise for the first time in a decade\n\n"
    "The harbor ferry will charge $4.25 a ride from July, up from $3.50, the transit board "
    "decided on Tuesday after a two-hour hearing that drew more than sixty residents.\n\n"
    "Board members said fuel and crew costs had risen by a third since the last increase, "
    "and that the fare would still cover less than half of what each crossing costs.\n\n"
    "Commuters who ride daily will be able to buy a monthly pass for $95, the board said.\n")

NEWSCLEAN = [sys.executable, "-m", "newsclean.flows.cli"]


STORY_SENTENCES = [
    "Ferry service between Port Ellis and Gull Island resumed on Monday after three days of "
    "cancellations caused by the storm, the county transit authority said.",
    "The first boat left the Port Ellis terminal at 6:15 a.m. with about 40 passengers and a "
    "delivery of groceries for the island's two shops.",
    "Crews spent the weekend repairing a damaged ramp at the island's dock, which had been "
    "lifted off its supports by high waves on Friday night.",
    "The authority said the regular timetable would apply for the rest of the week.",
]


def _run(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSCLEAN, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def test_clean_prints_the_body():
    out = _run("clean", str(SEED_FILE))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("The United States secret service")
    assert "Leave a Reply" not in out.stdout


def test_newsclean_alone_shows_its_commands():
    """A fresh user typing `newsclean` alone got one line, "the following arguments are
    required: COMMAND": the usage with every command is what they needed."""
    out = _run()
    assert out.returncode == 2
    assert all(cmd in out.stderr for cmd in ("clean", "run", "fetch", "eval", "serve"))


def test_explain_prints_the_documents_brackets_as_text(tmp_path):
    """Removed lines and titles are the document's words, not console markup: "[news]" was
    eaten and a title holding "[/reopens]" crashed --explain (a new user's report)."""
    page = tmp_path / "reader.md"
    page.write_text("Title: Bridge [/reopens] after repairs\n\nMarkdown Content:\n"
                    "* [news](/news)\n* [weather](/weather)\n\nThe bridge reopened on Monday "
                    "after eight months of repairs, the city said in a statement.\n")
    out = _run("clean", str(page), "--explain")
    assert out.returncode == 0, out.stderr
    assert "Bridge [/reopens] after repairs" in out.stdout
    assert "* [news](/news)" in out.stdout and "* [weather](/weather)" in out.stdout


def test_clean_of_a_mistyped_path_says_which_file_was_meant():
    out = _run("clean", "seedz/" + SEED_FILE.name)
    assert out.returncode == 1
    assert out.stderr.strip() == (f"newsclean: error: cannot read seedz/{SEED_FILE.name}: No such "
                                  f"file or directory (did you mean seeds/{SEED_FILE.name}?)")


def test_a_mistyped_path_is_not_mended_into_another_missing_one():
    # "seedz/nothing.txt" -> "seeds/nothing.txt", which is not there either, was offered
    out = _run("clean", "seedz/nothing.txt")
    assert out.returncode == 1
    assert out.stderr.strip() == ("newsclean: error: cannot read seedz/nothing.txt: No such file "
                                  "or directory")


def test_run_of_a_mistyped_folder_is_refused_before_prefect_is_imported():
    # said after Prefect's import, the one-line error took 8-10 s on a loaded machine
    code = ("import sys; from newsclean.flows.cli import main; "
            "rc = main(['run', 'seedz/', '/tmp/never-made']); "
            "print(rc, 'prefect' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "NEWSCLEAN_SERVER_IDLE_SECONDS": "0"}, timeout=120)
    assert out.stdout.split() == ["1", "False"], out.stderr
    assert out.stderr.strip() == ("newsclean: error: no such file or folder: seedz/ (did you "
                                  "mean seeds/?)")


def test_a_source_folder_with_two_letters_swapped_is_offered(tmp_path):
    # "scr/" for "src/": difflib's ratio for three letters is under its cutoff (fresh user)
    (tmp_path / "src").mkdir()
    out = subprocess.run([*NEWSCLEAN, "run", "scr/", "out/"], capture_output=True, text=True,
                         cwd=tmp_path, timeout=120)
    assert out.returncode == 1
    assert out.stderr.strip() == ("newsclean: error: no such file or folder: scr/ (did you "
                                  "mean src/?)")


def test_clean_json_has_title_text_and_removals():
    out = _run("clean", str(SEED_FILE), "--json")
    data = json.loads(out.stdout)
    assert data["title"].startswith("North Korea Building")
    assert data["text"].startswith("The United States")
    rules = [r["rule"] for r in data["removed"]]
    assert "comments.akismet" in rules
    assert all({"rule", "text", "family"} <= set(r) for r in data["removed"])


def test_clean_explain_shows_each_removed_line_beside_its_rule():
    out = _run("clean", str(SEED_FILE), "--explain", env={"COLUMNS": "200"})
    assert out.returncode == 0
    for rule in ("subscribe.push-updates-prompt", "cross-link.labelled-headline",
                 "comments.wordpress-leave-a-reply", "comments.akismet"):
        assert rule in out.stdout
    assert "Leave a Reply" in out.stdout


def test_clean_explain_on_html_says_where_each_block_stood(tmp_path):
    # a new user: the "line" column was blank for every row of an HTML page
    page = tmp_path / "p.html"
    page.write_text("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
                    "<article><h1>Flood plan approved</h1><p>The council approved the flood "
                    "plan on Tuesday after three winters of flooding in the riverside areas."
                    "</p><p>Work is due to begin in September and take about three years, the "
                    "council said.</p></article><footer>© 2026 Daily Herald</footer></body>"
                    "</html>")
    out = _run("clean", str(page), "--explain", env={"COLUMNS": "200"})
    assert out.returncode == 0
    header = next(line for line in out.stdout.splitlines() if "rule" in line)
    assert "where" in header and "line" not in header
    rows = [line for line in out.stdout.splitlines() if "extract." in line]
    assert rows and all(line.split("│")[1].strip() for line in rows if "│" in line)


def test_clean_reads_stdin_and_takes_operator_packs():
    doc = (b"Headline Of The Day\n\nDownload the Daily Herald app today!\n\n"
           b"The council met on Tuesday and approved the budget after a long debate.\n")
    out = subprocess.run([*NEWSCLEAN, "clean", "-", "--json", "--source",
                          "https://dailyherald.example/news/1", "--rules",
                          str(SEEDS / "packs" / "example-site.toml")],
                         input=doc, capture_output=True, cwd=ROOT, timeout=60)
    data = json.loads(out.stdout)
    assert [r["rule"] for r in data["removed"]][-1] == "promo.dailyherald-app"


def test_clean_exits_3_on_a_document_it_rejects(tmp_path):
    page = tmp_path / "gallery.html"
    page.write_text("<html><body><img src='a.jpg'></body></html>")
    out = _run("clean", str(page))
    assert out.returncode == 3
    assert out.stderr.startswith("newsclean: empty:") or out.stderr.startswith("newsclean: rejected:")
    assert out.stdout == ""
    assert "3  rejected (a corrupt or truncated .gz" in _run("clean", "--help").stdout


def test_clean_rejects_a_truncated_gzip_in_one_line_and_says_it_is_not_unreadable(tmp_path):
    import gzip

    dump = tmp_path / "story.txt.gz"
    dump.write_bytes(gzip.compress(SEED_FILE.read_bytes())[:60])
    out = _run("clean", str(dump))
    assert out.returncode == 3  # the file was read; its content is refused (exit 1 is unreadable)
    assert out.stderr == (f"newsclean: rejected: {dump}: truncated gzip: the compressed stream "
                          "ends early\n")
    assert out.stdout == ""


@pytest.mark.parametrize("mode", [[], ["--json"], ["--explain"]], ids=["text", "json", "explain"])
@pytest.mark.parametrize("content", [SEED_FILE.read_bytes(), b""], ids=["text", "empty"])
def test_clean_rejects_a_gz_that_is_not_gzip_in_one_line(tmp_path, mode, content):
    """A text saved under a .gz name was read as text and cleaned as if nothing were wrong
    (a fresh user's check): the name promises gzip, so the file is refused, as `run`
    refuses it (test_a_run_over_broken_inputs_records_each_and_goes_on)."""
    dump = tmp_path / "story.txt.gz"
    dump.write_bytes(content)
    out = _run("clean", str(dump), *mode)
    assert out.returncode == 3
    found = "its bytes are not gzip" if content else "it is empty"
    reason = f"not gzip: named .gz but {found} (already decompressed? rename it without .gz)"
    assert out.stderr == f"newsclean: rejected: {dump}: {reason}\n"
    if mode == ["--json"]:
        assert (json.loads(out.stdout)["status"], json.loads(out.stdout)["reason"]) == (
            "rejected", reason)
    elif not mode:
        assert out.stdout == ""


def test_version_and_run_help_with_examples_exit_codes_and_the_default_include():
    from newsclean.flows.storage.layout import DEFAULT_INCLUDE

    out = _run("--version")
    assert out.returncode == 0 and out.stdout.strip() == "newsclean 0.1.0"
    text = " ".join(_run("run", "--help", env={"COLUMNS": "100"}).stdout.split())
    assert "examples: newsclean run seeds/ /tmp/clean" in text
    assert "exit codes: 0 the run completed" in text and "2 bad options" in text
    include_help = text.split("--include GLOB file-name", 1)[1].split("--since WHEN", 1)[0]
    for pattern in DEFAULT_INCLUDE:  # every default pattern is named, plainly or as "also .gz"
        base = pattern.removesuffix(".gzip").removesuffix(".gz") if pattern.endswith(
            (".gz", ".gzip")) and not pattern.endswith((".jsonl.gz", ".ndjson.gz", ".csv.gz",
                                                         ".warc.gz")) else pattern
        assert base in include_help, pattern
    assert "each also .gz/.gzip" in include_help


def test_eval_help_says_json_takes_a_path_or_prints_the_scores():
    """`eval --json PATH` writes a file; `--json` alone, as `clean --json` is a flag, prints
    the scores on stdout (a fresh user's `eval DIR --json` failed: "expected one argument")."""
    text = " ".join(_run("eval", "--help", env={"COLUMNS": "100"}).stdout.split())
    assert "--json [PATH] write all scores (per case too) as JSON to the file PATH" in text
    assert "without PATH, print them on stdout instead of the table" in text
    assert "--out DIR" in text


def test_eval_json_alone_prints_the_scores_as_json(tmp_path):
    case = tmp_path / "set" / "c1"
    case.mkdir(parents=True)
    (case / "gold.txt").write_text("The council approved the new bridge on Tuesday.\n")
    (case / "raw.txt").write_text("Home\nNews\nThe council approved the new bridge on Tuesday.\n")
    out = _run("eval", str(tmp_path / "set"), "--input", "text", "--json")
    assert out.returncode == 0, out.stderr
    scores = json.loads(out.stdout)
    assert scores["rows"][0]["extractor"] == "newsclean" and "c1" in scores["per_case"]["newsclean"]


def test_clean_does_not_import_prefect_or_boto3():
    code = ("import sys; from newsclean.flows.cli import main; main(['clean', sys.argv[1]]); "
            "assert 'prefect' not in sys.modules and 'boto3' not in sys.modules, 'heavy import'")
    out = subprocess.run([sys.executable, "-c", code, str(SEED_FILE)], capture_output=True,
                         text=True, cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["clean", "/no/such/file.txt"], 1, "cannot read /no/such/file.txt"),
        (["clean", str(SEEDS)], 2, f"it is a folder (to clean a folder: newsclean run {SEEDS} DEST)"),
        (["clean", str(SEED_FILE), "--rules", "/no/pack.toml"], 2, "cannot read rule pack"),
        # a text dump forced through the HTML path said "no text in the document"
        (["clean", str(SEED_FILE), "--format", "html"], 3, "no HTML markup in the document"),
        (["clean", str(SEED_FILE), "--rules", "de"], 2,  # a shipped pack's name, as a path
         "(a rule pack is a TOML file of [[rules]], given by its path"),
        # a page URL without its scheme names no host: site rules silently never fired
        (["clean", str(SEED_FILE), "--source", "dailyherald.example/story.html"], 2,
         "--source dailyherald.example/story.html: not an http(s) URL (site rules need the "
         "page's URL: https://dailyherald.example/story.html)"),
        (["clean", str(SEED_FILE), "--source", "www.dailyherald.example"], 2,
         "(site rules need the page's URL: https://www.dailyherald.example)"),
        (["clean", str(SEED_FILE), "--source", "not a url"], 2,
         "--source 'not a url': not an http(s) URL (site rules need the page's URL, like "),
        # read as a missing local file: "No such file or directory"
        (["clean", "s3://bucket/key.txt"], 2,
         "cannot read s3://bucket/key.txt: clean reads a local file or stdin"),
        (["run", "/no/such/folder", "/tmp/x"], 1, "no such file or folder: /no/such/folder"),
        (["run", str(SEEDS).rstrip("/") + "z/", "/tmp/x"], 1, f"(did you mean {SEEDS}/?)"),
        (["run", str(SEEDS), "/tmp/x", "--rules", "/no/pack.toml"], 2,
         "cannot read rule pack /no/pack.toml: No such file or directory"),
        (["run", str(SEEDS), "/tmp/x", "--rules", "de"], 2,  # the same words as clean's
         "cannot read rule pack de: No such file or directory (a rule pack is a TOML file"),
        (["run", "ftp://x/y", "/tmp/x"], 2, "'ftp:' is not supported"),
        # a folder that cannot be made: refused before Prefect starts, not after ("cleaning
        # 0/1 starting Prefect…" above the same line)
        (["run", str(SEEDS), "/proc/nope/x"], 1,
         "newsclean: error: cannot create /proc/nope/x: No such file or directory"),
        (["run", str(SEEDS), "/tmp/x", "--review-max-removed", "7"], 2,
         "--review-max-removed 7.0: must be at most 1.0"),
        (["run", str(SEEDS), "/tmp/x", "--review-max-removed", "60"], 2,
         "--review-max-removed 60.0: must be at most 1.0 (a share, not a percentage: 0.6 is 60 %)"),
    ],
)
def test_errors_are_one_line_without_traceback(args, code, message):
    out = _run(*args)
    assert out.returncode == code
    assert message in out.stderr
    assert "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("name", "kind"), [
    ("two.jsonl", "JSONL"), ("x.jsonl.gz", "JSONL"), ("d.ndjson.zst", "JSONL"),
    ("export.csv", "CSV"), ("crawl.warc.gz", "WARC")])
def test_clean_refuses_a_record_file_and_names_run(tmp_path, name, kind):
    """A record file cleaned as one document printed its raw JSON as "cleaned" (a new
    user's report): refused in one line, with the command that cleans its records."""
    path = tmp_path / name
    path.write_bytes(b'{"id": 1, "text": "hello"}\n{"id": 2, "text": "world"}\n')
    out = _run("clean", str(path))
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.strip() == (f"newsclean: error: {path} is a record file ({kind}): to "
                                  f"clean its records: newsclean run {path} DEST")


def test_clean_rejects_a_json_document_in_one_line(tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"title": "Flood plan approved", "body": "The council approved it."}')
    out = _run("clean", str(path))
    assert out.returncode == 3 and out.stdout == ""
    assert out.stderr.startswith(f"newsclean: rejected: {path}: not a page: a JSON document")
    assert len(out.stderr.strip().splitlines()) == 1


@pytest.mark.prefect
def test_run_seeds_into_a_folder_like_the_readme(tmp_path, prefect_api):
    from prefect.settings import PREFECT_API_URL

    dest = tmp_path / "clean"
    out = _run("run", "seeds/", str(dest), env={"PREFECT_API_URL": PREFECT_API_URL.value()},
               timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "cleaned" in out.stderr and "manifest:" in out.stderr
    assert (dest / "000_acdfea4e7fcc7ad0.txt").exists()
    n_inputs = len([p for p in SEEDS.iterdir() if p.is_file() and p.name[0].isdigit()])
    manifest = next((dest / "_manifests").glob("*.jsonl")).read_text().splitlines()
    assert len(manifest) == n_inputs
    assert all(json.loads(m)["status"] in ("cleaned", "needs_review") for m in manifest)
    assert not Path(dest / "packs").exists()


# What an operator mistypes, refused before Prefect starts (no server, no Prefect log):
# exit 2 and one line that says what to type instead.
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "seeds", "seeds/clean"],
         "destination seeds/clean is inside the source seeds: the next run would clean its "
         "own outputs"),
        (["run", "seeds/../seeds/", "seeds"], "destination seeds is inside the source"),
        (["run", "seeds/packs", "seeds"], "source seeds/packs is inside the destination seeds"),
        # one file: its clean copy would have been written over it (a user's report)
        (["run", "seeds/001_senate-farm-bill-stalls.txt", "seeds"],
         "source seeds/001_senate-farm-bill-stalls.txt is inside the destination seeds: its "
         "clean copy would be written over it"),
        (["run", "seeds/001_senate-farm-bill-stalls.txt", "."], "is inside the destination ."),
        (["run", "s3://raw/dumps/", "s3://raw/dumps/clean/"],
         "destination s3://raw/dumps/clean/ is inside the source"),
        (["run", "s3://raw/dumps/2018", "s3://raw/dumps"], "is inside the destination"),
        (["run", "s3://raw/", "s3://raw/clean"], "is inside the source"),
        (["run", "seeds", "README.md"],
         "destination README.md is a file: clean copies go into a folder"),
        (["run", "seeds", "README.md/out"], "cannot create README.md/out: "),
        (["run", "s3:/bucket/x", "/tmp/x"], "did you mean s3://bucket/x?"),
        (["run", "seeds", "S3:bucket/x"], "did you mean s3://bucket/x?"),
        (["run", "ftp://mirror/dumps/", "/tmp/x"], "'ftp:' is not supported: type a folder path"),
        (["run", "seeds", "/tmp/x", "--batch-size", "0"], "--batch-size 0: must be at least 1"),
        (["run", "seeds", "/tmp/x", "--workers", "0"], "--workers 0: must be at least 1"),
        (["run", "seeds", "/tmp/x", "--workers", "65"], "--workers 65: must be at most 64"),
        (["run", "seeds", "/tmp/x", "--limit", "-1"], "--limit: -1: a sample is 1 input or more"),
        (["run", "seeds", "/tmp/x", "--limit", "0"],
         "--limit: 0: a sample is 1 input or more (leave --limit out to clean every input)"),
        (["run", "s3://Bad_Bucket!/x/", "/tmp/x"],
         "SOURCE: not a valid s3://bucket/prefix: bucket names are 3-63 lowercase"),
        (["run", "seeds", "/tmp/x", "--rules", "/no/pack.toml"], "cannot read rule pack"),
        (["fetch", str(SEEDS / "packs" / "example-site.toml"), "s3:/b/x"],
         "DEST: 's3:/b/x': 's3:' is not supported"),
        (["fetch", str(SEEDS / "packs" / "example-site.toml"), "/tmp/x", "--batch-size", "0"],
         "--batch-size 0: must be at least 1"),
        (["fetch", str(SEEDS / "packs" / "example-site.toml"), "/tmp/x", "--allow-network",
          "10.0.0.0/33"], "--allow-network: '10.0.0.0/33' is not a network"),
    ],
)
def test_harmful_or_mistyped_runs_are_refused_before_prefect_starts(args, message, tmp_path):
    out = _run(*args, env={"PREFECT_HOME": str(tmp_path / "prefect-home")})
    assert out.returncode == 2, out.stderr
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "Traceback" not in out.stderr and "prefect" not in out.stderr.lower()
    home = tmp_path / "prefect-home"
    assert not home.exists() or not any(home.iterdir())  # no Prefect server was started
    assert not (ROOT / "seeds" / "clean").exists()


def test_source_and_destination_swapped_are_refused_and_the_raw_files_stay(tmp_path):
    """Fresh-user check #31: `newsclean run clean/ raw/`, the arguments the wrong way
    round, wrote the clean copies over the 15 raw dumps of raw/ and exited 0. A source
    that is a newsclean output (its _manifests folder) and a destination that holds
    other files are refused in one line, before Prefect starts."""
    raw, clean = tmp_path / "raw", tmp_path / "clean"
    raw.mkdir()
    (raw / "story.txt").write_text("Council approves budget\n\nThe council met.\n")
    (clean / "_manifests").mkdir(parents=True)
    (clean / "story.txt").write_text("The council met.\n")
    out = _run("run", str(clean), str(raw), env={"PREFECT_HOME": str(tmp_path / "home")})
    assert out.returncode == 2, out.stderr
    assert "are SOURCE and DEST swapped?" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert (raw / "story.txt").read_text() == "Council approves budget\n\nThe council met.\n"
    assert sorted(p.name for p in raw.iterdir()) == ["story.txt"]


def test_a_malformed_pack_is_one_line_and_creates_no_destination(tmp_path):
    pack = tmp_path / "site.toml"
    pack.write_text('[[rules]]\nid = "promo.x"\nfamily = "promo"\npattern = "(unclosed"\n')
    dest = tmp_path / "clean"
    out = _run("run", "seeds", str(dest), "--rules", str(pack))
    assert out.returncode == 2
    assert f"{pack}: rule promo.x: bad pattern" in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert not dest.exists()


def test_a_mistyped_pack_table_is_refused_by_run(tmp_path):
    pack = tmp_path / "site.toml"
    pack.write_text('[[rule]]\nid = "promo.x"\nfamily = "promo"\npattern = "buy now"\n')
    out = _run("run", "seeds", str(tmp_path / "clean"), "--rules", str(pack))
    assert out.returncode == 2
    assert out.stderr.strip() == (f"newsclean: error: {pack}: unknown table [rule] (did you "
                                  "mean [[rules]]?): a pack has [pack] and [[rules]] only")


def _s3_args(moto_endpoint: str) -> list[str]:
    return ["--endpoint-url", moto_endpoint]


def _as_another_user() -> list[str]:
    """A command prefix that runs as an unprivileged user (a user namespace: root's DAC
    override does not reach files outside it), or [] where user namespaces are off."""
    probe = ["unshare", "--user", "--map-user=1000", "--map-group=1000"]
    try:
        ok = subprocess.run([*probe, "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        ok = False
    return probe if ok else []


def test_an_unreadable_folder_in_the_source_is_reported_not_lost(tmp_path):
    """Its files cannot be listed, so no manifest line can name them: the run says so in one
    warning and cleans the rest; a source folder that cannot be listed at all is refused."""
    prefix = _as_another_user()
    if not prefix:
        pytest.skip("user namespaces are off here: root reads any folder")
    src = tmp_path / "in"
    (src / "ok").mkdir(parents=True)
    (src / "locked").mkdir()
    (src / "ok" / "a.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "locked" / "b.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "locked").chmod(0)
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
    try:
        out = subprocess.run([*prefix, *NEWSCLEAN, "run", str(src), str(tmp_path / "out")],
                             capture_output=True, text=True, cwd=ROOT, env=env, timeout=180)
        assert out.returncode == 0, out.stderr
        assert ("newsclean: warning: 1 folder(s) under " in out.stderr
                and "could not be listed, and their files are not in this run: locked/ "
                    "(Permission denied)" in out.stderr)
        manifest = next((tmp_path / "out" / "_manifests").glob("*.jsonl")).read_text()
        assert [json.loads(line)["key"] for line in manifest.splitlines()] == ["ok/a.txt"]
        out = subprocess.run([*prefix, *NEWSCLEAN, "run", str(src / "locked"),
                              str(tmp_path / "out2")],
                             capture_output=True, text=True, cwd=ROOT, env=env, timeout=180)
        assert out.returncode == 1
        assert out.stderr.strip().splitlines()[-1] == (
            f"newsclean: error: cannot list {src / 'locked'}: Permission denied")
    finally:
        (src / "locked").chmod(0o755)


def test_a_missing_bucket_is_named(s3, moto_endpoint, tmp_path):
    out = _run("run", "seeds", "s3://nope-bucket/articles/", *_s3_args(moto_endpoint))
    assert out.returncode == 1
    assert out.stderr.strip() == ("newsclean: error: bucket nope-bucket does not exist "
                                  "(s3://nope-bucket/articles/)")


def test_an_unreachable_or_credential_less_destination_is_one_line(tmp_path):
    no_creds = {"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": "",
                "AWS_CONFIG_FILE": str(tmp_path / "none"),
                "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
                "AWS_EC2_METADATA_DISABLED": "true"}
    out = _run("run", "seeds", "s3://newsroom-clean/articles/", "--endpoint-url",
               "http://127.0.0.1:9", env=no_creds)
    assert out.returncode == 1
    assert "no credentials" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    out = _run("run", "seeds", "s3://newsroom-clean/articles/", "--endpoint-url",
               "http://127.0.0.1:9")
    assert out.returncode == 1
    assert "cannot connect to http://127.0.0.1:9" in out.stderr
    out = _run("run", "seeds", "s3://newsroom-clean/articles/", "--profile", "nope",
               env={"AWS_CONFIG_FILE": str(tmp_path / "none"),
                    "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none")})
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [
        "newsclean: error: cannot use s3://newsroom-clean/articles/: no AWS profile named "
        "'nope' (profiles live in ~/.aws/config and ~/.aws/credentials)"]
    assert len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.fixture
def api_env(prefect_api) -> dict:
    from prefect.settings import PREFECT_API_URL

    return {"PREFECT_API_URL": PREFECT_API_URL.value()}


@pytest.mark.prefect
def test_run_outputs_are_readable_counted_and_tidy(tmp_path, api_env):
    """Outputs follow the umask, skipped files are counted, no empty .parts folder is left,
    the run id is one unbroken word when stderr is not a terminal, and --json gives a
    script the summary on stdout (the person's summary stays on stderr)."""
    src = tmp_path / "raw"
    src.mkdir()
    for n in range(3):
        (src / f"story-{n}.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "photo.png").write_bytes(b"\x89PNG")
    (src / "dump.gz").write_bytes(b"\x1f\x8b")
    dest = tmp_path / "clean"
    out = subprocess.run([*NEWSCLEAN, "run", str(src), str(dest), "--limit", "2", "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300,
                         env={**os.environ, **api_env, "COLUMNS": "40"},
                         preexec_fn=lambda: os.umask(0o022))
    assert out.returncode == 0, out.stderr[-2000:]
    [manifest] = (dest / "_manifests").glob("*.jsonl")
    run_id = manifest.name.removesuffix(".jsonl")
    assert f"newsclean run {run_id}" in out.stderr
    summary = json.loads(out.stdout)
    assert (summary["run_id"], summary["manifest"]) == (run_id, str(manifest))
    assert (summary["statuses"], summary["inputs"], summary["sampled_of"]) == ({"cleaned": 2}, 2, 3)
    assert "--limit: the first 2 of 3 files (key order), 2 inputs in them" in out.stderr
    assert "skipped by the include patterns: 2" in out.stderr
    assert ".png 1" in out.stderr and ".gz (no article extension inside) 1" in out.stderr
    assert list((dest / "_manifests").iterdir()) == [manifest]  # no <run id>.parts/ left
    for path in (manifest, dest / "story-0.txt", dest / "story-0.json"):
        assert path.stat().st_mode & 0o777 == 0o644, path


@pytest.mark.prefect
def test_the_run_summary_says_why_documents_were_not_cleaned(tmp_path, api_env):
    """The last lines of a run name the reasons of what failed or was refused, so an
    operator need not open the manifest to see that a folder blocked a clean copy."""
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "story.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "blocked.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "scan.txt").write_bytes(bytes(range(256)) * 8)  # binary under a text name
    (src / "blank.txt").write_bytes(b"  \n\n")
    (dest / "blocked.txt").mkdir(parents=True)  # where blocked.txt's clean copy goes
    out = _run("run", str(src), str(dest), env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = [ln.strip() for ln in out.stderr.splitlines()]
    at = lines.index("why not cleaned:")
    assert lines[at + 1].startswith("failed 1: cannot write ") and "blocked.txt" in lines[at + 1]
    # each reason names its files, so the operator knows which to open
    assert set(lines[at + 2:at + 4]) == {"rejected 1: not text: looks like binary data (scan.txt)",
                                         "empty 1: no text in the document (blank.txt)"}, lines[at:]

    # A rerun skips what it did before, but still says what it could not clean, and why
    # (a fresh user's second run reported the binary and the blank file as `unchanged`).
    again = _run("run", str(src), str(dest), env=api_env, timeout=300)
    assert again.returncode == 0, again.stderr[-2000:]
    assert "rejected 1: not text: looks like binary data (scan.txt)" in again.stderr
    assert "empty 1: no text in the document (blank.txt)" in again.stderr
    latest = max((dest / "_manifests").glob("*.jsonl"), key=lambda p: p.stat().st_mtime)
    by_key = {e["key"]: e for e in map(json.loads, latest.read_text().splitlines())}
    assert (by_key["story.txt"]["status"], by_key["scan.txt"]["status"],
            by_key["blank.txt"]["status"]) == ("unchanged", "rejected", "empty")
    assert by_key["scan.txt"]["reason"] == "not text: looks like binary data"


@pytest.mark.prefect
def test_a_file_named_as_the_source_is_cleaned_whatever_its_name(tmp_path, api_env):
    """`newsclean run story.md out/`: the operator named the file, so the include patterns
    (which leave a folder's READMEs out) do not apply to it (a new user's report)."""
    src = tmp_path / "story.md"
    src.write_bytes((FIXTURES / "markdown" / "en-cms-export.md").read_bytes())
    dest = tmp_path / "clean"
    out = _run("run", str(src), str(dest), env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert (dest / "story.txt").is_file(), sorted(p.name for p in dest.iterdir())


@pytest.mark.prefect
def test_a_dry_run_says_it_wrote_nothing_and_does_not(tmp_path, api_env):
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "story.txt").write_bytes(SEED_FILE.read_bytes())
    out = _run("run", str(src), str(dest), "--dry-run", env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stderr.rstrip().splitlines()[-1] == (
        f"dry run: nothing written (clean copies would go to {dest})"), out.stderr[-2000:]
    assert "manifest:" not in out.stderr
    assert not dest.exists()


def test_a_mistyped_prefix_is_named_and_not_blamed_on_the_source(tmp_path):
    # fresh-user check #18: "--prefix sbu" over a full folder said "empty or mistyped
    # source?"; refused before Prefect starts, so no API is needed
    src = tmp_path / "raw"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_text("A council story.\n")
    out = _run("run", str(src), str(tmp_path / "clean"), "--prefix", "sbu")
    assert out.returncode == 1, out.stderr[-2000:]
    assert out.stderr.strip().splitlines()[-1] == (
        f"newsclean: error: no inputs under {src} with prefix 'sbu' (mistyped --prefix?)")


@pytest.mark.prefect
def test_an_empty_source_fails_a_full_run_but_not_an_incremental_one(tmp_path, api_env):
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "README.md").write_text("not an article")
    out = _run("run", str(src), str(dest), env=api_env, timeout=300)
    assert out.returncode == 1, out.stderr[-2000:]
    assert out.stderr.strip().splitlines()[-1] == (
        f"newsclean: error: no inputs under {src} (1 file skipped by the include patterns: "
        ".md 1); Markdown dumps are cleaned with --also-include '*.md' (a folder's READMEs "
        "are left out by default)")
    assert "Traceback" not in out.stderr
    assert not dest.exists()  # refused before Prefect starts: no empty destination left
    out = _run("run", str(src), str(dest), "--since", "2d", env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert f"newsclean: warning: no inputs under {src} modified since" in out.stderr
    assert "0/1" not in out.stderr and "starting Prefect" not in out.stderr  # nothing cleaned
    assert out.stderr.rstrip().endswith("\nnothing written"), out.stderr[-2000:]
    assert "manifest:" not in out.stderr  # no manifest was written, so none is named


@pytest.mark.prefect
def test_also_include_adds_markdown_to_the_default_patterns(tmp_path, api_env):
    """As the skip's hint says: `--also-include '*.md'` takes a folder's Markdown dump with
    the files the default patterns take (a fresh user's `--include '*.md'` replaced them
    and skipped the rest of a mixed folder); without it the summary says how."""
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "ferry.md").write_text(MARKDOWN_STORY)
    (src / "story.txt").write_bytes(SEED_FILE.read_bytes())
    out = _run("run", str(src), str(dest), "--dry-run", env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Markdown dumps are cleaned with --also-include '*.md'" in out.stderr
    out = _run("run", str(src), str(dest), "--also-include", "*.md", env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    [manifest] = (dest / "_manifests").glob("*.jsonl")
    statuses = {e["key"]: e["status"] for e in map(json.loads, manifest.read_text().splitlines())}
    assert statuses == {"ferry.md": "cleaned", "story.txt": "cleaned"}
    assert (dest / "ferry.txt").read_text().startswith("The harbor ferry will charge")


@pytest.mark.parametrize(("args", "said"), [
    (("run", "seeds/", "out/", "--batchsize", "10"),
     "newsclean run: error: unrecognized arguments: --batchsize 10 (did you mean --batch-size?)"),
    (("clean", "seeds/x.txt", "--jsn"), "(did you mean --json?)"),
    (("run", "seeds/", "out/", "--batch-size", "abc"), "invalid int value: 'abc'"),
    (("rnu", "seeds/", "out/"), "invalid choice: 'rnu'"),
    (("rnu", "seeds/", "out/"), "(did you mean run?)"),
    (("run", "seeds/", "out/", "--task-runner", "dsak"), "(did you mean dask?)"),
    # a prefix is no option: "--worker 2" was taken for --workers without a word (fresh user)
    (("run", "seeds/", "out/", "--worker", "2"), "(did you mean --workers?)"),
    # before the positionals, a typo'd option's value was taken for SOURCE and the message
    # named DEST as the leftover (fresh-user check #35): the words are shown as typed
    (("run", "--workrs", "2", "seeds/", "out/"),
     "unrecognized arguments: --workrs 2 (did you mean --workers?)"),
    (("run", "--batchsize", "10", "seeds/", "out/", "extra/"),
     "unrecognized arguments: --batchsize 10 extra/ (did you mean --batch-size?)"),
    # the start of an option's name: no close name, and no hint (fresh-user check #37)
    (("run", "--batch", "10", "seeds/", "out/"),
     "unrecognized arguments: --batch 10 (did you mean --batch-size?)"),
    # no command, an option mistyped: argparse named the missing command (fresh-user #20)
    (("--verison",), "unrecognized arguments: --verison (did you mean --version?)"),
])
def test_a_mistyped_option_is_one_line_with_the_closest_option(args, said):
    out = _run(*args)
    assert out.returncode == 2
    assert said in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("mode", [[], ["--json"], ["--explain"]], ids=["text", "json", "explain"])
def test_an_output_that_cannot_be_written_is_one_line_not_a_traceback(mode):
    """`newsclean clean story.txt > /dev/full` printed OSError's traceback (a new user's
    report): a full disk is an error in one line, exit 1."""
    with open("/dev/full", "w") as full:
        out = subprocess.run([*NEWSCLEAN, "clean", str(SEED_FILE), *mode], stdout=full,
                             stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 1
    assert out.stderr.strip() == ("newsclean: error: cannot write the output: No space left on "
                                  "device")


# What a fresh user found: a document not cleaned said so only on stdout with --json and
# --explain (nothing on the terminal when stdout goes to a file), and --explain printed
# "unknown, None, rejected" for a document refused before it was read.
@pytest.mark.parametrize("mode", [[], ["--json"], ["--explain"]], ids=["text", "json", "explain"])
@pytest.mark.parametrize(("content", "said"), [
    (bytes(range(256)) * 8, "newsclean: rejected: not text: looks like binary data"),
    (b"", "newsclean: empty: no text in the document"),
    (b"Home\nNews\nSports\nSubscribe\nLog in\nContact us\n",
     "newsclean: empty: nothing but boilerplate: every line was removed"),
    # a fresh user's one-line and two-line notes were "nothing but boilerplate" too: no rule
    # named a line of them, the locator found no article in so few words
    (b"Hello world\n", "newsclean: empty: too short to be an article: 2 words"),
    (b"Reminder: meeting moved to Friday\nBring the reports\n",
     "newsclean: empty: too short to be an article: 8 words"),
], ids=["binary", "empty", "menu", "one-line", "two-lines"])
def test_a_document_not_cleaned_says_why_in_one_line_on_stderr_in_every_mode(
        tmp_path, mode, content, said):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    out = _run("clean", str(path), *mode)
    assert out.returncode == 3
    status, reason = said.removeprefix("newsclean: ").split(": ", 1)
    assert out.stderr == f"newsclean: {status}: {path}: {reason}\n"  # which file, in a loop
    if mode == ["--json"]:  # kept in the JSON too
        assert json.loads(out.stdout)["reason"] == reason
    elif mode == ["--explain"]:
        assert out.stdout.splitlines()[0].endswith(said.removeprefix("newsclean: "))
        assert "None" not in out.stdout and "unknown" not in out.stdout, out.stdout
    else:
        assert out.stdout == ""


def test_explain_of_a_document_refused_unread_is_its_status_line_alone(tmp_path):
    import gzip

    dump = tmp_path / "story.txt.gz"
    dump.write_bytes(gzip.compress(SEED_FILE.read_bytes())[:60])
    out = _run("clean", str(dump), "--explain")
    assert out.returncode == 3
    assert out.stdout == "(no title)  rejected: truncated gzip: the compressed stream ends early\n"


# An unset variable (`newsclean clean "$F"`) is an empty argument: `clean ''` read the
# current folder ("cannot read : it is a folder (… newsclean run  DEST)"), `fetch ''` said
# "no such URL file: " (exit 1), `--rules ''` "cannot read rule pack .: Is a directory".
@pytest.mark.parametrize(("args", "said"), [
    (["clean", ""], "newsclean clean: error: argument FILE: '' is an empty path"),
    (["clean", "", "--json"], "newsclean clean: error: argument FILE: '' is an empty path"),
    (["clean", str(SEED_FILE), "--rules", ""], "newsclean clean: error: argument --rules: '' is"),
    (["run", "", "/tmp/never-made"], "newsclean run: error: argument SOURCE: '' is an empty"),
    (["run", "seeds", ""], "newsclean run: error: argument DEST: '' is an empty path"),
    (["fetch", "", "/tmp/never-made"], "newsclean fetch: error: argument URLS: '' is an empty"),
    (["eval", ""], "newsclean eval: error: argument cases: '' is an empty path"),
])
def test_an_empty_path_is_refused_in_one_line_not_read_as_the_current_folder(args, said, tmp_path):
    out = _run(*args, env={"PREFECT_HOME": str(tmp_path / "prefect-home")})
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.startswith(said) and len(out.stderr.strip().splitlines()) == 1, out.stderr
    assert "(an unset shell variable?)" in out.stderr


@pytest.mark.parametrize(("args", "said"), [
    # "did you mean --explain?" / "--source?": a far name misled
    (("clean", "story.txt", "--lang", "fr"), "unrecognized arguments: --lang fr (each "
     "document's language is detected: there is no option for it) (see newsclean clean --help)"),
    (("clean", "story.txt", "--out", "clean.txt"), "unrecognized arguments: --out clean.txt "
     "(clean prints on stdout: newsclean clean FILE > clean.txt; run and fetch write into "
     "DEST, their second argument) (see newsclean clean --help)"),
    (("clean", "a.txt", "b.txt"), "unrecognized arguments: b.txt (clean takes one file: to "
     "clean many, newsclean run FOLDER DEST) (see newsclean clean --help)"),
])
def test_an_option_newsclean_has_not_is_answered_with_what_to_do(args, said):
    out = _run(*args)
    assert out.returncode == 2
    assert out.stderr == f"newsclean clean: error: {said}\n"


def _case_set(root: Path) -> Path:
    case = root / "cases" / "one"
    case.mkdir(parents=True)
    (case / "gold.txt").write_text("The council approved the flood plan on Tuesday.\n")
    (case / "raw.html").write_text("<html><body><article><p>The council approved the flood "
                                   "plan on Tuesday.</p></article></body></html>")
    return case.parent


@pytest.mark.parametrize("where", ["out-file", "json-folder"])
def test_eval_refuses_an_output_it_cannot_write_before_cleaning(tmp_path, where):
    """`eval --out FILE` cleaned every case, then ended in "cannot write the output: …: File
    exists" (exit 1); `--json FOLDER` likewise: said first, nothing evaluated."""
    cases = _case_set(tmp_path)
    taken = tmp_path / "scores.txt"
    taken.write_text("keep me")
    args = ["--out", str(taken)] if where == "out-file" else ["--json", str(tmp_path)]
    out = _run("eval", str(cases), *args)
    assert out.returncode == 2 and out.stdout == ""
    said = (f"--out: {taken} is a file: name a folder for the predictions" if where == "out-file"
            else f"--json: {tmp_path} is a folder: name the file to write, e.g. "
                 f"{tmp_path / 'scores.json'}")
    assert out.stderr == f"newsclean eval: error: {said}\n"
    assert taken.read_text() == "keep me"


@pytest.mark.prefect
def test_a_run_over_broken_inputs_records_each_and_goes_on(tmp_path, api_env):
    """A symbolic link loop and a file name that is not UTF-8 each failed the whole run (a
    RuntimeError from Path.resolve, a UnicodeEncodeError writing the manifest), and a named
    pipe hung it; now each is a manifest line with its reason, the rest is cleaned, and no
    raw input is changed."""
    import gzip
    import hashlib

    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "story.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "cp1252.txt").write_bytes(SEED_FILE.read_text().replace("'", "\u2019")
                                     .encode("cp1252", "replace"))
    (src / "cut.txt.gz").write_bytes(gzip.compress(SEED_FILE.read_bytes())[:60])
    # named .gz, not gzip: an article and a record file (read as text, and as "file
    # unreadable after the start: error: Error -3 …", failed and retried, before)
    (src / "renamed.txt.gz").write_bytes(SEED_FILE.read_bytes())
    (src / "dump.jsonl.gz").write_bytes(b'{"id": "a1", "text": "The council met."}\n')
    (src / "scan.txt").write_bytes(bytes(range(256)) * 8)
    (src / "loop.txt").symlink_to("loop.txt")
    os.mkfifo(src / "pipe.txt")
    (src / os.fsdecode(b"caf\xe9.txt")).write_bytes(SEED_FILE.read_bytes())

    def files() -> dict[str, str]:
        return {p.name: p.readlink().as_posix() if p.is_symlink() else "fifo" if p.is_fifo()
                else hashlib.sha256(p.read_bytes()).hexdigest() for p in src.iterdir()}

    before = files()
    out = _run("run", str(src), str(dest), env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    manifest = next((dest / "_manifests").glob("*.jsonl")).read_text().splitlines()
    lines = {m["key"]: (m["status"], m.get("reason")) for m in map(json.loads, manifest)}
    assert len(lines) == len(manifest) == 9
    assert lines["story.txt"][0] == "cleaned" and lines["cp1252.txt"][0] == "cleaned"
    assert lines["cut.txt.gz"] == ("rejected", "truncated gzip: the compressed stream ends early")
    assert lines["scan.txt"] == ("rejected", "not text: looks like binary data")
    not_gzip = ("rejected", "not gzip: named .gz but its bytes are not gzip (already "
                            "decompressed? rename it without .gz)")
    assert lines["renamed.txt.gz"] == lines["dump.jsonl.gz"] == not_gzip
    assert not (dest / "renamed.txt").exists() and not (dest / "dump").exists()
    assert lines["loop.txt"] == ("rejected", "unsafe name: loop.txt: symbolic link loop, not followed")
    assert lines["pipe.txt"] == ("rejected", "pipe.txt: not a file but a named pipe, socket or "
                                             "device: not read")
    assert lines["caf\\xe9.txt"] == ("rejected", "unsafe name: caf\\xe9: the file name is not "
                                     "UTF-8 (its other bytes are shown as \\xNN): rename the "
                                     "file to clean it")
    assert files() == before  # raw inputs are never modified


def test_clean_says_in_one_line_when_it_guessed_the_charset():
    """The charset guessed for a file that is not quite UTF-8 is never silent: one line on
    stderr in every output mode, and `warning` in --json (the run's record and manifest line
    carry it too)."""
    page = FIXTURES / "text_pages" / "audit-de-stray-latin1-byte.txt"
    out = _run("clean", str(page))
    assert out.returncode == 0, out.stderr
    assert "Bürgerinnen und Bürger" in out.stdout
    assert out.stderr == (f"newsclean: warning: {page}: not valid UTF-8: 1 byte (the first at "
                          f"byte 422) read as cp1252, the rest as UTF-8\n")
    data = json.loads(_run("clean", str(page), "--json").stdout)
    assert data["encoding"] == "utf-8" and data["warning"].startswith("not valid UTF-8")
    assert _run("clean", str(SEED_FILE)).stderr == ""


def test_an_html_page_read_as_text_as_asked_says_so_in_one_line(tmp_path):
    """`--format text` on an HTML page reads it as asked, its markup in the text, and says
    so on stderr (fresh-user check #35: exit 0 and no word of it, its headline
    "<article><h1>…"); without the option the page is read as HTML and nothing is said."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><h1>Harbor ferry service resumes after storm</h1>"
                    + "".join(f"<p>{s}</p>" for s in STORY_SENTENCES) + "</article></body></html>")
    out = _run("clean", "--format", "text", str(page))
    assert out.returncode == 0, out.stderr
    assert out.stderr == (f"newsclean: warning: {page}: read as a text dump as asked (format "
                          "'text'), but it is an HTML page: its markup is in the text; leave "
                          "the format out to read it as HTML\n")
    plain = _run("clean", str(page))
    assert plain.returncode == 0 and plain.stderr == ""
    assert "<p>" not in plain.stdout and STORY_SENTENCES[0] in plain.stdout


def test_a_runs_manifest_names_each_story_and_its_summary_counts_guessed_charsets(tmp_path,
                                                                                  api_env):
    """A manifest line says which story it is (its title, also when a re-run finds it
    unchanged), and the run's summary says how many documents were read with a guessed
    charset, on every run: before, only each manifest line said so, and not when unchanged
    (a fresh user's reports)."""
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "story.txt").write_bytes(SEED_FILE.read_bytes())
    stray = FIXTURES / "text_pages" / "audit-de-stray-latin1-byte.txt"
    (src / "stray.txt").write_bytes(stray.read_bytes())
    titles = {"story.txt": "North Korea Building New Ballistic Missiles – United States "
                           "Intelligence",
              "stray.txt": "Bürgerentscheid in München: Mehrheit für neue Straßenbahn"}
    for status in ("cleaned", "unchanged"):
        out = _run("run", str(src), str(dest), env=api_env, timeout=300)
        assert out.returncode == 0, out.stderr[-2000:]
        manifest = sorted((dest / "_manifests").glob("*.jsonl"))[-1].read_text().splitlines()
        lines = {m["key"]: m for m in map(json.loads, manifest)}
        assert {k: (m["status"], m.get("title")) for k, m in lines.items()} == {
            k: (status, t) for k, t in titles.items()}
        # unchanged, it is still the text read with that guess (a fresh user's second run
        # dropped the warning)
        assert lines["stray.txt"]["warning"].startswith("not valid UTF-8")
        assert ("1 document read with a guessed charset (stray.txt) (not valid in the one "
                "declared or found): each manifest line's \"warning\" says how") in out.stderr


@pytest.mark.prefect
def test_an_extraction_librarys_complaint_about_a_page_stays_off_the_console(tmp_path, api_env):
    """Fresh-user check #6: a record of "<p>ok</p>" made trafilatura log "ERROR |
    trafilatura.utils - parsed tree length: 0, …" on a run's console, which read as the run
    failing; the document's manifest line says what became of it."""
    src = tmp_path / "records.jsonl"
    src.write_text('{"id": "a1", "text": "<p>ok</p>"}\n', "utf-8")
    out = _run("run", str(src), str(tmp_path / "clean"), env=api_env, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "trafilatura" not in out.stderr and "ERROR" not in out.stderr, out.stderr[-2000:]
    latest = next((tmp_path / "clean" / "_manifests").glob("*.jsonl"))
    assert [json.loads(line)["status"] for line in latest.read_text().splitlines()] == [
        "needs_review"]


def _unprivileged() -> list[str] | None:
    """A command prefix under which permission bits apply: [] when not root, another user
    (`_as_another_user`) for root, None where root cannot be another user here."""
    if os.geteuid() != 0:
        return []
    return _as_another_user() or None


@pytest.mark.parametrize("command", ["run", "fetch"])
@pytest.mark.parametrize("blocked", ["a file as its _manifests", "read-only"])
def test_a_destination_it_cannot_write_in_is_refused_before_cleaning(tmp_path, command,
                                                                       blocked):
    """A read-only destination folder failed a run only after every document was cleaned
    ("run stopped: …/_manifests: Permission denied", a fresh user's check): the pre-flight
    now makes and removes a file in it, and in the run's own folders there, and refuses in
    one line (exit 1, as a folder that cannot be made), before Prefect starts: nothing is
    cleaned or written. A file where `_manifests/` goes stops root too; permission bits stop
    anyone but root, whom a user namespace makes another user."""
    dest = tmp_path / "clean"
    dest.mkdir()
    prefix: list[str] | None = []
    if blocked == "read-only":
        prefix = _unprivileged()
        if prefix is None:
            pytest.skip("root ignores permission bits and user namespaces are off here")
        said = f"cannot write into {dest}: Permission denied"
    else:
        (dest / "_manifests").write_text("")
        said = f"cannot write into {dest}: {dest / '_manifests'} is a file, not a folder"
    urls = tmp_path / "urls.txt"
    urls.write_text("https://news.example/story\n")
    what = str(SEEDS) if command == "run" else str(urls)
    before = sorted(p.name for p in dest.iterdir())
    home = tmp_path / "prefect-home"
    dest.chmod(0o555 if blocked == "read-only" else 0o755)
    try:
        out = subprocess.run([*prefix, *NEWSCLEAN, command, what, str(dest)],
                             capture_output=True, text=True, cwd=ROOT, timeout=120,
                             env={**os.environ, "PREFECT_HOME": str(home)})
    finally:
        dest.chmod(0o755)
    assert out.returncode == 1, out.stderr[-2000:]
    assert out.stderr == f"newsclean: error: {said}\n"  # no progress line: nothing cleaned
    assert sorted(p.name for p in dest.iterdir()) == before
    assert not home.exists() or not any(home.iterdir())  # no Prefect server was started


@pytest.mark.prefect
def test_the_run_summary_says_why_each_document_was_held_for_review(tmp_path, api_env):
    """A document sent to the review queue was a count in the summary's table, its reason
    only in the manifest (a fresh user's check): each now has a line, as the documents not
    cleaned do, on stderr and in --json, on a rerun too (still held, unchanged)."""
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    (src / "story.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "note.txt").write_text("The council met on Tuesday and approved the budget for "
                                  "the coming year after a long debate.\n")
    for _ in range(2):  # cleaned, then found unchanged: still held, still said why
        out = _run("run", str(src), str(dest), "--json", env=api_env, timeout=300)
        assert out.returncode == 0, out.stderr[-2000:]
        lines = [ln.rstrip() for ln in out.stderr.splitlines()]
        at = lines.index(f"held for review (in {dest}/_review/):")
        assert lines[at + 1] == "  needs_review note.txt: only 17 words left (minimum 40)"
        assert "why not cleaned:" not in lines
        summary = json.loads(out.stdout)
        assert summary["held"] == [{"key": "note.txt", "reason": "only 17 words left "
                                    "(minimum 40)", "dest": f"{dest}/_review/note.txt"}]
        assert summary["review_dir"] == f"{dest}/_review/"
    assert (dest / "_review" / "note.txt").is_file() and not (dest / "note.txt").exists()


def test_the_reasons_list_says_how_many_documents_it_leaves_out():
    """Fresh-user check #20: "why not cleaned" listed five reasons of eight documents and
    said nothing of the other three."""
    from rich.console import Console

    from newsclean.flows.cli import _print_summary

    reasons = [("rejected", f"reason {k}", 1, [f"doc-{k}.txt"]) for k in range(5)]
    summary = {"run_id": "r1", "statuses": {"cleaned": 2, "rejected": 8}, "inputs": 10,
               "not_cleaned": 8, "reasons": reasons}
    console = Console(record=True, width=200)
    _print_summary(console, summary)
    lines = [ln.strip() for ln in console.export_text().splitlines()]
    assert "rejected 1: reason 4 (doc-4.txt)" in lines
    assert lines[lines.index("rejected 1: reason 4 (doc-4.txt)") + 1] == (
        "and 3 more for other reasons (the manifest has each)")
