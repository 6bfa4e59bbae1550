"""The `fetch-and-clean` flow: fetch a list of article URLs, keep the raw responses, clean them.

URLs come from the `urls` parameter and/or a text file (one per line, `#` comments; a path
on the worker or an s3:// object), read as a stream. One task per batch of URLs: it
fetches the batch (`newsclean.flows.sources.fetch`, concurrently and politely), stores each response under
`DEST/_raw/`, and cleans the pages with the same code as every other input
(`newsclean.flows.work.batch.process_docs`), the URL as the cleaner's source. A rerun fetches only what
is not stored yet (`refetch` fetches everything again), so a new rule pack re-cleans
without touching the network. No `from __future__ import annotations` here (see
clean_flow).
"""

import io
import itertools
from collections.abc import Iterable, Iterator
from typing import Annotated

from prefect import flow, get_run_logger, task
from prefect.runtime import flow_run
from prefect.task_runners import ThreadPoolTaskRunner
from pydantic import AfterValidator, BaseModel, ConfigDict
from pydantic.json_schema import SkipJsonSchema

from newsclean.cleaners.rules import RulePackError
from newsclean.flows.orchestration.params import (
    BadRun,
    DestLocation,
    Folded,
    Review,
    RulePacks,
    S3Connection,
    ShardSize,
    form_field,
    grouped,
)
from newsclean.flows.orchestration.report import (
    RunArtifacts,
    RunSummary,
    failed_before_start,
    failed_mid_run,
)
from newsclean.flows.orchestration.skeleton import (
    accounted,
    load_packs,
    new_run_id,
    prepare_dest,
    writing_run,
)
from newsclean.flows.sources.fetch import AddressGuard, Fetcher, FetchPolicy, fetch_docs, redact_url
from newsclean.flows.sources.readers import buffered
from newsclean.flows.storage.backends import StorageError, open_source, open_store
from newsclean.flows.storage.layout import manifest_key
from newsclean.flows.storage.records import ManifestEntry
from newsclean.flows.storage.settings import S3Settings
from newsclean.flows.storage.shards import ShardSpec
from newsclean.flows.work.batch import ReviewPolicy, RunPlan, process_docs


def _check_networks(values: list[str]) -> list[str]:
    import ipaddress

    for v in values:
        try:
            ipaddress.ip_network(v, strict=False)
        except ValueError:
            raise ValueError(f"{v!r} is not a network: write it like 10.20.0.0/16") from None
    return values


UrlList = Annotated[list[str], form_field(
    "URLs", "Article URLs to fetch and clean (http or https), besides those in the URL file.",
    examples=[["https://news.example/2018/07/story.html"]])]
UrlsFile = Annotated[str | None, form_field(
    "URL file", "A text file of URLs, one per line (# starts a comment): a path on the "
    "worker or an s3:// object. Empty: only the URLs above.",
    examples=["s3://newsroom-config/urls/2018-07.txt"])]
AllowPrivate = Annotated[bool, form_field(
    "Allow private addresses", "Fetch from loopback, private and link-local addresses too "
    "(an intranet CMS). Off: such URLs, and redirects to them, are refused.")]
AllowNetworks = Annotated[list[str], AfterValidator(_check_networks), form_field(
    "Allowed private networks", "Private networks that may be fetched while the others stay "
    "refused, e.g. 10.20.0.0/16 for the newsroom's CMS.", examples=[["10.20.0.0/16"]])]
Refetch = Annotated[bool, form_field(
    "Fetch again", "Fetch every URL even when its raw response is stored from an earlier "
    "run. Off: stored pages are cleaned again from _raw/ without touching the network.")]
FetchBatchSize = Annotated[int, form_field(
    "Batch size", "URLs per task (1-1000): fetched concurrently, then cleaned.", ge=1, le=1000)]
FetchSettings = Annotated[FetchPolicy, form_field(
    "Fetching", "Concurrency, politeness (requests per host per second), timeouts, "
    "retries and size limits.")]


