"""Our Prefect deployments, defined once in deploy/prefect.yaml and used two ways.

- With a work pool: `prefect --no-prompt deploy --all --prefect-file deploy/prefect.yaml`
  registers them; `prefect worker start --pool newsroom` runs them.
- On one machine: `newsclean serve` reads the same file and serves the same deployments
  (names, schedules, parameters, descriptions) from one process.

The YAML file is the single definition because it is what `prefect deploy` needs and what
an operator edits to move the nightly hour; reading it here means serve can never drift
from it. Settings that only mean something to a work pool (work_pool, pull, job
variables) are ignored by serve.
"""

import os
from pathlib import Path
from typing import Any

PREFECT_FILE_ENV = "NEWSCLEAN_PREFECT_FILE"
HOME_ENV = "NEWSCLEAN_HOME"
# Deployment keys that serve passes on to `Flow.to_deployment`; the rest are work-pool only.
_SERVE_KEYS = ("description", "parameters", "tags", "version", "paused", "concurrency_limit",
               "enforce_parameter_schema")


class DeploymentFileError(ValueError):
    """deploy/prefect.yaml is missing or does not say what serve needs; one line."""


def _checkout() -> Path | None:
    """The source tree newsclean is installed from (an editable install), if any."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "flows").is_dir() else None


def default_prefect_file() -> Path:
    """$NEWSCLEAN_PREFECT_FILE, else deploy/prefect.yaml in $NEWSCLEAN_HOME, the checkout, or
    the current folder."""
    if os.environ.get(PREFECT_FILE_ENV):
        return Path(os.environ[PREFECT_FILE_ENV])
    for base in (os.environ.get(HOME_ENV), _checkout(), Path.cwd()):
        if base and (Path(base) / "deploy" / "prefect.yaml").is_file():
            return Path(base) / "deploy" / "prefect.yaml"
    return Path("deploy/prefect.yaml")


def enter_newsclean_home() -> dict[str, str]:
    """Pull step run by the process worker before each flow run.

    The worker starts each run in a fresh temporary folder; this moves it to
    $NEWSCLEAN_HOME (the worker image's /app) or else to the checkout newsclean is installed
    from, so relative rule-pack paths in parameters mean what they mean on the
    command line there. The flow itself is imported as a module
    (`newsclean.flows.orchestration.clean_flow`), so it is found wherever newsclean is installed.
    """
    home = os.environ.get(HOME_ENV) or _checkout()
    if home:
        os.chdir(home)  # a NEWSCLEAN_HOME that does not exist fails the run, in one line
    return {"directory": os.getcwd()}


def load_specs(path: Path) -> list[dict[str, Any]]:
    """The deployments of a prefect.yaml, with `{{ $ENV }}` placeholders filled in."""
    import yaml
    from prefect.utilities.templating import apply_values

    try:
        doc = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    except OSError as exc:
        raise DeploymentFileError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise DeploymentFileError(f"{path} is not valid YAML: {exc}") from None
    specs = doc.get("deployments") or []
    for spec in specs:
        if not spec.get("name") or not spec.get("entrypoint"):
            raise DeploymentFileError(f"{path}: every deployment needs a name and an entrypoint")
    return apply_values(specs, os.environ, remove_notset=False)


def _schedule(entry: dict[str, Any]):
    from prefect.schedules import Cron, Interval, RRule

    common = {k: entry[k] for k in ("timezone", "active", "parameters", "slug") if k in entry}
    if "cron" in entry:
        return Cron(entry["cron"], day_or=entry.get("day_or", True), **common)
    if "interval" in entry:
        return Interval(entry["interval"], anchor_date=entry.get("anchor_date"), **common)
    if "rrule" in entry:
        return RRule(entry["rrule"], **common)
    raise DeploymentFileError(f"schedule {entry!r}: give one of cron, interval or rrule")


def runner_deployments(path: Path) -> list:
    """`RunnerDeployment`s for `prefect.serve`, one per deployment in the file."""
    from prefect.client.schemas.objects import ConcurrencyLimitConfig
    from prefect.deployments.runner import EntrypointType
    from prefect.flows import load_flow_from_entrypoint

    deployments = []
    for spec in load_specs(path):
        flow = load_flow_from_entrypoint(spec["entrypoint"], use_placeholder_flow=False)
        kwargs = {k: spec[k] for k in _SERVE_KEYS if spec.get(k) is not None}
        if isinstance(kwargs.get("concurrency_limit"), dict):
            kwargs["concurrency_limit"] = ConcurrencyLimitConfig(**kwargs["concurrency_limit"])
        schedules = [_schedule(s) for s in spec.get("schedules") or []]
        deployments.append(flow.to_deployment(
            name=spec["name"], schedules=schedules or None,
            entrypoint_type=EntrypointType.MODULE_PATH, **kwargs))
    return deployments


def serve(path: Path, limit: int | None = None) -> None:
    """Serve every deployment of the file from this process until interrupted."""
    from prefect import serve as prefect_serve

    prefect_serve(*runner_deployments(path), limit=limit)
