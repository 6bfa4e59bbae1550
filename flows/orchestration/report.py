"""What an operator reads after a run: the summary, its markdown, the per-document table,
and the Prefect artifacts that carry them (a progress bar while the run goes).

The summary is built from the manifest entries only, so the report and the manifest can
never disagree.
"""

import heapq
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from newsclean.flows.storage.backends import os_error_line
from newsclean.flows.storage.layout import MARKDOWN_EXTS, REVIEW_DIR
from newsclean.flows.storage.records import ManifestEntry, RunStatus

_LIST_LIMIT = 20  # rows of 'most removed' and 'held for review' in the markdown report
# Failures are listed one by one up to this many (each with its reason); past it the
# report keeps the count per reason and points to the manifest, which has them all.
_FAILURE_LIMIT = 200
_REASON_WIDTH = 160  # characters of a reason shown in a table cell
# Reasons a run's summary (the CLI's last lines, the flow's return value) names: enough for
# an operator to see what went wrong at a glance; the report and the manifest have the rest.
_SUMMARY_REASONS = 5

# Statuses of a document with no clean copy that is not a failure: nothing to keep in it.
_SKIPPED = (RunStatus.EMPTY, RunStatus.REJECTED)

REPORT_KEY = "newsclean-run-report"
FAILURE_KEY = "newsclean-run-failure"
TABLE_KEY = "newsclean-run-documents"


_REASONS_KEPT = 1000  # distinct reasons counted one by one; past it they share one line
_OTHER_REASONS = "(other reasons: see the manifest)"
_DOCS_PER_REASON = 3  # documents a summary names for each reason not cleaned
# Where in its file a record's reason happened ("line 12: ", "row 3 (line 5): ", "record 7
# (uri): "): the reason is counted without it, each record being named by its key anyway. Eight
# records without the body field read as eight reasons of one each (fresh-user check #26).
_RECORD_AT_RE = re.compile(r"\A(?:line|row|record) \d+(?: \([^)]*\))?: ")


def _reason_kind(reason: str | None) -> str:
    """`reason` without the record's place in its file (_RECORD_AT_RE), for counting."""
    return _RECORD_AT_RE.sub("", reason or "-")


