"""Shared fixtures: a loopback S3 server (moto) and a Prefect API started only when needed.

Pure-library tests need neither and start nothing. Tests marked `prefect` get the Prefect
test harness (a real API on a temporary SQLite database), started once per session.
"""

import faulthandler
import os
import re
import socket
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures"
SEED_FILE = SEEDS / "000_acdfea4e7fcc7ad0.txt"

# Fake credentials for the loopback servers; never real ones in tests.
TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "testing-newsclean-key",
    "AWS_SECRET_ACCESS_KEY": "testing-newsclean-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}
for _k, _v in TEST_ENV.items():
    os.environ.setdefault(_k, _v)
for _k in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
    os.environ.pop(_k, None)


# Property tests draw the same examples on every machine, CI included: what fails there
# fails here, from the printed blob. `pytest --hypothesis-profile=explore` draws afresh.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("ci")

# A test stuck where pytest-timeout's SIGALRM cannot reach it (a C call that never comes back
# to Python, a lock) would hold CI to its 90-minute limit and print nothing. Past this many
# seconds (more than any test's timeout) every thread's stack is printed and the run exits.
HANG_SECONDS = 900


@pytest.fixture(autouse=True)
def _hang_watchdog():
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def moto_endpoint():
    """moto's standalone S3 server on 127.0.0.1, spoken to over HTTP by boto3."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def s3(moto_endpoint, request):
    """A boto3 client on the moto server, and a per-test bucket-name factory."""
    import boto3
    from botocore.config import Config

    client = boto3.client("s3", endpoint_url=moto_endpoint,
                          config=Config(s3={"addressing_style": "path"}))
    base = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")[:40]
    made: list[str] = []

    def bucket(label: str) -> str:
        name = f"{label}-{base}"[:63].strip("-")
        client.create_bucket(Bucket=name)
        made.append(name)
        return name

    client.make_bucket = bucket
    return client


def _wants_prefect(session) -> bool:
    return any(item.get_closest_marker("prefect") for item in session.items)


@pytest.fixture(scope="session")
def prefect_api(request):
    """A real Prefect API for the session (the test harness: temporary SQLite database).

    The heartbeat thread costs ~1 s per synchronous flow call; tests turn it off (production
    keeps it, it detects crashed runs).
    """
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=90), temporary_settings(
        updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    ):
        yield


@pytest.fixture(autouse=True)
def _prefect_for_marked(request):
    if request.node.get_closest_marker("prefect"):
        request.getfixturevalue("prefect_api")
    yield


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """A real `prefect server start` on 127.0.0.1 for the session, with its own PREFECT_HOME
    (tests/support/prefect_server.py). Slot waits are capped at 1 s so a run waiting for a
    destination notices a freed slot at once."""
    from tests.support.prefect_server import running_server

    with running_server(tmp_path_factory.mktemp("prefect-server"),
                        PREFECT_SERVER_CONCURRENCY_MAXIMUM_CONCURRENCY_SLOT_WAIT_SECONDS="1") as server:
        yield server


@pytest.fixture(scope="session")
def newsroom(prefect_server, moto_endpoint, tmp_path_factory):
    """deploy/prefect.yaml deployed on that server, and a process worker on pool `newsroom`."""
    from tests.support.prefect_server import newsroom_deployed

    with newsroom_deployed(prefect_server, moto_endpoint, tmp_path_factory.mktemp("worker")) as n:
        yield n


@pytest.fixture(scope="session")
def radosgw_workdir(tmp_path_factory):
    """One single-node Ceph cluster folder per session: the first user bootstraps it
    (~18 s), later ones restart it (~5 s)."""
    from tests.support.radosgw import radosgw_available

    ok, why = radosgw_available()
    if not ok:
        pytest.skip(why)
    return tmp_path_factory.mktemp("radosgw")


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED_FILE.read_bytes()
