"""Clean one batch of inputs: read, skip if current, clean, write text then record.

Plain Python over the storage interface, no Prefect: the flow wraps `process_batch` in a
task, the tests and the benchmark call it directly, and it pickles for process pools.
"""

import dataclasses
import json
import logging
import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from newsclean.cleaners import Cleaned, CleanOptions, RulePack, RuleSet, Status, clean, warm_up
from newsclean.cleaners.lines import ARTICLE_MIN_WORDS
from newsclean.cleaners.pipeline import unbroken_notice
from newsclean.flows.sources.readers import RawDoc, RecordFields, iter_docs
from newsclean.flows.storage.backends import (
    Storage,
    StorageError,
    UnsafeKey,
    check_key,
    open_source,
    open_store,
    os_error_line,
)
from newsclean.flows.storage.layout import REVIEW_DIR, record_key, text_key
from newsclean.flows.storage.records import (
    ManifestEntry,
    RunStatus,
    build_record,
    sha256,
    text_bytes,
    versions,
)
from newsclean.flows.storage.settings import S3Settings
from newsclean.flows.storage.shards import ShardSpec, ShardWriter
from newsclean.flows.work.deadline import TimeLimitExceeded, time_limit

log = logging.getLogger(__name__)


class ReviewPolicy(BaseModel):
    """When a cleaned document goes to the review queue instead of the clean set."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_removed_share: Annotated[
        float,
        Field(ge=0.0, le=1.0, title="Max share of prose removed",
              description="A document that lost more than this share of its prose (sentences "
                          "of 12+ words that no rule names as boilerplate) is held for review "
                          "(1.0 turns the check off). Menus, teasers, share rows and comment "
                          "threads do not count: a page that is mostly chrome is not held."),
    ] = 0.6
    min_words: Annotated[
        int,
        Field(ge=0, le=10_000, title="Min words",
              description="A clean body shorter than this is held for review (0: off)."),
    ] = ARTICLE_MIN_WORDS

    def verdict(self, words_out: int, prose_removed_share: float) -> str | None:
        """Why a cleaned document is held for review, or None. 0.6 holds 6 of the 391 dev
        text dumps (1.5%) and none of their HTML pages; the share of all words removed
        (0.8 before) held 24 (6%), most of them articles on pages that were mostly chrome."""
        if self.min_words and words_out < self.min_words:
            left = "1 word" if words_out == 1 else f"{words_out} words"
            return f"only {left} left (minimum {self.min_words})"
        if prose_removed_share > self.max_removed_share:
            return (f"{prose_removed_share:.0%} of its prose removed "
                    f"(maximum {self.max_removed_share:.0%})")
        return None


_DEFAULT = CleanOptions()
_MB = 1024 * 1024  # the form's sizes are in MB (MiB), the cleaner's in bytes


class DocumentLimits(BaseModel):
    """What one document may cost; a document over a limit is `rejected` with the limit's
    name in its reason. The names and defaults are `CleanOptions`'."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_raw_mb: Annotated[float, Field(gt=0, le=10_000, title="Max input size (MB)", description=(
        "Larger inputs are refused before they are read."))] = _DEFAULT.max_raw_bytes / _MB
    max_inflated_mb: Annotated[float, Field(gt=0, le=100_000, title="Max unzipped size (MB)",
                                            description=(
        "A gzip input that inflates past this is refused."))] = _DEFAULT.max_inflated_bytes / _MB
    max_inflate_ratio: Annotated[int, Field(ge=1, title="Max inflate ratio", description=(
        "A gzip input inflating more than this many times its size (beyond 1 MB) is a "
        "decompression bomb."))] = _DEFAULT.max_inflate_ratio
    max_output_chars: Annotated[int, Field(ge=1, title="Max clean characters", description=(
        "A clean body longer than this is not an article."))] = _DEFAULT.max_output_chars
    max_seconds: Annotated[float, Field(gt=0, le=3600, title="Max seconds per document",
                                        description=(
        "Cleaning one document is stopped after this long."))] = _DEFAULT.max_seconds

    def options(self) -> CleanOptions:
        return CleanOptions(max_raw_bytes=round(self.max_raw_mb * _MB),
                            max_inflated_bytes=round(self.max_inflated_mb * _MB),
                            max_inflate_ratio=self.max_inflate_ratio,
                            max_output_chars=self.max_output_chars, max_seconds=self.max_seconds)


