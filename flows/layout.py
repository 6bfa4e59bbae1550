"""Where outputs go: every key newsclean writes is computed here, from the source key.

`a/b/story.html.gz` in the source becomes `a/b/story.txt` and `a/b/story.json` in the
destination: the relative path with compression and format extensions dropped. Keys are
deterministic, so reruns find (and skip) what an earlier run wrote.
"""

import fnmatch
from datetime import datetime

from flows.storage import check_key

COMPRESSION_EXTS = (".gz", ".gzip")
FORMAT_EXTS = (".txt", ".text", ".html", ".htm", ".xhtml", ".shtml")
# What a source folder's files must look like to be articles; others (images, READMEs,
# our own outputs) are not inputs. Operators widen it with --include.
DEFAULT_INCLUDE = tuple(f"*{f}{c}" for f in FORMAT_EXTS for c in ("", *COMPRESSION_EXTS))
MANIFEST_DIR = "_manifests"
REVIEW_DIR = "_review"


def rel_for(key: str) -> str:
    """The source-relative name without compression and format extensions."""
    rel = key
    lowered = rel.lower()
    for ext in COMPRESSION_EXTS:
        if lowered.endswith(ext):
            rel, lowered = rel[: -len(ext)], lowered[: -len(ext)]
            break
    for ext in FORMAT_EXTS:
        stem = rel[: -len(ext)]
        if lowered.endswith(ext) and stem and not stem.endswith("/"):
            rel = stem
            break
    return check_key(rel)


def text_key(rel: str) -> str:
    return f"{rel}.txt"


def record_key(rel: str) -> str:
    return f"{rel}.json"


def manifest_key(run_id: str) -> str:
    return f"{MANIFEST_DIR}/{check_key(run_id)}.jsonl"


def run_id_for(started: datetime, flow_run_id: str | None = None) -> str:
    """Sortable and traceable: `20261125T190000Z-1a2b3c4d` (start time, flow run id prefix)."""
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{flow_run_id}" if flow_run_id else stamp


def is_included(key: str, include: tuple[str, ...] = DEFAULT_INCLUDE) -> bool:
    name = key.rsplit("/", 1)[-1].lower()
    return any(fnmatch.fnmatchcase(name, pat.lower()) for pat in include)
