"""A wall-clock limit on one document's cleaning, for code that has no timeout of its own.

trafilatura and readability have no timeout in Python (trafilatura's EXTRACTION_TIMEOUT
only works on its command line): a 0.6 MB page of 200 blocks nested 250 deep takes 4 s,
1,000 of them take minutes. `newsclean.cleaners.clean()` stays pure (no signals, no threads), so the
limit is enforced here, around the call, by whoever runs it.

How, decided by measurement (2 cores, Python 3.11, the pathological pages in
tests/test_hostile.py): an exception raised into the cleaning thread stops trafilatura,
readability and our rules within 0.03-0.10 s of the limit, and arming it costs ~1 µs per
document. A worker subprocess per document would also stop C code that never returns to
Python, but costs a fork and a pickle round trip per document (~5-20 ms, as much as
cleaning an article) and cannot share the compiled rules. The exception is delivered
between Python bytecodes, so a single C call (one lxml parse, one regex match) finishes
first; those are bounded by the size limits (raw, inflated) and by the rules' line-length
guard (`newsclean.cleaners.rules.MAX_LINE_CHARS`).

- In a process's main thread (the CLI's in-process batches, ProcessPoolTaskRunner workers,
  Prefect process workers) a SIGALRM timer raises it (`setitimer`).
- Anywhere else (thread pools, Dask workers), or when another SIGALRM user is active, a
  timer thread injects it with `PyThreadState_SetAsyncExc` (as Prefect does for its own
  task timeouts in threads).
"""

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TimeLimitExceeded(BaseException):  # noqa: N818 - it is a stop signal, not an error
    """Raised inside the limited block when its time is up.

    A BaseException, like KeyboardInterrupt, so the extractors' own `except Exception`
    fallbacks cannot swallow it and carry on with a second, equally slow, attempt.
    """


class Limit:
    """Whether the limit fired. The stop exception can land in a weakref callback or a
    `__del__`, where Python only prints it and the block runs on: callers check this too."""

    expired = False


@contextmanager
def time_limit(seconds: float | None) -> Iterator[Limit]:
    """Raise `TimeLimitExceeded` in this thread if the block runs longer than `seconds`."""
    limit = Limit()
    if not seconds or seconds <= 0:
        yield limit
        return
    if (threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)):
        with _alarm(seconds, limit):
            yield limit
    else:
        with _injected(seconds, limit):
            yield limit


@contextmanager
def _alarm(seconds: float, limit: Limit) -> Iterator[None]:
    armed = True

    def on_alarm(signum, frame) -> None:
        if armed:  # a signal already queued when the block ended must not fire later
            limit.expired = True
            raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_set_async_exc = ctypes.pythonapi.PyThreadState_SetAsyncExc
_set_async_exc.argtypes = (ctypes.c_ulong, ctypes.py_object)


@contextmanager
def _injected(seconds: float, limit: Limit) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["armed"]:
                _set_async_exc(target, TimeLimitExceeded)
                state["fired"] = True
                limit.expired = True

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["armed"] = False
            if state["fired"]:  # injected but not yet raised: take it back
                _set_async_exc(target, ctypes.py_object())
        timer.cancel()
