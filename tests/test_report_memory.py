"""Issue 14: the run's summary kept every manifest entry (~1.8 KB a document) for the
report; it now keeps counters and bounded lists, so memory is flat in the documents."""

import tracemalloc

from newsclean.flows.orchestration.report import RunSummary
from newsclean.flows.storage.records import ManifestEntry, RunStatus

_STATUSES = [RunStatus.CLEANED] * 6 + [RunStatus.NEEDS_REVIEW, RunStatus.EMPTY,
                                       RunStatus.REJECTED, RunStatus.FAILED]


def _entries(start: int, n: int) -> list[ManifestEntry]:
    return [ManifestEntry(source=f"s3://raw/d/{i:06d}.html", key=f"2018/07/{i:06d}.html",
                          status=_STATUSES[i % len(_STATUSES)], dest=f"s3://clean/a/{i:06d}.txt",
                          reason=f"only {i % 37} words left" if i % 10 == 6 else None,
                          sha256="ab" * 32, format="html", words_in=800 + i % 300,
                          words_out=500 + i % 200, removed={"share": 2, "ads": 1})
            for i in range(start, start + n)]


def test_the_summary_does_not_grow_with_the_documents():
    summary = RunSummary(source="s3://raw/d/", dest="s3://clean/a/", run_id="r1",
                         manifest="s3://clean/a/_manifests/r1.jsonl", table_max=100)
    summary.add(_entries(0, 2_000))
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for start in range(2_000, 22_000, 500):
            summary.add(_entries(start, 500))  # each batch's entries are dropped after
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 100_000, f"{grown} bytes more for 20,000 more documents"
    assert summary.total == 22_000 and summary.statuses["cleaned"] == 13_200
    report = summary.markdown()
    assert "## Failures: 2200" in report and "… and 2000 more; by reason:" in report
    assert "## Held for review: 2200" in report and "… and 2180 more: see the manifest." in report
    assert summary.table() is None  # past table_max: the manifest has the rows


def test_the_summary_names_reasons_and_counts_only_written_removals():
    """A failed document's clean copy was never written: its removals are not the run's
    (a new user saw a rerun with 6 unchanged and 1 failed report the failed one's)."""
    summary = RunSummary(source="raw/", dest="clean/", run_id="r2", manifest=None)
    entry = dict(sha256="ab" * 32, format="text", words_in=100, words_out=60)
    summary.add([
        ManifestEntry(source="raw/a.txt", key="a.txt", status=RunStatus.CLEANED, dest="clean/a.txt",
                      removed={"share": 2}, **entry),
        ManifestEntry(source="raw/b.txt", key="b.txt", status=RunStatus.FAILED, dest=None,
                      reason="cannot write clean/b.txt: Is a directory", removed={"ads": 5},
                      **entry),
        ManifestEntry(source="raw/c.txt", key="c.txt", status=RunStatus.EMPTY, dest=None,
                      reason="no text in the document", **entry),
    ])
    got = summary.as_dict()
    assert got["removed_by_family"] == {"share": 2}
    assert got["reasons"] == [("failed", "cannot write clean/b.txt: Is a directory", 1, ["b.txt"]),
                              ("empty", "no text in the document", 1, ["c.txt"])]
    assert "| empty | no text in the document | 1 | `c.txt` |" in summary.markdown()
