"""The line model as `clean()` uses it: the shipped weights by default, or the model a caller
passes in `CleanOptions.line_model` (the trainer's held-out validation passes one fitted on
two dev sets; a newsroom can pass one fitted on its own archive)."""

import dataclasses
import math
import sys

from newsclean.cleaners import CleanOptions, clean
from newsclean.cleaners.lexicon import lexicon_for
from newsclean.cleaners.linemodel import (
    CONTEXT_ROW,
    LOCAL_FEATURES,
    LOCAL_ROW,
    LineModel,
    context_features,
    default_model,
    local_features,
    score_lines,
)

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


def _walk(weights: dict[str, float], features: dict[str, float], names: tuple[str, ...]) -> float:
    """P(article text) by a walk over the weights in row order, one term after the other."""
    z = weights.get("bias", 0.0)
    for name in names:
        z += weights.get(name, 0.0) * features[name]
    return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0


def test_vectorised_scores_are_the_floats_of_a_walk_over_the_weights():
    # The page's features are one numpy array and each stage one reduction along its
    # feature axis: the scores must be bit for bit what adding the terms one by one in row
    # order gives (the order the trainer writes the weights in), on a page of any length,
    # one line included (numpy sums a lone column pairwise), and the context features what
    # a line-by-line walk over each window gives.
    model = default_model()
    lexicon = lexicon_for(("en",))
    page = [line for line in PAGE.splitlines() if line.strip()]
    for lines in (page, page[:1], page[:2], page * 3):
        local = local_features(lines, lexicon)
        probs = [_walk(model.local, f, LOCAL_ROW) for f in local]
        for stage in model.context:
            probs = [_walk(stage, f, CONTEXT_ROW) for f in context_features(local, probs)]
        assert score_lines(lines, lexicon, model) == probs
        near = [(probs[i - 1] if i else 0.0) for i in range(len(lines))]
        assert [f["prev_p"] for f in context_features(local, probs)] == near
        wide = [sum(probs[max(0, i - 6):i] + probs[i + 1:i + 7]) / max(1, len(
            probs[max(0, i - 6):i] + probs[i + 1:i + 7])) for i in range(len(lines))]
        if sys.version_info < (3, 12):  # later Pythons' sum() compensates rounding errors
            assert [f["wide_mean"] for f in context_features(local, probs)] == wide
