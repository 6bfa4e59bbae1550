"""The `clean-articles` flow: list the source, clean it in batches, write the manifest.

Thin by design: one task per batch (a task run costs milliseconds of Prefect overhead,
cleaning an article less than one), the work itself in `flows.batch`. No
`from __future__ import annotations` here: it breaks served runs' parameter models.
"""

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.futures import as_completed
from prefect.runtime import flow_run
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from cleaners.rules import RulePack, default_pack, parse_pack
from flows import progress
from flows.batch import ReviewPolicy, RunPlan, process_batch
from flows.layout import DEFAULT_INCLUDE, is_included, manifest_key, run_id_for
from flows.params import (
    BatchSize,
    DestLocation,
    Include,
    KeyPrefix,
    Limit,
    RulePacks,
    SourceLocation,
    Workers,
)
from flows.records import ManifestEntry
from flows.report import RunSummary
from flows.settings import S3Settings
from flows.storage import LocalStorage, StorageError, open_source, open_store

# Batches in flight per worker: enough to keep a worker busy while the flow collects the
# previous result, few enough that a 100,000-document listing is never all in memory.
_IN_FLIGHT_PER_WORKER = 2


def _run_name() -> str:
    p = flow_run.parameters
    return f"clean {p.get('source')} → {p.get('dest')}"


@task(name="clean-batch", retries=2, retry_delay_seconds=[2, 10],
      task_run_name="clean {keys[0]} (+{batch_extra})")
def clean_batch(keys: list[str], plan: RunPlan, batch_extra: int = 0) -> list[ManifestEntry]:
    """One batch. Retried on errors that escape it (a store gone away): reruns skip
    documents already written, so a retry redoes only what is missing."""
    return process_batch(keys, plan)


def load_packs(paths: list[str], s3: S3Settings) -> tuple[RulePack, ...]:
    packs = [default_pack()]
    for path in paths:
        if path.startswith("s3://"):
            parent, _, name = path.rpartition("/")
            text = open_store(parent, s3).read(name).decode("utf-8")
        else:
            text = LocalStorage(".").root.joinpath(path).read_text("utf-8")
        packs.append(parse_pack(text, path))
    return tuple(packs)


def iter_batches(keys: Iterator[str], size: int) -> Iterator[list[str]]:
    while batch := list(itertools.islice(keys, size)):
        yield batch


@flow(name="clean-articles", log_prints=True, flow_run_name=_run_name,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def clean_articles(
    source: SourceLocation,
    dest: DestLocation,
    rules: RulePacks = [],  # noqa: B006 - Prefect parameters need a literal default
    batch_size: BatchSize = 200,
    workers: Workers = 1,
    dry_run: bool = False,
    limit: Limit = None,
    key_prefix: KeyPrefix = "",
    include: Include = list(DEFAULT_INCLUDE),  # noqa: B006, B008
    review: ReviewPolicy = ReviewPolicy(),  # noqa: B008
    s3: S3Settings = S3Settings(),  # noqa: B008
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
                   dry_run=dry_run, review=review)
    summary = RunSummary(source=src.url, dest=dst.url, run_id=run_id,
                         manifest=None if dry_run else f"{dst.url.rstrip('/')}/{manifest_key(run_id)}",
                         dry_run=dry_run)
    keys = (o.key for o in src.iter_objects(key_prefix) if is_included(o.key, tuple(include)))
    if limit:
        keys = itertools.islice(keys, limit)
    runner = ProcessPoolTaskRunner(max_workers=workers) if workers > 1 else None
    for n, entries in enumerate(_run_batches(iter_batches(keys, batch_size), plan, runner, workers), 1):
        summary.add(entries)
        log.info("batch %d: %d documents (%s); %d so far", n, len(entries),
                 _counts(entries), summary.total)
        progress.report(summary.total, dict(summary.statuses))
    if not dry_run:
        dst.write(manifest_key(run_id), _manifest_bytes(summary.entries), "application/x-ndjson")
    create_markdown_artifact(key="newsclean-run-report", markdown=summary.markdown(),
                             description=f"newsclean {source} → {dest}")
    log.info("done: %s", summary.one_line())
    return summary.as_dict()


def _run_batches(batches: Iterator[list[str]], plan: RunPlan, runner, workers: int,
                 ) -> Iterator[list[ManifestEntry]]:
    """Submit batches with a bounded number in flight and yield results as they finish."""
    if runner is None:
        for batch in batches:
            yield clean_batch(batch, plan, len(batch) - 1)
        return
    with runner:
        pending = set()
        for batch in batches:
            pending.add(runner.submit(clean_batch, {"keys": batch, "plan": plan,
                                                    "batch_extra": len(batch) - 1}))
            if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                done, pending = _wait_any(pending)
                yield from (f.result() for f in done)
        while pending:
            done, pending = _wait_any(pending)
            yield from (f.result() for f in done)


def _wait_any(futures: set) -> tuple[set, set]:
    """The first future to finish, for any runner's futures (threads, processes, Dask)."""
    first = next(as_completed(list(futures)))
    return {first}, futures - {first}


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

