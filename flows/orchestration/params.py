"""The flow's parameter types: what the Prefect UI renders as the operator's form.

Each field has a title, a description and an example, and invalid values are refused
before the run starts with a message that says what to type instead: the JSON schema
(bounds, patterns) is checked by the Prefect server when a run is created, the validators
here when the run starts, before anything is read or written.
"""

import re
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.fields import FieldInfo

from newsclean.flows.orchestration.runners import TaskRunnerKind
from newsclean.flows.sources.readers import RecordFields
from newsclean.flows.storage.layout import MANIFEST_DIR, include_summary
from newsclean.flows.storage.settings import S3Settings
from newsclean.flows.work.batch import DocumentLimits, ReviewPolicy

_S3_RE = r"s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/.*)?"
# What the server and the UI check when a deployment run is created: an s3:// URL or an
# absolute path on the worker (a relative one would depend on the worker's folder). Not
# one `pattern`: the server words a refusal by jsonschema's template, which would quote
# the regex ("'s3:/bucket/x' does not match '^(s3://…|/.*)$'"). Each kind of mistake is an
# `if` (what the value looks like) and a `then` whose `const` is what to type instead, so
# the UI marks the field with "'<what to type>' was expected". The bucket's exact rules
# are checked by `_check_location` when the run starts.
_SCHEME = r"^[A-Za-z][A-Za-z0-9+.-]+:"


def _expected(looks_like: dict, what_to_type: str) -> dict:
    return {"if": looks_like, "then": {"const": what_to_type}}


_LOCATION_CHECKS = [
    _expected({"pattern": r"^[sS]3:", "not": {"pattern": "^s3://"}},
              "s3://bucket/prefix: lowercase s3, a colon and two slashes"),
    _expected({"pattern": _SCHEME, "not": {"pattern": r"^[sS]3:"}},
              "a folder path or s3://bucket/prefix: no other scheme (ftp:, https:…) is read"),
    _expected({"not": {"pattern": _SCHEME + "|^/"}},
              "an absolute folder path on the worker, like /data/raw, or s3://bucket/prefix"),
    _expected({"pattern": "^s3://", "not": {"pattern": r"^s3://[a-z0-9][a-z0-9.-]+(/.*)?$"}},
              "s3://bucket/prefix with a bucket name of lowercase letters, digits, dots or "
              "hyphens, e.g. s3://newsroom-raw/2018/07/"),
]


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
    next run would clean its own outputs (and read its manifests as record files). Refuse a
    local destination that is a file, or that would have to be made under one: clean copies
    go into a folder."""
    if not dest.strip().startswith("s3://") and not _SCHEME_RE.match(dest.strip()):
        target = Path(dest.strip()).expanduser()
        if target.exists() and not target.is_dir():
            raise BadRun(f"destination {dest} is a file: clean copies go into a folder; "
                         "choose a folder path (it is made if missing)")
        if not target.exists():  # the nearest existing folder above it must be a folder
            above = next((p for p in target.absolute().parents if p.exists()), None)
            if above is not None and not above.is_dir():
                raise BadRun(f"cannot create {dest}: {above} is a file, not a folder")
        _refuse_swapped(source, dest, target)
    src, dst = _container(source), _container(dest)
    if src is None or dst is None or src[0] != dst[0]:
        return
    a, b = src[1], dst[1]
    if not a.endswith("/"):  # one file: its clean copy could take its own name and path
        if a.startswith(b):
            raise BadRun(f"source {source} is inside the destination {dest}: its clean copy "
                         "would be written over it; choose a destination outside the "
                         "source's folder")
        return
    if b == a or b.startswith(a):
        raise BadRun(f"destination {dest} is inside the source {source}: the next run would "
                     "clean its own outputs; choose a destination outside the source")
    if a.startswith(b):
        raise BadRun(f"source {source} is inside the destination {dest}: outputs would mix "
                     "with inputs; choose a source outside the destination")


def _refuse_swapped(source: str, dest: str, target: Path) -> None:
    """Refuse SOURCE and DEST given the wrong way round: a source that is a newsclean
    output (its `_manifests` folder) and a local destination that holds files but is none,
    which would be the raw inputs. Clean copies took their raw files' names there, and a
    fresh user's swapped run wrote over 15 raw dumps with exit 0 (fresh-user check #31)."""
    src = Path(source.strip()).expanduser()
    try:
        swapped = (src.is_dir() and (src / MANIFEST_DIR).is_dir() and target.is_dir()
                   and not (target / MANIFEST_DIR).exists() and any(target.iterdir()))
    except OSError:  # a folder it may not list: the run's own listing says so
        return
    if swapped:
        raise BadRun(f"source {source} is a newsclean output and destination {dest} holds "
                     "other files: are SOURCE and DEST swapped? (newsclean run RAW CLEAN); "
                     "choose an empty or earlier output folder as the destination")


