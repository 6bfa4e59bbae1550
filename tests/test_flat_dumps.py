"""A page saved with its line breaks taken out (an old scraper's get_text(" ")) is one line
of menus, story and footer. It is read sentence by sentence (`segment.split_flat`), and said
so (`pipeline.unbroken_notice`: `clean`'s warning, a run's review reason); before, it came
out whole and `cleaned` (a fresh user's trial)."""

import json
from pathlib import Path

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.lines import sentences
from newsclean.cleaners.pipeline import unbroken_notice
from newsclean.cleaners.segment import FLAT_LINE_CHARS, split_flat, split_units

SEEDS = Path(__file__).parent.parent / "seeds"


def _words(text: str) -> str:
    return " ".join(text.split())


def test_a_long_line_is_cut_at_its_sentence_ends_and_keeps_its_offsets():
    sentence = "The council approved the harbour budget on Tuesday after a long debate. "
    text = "Short line.\n" + sentence * 40 + "\nAnother short line."
    units = split_flat(split_units(text), 10_000, len(text))
    assert units[0].text == "Short line." and not units[0].run_on
    assert units[-1].text == "Another short line." and not units[-1].run_on
    pieces = units[1:-1]
    assert len(pieces) == 40
    assert [u.run_on for u in pieces] == [False] + [True] * 39
    assert all(text[u.start:u.end] == u.text == sentence.strip() for u in pieces)
    assert {u.line for u in pieces} == {2}


def test_a_line_no_longer_than_a_long_paragraph_stays_whole():
    line = ("Der Stadtrat hat den Haushalt beschlossen. " * 60)[:FLAT_LINE_CHARS].strip()
    assert [u.text for u in split_flat(split_units(line), 10_000, len(line))] == [line]


@pytest.mark.parametrize("seed", [
    "001_senate-farm-bill-stalls.txt",
    "002_harbor-city-late-comeback.txt",
    "004_riverside-library-roof-collapse.txt",
    "010_nestwell-thermostat-recall.txt",
    "014_metro-transit-strike.txt",
])
def test_a_flattened_seed_keeps_its_story_and_loses_its_named_boilerplate(seed):
    page = (SEEDS / seed).read_text("utf-8")
    flat = page.replace("\n", " ")
    assert len(flat) > FLAT_LINE_CHARS
    lined, done = clean(page), clean(flat)
    assert done.status.value == "cleaned"
    assert done.stats["unbroken_line"] == 1 and "no line break" in unbroken_notice(done.stats)
    assert "unbroken_line" not in lined.stats and done.warning is None  # no charset guessed
    out = _words(done.text)
    story = [_words(s) for p in lined.text.split("\n\n") for s in sentences(p)]
    assert [s for s in story if s not in out] == []
    named = [r for r in lined.removed if not r.rule.startswith(("layout.", "structure."))]
    gone = [r for r in named if _words(r.text) not in out]
    assert len(gone) >= len(named) / 2, [r.text for r in named if r not in gone]
    # the story's kept sentences are one paragraph again, as the line was
    assert done.stats["paragraphs_out"] <= 3
    for r in done.removed:  # each removal is where it was read (its text as read: a menu's
        # "|" separators go); a label cut out of a sentence has no span of its own
        if r.start is None:
            continue
        span = flat[r.start:r.end].split()
        assert (span[0], span[-1]) == (r.text.split()[0], r.text.split()[-1])


def test_a_long_paragraph_among_a_pages_lines_is_no_page_saved_flat():
    sentence = "The council approved the harbour budget on Tuesday after a long debate. "
    page = "\n".join(["Harbour budget passes", *(sentence * 3 for _ in range(30)),
                      sentence * 40, *(sentence * 3 for _ in range(30))])
    done = clean(page)
    assert "unbroken_line" not in done.stats


def test_a_run_holds_a_page_saved_flat_for_review_and_clean_warns(tmp_path, capsys):
    from newsclean.flows.cli import main
    from newsclean.flows.work.batch import RunPlan, process_batch

    flat = (SEEDS / "002_harbor-city-late-comeback.txt").read_text("utf-8").replace("\n", " ")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "flat.txt").write_text(flat, "utf-8")
    [entry] = process_batch(["flat.txt"], RunPlan(source_url=str(tmp_path / "in"),
                                                  dest_url=str(tmp_path / "out")))
    entry = json.loads(entry.to_json())
    assert entry["status"] == "needs_review" and entry["reason"].startswith(
        "line 1 runs over 2,000 characters with no line break")
    assert entry.get("warning") is None  # not a guessed charset
    assert main(["clean", str(tmp_path / "in" / "flat.txt")]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"newsclean: warning: {tmp_path / 'in' / 'flat.txt'}: line 1 runs over 2,000 "
                   "characters with no line break: read sentence by sentence, boilerplate run "
                   "into a sentence stays or goes with it"]