@dataclass
class RunSummary:
    """Counters and bounded lists, never every entry: a run's memory does not grow with its
    documents (the manifest, assembled from its parts, has every line)."""

    source: str
    dest: str
    run_id: str
    manifest: str | None
    dry_run: bool = False
    table_max: int = 1000  # rows kept for the table artifact, while the run has no more
    statuses: Counter = field(default_factory=Counter)
    families: Counter = field(default_factory=Counter)
    # rule packs in force, in order: (name, shipped with newsclean?)
    packs: list[tuple[str, bool]] = field(default_factory=list)
    review_policy: Any = None  # the ReviewPolicy in force
    started: datetime | None = None
    since: datetime | None = None  # an incremental run's cut-off
    key_prefix: str = ""  # the run's `--prefix` under the source, "" for all of it
    # with a limit: the files taken and the files they were taken from (a JSONL or WARC file
    # holds many inputs: "the first 5 of 26 inputs" read wrong for 3 files, fresh-user #20)
    sampled: int | None = None
    sampled_of: int | None = None
    # Files the include patterns skipped, by reason (their extension): not inputs, so in no
    # manifest line, but counted here so every listed file is accounted for.
    skipped: Counter = field(default_factory=Counter)
    # Sub-folders of a local source the listing could not open: files unknown, in no line.
    unlisted: list[str] = field(default_factory=list)
    rules: Counter = field(default_factory=Counter)  # lines removed per rule id
    rule_examples: dict[str, str] = field(default_factory=dict)  # rule id: a line it removed
    failed: list[ManifestEntry] = field(default_factory=list)  # the first _FAILURE_LIMIT
    held: list[ManifestEntry] = field(default_factory=list)  # the first _LIST_LIMIT
    failed_reasons: Counter = field(default_factory=Counter)
    # Documents read with a guessed charset (`Cleaned.warning`): each line says how, the run
    # says how many, so that a batch of mis-declared files is not found one line at a time.
    charset_guessed: int = 0
    charset_docs: list[str] = field(default_factory=list)  # the first _DOCS_PER_REASON of them
    skipped_reasons: Counter = field(default_factory=Counter)  # (status, reason) of empty/rejected
    # the first few documents of each counted reason, so the summary names the files to look
    # at (a fresh user's run said "rejected 1: …" and not which file)
    reason_docs: dict = field(default_factory=dict)
    _heavy: list = field(default_factory=list)  # heap of (share removed, n, entry)
    _rows: list[dict] | None = field(default_factory=list)

    def add(self, entries: list[ManifestEntry]) -> None:
        for e in entries:
            self.statuses[str(e.status)] += 1
            if e.warning is not None:
                self.charset_guessed += 1
                if len(self.charset_docs) < _DOCS_PER_REASON:
                    self.charset_docs.append(e.key)
            if e.status is RunStatus.FAILED:  # never written: its removals are not the run's
                if len(self.failed) < _FAILURE_LIMIT:
                    self.failed.append(e)
                self._note(self.failed_reasons, _reason_kind(e.reason), e.key)
            else:
                self.families.update(e.removed)
                for rule, (n, first) in e.by_rule.items():
                    self.rules[rule] += n
                    self.rule_examples.setdefault(rule, first)
                if e.status is RunStatus.NEEDS_REVIEW and len(self.held) < _LIST_LIMIT:
                    self.held.append(e)
                elif e.status in _SKIPPED:
                    self._note(self.skipped_reasons, (str(e.status), _reason_kind(e.reason)),
                               e.key)
            e.by_rule = {}  # folded in: a long run keeps no removed text per document
            if e.words_in:
                item = (1 - e.words_out / e.words_in, -self.total, e)
                if len(self._heavy) < _LIST_LIMIT:
                    heapq.heappush(self._heavy, item)
                elif item[:2] > self._heavy[0][:2]:
                    heapq.heapreplace(self._heavy, item)
            if self._rows is not None:
                self._rows.append(_row(e))
                if len(self._rows) > self.table_max:
                    self._rows = None  # too many for a table artifact: the manifest has them

    def _note(self, counter: Counter, key, doc: str) -> None:
        docs = self.reason_docs.setdefault(_count(counter, key), [])
        if len(docs) < _DOCS_PER_REASON:
            docs.append(doc)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @property
    def review_dir(self) -> str:
        return f"{self.dest.rstrip('/')}/{REVIEW_DIR}/"

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
            "skipped": dict(self.skipped),
            "sampled": self.sampled,
            "sampled_of": self.sampled_of,
            "reasons": self.top_reasons(),
            # why each document went to the review queue (the first _LIST_LIMIT): cleaned,
            # but not published, so its reason is what an operator acts on
            "held": [{"key": e.key, "reason": e.reason, "dest": e.dest} for e in self.held],
            "review_dir": self.review_dir,
            "charset_guessed": self.charset_guessed,
            "charset_docs": self.charset_docs,
            "not_cleaned": sum(self.statuses[str(s)] for s in (RunStatus.FAILED, *_SKIPPED)),
            "warning": "; ".join(w for w in (
                self.nothing_found() if not self.total else None, self.unlisted_warning()) if w)
            or None,
        }

    def top_reasons(self, limit: int = _SUMMARY_REASONS
                    ) -> list[tuple[str, str, int, list[str]]]:
        """(status, reason, documents, the first of them by key) of the documents not
        cleaned, the most frequent first: failed before rejected or empty, at most `limit`
        (the manifest has each)."""
        failed = [(str(RunStatus.FAILED), _short(r), n, self.reason_docs.get(r, []))
                  for r, n in self.failed_reasons.most_common(limit)]
        others = [(s, _short(r), n, self.reason_docs.get((s, r), []))
                  for (s, r), n in self.skipped_reasons.most_common(limit)]
        return (failed + others)[:limit]

    def unlisted_warning(self) -> str | None:
        """What a run could not list, in one line (its files are in no manifest line)."""
        if not self.unlisted:
            return None
        shown = ", ".join(self.unlisted[:5]) + (" …" if len(self.unlisted) > 5 else "")
        return (f"{len(self.unlisted)} folder(s) under {self.source} could not be listed, and "
                f"their files are not in this run: {shown}")

    def nothing_found(self) -> str:
        """The headline of a run that found no input."""
        where = f"no inputs under {self.source}"
        if self.key_prefix:  # the source may be right and the prefix mistyped
            where = f"no inputs under {self.source} with prefix {self.key_prefix!r}"
        if self.since is not None:
            where += f" modified since {self.since.isoformat()}"
        if self.skipped:
            n = sum(self.skipped.values())
            where += (f" ({n} file{'s' if n != 1 else ''} skipped by the include patterns: "
                      f"{_skips(self.skipped)})")
            if hint := markdown_hint(self.skipped):
                where += f"; {hint}"
        elif self.key_prefix:
            where += " (mistyped --prefix?)"
        else:
            where += " (empty or mistyped source?)"
        return where

    def _duration(self) -> str:
        if self.started is None:
            return ""
        seconds = (datetime.now(UTC) - self.started).total_seconds()
        return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.1f} min"

    def one_line(self) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items()))
        return f"{self.total} inputs: {parts or 'none'}"

    def markdown(self) -> str:
        title = "dry run" if self.dry_run else "run"
        lines = [f"# newsclean {title} `{self.run_id}`", ""]
        if not self.total:
            lines += [f"**Warning: {self.nothing_found()}.**", ""]
        lines += self._where()
        lines += self._settings()
        lines += ["", "| status | documents |", "|---|---:|"]
        lines += [f"| {s} | {self.statuses.get(str(s), 0)} |" for s in RunStatus]
        lines += [f"| **total** | **{self.total}** |", ""]
        if self.charset_guessed:
            lines += [f"{charset_line(self.charset_guessed, self.charset_docs)}.", ""]
        if self.families:
            lines += ["## Removals per rule family", "",
                      "| family | lines/blocks removed |", "|---|---:|"]
            lines += [f"| {f} | {n} |" for f, n in self.families.most_common()]
            lines.append("")
        if self.rules:
            lines += ["## Removed lines per rule (a preview)", "",
                      "| rule | lines | e.g. |", "|---|---:|---|"]
            lines += [f"| `{r}` | {n} | {_cell(self.rule_examples.get(r))} |"
                      for r, n in self.rules.most_common(_LIST_LIMIT)]
            lines.append("")
        lines += self._review_queue()
        lines += self._heaviest()
        lines += self._not_cleaned()
        return "\n".join(lines).rstrip() + "\n"

    def _where(self) -> list[str]:
        lines = [f"- source: `{self.source}`"]
        if self.dry_run:
            lines += [f"- destination: `{self.dest}` — **dry run: nothing was written**; "
                      "the counts below are what a real run would store"]
            return lines
        if self.manifest is None:  # an incremental run that found nothing new
            return [*lines, f"- destination: `{self.dest}` — nothing to clean, nothing written"]
        lines += [f"- clean copies and records: `{self.dest}` (`REL.txt` + `REL.json`)",
                  f"- review queue: `{self.review_dir}`",
                  f"- manifest (one line per input): `{self.manifest}`"]
        return lines

    def _settings(self) -> list[str]:
        lines = []
        if self.packs:
            shipped = [p for p, own in self.packs if own]
            mine = [p for p, own in self.packs if not own]
            what = (f"newsclean's own (`default` and {len(shipped) - 1} language packs)"
                    if shipped else "")
            lines.append("- rule packs: " + ", ".join(
                [what] * bool(what) + [f"`{p}`" for p in mine]))
        if self.review_policy is not None:
            r = self.review_policy
            lines.append(f"- review policy: hold documents that lose more than "
                         f"{r.max_removed_share:.0%} of their prose or keep fewer than "
                         f"{r.min_words} words")
        if self.sampled_of is not None:
            lines.append(f"- `--limit`: the first {self.sampled} of {self.sampled_of} files "
                         f"(key order), {self.total} inputs in them")
        if self.since is not None:
            lines.append(f"- only inputs modified since {self.since.isoformat()}")
        if self.skipped:
            lines.append(f"- skipped by the include patterns (not inputs, in no manifest line): "
                         f"{sum(self.skipped.values())} — {_skips(self.skipped)}")
        if duration := self._duration():
            lines.append(f"- duration: {duration}")
        return lines

    def _rel(self, url: str | None) -> str:
        """A destination URL relative to the destination, for table cells."""
        if not url:
            return "-"
        root = self.dest.rstrip("/") + "/"
        return url[len(root):] if url.startswith(root) else url

    def _heaviest(self) -> list[str]:
        heavy = [e for *_, e in sorted(self._heavy, key=lambda t: t[:2], reverse=True)]
        if not heavy:
            return []
        lines = ["## Documents that lost the largest share of their words", "",
                 "| document | status | words in | words out | removed |",
                 "|---|---|---:|---:|---:|"]
        lines += [f"| `{e.key}` | {e.status} | {e.words_in} | {e.words_out} | "
                  f"{1 - e.words_out / e.words_in:.0%} |" for e in heavy]
        return [*lines, ""]

    def _review_queue(self) -> list[str]:
        held = self.held
        if not held:
            return []
        n_held = self.statuses.get(str(RunStatus.NEEDS_REVIEW), 0)
        where = "would go to" if self.dry_run else "stored in"
        lines = [f"## Held for review: {n_held}", "",
                 f"Not published as clean copies; {where} `{self.review_dir}`.", "",
                 "| why | document | review copy |", "|---|---|---|"]
        lines += [f"| {_cell(e.reason)} | `{e.key}` | `{self._rel(e.dest)}` |"
                  for e in held[:_LIST_LIMIT]]
        if n_held > len(held):
            lines.append(f"\n… and {n_held - len(held)} more: see the manifest.")
        return [*lines, ""]

    def _not_cleaned(self) -> list[str]:
        lines: list[str] = []
        if self.skipped_reasons:
            reasons = self.skipped_reasons
            lines += ["## Empty or rejected (no clean copy)", "",
                      "| status | reason | documents | e.g. |", "|---|---|---:|---|"]
            lines += [f"| {s} | {_cell(r)} | {n} | {_docs(self.reason_docs.get((s, r), []))} |"
                      for (s, r), n in reasons.most_common(_LIST_LIMIT)]
            lines.append("")
        failed = self.failed
        n_failed = self.statuses.get(str(RunStatus.FAILED), 0)
        if failed:
            lines += [f"## Failures: {n_failed}", ""]
            lines += [f"- `{e.key}`: {_cell(e.reason)}" for e in failed]
            if n_failed > len(failed):
                lines += ["", f"… and {n_failed - len(failed)} more; by reason:", ""]
                by_reason = self.failed_reasons
                lines += [f"- {n} × {_cell(r)}" for r, n in by_reason.most_common(_LIST_LIMIT)]
                lines.append(f"\nEvery failure is in the manifest `{self.manifest or '(dry run)'}`.")
            lines.append("")
        return lines

    def table(self) -> list[dict] | None:
        """One row per document, for the table artifact; None past `table_max` rows."""
        return self._rows


