"""Load: 2,000 generated documents (text and HTML, 1-200 KB) through the flow on two worker
processes into the loopback S3 server; every one accounted for. The 50,000-document run,
with memory and throughput figures, is `bench/load.py`."""

import json
from collections import Counter

import pytest

from newsclean.cleaners import clean
from newsclean.flows.orchestration.clean_flow import clean_articles
from newsclean.flows.storage.records import text_bytes
from newsclean.flows.storage.settings import S3Settings
from tests.support.corpus import documents

pytestmark = [pytest.mark.prefect, pytest.mark.s3, pytest.mark.slow]

DOCS = 2000
# Sizes still span 1-200 KB, around a smaller median than bench/load.py's 8 KB: the suite
# checks accounting at this scale within about a minute; throughput is the benchmark's.
SIZES = dict(median_kb=5)


@pytest.mark.timeout(600)
def test_two_thousand_documents_all_accounted_for(tmp_path, s3, moto_endpoint):
    src = tmp_path / "raw"
    sizes = []
    for name, data in documents(DOCS, **SIZES):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
        sizes.append(len(data))
    assert min(sizes) >= 1024 and max(sizes) <= 200 * 1024
    bucket = s3.make_bucket("load")

    summary = clean_articles(source=str(src), dest=f"s3://{bucket}/clean/", workers=2,
                             s3=S3Settings(endpoint_url=moto_endpoint))

    assert summary["inputs"] == DOCS
    assert set(summary["statuses"]) <= {"cleaned", "needs_review"}, summary["statuses"]
    keys = Counter()
    texts = set()
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix="clean/"):
        for obj in page.get("Contents", ()):
            key = obj["Key"].removeprefix("clean/")
            keys[key.rsplit(".", 1)[-1] if not key.startswith("_manifests/") else "manifest"] += 1
            if key.endswith(".txt"):
                texts.add(key)
    assert keys == {"txt": DOCS, "json": DOCS, "manifest": 1}  # no part left behind
    manifest_key = f"clean/_manifests/{summary['run_id']}.jsonl"
    lines = [json.loads(x) for x in
             s3.get_object(Bucket=bucket, Key=manifest_key)["Body"].read().splitlines()]
    assert len(lines) == DOCS
    assert {m["key"] for m in lines} == {name for name, _ in documents(DOCS, **SIZES)}
    for name, data in list(documents(DOCS, **SIZES))[::400]:  # stored: clean()'s output
        line = next(m for m in lines if m["key"] == name)
        if line["status"] == "cleaned":
            stored = s3.get_object(Bucket=bucket, Key="clean/" + name.rsplit(".", 1)[0] + ".txt")
            assert stored["Body"].read() == text_bytes(clean(data, source=str(src / name)))
