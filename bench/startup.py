"""`newsclean run` on one document, from spawn: the start-up the flow adds before any cleaning.

Three ways to get a Prefect API, same document, same PREFECT_HOME (its database already
made, as on any machine after the first run), the order alternating round by round:

- **embedded, warm**: the CLI's shared embedded server is alive from an earlier run (the
  common case: runs within NEWSCLEAN_SERVER_IDLE_SECONDS of each other);
- **embedded, cold**: no server is running; the run starts the embedded one;
- **Prefect's temporary server**: NEWSCLEAN_SERVER_IDLE_SECONDS=0, Prefect's own per-run
  subprocess server (what every run paid before).

Two times each: to the flow's "1 inputs under …" log line (the listing is done and the
destination lock held: the first batch is submitted next) and the whole command.
"""

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.report import Row
from bench.workload import ROOT

MODES = ("embedded, warm", "embedded, cold", "Prefect's temporary server")


def _env(home: Path, mode: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    if mode == MODES[2]:
        env["NEWSCLEAN_SERVER_IDLE_SECONDS"] = "0"
        # Prefect gives its temporary server 20 s, which a loaded machine overruns.
        env["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "600"
    return env


def _stop_embedded(home: Path) -> None:
    """Stop the embedded server recorded under `home` and wait for it to exit."""
    try:
        pid = json.loads((home / "newsclean-server" / "server.json").read_text())["pid"]
    except (OSError, ValueError, KeyError):
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)


def _one_run(cmd: list[str], dest: Path, env: dict) -> tuple[float, float]:
    """(seconds to the flow's "N inputs under …" log line, just before it submits its first
    batch; seconds to exit). `-v` puts the flow's log lines on stderr."""
    shutil.rmtree(dest, ignore_errors=True)
    t = time.perf_counter()
    proc = subprocess.Popen([*cmd, str(dest), "-v"], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    first = None
    tail: list[str] = []
    for line in proc.stderr:
        if first is None and " inputs under " in line:
            first = time.perf_counter() - t
        tail = [*tail[-4:], line.strip()]
    proc.wait()
    total = time.perf_counter() - t
    if proc.returncode != 0 or first is None:
        raise RuntimeError(f"newsclean run exited {proc.returncode}: {' | '.join(tail)}")
    return first, total


def startup_section(rounds: int) -> list[Row]:
    exe = os.path.join(os.path.dirname(sys.executable), "newsclean")
    cli = [exe] if os.path.exists(exe) else [sys.executable, "-m", "newsclean.flows.cli"]
    seed = str(ROOT / "seeds" / "001_senate-farm-bill-stalls.txt")
    tmp = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    home, dest = tmp / "prefect-home", tmp / "clean"
    cmd = [*cli, "run", seed]
    times = {m: ([], []) for m in MODES}
    try:
        _one_run(cmd, dest, _env(home, MODES[0]))  # makes the database (its migrations: once)
        for r in range(rounds):
            for mode in MODES if r % 2 == 0 else reversed(MODES):
                if mode == MODES[1]:
                    _stop_embedded(home)
                elif mode == MODES[0] and not (home / "newsclean-server" / "server.json").exists():
                    _one_run(cmd, dest, _env(home, mode))  # warm it (not timed)
                first, total = _one_run(cmd, dest, _env(home, mode))
                times[mode][0].append(first)
                times[mode][1].append(total)
    finally:
        _stop_embedded(home)
        shutil.rmtree(tmp, ignore_errors=True)
    base = times[MODES[2]][1]
    rows = []
    for mode in MODES:
        first, total = (statistics.median(x) for x in times[mode])
        ratio = statistics.median(b / t for b, t in zip(base, times[mode][1], strict=True))
        rows.append(Row.timing("startup", f"newsclean run, 1 document: {mode}", total,
                               note=f"first batch at {first:.2f} s; {ratio:.2f}x as fast as "
                                    f"Prefect's temporary server; median of {rounds}"))
    return rows
