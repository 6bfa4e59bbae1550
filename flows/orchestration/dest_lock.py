"""One writer per destination: a Prefect global concurrency limit keyed on the destination.

A scheduled run and a manual one (or two schedules) that name the same destination would
interleave their writes and manifests; the second one waits for the first, says so in its
log, and gives up with a one-line reason if the first never finishes. The limit lives on
the Prefect server, so it holds across workers, machines and `newsclean serve`; its lease
is renewed while the run writes and expires if the run's process dies.
"""

import hashlib
import re
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from uuid import UUID

from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
from prefect.client.schemas.objects import ConcurrencyLeaseHolder
from prefect.concurrency._asyncio import AcquireConcurrencySlotTimeoutError
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

LOCK_PREFIX = "newsclean-dest:"
# A nightly run should not still be waiting when the next night's run starts.
WAIT_SECONDS = 12 * 3600
_MAX_NAME = 200  # Prefect stores names in an indexed column; long paths are hashed down


class DestinationBusy(RuntimeError):
    """Another run kept writing the destination for longer than this run would wait."""


def lock_name(dest_url: str) -> str:
    """`newsclean-dest:s3:newsroom-clean:articles` for s3://newsroom-clean/articles/.

    Prefect names may not contain '/', so path separators become ':'. The same place
    always gets the same name: S3 buckets are lowercase, trailing slashes are dropped,
    folders are made absolute.
    """
    if dest_url.startswith("s3://"):
        bucket, _, prefix = dest_url[5:].partition("/")
        place = "s3:" + ":".join([bucket.lower(), *[p for p in prefix.split("/") if p]])
    else:
        place = "file:" + ":".join(p for p in Path(dest_url).expanduser().resolve().parts[1:])
    name = LOCK_PREFIX + re.sub(r"[%&<>]", "_", place)
    if len(name) > _MAX_NAME:
        digest = hashlib.sha256(name.encode()).hexdigest()[:12]
        name = f"{name[: _MAX_NAME - 13]}~{digest}"
    return name


def _slots_in_use(name: str) -> int:
    """Create the limit (one slot) on first use; return how many slots are taken."""
    with get_client(sync_client=True) as client:
        with suppress(ObjectAlreadyExists):  # made by an earlier run
            client.create_global_concurrency_limit(GlobalConcurrencyLimitCreate(name=name, limit=1))
        try:
            return client.read_global_concurrency_limit_by_name(name).active_slots
        except ObjectNotFound:  # deleted by an operator between the two calls
            return 0


@contextmanager
def destination_lock(dest_url: str, log, flow_run_id: str | None = None,
                     wait_seconds: float = WAIT_SECONDS) -> Iterator[str]:
    """Hold the destination's slot for the duration of the block (the writing phase)."""
    name = lock_name(dest_url)
    if _slots_in_use(name):
        log.warning("waiting: another run is writing %s (Prefect concurrency limit %s); "
                    "this run starts writing when that one finishes", dest_url, name)
    holder = ConcurrencyLeaseHolder(type="flow_run", id=UUID(flow_run_id)) if flow_run_id else None
    with ExitStack() as stack:
        try:
            # strict: a limit that cannot be found must stop the run, not let it write unguarded
            stack.enter_context(concurrency(name, timeout_seconds=wait_seconds, holder=holder,
                                            strict=True))
        except AcquireConcurrencySlotTimeoutError:
            raise DestinationBusy(
                f"{dest_url} was still being written by another run after "
                f"{wait_seconds / 3600:g} h; start this run again when it has finished "
                f"(Prefect concurrency limit {name})") from None
        yield name
