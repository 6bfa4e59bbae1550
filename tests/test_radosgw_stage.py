"""Real-S3 checks against a throw-away Ceph radosgw (deploy/ceph/radosgw.sh).

Skipped when the Ceph binaries are missing. Cold start ~18 s, restart ~5 s, stop ~6 s.
Run: .venv/bin/python -m pytest -m radosgw tests/test_radosgw_stage.py -s
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

try:
    from tests.support.radosgw import RadosgwServer, radosgw_server, stop_radosgw
except ImportError:  # tests/ itself on sys.path (pytest's rootdir-less prepend mode)
    from support.radosgw import RadosgwServer, radosgw_server, stop_radosgw

pytestmark = pytest.mark.radosgw

BUCKET = "newsclean-stage"
TIMINGS: dict[str, float] = {}


def ceph_pids(workdir: Path) -> list[int]:
    """Pids of live processes started with WORKDIR's ceph.conf."""
    conf = str(workdir.resolve() / "ceph.conf")
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if conf.encode() in argv:
            pids.append(int(proc.name))
    return pids


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def assert_all_stopped(workdir: Path, port: int) -> None:
    assert ceph_pids(workdir) == [], "ceph daemons still running after stop"
    assert not port_open(port), f"port {port} still accepts connections after stop"


@pytest.fixture(scope="module")
def workdir(radosgw_workdir: Path) -> Path:
    return radosgw_workdir


@pytest.fixture(scope="module")
def rgw(workdir: Path):
    t0 = time.monotonic()
    with radosgw_server(workdir) as server:
        TIMINGS["cold_start"] = time.monotonic() - t0
        yield server
    assert_all_stopped(workdir, server.port)


def test_bucket_put_get_head_delete(rgw: RadosgwServer) -> None:
    s3 = rgw.client()
    s3.create_bucket(Bucket=BUCKET)
    assert BUCKET in [b["Name"] for b in s3.list_buckets()["Buckets"]]

    body = "clean article – ünïcode ✓".encode()
    s3.put_object(
        Bucket=BUCKET,
        Key="clean/a.txt",
        Body=body,
        ContentType="text/plain; charset=utf-8",
        Metadata={"source": "test"},
    )
    got = s3.get_object(Bucket=BUCKET, Key="clean/a.txt")
    assert got["Body"].read() == body
    head = s3.head_object(Bucket=BUCKET, Key="clean/a.txt")
    assert head["ContentLength"] == len(body)
    assert head["Metadata"] == {"source": "test"}

    s3.delete_object(Bucket=BUCKET, Key="clean/a.txt")
    with pytest.raises(s3.exceptions.ClientError) as err:
        s3.head_object(Bucket=BUCKET, Key="clean/a.txt")
    assert err.value.response["Error"]["Code"] in ("404", "NoSuchKey")


def test_list_prefix_and_pagination(rgw: RadosgwServer) -> None:
    s3 = rgw.client()
    s3.create_bucket(Bucket="newsclean-list")
    keys = [f"runs/2024/{i:02d}.json" for i in range(5)]
    for key in keys + ["other/x.json"]:
        s3.put_object(Bucket="newsclean-list", Key=key, Body=b"{}")

    pages, token = [], None
    while True:
        kwargs = {"Bucket": "newsclean-list", "Prefix": "runs/", "MaxKeys": 2}
        if token:
            kwargs["ContinuationToken"] = token
        page = s3.list_objects_v2(**kwargs)
        pages.append([o["Key"] for o in page.get("Contents", [])])
        if not page["IsTruncated"]:
            break
        token = page["NextContinuationToken"]
    assert pages == [keys[0:2], keys[2:4], keys[4:5]]

    paginated = [
        o["Key"]
        for p in s3.get_paginator("list_objects_v2").paginate(
            Bucket="newsclean-list", Prefix="runs/", PaginationConfig={"PageSize": 2}
        )
        for o in p.get("Contents", [])
    ]
    assert paginated == keys

    for key in keys + ["other/x.json"]:
        s3.delete_object(Bucket="newsclean-list", Key=key)
    s3.delete_bucket(Bucket="newsclean-list")


def test_stop_then_restart_keeps_data(workdir: Path, rgw: RadosgwServer) -> None:
    s3 = rgw.client()
    s3.put_object(Bucket=BUCKET, Key="keep/me.txt", Body=b"survives a restart")

    t0 = time.monotonic()
    stop_radosgw(workdir)
    TIMINGS["stop"] = time.monotonic() - t0
    assert_all_stopped(workdir, rgw.port)
    stop_radosgw(workdir)  # idempotent

    t0 = time.monotonic()
    with radosgw_server(workdir) as again:
        TIMINGS["restart"] = time.monotonic() - t0
        s3 = again.client()
        assert s3.get_object(Bucket=BUCKET, Key="keep/me.txt")["Body"].read() == b"survives a restart"
        s3.delete_object(Bucket=BUCKET, Key="keep/me.txt")
        s3.delete_bucket(Bucket=BUCKET)
    assert_all_stopped(workdir, again.port)
    print("radosgw timings (s): " + ", ".join(f"{k}={v:.1f}" for k, v in TIMINGS.items()))