@dataclass(frozen=True)
class RunPlan:
    """Everything a batch needs, picklable, so batches run in threads, processes or Dask."""

    source_url: str
    dest_url: str
    s3: S3Settings = field(default_factory=S3Settings)
    packs: tuple[RulePack, ...] = ()  # the default pack first, operator packs after it
    dry_run: bool = False
    review: ReviewPolicy = field(default_factory=ReviewPolicy)
    options: CleanOptions = field(default_factory=CleanOptions)
    records: RecordFields = field(default_factory=RecordFields)  # fields of JSONL/CSV records
    shards: ShardSpec | None = None  # also write JSONL shards of the clean articles


class StoreTrouble(Exception):
    """Some documents of a batch met store errors that boto3's own retries did not get
    past (throttling, 5xx, timeouts, resets). Raised so that Prefect retries the batch;
    it carries the entries, so after the last attempt none is lost."""

    def __init__(self, entries: list[ManifestEntry]) -> None:
        failed = sum(e.retryable for e in entries)
        super().__init__(f"{failed} of {len(entries)} documents met store errors")
        self.entries = entries

    def __reduce__(self):  # pickled across process pools with its entries
        return (type(self), (self.entries,))


@lru_cache(maxsize=4)
def _ruleset(packs: tuple[RulePack, ...]) -> RuleSet:
    """Compiled once per process for the packs of a run (immutable, keyed by their content)."""
    return RuleSet(packs)


def process_batch(keys: list[str], plan: RunPlan) -> list[ManifestEntry]:
    """Article files and record files below the source: one manifest entry per document
    (per record for a record file, read as a stream)."""
    source = open_source(plan.source_url, plan.s3)
    docs = (doc for key in keys
            for doc in iter_docs(source, key, _url(source, key), plan.records,
                                 max_record_bytes=plan.options.max_raw_bytes))
    return process_docs(docs, plan, first_key=keys[0] if keys else "")


def process_docs(docs: Iterable[RawDoc], plan: RunPlan, first_key: str = "",
                 dest: Storage | None = None) -> list[ManifestEntry]:
    """Clean documents from any reader (files, records, fetched pages) the one same way."""
    dest = dest or open_store(plan.dest_url, plan.s3)
    rules = _ruleset(plan.packs) if plan.packs else plan.options.ruleset()
    options = CleanOptions(**{**_options_dict(plan.options), "rules": rules})
    warm_up(options)  # models load once per process, outside any document's time limit
    shards = ShardWriter(dest, plan.shards, first_key) if plan.shards and not plan.dry_run else None
    with BackgroundWrites(dest) as writes:
        entries = [process_one(doc, dest, plan, rules, options, shards, writes) for doc in docs]
    if shards is not None:
        shards.flush()
    return entries


