"""The CLI's embedded Prefect server (flows/orchestration/local_server.py): started by the
first run without PREFECT_API_URL, reused by the next, stopped once no run uses it."""

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT, SEED_FILE

NEWSCLEAN = [sys.executable, "-m", "newsclean.flows.cli"]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_the_next_run_reuses_the_server_which_stops_when_idle(tmp_path):
    home = tmp_path / "prefect-home"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    # 15 s idle: a CLI exiting at load 15 took over 3 s, and the second run found no server.
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", NEWSCLEAN_SERVER_IDLE_SECONDS="15")
    record = home / "newsclean-server" / "server.json"
    pids = []
    for n in range(2):
        out = subprocess.run([*NEWSCLEAN, "run", str(SEED_FILE), str(tmp_path / f"clean{n}")],
                             env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
        assert out.returncode == 0, out.stderr[-2000:]
        pids.append(json.loads(record.read_text())["pid"])
    assert pids[0] == pids[1] and _alive(pids[0])  # the second run found the first's server
    assert not list((home / "newsclean-server" / "users").iterdir())  # both runs let go
    deadline = time.monotonic() + 60
    while _alive(pids[0]) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(pids[0]), "the idle server did not stop"
    assert not record.exists()
