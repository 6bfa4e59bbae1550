"""Operators' view, end to end: deploy/prefect.yaml registered with `prefect deploy` on a
real `prefect server start`, a process worker on pool `newsroom`, runs created through the
HTTP API the way the UI creates them, S3 (moto over HTTP) outputs and the run's artifacts."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from newsclean.flows.orchestration.dest_lock import lock_name
from tests.conftest import ROOT, SEED_FILE
from tests.support.prefect_server import FAKE_SECRET

BRIEF = (b"Council approves new bike lanes\n\n"
         b"The city council voted on Tuesday to add bike lanes along Main Street, the mayor said.\n\n"
         b"Share on Facebook\n")
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _upload_inputs(s3, bucket: str) -> None:
    """One article, one that loses too much (review queue), one that is not text."""
    s3.put_object(Bucket=bucket, Key="dumps/2018/07/north-korea.txt", Body=SEED_FILE.read_bytes())
    s3.put_object(Bucket=bucket, Key="dumps/2018/07/brief.txt", Body=BRIEF)
    s3.put_object(Bucket=bucket, Key="dumps/2018/08/pixel.html", Body=BINARY)


def _keys(s3, bucket: str) -> set[str]:
    return {o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])}


def _ui_parameters(server, deployment: str, **values) -> dict:
    """What the Run form posts: every parameter, defaults filled in from the schema."""
    schema = server.deployment(deployment)["parameter_openapi_schema"]
    return {**{k: p["default"] for k, p in schema["properties"].items() if "default" in p}, **values}


def _artifacts(server, run_id: str) -> dict[str, dict]:
    return {a["type"]: a for a in server.artifacts_of(run_id)}


@pytest.mark.slow
@pytest.mark.s3
def test_deploy_registers_nightly_and_on_demand(newsroom):
    server = newsroom.server
    nightly = server.deployment("clean-articles/nightly")
    [schedule] = nightly["schedules"]
    assert schedule["schedule"]["cron"] == "30 2 * * *"
    assert schedule["schedule"]["timezone"] == "Europe/London" and schedule["active"]
    assert nightly["parameters"]["source"].startswith("s3://")
    on_demand = server.deployment("clean-articles/on-demand")
    assert on_demand["schedules"] == [] and on_demand["parameters"] == {}
    for dep in (nightly, on_demand):
        assert dep["work_pool_name"] == "newsroom"
        assert dep["entrypoint"] == "newsclean.flows.orchestration.clean_flow:clean_articles"
        assert dep["pull_steps"] == [{"newsclean.flows.orchestration.deployments.enter_newsclean_home": {}}]
        assert dep["enforce_parameter_schema"]


@pytest.mark.slow
@pytest.mark.s3
def test_on_demand_run_with_only_source_and_dest(newsroom, s3):
    server = newsroom.server
    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    _upload_inputs(s3, raw)
    source, dest = f"s3://{raw}/dumps/", f"s3://{clean}/articles/"

    run = server.create_run("clean-articles/on-demand", {"source": source, "dest": dest})
    done = server.wait(run["id"])

    assert done["state"]["type"] == "COMPLETED", done["state"]["message"]
    assert done["name"] == f"clean {source} → {dest}"
    keys = _keys(s3, clean)
    assert {"articles/2018/07/north-korea.txt", "articles/2018/07/north-korea.json",
            "articles/_review/2018/07/brief.txt", "articles/2018/07/brief.json",
            "articles/2018/08/pixel.json"} <= keys
    assert "articles/2018/07/brief.txt" not in keys  # held for review, not published
    [manifest_key] = [k for k in keys if k.startswith("articles/_manifests/")]
    manifest = [json.loads(line) for line in
                s3.get_object(Bucket=clean, Key=manifest_key)["Body"].read().splitlines()]
    assert sorted(m["status"] for m in manifest) == ["cleaned", "needs_review", "rejected"]

    [task] = server.task_runs_of(run["id"])
    assert task["name"].startswith("clean 2018/07/")  # the batch's first key and its size

    artifacts = _artifacts(server, run["id"])
    assert set(artifacts) == {"markdown", "table", "progress"}
    report = artifacts["markdown"]["data"]
    for expected in ("| cleaned | 1 |", "| needs_review | 1 |", "| rejected | 1 |", "| failed | 0 |",
                     "## Removals per rule family", "| comments |",
                     "## Documents that lost the largest share of their words",
                     "## Held for review: 1", f"`{dest}_review/`", "`2018/07/brief.txt`",
                     "only 16 words left (minimum 40)", "## Empty or rejected",
                     f"manifest (one line per input): `s3://{clean}/{manifest_key}`"):
        assert expected in report, expected
    rows = json.loads(artifacts["table"]["data"])
    assert {r["document"]: r["status"] for r in rows} == {
        "2018/07/north-korea.txt": "cleaned", "2018/07/brief.txt": "needs_review",
        "2018/08/pixel.html": "rejected"}
    assert float(artifacts["progress"]["data"]) == 100

    server.wait_for_log(run["id"], "done: ")  # logs are shipped after the state, in batches
    logs = server.logs_of(run["id"])
    assert [line for line in logs if line.startswith("batch ")] == [
        "batch 1: 3 documents (1 cleaned, 1 needs_review, 1 rejected); 3 so far"]
    assert any(line.startswith("done: 3 inputs") for line in logs)


@pytest.mark.slow
@pytest.mark.s3
def test_ui_shaped_run_batches_are_logged_and_no_secret_leaks(newsroom, s3):
    """The full parameter set the Run form posts, small batches, a relative rule pack (found
    because the pull step runs flows from the checkout), and a fake AWS secret in the
    worker's environment that must appear nowhere."""
    server = newsroom.server
    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    _upload_inputs(s3, raw)
    params = _ui_parameters(server, "clean-articles/on-demand", source=f"s3://{raw}/dumps/",
                           dest=f"s3://{clean}/articles/", advanced={"batch_size": 1},
                           rules=["seeds/packs/example-site.toml"])

    run = server.create_run("clean-articles/on-demand", params)
    done = server.wait(run["id"])

    assert done["state"]["type"] == "COMPLETED", done["state"]["message"]
    server.wait_for_log(run["id"], "done: ")  # logs are shipped after the state, in batches
    logs = server.logs_of(run["id"])
    assert len([line for line in logs if line.startswith("batch ")]) == 3, logs  # one line per batch
    assert len(server.task_runs_of(run["id"])) == 3
    everything = "\n".join([*logs, json.dumps(server.artifacts_of(run["id"])),
                            json.dumps(server.flow_run(run["id"])), newsroom.worker_log.read_text()])
    assert FAKE_SECRET not in everything
    record = json.loads(s3.get_object(Bucket=clean, Key="articles/2018/07/north-korea.json")["Body"].read())
    assert FAKE_SECRET not in json.dumps(record)
    assert "example-site@1" in record["newsclean"]["rules"]  # the operator pack, on top