def _row(e: ManifestEntry) -> dict:
    return {
        "document": e.key,
        "status": str(e.status),
        "words in": e.words_in,
        "words out": e.words_out,
        "removed": f"{1 - e.words_out / e.words_in:.0%}" if e.words_in else "",
        "removals": ", ".join(f"{f} {n}" for f, n in sorted(e.removed.items())),
        "output": e.dest or "",
        "reason": e.reason or "",
    }


def _count(counter: Counter, key):
    """Count by key, with at most _REASONS_KEPT distinct keys (reasons that name a size or
    a count can differ for every document); returns the key counted."""
    if not (key in counter or len(counter) < _REASONS_KEPT):
        key = key[:-1] + (_OTHER_REASONS,) if isinstance(key, tuple) else _OTHER_REASONS
    counter[key] += 1
    return key


def _docs(keys: list[str]) -> str:
    return ", ".join(f"`{k}`" for k in keys)


def markdown_hint(skipped: dict) -> str | None:
    """What to say when the include patterns skipped Markdown files (`skipped`: by reason,
    their extension first): how to take them, or None."""
    if not any(reason.startswith(MARKDOWN_EXTS) for reason in skipped):
        return None
    return ("Markdown dumps are cleaned with --also-include '*.md' (a folder's READMEs are "
            "left out by default)")


