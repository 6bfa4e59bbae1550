"""The `clean-articles` flow: list the source, clean it in batches, write the manifest.

Thin by design: one task per batch (a task run costs milliseconds of Prefect overhead,
cleaning an article less than one), the work itself in `newsclean.flows.work.batch`. No
`from __future__ import annotations` here: it breaks served runs' parameter models.
"""

import itertools
import os
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime

from prefect import flow, get_run_logger, task
from prefect.context import TaskRunContext
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner

from newsclean.cleaners.rules import RulePack, parse_pack, shipped_packs
from newsclean.flows.orchestration import progress
from newsclean.flows.orchestration.dest_lock import destination_lock
from newsclean.flows.orchestration.params import (
    BatchSize,
    DaskAddress,
    DestLocation,
    DryRun,
    Include,
    KeyPrefix,
    Limit,
    Limits,
    Records,
    ReportTableMax,
    Review,
    RulePacks,
    S3Connection,
    ShardSize,
    Since,
    SourceLocation,
    TaskRunner,
    Workers,
)
from newsclean.flows.orchestration.report import RunArtifacts, RunSummary
from newsclean.flows.orchestration.runners import TaskRunnerKind, make_runner, parallel_slots
from newsclean.flows.sources.readers import RecordFields, is_archive
from newsclean.flows.storage.backends import LocalStorage, StorageError, open_source, open_store
from newsclean.flows.storage.layout import (
    DEFAULT_INCLUDE,
    is_included,
    manifest_key,
    manifest_part_key,
    run_id_for,
)
from newsclean.flows.storage.records import ManifestEntry, RunStatus
from newsclean.flows.storage.settings import S3Settings
from newsclean.flows.storage.shards import ShardSpec
from newsclean.flows.work.batch import DocumentLimits, ReviewPolicy, RunPlan, StoreTrouble, process_batch

# Batches in flight per worker: enough to keep a worker busy while the flow collects the
# previous result, few enough that a 100,000-document listing is never all in memory.
_IN_FLIGHT_PER_WORKER = 2


def _run_name() -> str:
    p = flow_run.parameters
    what = "dry run: clean" if p.get("dry_run") else "clean"
    return f"{what} {p.get('source')} → {p.get('dest')}"


# The entries of a batch's earlier attempt, by task run, while its retry runs (in the same
# process: Prefect retries a task inside the call that ran it).
_EARLIER_ATTEMPTS: dict[str, dict[str, ManifestEntry]] = {}


# Batch retries come on top of boto3's per-request ones (8 attempts, jittered backoff up to
# 20 s): they wait out a store outage longer than a request's retries, with jitter so that
# parallel batches do not come back at the same moment.
@task(name="clean-batch", retries=2, retry_delay_seconds=[2, 10], retry_jitter_factor=0.5,
      task_run_name="clean {keys[0]} (+{batch_extra})")
def clean_batch(keys: list[str], plan: RunPlan, batch_extra: int = 0) -> list[ManifestEntry]:
    """One batch. Retried when some documents met store errors, or an error escaped it:
    reruns skip documents already written, so a retry redoes only what is missing, and
    reports those documents as the attempt that wrote them did."""
    ctx = TaskRunContext.get()
    attempt = str(ctx.task_run.id) if ctx else ""
    earlier = _EARLIER_ATTEMPTS.pop(attempt, {})
    entries = [earlier.get(e.key, e) if e.status is RunStatus.UNCHANGED else e
               for e in process_batch(keys, plan)]
    if any(e.retryable for e in entries):
        if ctx and ctx.task_run.run_count <= ctx.task.retries:  # another attempt follows
            _EARLIER_ATTEMPTS[attempt] = {e.key: e for e in entries if not e.retryable}
        raise StoreTrouble(entries)  # after the last attempt the flow keeps these entries
    return entries


def load_packs(paths: list[str], s3: S3Settings) -> tuple[RulePack, ...]:
    packs = list(shipped_packs())  # default.toml and the language packs
    for path in paths:
        if path.startswith("s3://"):
            parent, _, name = path.rpartition("/")
            text = open_store(parent, s3).read(name).decode("utf-8")
        else:
            text = LocalStorage(".").root.joinpath(path).read_text("utf-8")
        packs.append(parse_pack(text, path))
    return tuple(packs)


