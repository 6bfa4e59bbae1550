"""A way for the CLI to watch a run's progress without the flow knowing about terminals."""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

# Called with (documents done, status counts so far) after each batch.
ProgressSink = Callable[[int, dict[str, int]], None]
_sink: ContextVar[ProgressSink | None] = ContextVar("newsclean_progress", default=None)


@contextmanager
def watching(sink: ProgressSink):
    token = _sink.set(sink)
    try:
        yield
    finally:
        _sink.reset(token)


def report(done: int, statuses: dict[str, int]) -> None:
    sink = _sink.get()
    if sink is not None:
        sink(done, statuses)
