"""Group commit to a folder: a batch's texts and records are written without an fsync
each, and a record is written only after a sync has made its text durable; the batch
returns after a last sync. Real folders and files; the store only notes what it did."""

import hashlib
import json
import math
import shutil

from newsclean.flows.sources.readers import iter_docs
from newsclean.flows.storage.backends import LocalStorage, StorageError, open_source
from newsclean.flows.work.batch import BackgroundWrites, RunPlan, process_docs
from tests.conftest import SEEDS


class NotingFolder(LocalStorage):
    """A real folder that notes, in order, each write (key, durable) and each sync."""

    def __init__(self, root, fail_syncs: int = 0) -> None:
        super().__init__(root)
        self.events: list[tuple] = []
        self.fail_syncs = fail_syncs  # the first syncs refuse, as a failing disk would

    def write(self, key, data, content_type="application/octet-stream", *, durable=True):
        super().write(key, data, content_type, durable=durable)
        self.events.append(("write", key, durable))

    def sync(self) -> None:
        if self.fail_syncs:
            self.fail_syncs -= 1
            self.events.append(("sync failed",))
            raise StorageError(f"cannot sync {self.root}: Input/output error")
        super().sync()
        self.events.append(("sync",))


def _inputs(tmp_path, n: int):
    src = tmp_path / "raw"
    src.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(n):
        shutil.copy(seeds[i % len(seeds)], src / f"doc{i:03d}.txt")
    return src, sorted(p.name for p in src.iterdir())


def _run(src, keys, dest):
    plan = RunPlan(source_url=str(src), dest_url=str(dest.root))
    source = open_source(str(src))
    docs = (d for k in keys for d in iter_docs(source, k, f"{src}/{k}", plan.records,
                                               max_record_bytes=plan.options.max_raw_bytes))
    return process_docs(docs, plan, dest=dest)


def test_a_record_is_written_only_after_a_sync_made_its_text_durable(tmp_path):
    n = 2 * BackgroundWrites.GROUP + 10  # three groups
    src, keys = _inputs(tmp_path, n)
    dest = NotingFolder(tmp_path / "clean")

    entries = _run(src, keys, dest)

    assert {e.status for e in entries} <= {"cleaned", "needs_review"}
    events = dest.events
    writes = [e for e in events if e[0] == "write"]
    assert len(writes) == 2 * n and not any(durable for _, _, durable in writes)  # no fsyncs
    syncs = [i for i, e in enumerate(events) if e[0] == "sync"]
    assert len(syncs) <= math.ceil(n / BackgroundWrites.GROUP) + 1  # one per group, one last
    assert syncs[-1] == len(events) - 1  # the records are durable before the batch returns
    at = {e[1]: i for i, e in enumerate(events) if e[0] == "write"}
    for key in keys:
        record_path = dest.root / key.replace(".txt", ".json")
        record = json.loads(record_path.read_bytes())
        text = dest.root / record["text_key"]
        assert hashlib.sha256(text.read_bytes()).hexdigest() == record["text_sha256"]
        text_at, record_at = at[record["text_key"]], at[record_path.name]
        assert any(text_at < s < record_at for s in syncs), key


def test_a_failed_sync_fails_its_group_and_leaves_no_record_of_it(tmp_path):
    group = BackgroundWrites.GROUP
    src, keys = _inputs(tmp_path, group + 10)
    dest = NotingFolder(tmp_path / "clean", fail_syncs=1)

    entries = _run(src, keys, dest)

    first, rest = entries[:group], entries[group:]
    assert all(e.status == "failed" and e.retryable and "cannot sync" in e.reason
               for e in first)
    assert {e.status for e in rest} <= {"cleaned", "needs_review"}
    records = {p.name for p in dest.root.glob("*.json")}
    assert records == {k.replace(".txt", ".json") for k in keys[group:]}

    again = _run(src, keys, NotingFolder(dest.root))  # the next run redoes just those
    assert {e.status for e in again[:group]} <= {"cleaned", "needs_review"}
    assert {e.status for e in again[group:]} == {"unchanged"}
