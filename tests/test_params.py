"""The operator's form: the parameter schema the Prefect UI renders, and refusals of bad
values — by the schema (what the server checks when a run is created) and by the flow's
own validators (what runs before anything is read or written)."""

import pytest
from prefect.exceptions import ParameterTypeError
from prefect.utilities.callables import parameter_schema
from prefect.utilities.schema_tools.validation import validate

from newsclean.flows.orchestration.clean_flow import clean_articles


@pytest.fixture(scope="module")
def schema() -> dict:
    return parameter_schema(clean_articles).model_dump()


def _defaults(schema: dict, **values) -> dict:
    return {**{k: v["default"] for k, v in schema["properties"].items() if "default" in v}, **values}


def test_every_field_has_a_human_title_and_a_description(schema):
    for name, prop in schema["properties"].items():
        assert prop["title"] != name or " " in prop["title"], f"{name}: title is the Python name"
        assert len(prop.get("description", "")) > 20, f"{name}: no description"
    for model, definition in schema["definitions"].items():
        for name, prop in definition.get("properties", {}).items():
            assert prop.get("title") and prop.get("description"), f"{model}.{name}"
    props = schema["properties"]
    assert (props["source"]["title"], props["dest"]["title"]) == ("Source", "Destination")
    assert props["dry_run"]["title"] == "Dry run" and props["rules"]["title"] == "Extra rule packs"
    assert props["source"]["examples"]
    assert schema["definitions"]["InputFilters"]["properties"]["key_prefix"]["examples"] == ["2018/07/"]


def test_only_source_and_dest_are_required(schema):
    assert set(schema["required"]) == {"source", "dest"}


def test_the_form_has_what_every_run_needs_then_two_folded_groups(schema):
    """The Prefect UI draws a `Model | None` as tabs showing only the chosen one: the
    groups open on their None tab ("All inputs", "Defaults"), titled in words."""
    props = schema["properties"]
    assert list(props) == ["source", "dest", "rules", "dry_run", "limit", "inputs", "advanced"]
    for name, unset, model, title in (("inputs", "All inputs", "InputFilters", "Filter"),
                                      ("advanced", "Defaults", "RunOptions", "Change")):
        assert props[name]["default"] is None
        first, second = props[name]["anyOf"]
        assert first == {"type": "null", "title": unset}
        assert second == {"$ref": f"#/definitions/{model}"}
        assert schema["definitions"][model]["title"] == title
    assert "batches of 200 in one process" in props["advanced"]["description"]
    assert set(schema["definitions"]["RunOptions"]["properties"]) == {
        "review", "limits", "shard_size", "report_table_max", "batch_size", "workers",
        "task_runner", "dask_address", "s3"}
    assert set(schema["definitions"]["InputFilters"]["properties"]) == {
        "key_prefix", "since", "include", "records"}


def test_python_callers_pass_the_same_options_by_name_but_not_both_ways():
    by_name = clean_articles.validate_parameters({"source": "/data/raw", "dest": "/data/clean",
                                                  "batch_size": 3})
    assert by_name["batch_size"] == 3 and by_name["advanced"] is None
    with pytest.raises(ParameterTypeError, match="batch_size"):
        clean_articles.validate_parameters({"source": "/data/raw", "dest": "/data/clean",
                                            "batch_size": 0})
    from newsclean.flows.orchestration.params import BadRun, RunOptions, grouped

    assert grouped(RunOptions(workers=2), RunOptions, {"batch_size": 200}).workers == 2
    assert grouped(None, RunOptions, {"batch_size": 7}).batch_size == 7
    with pytest.raises(BadRun, match="batch_size: given both by name and in the form"):
        grouped(RunOptions(workers=2), RunOptions, {"batch_size": 7})


@pytest.mark.parametrize("source", ["s3://newsroom-raw/dumps/2018-07/", "s3://raw", "/data/raw",
                                    "/data/raw/story.html.gz"])
def test_schema_accepts_what_the_description_asks_for(schema, source):
    validate(_defaults(schema, source=source, dest="s3://newsroom-clean/articles/"), schema,
             raise_on_error=True)


