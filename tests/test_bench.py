"""The benchmark's quick mode on the parts that need no server, and its work-pool section on
a real server: each runs and reports what it measured (no timing is asserted here: speed is
the benchmark's own output)."""

import json

import pytest

from bench.__main__ import main


def test_quick_benchmark_of_the_pure_parts_reports_every_row(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert main(["--quick", "--only", "seeds,html,cli", "--seeds-docs", "30",
                 "--html-docs", "4", "--rounds", "1", "--json", str(out)]) == 0

    rows = json.loads(out.read_text())["rows"]
    by_name = {(r["section"].split(":")[0], r["name"]): r for r in rows}
    seeds = by_name[("text", "clean()")]
    assert seeds["docs"] == 30 and seeds["docs_per_s"] > 0 and seeds["mb_per_s"] > 0
    html = [r for r in rows if r["section"].startswith("html")]
    if html and "skipped" not in html[0]["note"]:  # html-dev sits beside the repository
        clean_row = next(r for r in html if r["name"] == "clean()")
        assert clean_row["docs"] == 4 and clean_row["ratio"] > 0
    cli = by_name[("cli", "newsclean clean FILE: first output")]
    assert cli["seconds"] > 0
    printed = capsys.readouterr().out
    assert "clean()" in printed and "first output" in printed


def test_flow_rows_pair_each_pipeline_with_the_work_it_wraps():
    """The issue's ratios, from made-up round times: ours over clean() alone, datatrove's
    over bare trafilatura, paired round by round; the outside share from the medians."""
    from bench.flow import Config, Result, _rows
    from bench.timing import Series

    def result(cfg, seconds, **loop):
        res = Result(cfg, Series(cfg.label, 100, 1.0, list(seconds)), peak_rss=[1e8] * len(seconds))
        for key, value in loop.items():
            setattr(res, key, list(value))
        return res

    loop = Config("loop", "loop", "loop", "s3")
    two = Config("flow-local-2", "flow, 2 workers", "flow", "local", 2)
    peer = Config("datatrove-2", "datatrove, 2", "datatrove", "local", 2)
    results = {"loop": result(loop, [12, 12], clean_s=[10, 20], bare_s=[8, 8]),
               "flow-local-2": result(two, [5, 12.5]),  # 2.0x then 1.6x clean()
               "datatrove-2": result(peer, [4, 4])}  # 2.0x bare trafilatura
    rows = {r.name: r.as_dict() for r in _rows("flow", results, 100, 1.0, 2)}
    assert rows["flow, 2 workers"]["x_work"] == 1.8  # the median of the paired rounds
    assert rows["datatrove, 2"]["x_work"] == 2.0
    assert 0 < rows["flow, 2 workers"]["outside_cleaning"] < 0.2
    assert "bare trafilatura.extract, in memory, 1 process" in rows


@pytest.mark.slow
def test_pool_section_runs_the_deployments_on_one_and_two_pool_workers(tmp_path):
    """The work-pool rows end to end on a few pages: deploy/prefect.yaml deployed on a real
    `prefect server`, the runs queued through the API and taken by 1 and 2 process workers;
    every run COMPLETED (the section raises otherwise) and each setup reported."""
    from bench.workload import eval_cases

    if not eval_cases():
        pytest.skip("../shared/eval/html-dev not found")
    out = tmp_path / "pool.json"
    assert main(["--only", "pool", "--flow-docs", "6", "--pool-runs", "2", "--flow-rounds", "1",
                 "--json", str(out)]) == 0
    rows = {r["name"]: r for r in json.loads(out.read_text())["rows"]}
    assert not [r["note"] for r in rows.values() if "failed" in r["note"]]
    one = rows["work pool, 1 worker (--limit 1), 2 runs"]
    two = rows["work pool, 2 workers (--limit 1), 2 runs"]
    assert one["docs"] == two["docs"] == 6
    assert two["ratio"] > 0 and two["peak_rss_mb"] > one["peak_rss_mb"] > 0
    assert one["first_start_s"] > 0 and one["x_work"] > 0
