"""A real `prefect server start` on 127.0.0.1 and a process worker, for operator tests.

Everything goes through the server's HTTP API, the way the UI and `prefect` CLI use it:
deployments registered with `prefect deploy` from deploy/prefect.yaml, runs created with
the JSON a UI form posts, a worker subprocess that picks them up.
"""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
PREFECT = str(Path(sys.executable).with_name("prefect"))
START_TIMEOUT = 120  # a fresh SQLite database and its migrations take ~11 s on 2 cores
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}
_BUSY_RETRIES = 12  # ~35 s of backoff: longer than SQLite's lock waits after a busy run


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _clean_env(home: Path) -> dict[str, str]:
    """This process's environment without Prefect settings, and a private PREFECT_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_CLI_PROMPT="false")
    return env


def _stop(proc: subprocess.Popen, timeout: float = 20) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@dataclass
class PrefectServer:
    url: str  # http://127.0.0.1:PORT
    home: Path
    logs: Path
    http: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.http = httpx.Client(base_url=f"{self.url}/api", timeout=30)

    @property
    def api_url(self) -> str:
        return f"{self.url}/api"

    def env(self, **extra: str) -> dict[str, str]:
        """Environment for a client process (CLI, worker) of this server."""
        return {**_clean_env(self.home), "PREFECT_API_URL": self.api_url, **extra}

    def cli(self, *args: str, cwd: Path = ROOT, env: dict | None = None) -> str:
        done = subprocess.run([PREFECT, *args], cwd=cwd, env=env or self.env(),
                              capture_output=True, text=True, timeout=180)
        if done.returncode:
            raise AssertionError(f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def request(self, method: str, path: str, **kwargs) -> httpx.Response:
        """One API call, retried while the server answers 503/429: on SQLite a busy server
        says "database is locked" that way, and Prefect's own client retries it too."""
        for attempt in range(_BUSY_RETRIES):
            r = self.http.request(method, path, **kwargs)
            if r.status_code not in (429, 503):
                return r
            time.sleep(min(0.25 * 2 ** attempt, 4))
        return r

    def get(self, path: str) -> dict | list:
        r = self.request("GET", path)
        r.raise_for_status()
        return r.json()

    def post(self, path: str, body: dict) -> httpx.Response:
        return self.request("POST", path, json=body)

    def deployment(self, name: str) -> dict:
        return self.get(f"/deployments/name/{name}")

    def create_run(self, deployment: str, parameters: dict) -> dict:
        """POST the run the way the UI's Run form does; raise with the server's reason."""
        dep = self.deployment(deployment)
        r = self.post(f"/deployments/{dep['id']}/create_flow_run", {"parameters": parameters})
        if r.status_code >= 300:
            raise AssertionError(f"HTTP {r.status_code}: {r.text}")
        return r.json()

    def wait_for_deployment(self, name: str, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            r = self.request("GET", f"/deployments/name/{name}")
            if r.status_code == 200:
                return r.json()
            if time.monotonic() > deadline:
                raise AssertionError(f"deployment {name} not registered after {timeout} s")
            time.sleep(0.5)

    def flow_run(self, run_id: str) -> dict:
        return self.get(f"/flow_runs/{run_id}")

    def wait(self, run_id: str, timeout: float = 180) -> dict:
        """Poll the run until it reaches a final state (or fail with its last state)."""
        deadline = time.monotonic() + timeout
        while True:
            run = self.flow_run(run_id)
            if run["state"]["type"] in TERMINAL:
                return run
            if time.monotonic() > deadline:
                raise AssertionError(f"run {run['name']} still {run['state']['type']} after {timeout} s")
            time.sleep(0.5)

    def wait_for_log(self, run_id: str, text: str, timeout: float = 120) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.logs_of(run_id):
                if text in line:
                    return line
            time.sleep(0.5)
        raise AssertionError(f"no log line with {text!r} in run {run_id} after {timeout} s")

    def logs_of(self, run_id: str) -> list[str]:
        body = {"logs": {"flow_run_id": {"any_": [run_id]}}, "sort": "TIMESTAMP_ASC", "limit": 200}
        return [entry["message"] for entry in self.post("/logs/filter", body).json()]

    def artifacts_of(self, run_id: str) -> list[dict]:
        body = {"artifacts": {"flow_run_id": {"any_": [run_id]}}}
        return self.post("/artifacts/filter", body).json()

    def task_runs_of(self, run_id: str) -> list[dict]:
        body = {"task_runs": {"flow_run_id": {"any_": [run_id]}}}
        return self.post("/task_runs/filter", body).json()


@contextmanager
def running_server(workdir: Path, **env: str):
    """`prefect server start` on a free loopback port with its own PREFECT_HOME and SQLite
    database; stopped (and waited for) on exit."""
    home = workdir / "prefect-home"
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    server_env = {**_clean_env(home), "PREFECT_UI_API_URL": f"{url}/api",
                  "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
                  **env}
    logs = workdir / "server.log"
    with open(logs, "wb") as out:
        proc = subprocess.Popen([PREFECT, "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                env=server_env, stdout=out, stderr=subprocess.STDOUT, cwd=workdir)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited {proc.returncode}:\n{logs.read_text()[-3000:]}")
            try:
                if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"prefect server not healthy after {START_TIMEOUT} s:\n"
                                   f"{logs.read_text()[-3000:]}")
            time.sleep(0.5)
        server = PrefectServer(url=url, home=home, logs=logs)
        try:
            yield server
        finally:
            server.http.close()
    finally:
        _stop(proc)


@contextmanager
def running_worker(server: PrefectServer, pool: str, logs: Path, cwd: Path = ROOT, **env: str):
    """`prefect worker start --pool POOL`, polling every second, stopped on exit."""
    worker_env = server.env(PREFECT_WORKER_QUERY_SECONDS="1", **env)
    with open(logs, "wb") as out:
        proc = subprocess.Popen([PREFECT, "worker", "start", "--pool", pool], cwd=cwd,
                                env=worker_env, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield proc
    finally:
        _stop(proc)


# A credential no log line, artifact or record may ever contain (the tests grep for it).
FAKE_SECRET = "newsclean-FAKE-secret-7Qx2Lm9Zr4"


@dataclass
class Newsroom:
    server: PrefectServer
    s3_endpoint: str
    worker_log: Path
    deploy_output: str


@contextmanager
def newsroom_deployed(server: PrefectServer, s3_endpoint: str, workdir: Path):
    """The operator's steps from deploy/README.md: create the pool, `prefect deploy` the
    deployments from the repository root, start a worker there (with S3 settings and a
    recognizable fake secret in its environment)."""
    server.cli("work-pool", "create", "newsroom", "--type", "process")
    output = server.cli("--no-prompt", "deploy", "--all", "--prefect-file", "deploy/prefect.yaml")
    logs = workdir / "worker.log"
    with running_worker(server, "newsroom", logs, AWS_ENDPOINT_URL=s3_endpoint,
                        AWS_ACCESS_KEY_ID="newsclean-fake-key-id",
                        AWS_SECRET_ACCESS_KEY=FAKE_SECRET, AWS_DEFAULT_REGION="us-east-1"):
        yield Newsroom(server=server, s3_endpoint=s3_endpoint, worker_log=logs, deploy_output=output)
