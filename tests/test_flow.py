"""The clean-articles flow through a real Prefect API, local folders and S3 over HTTP."""

import json
import shutil
from pathlib import Path

import pytest

from newsclean.flows.orchestration.clean_flow import clean_articles
from newsclean.flows.storage.settings import S3Settings
from tests.conftest import SEED_FILE

pytestmark = pytest.mark.prefect

BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _source_tree(root: Path) -> Path:
    src = root / "raw"
    (src / "2018" / "07").mkdir(parents=True)
    shutil.copy(SEED_FILE, src / "2018" / "07" / "north-korea.txt")
    (src / "2018" / "07" / "pixel.html").write_bytes(BINARY)
    (src / "empty.txt").write_bytes(b"   \n")
    (src / "notes.md").write_text("not an article: ignored by the include patterns")
    return src


def _manifest(path: Path) -> list[dict]:
    files = sorted((path / "_manifests").glob("*.jsonl"))
    assert files
    return [json.loads(line) for line in files[-1].read_text().splitlines()]


def test_local_to_local_then_rerun_rewrites_nothing(tmp_path):
    src, dest = _source_tree(tmp_path), tmp_path / "clean"
    before = {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}

    summary = clean_articles(source=str(src), dest=str(dest), batch_size=2)

    assert summary["statuses"] == {"cleaned": 1, "rejected": 1, "empty": 1}
    text = (dest / "2018/07/north-korea.txt").read_text()
    assert text.startswith("The United States secret service have revealed")
    assert "Leave a Reply" not in text and "test-fired" in text
    record = json.loads((dest / "2018/07/north-korea.json").read_text())
    assert record["title"].startswith("North Korea Building New Ballistic Missiles")
    assert record["status"] == "cleaned" and record["format"] == "text"
    assert {r["rule"] for r in record["removed"]} >= {"comments.akismet",
                                                       "cross-link.labelled-headline"}
    assert not (dest / "2018/07/pixel.txt").exists()  # rejected: never a "clean" article
    assert json.loads((dest / "2018/07/pixel.json").read_text())["status"] == "rejected"
    manifest = {m["key"]: m for m in _manifest(dest)}
    assert set(manifest) == {"2018/07/north-korea.txt", "2018/07/pixel.html", "empty.txt"}
    assert "PNG" in manifest["2018/07/pixel.html"]["reason"]
    assert manifest["empty.txt"]["status"] == "empty" and manifest["empty.txt"]["reason"]
    assert before == {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}  # raw untouched

    mtimes = {p: p.stat().st_mtime_ns for p in dest.rglob("*") if "_manifests" not in p.parts}
    again = clean_articles(source=str(src), dest=str(dest))
    # nothing rewritten; what could not be cleaned is still said so (batch._unchanged_status)
    assert again["statuses"] == {"unchanged": 1, "rejected": 1, "empty": 1}
    assert mtimes == {p: p.stat().st_mtime_ns for p in dest.rglob("*")
                      if "_manifests" not in p.parts}


def test_a_clean_copy_the_destination_refuses_fails_its_document_in_one_line(tmp_path):
    """A folder stands where a clean copy goes (a user's report): that document fails with
    the file and the reason, not a Python exception; the others are written."""
    src, dest = _source_tree(tmp_path), tmp_path / "clean"
    (dest / "2018" / "07" / "north-korea.txt").mkdir(parents=True)
    summary = clean_articles(source=str(src), dest=str(dest))
    assert summary["statuses"] == {"failed": 1, "rejected": 1, "empty": 1}
    manifest = {m["key"]: m for m in _manifest(dest)}
    reason = manifest["2018/07/north-korea.txt"]["reason"]
    assert reason == f"cannot write {dest / '2018/07/north-korea.txt'}: Is a directory", reason


def test_dry_run_writes_nothing(tmp_path):
    src, dest = _source_tree(tmp_path), tmp_path / "clean"
    summary = clean_articles(source=str(src), dest=str(dest), dry_run=True)
    assert summary["inputs"] == 3 and summary["manifest"] is None
    assert not dest.exists()


