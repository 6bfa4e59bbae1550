"""A failing store: throttling, 5xx, resets, lost responses and stalls between boto3 and
the loopback S3 server (tests/support/faultproxy.py). Transient faults are retried (boto3's
standard mode per request, Prefect per batch); what still fails is `failed` in the
manifest; the run fails only when it cannot account for its inputs."""

import json

import pytest

from newsclean.flows.orchestration import clean_flow
from newsclean.flows.orchestration.clean_flow import clean_articles
from newsclean.flows.storage.settings import S3Settings
from tests.conftest import SEEDS
from tests.support.faultproxy import FAULTS, FaultProxy

pytestmark = [pytest.mark.prefect, pytest.mark.s3]

# Each fault's share of requests: 23% of all requests go wrong. With seed 44 every kind
# comes up within the first 17 requests (a run makes ~130), so each is exercised.
SHARES = dict(slowdown=0.05, error=0.04, reset=0.04, lost_response=0.04, stall=0.03, delay=0.03)
SEED = 44


def _upload_source(s3, bucket: str) -> list[str]:
    """The seed dumps (21 text and HTML pages) under dumps/; their keys below it."""
    seeds = sorted(p for p in SEEDS.iterdir() if p.is_file() and p.name != "README.md")
    for path in seeds:
        s3.put_object(Bucket=bucket, Key=f"dumps/{path.name}", Body=path.read_bytes())
    return [path.name for path in seeds]


def _objects(s3, bucket: str, prefix: str) -> dict[str, bytes]:
    out = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for obj in page.get("Contents", ()):
            key = obj["Key"][len(prefix):]
            if not key.startswith("_manifests/"):
                out[key] = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
    return out


def _manifest(s3, bucket: str, prefix: str) -> list[dict]:
    listed = s3.list_objects_v2(Bucket=bucket, Prefix=f"{prefix}_manifests/")["Contents"]
    full = [o["Key"] for o in listed if o["Key"].endswith(".jsonl") and ".parts/" not in o["Key"]]
    assert len(full) == 1, [o["Key"] for o in listed]
    body = s3.get_object(Bucket=bucket, Key=full[0])["Body"].read().decode()
    return [json.loads(line) for line in body.splitlines()]


def test_a_quarter_of_requests_failing_loses_nothing(s3, moto_endpoint):
    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    keys = _upload_source(s3, raw)
    clean_articles(source=f"s3://{raw}/dumps/", dest=f"s3://{clean}/reference/",
                   s3=S3Settings(endpoint_url=moto_endpoint), batch_size=5)
    expected = {m["key"]: m for m in _manifest(s3, clean, "reference/")}
    assert set(expected) == set(keys)

    with FaultProxy(moto_endpoint, seed=SEED, stall_seconds=2.0, **SHARES) as proxy:
        faulty = S3Settings(endpoint_url=proxy.url, timeout=0.5)  # a stall times out
        summary = clean_articles(source=f"s3://{raw}/dumps/", dest=f"s3://{clean}/faulty/",
                                 s3=faulty, batch_size=5)

    assert all(proxy.counts[kind] for kind in FAULTS), proxy.counts
    assert proxy.counts["forwarded"] < proxy.counts["requests"]
    got = {m["key"]: m for m in _manifest(s3, clean, "faulty/")}
    assert set(got) == set(keys) and summary["inputs"] == len(keys)
    for key, line in got.items():
        # a batch Prefect retried reports what its first attempt wrote as `unchanged`
        assert line["status"] in (expected[key]["status"], "unchanged"), line
    assert _objects(s3, clean, "faulty/") == _objects(s3, clean, "reference/")


def test_a_write_that_keeps_failing_is_failed_and_the_next_run_mends_it(s3, moto_endpoint,
                                                                         monkeypatch):
    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    keys = _upload_source(s3, raw)[:8]
    victim = keys[3].rsplit(".", 1)[0].removesuffix(".html")
    # No waiting between the batch's attempts in this test (production waits 2 s, 10 s).
    monkeypatch.setattr(clean_flow, "STORE_RETRY_DELAYS", (0.0, 0.0))

    def victim_text(method: str, path: str) -> bool:
        return method == "PUT" and path.endswith(f"/{victim}.txt")

    with FaultProxy(moto_endpoint, only=victim_text, error=1.0) as proxy:
        summary = clean_articles(source=f"s3://{raw}/dumps/", dest=f"s3://{clean}/out/",
                                 s3=S3Settings(endpoint_url=proxy.url, max_attempts=2),
                                 batch_size=4, limit=8)
    # 2 requests per attempt (boto3), 3 attempts of the batch (Prefect): then it gives up
    assert proxy.counts["error PUT"] == 6
    assert summary["statuses"] == {"cleaned": 7, "failed": 1}  # not "unchanged": see clean_batch
    lines = {m["key"]: m for m in _manifest(s3, clean, "out/")}
    assert set(lines) == set(keys)
    failed = lines[keys[3]]
    assert failed["status"] == "failed" and failed["retryable"] is True
    assert failed["reason"] == f"cannot write {victim}.txt: InternalError (HTTP 500)"
    outputs = _objects(s3, clean, "out/")
    assert f"{victim}.json" not in outputs and f"{victim}.txt" not in outputs

    again = clean_articles(source=f"s3://{raw}/dumps/", dest=f"s3://{clean}/out/",
                           s3=S3Settings(endpoint_url=moto_endpoint), limit=8)
    assert again["statuses"].get("failed", 0) == 0
    assert again["statuses"]["unchanged"] == 7
    assert f"{victim}.txt" in _objects(s3, clean, "out/")


def test_a_run_that_cannot_write_its_manifest_fails_with_a_one_line_reason(
        s3, moto_endpoint, capsys):
    from newsclean.flows import cli

    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    _upload_source(s3, raw)

    def full_manifest(method: str, path: str) -> bool:
        return method == "PUT" and "/_manifests/" in path and ".parts/" not in path

    with FaultProxy(moto_endpoint, only=full_manifest, slowdown=1.0) as proxy:
        code = cli._run_flow(dict(source=f"s3://{raw}/dumps/", dest=f"s3://{clean}/out/",
                                  s3=S3Settings(endpoint_url=proxy.url, max_attempts=2),
                                  limit=3))
    assert code == cli.EXIT_FAILED
    err = capsys.readouterr().err
    assert "cannot write _manifests/" in err and "SlowDown (HTTP 503)" in err
    assert proxy.counts["slowdown PUT"] == 2
    # what it did write is accounted for in its partial manifest
    parts = [o["Key"] for o in s3.list_objects_v2(Bucket=clean, Prefix="out/_manifests/")
             .get("Contents", ())]
    assert parts and all(".parts/" in k for k in parts)
    lines = [json.loads(x) for k in parts
             for x in s3.get_object(Bucket=clean, Key=k)["Body"].read().splitlines()]
    assert len(lines) == 3
