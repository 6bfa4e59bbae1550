"""The run skeleton both flows share: run id, destination preparation, the destination
lock, discarding a killed run's partial writes, per-batch accounting, manifest parts, the
final manifest and the report.

A flow lists its inputs, runs its batches its own way, and hands each batch's entries to
`RunBooks.record`; everything an operator relies on after a run (one manifest line per
input, a report that agrees with it, a rerun that finishes a killed run) is kept here once.
Memory stays flat in the number of documents: the summary keeps counters and bounded lists,
and the final manifest is assembled from the parts as a stream through a spooled file.
"""

import functools
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime

from newsclean.cleaners.rules import RulePack, load_pack, parse_pack, shipped_packs
from newsclean.flows.orchestration import progress
from newsclean.flows.orchestration.dest_lock import destination_lock
from newsclean.flows.orchestration.report import RunArtifacts, RunSummary
from newsclean.flows.storage.backends import LocalStorage, Storage, StorageError, open_store
from newsclean.flows.storage.layout import RUN_DIRS, manifest_key, manifest_part_key, run_id_for
from newsclean.flows.storage.records import ManifestEntry, RunStatus
from newsclean.flows.storage.settings import S3Settings
from newsclean.flows.work.batch import StoreTrouble

_SPOOL_BYTES = 8 << 20  # the final manifest is held in memory up to this size, then on disk


def new_run_id(flow_run_id: str | None) -> str:
    """The start time plus the flow run's id: sortable, unique, no random part."""
    return run_id_for(datetime.now(UTC), (flow_run_id or "")[:8] or None)


@functools.cache
def _shipped_packs() -> tuple[RulePack, ...]:
    """The packs installed with the package (frozen dataclasses): parsed once per process,
    not once for the CLI's check and again in the flow (0.3-0.8 s each)."""
    return shipped_packs()


def load_packs(paths: list[str], s3: S3Settings) -> tuple[RulePack, ...]:
    """The shipped packs and the operator's. A local pack is read by the cleaner's own
    `load_pack`, so `run --rules de` is refused in the words `clean --rules de` uses."""
    packs = list(_shipped_packs())
    for path in paths:
        if path.startswith("s3://"):
            parent, _, name = path.rpartition("/")
            # the bytes as stored: parse_pack says "not UTF-8 text" in one line
            packs.append(parse_pack(open_store(parent, s3).read(name), path))
        else:
            packs.append(load_pack(path))
    return tuple(packs)


def prepare_dest(dst: Storage) -> None:
    if isinstance(dst, LocalStorage):
        dst.make_root()
        dst.check_writable(RUN_DIRS)  # before cleaning, not at the first write after it
    dst.check_reachable()


def manifest_bytes(entries: list[ManifestEntry]) -> bytes:
    return "".join(e.to_json() + "\n" for e in entries).encode()


def accounted(batch: list[str], describe: Callable[[str], tuple[str, str]],
              result: Callable[[], list[ManifestEntry]]) -> list[ManifestEntry]:
    """A batch's entries whatever became of it: after its last retry, a batch with store
    errors brings its entries (failures included), and one that broke (a worker killed,
    a bug, a fetch that kept failing) gives every input a `failed` line with the reason.
    `describe(item)` is the item's (source, key). The run never loses count."""
    try:
        return result()
    except StoreTrouble as exc:
        return exc.entries
    except Exception as exc:
        reason = f"batch failed: {type(exc).__name__}: {exc}".splitlines()[0][:500]
        return [ManifestEntry(source=source, key=key, status=RunStatus.FAILED, reason=reason,
                              retryable=True)
                for source, key in map(describe, batch)]


# A run stops when this many batches in a row met store errors on every document and
# could not write their manifest part either: the destination has stopped taking writes
# (an S3 endpoint down past boto3's and the batch's retries, a volume gone). Going on would
# only fail every later batch the same way, minutes each, and the final manifest too; a
# rerun once the store is back skips what was written.
STORE_DOWN_BATCHES = 3


@dataclass
class RunBooks:
    """What a run keeps about its batches while they finish."""

    dst: Storage
    summary: RunSummary
    artifacts: RunArtifacts
    log: object
    dry_run: bool = False
    parts: int = 0
    # Lines of batches whose part could not be written: they go into the final manifest
    # from memory (only while the store fails, and only those batches).
    _unwritten: dict[int, bytes] | None = None
    _store_down: int = 0  # batches in a row that the store refused entirely

    def record(self, entries: list[ManifestEntry], what: str = "documents") -> None:
        self.parts += 1
        n = self.parts
        self.summary.add(entries)
        refused: StorageError | None = None
        if not self.dry_run:
            data = manifest_bytes(entries)
            try:
                self.dst.write(manifest_part_key(self.summary.run_id, n), data,
                               "application/x-ndjson")
            except StorageError as exc:
                self.log.warning("manifest part not written: %s", exc)
                self._unwritten = {**(self._unwritten or {}), n: data}
                refused = exc
        counts = ", ".join(f"{k} {s}" for s, k in sorted(_counts(entries).items()))
        self.log.info("batch %d: %d %s (%s); %d so far", n, len(entries), what, counts,
                      self.summary.total)
        progress.report(self.summary.total, dict(self.summary.statuses))
        self.artifacts.progress(n)
        self._stop_if_the_store_is_down(entries, refused)

    def _stop_if_the_store_is_down(self, entries: list[ManifestEntry],
                                   refused: StorageError | None) -> None:
        if refused is None or not entries or not all(e.retryable for e in entries):
            self._store_down = 0
            return
        self._store_down += 1
        if self._store_down >= STORE_DOWN_BATCHES:
            raise StorageError(
                f"the destination stopped taking writes ({refused}); {self.summary.total} inputs "
                "were tried; run again once it is back: what was written is skipped")

    def write_manifest(self) -> None:
        """The parts, in batch order, as one manifest; then the parts are dropped."""
        if self.dry_run:
            return
        run_id = self.summary.run_id
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as spool:
            for n in range(1, self.parts + 1):
                data = (self._unwritten or {}).get(n)
                spool.write(data if data is not None
                            else self.dst.read(manifest_part_key(run_id, n)))
            spool.seek(0)
            self.dst.write(manifest_key(run_id), spool, "application/x-ndjson")
        for n in range(1, self.parts + 1):
            try:
                self.dst.delete(manifest_part_key(run_id, n))
            except StorageError as exc:
                self.log.warning("manifest part left behind: %s", exc)


def _counts(entries: list[ManifestEntry]) -> dict[str, int]:
    c: dict[str, int] = {}
    for e in entries:
        c[str(e.status)] = c.get(str(e.status), 0) + 1
    return c


@contextmanager
def writing_run(dst: Storage, summary: RunSummary, artifacts: RunArtifacts, log,
                flow_run_id: str | None, dry_run: bool = False) -> Iterator[RunBooks]:
    """The writing phase of a run: under the destination lock (a second run naming it
    waits; dry runs write nothing and take no lock), after discarding what a killed run
    left half-written; on leaving, the final manifest, then the report."""
    lock = nullcontext() if dry_run else destination_lock(dst.url, log, flow_run_id)
    with lock:
        if not dry_run and (removed := dst.discard_partial_writes()):
            log.info("removed %d partial writes left by a run that was killed", removed)
        books = RunBooks(dst, summary, artifacts, log, dry_run)
        yield books
        books.write_manifest()
    artifacts.publish()
    log.info("done: %s", summary.one_line())
