"""Credentials come from the environment or an AWS profile and go nowhere else: not into
outputs, records, manifests, Prefect logs, artifacts, run parameters, or error messages,
even when requests fail."""

import logging

import pytest

from newsclean.flows.orchestration import clean_flow
from newsclean.flows.orchestration.clean_flow import clean_articles
from newsclean.flows.storage.settings import S3Settings
from tests.conftest import SEED_FILE
from tests.support.faultproxy import FaultProxy

pytestmark = [pytest.mark.prefect, pytest.mark.s3]

SECRET = "NewscleanFakeSecret+Do/Not/Leak0123456789abcdef"
PROFILE_SECRET = "NewscleanProfileSecret+Also/Hidden9876543210fedcba"
KEY_ID = "AKIANEWSCLEANFAKE0001"


def _everything_the_run_left(s3, bucket: str, state) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter,
        ArtifactFilterFlowRunId,
        FlowRunFilter,
        FlowRunFilterId,
        LogFilter,
        LogFilterFlowRunId,
    )
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=10)
    run_id = state.state_details.flow_run_id
    found = [repr(state), str(state.message)]
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", ()):
            found.append(obj["Key"])
            found.append(s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read().decode())
    with get_client(sync_client=True) as client:
        found.append(client.read_flow_run(run_id).model_dump_json())
        found += [t.model_dump_json() for t in client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id])))]
        logs = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id])))
        found += [log.model_dump_json() for log in logs]
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
        found += [a.model_dump_json() for a in artifacts]
    assert logs and artifacts  # the search covers something
    return found


def test_no_secret_in_anything_a_failing_run_produces(tmp_path, s3, moto_endpoint, monkeypatch, caplog):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", KEY_ID)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET)
    profiles = tmp_path / "credentials"
    profiles.write_text(f"[newsroom]\naws_access_key_id = {KEY_ID}\n"
                        f"aws_secret_access_key = {PROFILE_SECRET}\n")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(profiles))
    monkeypatch.setattr(clean_flow, "STORE_RETRY_DELAYS", (0.0, 0.0))
    caplog.set_level(logging.DEBUG, logger="flows")
    src = tmp_path / "raw"
    src.mkdir()
    (src / "story.txt").write_bytes(SEED_FILE.read_bytes())
    (src / "stuck.txt").write_bytes(SEED_FILE.read_bytes().replace(b"secret", b"hidden"))
    (src / "pixel.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    bucket = s3.make_bucket("secrets")

    def stuck(method: str, path: str) -> bool:  # one document's writes always fail
        return method == "PUT" and "/stuck." in path

    texts: list[str] = []
    for profile, secret in ((None, SECRET), ("newsroom", PROFILE_SECRET)):
        with FaultProxy(moto_endpoint, only=stuck, error=1.0) as proxy:
            settings = S3Settings(endpoint_url=proxy.url, profile=profile, max_attempts=2)
            state = clean_articles(source=str(src), dest=f"s3://{bucket}/{profile or 'env'}/",
                                   s3=settings, return_state=True)
        assert state.is_completed()
        summary = state.result()
        assert summary["statuses"] == {"cleaned": 1, "failed": 1, "rejected": 1}
        # a run that cannot start: its one-line error names no credential either
        failed = clean_articles(source=str(src), dest="s3://no-such-bucket-newsclean/x/",
                                s3=settings, return_state=True)
        assert failed.is_failed()
        texts += _everything_the_run_left(s3, bucket, state)
        texts += [repr(failed), str(failed.message)]
        with pytest.raises(Exception) as err:
            failed.result()
        texts += [str(err.value), repr(err.value)]
        texts += [r.getMessage() for r in caplog.records] + [caplog.text]
        assert all(secret not in t for t in texts)

    blob = "\n".join(texts)
    assert "InternalError (HTTP 500)" in blob  # the failure is explained…
    for leak in (SECRET, PROFILE_SECRET, SECRET.split("+")[1], PROFILE_SECRET.split("+")[1]):
        assert leak not in blob  # …without any part of a secret


def test_rotated_credentials_are_used_without_clearing_any_cache(monkeypatch, moto_endpoint):
    """Issue 14: S3 clients were cached per settings for the life of the process, so a
    client made before the credentials changed kept the old ones (tests had to clear the
    cache by hand). The credentials in the environment are now part of the cache key."""
    from newsclean.flows.storage.backends import open_store

    settings = S3Settings(endpoint_url=moto_endpoint)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "first-fake-secret")
    first = open_store("s3://rotation/a/", settings).client
    assert open_store("s3://rotation/b/", settings).client is first  # reused meanwhile
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "second-fake-secret")
    second = open_store("s3://rotation/a/", settings).client
    assert second._request_signer._credentials.secret_key == "second-fake-secret"
