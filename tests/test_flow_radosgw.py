"""The S3 round trip once more against a production S3 implementation: Ceph radosgw.

Skipped, with the reason, where Ceph's packages are not installed; `.ci/run` installs them.
"""

import shutil

import pytest

from newsclean.flows.orchestration.clean_flow import clean_articles
from newsclean.flows.storage.settings import S3Settings
from tests.conftest import SEED_FILE
from tests.support.radosgw import radosgw_server

pytestmark = [pytest.mark.radosgw, pytest.mark.prefect, pytest.mark.slow]


@pytest.fixture(scope="module")
def rgw(radosgw_workdir, tmp_path_factory):
    with radosgw_server(radosgw_workdir) as server, pytest.MonkeyPatch.context() as mp:
        for k, v in server.env().items():
            if k != "AWS_ENDPOINT_URL":  # the flow gets the endpoint as a parameter
                mp.setenv(k, v)
        yield server


def test_local_to_s3_then_s3_to_s3_then_rerun(rgw, tmp_path):
    client = rgw.client()
    client.create_bucket(Bucket="raw")
    client.create_bucket(Bucket="clean")
    src = tmp_path / "raw"
    src.mkdir()
    for i in range(3):
        shutil.copy(SEED_FILE, src / f"story-{i}.txt")
    settings = S3Settings(endpoint_url=rgw.endpoint_url)

    up = clean_articles(source=str(src), dest="s3://raw/cleaned-local/", s3=settings)
    assert up["statuses"] == {"cleaned": 3}
    for p in src.iterdir():
        client.put_object(Bucket="raw", Key=f"dumps/{p.name}", Body=p.read_bytes())

    summary = clean_articles(source="s3://raw/dumps/", dest="s3://clean/articles/",
                             s3=settings, batch_size=2)
    assert summary["statuses"] == {"cleaned": 3}
    body = client.get_object(Bucket="clean", Key="articles/story-1.txt")["Body"].read().decode()
    assert body.startswith("The United States secret service") and "Akismet" not in body
    listing = client.list_objects_v2(Bucket="clean", Prefix="articles/")["Contents"]
    before = {o["Key"]: o["ETag"] for o in listing if "_manifests" not in o["Key"]}
    assert len(before) == 6

    again = clean_articles(source="s3://raw/dumps/", dest="s3://clean/articles/", s3=settings)
    assert again["statuses"] == {"unchanged": 3}
    listing = client.list_objects_v2(Bucket="clean", Prefix="articles/")["Contents"]
    assert before == {o["Key"]: o["ETag"] for o in listing if "_manifests" not in o["Key"]}
    assert len([o for o in listing if "_manifests/" in o["Key"]]) == 2
