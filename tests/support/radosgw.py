"""Start/stop a throw-away single-node Ceph radosgw (real S3) for tests.

Thin wrapper around ``deploy/ceph/radosgw.sh``; every file of the cluster lives in the
work directory the caller gives, so parallel runs and CI clones do not collide.

    from tests.support.radosgw import radosgw_available, radosgw_server

    ok, why = radosgw_available()
    with radosgw_server(tmp_path / "ceph") as rgw:
        s3 = rgw.client()          # boto3 S3 client, path-style addressing
        ...                         # rgw.endpoint_url, rgw.access_key, rgw.secret_key, rgw.region

The cluster is always stopped when the ``with`` block exits (also on errors); its
data stays in the work directory, so a second ``radosgw_server`` on the same
directory restarts it (~5 s) instead of bootstrapping (~18 s).
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).resolve().parents[2] / "deploy" / "ceph" / "radosgw.sh"
REQUIRED_BINARIES = (
    "radosgw",
    "ceph-mon",
    "ceph-osd",
    "ceph",
    "radosgw-admin",
    "monmaptool",
    "uuidgen",
    "curl",
)
INSTALL_HINT = "apt-get install -y ceph-mon ceph-osd radosgw ceph-common uuid-runtime curl"
START_TIMEOUT = 420  # seconds for `radosgw.sh start` as a whole (the script times out each step itself)
STOP_TIMEOUT = 180


class RadosgwError(RuntimeError):
    """`radosgw.sh` failed; the message carries its stderr (with the log tail)."""


@dataclass(frozen=True)
class RadosgwServer:
    endpoint_url: str
    access_key: str
    secret_key: str
    region: str
    port: int
    workdir: Path

    def env(self) -> dict[str, str]:
        """AWS_* variables pointing at this server (merge into os.environ / subprocess env)."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_DEFAULT_REGION": self.region,
        }

    def client(self, **kwargs: Any) -> Any:
        """A boto3 S3 client for this server: path-style addressing, short timeouts, few retries."""
        import boto3
        from botocore.config import Config

        config = Config(
            s3={"addressing_style": "path"},
            connect_timeout=5,
            read_timeout=30,
            retries={"max_attempts": 2, "mode": "standard"},
        )
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name=self.region,
            config=kwargs.pop("config", config),
            **kwargs,
        )


def radosgw_available() -> tuple[bool, str]:
    """(True, "") when the Ceph binaries are installed, else (False, why) — for pytest.skip."""
    missing = [b for b in REQUIRED_BINARIES if shutil.which(b) is None]
    if missing:
        return False, f"radosgw test cluster needs {', '.join(missing)} ({INSTALL_HINT})"
    if not SCRIPT.is_file():
        return False, f"{SCRIPT} is missing"
    return True, ""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _parse_exports(stdout: str) -> dict[str, str]:
    env = {}
    for line in stdout.splitlines():
        if line.startswith("export ") and "=" in line:
            key, _, value = line[len("export ") :].partition("=")
            env[key.strip()] = value.strip().strip("'\"")
    return env


def start_radosgw(workdir: Path, port: int) -> RadosgwServer:
    """Bootstrap (or restart) the cluster in ``workdir``; raise RadosgwError on failure."""
    try:
        proc = _run("start", str(workdir), str(port), timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        raise RadosgwError(f"radosgw.sh start {workdir} timed out after {START_TIMEOUT}s") from exc
    if proc.returncode != 0:
        raise RadosgwError(
            f"radosgw.sh start {workdir} {port} failed (exit {proc.returncode}):\n{proc.stderr.strip()}"
        )
    env = _parse_exports(proc.stdout)
    try:
        return RadosgwServer(
            endpoint_url=env["AWS_ENDPOINT_URL"],
            access_key=env["AWS_ACCESS_KEY_ID"],
            secret_key=env["AWS_SECRET_ACCESS_KEY"],
            region=env["AWS_DEFAULT_REGION"],
            port=port,
            workdir=workdir,
        )
    except KeyError as exc:
        raise RadosgwError(f"radosgw.sh start printed no {exc} export:\n{proc.stdout}") from exc


def stop_radosgw(workdir: Path) -> None:
    """Stop every daemon of the cluster in ``workdir`` and wait for them (idempotent)."""
    proc = _run("stop", str(workdir), timeout=STOP_TIMEOUT)
    if proc.returncode != 0:
        raise RadosgwError(
            f"radosgw.sh stop {workdir} failed (exit {proc.returncode}):\n{proc.stderr.strip()}"
        )


def reap_orphans() -> None:
    """SIGTERM radosgw.sh daemons whose work directory was deleted (left by killed runs)."""
    _run("reap", timeout=30)


@contextlib.contextmanager
def radosgw_server(workdir: Path, port: int | None = None) -> Iterator[RadosgwServer]:
    """Run a radosgw for the ``with`` block; ``port=None`` picks a free one.

    Restarts the cluster if ``workdir`` already holds one. Always stops it on exit.
    """
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    reap_orphans()
    attempts = 1 if port is not None else 3
    try:
        for attempt in range(attempts):
            try:
                server = start_radosgw(workdir, port if port is not None else free_port())
                break
            except RadosgwError as exc:
                # a freshly picked port can be grabbed by someone else before radosgw binds it
                if attempt + 1 == attempts or "already in use" not in str(exc):
                    raise
        yield server
    except BaseException:
        with contextlib.suppress(Exception):  # keep the original error
            stop_radosgw(workdir)
        raise
    stop_radosgw(workdir)
