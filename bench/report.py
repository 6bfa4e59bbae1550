"""Rows of the benchmark's table, printed aligned and saved as JSON."""

import json
from dataclasses import dataclass

from bench.timing import Series


@dataclass
class Row:
    section: str
    name: str
    series: Series | None = None
    vs: Series | None = None
    ratio: float | None = None
    note: str = ""
    seconds: float | None = None  # a latency rather than a throughput
    extra: dict | None = None  # peak RSS, overhead share …

    @classmethod
    def skipped(cls, section: str, name: str, why: str) -> "Row":
        return cls(section, name, note=f"skipped: {why}")

    @classmethod
    def timing(cls, section: str, name: str, seconds: float, note: str = "") -> "Row":
        return cls(section, name, seconds=seconds, note=note)

    def as_dict(self) -> dict:
        d = {"section": self.section, "name": self.name, "note": self.note}
        if self.series is not None:
            d.update(docs=self.series.docs, megabytes=round(self.series.megabytes, 2),
                     runs=len(self.series.seconds), median_s=round(self.series.median, 3),
                     docs_per_s=round(self.series.docs_per_s, 1),
                     mb_per_s=round(self.series.mb_per_s, 3),
                     seconds_all=[round(s, 3) for s in self.series.seconds])
        if self.ratio is not None:
            d["ratio"] = round(self.ratio, 3)
        if self.seconds is not None:
            d["seconds"] = round(self.seconds, 3)
        if self.extra:
            d.update(self.extra)
        return d


def _rate(per_s: float) -> str:
    """Whole numbers, with a decimal under 10/s (a smoke run's 0.3 docs/s is not "0")."""
    return f"{per_s:,.0f}" if per_s >= 10 else f"{per_s:.1f}"


def render(rows: list[Row]) -> str:
    head = ("section", "pipeline", "docs", "median s", "docs/s", "MB/s", "ratio", "x work",
            "peak RSS", "outside", "note")
    lines = [head]
    for r in rows:
        d = r.as_dict()
        rss = d.get("peak_rss_mb")
        out = d.get("outside_cleaning")
        lines.append((
            r.section, r.name, str(d.get("docs", "")),
            f"{d['median_s']:.2f}" if "median_s" in d else (f"{d['seconds']:.3f}" if "seconds" in d else ""),
            _rate(d["docs_per_s"]) if "docs_per_s" in d else "",
            f"{d['mb_per_s']:.2f}" if "mb_per_s" in d else "",
            f"{d['ratio']:.2f}x" if "ratio" in d else "",
            f"{d['x_work']:.2f}x" if "x_work" in d else "",
            f"{rss:,.0f} MB" if rss is not None else "",
            f"{out:.0%}" if out is not None else "",
            r.note,
        ))
    widths = [max(len(row[i]) for row in lines) for i in range(len(head) - 1)]
    text = []
    for row in lines:
        text.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1])
    return "\n".join(text)


def save(rows: list[Row], path: str, meta: dict) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"meta": meta, "rows": [r.as_dict() for r in rows]}, fh, indent=1)
        fh.write("\n")