def iter_batches(keys: Iterator[str], size: int) -> Iterator[list[str]]:
    """Article files `size` at a time; a record file (JSONL, CSV, WARC) is a batch of its
    own, its records streamed inside the task."""
    batch: list[str] = []
    for key in keys:
        if is_archive(key):
            yield [key]
            continue
        batch.append(key)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _modified_since(modified: datetime | None, since: datetime | None) -> bool:
    if since is None or modified is None:
        return True
    return modified >= (since if since.tzinfo else since.replace(tzinfo=UTC))


@flow(name="clean-articles", log_prints=True, flow_run_name=_run_name,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def clean_articles(
    source: SourceLocation,
    dest: DestLocation,
    rules: RulePacks = [],  # noqa: B006 - Prefect parameters need a literal default
    batch_size: BatchSize = 200,
    workers: Workers = 1,
    dry_run: DryRun = False,
    limit: Limit = None,
    key_prefix: KeyPrefix = "",
    include: Include = list(DEFAULT_INCLUDE),  # noqa: B006, B008
    review: Review = ReviewPolicy(),  # noqa: B008
    s3: S3Connection = S3Settings(),  # noqa: B008
    report_table_max: ReportTableMax = 1000,
    task_runner: TaskRunner = TaskRunnerKind.LOCAL,
    dask_address: DaskAddress = None,
    since: Since = None,
    shard_size: ShardSize = None,
    records: Records = RecordFields(),  # noqa: B008
    limits: Limits = DocumentLimits(),  # noqa: B008
) -> dict:
    """Clean every article under `source` into `dest`, with a manifest line per input."""
    log = get_run_logger()
    started = datetime.now(UTC)
    run_id = run_id_for(started, (flow_run.get_id() or '')[:8] or None)
    src = open_source(source, s3)
    src.check_reachable()
    dst = open_store(dest, s3)
    if not dry_run:
        _prepare_dest(dst)
    plan = RunPlan(source_url=source, dest_url=dest, s3=s3, packs=load_packs(rules, s3),
                   dry_run=dry_run, review=review, records=records, options=limits.options(),
                   shards=ShardSpec(run_id, shard_size) if shard_size else None)
    summary = RunSummary(source=src.url, dest=dst.url, run_id=run_id,
                         manifest=None if dry_run else f"{dst.url.rstrip('/')}/{manifest_key(run_id)}",
                         dry_run=dry_run)
    def listing() -> Iterator[str]:
        keys = (o.key for o in src.iter_objects(key_prefix)
                if is_included(o.key, tuple(include)) and _modified_since(o.modified, since))
        return itertools.islice(keys, limit) if limit else keys

    # A counting pass first, so the progress artifact can show a share of the total; both
    # passes stream page by page, so a 100,000-object prefix never sits whole in memory.
    n_inputs = n_batches = 0
    for batch in iter_batches(listing(), batch_size):  # a record file is a batch of its own
        n_inputs += len(batch)
        n_batches += 1
    log.info("%d inputs under %s; batches of %d", n_inputs, src.url, batch_size)
    artifacts = RunArtifacts(summary, inputs=n_inputs, batches=n_batches,
                             table_max=report_table_max)
    runner = make_runner(task_runner, workers, dask_address)
    # One writer per destination: a second run naming it waits here (dry runs write nothing).
    lock = nullcontext() if dry_run else destination_lock(dst.url, log, flow_run.get_id())
    with lock:
        if not dry_run and (removed := dst.discard_partial_writes()):
            log.info("removed %d partial writes left by a run that was killed", removed)
        batches = _run_batches(iter_batches(listing(), batch_size), plan, runner, workers,
                               src.url)
        parts = 0
        for n, entries in enumerate(batches, 1):
            summary.add(entries)
            if not dry_run:
                _write_part(dst, manifest_part_key(run_id, n), entries, log)
                parts = n
            log.info("batch %d: %d documents (%s); %d so far", n, len(entries),
                     _counts(entries), summary.total)
            progress.report(summary.total, dict(summary.statuses))
            artifacts.progress(n)
        if not dry_run:
            dst.write(manifest_key(run_id), _manifest_bytes(summary.entries), "application/x-ndjson")
            _drop_parts(dst, run_id, parts, log)
    artifacts.publish()
    log.info("done: %s", summary.one_line())
    return summary.as_dict()


def _run_batches(batches: Iterator[list[str]], plan: RunPlan, runner, workers: int,
                 source_url: str = "") -> Iterator[list[ManifestEntry]]:
    """Submit batches with a bounded number in flight and yield results as they finish."""
    if runner is None:
        for batch in batches:
            yield _accounted(batch, source_url, lambda b=batch: clean_batch(b, plan, len(b) - 1))
        return
    with _workers_share_this_api(), runner:
        workers = parallel_slots(runner, workers)
        pending: dict = {}  # future -> its batch's keys
        for batch in batches:
            future = runner.submit(clean_batch, {"keys": batch, "plan": plan,
                                                 "batch_extra": len(batch) - 1})
            pending[future] = batch
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                done = _wait_any(pending)
                yield _accounted(pending.pop(done), source_url, done.result)
        while pending:
            done = _wait_any(pending)
            yield _accounted(pending.pop(done), source_url, done.result)


@contextmanager
def _workers_share_this_api() -> Iterator[None]:
    """Worker processes report to this run's Prefect API. Without PREFECT_API_URL in the
    environment (the CLI's temporary server, the test harness) each spawned worker started
    a temporary server of its own: +215 MB and ~10 s per worker, its task runs recorded in
    a database nobody reads (measured with bench/load.py)."""
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        os.environ["PREFECT_API_URL"] = str(client.api_url)
    try:
        yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)


