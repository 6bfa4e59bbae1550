"""Which engine runs the flow's batches: this machine's processes, or a Dask cluster.

`local` keeps everything in the flow's process (1 worker) or a process pool on this
machine (several). `dask` hands the batches to prefect-dask's DaskTaskRunner: the cluster at
`dask_address` when one is given (a newsroom's shared cluster, any number of machines),
else a LocalCluster of `workers` processes started for the run. prefect-dask is an optional
extra (`pip install 'newsclean[dask]'`) and is imported only when asked for.
"""

from enum import StrEnum

from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner


class TaskRunnerKind(StrEnum):
    LOCAL = "local"
    DASK = "dask"


class RunnerUnavailable(RuntimeError):
    """The runner asked for cannot be built here; the message says what to install."""


def make_runner(kind: TaskRunnerKind | str, workers: int,
                dask_address: str | None = None) -> TaskRunner | None:
    """A task runner for the batches; None: run them one by one in the flow's process."""
    if TaskRunnerKind(kind) is TaskRunnerKind.DASK:
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError:
            raise RunnerUnavailable(
                "task_runner 'dask' needs prefect-dask: pip install 'newsclean[dask]'") from None
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        # One single-threaded process per worker: cleaning is CPU-bound Python, threads
        # would share one GIL. Loopback only. The scheduler's HTTP server (health, metrics;
        # the dashboard when bokeh is installed) on a free port: with None it still took
        # :8787 and warned whenever another cluster held that port (seen in CI).
        return DaskTaskRunner(cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True,
            "host": "127.0.0.1", "dashboard_address": "127.0.0.1:0"})
    if dask_address:
        raise RunnerUnavailable("dask_address is only used with task_runner 'dask'")
    return ProcessPoolTaskRunner(max_workers=workers) if workers > 1 else None


def parallel_slots(runner: TaskRunner, workers: int) -> int:
    """How many batches can run at once: the Dask cluster's threads (a cluster joined by
    address has the size its operators gave it), else the `workers` asked for."""
    client = getattr(runner, "client", None)
    if client is not None:
        try:
            return max(1, sum(client.nthreads().values()))
        except Exception:  # noqa: BLE001 - a cluster still starting: fall back to the ask
            return workers
    return workers