class BackgroundWrites:
    """A batch's writes on one thread beside the cleaning: a document's text and record are
    written (to a folder, PUT to S3) while the next document is cleaned. On S3 that hides
    two round trips a document, a fifth of a page's cleaning time or more.

    To a folder, writes commit in groups: the texts of up to `GROUP` documents are written
    without an fsync, one `sync()` makes them durable, then their records are written; the
    last sync, before the batch returns its entries, makes the records durable too. An
    fsync per file (two a document) cost 1.3 ms of CPU a page in the kernel; a sync per
    group costs a few ms for all of them. A record is never durable before its text: a
    crash of the machine leaves texts without records (the next run redoes them), never a
    record naming a text that was lost; a killed process loses at most the group's records.

    One thread keeps the order a crash relies on (a document's text before its record,
    documents in turn). A write or sync that fails fails its documents, as inline (the
    entries are updated before the batch returns). A document whose place has writes
    pending waits for them, records included, before reading it: inputs of one name stem
    (story.txt, story.html) choose their places from what the one before wrote."""

    # Documents written behind the cleaning at most: a record file is one batch of any
    # number of records, and a queued job holds its document's raw bytes and clean text.
    MAX_QUEUED = 32
    # Documents whose records wait for one sync, at most: ~2 s of cleaning per worker that
    # a killed run redoes, and a sync (a few ms, however many files) every 64 pages.
    GROUP = 64

    def __init__(self, dest: Storage) -> None:
        self._dest = dest
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsclean-writes")
        self._room = threading.BoundedSemaphore(self.MAX_QUEUED)
        self._pending: dict[str, Future] = {}  # place (rel) -> its latest job
        # Write thread only: records waiting for their texts' sync, and entries whose
        # records are written but not yet synced.
        self._group: list[tuple[ManifestEntry, object]] = []
        self._unsynced: list[ManifestEntry] = []

    def __enter__(self) -> "BackgroundWrites":
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._pool.submit(self._commit, True).result()  # after every job queued before
        finally:
            self._pool.shutdown(wait=True)

    def submit(self, rel: str, entry: ManifestEntry, job, then=None) -> None:
        """Run `job` (the text) now and `then` (the record) once what `job` wrote is
        durable; either may be None."""
        self._room.acquire()  # waits while MAX_QUEUED documents are queued
        if len(self._pending) > 4 * self.MAX_QUEUED:
            self._pending = {r: f for r, f in self._pending.items() if not f.done()}
        future = self._pool.submit(self._run, entry, job, then)
        future.add_done_callback(lambda _: self._room.release())
        self._pending[rel] = future

    def settle(self, rel: str) -> None:
        """Wait for the pending writes of `rel`, if any, its record included."""
        job = self._pending.pop(rel, None)
        if job is not None:
            job.result()
            self._pool.submit(self._commit).result()

    def _run(self, entry: ManifestEntry, job, then) -> None:
        if job is not None and not _run_write(entry, job):
            return
        if then is not None:
            self._group.append((entry, then))
        if not self._dest.needs_sync or len(self._group) >= self.GROUP:
            self._commit()

    def _commit(self, last: bool = False) -> None:
        """Sync what the group wrote, then write its records; `last`: sync them too."""
        group, self._group = self._group, []
        if group and not self._synced(e for e, _ in group):
            return
        for entry, then in group:
            if _run_write(entry, then):
                self._unsynced.append(entry)
        if last and self._unsynced:
            self._synced(self._unsynced)
        if last or not self._dest.needs_sync:
            self._unsynced = []

    def _synced(self, entries) -> bool:
        """One sync of everything written since the last; on an error, `entries` and the
        documents whose records are not synced yet fail."""
        try:
            self._dest.sync()
        except StorageError as exc:
            for entry in (*entries, *self._unsynced):
                entry.status, entry.reason, entry.retryable = RunStatus.FAILED, str(exc), True
            self._unsynced = []
            return False
        self._unsynced = []
        return True


def _run_write(entry: ManifestEntry, job) -> bool:
    """Run one write job; on an error its document fails (False)."""
    try:
        job()
        return True
    except UnsafeKey as exc:
        entry.status, entry.reason = RunStatus.REJECTED, f"unsafe name: {exc}"
    except StorageError as exc:
        entry.status, entry.reason, entry.retryable = RunStatus.FAILED, str(exc), True
    except OSError as exc:  # the destination refused this file: a folder in its place, …
        entry.status, entry.reason = RunStatus.FAILED, os_error_line(exc, "cannot write")
    except Exception as exc:  # a bug must cost one document, never the run
        log.exception("unexpected error writing %s", entry.source)
        entry.status, entry.reason = RunStatus.FAILED, f"{type(exc).__name__}: {exc}"[:500]
    return False


class InlineWrites:
    """No background thread (process_one called alone): the jobs run now, with a sync
    between text and record, their errors handled by the caller's."""

    def __init__(self, dest: Storage) -> None:
        self._dest = dest

    def submit(self, rel: str, entry: ManifestEntry, job, then=None) -> None:
        if job is not None:
            job()
        self._dest.sync()
        if then is not None:
            then()
            self._dest.sync()

    def settle(self, rel: str) -> None:
        pass


def _options_dict(options: CleanOptions) -> dict:
    return {name: getattr(options, name) for name in options.__slots__}


def _url(store: Storage, key: str) -> str:
    """The address of `key` in `store`: a source that is one file is that file's address
    ("story.txt", not "story.txt/story.txt": a fresh user's `run story.txt DEST`)."""
    single = getattr(store, "single", None)
    if single and store.url.endswith(single):  # the file's folder, "" for the working one
        return store.url[:len(store.url) - len(single)] + key
    return f"{store.url.rstrip('/')}/{key}"


