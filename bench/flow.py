"""The whole flow through Prefect, beside the plain loop and the peer pipeline.

Each measured run is a fresh child process (`python -m bench.flow CONFIG.json`) so its
memory and start-up are its own: the parent samples the child's process tree for peak RSS
and the child reports its own wall time around the work (interpreter start-up and imports
excluded, a process pool's or Dask cluster's start included). The Prefect API is a local
`prefect server` on SQLite started once for the section; S3 is moto's server on loopback
(`--s3 radosgw`: a single-node Ceph radosgw, a real S3 server, on the same machine).

Runs, on the same N pages (html-dev, repeated, one .html.gz per document):
- loop: `clean()` over the pages in memory (the cleaning time every other row is compared
  with) and bare `trafilatura.extract` over the same pages (what datatrove's extractor
  runs), then `process_batch` over all keys in one process, reading the folder and writing
  to S3 — the single-process loop, no Prefect;
- flow: `clean-articles` to a local folder and to S3, with 1 and 2 workers (and 2 Dask
  workers when prefect-dask is installed), plus a run limited to N/4 documents to show
  memory does not grow with N;
- datatrove: JsonlReader → Trafilatura → JsonlWriter with the same pages as .jsonl.gz shards
  and the same number of processes.

"x work" is the issue's ratio, paired round by round: a pipeline's throughput over that of
the work it wraps in one process — `clean()` for ours, bare trafilatura for datatrove's —
so 1.0 with 1 worker and 2.0 with 2 mean no overhead. "Outside" is the share of the wall
time, times the processes, not spent in `clean()`.
"""

import contextlib
import gzip
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.report import Row
from bench.timing import PeakRSS, Series, ratio
from bench.workload import eval_cases

QUIET_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_FLOW_RUNS_LEVEL": "WARNING",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_TASK_RUNS_LEVEL": "WARNING",
    # fake credentials for the loopback moto server, never real ones
    "AWS_ACCESS_KEY_ID": "bench-newsclean-key",
    "AWS_SECRET_ACCESS_KEY": "bench-newsclean-secret",
    "AWS_DEFAULT_REGION": "us-east-1",
}
DATATROVE_SHARDS = 4  # input files for datatrove's tasks (it splits work by file)


@dataclass
class Config:
    key: str
    label: str
    kind: str  # loop | flow | datatrove
    dest: str = "local"  # local | s3
    workers: int = 1
    task_runner: str = "local"
    limit: int | None = None
    batch_size: int = 200


