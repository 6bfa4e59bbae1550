"""The flow's parameter types: what the Prefect UI renders as the operator's form.

Each field has a title, a description and an example, and invalid values are refused
before the run starts with a message that says what to type instead: the JSON schema
(bounds, patterns) is checked by the Prefect server when a run is created, the validators
here when the run starts, before anything is read or written.
"""

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic.fields import FieldInfo

from newsclean.flows.orchestration.runners import TaskRunnerKind
from newsclean.flows.sources.readers import RecordFields
from newsclean.flows.storage.layout import include_summary
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


# `s3:/bucket/x`, `S3://…`, `ftp://…`, `http:…`: a scheme, but not ours. Two letters at
# least, so a path never looks like one by accident.
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):/*(.*)$", re.S)


def _check_location(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("empty: type a folder path like /data/raw or s3://bucket/prefix")
    if not value.startswith("s3://") and (m := _SCHEME_RE.match(value)):
        scheme, rest = m.groups()
        guess = f"s3://{rest}" if rest else "s3://bucket/prefix"
        raise ValueError(f"{value!r}: '{scheme}:' is not supported: type a folder path or "
                         f"s3://bucket/prefix (did you mean {guess}?)")
    if value.startswith("s3://") and not re.fullmatch(_S3_RE, value):
        raise ValueError(
            "not a valid s3://bucket/prefix: bucket names are 3-63 lowercase letters, "
            "digits, dots or hyphens, e.g. s3://newsroom-raw/2018/07/")
    return value


class BadRun(ValueError):
    """A run refused before it starts; the message is one line that says what to type."""


def check_locations(source: str, dest: str) -> None:
    """Refuse a destination inside the source, or a source inside the destination: the
    next run would clean its own outputs (and read its manifests as record files)."""
    src, dst = _container(source), _container(dest)
    if src is None or dst is None or src[0] != dst[0]:
        return
    a, b = src[1], dst[1]
    if b == a or b.startswith(a):
        raise BadRun(f"destination {dest} is inside the source {source}: the next run would "
                     "clean its own outputs; choose a destination outside the source")
    if a.startswith(b):
        raise BadRun(f"source {source} is inside the destination {dest}: outputs would mix "
                     "with inputs; choose a source outside the destination")


def _container(location: str) -> tuple[str, str] | None:
    """(store kind, the location as a '/'-ended prefix) for nesting tests; a local path is
    resolved (links, `..`). None for what cannot contain anything (one file)."""
    from pathlib import Path

    location = location.strip()
    if location.startswith("s3://"):
        rest = location[len("s3://"):]
        bucket, _, prefix = rest.partition("/")
        prefix = "/".join(p for p in prefix.split("/") if p)
        return "s3", f"{bucket}/{prefix}/" if prefix else f"{bucket}/"
    if _SCHEME_RE.match(location):
        return None
    path = Path(location).expanduser().resolve()
    if path.is_file():
        return None
    return "local", str(path).rstrip("/") + "/"


def check_parameters(flow: Any, params: dict, flags: dict[str, str] | None = None) -> None:
    """Validate a flow's parameters with the same pydantic types the flow (and the Prefect
    server) use, without starting Prefect; BadRun in one line naming the field (or the CLI
    flag in `flags`) and what to type."""
    import inspect

    from pydantic import ValidationError, create_model

    fields = {}
    for name, p in inspect.signature(flow.fn).parameters.items():
        default = ... if p.default is inspect.Parameter.empty else p.default
        fields[name] = (p.annotation, default)
    model = create_model(f"{flow.name}-parameters", **fields)
    try:
        model.model_validate(params)
    except ValidationError as exc:
        raise BadRun(describe_error(exc, flags)) from None


def describe_error(exc: Any, flags: dict[str, str] | None = None) -> str:
    """A pydantic error as one line: `--batch-size 0: must be at least 1`."""
    err = exc.errors()[0]
    loc = [str(x) for x in err.get("loc", ())]
    where = (flags or {}).get(loc[0], ".".join(loc)) if loc else ""
    ctx = err.get("ctx") or {}
    kind = err.get("type", "")
    bounds = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"),
              "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}
    if kind in bounds:
        key, words = bounds[kind]
        msg = f"must be {words} {ctx.get(key)}"
    elif kind == "value_error" and "error" in ctx:
        msg = str(ctx["error"])
    else:
        msg = str(err.get("msg"))
    if "input" in err and kind in bounds:
        where = f"{where} {err['input']}"
    return f"{where}: {msg}" if where else msg


Location = Annotated[str, AfterValidator(_check_location)]


# Python callers (and older CLIs) say None for "not set"; the form says 0 or "", so it
# shows a plain number or text box instead of a "Property is type None" toggle.
def _none_is_zero(value: Any) -> Any:
    return 0 if value is None else value


def _none_is_empty(value: Any) -> Any:
    return "" if value is None else value

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
    int,
    form_field("Limit (sample size)",
               "Clean at most this many inputs, the first ones in key order: a sample run "
               "(the report says how many it was taken from). 0: all inputs.",
               ge=0, examples=[100]),
    BeforeValidator(_none_is_zero),
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
               "Glob patterns of the file names that are articles, e.g. *.story. Empty: "
               f"the default, {include_summary()}. Other files are skipped, and counted in "
               "the report by extension.",
               examples=[["*.html", "*.txt.gz"]]),
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
               "local: batches run in the flow's process, or in a pool of worker processes "
               "on this machine (see Worker processes). dask: on a Dask cluster (the one at "
               "the Dask address, else a local cluster of that many worker processes); needs "
               "newsclean[dask] on the worker."),
]
DaskAddress = Annotated[
    str,
    form_field("Dask address",
               "The scheduler of an existing Dask cluster, e.g. tcp://dask-scheduler:8786 "
               "(task runner dask only). Empty: start a local cluster for the run.",
               examples=["tcp://127.0.0.1:8786"]),
    BeforeValidator(_none_is_empty),
]
Since = Annotated[
    datetime | None,
    form_field("Modified since",
               "Only inputs modified at or after this time (S3 LastModified, file mtime; UTC "
               "when no zone is given): the incremental nightly run. Empty: all inputs.",
               examples=["2026-11-24T02:30:00Z"]),
]
ShardSize = Annotated[
    int,
    form_field("JSONL shards: articles per shard",
               "Also write the run's clean articles as JSONL shards under "
               "_shards/{run id}/, this many per shard (up to 1000000), for bulk consumers. "
               "0: no shards.",
               ge=0, le=1_000_000, examples=[10_000]),
    BeforeValidator(_none_is_zero),
]
Records = Annotated[
    RecordFields,
    form_field("Record fields",
               "In JSONL and CSV record files: the fields holding each article's id, body, "
               "URL and title (the first one present wins)."),
]
