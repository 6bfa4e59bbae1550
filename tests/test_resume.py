"""Reruns: a run killed midway (SIGKILL, workers and all) is finished by the next one,
which rewrites nothing already done; no record is ever visible without the text it
describes; a new rule pack rewrites only the documents it changes."""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsclean.flows.orchestration.clean_flow import clean_articles
from newsclean.flows.storage.layout import record_key, rel_for
from tests.conftest import ROOT, SEEDS
from tests.support.corpus import documents

pytestmark = pytest.mark.prefect

DOCS = 300
# The killed run: batches of 5 on two worker processes, as `newsclean run` would start it.
_RUN = """
import sys
from newsclean.flows.orchestration.clean_flow import clean_articles
clean_articles(source=sys.argv[1], dest=sys.argv[2], batch_size=5, workers=2)
"""


def _records(dest: Path) -> dict[str, Path]:
    return {p.relative_to(dest).as_posix(): p for p in dest.rglob("*.json")
            if "_manifests" not in p.parts}


def _consistent(dest: Path) -> dict[str, tuple[int, int | None]]:
    """Check that every record's text exists and has the sha256 the record names; return
    each record's and its text's mtime."""
    seen = {}
    for rel, path in _records(dest).items():
        record = json.loads(path.read_bytes())  # complete: a torn record would not parse
        text_mtime = None
        if record["text_key"]:
            text = dest / record["text_key"]
            assert hashlib.sha256(text.read_bytes()).hexdigest() == record["text_sha256"], rel
            text_mtime = text.stat().st_mtime_ns
        seen[rel] = (path.stat().st_mtime_ns, text_mtime)
    return seen


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_killed_run_is_finished_by_the_next_rewriting_nothing_done(tmp_path):
    from prefect.settings import PREFECT_API_URL

    src, dest = tmp_path / "raw", tmp_path / "clean"
    for name, data in documents(DOCS, max_kb=30):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    env = {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(),
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", _RUN, str(src), str(dest)], env=env,
                            cwd=ROOT, start_new_session=True, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None and len(_records(dest)) < DOCS // 4:
            time.sleep(0.02)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the flow's process and its pool workers
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    done = _consistent(dest)
    assert DOCS // 4 <= len(done) < DOCS
    assert not list((dest / "_manifests").glob("*.jsonl"))  # no full manifest...
    parts = list((dest / "_manifests").glob("*.parts/*.jsonl"))
    assert parts  # ...but the lines of every batch that finished
    part_lines = [json.loads(x) for p in parts for x in p.read_text().splitlines()]
    assert {record_key(rel_for(m["key"])) for m in part_lines} <= set(done)

    # No operator step: the killed run's slot is taken over (its process is gone).
    summary = clean_articles(source=str(src), dest=str(dest), batch_size=50)

    assert summary["inputs"] == DOCS and "failed" not in summary["statuses"]
    assert summary["statuses"]["unchanged"] == len(done)
    after = _consistent(dest)
    assert len(after) == DOCS
    assert {rel: after[rel] for rel in done} == done  # nothing done was written again
    assert not [p for p in dest.rglob("*.part")]  # no temporary file left visible
    manifest = sorted((dest / "_manifests").glob("*.jsonl"))
    assert len(manifest) == 1 and len(manifest[0].read_text().splitlines()) == DOCS


PACK = """
[pack]
name = "harbor-city"
version = "1"

[[rules]]
id = "promo.harbor-city-scoreboard"
family = "promo"
pattern = '''see the full scoreboard at harborcity\\.example'''
note = "The scoreboard link one sports desk pastes under its game stories."
examples = ["See the full scoreboard at harborcity.example"]
"""


def test_a_new_rule_pack_rewrites_only_the_documents_it_changes(tmp_path):
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    seeds = sorted(SEEDS.glob("00[1-5]_*.txt"))
    for path in seeds:
        shutil.copy(path, src / path.name)
    target = src / seeds[1].name  # the one document the new pack touches
    lines = target.read_text().splitlines()
    lines.insert(len(lines) // 2, "See the full scoreboard at harborcity.example")
    target.write_text("\n".join(lines))
    first = clean_articles(source=str(src), dest=str(dest))
    assert first["statuses"] == {"cleaned": 5}
    before = _consistent(dest)
    texts = {p.name: p.read_bytes() for p in dest.glob("*.txt")}
    assert "See the full scoreboard" in texts[target.with_suffix(".txt").name].decode()
    pack = tmp_path / "harbor.toml"
    pack.write_text(PACK)

    second = clean_articles(source=str(src), dest=str(dest), rules=[str(pack)])

    assert second["statuses"] == {"cleaned": 5}  # all re-cleaned: the rules changed
    after = _consistent(dest)
    changed = target.with_suffix(".json").name
    for rel, (record_mtime, text_mtime) in after.items():
        if rel == changed:  # its text and record are new
            assert text_mtime != before[rel][1] and record_mtime != before[rel][0]
        else:  # the same text: left alone; the record carries the new pack's version
            assert text_mtime == before[rel][1], rel
            record = json.loads((dest / rel).read_text())
            assert record["newsclean"]["rules"].endswith("+harbor-city@1")
    new_text = (dest / target.with_suffix(".txt").name).read_text()
    assert "See the full scoreboard" not in new_text
    assert {p.name: p.read_bytes() for p in dest.glob("*.txt")
            if p.name != target.with_suffix(".txt").name} == \
        {k: v for k, v in texts.items() if k != target.with_suffix(".txt").name}

    third = clean_articles(source=str(src), dest=str(dest), rules=[str(pack)])
    assert third["statuses"] == {"unchanged": 5}
    assert _consistent(dest) == after


def test_a_change_to_the_cleaning_code_re_cleans_but_rewrites_no_identical_text(
        tmp_path, monkeypatch):
    """Issue 14: `versions()` compared a hard-coded "0.1.0", so an edited cleaner left
    every document `unchanged`. The skip key now carries a fingerprint of the cleaning
    code (here: a copy of the installed package with one function added)."""
    from newsclean.flows.storage import fingerprint

    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    for path in sorted(SEEDS.glob("00[1-4]_*.txt")):
        shutil.copy(path, src / path.name)
    first = clean_articles(source=str(src), dest=str(dest))
    assert first["statuses"] == {"cleaned": 4}
    before = _consistent(dest)
    record = json.loads(next(iter(_records(dest).values())).read_text())
    assert set(record["newsclean"]["libraries"]) >= {"trafilatura", "lxml", "ftfy",
                                                     "charset-normalizer", "readability-lxml"}

    code = tmp_path / "cleaners"
    shutil.copytree(fingerprint.CODE_ROOT, code, ignore=shutil.ignore_patterns("__pycache__"))
    with (code / "normalize.py").open("a") as f:
        f.write("\n\ndef _a_new_helper() -> None:\n    pass\n")
    monkeypatch.setattr(fingerprint, "CODE_ROOT", code)

    second = clean_articles(source=str(src), dest=str(dest))

    assert second["statuses"] == {"cleaned": 4}  # re-cleaned: the code changed
    after = _consistent(dest)
    for rel, (record_mtime, text_mtime) in after.items():
        assert text_mtime == before[rel][1], rel  # the same text: not rewritten
        assert record_mtime != before[rel][0], rel  # the record names the new code
        assert json.loads((dest / rel).read_text())["newsclean"]["code"] == \
            fingerprint.code_fingerprint(code)
    third = clean_articles(source=str(src), dest=str(dest))
    assert third["statuses"] == {"unchanged": 4}
