"""Interleaved timing, medians, and peak RSS of a process tree."""

import contextlib
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Series:
    """Wall times of one pipeline over the rounds of a comparison."""

    name: str
    docs: int
    megabytes: float
    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.median

    @property
    def mb_per_s(self) -> float:
        return self.megabytes / self.median


def interleaved(runs: dict[str, Callable[[], None]], series: dict[str, Series], rounds: int) -> None:
    """Run each pipeline once per round, alternating the order every round, so a burst of
    load from the neighbours falls on both sides of a ratio rather than on one."""
    names = list(runs)
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            t = time.perf_counter()
            runs[name]()
            series[name].seconds.append(time.perf_counter() - t)


def ratio(a: Series, b: Series) -> float:
    """Median over rounds of a's throughput over b's, pairing the runs of the same round."""
    per_round = [(a.docs / ta) / (b.docs / tb) for ta, tb in zip(a.seconds, b.seconds, strict=False)]
    return statistics.median(per_round)


class PeakRSS:
    """Samples the summed RSS of a process and its descendants until stopped.

    Sampling (every 50 ms) can miss a spike shorter than that; steady-state memory, which
    is what "flat in the number of documents" is about, it does not miss.
    """

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil  # the `bench` extra; only the flow section samples memory

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            for p in procs:
                with contextlib.suppress(psutil.NoSuchProcess):
                    total += p.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)
