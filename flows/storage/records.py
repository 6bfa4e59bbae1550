"""What a run writes about each input: the per-document record and the manifest line."""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum

import orjson

from newsclean.cleaners import Cleaned, RuleSet, Status, __version__
from newsclean.flows.storage import fingerprint


class RunStatus(StrEnum):
    """A manifest line's status: what `clean()` said (cleaners' `Status`, same values),
    plus what only a run can say."""

    CLEANED = Status.CLEANED.value
    UNCHANGED = "unchanged"  # same raw bytes, cleaner and rules as the stored copy
    NEEDS_REVIEW = "needs_review"  # cleaned, but lost so much it goes to the review queue
    EMPTY = Status.EMPTY.value
    REJECTED = Status.REJECTED.value
    FAILED = "failed"

    @classmethod
    def of(cls, status: Status) -> "RunStatus":
        """The manifest's name for a status `clean()` returned: no table to keep in step."""
        return cls(status.value)


assert {s.value for s in Status} <= {s.value for s in RunStatus}, "a Status the manifest lacks"


@dataclass(slots=True)
class ManifestEntry:
    """One line of `_manifests/<run>.jsonl`: every input gets exactly one."""

    source: str  # the input's URL or path
    key: str  # its key relative to the source root
    status: RunStatus
    dest: str | None = None  # the clean copy's URL, when one exists
    reason: str | None = None
    sha256: str | None = None
    format: str | None = None
    title: str | None = None  # the article's headline, so a manifest line says which story
    words_in: int = 0
    words_out: int = 0
    removed: dict[str, int] = field(default_factory=dict)  # removals per family
    warning: str | None = None  # how the input's charset was guessed (Cleaned.warning)
    # Failed on a store error (throttled, unreachable): a retry or the next run may succeed.
    retryable: bool = False
    # For the run report only, never in the manifest line: per rule, how many lines it
    # removed here and the first of them. The report folds these in and drops them.
    by_rule: dict[str, tuple[int, str]] = field(default_factory=dict)

    def to_json(self) -> str:
        d = {k: v for k, v in asdict(self).items()
             if (v not in (None, {}, 0) or k == "status") and k != "by_rule"}
        d["status"] = str(self.status)
        return json.dumps(d, ensure_ascii=False, sort_keys=False)


def versions(rules: RuleSet) -> dict:
    """What the skip check compares: a change to the cleaning code, the rule packs or a
    library the cleaners rely on re-cleans (flows/storage/fingerprint.py)."""
    return {"cleaner": __version__, "code": fingerprint.code_fingerprint(fingerprint.CODE_ROOT),
            "rules": rules.version, "rules_fingerprint": rules.fingerprint,
            "libraries": fingerprint.library_versions()}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def text_bytes(cleaned: Cleaned) -> bytes:
    """The clean copy as stored: UTF-8, ending in one newline."""
    return (cleaned.text + "\n").encode()


def build_record(cleaned: Cleaned, *, source: str, key: str, raw: bytes, raw_sha: str,
                 text_key: str | None, status: RunStatus, reason: str | None,
                 rules: RuleSet) -> bytes:
    """The `REL.json` beside a clean copy. No timestamps: the same input, cleaner and rules
    give byte-identical records, whatever runner or machine wrote them. `status` and
    `reason` are the run's (a document held for review was `cleaned` by `clean()`, with no
    reason: a rerun that skipped it said "needs_review" and why not)."""
    body = cleaned.to_dict()
    body.pop("text")
    body["reason"] = reason
    record = {
        "newsclean": versions(rules),
        "source": source,
        "source_key": key,
        "sha256": raw_sha,
        "size": len(raw),
        "status": str(status),
        "text_key": text_key,
        "text_sha256": sha256(text_bytes(cleaned)) if text_key else None,
        **{k: v for k, v in body.items() if k != "status"},
    }
    # orjson: 0.02 ms a page where json.dumps with an indent (its pure-Python encoder) took
    # 0.5; indented so that a person can read a record, UTF-8 as it is.
    return orjson.dumps(record, option=_RECORD_JSON)


_RECORD_JSON = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
