"""One writer per destination, and a lock that dies with its holder.

A scheduled run and a manual one (or two schedules) that name the same destination would
interleave their writes and manifests; the second one waits for the first and says so in
its log. Two parts, both on the Prefect API the run reports to (so the lock holds across
workers, machines, `newsclean serve` and Dask, whose workers never take it: the flow's
process does):

- **the slot**: a Prefect global concurrency limit of one slot, named after the destination
  (`lock_name`), taken with a lease. Taking it is atomic on the server: of two runs, one
  gets it.
- **the holder record**: a Prefect variable beside it (`holder_variable`) naming the run
  that holds the slot (flow run id, host, pid, lease id) and a heartbeat counter the holder
  raises every `BEAT_SECONDS` while it writes.

Prefect's lease alone did not die with its holder: leases live in the server's memory and
only the server's "repossessor" service revokes expired ones. A temporary server (the CLI's
default, no PREFECT_API_URL) runs no services and dies with the run, so a SIGKILLed run
left the slot counted for ever in the database (measured: a rerun still waiting after 15
min). A waiting run therefore judges the holder itself, from the record, and takes the slot
over when the holder is gone:

- its process is gone (same host and PID namespace, pid no longer alive): at once;
- its flow run is in a final state (Crashed, Failed, Completed, Cancelled): at once;
- its heartbeat has not moved for `STALE_SECONDS` as the waiter watched it (no clocks are
  compared across machines), or no record appeared for that long.

Taking over releases the dead holder's lease (on a shared server that revokes it), and if
the slot is still counted (a lost lease), sets it back to free, then takes it as any run
does. The wait and the takeover are logged as warnings, so they show without `-v`.
A run that is merely slow keeps its heartbeat moving and is never taken over.
"""

import hashlib
import json
import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import httpx
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import (
    GlobalConcurrencyLimitCreate,
    GlobalConcurrencyLimitUpdate,
    VariableCreate,
    VariableUpdate,
)
from prefect.client.schemas.objects import ConcurrencyLeaseHolder
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

LOCK_PREFIX = "newsclean-dest:"
# A nightly run should not still be waiting when the next night's run starts.
WAIT_SECONDS = 12 * 3600
BEAT_SECONDS = 5.0  # the holder's heartbeat (and lease renewal) period
STALE_SECONDS = 45.0  # a heartbeat still for this long (9 beats missed): the holder is gone
LEASE_SECONDS = 60.0  # Prefect's minimum; renewed every beat
POLL_SECONDS = 1.0  # how often a waiting run tries the slot again
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


def holder_variable(name: str) -> str:
    """The Prefect variable holding the record of the slot's holder (variable names are
    lowercase letters, digits and underscores)."""
    return "newsclean_lock_" + hashlib.sha256(name.encode()).hexdigest()[:24]


@dataclass
class _Holder:
    flow_run: str | None
    host: str
    pid: int
    lease: str | None
    beat: int = 0
    pid_ns: str = ""  # the PID namespace: containers on one host may share a hostname

    @classmethod
    def parse(cls, value) -> "_Holder | None":
        try:
            return cls(**{k: value[k] for k in ("flow_run", "host", "pid", "lease", "beat",
                                                "pid_ns")})
        except (TypeError, KeyError):
            return None

    def describe(self) -> str:
        run = f"flow run {self.flow_run}" if self.flow_run else "a run"
        return f"{run} (pid {self.pid} on {self.host})"


def _pid_ns() -> str:
    try:
        return os.readlink("/proc/self/ns/pid")
    except OSError:  # not Linux: the hostname alone
        return ""


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


