"""The one definition of a sentence end (cleaners/lines.py), in the scripts and typography
news is written in: the locator's rescue, the line model's `sent` feature and the headline
test all read it."""

import pytest

from newsclean.cleaners.lines import ends_sentence, last_mark

ENDS = [
    "The council approved the budget on Tuesday.",
    '"We will appeal," the mayor said.',
    "« Là-dessus, notre désaccord est total, souligne-t-elle. La CGT a des solutions. »",
    "… dont il ne veut pas entendre parler.\u00a0»",  # no-break space inside the guillemet
    "… dont il ne veut pas entendre parler.\u202f»",  # narrow no-break space
    "„Wir werden klagen“, sagte der Bürgermeister.",
    "The river rose two metres in 1946. [2]",
    "東京都は新しい計画を発表した。",
    "市政府周二宣布了新的预算方案。」",
    "وقال الوزير إن الحكومة ستعلن القرار قريبا؟",
    "¿Qué pasará con el presupuesto?",
]
NOT_ENDS = [
    "Read more",
    "« Désaccord total »",  # a subhead in guillemets
    "Share this article:",
    "Photo: Reuters »",
    "Lire la suite »",  # a link arrow, not a closing quote after an end mark
]


@pytest.mark.parametrize("line", ENDS)
def test_a_sentence_end_is_found_behind_closing_marks_and_their_spaces(line):
    assert ends_sentence(line), last_mark(line)


@pytest.mark.parametrize("line", NOT_ENDS)
def test_a_line_without_an_end_mark_does_not_end_a_sentence(line):
    assert not ends_sentence(line), last_mark(line)