@dataclass
class Result:
    config: Config
    series: Series
    peak_rss: list[int] = field(default_factory=list)
    clean_s: list[float] = field(default_factory=list)  # loop only: clean() alone
    bare_s: list[float] = field(default_factory=list)  # loop only: bare trafilatura.extract


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def prefect_server(home: Path):
    """A local Prefect API (SQLite) for the section; yields its URL."""
    port = _free_port()
    env = {**os.environ, **QUIET_ENV, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    exe = Path(sys.executable).with_name("prefect")
    log = open(home / "server.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([str(exe), "server", "start", "--host", "127.0.0.1", "--port",
                             str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 600  # a fresh database on a loaded machine: minutes
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not start; see {home / 'server.log'}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@contextlib.contextmanager
def moto_server():
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@contextlib.contextmanager
def radosgw_server(workdir: Path):
    """A single-node Ceph radosgw (a real S3 server, deploy/ceph/radosgw.sh) in `workdir`;
    yields (endpoint, its credentials as environment variables). Like moto, it shares this
    machine's cores with the workers: its figures are pessimistic for an S3 elsewhere."""
    script = Path(__file__).resolve().parents[1] / "deploy" / "ceph" / "radosgw.sh"
    port = _free_port()
    out = subprocess.run(["bash", str(script), "start", str(workdir), str(port)],
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise RuntimeError(f"radosgw did not start: {out.stderr.strip()[-500:]}")
    env = dict(line.removeprefix("export ").split("=", 1) for line in out.stdout.splitlines()
               if line.startswith("export "))
    try:
        yield env.pop("AWS_ENDPOINT_URL"), env
    finally:
        subprocess.run(["bash", str(script), "destroy", str(workdir)], capture_output=True,
                       timeout=300)


def write_workload(root: Path, count: int) -> tuple[Path, Path, float]:
    """The pages as files (our source) and as gzip JSONL shards (datatrove's); MB of HTML."""
    cases = eval_cases()
    pages = [(c / "raw.html.gz").read_bytes() for c in cases]
    src, shards = root / "source", root / "jsonl"
    src.mkdir()
    shards.mkdir()
    megabytes = 0.0
    html = [gzip.decompress(p).decode("utf-8", errors="replace") for p in pages]
    with contextlib.ExitStack() as stack:
        outs = [stack.enter_context(gzip.open(shards / f"part-{i}.jsonl.gz", "wt",
                                              encoding="utf-8", compresslevel=1))
                for i in range(DATATROVE_SHARDS)]
        for i in range(count):
            k = i % len(pages)
            (src / f"p{i:05d}.html.gz").write_bytes(pages[k])
            outs[i % DATATROVE_SHARDS].write(json.dumps({"id": str(i), "text": html[k]}) + "\n")
            megabytes += len(html[k].encode()) / 1e6
    return src, shards, megabytes


def configs(workers: int, with_dask: bool, with_s3: bool, with_datatrove: bool,
            count: int, batch_size: int) -> list[Config]:
    out = [Config("loop", "loop → S3, 1 process, no Prefect", "loop", "s3") if with_s3 else
           Config("loop", "loop → folder, 1 process, no Prefect", "loop", "local")]
    for w in (1, workers):
        out.append(Config(f"flow-local-{w}", f"flow → folder, {w} worker{'s' * (w > 1)}",
                          "flow", "local", w, batch_size=batch_size))
        if with_s3:
            out.append(Config(f"flow-s3-{w}", f"flow → S3, {w} worker{'s' * (w > 1)}",
                              "flow", "s3", w, batch_size=batch_size))
    if with_dask:
        where = "S3" if with_s3 else "folder"
        out.append(Config(f"flow-dask-{workers}", f"flow → {where}, Dask LocalCluster of {workers}",
                          "flow", "s3" if with_s3 else "local", workers, task_runner="dask",
                          batch_size=batch_size))
    if with_s3:
        out.append(Config("flow-s3-1-quarter", f"flow → S3, 1 worker, {count // 4} docs",
                          "flow", "s3", 1, limit=max(1, count // 4), batch_size=batch_size))
    if with_datatrove:
        for w in (1, workers):
            out.append(Config(f"datatrove-{w}", f"datatrove reader→Trafilatura→writer, {w} "
                              f"process{'es' * (w > 1)}", "datatrove", "local", w))
    return out


def run_child(cfg: Config, spec: dict, env: dict, workdir: Path) -> tuple[dict, int]:
    out = workdir / f"result-{cfg.key}-{time.monotonic_ns()}.json"
    spec = {**spec, "config": cfg.__dict__, "out": str(out)}
    path = workdir / f"spec-{cfg.key}.json"
    path.write_text(json.dumps(spec))
    proc = subprocess.Popen([sys.executable, "-m", "bench.flow", str(path)], env=env,
                            cwd=Path(__file__).resolve().parents[1],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with PeakRSS(proc.pid) as rss:
        _, err = proc.communicate()
    if proc.returncode != 0 or not out.exists():
        tail = err.decode(errors="replace").strip().splitlines()[-5:]
        raise RuntimeError(f"{cfg.key} failed: " + " | ".join(tail))
    return json.loads(out.read_text()), rss.peak


def flow_section(count: int, rounds: int, workers: int = 2, batch_size: int = 200,
                 batch_sizes: list[int] | None = None, s3_server: str = "moto") -> list[Row]:
    """The flow runs above; with `batch_sizes`, instead the loop and the S3 flow with 1 and
    `workers` workers at each batch size (how the default batch size was chosen).
    `s3_server`: moto (in this process), radosgw (Ceph, when installed) or none (folder
    rows only: the loop writes to a folder)."""
    section = f"flow: {count} dev pages" if not batch_sizes else f"batch size: {count} dev pages"
    if not eval_cases():
        return [Row.skipped("flow", "clean-articles", "html-dev not found beside the repo")]
    if s3_server == "none":
        with_s3 = False
    elif s3_server == "radosgw":
        with_s3 = shutil.which("radosgw") is not None
    else:
        try:
            import moto  # noqa: F401
            with_s3 = True
        except ImportError:
            with_s3 = False
    try:
        import prefect_dask  # noqa: F401
        with_dask = True
    except ImportError:
        with_dask = False
    try:
        import datatrove  # noqa: F401
        with_datatrove = True
    except ImportError:
        with_datatrove = False
    if batch_sizes:
        if not with_s3:
            return [Row.skipped(section, "sweep", "moto not installed (pip install -e '.[test]')")]
        cfgs = [Config("loop", "loop → S3, 1 process, no Prefect", "loop", "s3")]
        cfgs += [Config(f"flow-s3-{w}-bs{b}", f"flow → S3, {w} worker{'s' * (w > 1)}, batch {b}",
                        "flow", "s3", w, batch_size=b) for b in batch_sizes for w in (1, workers)]
    else:
        cfgs = configs(workers, with_dask, with_s3, with_datatrove, count, batch_size)
    workdir = Path(tempfile.mkdtemp(prefix="newsclean-bench-"))
    rows: list[Row] = []
    try:
        src, shards, megabytes = write_workload(workdir, count)
        (workdir / "prefect").mkdir()
        with contextlib.ExitStack() as stack:
            api = stack.enter_context(prefect_server(workdir / "prefect"))
            endpoint, s3_env = None, {}
            if with_s3 and s3_server == "radosgw":
                endpoint, s3_env = stack.enter_context(radosgw_server(workdir / "radosgw"))
            elif with_s3:
                endpoint = stack.enter_context(moto_server())
            env = {**os.environ, **QUIET_ENV, **s3_env, "PREFECT_API_URL": api,
                   "PREFECT_HOME": str(workdir / "prefect")}
            spec = {"source": str(src), "shards": str(shards), "endpoint": endpoint,
                    "workdir": str(workdir)}
            results = {c.key: Result(c, Series(c.label, c.limit or count,
                                               megabytes * (c.limit or count) / count))
                       for c in cfgs}
            # Warm-up: the first flow against a fresh server pays its database's first
            # writes and the first imports from a cold disk cache.
            warm = Config("warmup", "warm-up", "flow", "local", 1, limit=5)
            run_child(warm, spec, env, workdir)
            for r in range(rounds):
                order = cfgs if r % 2 == 0 else list(reversed(cfgs))
                for cfg in order:
                    got, peak = run_child(cfg, spec, env, workdir)
                    res = results[cfg.key]
                    res.series.seconds.append(got["seconds"])
                    res.peak_rss.append(got.get("loop_peak_rss", peak))
                    if "clean_seconds" in got:
                        res.clean_s.append(got["clean_seconds"])
                        res.bare_s.append(got["bare_seconds"])
                    if got.get("docs") != res.series.docs:
                        raise RuntimeError(f"{cfg.key}: {got.get('docs')} documents out of "
                                           f"{res.series.docs}: {got.get('statuses')}")
        rows = _rows(section, results, count, megabytes, workers)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if not with_s3 and s3_server != "none":
        rows.append(Row.skipped(section, "S3 rows", "radosgw not installed" if s3_server == "radosgw"
                                else "moto not installed (pip install -e '.[test]')"))
    if not with_dask:
        rows.append(Row.skipped(section, "Dask row",
                                "prefect-dask not installed (pip install -e '.[dask]')"))
    if not with_datatrove:
        rows.append(Row.skipped(section, "datatrove rows",
                                "datatrove not installed (pip install -e '.[bench]')"))
    return rows


def _rows(section: str, results: dict[str, Result], count: int, megabytes: float,
          workers: int) -> list[Row]:
    import statistics

    rows: list[Row] = []
    loop = results.get("loop")
    clean_s = statistics.median(loop.clean_s) if loop and loop.clean_s else None
    if loop:
        only_clean = Series("clean() alone, in memory, 1 process", count, megabytes, list(loop.clean_s))
        rows.append(Row(section, only_clean.name, only_clean,
                        note="the cleaning time the 'outside' column is measured against"))
        bare = Series("bare trafilatura.extract, in memory, 1 process", count, megabytes,
                      list(loop.bare_s))
        rows.append(Row(section, bare.name, bare,
                        note="what datatrove's extractor runs: its rows' 'x work' column"))
    for res in results.values():
        cfg, s = res.config, res.series
        extra = {"peak_rss_mb": statistics.median(res.peak_rss) / 1e6,
                 "workers": cfg.workers, "batch_size": cfg.batch_size}
        note, vs, rat = "", None, None
        if clean_s and cfg.kind != "datatrove":
            # Share of the wall time (times the processes given) not spent in clean():
            # Prefect, reading and writing, serialization, idle workers.
            docs_clean_s = clean_s * s.docs / count
            extra["outside_cleaning"] = max(0.0, 1 - docs_clean_s / (cfg.workers * s.median))
        if loop and loop.clean_s and not cfg.limit and cfg.kind != "loop":
            # The ratio: this pipeline's throughput over the work it wraps, in one
            # process, same documents, paired round by round (2 workers: 2.0 is perfect
            # scaling). Ours wrap clean(); datatrove's wraps bare trafilatura.extract.
            work = loop.bare_s if cfg.kind == "datatrove" else loop.clean_s
            extra["x_work"] = statistics.median(
                w * s.docs / count / t for w, t in zip(work, s.seconds, strict=False))
        if cfg.kind == "flow" and loop and cfg.dest == "s3" and not cfg.limit:
            vs, rat, note = loop.series, ratio(s, loop.series), "ratio = this / loop → S3"
        if cfg.kind == "datatrove":
            ours = results.get(f"flow-local-{cfg.workers}")
            if ours:
                vs, rat = s, ratio(ours.series, s)
                note = f"ratio = flow → folder, {cfg.workers} worker(s) / this"
        if cfg.limit:
            note = "same flow on a quarter of the documents: peak RSS should not grow with N"
        rows.append(Row(section, cfg.label, s, vs=vs, ratio=rat, note=note, extra=extra))
    return rows


# ---------------------------------------------------------------- child side


def _child(spec: dict) -> dict:
    cfg = Config(**spec["config"])
    source = spec["source"]
    run = f"{cfg.key}-{time.monotonic_ns()}"
    dest = (f"s3://bench-out/{run}/" if cfg.dest == "s3"
            else str(Path(spec["workdir"]) / "out" / run))
    if cfg.kind == "datatrove":
        return _child_datatrove(cfg, spec["shards"], dest, Path(spec["workdir"]) / "logs" / run)

    from newsclean.flows.storage.settings import S3Settings
    s3 = S3Settings(endpoint_url=spec["endpoint"]) if spec["endpoint"] else S3Settings()
    if cfg.dest == "s3":
        from newsclean.flows.storage.backends import s3_client
        with contextlib.suppress(Exception):
            s3_client(s3).create_bucket(Bucket="bench-out")
    if cfg.kind == "loop":
        return _child_loop(source, dest, s3)
    from newsclean.flows.orchestration.clean_flow import clean_articles

    t = time.perf_counter()
    state = clean_articles(source=source, dest=dest, workers=cfg.workers, s3=s3,
                           batch_size=cfg.batch_size, limit=cfg.limit,
                           task_runner=cfg.task_runner, return_state=True)
    seconds = time.perf_counter() - t
    summary = state.result()
    return {"seconds": seconds, "docs": summary["inputs"], "statuses": summary["statuses"]}


def _child_loop(source: str, dest: str, s3) -> dict:
    """The loop first, so the process's high-water mark after it is the loop's own
    ("loop_peak_rss"); then `clean()` and bare trafilatura over the pages held in memory,
    whose copies (~0.4 MB a page) would otherwise be the row's peak."""
    import resource

    from newsclean.cleaners import clean
    from newsclean.flows.storage.backends import open_source
    from newsclean.flows.work.batch import RunPlan, process_batch

    src = open_source(source, s3)
    keys = [o.key for o in src.iter_objects()]
    plan = RunPlan(source_url=source, dest_url=dest, s3=s3)
    t = time.perf_counter()
    entries = process_batch(keys, plan)
    seconds = time.perf_counter() - t
    loop_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    statuses: dict[str, int] = {}
    for e in entries:
        statuses[str(e.status)] = statuses.get(str(e.status), 0) + 1
    docs = len(entries)
    del entries
    raws = [(f"{source}/{k}", src.read(k)) for k in keys]
    t = time.perf_counter()
    for url, raw in raws:
        clean(raw, source=url)
    clean_seconds = time.perf_counter() - t
    import trafilatura

    from bench.pure import TRAFILATURA_KW

    pages = [gzip.decompress(raw).decode("utf-8", errors="replace") for _, raw in raws]
    del raws
    trafilatura.extract(pages[0], **TRAFILATURA_KW)
    t = time.perf_counter()
    for page in pages:
        trafilatura.extract(page, **TRAFILATURA_KW)
    bare_seconds = time.perf_counter() - t
    return {"seconds": seconds, "clean_seconds": clean_seconds, "bare_seconds": bare_seconds,
            "docs": docs, "statuses": statuses, "loop_peak_rss": loop_peak}


def _child_datatrove(cfg: Config, shards: str, dest: str, logs: Path) -> dict:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    # timeout: datatrove drops a page whose extraction takes longer (default 1 s); on a
    # loaded machine a few dev pages would be dropped, and the rows must count the same docs.
    pipeline = [JsonlReader(shards), Trafilatura(favour_precision=True, deduplicate=False,
                                                 timeout=30), JsonlWriter(dest)]
    t = time.perf_counter()
    LocalPipelineExecutor(pipeline=pipeline, tasks=cfg.workers, workers=cfg.workers,
                          logging_dir=str(logs), skip_completed=False).run()
    seconds = time.perf_counter() - t
    docs = 0
    for f in Path(dest).glob("*.jsonl.gz"):
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            docs += sum(1 for _ in fh)
    return {"seconds": seconds, "docs": docs, "statuses": {"written": docs}}


if __name__ == "__main__":
    spec = json.loads(Path(sys.argv[1]).read_text())
    result = _child(spec)
    Path(spec["out"]).write_text(json.dumps(result))