def test_single_file_source(tmp_path):
    dest = tmp_path / "out"
    summary = clean_articles(source=str(SEED_FILE), dest=str(dest))
    assert summary["statuses"] == {"cleaned": 1}
    assert (dest / "000_acdfea4e7fcc7ad0.txt").exists()


def test_missing_source_fails_the_run(tmp_path):
    state = clean_articles(source=str(tmp_path / "nope"), dest=str(tmp_path / "o"),
                           return_state=True)
    assert state.is_failed()
    with pytest.raises(Exception, match="no such folder"):
        state.result()


@pytest.mark.parametrize("mistake", ["missing source", "bad pack", "nested"])
def test_a_refused_run_ends_in_one_line_and_a_failure_report(tmp_path, mistake):
    """What the UI shows: the state message is the one line, a short failure report
    artifact says what failed, what was written and what to do; nothing is created."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    src, dest = _source_tree(tmp_path), tmp_path / "clean"
    pack = tmp_path / "bad.toml"
    pack.write_text('[[rule]]\nid = "a.b"\n')
    params = {"missing source": dict(source=str(tmp_path / "nope"), dest=str(dest)),
              "bad pack": dict(source=str(src), dest=str(dest), rules=[str(pack)]),
              "nested": dict(source=str(src), dest=str(src / "clean"))}[mistake]
    state = clean_articles(**params, return_state=True)
    assert state.is_failed()
    assert "\n" not in state.message and "Traceback" not in state.message
    assert {"missing source": "no such folder", "bad pack": "unknown table [rule]",
            "nested": "is inside the source"}[mistake] in state.message
    assert not dest.exists() and not (src / "clean").exists()
    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    assert artifact.key == "newsclean-run-failure"
    for part in ("What failed:", state.message, "What was written:", "What to do:"):
        assert part in artifact.data


def test_a_destination_that_cannot_take_a_file_fails_the_run_before_cleaning(tmp_path):
    """Started from the UI or a schedule (no CLI pre-flight), a destination whose
    `_manifests` is a file failed only after every document was cleaned: the run now
    refuses at its start, in one line, and cleans and writes nothing."""
    src, dest = _source_tree(tmp_path), tmp_path / "clean"
    dest.mkdir()
    (dest / "_manifests").write_text("")
    state = clean_articles(source=str(src), dest=str(dest), return_state=True)
    assert state.is_failed()
    assert state.message == (f"cannot write into {dest}: {dest / '_manifests'} is a file, "
                             "not a folder")
    assert [p.name for p in dest.iterdir()] == ["_manifests"]


@pytest.mark.s3
def test_local_to_s3_and_s3_to_s3_and_s3_to_local(tmp_path, s3, moto_endpoint):
    settings = S3Settings(endpoint_url=moto_endpoint)
    raw_bucket, clean_bucket = s3.make_bucket("raw"), s3.make_bucket("clean")
    src = _source_tree(tmp_path)

    first = clean_articles(source=str(src), dest=f"s3://{raw_bucket}/copy/", s3=settings)
    assert first["statuses"]["cleaned"] == 1
    for p in src.rglob("*"):  # upload the raw tree to S3 for the S3 → S3 leg
        if p.is_file():
            s3.put_object(Bucket=raw_bucket, Key=f"dumps/{p.relative_to(src)}", Body=p.read_bytes())

    summary = clean_articles(source=f"s3://{raw_bucket}/dumps/", dest=f"s3://{clean_bucket}/articles",
                             s3=settings, batch_size=1)
    assert summary["statuses"] == {"cleaned": 1, "rejected": 1, "empty": 1}
    body = s3.get_object(Bucket=clean_bucket, Key="articles/2018/07/north-korea.txt")["Body"].read()
    assert body.decode().startswith("The United States secret service")
    keys = {o["Key"] for o in s3.list_objects_v2(Bucket=clean_bucket)["Contents"]}
    assert "articles/2018/07/north-korea.json" in keys
    manifests = [k for k in keys if k.startswith("articles/_manifests/")]
    assert len(manifests) == 1
    lines = s3.get_object(Bucket=clean_bucket, Key=manifests[0])["Body"].read().splitlines()
    assert len(lines) == 3

    etags = {o["Key"]: (o["ETag"], o["LastModified"])
             for o in s3.list_objects_v2(Bucket=clean_bucket)["Contents"]}
    again = clean_articles(source=f"s3://{raw_bucket}/dumps/", dest=f"s3://{clean_bucket}/articles",
                           s3=settings)
    assert again["statuses"] == {"unchanged": 1, "rejected": 1, "empty": 1}
    after = {o["Key"]: (o["ETag"], o["LastModified"])
             for o in s3.list_objects_v2(Bucket=clean_bucket)["Contents"]}
    assert {k: v for k, v in after.items() if "_manifests" not in k} == \
        {k: v for k, v in etags.items() if "_manifests" not in k}

    local = tmp_path / "from-s3"
    down = clean_articles(source=f"s3://{raw_bucket}/dumps/2018/07/north-korea.txt",
                          dest=str(local), s3=settings)
    assert down["statuses"] == {"cleaned": 1}
    assert (local / "north-korea.txt").read_text().startswith("The United States")


def test_two_workers_match_one_worker_byte_for_byte(tmp_path):
    src = tmp_path / "raw"
    src.mkdir()
    for i in range(6):
        shutil.copy(SEED_FILE, src / f"story-{i}.txt")
    one, two = tmp_path / "one", tmp_path / "two"
    clean_articles(source=str(src), dest=str(one), batch_size=2)
    summary = clean_articles(source=str(src), dest=str(two), batch_size=2, workers=2)
    assert summary["statuses"] == {"cleaned": 6}
    for p in one.rglob("*"):
        if p.is_file() and "_manifests" not in p.parts:
            assert p.read_bytes() == (two / p.relative_to(one)).read_bytes()


def test_a_fetch_run_without_urls_is_refused_in_one_line(tmp_path):
    from newsclean.flows.orchestration.fetch_flow import fetch_and_clean

    state = fetch_and_clean(dest=str(tmp_path / "clean"), return_state=True)
    assert state.is_failed()
    assert state.message == "no URLs: give a URL list or a URL file"
    assert not (tmp_path / "clean").exists()


def test_the_report_says_what_was_in_force_and_shows_what_was_removed(tmp_path):
    """What the operator reads in the UI: packs, review policy, sample, duration, a preview
    of removed lines per rule; the review queue's "why" first with relative keys, before
    the heaviest removals."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from newsclean.cleaners.rules import shipped_packs

    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    for n in range(3):
        shutil.copy(SEED_FILE, src / f"story-{n}.txt")
    pack = Path(__file__).parents[1] / "seeds" / "packs" / "example-site.toml"
    state = clean_articles(source=str(src), dest=str(dest), limit=2, rules=[str(pack)],
                           review={"max_removed_share": 0.1, "min_words": 1000},
                           return_state=True)
    assert state.is_completed()
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    [report] = [a.data for a in artifacts if a.key == "newsclean-run-report"]
    languages = len(shipped_packs()) - 1  # every pack but default.toml
    assert (f"- rule packs: newsclean's own (`default` and {languages} language packs), "
            "`example-site`" in report)
    assert ("- review policy: hold documents that lose more than 10% of their prose or keep "
            "fewer than 1000 words") in report
    assert "- `--limit`: the first 2 of 3 files (key order), 2 inputs in them" in report
    assert "- duration: " in report
    assert "## Removed lines per rule (a preview)" in report
    assert "| `comments.akismet` | 2 | This site uses Akismet" in report
    assert "| why | document | review copy |" in report
    assert f"| `{'_review/story-0.txt'}` |" in report and str(dest) + "/_review" not in report.split(
        "## Held for review", 1)[1].split("\n\n", 2)[2]
    assert report.index("## Held for review") < report.index("## Documents that lost")