@pytest.mark.slow
@pytest.mark.s3
def test_dry_run_reports_everything_and_writes_nothing(newsroom, s3):
    server = newsroom.server
    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    _upload_inputs(s3, raw)

    run = server.create_run("clean-articles/on-demand", {
        "source": f"s3://{raw}/dumps/", "dest": f"s3://{clean}/articles/", "dry_run": True})
    done = server.wait(run["id"])

    assert done["state"]["type"] == "COMPLETED", done["state"]["message"]
    assert done["name"].startswith("dry run: clean s3://")
    assert _keys(s3, clean) == set()
    report = _artifacts(server, run["id"])["markdown"]["data"]
    assert "dry run: nothing was written" in report
    assert "| cleaned | 1 |" in report and "## Held for review: 1" in report
    assert "would go to" in report


@pytest.mark.slow
@pytest.mark.s3
def test_a_second_run_waits_while_the_destination_is_being_written(newsroom, s3):
    """The slot is held here, as a run writing the destination holds it; the new run says
    why it waits, writes nothing meanwhile, and finishes once the slot is free."""
    server = newsroom.server
    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    _upload_inputs(s3, raw)
    dest = f"s3://{clean}/articles/"
    name = lock_name(dest)
    server.post("/v2/concurrency_limits/", {"name": name, "limit": 1})
    held = server.post("/v2/concurrency_limits/increment-with-lease",
                       {"names": [name], "slots": 1, "mode": "concurrency", "lease_duration": 120})
    assert held.status_code == 200, held.text

    run = server.create_run("clean-articles/on-demand", {"source": f"s3://{raw}/dumps/", "dest": dest})
    line = server.wait_for_log(run["id"], "waiting: another run is writing")
    assert dest in line and name in line
    assert server.flow_run(run["id"])["state"]["type"] == "RUNNING"
    assert _keys(s3, clean) == set()

    server.post("/v2/concurrency_limits/decrement-with-lease", {"lease_id": held.json()["lease_id"]})
    done = server.wait(run["id"])
    assert done["state"]["type"] == "COMPLETED", done["state"]["message"]
    assert "articles/2018/07/north-korea.txt" in _keys(s3, clean)
    assert server.get(f"/v2/concurrency_limits/{name}")["active_slots"] == 0  # released


