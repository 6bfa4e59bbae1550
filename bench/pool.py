"""The work-pool path: how a newsroom grows past one process without Dask.

deploy/prefect.yaml's `on-demand` deployed on a local `prefect server` (SQLite), pool
`newsroom` of type process, then the same `parts` flow runs of `clean-articles/on-demand`
(each one prefix of the pages, `workers: 1`, into its own destination: one writer per
destination) queued at once and taken by 1 and then by 2 `prefect worker start --pool
newsroom --limit 1` processes — each worker standing for one machine that runs one flow at
a time. The wall time runs from the runs' creation through the API (as the UI's Run button
does) to the last one's COMPLETED state; the setups alternate round by round, after
`clean()` over the same pages in memory in this process ("x work": a setup's docs/s over
`clean()`'s, paired by round, as in the flow section).

On one 2-core machine the two workers share the cores with each other and the server, so a
second machine would add at least "2 workers over 1"; each flow run also pays its own
process start (a worker runs every flow run in a fresh Python process: imports, models, the
flow's API calls).
"""

import contextlib
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import httpx

from bench.flow import QUIET_ENV, prefect_server
from bench.report import Row
from bench.timing import PeakRSS, Series, ratio
from bench.workload import eval_cases

ROOT = Path(__file__).resolve().parents[1]
DEPLOYMENT = "clean-articles/on-demand"
POLL_SECONDS = 1  # the workers' PREFECT_WORKER_QUERY_SECONDS (Prefect's default is 10)


def write_parts(src: Path, count: int, parts: int) -> float:
    """`count` html-dev pages as .html.gz files in `parts` folders; MB of HTML."""
    pages = [(c / "raw.html.gz").read_bytes() for c in eval_cases()]
    inflated = [len(gzip.decompress(page)) / 1e6 for page in pages]
    for j in range(parts):
        (src / f"part-{j}").mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (src / f"part-{i % parts}" / f"p{i:05d}.html.gz").write_bytes(pages[i % len(pages)])
    return sum(inflated[i % len(pages)] for i in range(count))


class Api:
    """The few calls of Prefect's REST API the section needs."""

    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url, timeout=30)

    def _call(self, method: str, path: str, body: dict | None = None):
        """The call's JSON; a 503 (SQLite busy under load) is asked again, as Prefect's
        own client does."""
        for attempt in range(6):
            r = self.http.request(method, path, json=body)
            if r.status_code != 503 or attempt == 5:
                return r.raise_for_status().json()
            time.sleep(0.5 * 2 ** attempt)

    def deployment_id(self, name: str) -> str:
        return self._call("GET", f"/deployments/name/{name}")["id"]

    def create_run(self, deployment_id: str, parameters: dict) -> str:
        return self._call("POST", f"/deployments/{deployment_id}/create_flow_run",
                          {"parameters": parameters})["id"]

    def wait_online(self, names: set[str], timeout: float = 300) -> None:
        """Until every named worker has sent its first heartbeat: long-lived workers are
        what the section measures, not their start."""
        deadline = time.monotonic() + timeout
        while True:
            workers = self._call("POST", "/work_pools/newsroom/workers/filter", {})
            online = {w["name"] for w in workers if w.get("status") == "ONLINE"}
            if names <= online:
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"workers not online after {timeout:.0f} s: {sorted(names - online)}")
            time.sleep(0.5)

    def states(self, run_ids: list[str]) -> dict[str, dict]:
        body = {"flow_runs": {"id": {"any_": run_ids}}, "limit": len(run_ids)}
        runs = self._call("POST", "/flow_runs/filter", body)
        return {r["id"]: r for r in runs}


@contextlib.contextmanager
def workers_on_pool(n: int, env: dict, logs: Path):
    """`n` process workers on pool `newsroom`, one flow run at a time each; yields their
    names and pids, stopped (and waited for) on exit."""
    exe = str(Path(sys.executable).with_name("prefect"))
    procs = []
    try:
        for i in range(n):
            with open(logs / f"worker-{n}-{i}.log", "ab") as out:
                procs.append(subprocess.Popen(
                    [exe, "worker", "start", "--pool", "newsroom", "--limit", "1",
                     "--name", f"bench-{n}-{i}"],
                    cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT))
        yield {f"bench-{n}-{i}" for i in range(n)}, [p.pid for p in procs]
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def run_parts(api: Api, dep: str, src: Path, dest: Path, parts: int,
              timeout: float = 3600) -> tuple[float, list[dict]]:
    """Queue one flow run per part and wait for all; (wall seconds, the runs as the API
    returns them)."""
    t = time.perf_counter()
    ids = [api.create_run(dep, {"source": str(src / f"part-{j}"),
                                "dest": str(dest / f"part-{j}")}) for j in range(parts)]
    while True:
        runs = api.states(ids)
        kinds = [r["state"]["type"] for r in runs.values()]
        if len(runs) == len(ids) and all(k == "COMPLETED" for k in kinds):
            return time.perf_counter() - t, list(runs.values())
        bad = [r for r in runs.values() if r["state"]["type"] in ("FAILED", "CRASHED", "CANCELLED")]
        if bad:
            raise RuntimeError(f"flow run {bad[0]['name']}: {bad[0]['state']['message']}")
        if time.perf_counter() - t > timeout:
            raise RuntimeError(f"flow runs not done after {timeout:.0f} s: {kinds}")
        time.sleep(0.5)


