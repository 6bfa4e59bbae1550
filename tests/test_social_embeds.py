"""An embedded social post's chrome in a text dump: its head naming the platform and the
account, and the link to see the post there (cleaners/embed.py). Blind trial u (2026-12-04)
left the Norwegian and Swedish ones: those packs word no embed notice."""

from pathlib import Path

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.embed import HEAD_RULE, LINK_RULE, embedded_posts, is_embed_head
from newsclean.cleaners.lines import PROSE_MIN_WORDS, word_count

PAGES = Path(__file__).parent / "fixtures" / "text_pages"

# page -> its embed's lines, and the rule each goes by
TRIAL_U = {
    "blind-nb-weather.txt": {"Innlegg fra @metvarsel på X:": HEAD_RULE},
    "blind-sv-liveblog.txt": {"Inlägg på X från @RTMalardalen": HEAD_RULE,
                              "Visa det här inlägget på X": LINK_RULE},
}


@pytest.mark.parametrize(("page", "embed"), TRIAL_U.items())
def test_the_embed_goes_and_the_paragraphs_around_it_stay(page, embed):
    lines = (PAGES / page).read_text("utf-8").split("\n")
    first = min(lines.index(line) for line in embed)
    last = max(lines.index(line) for line in embed)
    above = next(line for line in reversed(lines[:first]) if word_count(line) >= PROSE_MIN_WORDS)
    below = next(line for line in lines[last + 1:] if word_count(line) >= PROSE_MIN_WORDS)
    result = clean((PAGES / page).read_bytes())
    for line, rule in embed.items():
        assert line not in result.text
        assert any(r.text == line and r.rule == rule for r in result.removed)
    assert above in result.text and below in result.text


@pytest.mark.parametrize("line", [
    "Post from @metoffice on X",
    "Beitrag von @polizei_nrw auf X:",
    "Publication Instagram de @villedemontreal",
    "Twitter (@mozilla)",
    "منشور على X من @AlArabiya",
    "@nhk_news のX投稿",
])
def test_heads_in_any_language(line):
    assert is_embed_head(line)


@pytest.mark.parametrize("line", [
    # news: a sentence about a post ends with its mark, or runs longer
    "The agency wrote on X that @metvarsel had issued a red warning.",
    "Meteorologen skrev på X via kontoen @metvarsel at uværet ville vare hele natten og trolig lenger",
    # no platform, or no handle: a share row, a reporter's address
    "Follow @janedoe",
    "Share to Twitter",
    "Email jane.doe@example.com",
    "Reporter Jane Doe: jane.doe@example.com / X",
])
def test_not_heads(line):
    assert not is_embed_head(line)


def test_a_link_goes_only_next_to_a_head():
    texts = ["Share to Twitter", "A paragraph of the story that ends here.",
             "Inlägg på X från @RTMalardalen", "Visa det här inlägget på X", "Dela på Facebook"]
    assert embedded_posts(texts) == {2: HEAD_RULE, 3: LINK_RULE}
