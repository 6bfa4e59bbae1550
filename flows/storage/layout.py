"""Where outputs go: every key newsclean writes is computed here, from the source key.

`a/b/story.html.gz` in the source becomes `a/b/story.txt` and `a/b/story.json` in the
destination: the relative path with compression and format extensions dropped. Keys are
deterministic, so reruns find (and skip) what an earlier run wrote.
"""

import fnmatch
import hashlib
import re
from datetime import datetime
from urllib.parse import urlsplit

from newsclean.cleaners.detect import HTML_FILE_SUFFIXES, HTML_PAGE_SUFFIXES
from newsclean.flows.storage.backends import check_key

COMPRESSION_EXTS = (".gz", ".gzip")
FORMAT_EXTS = (".txt", ".text", *HTML_FILE_SUFFIXES)
# Markdown dumps: cleaned when a run asks for them (a folder's READMEs are no articles, so
# they are not among the default patterns), and named as the other formats are, without
# their extension ("story.md" -> "story.txt": a fresh user expected it so).
MARKDOWN_EXTS = (".md", ".markdown")
# What a source folder's files must look like to be articles; others (images, READMEs,
# our own outputs) are not inputs. Operators widen it with --include.
# Record files: many articles in one file, each record cleaned as its own document and
# stored as `REL/<record id>` (see flows/readers.py, which picks the reader by suffix).
ARCHIVE_SUFFIXES = (
    *(f"{a}{c}" for a in (".jsonl", ".ndjson", ".csv") for c in ("", ".gz", ".zst")),
    ".warc", ".warc.gz",
)
DEFAULT_INCLUDE = (
    *(f"*{f}{c}" for f in FORMAT_EXTS for c in ("", *COMPRESSION_EXTS)),
    *(f"*{a}" for a in ARCHIVE_SUFFIXES),
)
MANIFEST_DIR = "_manifests"
REVIEW_DIR = "_review"
SHARDS_DIR = "_shards"  # optional JSONL shards of a run's clean articles, for bulk consumers
RAW_DIR = "_raw"  # fetched pages, stored as received, so a rule change re-cleans offline
# Our own outputs: never inputs, even when a destination is later used as a source.
_OUTPUT_DIRS = (MANIFEST_DIR, SHARDS_DIR, REVIEW_DIR)
# The folders a run writes in below its destination: each one there must take a file
# before the run starts (`LocalStorage.check_writable`).
RUN_DIRS = (*_OUTPUT_DIRS, RAW_DIR)


def archive_suffix(key: str) -> str | None:
    """The record-file suffix of a key (`.jsonl.gz`, `.warc.gz`…), or None for an article."""
    lowered = key.lower()
    return next((s for s in sorted(ARCHIVE_SUFFIXES, key=len, reverse=True)
                 if lowered.endswith(s) and len(lowered) > len(s)), None)


def record_kind(key: str) -> str | None:
    """What a record file holds, JSONL, CSV or WARC (its reader: flows/sources/readers.py),
    or None for an article."""
    suffix = archive_suffix(key)
    if suffix is None:
        return None
    return "WARC" if suffix.startswith(".warc") else "CSV" if suffix.startswith(".csv") else "JSONL"


def rel_for(key: str) -> str:
    """The source-relative name without compression and format (or record-file) extensions."""
    suffix = archive_suffix(key)
    if suffix and not key[: -len(suffix)].endswith("/"):
        return check_key(key[: -len(suffix)])
    rel = key
    lowered = rel.lower()
    for ext in COMPRESSION_EXTS:
        if lowered.endswith(ext):
            rel, lowered = rel[: -len(ext)], lowered[: -len(ext)]
            break
    for ext in (*FORMAT_EXTS, *MARKDOWN_EXTS):
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


def manifest_part_key(run_id: str, n: int) -> str:
    """The manifest lines of a run's n-th finished batch, written as it finishes and
    removed once the full manifest is written: what a killed run leaves behind."""
    return f"{MANIFEST_DIR}/{check_key(run_id)}.parts/{n:05d}.jsonl"


def run_id_for(started: datetime, flow_run_id: str | None = None) -> str:
    """Sortable and traceable: `20261125T190000Z-1a2b3c4d` (start time, flow run id prefix)."""
    stamp = started.strftime("%Y%m%dT%H%M%SZ")
    return f"{stamp}-{flow_run_id}" if flow_run_id else stamp


