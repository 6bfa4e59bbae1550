"""The run summary: counts per status and family, the heaviest removals, every failure."""

from collections import Counter
from dataclasses import dataclass, field

from flows.records import ManifestEntry, RunStatus

_LIST_LIMIT = 20  # rows of 'most removed' and failures shown in the markdown report


@dataclass
class RunSummary:
    source: str
    dest: str
    run_id: str
    manifest: str | None
    dry_run: bool = False
    statuses: Counter = field(default_factory=Counter)
    families: Counter = field(default_factory=Counter)
    entries: list[ManifestEntry] = field(default_factory=list)

    def add(self, entries: list[ManifestEntry]) -> None:
        for e in entries:
            self.statuses[str(e.status)] += 1
            self.families.update(e.removed)
        self.entries.extend(entries)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @property
    def failed(self) -> list[ManifestEntry]:
        return [e for e in self.entries if e.status is RunStatus.FAILED]

    def as_dict(self) -> dict:
        return {
            "run_id": self.run_id,
            "source": self.source,
            "dest": self.dest,
            "manifest": self.manifest,
            "dry_run": self.dry_run,
            "inputs": self.total,
            "statuses": dict(self.statuses),
            "removed_by_family": dict(self.families),
        }

    def one_line(self) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()))
        return f"{self.total} inputs: {parts or 'none'}"

    def markdown(self) -> str:
        lines = [
            f"# newsclean run `{self.run_id}`",
            "",
            f"- source: `{self.source}`",
            f"- destination: `{self.dest}`" + (" (dry run: nothing written)" if self.dry_run else ""),
            f"- manifest: `{self.manifest}`" if self.manifest else "- manifest: not written",
            "",
            "| status | documents |",
            "|---|---:|",
        ]
        lines += [f"| {s} | {n} |" for s, n in sorted(self.statuses.items())]
        lines += [f"| **total** | **{self.total}** |", ""]
        if self.families:
            lines += ["| removed (family) | lines/blocks |", "|---|---:|"]
            lines += [f"| {f} | {n} |" for f, n in self.families.most_common()]
            lines.append("")
        heavy = sorted(
            (e for e in self.entries if e.words_in),
            key=lambda e: 1 - e.words_out / e.words_in, reverse=True)[:_LIST_LIMIT]
        if heavy:
            lines += ["## Documents that lost the largest share of their words", "",
                      "| document | status | words in | words out | removed |", "|---|---|---:|---:|---:|"]
            lines += [f"| `{e.key}` | {e.status} | {e.words_in} | {e.words_out} | "
                      f"{1 - e.words_out / e.words_in:.0%} |" for e in heavy]
            lines.append("")
        held = [e for e in self.entries if e.status in (RunStatus.NEEDS_REVIEW,)]
        if held:
            lines += ["## Held for review", ""]
            lines += [f"- `{e.key}`: {e.reason}" for e in held[:_LIST_LIMIT]]
            lines.append("")
        if self.failed:
            lines += ["## Failures", ""]
            lines += [f"- `{e.key}`: {e.reason}" for e in self.failed[:_LIST_LIMIT]]
            more = len(self.failed) - _LIST_LIMIT
            if more > 0:
                lines.append(f"- … and {more} more: see the manifest")
        return "\n".join(lines)