def process_one(doc: RawDoc, dest: Storage, plan: RunPlan, rules: RuleSet,
                options: CleanOptions, shards: ShardWriter | None = None,
                writes: BackgroundWrites | None = None) -> ManifestEntry:
    """One document: its entry, its writes done (inline) or queued on `writes`."""
    src_url, key = doc.source, doc.key
    writes = writes if writes is not None else InlineWrites(dest)
    entry = ManifestEntry(source=src_url, key=key, status=RunStatus.FAILED)
    if doc.error:
        entry.status, entry.reason = doc.error_status, doc.error
        entry.retryable = doc.error_status is RunStatus.FAILED and doc.retryable
        return entry
    try:
        rel, raw = doc.rel, doc.raw
        entry.sha256 = raw_sha = sha256(raw)
        writes.settle(rel)
        previous = _stored_record(dest, rel)
        if (previous is not None and previous.get("source_key") not in (None, key)
                and "#" not in key):
            # Another input of the same name holds this place (story.txt beside story.html,
            # es.txt beside es.txt.gz): this one keeps its whole name, so neither is lost.
            rel = check_key(key)
            writes.settle(rel)
            previous = _stored_record(dest, rel)
        if previous is not None and _is_current(previous, raw_sha, rules):
            entry.status = _unchanged_status(previous)
            entry.reason = previous.get("reason") if entry.status in _STILL_NOT_CLEANED else None
            entry.dest = _url(dest, previous["text_key"]) if previous.get("text_key") else None
            entry.format = previous.get("format")
            entry.title = previous.get("title")
            entry.warning = previous.get("warning")  # still read with that guess
            if shards is not None and previous.get("status") == RunStatus.CLEANED:
                def add_unchanged(rel=rel, previous=previous) -> None:
                    text = dest.read(previous["text_key"]).decode("utf-8").removesuffix("\n")
                    shards.add(rel, previous, text)

                # shards are added in one thread, in order
                writes.submit(rel, entry, None, add_unchanged)
            return entry
        # The article's own URL when the dump names one (site rules match on it).
        cleaned = _clean_in_time(raw, doc.url or src_url, options)
        if doc.title and not cleaned.title:  # a headline the dump kept beside the body
            cleaned = dataclasses.replace(cleaned, title=doc.title)
        if doc.author and not cleaned.author:  # and a byline, a date (fresh-user check #26)
            cleaned = dataclasses.replace(cleaned, author=doc.author)
        if doc.date and not cleaned.date:
            cleaned = dataclasses.replace(cleaned, date=doc.date)
        entry.format = cleaned.format
        entry.title = cleaned.title
        entry.words_in = cleaned.stats.get("words_in", 0)
        entry.words_out = cleaned.stats.get("words_out", 0)
        entry.removed = cleaned.removed_by_family
        entry.warning = cleaned.warning
        entry.by_rule = _by_rule(cleaned)
        status, reason = _status(cleaned, plan.review)
        entry.status, entry.reason = status, reason
        tkey = None
        if status is RunStatus.CLEANED:
            tkey = text_key(rel)
        elif status is RunStatus.NEEDS_REVIEW:
            tkey = f"{REVIEW_DIR}/{text_key(rel)}"
        entry.dest = _url(dest, tkey) if tkey else None
        if not plan.dry_run:
            record: dict[str, bytes] = {}  # the text's job makes it, the record's writes it

            def store_text(rel=rel, tkey=tkey, status=status, reason=reason,
                           previous=previous) -> None:
                record["bytes"] = _write_text(dest, rel, tkey, cleaned, raw, raw_sha, src_url,
                                              key, status, rules, previous, reason=reason)

            def store_record(rel=rel, tkey=tkey, status=status, previous=previous) -> None:
                data = record.pop("bytes")
                dest.write(record_key(rel), data, "application/json", durable=False)
                if shards is not None and status is RunStatus.CLEANED:
                    shards.add(rel, json.loads(data), cleaned.text)
                stale = (previous or {}).get("text_key")
                if stale and stale != tkey:
                    dest.delete(stale)  # e.g. a clean copy whose document is now empty

            writes.submit(rel, entry, store_text, store_record)
    except UnsafeKey as exc:
        entry.status, entry.reason = RunStatus.REJECTED, f"unsafe name: {exc}"
    except StorageError as exc:
        entry.status, entry.reason, entry.retryable = RunStatus.FAILED, str(exc), True
    except Exception as exc:  # a bug must cost one document, never the run
        log.exception("unexpected error on %s", src_url)
        entry.status, entry.reason = RunStatus.FAILED, f"{type(exc).__name__}: {exc}"[:500]
    return entry


