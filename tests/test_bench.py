"""The benchmark's quick mode, on the parts that need no server: it runs and reports what it
measured (no timing is asserted here: speed is the benchmark's own output)."""

import json

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