def test_serve_reads_the_same_deployments_as_prefect_deploy(tmp_path):
    """`newsclean serve` builds its deployments from deploy/prefect.yaml: same names,
    schedules and parameters, so the two ways of running can never drift apart."""
    from newsclean.flows.orchestration.deployments import default_prefect_file, load_specs, runner_deployments

    assert default_prefect_file() == ROOT / "deploy" / "prefect.yaml"
    specs = {s["name"]: s for s in load_specs(default_prefect_file())
             if s["entrypoint"].startswith("newsclean.flows.orchestration.clean_flow:")}
    served = {d.name: d for d in runner_deployments(default_prefect_file())
              if d.flow_name == "clean-articles"}
    assert set(served) == set(specs) >= {"nightly", "on-demand"}
    [schedule] = served["nightly"].schedules
    assert schedule.schedule.cron == specs["nightly"]["schedules"][0]["cron"]
    assert schedule.schedule.timezone == specs["nightly"]["schedules"][0]["timezone"]
    assert served["nightly"].parameters == specs["nightly"]["parameters"]
    assert served["on-demand"].schedules in (None, [])
    assert served["on-demand"].entrypoint == "newsclean.flows.orchestration.clean_flow.clean_articles"

    moved = tmp_path / "prefect.yaml"
    shutil.copy(default_prefect_file(), moved)
    moved.write_text(moved.read_text().replace('cron: "30 2 * * *"', 'cron: "15 4 * * 1-5"'))
    [schedule] = {d.name: d for d in runner_deployments(moved)}["nightly"].schedules
    assert schedule.schedule.cron == "15 4 * * 1-5"


@pytest.mark.slow
@pytest.mark.s3
def test_newsclean_serve_serves_a_run(newsroom, s3, tmp_path):
    """One machine, one process: `newsclean serve` registers the deployments and runs what
    is asked of them (here against a copy of the file naming a deployment of its own)."""
    server = newsroom.server
    raw, clean = s3.make_bucket("raw"), s3.make_bucket("clean")
    _upload_inputs(s3, raw)
    spec = tmp_path / "prefect.yaml"
    spec.write_text((ROOT / "deploy" / "prefect.yaml").read_text()
                    .replace("- name: on-demand", "- name: served-on-demand")
                    .replace("- name: nightly", "- name: served-nightly"))
    log = tmp_path / "serve.log"
    env = server.env(AWS_ENDPOINT_URL=newsroom.s3_endpoint, PREFECT_RUNNER_POLL_FREQUENCY="1")
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "newsclean.flows.cli", "serve",
                                 "--prefect-file", str(spec)],
                                cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        server.wait_for_deployment("clean-articles/served-on-demand", timeout=90)
        nightly = server.deployment("clean-articles/served-nightly")
        assert nightly["schedules"][0]["schedule"]["cron"] == "30 2 * * *"
        run = server.create_run("clean-articles/served-on-demand",
                                {"source": f"s3://{raw}/dumps/", "dest": f"s3://{clean}/articles/"})
        done = server.wait(run["id"])
        assert done["state"]["type"] == "COMPLETED", done["state"]["message"] + log.read_text()[-2000:]
        assert "articles/2018/07/north-korea.txt" in _keys(s3, clean)
    finally:
        proc.terminate()
        proc.wait(30)


def _compose() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())