def _start_and_length(runs: list[dict]) -> tuple[float, list[float]]:
    """How long the first run waited from its creation to its flow's start (the worker's
    poll, the run's process start, imports, the pull step), and each run's own length."""
    first = min(_ts(r["start_time"]) - _ts(r["created"]) for r in runs)
    return first, [_ts(r["end_time"]) - _ts(r["start_time"]) for r in runs]


def _ts(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def pool_section(count: int, rounds: int, parts: int = 4, max_workers: int = 2) -> list[Row]:
    """Rows: `clean()` over the pages in memory in this process (the work), then docs/s of
    the pool's runs with 1..max_workers workers, "x work" over `clean()` and the ratio over
    1 worker (both paired by round), the summed peak RSS of the workers' process trees, the
    first run's start and the runs' median length."""
    if not eval_cases():
        return [Row.skipped("pool", "work pool", "../shared/eval/html-dev not found")]
    from newsclean.cleaners import clean

    root = Path(tempfile.mkdtemp(prefix="newsclean-bench-pool-"))
    try:
        src = root / "source"
        megabytes = write_parts(src, count, parts)
        pages = [(str(f), f.read_bytes()) for f in sorted(src.rglob("*.html.gz"))]
        clean(pages[0][1], source=pages[0][0])  # models and rule lineups, as a worker's first run

        def clean_all() -> None:
            for url, raw in pages:
                clean(raw, source=url)

        home = root / "prefect-home"
        home.mkdir()
        with prefect_server(home) as url:
            env = {**os.environ, **QUIET_ENV, "PREFECT_HOME": str(home), "PREFECT_API_URL": url,
                   "PREFECT_WORKER_QUERY_SECONDS": str(POLL_SECONDS)}
            prefect = str(Path(sys.executable).with_name("prefect"))
            for args in (["work-pool", "create", "newsroom", "--type", "process"],
                         # on-demand only: the nightly schedule must not queue a run here
                         ["--no-prompt", "deploy", "--name", "on-demand", "--prefect-file",
                          "deploy/prefect.yaml"]):
                subprocess.run([prefect, *args], cwd=ROOT, env=env, check=True,
                               capture_output=True, timeout=600)
            api = Api(url)
            dep = api.deployment_id(DEPLOYMENT)
            sizes = list(range(1, max_workers + 1))
            work = Series("clean()", count, megabytes)
            series = {n: Series(f"{n} workers", count, megabytes) for n in sizes}
            peaks: dict[int, list[int]] = {n: [] for n in sizes}
            starts: dict[int, list[float]] = {n: [] for n in sizes}
            lengths: dict[int, list[float]] = {n: [] for n in sizes}
            for r in range(rounds):
                t = time.perf_counter()
                clean_all()
                work.seconds.append(time.perf_counter() - t)
                for n in sizes if r % 2 == 0 else reversed(sizes):
                    dest = root / f"out-{n}-{r}"
                    with workers_on_pool(n, env, root) as (names, pids):
                        api.wait_online(names)
                        samplers = [PeakRSS(pid) for pid in pids]
                        with contextlib.ExitStack() as stack:
                            for sampler in samplers:
                                stack.enter_context(sampler)
                            wall, runs = run_parts(api, dep, src, dest, parts)
                    series[n].seconds.append(wall)
                    peaks[n].append(sum(sampler.peak for sampler in samplers))
                    first, each = _start_and_length(runs)
                    starts[n].append(first)
                    lengths[n] += each
                    shutil.rmtree(dest, ignore_errors=True)
        rows = [Row("pool", "clean(), in memory, 1 process", work)]
        for n in sizes:
            rows.append(Row(
                "pool", f"work pool, {n} worker{'s' * (n > 1)} (--limit 1), {parts} runs",
                series[n], vs=series[1] if n > 1 else None,
                ratio=ratio(series[n], series[1]) if n > 1 else None,
                note=f"first run started after {statistics.median(starts[n]):.1f} s; "
                     f"a run {statistics.median(lengths[n]):.1f} s (median)",
                extra={"x_work": round(ratio(series[n], work), 3),
                       "peak_rss_mb": max(peaks[n]) / 1e6,
                       "first_start_s": round(statistics.median(starts[n]), 2),
                       "run_length_s": round(statistics.median(lengths[n]), 2)}))
        return rows
    finally:
        shutil.rmtree(root, ignore_errors=True)