@pytest.mark.parametrize(("field", "value", "why"), [
    ("source", "ftp://mirror/dumps/", "'a folder path or s3://bucket/prefix: no other scheme"),
    ("source", "https://example.com/dump.html", "no other scheme"),
    ("source", "s3:/bucket/x", "'s3://bucket/prefix: lowercase s3, a colon and two slashes' was"),
    ("source", "S3://bucket/x", "lowercase s3, a colon and two slashes"),
    ("source", "raw/dumps", "an absolute folder path on the worker, like /data/raw"),
    ("dest", "s3://Bad_Bucket/x", "a bucket name of lowercase letters, digits, dots or hyphens"),
    ("dest", "", "non-empty|an absolute folder path"),
    ("advanced.batch_size", 0, "less than the minimum of 1"),
    ("advanced.workers", 65, "greater than the maximum of 64"),
    ("limit", -1, "less than the minimum of 0"),
    ("advanced.report_table_max", -1, "less than the minimum of 0"),
    ("inputs.key_prefix", 7, "is not of type 'string'"),
])
def test_schema_refuses_bad_values(schema, field, value, why):
    params = _defaults(schema, source="s3://raw/dumps/", dest="/data/clean")
    group, _, name = field.rpartition(".")
    if group:
        params[group] = {name: value}
    else:
        params[name] = value
    with pytest.raises(Exception, match=why):
        validate(params, schema, raise_on_error=True)


def test_a_bad_location_gets_one_message_saying_what_to_type_never_a_regex(schema):
    for bad in ("s3:/bucket/x", "ftp://mirror/dumps/", "raw/dumps", "s3://Bad_Bucket/x"):
        [error] = validate(_defaults(schema, source=bad, dest="/data/clean"), schema)
        assert error.message.endswith("' was expected") and "^" not in error.message, error.message


def test_nested_review_policy_bounds_are_in_the_schema(schema):
    params = _defaults(schema, source="/data/raw", dest="/data/clean")
    params["advanced"] = {"review": {"max_removed_share": 1.5, "min_words": 40}}
    with pytest.raises(Exception, match="greater than the maximum of 1"):
        validate(params, schema, raise_on_error=True)


@pytest.mark.parametrize(("source", "advice"), [
    ("ftp://mirror/dumps/", "type a folder path or s3://bucket/prefix"),
    ("s3://Bad_Bucket/x", "e.g. s3://newsroom-raw/2018/07/"),
    ("   ", "type a folder path like /data/raw"),
])
def test_flow_refuses_bad_locations_before_it_starts_saying_what_to_type(source, advice):
    with pytest.raises(ParameterTypeError, match="source") as info:
        clean_articles.validate_parameters({"source": source, "dest": "/data/clean"})
    assert advice in str(info.value)


@pytest.mark.slow
@pytest.mark.parametrize(("params", "why"), [
    ({"source": "ftp://mirror/dumps/", "dest": "s3://clean/a/"}, "field 'source'"),
    ({"source": "s3://raw/d/", "dest": "s3://clean/a/", "advanced": {"batch_size": 0}},
     "less than the minimum of 1"),
    ({"source": "s3://raw/d/", "dest": "s3://clean/a/",
      "advanced": {"review": {"max_removed_share": 2, "min_words": 40}}},
     "greater than the maximum of 1"),
    ({"dest": "s3://clean/a/"}, "'source' is a required property"),
])
def test_server_refuses_bad_runs_before_they_exist(newsroom, params, why):
    server = newsroom.server
    dep = server.deployment("clean-articles/on-demand")
    before = len(server.post("/flow_runs/filter", {}).json())
    r = server.post(f"/deployments/{dep['id']}/create_flow_run", {"parameters": params})
    assert r.status_code == 409, r.text
    assert why in r.json()["detail"]
    assert len(server.post("/flow_runs/filter", {}).json()) == before


def test_the_fetch_form_folds_its_options_too():
    from newsclean.flows.orchestration.fetch_flow import fetch_and_clean

    schema = parameter_schema(fetch_and_clean).model_dump()
    assert list(schema["properties"]) == ["dest", "urls", "urls_file", "allow_private",
                                          "allow_networks", "refetch", "rules", "advanced"]
    assert schema["properties"]["advanced"]["anyOf"][0] == {"type": "null", "title": "Defaults"}
    assert set(schema["definitions"]["FetchOptions"]["properties"]) == {
        "fetch", "batch_size", "review", "shard_size", "s3"}
    by_name = fetch_and_clean.validate_parameters({"dest": "/data/clean", "batch_size": 5})
    assert by_name["batch_size"] == 5 and by_name["advanced"] is None


@pytest.mark.parametrize(("words", "reason"), [
    (1, "only 1 word left (minimum 40)"),  # fresh-user check #22 read "only 1 words left"
    (17, "only 17 words left (minimum 40)"),
])
def test_a_short_body_is_held_with_its_count_in_words(words, reason):
    from newsclean.flows.work.batch import ReviewPolicy
    assert ReviewPolicy().verdict(words, 0.0) == reason