def test_compose_file_describes_the_installation():
    """Docker does not run here: the compose file is parsed and checked against the rest of
    the repository (prefect version, deployment file, buckets, pool, README install)."""
    import prefect
    import yaml

    compose = _compose()
    services = compose["services"]
    assert set(services) == {"postgres", "prefect-server", "minio", "minio-init", "register", "worker"}
    server = services["prefect-server"]
    assert server["image"] == f"prefecthq/prefect:{prefect.__version__}-python3.11"
    db = server["environment"]
    assert "PREFECT_SERVER_DATABASE_CONNECTION_URL" not in db  # parts: Prefect encodes them
    assert (db["PREFECT_SERVER_DATABASE_DRIVER"], db["PREFECT_SERVER_DATABASE_HOST"],
            db["PREFECT_SERVER_DATABASE_PASSWORD"]) == ("postgresql+asyncpg", "postgres",
                                                        "${POSTGRES_PASSWORD}")
    assert server["depends_on"]["postgres"]["condition"] == "service_healthy"

    deployments = yaml.safe_load((ROOT / "deploy" / "prefect.yaml").read_text())["deployments"]
    nightly = next(d for d in deployments if d["name"] == "nightly")
    buckets = services["minio-init"]["environment"]["BUCKETS"]
    for url in (nightly["parameters"]["source"], nightly["parameters"]["dest"]):
        assert url.split("/")[2] in buckets  # the buckets the schedule reads and writes exist
    assert "mc mb --ignore-existing" in services["minio-init"]["command"][0]

    worker = services["worker"]
    assert worker["image"] == services["register"]["image"]
    assert services["register"]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
    assert "deploy --all --prefect-file deploy/prefect.yaml" in services["register"]["command"][-1]
    pool = nightly["work_pool"]["name"]
    assert worker["command"][:5] == ["prefect", "worker", "start", "--pool", pool]
    env = worker["environment"]
    assert env["PREFECT_API_URL"] == "http://prefect-server:4200/api"
    assert env["AWS_ENDPOINT_URL"] == "http://minio:9000"
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        assert env[key].startswith("${NEWSCLEAN_S3_"), "credentials come from deploy/.env only"
    assert worker["depends_on"]["minio-init"]["condition"] == "service_completed_successfully"
    for service in services.values():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), port


