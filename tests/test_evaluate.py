"""`newsclean eval` computes the benchmark's own metric (shared/eval/score.py, bag mode)."""

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean.flows.devtools.evaluate import main, prf
from tests.conftest import ROOT

SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("a b c", "a b c", (1.0, 1.0, 1.0)),
        ("a b c d", "a b", (1.0, 0.5, 2 / 3)),
        ("a a b", "a b b", (2 / 3, 2 / 3, 2 / 3)),  # counts matter: a bag, not a set
        ("Hello, World!", "hello world", (1.0, 1.0, 1.0)),  # lowercase \w+ tokens
        ("a b", "", (0.0, 0.0, 0.0)),
        ("", "", (1.0, 1.0, 1.0)),
    ],
)
def test_metric(gold, pred, expected):
    assert prf(gold, pred) == pytest.approx(expected)


def _cases(root: Path) -> Path:
    cases = root / "cases"
    docs = {
        "c1": ("<html><head><title>Budget passes</title></head><body><nav>Home | News</nav>"
               "<article><h1>Budget passes</h1><p>The council approved the budget on Tuesday "
               "after a long debate about transit funding and school repairs.</p><p>The mayor "
               "said the plan was balanced and would not raise taxes this year.</p></article>"
               "<footer>© 2020 Daily Times. All rights reserved.</footer></body></html>",
               "The council approved the budget on Tuesday after a long debate about transit "
               "funding and school repairs.\n\nThe mayor said the plan was balanced and would "
               "not raise taxes this year."),
        "c2": ("<html><body><p>Short page with little text.</p></body></html>",
               "Something else entirely."),
    }
    for cid, (html, gold) in docs.items():
        (cases / cid).mkdir(parents=True)
        (cases / cid / "raw.html").write_text(html)
        (cases / cid / "gold.txt").write_text(gold)
    return cases


def test_eval_matches_the_benchmark_scorer(tmp_path, capsys):
    cases = _cases(tmp_path)
    out = tmp_path / "pred"
    assert main([str(cases), "--out", str(out), "--json", str(tmp_path / "s.json")]) == 0
    printed = capsys.readouterr().out
    assert "| newsclean |" in printed
    ours = json.loads((tmp_path / "s.json").read_text())["rows"][0]
    if not SCORE_PY.exists():
        pytest.skip(f"the shared scorer is not beside the repository: {SCORE_PY}")
    res = subprocess.run([sys.executable, str(SCORE_PY), str(cases), str(out)],
                         capture_output=True, text=True, check=True)
    first = dict(kv.split("=") for kv in res.stdout.split()[:3])
    assert float(first["f1"]) == pytest.approx(ours["f1"], abs=5e-4)
    assert float(first["precision"]) == pytest.approx(ours["precision"], abs=5e-4)


def test_eval_compares_installed_peers(tmp_path, capsys):
    cases = _cases(tmp_path)
    assert main([str(cases), "--compare", "identity,trafilatura"]) == 0
    captured = capsys.readouterr()
    assert "| identity |" in captured.out and "| trafilatura |" in captured.out