def is_own_output(key: str) -> bool:
    """newsclean's own outputs (manifests, review copies, shards, raw fetches) at any depth,
    so a destination left inside a larger source is never read back as input; and what is
    in hidden folders (`.venv/`, `.git/`): no one's articles, and not counted as skipped."""
    folders = key.split("/")[:-1]
    return any(p in _OUTPUT_DIRS or p.startswith(".") for p in folders)


def skip_reason(key: str) -> str:
    """Why the include patterns skipped a file, by its extension: `.png`, `.gz` (no
    article extension inside), `no extension`."""
    name = key.rsplit("/", 1)[-1].lower()
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        return "no extension"
    if f".{ext}" in COMPRESSION_EXTS:
        inner = stem.rpartition(".")[2] if "." in stem else ""
        return f".{inner}.{ext}" if inner else f".{ext} (no article extension inside)"
    return f".{ext}"


def include_summary() -> str:
    """What DEFAULT_INCLUDE takes, in words (for --include's help and the form)."""
    fmts = ", ".join(f"*{f}" for f in FORMAT_EXTS)
    comp = "/".join(COMPRESSION_EXTS)
    records = ", ".join(f"*{a}" for a in ARCHIVE_SUFFIXES)
    return f"{fmts} (each also {comp}); record files {records}"


def is_included(key: str, include: tuple[str, ...] = DEFAULT_INCLUDE,
                named: str | None = None) -> bool:
    """Is `key` an input of a run: the one file the operator named as the source (`named`,
    whatever its name: `newsclean run story.md out/`), or a key the include patterns take?
    newsclean's own outputs never are."""
    if is_own_output(key):
        return False
    if key == named:
        return True
    name = key.rsplit("/", 1)[-1].lower()
    return any(fnmatch.fnmatchcase(name, pat.lower()) for pat in include)


# A record id or URL part as one key segment: S3 allows 1,024 bytes per key, file systems
# 255 per name; 100 characters leave room for the folders, a hash and `.json`.
_SEGMENT_MAX = 100
_UNSAFE_RE = re.compile(r"[^A-Za-z0-9._-]+")
_URL_DEPTH_MAX = 8  # path folders kept from a URL; deeper ones fold into the last name
_PAGE_EXTS = HTML_PAGE_SUFFIXES


def _short_hash(text: str, n: int = 8) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def _sanitized(name: str) -> str:
    return _UNSAFE_RE.sub("_", name).strip("._")[:_SEGMENT_MAX]


def safe_segment(name: str) -> str:
    """`name` as one safe key segment. A name that had to change gets a short hash of the
    original, so `a/b` and `a_b` stay two records."""
    safe = _sanitized(name)
    if safe == name:
        return safe
    return f"{safe}-{_short_hash(name)}" if safe else f"id-{_short_hash(name)}"


def record_rel(rel: str, record_id: str) -> str:
    """Where one record of the record file `rel` goes: `rel/<record id>`."""
    return check_key(f"{rel}/{safe_segment(record_id)}")


def shard_key(run_id: str, tag: str, n: int) -> str:
    """One JSONL shard of a run. `tag` tells apart the batches that write concurrently."""
    return check_key(f"{SHARDS_DIR}/{run_id}/part-{tag}-{n:05d}.jsonl")


def url_key(url: str) -> str:
    """A fetched page's name, from its URL: host, path folders and the page name made safe,
    plus a short hash of the whole URL (query strings and look-alikes stay apart).

    `https://News.example/2018/07/story.html?p=2` → `news.example/2018/07/story-1a2b3c4d5e`.
    """
    parts = urlsplit(url.strip())
    host = _sanitized((parts.hostname or "").lower()) or "no-host"
    if parts.port:
        host = f"{host}_{parts.port}"
    folders = [_sanitized(p) or "_" for p in parts.path.split("/") if p]
    name = folders.pop() if folders else "index"
    lowered = name.lower()
    for ext in _PAGE_EXTS:
        if lowered.endswith(ext) and len(name) > len(ext):
            name = name[: -len(ext)]
            break
    folders = folders[:_URL_DEPTH_MAX]
    return check_key("/".join([host, *folders, f"{name}-{_short_hash(url.strip(), 10)}"]))


def raw_keys(name: str, content_type: str | None = None) -> tuple[str, str]:
    """Where a fetched response is kept: the body as received (gzip) and its metadata."""
    ext = ".txt" if (content_type or "").startswith("text/plain") else ".html"
    return check_key(f"{RAW_DIR}/{name}{ext}.gz"), check_key(f"{RAW_DIR}/{name}.json")