def test_a_database_password_with_url_characters_reaches_the_server_encoded():
    """compose passes the password as its own setting; Prefect builds the URL encoded."""
    env = {k: v for k, v in _compose()["services"]["prefect-server"]["environment"].items()
           if k.startswith("PREFECT_SERVER_DATABASE_")}
    env["PREFECT_SERVER_DATABASE_PASSWORD"] = "p@ss:w/rd"
    code = ("from prefect.settings import get_current_settings as s; "
            "print(s().server.database.connection_url.get_secret_value())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, **env}, timeout=60)
    assert out.stdout.strip() == "postgresql+asyncpg://prefect:p%40ss%3Aw%2Frd@postgres:5432/prefect"


def test_deploy_files_pin_images_limit_the_s3_user_and_give_the_worker_its_folders():
    import yaml

    services = _compose()["services"]
    for name in ("minio", "minio-init"):
        image = services[name]["image"]
        assert re.fullmatch(r"minio/(minio|mc):RELEASE\.\d{4}-\d\d-\d\dT[\d-]+Z", image), image
    init = services["minio-init"]["command"][0]
    assert "|| true" not in init and " readwrite " not in init
    assert '"s3:GetObject", "s3:PutObject", "s3:DeleteObject"' in init
    assert "arn:aws:s3:::$$bucket/*" in init
    worker = services["worker"]
    assert worker["build"] == services["register"]["build"]
    assert {"raw-data:/data/raw", "clean-data:/data/clean"} <= set(worker["volumes"])
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "chown newsclean:newsclean /data/raw /data/clean" in dockerfile
    deployments = yaml.safe_load((ROOT / "deploy" / "prefect.yaml").read_text())["deployments"]
    names = [d["name"] for d in deployments]
    assert len(names) == len(set(names)), names  # one row per name in the UI's list
    nightly = next(d for d in deployments if d["name"] == "nightly")
    [schedule] = nightly["schedules"]
    minute, hour = schedule["cron"].split()[:2]
    assert f"{int(hour):02d}:{int(minute):02d} {schedule['timezone']}" in nightly["description"]
    readme = (ROOT / "deploy" / "README.md").read_text()
    for d in deployments:
        flow = "fetch-and-clean" if "fetch_flow" in d["entrypoint"] else "clean-articles"
        assert f"`{flow}/{d['name']}`" in readme
    assert "More flows' deployments" not in (ROOT / "deploy" / "prefect.yaml").read_text()


def test_serve_without_a_server_is_refused_with_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path)  # no profile naming a server either
    out = subprocess.run([sys.executable, "-m", "newsclean.flows.cli", "serve"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert out.stderr.strip() == (
        "newsclean: error: serve needs a Prefect server that outlives it: start one (prefect "
        "server start) and set PREFECT_API_URL=http://127.0.0.1:4200/api")


def test_env_example_names_every_required_setting():
    import re

    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", (ROOT / "deploy" / "compose.yaml").read_text()))
    example = (ROOT / "deploy" / "env.example").read_text()
    assert required and all(re.search(rf"^{name}=", example, re.M) for name in required)


def test_worker_image_installs_newsclean_the_way_the_readme_does():
    block = (ROOT / "README.md").read_text().split("```bash\n", 1)[1].splitlines()
    readme_install = next(line for line in block if not line.startswith("#"))  # its first command
    install = readme_install.split(" && .venv/bin/newsclean")[0]
    assert install == ("python3 -m venv .venv && .venv/bin/pip install -q -U pip"
                       " && .venv/bin/pip install -q -e .")
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert f"RUN {install}\n" in dockerfile
    assert "ENV PATH=/app/.venv/bin:$PATH" in dockerfile and "NEWSCLEAN_HOME=/app" in dockerfile
    ignored = (ROOT / "deploy" / "Dockerfile.dockerignore").read_text().split()
    assert ".venv/" in ignored and "deploy/.env" in ignored


def test_report_lists_failures_with_reasons_and_points_to_the_manifest():
    from newsclean.flows.orchestration.report import RunSummary
    from newsclean.flows.storage.records import ManifestEntry, RunStatus

    summary = RunSummary(source="s3://raw/d/", dest="s3://clean/a/", run_id="r1",
                         manifest="s3://clean/a/_manifests/r1.jsonl")
    summary.add([ManifestEntry(source=f"s3://raw/d/{i}.txt", key=f"{i}.txt", status=RunStatus.FAILED,
                               reason="cannot read: SlowDown" if i % 2 else "timeout | after 30 s")
                 for i in range(203)])
    summary.add([ManifestEntry(source="s3://raw/d/ok.txt", key="ok.txt", status=RunStatus.CLEANED,
                               dest="s3://clean/a/ok.txt", words_in=100, words_out=90,
                               removed={"share": 2})])
    report = summary.markdown()
    assert "## Failures: 203" in report and "| failed | 203 |" in report and "| cleaned | 1 |" in report
    assert report.count("\n- `") == 200  # one line each, up to the limit, then counts by reason
    assert "… and 3 more; by reason:" in report
    assert "- 102 × timeout \\| after 30 s" in report and "- 101 × cannot read: SlowDown" in report
    assert "Every failure is in the manifest `s3://clean/a/_manifests/r1.jsonl`" in report
    assert "| share | 2 |" in report
    rows = summary.table()
    assert len(rows) == 204 and rows[-1]["removed"] == "10%" and rows[-1]["output"] == "s3://clean/a/ok.txt"


def test_records_refused_for_one_reason_are_counted_as_one_reason():
    """Eight records without a body field read as eight reasons of one each, "line 2: no
    body field …" to "line 9: …", which pushed the other reasons out of the summary
    (fresh-user check #26)."""
    from newsclean.flows.orchestration.report import RunSummary
    from newsclean.flows.storage.records import ManifestEntry, RunStatus

    summary = RunSummary(source="/in/", dest="/out/", run_id="r1", manifest="/out/m.jsonl")
    where = [f"line {n}" for n in range(2, 9)] + ["row 3 (line 5)"]
    summary.add([ManifestEntry(source=f"/in/cms.jsonl#{w}", key=f"cms.jsonl#{w}",
                               status=RunStatus.REJECTED, reason=f"{w}: no body field (looked for text)")
                 for w in where])
    summary.add([ManifestEntry(source="/in/page.html", key="page.html", status=RunStatus.EMPTY,
                               reason="nothing but boilerplate: every line was removed")])
    assert summary.top_reasons() == [
        ("rejected", "no body field (looked for text)", 8,
         ["cms.jsonl#line 2", "cms.jsonl#line 3", "cms.jsonl#line 4"]),
        ("empty", "nothing but boilerplate: every line was removed", 1, ["page.html"])]


@pytest.mark.slow
@pytest.mark.s3
def test_a_run_refused_on_the_worker_ends_in_one_error_line_and_a_failure_report(newsroom, s3):
    """What the UI shows for a mistake only the worker can see (here a missing bucket):
    the state's message is the one line, one ERROR log line, no traceback, and a short
    failure report artifact."""
    server = newsroom.server
    clean = s3.make_bucket("clean")
    run = server.create_run("clean-articles/on-demand",
                            {"source": "s3://nope-bucket-newsclean/dumps/",
                             "dest": f"s3://{clean}/articles/"})
    done = server.wait(run["id"])
    assert done["state"]["type"] == "FAILED"
    assert done["state"]["message"] == ("bucket nope-bucket-newsclean does not exist "
                                        "(s3://nope-bucket-newsclean/dumps/)")
    line = server.wait_for_log(run["id"], "run refused: ")
    assert line == f"run refused: {done['state']['message']}"
    # logs reach the API in batches, after the state: wait for the run's last one
    last = server.wait_for_log(run["id"], "Finished in state ")
    assert last.startswith("Finished in state Failed('bucket nope-bucket-newsclean")
    logs = server.logs_of(run["id"])
    assert not any("Traceback" in entry for entry in logs), "\n---\n".join(logs)
    assert logs[-1] == last
    [failure] = [a for a in server.artifacts_of(run["id"]) if a["key"] == "newsclean-run-failure"]
    for part in ("What failed:", "What was written:** nothing", "What to do:"):
        assert part in failure["data"]
    assert not _keys(s3, clean)


@pytest.mark.prefect
@pytest.mark.slow
def test_a_run_that_breaks_mid_way_ends_in_one_error_line_through_the_cli(tmp_path, prefect_api):
    """The destination vanishes while `newsclean run` writes it (a volume unmounted, a
    folder moved away): the operator sees one `newsclean: error:` line and exit 1, never
    Prefect's traceback of the flow."""
    import time

    from prefect.settings import PREFECT_API_URL

    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    for n in range(800):
        (src / f"story-{n:04d}.txt").write_bytes(SEED_FILE.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "newsclean.flows.cli", "run", str(src), str(dest),
                             "--batch-size", "10"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()})
    deadline = time.monotonic() + 120
    while not list((dest / "_manifests").glob("*.parts/00001.jsonl")):
        assert proc.poll() is None and time.monotonic() < deadline, "the run never wrote a batch"
        time.sleep(0.02)
    dest.rename(tmp_path / "moved-away")
    dest.write_text("")  # a file where the folder was: every later write fails
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err[-3000:]
    assert "Traceback" not in err and "Encountered exception" not in err, err[-3000:]
    errors = [line for line in err.splitlines() if "error" in line.lower()]
    assert len(errors) == 1 and errors[0].startswith("newsclean: error: run stopped: "), err[-3000:]
    assert err.strip().splitlines()[-1] == errors[0]


@pytest.mark.prefect
@pytest.mark.slow
def test_a_store_that_dies_mid_run_stops_the_run_in_one_error_line(tmp_path, prefect_api):
    """The S3 endpoint goes away while `newsclean run` writes to it: after a few batches
    that the store refused entirely (each waited out boto3's and the batch's retries) the
    run stops instead of failing every later batch, and the CLI says so in one line."""
    import time

    import boto3
    from moto.server import ThreadedMotoServer
    from prefect.settings import PREFECT_API_URL

    from newsclean.flows.orchestration.skeleton import STORE_DOWN_BATCHES
    from tests.conftest import free_port

    src = tmp_path / "raw"
    src.mkdir()
    for n in range(300):
        (src / f"story-{n:04d}.txt").write_bytes(SEED_FILE.read_bytes())
    port = free_port()
    store = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    store.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint)
    client.create_bucket(Bucket="clean")
    proc = subprocess.Popen([sys.executable, "-m", "newsclean.flows.cli", "run", str(src),
                             "s3://clean/articles/", "--endpoint-url", endpoint, "--batch-size", "10"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value()})
    try:
        deadline = time.monotonic() + 120
        while not any(".parts/" in o["Key"] for o in
                      client.list_objects_v2(Bucket="clean").get("Contents", [])):
            assert proc.poll() is None and time.monotonic() < deadline, "the run never wrote a batch"
            time.sleep(0.05)
    finally:
        store.stop()
    started = time.monotonic()
    out, err = proc.communicate(timeout=400)
    print(f"stopped {time.monotonic() - started:.0f} s after the store went away")
    assert proc.returncode == 1, err[-3000:]
    assert "Traceback" not in err and "Task run" not in err, err[-3000:]
    errors = [line for line in err.splitlines() if "error" in line.lower()]
    assert len(errors) == 1, err[-3000:]
    assert errors[0].startswith("newsclean: error: run stopped: the destination stopped taking "
                                "writes (cannot write "), errors[0]
    assert "run again once it is back" in errors[0]
    assert err.count("manifest part not written") <= STORE_DOWN_BATCHES + 1


