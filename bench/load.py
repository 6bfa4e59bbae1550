"""Load benchmark: N generated documents through `newsclean run` into a loopback S3 server.

    .venv/bin/python -m bench.load --docs 50000 --workers 2

Generates the corpus (tests/support/corpus.py: text and HTML, 1-200 KB, median 8 KB) into
a temporary folder, starts moto's S3 server in its own process, and runs the CLI exactly
as an operator would (`newsclean run SRC s3://bucket/clean/ --workers N`, with its own
temporary Prefect API). While it runs, the resident memory of the CLI's whole process tree
(the flow, its worker processes, the temporary Prefect server) is sampled; the S3 server's
is reported apart, since a real store's memory is not ours. At the end the manifest is read
back and every input must have its line.

Prints one JSON object: documents, bytes, wall time, throughput, peak RSS of the tree (and
of each process in it), statuses. Exit status 1 if an input is missing from the manifest
or the tree's peak passed --max-rss-mb.
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.corpus import documents  # noqa: E402 - after the path is set

BUCKET = "newsclean-load"
# Memory is sampled this often: the flow's batches last seconds, so a peak held for less
# than this is one document's parse at most.
_SAMPLE_SECONDS = 0.25


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


class TreeMemory:
    """Samples the summed RSS of a process and all its descendants in a thread."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.peak = 0
        self.per_process: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        total = 0
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for p in procs:
            try:
                rss = p.memory_info().rss
                name = " ".join(p.cmdline()[1:4])[:80] or p.name()
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            total += rss
            key = f"{p.pid} {name}"
            self.per_process[key] = max(self.per_process.get(key, 0), rss)
        self.peak = max(self.peak, total)

    def _run(self) -> None:
        while not self._stop.wait(_SAMPLE_SECONDS):
            self._sample()

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def _write_corpus(src: Path, n: int, seed: int) -> tuple[int, int]:
    total = html = 0
    for name, data in documents(n, seed=seed):
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
        html += name.endswith(".html")
    return total, html


def _manifest(endpoint: str, run_output: str) -> list[dict]:
    import boto3

    s3 = boto3.client("s3", endpoint_url=endpoint)
    listed = s3.list_objects_v2(Bucket=BUCKET, Prefix="clean/_manifests/").get("Contents", ())
    full = [o["Key"] for o in listed if o["Key"].endswith(".jsonl") and ".parts/" not in o["Key"]]
    if len(full) != 1:
        raise RuntimeError(f"expected one manifest, found {full}; the run said:\n{run_output}")
    body = s3.get_object(Bucket=BUCKET, Key=full[0])["Body"].read()
    return [json.loads(line) for line in body.splitlines()]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.load", description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=50_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batch-size", type=int, default=200)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-rss-mb", type=float, default=1024,
                   help="fail when the run's process tree passes this (default 1 GB)")
    p.add_argument("--workdir", help="where the corpus goes (default: a temporary folder)")
    args = p.parse_args(argv)

    work = Path(args.workdir or tempfile.mkdtemp(prefix="newsclean-load-"))
    src = work / "raw"
    env = {**os.environ, "AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench",
           "AWS_DEFAULT_REGION": "us-east-1", "PREFECT_HOME": str(work / "prefect"),
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1",
           "PYTHONPATH": str(ROOT)}
    for var in ("PREFECT_API_URL", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        env.pop(var, None)
    os.environ.update({k: env[k] for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                           "AWS_DEFAULT_REGION")})

    t0 = time.perf_counter()
    size, html = _write_corpus(src, args.docs, args.seed)
    generated = time.perf_counter() - t0

    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    moto = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p",
                             str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        _wait_for_port(port)
        import boto3

        boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket=BUCKET)
        cmd = [sys.executable, "-m", "newsclean.flows.cli", "run", str(src), f"s3://{BUCKET}/clean/",
               "--workers", str(args.workers), "--batch-size", str(args.batch_size),
               "--endpoint-url", endpoint]
        t1 = time.perf_counter()
        run = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
        with TreeMemory(run.pid) as tree, TreeMemory(moto.pid) as store:
            output, _ = run.communicate()
        wall = time.perf_counter() - t1
        lines = _manifest(endpoint, output)
    finally:
        moto.terminate()
        moto.wait(timeout=30)
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    statuses = Counter(m["status"] for m in lines)
    keys = {m["key"] for m in lines}
    result = {
        "documents": args.docs,
        "html": html,
        "bytes": size,
        "mean_kb": round(size / args.docs / 1024, 1),
        "workers": args.workers,
        "batch_size": args.batch_size,
        "generate_s": round(generated, 1),
        "run_s": round(wall, 1),
        "docs_per_s": round(args.docs / wall, 1),
        "mb_per_s": round(size / wall / 1e6, 2),
        "peak_rss_mb_tree": round(tree.peak / 2**20),
        "peak_rss_mb_per_process": {k: round(v / 2**20) for k, v in
                                    sorted(tree.per_process.items(), key=lambda kv: -kv[1])[:8]},
        "peak_rss_mb_s3_server": round(store.peak / 2**20),
        "manifest_lines": len(lines),
        "statuses": dict(statuses),
        "exit_status": run.returncode,
    }
    print(json.dumps(result, indent=1))
    complete = len(lines) == args.docs and len(keys) == args.docs and run.returncode == 0
    return 0 if complete and tree.peak <= args.max_rss_mb * 2**20 else 1


if __name__ == "__main__":
    sys.exit(main())