def _by_rule(cleaned: Cleaned) -> dict[str, tuple[int, str]]:
    """Per rule: lines removed and the first one (80 characters), for the report's preview."""
    out: dict[str, tuple[int, str]] = {}
    for r in cleaned.removed:
        seen = out.get(r.rule)
        # The preview is made for a rule's first line only (a page has ~180 removals).
        out[r.rule] = (seen[0] + 1, seen[1]) if seen else (1, " ".join(r.text.split())[:80])
    return out


def _clean_in_time(raw: bytes, source: str, options: CleanOptions) -> Cleaned:
    """`clean()` stopped after `options.max_seconds` (flows/deadline.py says how)."""
    try:
        with time_limit(options.max_seconds) as limit:
            cleaned = clean(raw, source=source, options=options)
        if not limit.expired:
            return cleaned
    except TimeLimitExceeded:
        pass
    return Cleaned(text="", title=None, removed=(), format="unknown", encoding=None,
                   status=Status.REJECTED,
                   reason=f"cleaning took longer than {options.max_seconds:g} s "
                          "(limit max_seconds): stopped")


def _status(cleaned, review: ReviewPolicy) -> tuple[RunStatus, str | None]:
    if cleaned.status is not Status.CLEANED:  # empty, rejected: as clean() said
        return RunStatus.of(cleaned.status), cleaned.reason
    why = review.verdict(cleaned.stats.get("words_out", 0),
                         cleaned.stats.get("prose_removed_share", 0.0))
    # a page saved flat was read sentence by sentence: an editor checks it (a fresh user's
    # three such pages kept their comments and "Most read" lists, `cleaned`)
    why = why or unbroken_notice(cleaned.stats)
    if why:
        return RunStatus.NEEDS_REVIEW, why
    return RunStatus.CLEANED, None


def _stored_record(dest: Storage, rel: str) -> dict | None:
    data = dest.read_if_exists(record_key(rel))
    if data is None:
        return None
    try:
        record = json.loads(data)
    except ValueError:
        return None  # a damaged record is rewritten
    return record if isinstance(record, dict) else None


# What an earlier run could not clean stays so on a rerun that skips it: the latest
# manifest says which inputs are still empty, rejected or in review, and why (a fresh user's
# second run reported a binary and an empty file as `unchanged`, with no reason).
_STILL_NOT_CLEANED = frozenset((RunStatus.EMPTY, RunStatus.REJECTED, RunStatus.NEEDS_REVIEW))


def _unchanged_status(record: dict) -> RunStatus:
    """A skipped input's status: `unchanged` for a stored clean copy, else the outcome its
    stored record holds (_STILL_NOT_CLEANED)."""
    status = record.get("status")
    return RunStatus(status) if status in _STILL_NOT_CLEANED else RunStatus.UNCHANGED


def _is_current(record: dict, raw_sha: str, rules: RuleSet) -> bool:
    """Made from these bytes by this cleaner and these rules: nothing to redo."""
    return record.get("sha256") == raw_sha and record.get("newsclean") == versions(rules)


def _write_text(dest: Storage, rel: str, tkey: str | None, cleaned, raw: bytes, raw_sha: str,
                src_url: str, key: str, status: RunStatus, rules: RuleSet,
                previous: dict | None = None, *, reason: str | None = None) -> bytes:
    """The text, not yet durable; returns the record, which `BackgroundWrites` writes once
    the text is. Text first, record last: the record names the text's sha256, so a reader
    that finds a record always finds its text current, and a crash between the two leaves
    a text without a (current) record, which the next run rewrites.

    A re-clean (new cleaner or rules) leaves a text alone when the stored record already
    names its sha256: only the record (its versions) is rewritten. When the text does
    change, the old record is removed first, so a crash before the new record is written
    leaves no record at all rather than an old record beside a new text."""
    record = build_record(cleaned, source=src_url, key=key, raw=raw, raw_sha=raw_sha,
                          text_key=tkey, status=status, reason=reason, rules=rules)
    if tkey:
        data = text_bytes(cleaned)
        if previous is None:
            dest.write(tkey, data, "text/plain; charset=utf-8", durable=False)
        elif previous.get("text_key") != tkey or previous.get("text_sha256") != sha256(data):
            dest.delete(record_key(rel))
            dest.write(tkey, data, "text/plain; charset=utf-8", durable=False)
    return record