@pytest.mark.slow
@pytest.mark.s3
def test_a_run_that_breaks_mid_way_on_the_worker_says_what_was_written_and_what_to_do(
        newsroom, tmp_path):
    """What the UI shows when the destination goes away while a worker writes it: the
    state's message is one line, one ERROR log line and no traceback, the run's report so
    far, and a failure report naming what was written and where."""
    import time

    server = newsroom.server
    src, dest = tmp_path / "raw", tmp_path / "clean"
    src.mkdir()
    for n in range(800):
        (src / f"story-{n:04d}.txt").write_bytes(SEED_FILE.read_bytes())
    run = server.create_run("clean-articles/on-demand", {
        "source": str(src), "dest": str(dest), "advanced": {"batch_size": 10}})
    deadline = time.monotonic() + 180
    while not list((dest / "_manifests").glob("*.parts/00001.jsonl")):
        assert time.monotonic() < deadline, "the run never wrote a batch"
        time.sleep(0.02)
    dest.rename(tmp_path / "moved-away")
    dest.write_text("")  # a file where the folder was: every later write fails
    done = server.wait(run["id"])
    assert done["state"]["type"] == "FAILED"
    message = done["state"]["message"]
    assert message.startswith("run stopped: ") and "\n" not in message, message
    line = server.wait_for_log(run["id"], "run stopped: ")
    assert line == message
    logs = server.logs_of(run["id"])
    assert not any("Traceback" in entry for entry in logs), "\n---\n".join(logs)
    artifacts = server.artifacts_of(run["id"])
    [failure] = [a for a in artifacts if a["key"] == "newsclean-run-failure"]
    for part in ("# newsclean run stopped before it finished", "What was written:** ",
                 " inputs: ", "_manifests/", "What to do:** once the store answers again"):
        assert part in failure["data"], failure["data"]
    assert any(a["key"] == "newsclean-run-report" for a in artifacts)


def test_a_pack_on_s3_that_is_not_text_is_refused_in_one_line(s3, moto_endpoint):
    """The flows read an operator's s3:// pack as stored; its bytes reach parse_pack, which
    says what is wrong (a local pack goes through load_pack, the same way)."""
    from newsclean.cleaners.rules import RulePackError
    from newsclean.flows.orchestration.skeleton import load_packs
    from newsclean.flows.storage.settings import S3Settings

    bucket = s3.make_bucket("packs")
    s3.put_object(Bucket=bucket, Key="site.toml", Body=b"\x7fELF\x02\x01\x01\x00\xd0\x8f\xff")
    with pytest.raises(RulePackError, match=r"site.toml: not a rule pack: not UTF-8 text"):
        load_packs([f"s3://{bucket}/site.toml"], S3Settings(endpoint_url=moto_endpoint))