class _Lock:
    """The slot and record of one destination, as one run sees them."""

    def __init__(self, client, dest_url: str, log) -> None:
        self.client, self.dest_url, self.log = client, dest_url, log
        self.name = lock_name(dest_url)
        self.variable = holder_variable(self.name)

    # -- the slot -------------------------------------------------------------------------
    def ensure_limit(self) -> None:
        """Make the destination's limit unless an earlier run did. Read first: a create that
        collides makes the server log a 150-line IntegrityError on every rerun."""
        with suppress(ObjectNotFound):
            self.client.read_global_concurrency_limit_by_name(self.name)
            return
        with suppress(ObjectAlreadyExists):  # made by a run that started at the same moment
            self.client.create_global_concurrency_limit(
                GlobalConcurrencyLimitCreate(name=self.name, limit=1))

    def try_take(self, holder: ConcurrencyLeaseHolder | None) -> str | None:
        """The lease id when the slot was free, else None (never waits)."""
        try:
            response = self.client.increment_concurrency_slots_with_lease(
                names=[self.name], slots=1, mode="concurrency", lease_duration=LEASE_SECONDS,
                holder=holder)
        except httpx.HTTPStatusError as exc:
            if exc.response.status_code == 423:  # taken
                return None
            if exc.response.status_code == 404:  # deleted by an operator: make it again
                self.ensure_limit()
                return None
            raise
        return str(response.json()["lease_id"])

    def renew(self, lease: str) -> bool:
        try:
            self.client.renew_concurrency_lease(UUID(lease), LEASE_SECONDS)
        except httpx.HTTPStatusError:
            return False
        return True

    def release(self, lease: str) -> None:
        self.client.release_concurrency_slots_with_lease(UUID(lease))

    def slots_in_use(self) -> int:
        try:
            return self.client.read_global_concurrency_limit_by_name(self.name).active_slots
        except ObjectNotFound:
            return 0

    # -- the record -----------------------------------------------------------------------
    def read_holder(self) -> _Holder | None:
        variable = self.client.read_variable_by_name(self.variable)
        return _Holder.parse(variable.value) if variable is not None else None

    def write_holder(self, holder: _Holder) -> None:
        value = json.loads(json.dumps(holder.__dict__))
        try:
            self.client.update_variable(VariableUpdate(name=self.variable, value=value))
        except (ObjectNotFound, httpx.HTTPStatusError) as exc:
            if getattr(getattr(exc, "response", None), "status_code", 404) != 404:
                raise
            with suppress(ObjectAlreadyExists):
                self.client.create_variable(VariableCreate(name=self.variable, value=value))

    def drop_holder(self) -> None:
        try:
            self.client.delete_variable_by_name(self.variable)
        except (ObjectNotFound, httpx.HTTPStatusError) as exc:
            if getattr(getattr(exc, "response", None), "status_code", 404) != 404:
                raise

    # -- judging a holder -----------------------------------------------------------------
    def gone(self, holder: _Holder | None, still_for: float) -> str | None:
        """Why the holder is gone, or None while it may be alive."""
        if holder is not None:
            if (holder.host, holder.pid_ns) == (socket.gethostname(), _pid_ns()) \
                    and not _pid_alive(holder.pid):
                return f"its process {holder.pid} is gone"
            if holder.flow_run:
                with suppress(Exception):  # a run the API no longer knows: judged by heartbeat
                    state = self.client.read_flow_run(UUID(holder.flow_run)).state
                    if state is not None and state.is_final():
                        return f"its flow run is {state.name}"
        if still_for >= STALE_SECONDS:
            what = "no heartbeat" if holder is not None else "no holder recorded"
            return f"{what} for {still_for:.0f} s"
        return None

    def take_over(self, dead: _Holder | None) -> None:
        """Free the slot of a holder judged gone, unless someone took it over meanwhile."""
        now = self.read_holder()
        if now != dead:
            return  # another run took over (or the holder came back): judge again
        if dead is not None and dead.lease:
            self.release(dead.lease)  # a live lease (shared server): revoke it
        if self.slots_in_use() and self.read_holder() == dead:
            # the slot is counted but its lease is lost (a temporary server died with it)
            self.client.update_global_concurrency_limit(
                self.name, GlobalConcurrencyLimitUpdate(active_slots=0))
        self.drop_holder()


@contextmanager
def destination_lock(dest_url: str, log, flow_run_id: str | None = None,
                     wait_seconds: float = WAIT_SECONDS) -> Iterator[str]:
    """Hold the destination's slot for the duration of the block (the writing phase)."""
    with get_client(sync_client=True) as client:
        lock = _Lock(client, dest_url, log)
        lock.ensure_limit()
        holder = ConcurrencyLeaseHolder(type="flow_run", id=UUID(flow_run_id)) if flow_run_id else None
        lease = _acquire(lock, holder, wait_seconds)
        me = _Holder(flow_run=flow_run_id, host=socket.gethostname(), pid=os.getpid(), lease=lease,
                     pid_ns=_pid_ns())
        lock.write_holder(me)
        stop = threading.Event()
        beat = threading.Thread(target=_heartbeat, args=(dest_url, me, stop, log),
                                name="newsclean-dest-lock", daemon=True)
        beat.start()
        try:
            yield lock.name
        finally:
            stop.set()
            beat.join()
            with suppress(Exception):  # a lost API: the lease expires, the record goes stale
                if lock.read_holder() == me or lock.read_holder() is None:
                    lock.drop_holder()
                lock.release(lease)


def _acquire(lock: _Lock, holder: ConcurrencyLeaseHolder | None, wait_seconds: float) -> str:
    deadline = time.monotonic() + wait_seconds
    seen: _Holder | None = None
    seen_since = time.monotonic()
    said = 0.0
    while True:
        lease = lock.try_take(holder)
        if lease is not None:
            if said:
                lock.log.warning("the destination %s is free: this run writes it now", lock.dest_url)
            return lease
        now = time.monotonic()
        current = lock.read_holder()
        if current != seen:  # a new holder, or a heartbeat: it is alive
            seen, seen_since = current, now
        if not said:
            who = seen.describe() if seen else "another run"
            lock.log.warning("waiting: %s is writing %s (Prefect concurrency limit %s); this run "
                             "starts writing when that one finishes, or takes over if it is gone",
                             who, lock.dest_url, lock.name)
            said = now
        why = lock.gone(seen, now - seen_since)
        if why:
            who = seen.describe() if seen else "the run holding it"
            lock.log.warning("taking over %s from %s: %s", lock.dest_url, who, why)
            lock.take_over(seen)
            seen, seen_since = None, time.monotonic()
            continue
        if now >= deadline:
            raise DestinationBusy(
                f"{lock.dest_url} was still being written by another run after "
                f"{wait_seconds / 3600:g} h; start this run again when it has finished "
                f"(Prefect concurrency limit {lock.name})")
        time.sleep(POLL_SECONDS)


def _heartbeat(dest_url: str, me: _Holder, stop: threading.Event, log) -> None:
    """Raise the record's heartbeat and renew the lease every beat; its own client (the
    flow's one is not for threads)."""
    with get_client(sync_client=True) as client:
        lock = _Lock(client, dest_url, log)
        warned = False
        while not stop.wait(BEAT_SECONDS):
            try:
                if not lock.renew(me.lease) and not warned:
                    log.warning("the lease on %s was lost; the holder record keeps the "
                                "destination this run's", dest_url)
                    warned = True
                me.beat += 1
                lock.write_holder(me)
            except Exception as exc:  # noqa: BLE001 - an API hiccup: the next beat tries again
                log.debug("destination lock heartbeat: %s", exc)
