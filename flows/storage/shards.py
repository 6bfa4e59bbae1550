"""JSONL shards of a run's clean articles, for bulk consumers (search indexes, corpora).

Beside the per-article layout, never instead of it: `DEST/_shards/<run id>/part-<tag>-<n>.jsonl`,
one JSON object per clean article, at most `size` objects per shard. A run's shards hold
every clean article of its inputs, those cleaned now and those unchanged since an earlier
run, so one run's folder is a complete snapshot. Each batch writes its own shards, tagged
from its first key: batches in parallel processes never write the same key, and a retried
batch rewrites the same shards.
"""

import hashlib
import json
from dataclasses import dataclass

from newsclean.flows.storage.backends import Storage
from newsclean.flows.storage.layout import shard_key


@dataclass(frozen=True, slots=True)
class ShardSpec:
    run_id: str
    size: int  # articles per shard


class ShardWriter:
    """Collects one batch's clean articles and writes a shard each time `size` are in."""

    def __init__(self, dest: Storage, spec: ShardSpec, first_key: str) -> None:
        self.dest = dest
        self.spec = spec
        self.tag = hashlib.sha256(first_key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        self.written = 0
        self._lines: list[str] = []

    def add(self, rel: str, record: dict, text: str) -> None:
        """One clean article: its record (`REL.json`, as a dict) and its clean text."""
        obj = {"id": rel, "source": record.get("source"), "url": record.get("url"),
               "title": record.get("title"), "author": record.get("author"),
               "date": record.get("date"), "format": record.get("format"), "text": text}
        self._lines.append(json.dumps(obj, ensure_ascii=False))
        if len(self._lines) >= self.spec.size:
            self.flush()

    def flush(self) -> None:
        if not self._lines:
            return
        key = shard_key(self.spec.run_id, self.tag, self.written)
        self.dest.write(key, ("\n".join(self._lines) + "\n").encode(), "application/x-ndjson")
        self.written += 1
        self._lines = []