def _skips(skipped: Counter) -> str:
    return ", ".join(f"{reason} {n}" for reason, n in skipped.most_common(10))


def failed_before_start(exc: Exception, *, source: str, dest: str, log) -> Any:
    """A run refused at its start (a mistyped location, a bad pack, a store it cannot use):
    one ERROR line, a short failure report artifact, and a Failed state whose message is
    that line — no traceback."""
    from prefect.artifacts import create_markdown_artifact

    what = _one_line(exc)
    log.error("run refused: %s", what)
    markdown = "\n".join([
        "# newsclean run failed before it started", "",
        f"**What failed:** {what}", "",
        f"- source: `{source}`", f"- destination: `{dest}`", "",
        "**What was written:** nothing (no clean copy, no manifest; the destination was "
        "not created).", "",
        "**What to do:** fix the value named above (Run → Custom run shows each field's "
        "help), then run again. A missing bucket or credentials is fixed on the worker "
        "(its AWS environment), not in the form.", ""])
    create_markdown_artifact(key=FAILURE_KEY, markdown=markdown,
                             description=f"newsclean: run failed: {what[:120]}")
    return failed_quietly(what)


def failed_mid_run(exc: Exception, summary: RunSummary, log) -> Any:
    """A run that stopped half-way (a store stopped answering: the destination no longer
    takes writes, the source no longer lists): one ERROR line, the report of what was done,
    a failure report saying what is where and what to do, and a Failed state whose
    message is that line — no traceback."""
    from prefect.artifacts import create_markdown_artifact

    what = _one_line(exc)
    log.error("run stopped: %s", what)
    RunArtifacts.publish_report(summary)
    parts = f"`{summary.dest.rstrip('/')}/_manifests/{summary.run_id}.parts/`"
    markdown = "\n".join([
        "# newsclean run stopped before it finished", "",
        f"**What failed:** {what}", "",
        f"- source: `{summary.source}`", f"- destination: `{summary.dest}`", "",
        f"**What was written:** {summary.one_line()} before it stopped. Their clean copies "
        f"and records are in the destination as far as it took them, their manifest lines "
        f"under {parts}; there is no final manifest.", "",
        "**What to do:** once the store answers again (the S3 endpoint is back, the folder "
        "is mounted), run again with the same values: what was written is skipped and the "
        "rest is cleaned.", ""])
    create_markdown_artifact(key=FAILURE_KEY, markdown=markdown,
                             description=f"newsclean: run stopped: {what[:120]}")
    return failed_quietly(f"run stopped: {what}")


