"""The line model as `clean()` uses it: the shipped weights by default, or the model a caller
passes in `CleanOptions.line_model` (the trainer's held-out validation passes one fitted on
two dev sets; a newsroom can pass one fitted on its own archive)."""

import dataclasses

from newsclean.cleaners import CleanOptions, clean
from newsclean.cleaners.linemodel import LOCAL_FEATURES, LineModel, default_model

PAGE = "\n".join([
    "Home", "News", "Sport", "Weather", "Sign in",
    "Council Approves Transit Budget After Long Debate",
    "The city council approved a new transit budget on Tuesday after a debate that ran "
    "past midnight, adding two bus lines and a night service for the harbour district.",
    "Opponents said the plan leaves the bridge repairs unfunded for a third year, and "
    "asked the regional auditor to review how the figures were reached.",
    "The mayor defended the budget, saying rising interest rates left the city little "
    "room, and promised a separate vote on the bridges in the spring.",
    "Privacy policy", "Terms of use", "Contact us",
]) + "\n"


def test_the_shipped_model_has_a_local_stage_and_two_context_stages():
    model = default_model()
    assert set(model.local) >= set(LOCAL_FEATURES)
    assert len(model.context) == 2 and 0.0 < model.threshold < 1.0


def test_clean_uses_the_line_model_it_is_given():
    shipped = clean(PAGE)
    assert "Sign in" not in shipped.text and "Privacy policy" not in shipped.text
    # a model that finds every line article text: the model removes nothing, so only what
    # a rule names (the footer's links, the sign-in button) leaves the page
    keep_all = LineModel(local={"bias": 30.0}, context=({"bias": 30.0},) * 2, threshold=0.5)
    kept = clean(PAGE, options=CleanOptions(line_model=keep_all))
    assert "Weather" in kept.text.split("\n\n")
    assert not any(r.rule.startswith("layout.") for r in kept.removed)
    # and the default is the shipped one
    same = clean(PAGE, options=CleanOptions(line_model=default_model()))
    assert dataclasses.replace(same, stats={}) == dataclasses.replace(shipped, stats={})
