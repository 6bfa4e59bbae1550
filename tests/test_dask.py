"""The flow on Dask (prefect-dask's DaskTaskRunner): the same outputs, byte for byte, as the
default runner, on a real `distributed.LocalCluster` of two worker processes."""

import json
from pathlib import Path

import pytest

pytest.importorskip("prefect_dask", reason="prefect-dask is in the test extra")
distributed = pytest.importorskip("distributed")

from newsclean.flows.orchestration.clean_flow import clean_articles  # noqa: E402
from newsclean.flows.storage.settings import S3Settings  # noqa: E402
from tests.conftest import SEEDS  # noqa: E402


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes on loopback, as a newsroom's cluster would be
    (started outside the flow, joined by address)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address="127.0.0.1:0") as c:
        yield c


def _outputs(root: Path) -> dict[str, bytes]:
    """Every document's files; manifests are compared separately (their names are run ids)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and "_manifests" not in p.parts}


def _manifest(root: Path) -> list[dict]:
    (path,) = (root / "_manifests").glob("*.jsonl")
    entries = [json.loads(line) for line in path.read_text().splitlines()]
    for e in entries:  # the destination folder differs between the two runs
        e["dest"] = e["dest"] and e["dest"].removeprefix(str(root))
    return sorted(entries, key=lambda e: e["key"])


@pytest.mark.prefect
@pytest.mark.slow
def test_dask_cluster_by_address_writes_what_the_default_runner_writes(tmp_path, cluster):
    local, dask = tmp_path / "local", tmp_path / "dask"
    expected = clean_articles(source=str(SEEDS), dest=str(local), batch_size=4)
    got = clean_articles(source=str(SEEDS), dest=str(dask), batch_size=4, task_runner="dask",
                         dask_address=cluster.scheduler_address)

    assert got["statuses"] == expected["statuses"]
    assert sum(got["statuses"].values()) == len(list(SEEDS.glob("*.*"))) - 1  # all but README
    assert _outputs(dask) == _outputs(local)
    assert _manifest(dask) == _manifest(local)
    # the batches ran in the cluster's worker processes, not in the flow's
    batches = cluster.scheduler.task_prefixes.get("clean_batch")
    assert batches is not None and batches.all_durations.get("compute", 0) > 0


@pytest.mark.prefect
@pytest.mark.slow
def test_dask_local_cluster_started_by_the_runner_writes_to_s3(tmp_path, s3, moto_endpoint):
    bucket = s3.make_bucket("dask")
    expected_dir = tmp_path / "local"
    expected = clean_articles(source=str(SEEDS), dest=str(expected_dir), batch_size=4)
    got = clean_articles(source=str(SEEDS), dest=f"s3://{bucket}/clean/", batch_size=4,
                         workers=2, task_runner="dask",
                         s3=S3Settings(endpoint_url=moto_endpoint))

    assert got["statuses"] == expected["statuses"]
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix="clean/")["Contents"]]
    written = {k.removeprefix("clean/"): s3.get_object(Bucket=bucket, Key=k)["Body"].read()
               for k in keys if "/_manifests/" not in k and not k.startswith("clean/_")}
    local = _outputs(expected_dir)
    # records name their destination's text key, relative to it: identical bytes either way
    assert written == local


@pytest.mark.parametrize("argv", [["--dask-address", "tcp://127.0.0.1:8786"],
                                  ["--task-runner", "threads"]])
def test_cli_refuses_a_dask_address_without_the_dask_runner(tmp_path, capsys, argv):
    from newsclean.flows.cli import EXIT_USAGE, main

    try:
        code = main(["run", str(SEEDS), str(tmp_path / "out"), *argv])
    except SystemExit as exc:  # argparse's own refusal of an unknown choice
        code = exc.code
    assert code == EXIT_USAGE
    assert "dask" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