def failed_quietly(message: str) -> Any:
    """A Failed state whose message says it all: the engine's traceback for it is dropped."""
    from prefect.states import Failed

    logging.getLogger("prefect.flow_runs").addFilter(_QuietRefusal(message))
    return Failed(message=message)


class _QuietRefusal(logging.Filter):
    """Drops the traceback Prefect's engine logs when a run process ends in a Failed state
    (`FailedRun` raised to exit the process) — for this refusal only: its one ERROR line
    and the failure report already said it all."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (exc is not None and type(exc).__name__ == "FailedRun"
                    and str(exc) == self.message)


def _one_line(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return os_error_line(exc)
    return " ".join((str(exc).strip() or type(exc).__name__).split())[:500]


def charset_line(n: int, docs: list[str] = ()) -> str:
    """The run's line on guessed charsets, for its report and the CLI's summary, naming the
    first documents (`docs`: a fresh user had to search the manifest for the one)."""
    named = f" ({', '.join(docs)}{', …' if n > len(docs) else ''})" if docs else ""
    return (f"{n} document{'s' if n != 1 else ''} read with a guessed charset{named} (not "
            "valid in the one declared or found): each manifest line's \"warning\" says how")


def _short(text: str | None) -> str:
    """A reason in one line of bounded length."""
    text = " ".join((text or "-").split())
    return text if len(text) <= _REASON_WIDTH else text[: _REASON_WIDTH - 1] + "…"


def _cell(text: str | None) -> str:
    """A reason as one markdown table cell: one line, no pipes, bounded length."""
    return _short(text).replace("|", "\\|")


class RunArtifacts:
    """The run's Prefect artifacts: a progress bar while it goes, the report at the end."""

    def __init__(self, summary: RunSummary, inputs: int, batches: int, table_max: int) -> None:
        from prefect.artifacts import create_progress_artifact

        self.summary, self.batches, self.table_max = summary, batches, table_max
        self._progress_id = create_progress_artifact(
            progress=0.0 if batches else 100.0,
            description=f"newsclean: {inputs} inputs from {summary.source}, {batches} batches")

    def progress(self, batches_done: int) -> None:
        """Counted in batches, not documents: a record file is one input but many documents."""
        from prefect.artifacts import update_progress_artifact

        if self.batches:
            share = min(100.0, 100.0 * batches_done / self.batches)
            update_progress_artifact(self._progress_id, progress=round(share, 1))

    @staticmethod
    def publish_report(s: RunSummary) -> None:
        from prefect.artifacts import create_markdown_artifact

        what = "dry run" if s.dry_run else "run"
        create_markdown_artifact(key=REPORT_KEY, markdown=s.markdown(),
                                 description=f"newsclean {what} {s.source} → {s.dest}")

    def publish(self) -> None:
        from prefect.artifacts import create_table_artifact

        s = self.summary
        what = "dry run" if s.dry_run else "run"
        self.publish_report(s)
        rows = s.table()
        if rows and len(rows) <= self.table_max:
            create_table_artifact(key=TABLE_KEY, table=rows,
                                  description=f"newsclean {what}: one row per document "
                                              f"({len(rows)})")