def _wait_any(futures) -> object:
    """The first future to finish, for any runner's futures (threads, processes, Dask)."""
    return next(as_completed(list(futures)))


def _accounted(batch: list[str], source_url: str, result) -> list[ManifestEntry]:
    """A batch's entries whatever became of it: after its last retry, a batch with store
    errors brings its entries (failures included), and one that broke (a worker killed,
    a bug) gives every input a `failed` line with the reason. The run never loses count."""
    try:
        return result()
    except StoreTrouble as exc:
        return exc.entries
    except Exception as exc:
        reason = f"batch failed: {type(exc).__name__}: {exc}".splitlines()[0][:500]
        return [ManifestEntry(source=f"{source_url.rstrip('/')}/{key}", key=key,
                              status=RunStatus.FAILED, reason=reason, retryable=True)
                for key in batch]


def _write_part(dst, key: str, entries: list[ManifestEntry], log) -> None:
    """The manifest lines of one finished batch, so a run killed midway leaves a partial
    manifest (`_manifests/<run id>.parts/`); merged into one file at the end."""
    try:
        dst.write(key, _manifest_bytes(entries), "application/x-ndjson")
    except StorageError as exc:  # the full manifest at the end still has these lines
        log.warning("manifest part not written: %s", exc)


def _drop_parts(dst, run_id: str, parts: int, log) -> None:
    """The parts are in the full manifest now."""
    for n in range(1, parts + 1):
        try:
            dst.delete(manifest_part_key(run_id, n))
        except StorageError as exc:
            log.warning("manifest part left behind: %s", exc)


def _prepare_dest(dst) -> None:
    if isinstance(dst, LocalStorage):
        try:
            dst.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"cannot create {dst.root}: {exc.strerror}") from None
    dst.check_reachable()


def _counts(entries: list[ManifestEntry]) -> str:
    c: dict[str, int] = {}
    for e in entries:
        c[str(e.status)] = c.get(str(e.status), 0) + 1
    return ", ".join(f"{n} {s}" for s, n in sorted(c.items()))


def _manifest_bytes(entries: list[ManifestEntry]) -> bytes:
    return "".join(e.to_json() + "\n" for e in entries).encode()

