"""The `newsclean` command as a user types it: the README's paths and clear errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED_FILE, SEEDS

NEWSCLEAN = [sys.executable, "-m", "newsclean.flows.cli"]


def _run(*args: str, env: dict | None = None, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSCLEAN, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def test_clean_prints_the_body():
    out = _run("clean", str(SEED_FILE))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("The United States secret service")
    assert "Leave a Reply" not in out.stdout


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


def test_clean_reads_stdin_and_takes_operator_packs():
    doc = (b"Headline Of The Day\n\nDownload the Daily Herald app today!\n\n"
           b"The council met on Tuesday and approved the budget after a long debate.\n")
    out = subprocess.run([*NEWSCLEAN, "clean", "-", "--json", "--source",
                          "https://dailyherald.example/news/1", "--rules",
                          str(SEEDS / "packs" / "example-site.toml")],
                         input=doc, capture_output=True, cwd=ROOT, timeout=60)
    data = json.loads(out.stdout)
    assert [r["rule"] for r in data["removed"]][-1] == "promo.dailyherald-app"


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
        (["clean", str(SEED_FILE), "--rules", "/no/pack.toml"], 2, "cannot read rule pack"),
        (["run", "/no/such/folder", "/tmp/x"], 1, "no such folder"),
        (["run", "ftp://x/y", "/tmp/x"], 1, "unsupported URL scheme"),
        (["run", str(SEEDS), "/tmp/x", "--review-max-removed", "7"], 2, "less than or equal"),
    ],
)
def test_errors_are_one_line_without_traceback(args, code, message):
    out = _run(*args)
    assert out.returncode == code
    assert message in out.stderr
    assert "Traceback" not in out.stderr
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
