"""The flow's parameter types: what the Prefect UI renders as the operator's form.

Each field has a title, a description and an example, and invalid values are refused
before the run starts with a message that says what to type instead: the JSON schema
(bounds, patterns) is checked by the Prefect server when a run is created, the validators
here when the run starts, before anything is read or written.
"""

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field
from pydantic.fields import FieldInfo

from newsclean.flows.orchestration.runners import TaskRunnerKind
from newsclean.flows.sources.readers import RecordFields
from newsclean.flows.storage.layout import DEFAULT_INCLUDE
from newsclean.flows.storage.settings import S3Settings
from newsclean.flows.work.batch import DocumentLimits, ReviewPolicy

_S3_RE = r"s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/.*)?"
# What the server and the UI check when a deployment run is created. The server quotes it
# in its refusal ("… does not match '^(s3://…|/.*)$'"), so it stays short enough to read:
# an s3:// URL or an absolute path on the worker (a relative one would depend on the
# worker's folder). The bucket's exact rules are checked by `_check_location` at start.
_LOCATION_PATTERN = r"^(s3://[a-z0-9][a-z0-9.-]+(/.*)?|/.*)$"


def form_field(title: str, description: str, **kwargs: Any) -> FieldInfo:
    """A Field whose title and description reach the Prefect form.

    Prefect titles a flow's top-level parameters with their Python names and drops the
    description of an `Annotated` Field; the JSON-schema extras are merged last, so the
    title and description go there as well.
    """
    extra = {"title": title, "description": description, **kwargs.pop("json_schema_extra", {})}
    return Field(title=title, description=description, json_schema_extra=extra, **kwargs)


def _check_location(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("empty: type a folder path like /data/raw or s3://bucket/prefix")
    if "://" in value and not value.startswith("s3://"):
        scheme = value.split("://", 1)[0]
        raise ValueError(f"'{scheme}://' is not supported: type a folder path or s3://bucket/prefix")
    if value.startswith("s3://") and not re.fullmatch(_S3_RE, value):
        raise ValueError(
            "not a valid s3://bucket/prefix: bucket names are 3-63 lowercase letters, "
            "digits, dots or hyphens, e.g. s3://newsroom-raw/2018/07/")
    return value


Location = Annotated[str, AfterValidator(_check_location)]

SourceLocation = Annotated[
    Location,
    form_field("Source",
               "Where the raw dumps are: an S3 prefix or object (s3://bucket/prefix/), or a "
               "folder or file on the worker, as an absolute path (/data/raw).",
               examples=["s3://newsroom-raw/dumps/2018-07/", "/data/raw"], min_length=1,
               json_schema_extra={"pattern": _LOCATION_PATTERN}),
]
DestLocation = Annotated[
    Location,
    form_field("Destination",
               "Where clean copies, records, the review queue (_review/) and the manifest "
               "(_manifests/) go: an S3 prefix (s3://bucket/prefix/) or a folder on the worker, "
               "as an absolute path (/data/clean).",
               examples=["s3://newsroom-clean/articles/", "/data/clean"], min_length=1,
               json_schema_extra={"pattern": _LOCATION_PATTERN}),
]
RulePacks = Annotated[
    list[str],
    form_field("Extra rule packs",
               "TOML rule packs layered on the default pack, as paths on the worker or "
               "s3:// URLs, e.g. s3://newsroom-config/packs/our-site.toml. Empty: the default "
               "pack only.",
               examples=[["seeds/packs/example-site.toml"]]),
]
BatchSize = Annotated[
    int,
    form_field("Batch size",
               "Documents per task (1-10000). Larger batches cost less Prefect overhead; "
               "smaller ones resume finer after a crash.",
               ge=1, le=10_000),
]
Workers = Annotated[
    int,
    form_field("Worker processes",
               "Processes cleaning batches in parallel on the machine running the flow "
               "(1-64; 1: in the flow's own process).",
               ge=1, le=64),
]
DryRun = Annotated[
    bool,
    form_field("Dry run",
               "Clean and report without writing anything: the report shows what a real run "
               "would store."),
]
Limit = Annotated[
    int | None,
    form_field("Limit (sample)",
               "Clean at most this many inputs, the first ones in key order: a sample run. "
               "Empty (None): all inputs.",
               ge=1, examples=[100]),
]
KeyPrefix = Annotated[
    str,
    form_field("Key prefix filter",
               "Only inputs whose path below the source starts with this, e.g. 2018/07/ for "
               "July 2018. Empty: everything under the source.",
               examples=["2018/07/"]),
]
Include = Annotated[
    list[str],
    form_field("File name patterns",
               "Glob patterns of the file names that are articles; other files are ignored.",
               examples=[list(DEFAULT_INCLUDE[:4])], min_length=1),
]
Review = Annotated[
    ReviewPolicy,
    form_field("Review queue",
               "Documents that lost too much of their text are stored under _review/ with "
               "status needs_review instead of as clean copies, and listed in the report."),
]
Limits = Annotated[
    DocumentLimits,
    form_field("Per-document limits",
               "What one document may cost (bytes, inflation, output, seconds); a document "
               "over a limit is rejected, and its manifest line names the limit."),
]
S3Connection = Annotated[
    S3Settings,
    form_field("S3 connection",
               "Where the S3-compatible store is. Credentials are never typed here: they come "
               "from the worker's AWS environment."),
]
ReportTableMax = Annotated[
    int,
    form_field("Per-document table: up to",
               "Runs of at most this many documents get a table artifact with one row per "
               "document (0: never). Larger runs have the manifest instead.",
               ge=0, le=100_000),
]
TaskRunner = Annotated[
    TaskRunnerKind,
    form_field("Task runner",
               "local: batches run in the flow's process, or in a pool of `workers` processes "
               "on this machine. dask: on a Dask cluster (the one at the Dask address, else a "
               "local cluster of `workers` processes); needs newsclean[dask] on the worker."),
]
DaskAddress = Annotated[
    str | None,
    form_field("Dask address",
               "The scheduler of an existing Dask cluster, e.g. tcp://dask-scheduler:8786 "
               "(task runner dask only). Empty: start a local cluster for the run.",
               examples=["tcp://127.0.0.1:8786"]),
]
Since = Annotated[
    datetime | None,
    form_field("Modified since",
               "Only inputs modified at or after this time (S3 LastModified, file mtime; UTC "
               "when no zone is given): the incremental nightly run. Empty: all inputs.",
               examples=["2026-11-24T02:30:00Z"]),
]
ShardSize = Annotated[
    int | None,
    form_field("JSONL shards: articles per shard",
               "Also write the run's clean articles as JSONL shards under "
               "_shards/<run id>/, this many per shard (1-1000000), for bulk consumers. "
               "Empty: no shards.",
               ge=1, le=1_000_000, examples=[10_000]),
]
Records = Annotated[
    RecordFields,
    form_field("Record fields",
               "In JSONL and CSV record files: the fields holding each article's id, body, "
               "URL and title (the first one present wins)."),
]