@pytest.mark.parametrize(("argv", "message"), [
    (["--compare", "trafilaturra"], "unknown peer 'trafilaturra': choose from identity, trafilatura"),
    (["--worst", "-3"], "--worst is a number of cases, 0 or more"),
    (["--json", "/nonexistent/dir/x.json"], "--json: no such folder for the file: /nonexistent/dir"),
])
def test_eval_usage_errors_are_one_line_before_any_work(tmp_path, capsys, argv, message):
    """A typo in a peer's name, a negative count or a JSON path in no folder is said at once,
    not after the whole evaluation ran (a user lost a run's results to the last one)."""
    assert main([str(_cases(tmp_path)), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and err.count("\n") == 1


def test_eval_on_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert main([str(tmp_path / "nope")]) == 1
    assert "no such folder" in capsys.readouterr().err


def test_eval_on_a_mistyped_folder_names_the_one_meant(tmp_path, capsys):
    # a fresh user's "readabilty-dev" got no hint, unlike `newsclean run` (12-05)
    cases = _cases(tmp_path)
    typo = cases.with_name(cases.name[:-2] + cases.name[-1] + cases.name[-2])
    assert main([str(typo)]) == 1
    assert f"(did you mean {cases}?)" in capsys.readouterr().err


def test_readability_peer_when_installed(tmp_path, capsys):
    if importlib.util.find_spec("readability") is None:
        pytest.skip("readability-lxml not installed")
    assert main([str(_cases(tmp_path)), "--compare", "readability"]) == 0
    assert "| readability |" in capsys.readouterr().out


def test_eval_on_a_folder_of_sets_prints_one_table_of_sets_and_inputs(tmp_path, capsys):
    root = tmp_path / "eval"
    for name in ("set-a", "set-b"):
        cases = _cases(tmp_path / name)
        for case in cases.iterdir():
            html = (case / "raw.html").read_text()
            (case / "raw.txt").write_text("Home | News\n" + (case / "gold.txt").read_text())
            (case / "raw.html").write_text(html)
        cases.rename(root / name) if root.exists() else (root.mkdir(), cases.rename(root / name))
    assert main([str(root), "--json", str(tmp_path / "all.json")]) == 0
    table = capsys.readouterr().out
    for name in ("set-a", "set-b"):
        for kind in ("html", "text"):
            assert f"| {name} (2) | {kind} | newsclean |" in table
    scores = json.loads((tmp_path / "all.json").read_text())
    assert set(scores) == {"set-a", "set-b"} and set(scores["set-a"]) == {"html", "text"}
    # a single set still gives its own table; on text dumps with the titles' agreement
    assert main([str(root / "set-a")]) == 0
    assert "2 cases, input=html" in capsys.readouterr().out
    assert main([str(root / "set-a"), "--input", "text"]) == 0
    assert "titles: " in capsys.readouterr().out
    # both inputs of one set: the all-sets table for that set
    assert main([str(root / "set-a"), "--input", "both"]) == 0
    table = capsys.readouterr().out
    assert "| set-a (2) | html | newsclean |" in table and "| set-a (2) | text | newsclean |" in table


def test_text_dump_titles_are_checked_against_the_titles_of_their_html_pages(tmp_path, capsys):
    """The `title` column: a dump's headline is right when it is the title the page's HTML
    gives, wrong when it is another headline (a dump of another edition of the page), none
    when no title was found (a line that does not name the story is no headline)."""
    story = ("The council approved the city budget on Tuesday after a long debate about "
             "transit funding and school repairs.\nThe mayor said the city budget was "
             "balanced and would not raise taxes this year.")
    head = "Council passes the city budget after long debate"
    html = (f"<html><head><title>{head}</title></head><body><article><h1>{head}</h1>"
            + "".join(f"<p>{p}</p>" for p in story.split("\n")) + "</article></body></html>")
    dumps = {"right": f"{head}\n{story}\n",
             "wrong": f"Mayor hails balanced city budget and school repairs\n{story}\n",
             "none": f"{story}\n"}
    root = tmp_path / "eval"
    for cid, dump in dumps.items():
        case = root / "set-a" / cid
        case.mkdir(parents=True)
        (case / "raw.html").write_text(html)
        (case / "raw.txt").write_text(dump)
        (case / "gold.txt").write_text(story)
    assert main([str(root), "--json", str(tmp_path / "all.json")]) == 0
    table = capsys.readouterr().out
    assert "| set-a (3) | html | newsclean |" in table and "| 3 found |" in table
    assert "| 1/1/1 |" in table
    text = json.loads((tmp_path / "all.json").read_text())["set-a"]["text"]["newsclean"]
    assert text["title_agreement"] == {"right": 1, "wrong": 1, "none": 1}
    assert text["titles"]["right"] == head and text["titles"]["none"] is None