class FetchOptions(BaseModel):
    """The fetch policy, batches, review queue, shards and S3 connection (see params.py:
    the form folds them; Python callers pass them by name)."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="Change")

    fetch: FetchSettings = FetchPolicy()
    batch_size: FetchBatchSize = 50
    review: Review = ReviewPolicy()
    shard_size: ShardSize = 0
    s3: S3Connection = S3Settings()


def _fetch_defaults() -> str:
    o = FetchOptions()
    return (f"{o.fetch.concurrency} requests in flight, at most {o.fetch.per_host_rate:g} a "
            f"second per site, {o.fetch.timeout:g} s timeouts, {o.fetch.retries} retries; "
            f"batches of {o.batch_size}; the review queue as for clean runs; S3 as the "
            "worker's AWS settings say")


FetchAdvanced = Annotated[FetchOptions | None, Folded("Defaults"), form_field(
    "Advanced options",
    f"Defaults: {_fetch_defaults()}. Change: to edit any of them (fetching, batches, the "
    "review queue, JSONL shards, the S3 connection).")]


def _run_name() -> str:
    p = flow_run.parameters
    what = p.get("urls_file") or f"{len(p.get('urls') or [])} URLs"
    return f"fetch {what} → {p.get('dest')}"


def _batch_name() -> str:
    from prefect.runtime import task_run

    p = task_run.parameters
    return f"fetch {redact_url(p['urls'][0])} (+{p.get('batch_extra', 0)})"


@task(name="fetch-batch", retries=1, retry_delay_seconds=[10], task_run_name=_batch_name)
def fetch_batch(urls: list[str], plan: RunPlan, policy: FetchPolicy, allow_private: bool,
                allow_networks: list[str], refetch: bool, batch_extra: int = 0,
                ) -> list[ManifestEntry]:
    """Fetch, store and clean one batch. A retry reads back what was already stored."""
    dest = open_store(plan.dest_url, plan.s3, pool_size=policy.concurrency)
    with Fetcher(policy, AddressGuard(allow_private, allow_networks)) as fetcher:
        docs = fetch_docs(urls, dest, fetcher, refetch=refetch)
        return process_docs(docs, plan, first_key=urls[0], dest=dest)


def iter_urls(urls: Iterable[str], urls_file: str | None, s3: S3Settings) -> Iterator[str]:
    """The URLs to fetch, in order, each once: the list first, then the file, streamed."""
    seen: set[str] = set()
    for line in itertools.chain(urls, _file_lines(urls_file, s3) if urls_file else ()):
        url = line.strip()
        if url and not url.startswith("#") and url not in seen:
            seen.add(url)
            yield url


def _file_lines(location: str, s3: S3Settings) -> Iterator[str]:
    store = open_source(location, s3)
    name = getattr(store, "single", None)
    if not name:
        raise StorageError(f"no such URL file: {location}")
    with store.open(name) as raw:
        yield from io.TextIOWrapper(buffered(raw), encoding="utf-8-sig", errors="replace")


@flow(name="fetch-and-clean", log_prints=True, flow_run_name=_run_name,
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def fetch_and_clean(
    dest: DestLocation,
    urls: UrlList = [],  # noqa: B006 - Prefect parameters need a literal default
    urls_file: UrlsFile = None,
    allow_private: AllowPrivate = False,
    allow_networks: AllowNetworks = [],  # noqa: B006
    refetch: Refetch = False,
    rules: RulePacks = [],  # noqa: B006
    advanced: FetchAdvanced = None,
    # The same options by name, for Python callers and the CLI; not in the form.
    fetch: SkipJsonSchema[FetchSettings] = FetchPolicy(),  # noqa: B008
    batch_size: SkipJsonSchema[FetchBatchSize] = 50,
    review: SkipJsonSchema[Review] = ReviewPolicy(),  # noqa: B008
    shard_size: SkipJsonSchema[ShardSize] = 0,
    s3: SkipJsonSchema[S3Connection] = S3Settings(),  # noqa: B008
) -> dict:
    """Fetch every URL into `dest/_raw/` and clean it into `dest`, with a manifest line each."""
    log = get_run_logger()
    run_id = new_run_id(flow_run.get_id())
    try:  # what an operator forgot or mistyped: one ERROR line and a failure report
        o = grouped(advanced, FetchOptions, dict(fetch=fetch, batch_size=batch_size,
                                                 review=review, shard_size=shard_size, s3=s3))
        fetch, batch_size, review, shard_size, s3 = (o.fetch, o.batch_size, o.review,
                                                     o.shard_size, o.s3)
        if not urls and not urls_file:
            raise BadRun("no URLs: give a URL list or a URL file")
        packs = load_packs(rules, s3)  # a bad pack fails the run before the destination exists
        dst = open_store(dest, s3)
        prepare_dest(dst)
    except (BadRun, RulePackError, StorageError, OSError) as exc:
        return failed_before_start(exc, source=urls_file or f"{len(urls)} URLs", dest=dest,
                                   log=log)
    plan = RunPlan(source_url=dest, dest_url=dest, s3=s3, packs=packs,
                   review=review, shards=ShardSpec(run_id, shard_size) if shard_size else None)
    source = urls_file or f"{len(urls)} URLs"
    summary = RunSummary(source=source, dest=dst.url, run_id=run_id,
                         manifest=f"{dst.url.rstrip('/')}/{manifest_key(run_id)}")
    # Counted in a first pass over the stream, so the progress artifact shows a share; the
    # URLs are read again batch by batch (a file of a million URLs is never held whole).
    n_urls = sum(1 for _ in iter_urls(urls, urls_file, s3))
    log.info("%d URLs to fetch; batches of %d", n_urls, batch_size)
    artifacts = RunArtifacts(summary, inputs=n_urls, batches=-(-n_urls // batch_size),
                             table_max=1000)
    try:
        with writing_run(dst, summary, artifacts, log, flow_run.get_id()) as books:
            todo = iter_urls(urls, urls_file, s3)
            while batch := list(itertools.islice(todo, batch_size)):
                books.record(accounted(
                    batch, lambda url: (redact_url(url), redact_url(url)),
                    lambda b=batch: fetch_batch(b, plan, fetch, allow_private, allow_networks,
                                                refetch, len(b) - 1)), "URLs")
    except (StorageError, OSError) as exc:  # a store stopped answering mid-run
        return failed_mid_run(exc, summary, log)
    return summary.as_dict()
