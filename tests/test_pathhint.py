"""A mistyped path's hint (flows/pathhint.py): a close sibling that exists, never a name
that shares only the extension."""

import pytest

from newsclean.flows.pathhint import did_you_mean


@pytest.mark.parametrize(("typed", "hint"), [
    ("seedz/x.txt", " (did you mean seeds/x.txt?)"),
    ("seeds/x.tx", " (did you mean seeds/x.txt?)"),
    ("stroy.txt", " (did you mean story.txt?)"),
    ("scr/", " (did you mean src/?)"),  # two letters swapped in a short name
    ("nope.txt", ""),  # "o.txt" shares ".txt" and little else (fresh-user check #5)
    ("seedz/nothing.txt", ""),  # mended, it still is not there
])
def test_a_mistyped_path_names_the_close_one_that_exists(tmp_path, monkeypatch, typed, hint):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "x.txt").write_text("x")
    (tmp_path / "src").mkdir()
    (tmp_path / "story.txt").write_text("x")
    (tmp_path / "o.txt").write_text("x")
    assert did_you_mean(typed) == hint
