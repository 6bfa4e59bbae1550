"""Issue 14: one pool worker killed from outside (the OOM killer, an operator) cost every
later batch of the run (`failed`: BrokenProcessPool). The pool is now replaced and the
batches it had in flight are tried again."""

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from newsclean.flows.orchestration.clean_flow import clean_articles
from tests.support.corpus import documents

pytestmark = pytest.mark.prefect

DOCS = 60


def _pool_workers() -> list[int]:
    """This process's children started by multiprocessing's spawn (the pool's workers)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            cmd = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"spawn_main" in cmd:
            found.append(int(proc.name))
    return found


@pytest.mark.timeout(300)
def test_a_killed_pool_worker_costs_no_batch(tmp_path):
    src, dest = tmp_path / "raw", tmp_path / "clean"
    for name, data in documents(DOCS, max_kb=20):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    killed: list[int] = []

    def kill_one_worker() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if sum(1 for _ in dest.rglob("*.json")) >= 5 and (workers := _pool_workers()):
                os.kill(workers[0], signal.SIGKILL)
                killed.append(workers[0])
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_one_worker, daemon=True)
    killer.start()
    summary = clean_articles(source=str(src), dest=str(dest), batch_size=3, workers=2)
    killer.join()

    assert killed, "no worker was killed: the run finished first"
    assert summary["inputs"] == DOCS
    assert "failed" not in summary["statuses"], summary["statuses"]
    assert sum(1 for p in dest.rglob("*.json") if "_manifests" not in p.parts) == DOCS


def test_a_run_on_a_process_pool_leaves_the_process_environment_alone(tmp_path):
    """Issue 14: the flow set os.environ["PREFECT_API_URL"] for the length of a pooled run
    (seen by every thread of the process, and removed under any other flow running in it);
    the workers now get the address through the run's Prefect settings."""
    src, dest = tmp_path / "raw", tmp_path / "clean"
    for name, data in documents(8, max_kb=10):
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)
    assert "PREFECT_API_URL" not in os.environ  # the harness keeps it in Prefect's settings
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            if "PREFECT_API_URL" in os.environ:
                seen.append(os.environ.get("PREFECT_API_URL", ""))
            time.sleep(0.005)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        summary = clean_articles(source=str(src), dest=str(dest), batch_size=2, workers=2)
    finally:
        stop.set()
        watcher.join()
    assert summary["inputs"] == 8 and "failed" not in summary["statuses"]
    assert not seen
