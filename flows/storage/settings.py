"""Connection settings for S3-compatible stores, shared by the flow form, the CLI and storage.

Credentials are never parameters: they come from the standard AWS variables, an AWS
profile, or the instance role, so they never reach the Prefect UI, logs or manifests.
"""

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field


def _none_is_empty(value: Any) -> Any:
    """None (Python callers, the CLI) is "" (the form: a plain text box, no None toggle)."""
    return "" if value is None else value


_Text = BeforeValidator(_none_is_empty)


class S3Settings(BaseModel):
    """Where the S3-compatible store is. Empty fields fall back to the AWS environment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    endpoint_url: Annotated[
        str,
        Field(
            title="Endpoint URL",
            description="S3 API endpoint for MinIO, Ceph, R2…; empty uses AWS_ENDPOINT_URL or AWS.",
            examples=["http://minio:9000"],
            pattern=r"^(https?://[^\s/]+(/.*)?)?$",
        ),
        _Text,
    ] = ""
    region: Annotated[
        str,
        Field(title="Region", description="Empty uses AWS_DEFAULT_REGION / AWS_REGION."),
        _Text,
    ] = ""
    profile: Annotated[
        str,
        Field(title="AWS profile", description="A profile from ~/.aws/config; empty: default."),
        _Text,
    ] = ""
    addressing_style: Annotated[
        Literal["auto", "path", "virtual"],
        Field(
            title="Addressing style",
            description="'auto' uses path-style for custom endpoints (MinIO, Ceph, moto).",
        ),
    ] = "auto"
    max_attempts: Annotated[
        int,
        Field(ge=1, le=20, title="Max attempts",
              description="Attempts per request, with boto3's jittered backoff."),
    ] = 8
    timeout: Annotated[
        float,
        Field(gt=0, le=600, title="Request timeout (s)",
              description="Seconds to wait for the store's answer to one request before "
                          "that attempt counts as failed and is retried."),
    ] = 60.0  # a 20 MB PUT on a slow link; a stalled server is retried after this
