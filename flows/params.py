"""The flow's parameter types: what the Prefect UI renders as the operator's form.

Each field has a title, a description and an example, and invalid values are refused
before the run starts with a message that says what to type instead.
"""

from typing import Annotated

from pydantic import AfterValidator, Field

from flows.layout import DEFAULT_INCLUDE

_S3_RE = r"s3://[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9](/.*)?"


def _check_location(value: str) -> str:
    value = value.strip()
    if not value:
        raise ValueError("empty: type a folder path like /data/raw or s3://bucket/prefix")
    if "://" in value and not value.startswith("s3://"):
        scheme = value.split("://", 1)[0]
        raise ValueError(f"'{scheme}://' is not supported: type a folder path or s3://bucket/prefix")
    if value.startswith("s3://"):
        import re

        if not re.fullmatch(_S3_RE, value):
            raise ValueError(
                "not a valid s3://bucket/prefix: bucket names are 3-63 lowercase letters, "
                "digits, dots or hyphens, e.g. s3://newsroom-raw/2018/07/")
    return value


Location = Annotated[str, AfterValidator(_check_location)]

SourceLocation = Annotated[
    Location,
    Field(title="Source",
          description="Where the raw dumps are: a folder or file on the worker, or an S3 "
                      "prefix or object (s3://bucket/prefix/).",
          examples=["s3://newsroom-raw/dumps/2018-07/", "/data/raw"], min_length=1),
]
DestLocation = Annotated[
    Location,
    Field(title="Destination",
          description="Where clean copies, records and the manifest go: a folder or an "
                      "S3 prefix.",
          examples=["s3://newsroom-clean/articles/", "/data/clean"], min_length=1),
]
RulePacks = Annotated[
    list[str],
    Field(title="Extra rule packs",
          description="TOML rule packs layered on the default pack (paths or s3:// URLs). "
                      "Empty: the default pack only.",
          examples=[["seeds/packs/example-site.toml"]]),
]
BatchSize = Annotated[
    int,
    Field(ge=1, le=10_000, title="Batch size",
          description="Documents per task. Larger batches cost less Prefect overhead; "
                      "smaller ones resume finer after a crash."),
]
Workers = Annotated[
    int,
    Field(ge=1, le=64, title="Worker processes",
          description="Processes cleaning batches in parallel on this machine (1: in the "
                      "flow's own process)."),
]
Limit = Annotated[
    int | None,
    Field(ge=1, title="Limit", description="Clean at most this many inputs (a sample run). "
                                           "Empty: all."),
]
KeyPrefix = Annotated[
    str,
    Field(title="Key prefix filter",
          description="Only inputs whose path below the source starts with this, "
                      "e.g. 2018/07/.", examples=["2018/07/"]),
]
Include = Annotated[
    list[str],
    Field(title="File name patterns",
          description="Glob patterns of file names that are articles.",
          examples=[list(DEFAULT_INCLUDE[:4])], min_length=1),
]
