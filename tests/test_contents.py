"""A table of contents is a list whose items name headings further down (cleaners/contents.py)."""

import pytest

from newsclean.cleaners.contents import contents_runs, item_headings

ENTRIES = ["Morgan confirms cuts to budgets", "Fuel duty freeze extended", "OBR downgrades growth"]


@pytest.mark.parametrize(("item", "heading"), [
    ("• 12.58 GMT Morgan confirms cuts", "Morgan confirms cuts"),
    ("11m ago Union signals fresh talks", "Union signals fresh talks"),
    ("- 10:42 Minister resigns", "Minister resigns"),
    ("3. What happened", "What happened"),
    ("vor 3 Stunden Polizei sperrt Brücke", "Polizei sperrt Brücke"),
])
def test_an_items_heading_is_found_less_its_marker_and_time(item, heading):
    assert heading in item_headings(item)


def test_key_events_over_their_entries_are_one_run():
    page = ["Key events", *(f"• 1{k}.00 GMT {e}" for k, e in enumerate(ENTRIES)), "12.58 GMT"]
    for entry in ENTRIES:
        page += [entry, f"{entry} was confirmed by officials on Wednesday afternoon."]
    assert contents_runs(page) == [(1, 4)]


@pytest.mark.parametrize("page", [
    # a table's cells repeat names and figures: no headlines
    ["Jürgen Schmidt", "56", "14.7%", "Jürgen Schmidt", "56", "14.7%"],
    # a summary's sentences the page repeats are the story's, not links
    ["The council voted on Tuesday.", "The mayor resigned.", "Fees rise in May.",
     "The council voted on Tuesday.", "The mayor resigned.", "Fees rise in May."],
    # two items that repeat below: a teaser and its subhead as often
    ["• 10.00 GMT Bridge closes", "• 11.00 GMT Trains stop", "Bridge closes", "Trains stop"],
])
def test_no_contents_without_three_headings_named_below(page):
    assert contents_runs(page) == []