def _container(location: str) -> tuple[str, str] | None:
    """(store kind, the location as a '/'-ended prefix, or a local file's path) for nesting
    tests; a local path is resolved (links, `..`). None for what no test applies to (a
    record file's URL)."""
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
        return "local", str(path)
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
        if kind == "less_than_equal" and ctx.get(key) == 1:  # a share typed as a percentage
            msg += " (a share, not a percentage: 0.6 is 60 %)"
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
               json_schema_extra={"allOf": _LOCATION_CHECKS}),
]
DestLocation = Annotated[
    Location,
    form_field("Destination",
               "Where clean copies, records, the review queue (_review/) and the manifest "
               "(_manifests/) go: an S3 prefix (s3://bucket/prefix/) or a folder on the worker, "
               "as an absolute path (/data/clean).",
               examples=["s3://newsroom-clean/articles/", "/data/clean"], min_length=1,
               json_schema_extra={"allOf": _LOCATION_CHECKS}),
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


# The Run form's first screen holds what every run needs (Source, Destination, Extra rule
# packs, Dry run, Limit); the rest sits in two groups that are folded until asked for.
# Prefect's UI (both its V1 and V2 forms, Prefect 3.9) has no collapsible section, and it
# draws every field of a nested model, but it draws a union as tabs showing only the
# chosen branch: a group typed `Model | None` with default None shows one tab row and a
# line, and its fields (with their defaults) appear when the operator picks the second tab.
# Python callers and the CLI pass the same options by name (`batch_size=2`): those
# keyword parameters are left out of the form's schema (`SkipJsonSchema`), and checked
# by the same types.


class Folded:
    """A `Model | None` parameter drawn as folded tabs: the None tab first (the form opens
    on the tab of the current value, and V1 on the first when the value is None), titled
    in words instead of "null"; the model's tab is titled by the model's own title."""

    def __init__(self, unset: str):
        self.unset = unset

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict:
        schema = handler(core_schema)
        branches = sorted(schema.get("anyOf", []), key=lambda s: s.get("type") != "null")
        for branch in branches:
            if branch.get("type") == "null":
                branch["title"] = self.unset
        return {**schema, "anyOf": branches}


def _defaults_of(model: type[BaseModel]) -> dict[str, Any]:
    return {name: f.get_default(call_default_factory=True) for name, f in model.model_fields.items()}


class InputFilters(BaseModel):
    """Which files under the source are inputs, and how record files are read."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="Filter")

    key_prefix: KeyPrefix = ""
    since: Since = None
    include: Include = []
    records: Records = RecordFields()


class RunOptions(BaseModel):
    """The review policy, limits, scale and connection: defaults that fit most runs."""

    model_config = ConfigDict(frozen=True, extra="forbid", title="Change")

    review: Review = ReviewPolicy()
    limits: Limits = DocumentLimits()
    shard_size: ShardSize = 0
    report_table_max: ReportTableMax = 1000
    batch_size: BatchSize = 200
    workers: Workers = 1
    task_runner: TaskRunner = TaskRunnerKind.LOCAL
    dask_address: DaskAddress = ""
    s3: S3Connection = S3Settings()


Inputs = Annotated[
    InputFilters | None,
    Folded("All inputs"),
    form_field("Input filters",
               "All inputs: every article and record file under the source. Filter: only "
               "a key prefix, files modified since a time, other file name patterns, or "
               "other record fields in JSONL and CSV files."),
]


def _advanced_defaults() -> str:
    o = RunOptions()
    return (f"review queue when over {o.review.max_removed_share:.0%} of the prose is removed "
            f"or under {o.review.min_words} words are left; {o.limits.max_raw_mb:g} MB and "
            f"{o.limits.max_seconds:g} s per document; batches of {o.batch_size} in "
            f"{'one process' if o.workers == 1 else f'{o.workers} processes'}; S3 as the "
            "worker's AWS settings say")


Advanced = Annotated[
    RunOptions | None,
    Folded("Defaults"),
    form_field("Advanced options",
               f"Defaults: {_advanced_defaults()}. Change: to edit any of them (the review "
               "queue, per-document limits, JSONL shards, the report's table, batches and "
               "workers, Dask, the S3 connection)."),
]


def grouped(group: BaseModel | None, model: type[BaseModel], flat: dict[str, Any]) -> BaseModel:
    """The form's group, or the same options given by name; refused when both are given."""
    if group is None:
        return model(**flat)
    defaults = _defaults_of(model)
    if given := sorted(k for k, v in flat.items() if v != defaults[k]):
        raise BadRun(f"{', '.join(given)}: given both by name and in the form's group; "
                     "give each option once")
    return group

