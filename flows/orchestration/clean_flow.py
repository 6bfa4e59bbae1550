"""The `clean-articles` flow: list the source, clean it in batches, write the manifest.

Thin by design: one task per batch (a task run costs milliseconds of Prefect overhead,
cleaning an article less than one), the work itself in `newsclean.flows.work.batch`. No
`from __future__ import annotations` here: it breaks served runs' parameter models.
"""

import itertools
import random
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime

from prefect import flow, get_run_logger, task
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.states import Completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote
from pydantic.json_schema import SkipJsonSchema

from newsclean.cleaners.rules import RulePackError
from newsclean.flows.orchestration.params import (
    Advanced,
    BadRun,
    BatchSize,
    DaskAddress,
    DestLocation,
    DryRun,
    Include,
    InputFilters,
    Inputs,
    KeyPrefix,
    Limit,
    Limits,
    Records,
    ReportTableMax,
    Review,
    RulePacks,
    RunOptions,
    S3Connection,
    ShardSize,
    Since,
    SourceLocation,
    TaskRunner,
    Workers,
    check_locations,
    grouped,
)
from newsclean.flows.orchestration.report import (
    RunArtifacts,
    RunSummary,
    failed_before_start,
    failed_mid_run,
    failed_quietly,
)
from newsclean.flows.orchestration.runners import TaskRunnerKind, make_runner, parallel_slots
from newsclean.flows.orchestration.skeleton import (
    accounted,
    load_packs,
    new_run_id,
    prepare_dest,
    writing_run,
)
from newsclean.flows.sources.readers import RecordFields, is_archive
from newsclean.flows.storage.backends import StorageError, open_source, open_store
from newsclean.flows.storage.layout import (
    DEFAULT_INCLUDE,
    is_included,
    is_own_output,
    manifest_key,
    skip_reason,
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


# A batch with store errors is tried again inside its task, after these delays (x1-1.5,
# jittered so parallel batches do not come back at once). These retries come on top of
# boto3's per-request ones (8 attempts, jittered backoff up to 20 s): they wait out a store
# outage longer than a request's retries. Inside the task, so the entries of the earlier
# attempts stay in a local variable: a document an attempt wrote is reported as that
# attempt did (`cleaned`), not as `unchanged` by the attempt that found it written.
STORE_RETRY_DELAYS = (2.0, 10.0)


def _retry_unless_store_trouble(task, task_run, state) -> bool:
    """Prefect retries a batch that broke (a bug, a lost worker); store errors were
    retried inside the task already."""
    try:
        state.result()
    except StoreTrouble:
        return False
    except Exception:  # noqa: BLE001 - any other failure: retry
        return True
    return True


@task(name="clean-batch", retries=2, retry_delay_seconds=[2, 10], retry_jitter_factor=0.5,
      retry_condition_fn=_retry_unless_store_trouble,
      task_run_name="clean {keys[0]} (+{batch_extra})")
def clean_batch(keys: list[str], plan: RunPlan, batch_extra: int = 0,
                delays: tuple[float, ...] | None = None) -> list[ManifestEntry]:
    """One batch, tried again while some documents meet store errors: reruns skip the
    documents already written, so a retry redoes only what is missing. After the last
    attempt StoreTrouble carries every entry (the failures included) to the flow."""
    earlier: dict[str, ManifestEntry] = {}
    for delay in (*(STORE_RETRY_DELAYS if delays is None else delays), None):
        entries = [earlier.get(e.key, e) if e.status is RunStatus.UNCHANGED else e
                   for e in process_batch(keys, plan)]
        if not any(e.retryable for e in entries):
            return entries
        if delay is None:
            raise StoreTrouble(entries)
        earlier.update((e.key, e) for e in entries if not e.retryable)
        time.sleep(delay * random.uniform(1.0, 1.5))
    raise AssertionError("unreachable")


# The smallest batch the end of a parallel run is cut into: a batch task costs ~50-100 ms
# in a process pool (its task run's API calls and events, the pickled plan and results),
# 20 documents take 0.1 s (seed dumps) to 1 s (whole pages) to clean.
SMALLEST_TAIL_BATCH = 20


def batch_sizes(total: int, largest: int, slots: int) -> Iterator[int]:
    """The sizes of the batches `total` article files are cut into, `largest` at most.

    With several workers, the batches shrink as the run nears its end (guided
    self-scheduling: at most a (2 x slots)-th of what is left, never under
    SMALLEST_TAIL_BATCH), so the workers finish together instead of one cleaning the last
    full batch while the others wait: on 1,000 pages in batches of 200, 2 workers had 3
    and 2 batches, the second idle for a fifth of the run."""
    smallest = min(largest, SMALLEST_TAIL_BATCH)
    left = total
    while left > 0:
        size = largest if slots <= 1 else min(largest, max(smallest, -(-left // (2 * slots))))
        if slots > 1 and left == total <= largest and total < 2 * smallest:
            size = left  # a small run is one batch: 21 seeds on 2 workers were 20 + 1, a
            # second worker's start-up (2-4 s of CPU) spent on one document
        size = min(size, left)
        yield size
        left -= size


def iter_batches(keys: Iterator[str], size: int, articles: int = 0,
                 slots: int = 1) -> Iterator[list[str]]:
    """Article files in batches of `batch_sizes(articles, size, slots)` (`size` each when
    the count is not known, or past it); a record file (JSONL, CSV, WARC) is a batch of its
    own, its records streamed inside the task."""
    sizes = itertools.chain(batch_sizes(articles, size, slots), itertools.repeat(size))
    want = next(sizes)
    batch: list[str] = []
    for key in keys:
        if is_archive(key):
            yield [key]
            continue
        batch.append(key)
        if len(batch) >= want:
            yield batch
            batch = []
            want = next(sizes)
    if batch:
        yield batch


def _modified_since(modified: datetime | None, since: datetime | None) -> bool:
    if since is None or modified is None:
        return True
    return modified >= (since if since.tzinfo else since.replace(tzinfo=UTC))


@flow(name="clean-articles", log_prints=True, flow_run_name=_run_name,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def clean_articles(
    # The form shows what every run needs first, then two folded groups (params.py).
    source: SourceLocation,
    dest: DestLocation,
    rules: RulePacks = [],  # noqa: B006 - Prefect parameters need a literal default
    dry_run: DryRun = False,
    limit: Limit = 0,
    inputs: Inputs = None,
    advanced: Advanced = None,
    # The same options by name, for Python callers and the CLI; not in the form.
    key_prefix: SkipJsonSchema[KeyPrefix] = "",
    since: SkipJsonSchema[Since] = None,
    include: SkipJsonSchema[Include] = [],  # noqa: B006
    records: SkipJsonSchema[Records] = RecordFields(),  # noqa: B008
    review: SkipJsonSchema[Review] = ReviewPolicy(),  # noqa: B008
    limits: SkipJsonSchema[Limits] = DocumentLimits(),  # noqa: B008
    shard_size: SkipJsonSchema[ShardSize] = 0,
    report_table_max: SkipJsonSchema[ReportTableMax] = 1000,
    batch_size: SkipJsonSchema[BatchSize] = 200,
    workers: SkipJsonSchema[Workers] = 1,
    task_runner: SkipJsonSchema[TaskRunner] = TaskRunnerKind.LOCAL,
    dask_address: SkipJsonSchema[DaskAddress] = "",
    s3: SkipJsonSchema[S3Connection] = S3Settings(),  # noqa: B008
) -> dict:
    """Clean every article under `source` into `dest`, with a manifest line per input."""
    try:
        f = grouped(inputs, InputFilters, dict(key_prefix=key_prefix, since=since,
                                               include=include, records=records))
        o = grouped(advanced, RunOptions, dict(
            review=review, limits=limits, shard_size=shard_size, report_table_max=report_table_max,
            batch_size=batch_size, workers=workers, task_runner=task_runner,
            dask_address=dask_address, s3=s3))
    except BadRun as exc:
        return failed_before_start(exc, source=source, dest=dest, log=get_run_logger())
    key_prefix, since, include, records = f.key_prefix, f.since, f.include, f.records
    review, limits, shard_size, report_table_max = o.review, o.limits, o.shard_size, o.report_table_max
    batch_size, workers, task_runner, dask_address, s3 = (o.batch_size, o.workers, o.task_runner,
                                                          o.dask_address, o.s3)
    log = get_run_logger()
    include = include or list(DEFAULT_INCLUDE)
    started = datetime.now(UTC)
    run_id = new_run_id(flow_run.get_id())
    try:  # what an operator mistyped: one ERROR line and a failure report, no traceback
        check_locations(source, dest)  # refused before anything is read or written
        packs = load_packs(rules, s3)  # a bad pack fails the run before the destination exists
        src = open_source(source, s3)
        src.check_reachable()
        dst = open_store(dest, s3)
        if not dry_run:
            prepare_dest(dst)
    except (BadRun, RulePackError, StorageError, OSError) as exc:
        return failed_before_start(exc, source=source, dest=dest, log=log)
    plan = RunPlan(source_url=source, dest_url=dest, s3=s3, packs=packs,
                   dry_run=dry_run, review=review, records=records, options=limits.options(),
                   shards=ShardSpec(run_id, shard_size) if shard_size else None)
    summary = RunSummary(source=src.url, dest=dst.url, run_id=run_id,
                         manifest=None if dry_run else f"{dst.url.rstrip('/')}/{manifest_key(run_id)}",
                         dry_run=dry_run, table_max=report_table_max,
                         packs=[(p.name, p.shipped) for p in packs], review_policy=review, started=started,
                         since=since, key_prefix=key_prefix)

    named = getattr(src, "single", None)  # one file the operator named: an input

    def listing(skipped: Counter | None = None) -> Iterator[str]:
        keys = (o.key for o in src.iter_objects(key_prefix)
                if _included(o.key, tuple(include), named, skipped)
                and _modified_since(o.modified, since))
        return itertools.islice(keys, limit) if limit else keys

    # A counting pass first, so the progress artifact can show a share of the total; both
    # passes stream page by page, so a 100,000-object prefix never sits whole in memory.
    # It also counts what the include patterns skip, and with --limit what was not sampled.
    n_inputs = n_archives = 0
    try:
        # a record file is a batch of its own
        for batch in iter_batches(listing(summary.skipped), batch_size):
            n_inputs += len(batch)
            n_archives += len(batch) == 1 and is_archive(batch[0])
    except (StorageError, OSError) as exc:  # the source folder itself cannot be listed
        return failed_before_start(exc, source=source, dest=dest, log=log)
    summary.unlisted = list(getattr(src, "unlisted", ()))
    if warning := summary.unlisted_warning():
        log.warning("%s", warning)
    # The workers that share the batches (a Dask cluster joined by address has a size
    # unknown here: its batches keep the one size).
    slots = workers if task_runner == TaskRunnerKind.LOCAL or not dask_address else 1
    n_batches = n_archives + sum(1 for _ in batch_sizes(n_inputs - n_archives, batch_size, slots))
    if limit and n_inputs == limit:  # a sample: count what it was taken from
        summary.skipped.clear()
        summary.sampled = n_inputs
        summary.sampled_of = sum(1 for o in src.iter_objects(key_prefix)
                                 if _included(o.key, tuple(include), named, summary.skipped)
                                 and _modified_since(o.modified, since))
    log.info("%d inputs under %s; batches of %d", n_inputs, src.url, batch_size)
    if not n_inputs:
        return _nothing_to_clean(summary, log)
    artifacts = RunArtifacts(summary, inputs=n_inputs, batches=n_batches,
                             table_max=report_table_max)
    runners = [make_runner(task_runner, workers, dask_address)]  # an unusable one fails here
    try:
        with writing_run(dst, summary, artifacts, log, flow_run.get_id(), dry_run) as books:
            for entries in _run_batches(iter_batches(listing(), batch_size,
                                                     n_inputs - n_archives, slots), plan,
                                        lambda: runners.pop() if runners else
                                        make_runner(task_runner, workers, dask_address),
                                        workers, src.url, log):
                books.record(entries)
    except (StorageError, OSError) as exc:  # a store stopped answering mid-run
        return failed_mid_run(exc, summary, log)
    return summary.as_dict()


def _included(key: str, include: tuple[str, ...], named: str | None,
              skipped: Counter | None) -> bool:
    """Whether a listed key is an input; what the patterns skip is counted by extension
    (our own outputs are neither inputs nor skipped)."""
    if is_included(key, include, named):
        return True
    if skipped is not None and not is_own_output(key):
        skipped[skip_reason(key)] += 1
    return False


def _nothing_to_clean(summary: RunSummary, log):
    """An empty or mistyped source. A full run that finds nothing fails (the nightly run's
    source moved, a typo in the prefix: someone must look); an incremental `since` run
    may rightly find nothing new, so it completes, with the same warning."""
    why = summary.nothing_found()
    log.warning(why)
    summary.manifest = None  # nothing to clean: no manifest is written
    RunArtifacts.publish_report(summary)
    if summary.since is None:
        return failed_quietly(why)
    return Completed(message=why, data=summary.as_dict())


# How often the batches in flight when a pool worker died are tried again on a new pool:
# a worker killed from outside (the OOM killer, an operator) costs one retry; a batch that
# kills its worker every time (a crash in a C extension) is `failed` after the last one.
POOL_RETRIES = 2


def _run_batches(batches: Iterator[list[str]], plan: RunPlan, new_runner, workers: int,
                 source_url: str = "", log=None) -> Iterator[list[ManifestEntry]]:
    """Submit batches with a bounded number in flight and yield results as they finish.

    `new_runner()` builds the task runner (None: batches run one by one in this process).
    A process pool whose worker died is broken for good (every later batch would fail with
    BrokenProcessPool): it is replaced by a new one and the batches it had in flight are
    submitted again.

    The plan goes to each task `quote`d (but to Dask's): Prefect would otherwise walk it
    (every rule of every pack) looking for futures, two to three times per batch (~45 ms
    each)."""
    runner = new_runner()
    if runner is None:
        for batch in batches:
            yield _accounted(batch, source_url, lambda b=batch: clean_batch(
                b, quote(plan), len(b) - 1, STORE_RETRY_DELAYS))
        return
    with _workers_share_this_api(), ExitStack() as stack:
        stack.enter_context(runner)
        workers = parallel_slots(runner, workers)
        pending: dict = {}  # future -> (its batch's keys, pool failures so far)

        def submit(batch: list[str], failures: int = 0) -> None:
            future = runner.submit(clean_batch, {"keys": batch, "plan": _as_parameter(plan, runner),
                                                 "batch_extra": len(batch) - 1,
                                                 "delays": STORE_RETRY_DELAYS})
            pending[future] = (batch, failures)

        def collect() -> Iterator[list[ManifestEntry]]:
            nonlocal runner, stack
            done = _wait_any(pending)
            batch, failures = pending.pop(done)
            try:
                outcome = done.result()
            except BrokenProcessPool as exc:
                in_flight = [(batch, failures), *pending.values()]
                pending.clear()
                if log is not None:
                    log.warning("a worker process died (%s); starting a new pool and trying "
                                "the %d batches it had in flight again", exc, len(in_flight))
                stack.close()
                stack = ExitStack()
                runner = stack.enter_context(new_runner())
                for again, n in in_flight:
                    if n + 1 > POOL_RETRIES:
                        yield _accounted(again, source_url, lambda e=exc: _raise(e))
                    else:
                        submit(again, n + 1)
                return
            except Exception as exc:  # noqa: BLE001 - accounted for below
                yield _accounted(batch, source_url, lambda e=exc: _raise(e))
                return
            yield outcome

        try:
            for batch in batches:
                submit(batch)
                while len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                    yield from collect()
            while pending:
                yield from collect()
        finally:
            stack.close()


def _as_parameter(plan: RunPlan, runner) -> object:
    """The plan `quote`d (Prefect does not walk it); Dask's serialization turns Prefect's
    annotations into plain tuples, so its runner gets the plan as it is."""
    return plan if type(runner).__module__.startswith("prefect_dask") else quote(plan)


def _raise(exc: BaseException):
    raise exc


@contextmanager
def _workers_share_this_api() -> Iterator[None]:
    """Worker processes report to this run's Prefect API. Without PREFECT_API_URL in the
    environment (the CLI's temporary server, the test harness) each spawned worker started
    a temporary server of its own: +215 MB and ~10 s per worker, its task runs recorded in
    a database nobody reads (measured with bench/load.py). The address goes to the workers
    in the run's Prefect settings (the process pool passes them to each task as its
    environment, Dask in each task's context), never into this process's os.environ."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.client.orchestration import get_client

    with get_client(sync_client=True) as client:
        url = str(client.api_url)
    with temporary_settings(updates={PREFECT_API_URL: url}):
        yield


def _wait_any(futures) -> object:
    """The first future to finish, for any runner's futures (threads, processes, Dask)."""
    return next(as_completed(list(futures)))


def _accounted(batch: list[str], source_url: str, result) -> list[ManifestEntry]:
    return accounted(batch, lambda key: (f"{source_url.rstrip('/')}/{key}", key), result)
