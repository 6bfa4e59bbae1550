"""The author's bio after the story goes, in any language: a paragraph that opens with the
name the byline credits (the story does not write about its own author), with the box's
heading over it; the story's sentences that name other people stay."""

from pathlib import Path

import pytest

from newsclean.cleaners import clean

PAGES = Path(__file__).parent / "fixtures" / "text_pages"

STORY = [
    "The county will open two new cooling centers on Friday as temperatures are forecast to "
    "reach 104 degrees, officials said Wednesday.",
    "Ann Leeds, who runs the senior center on Maple Avenue, said demand had doubled since "
    "last summer.",
    "The centers will stay open until 9 p.m. through the weekend.",
]


def test_a_bio_opening_with_the_byline_s_name_goes_with_its_heading():
    page = "\n".join(["Valley Courier", "News", "Weather",
                      "County opens cooling centers as heat wave nears 104 degrees",
                      "By Ann Lee", *STORY, "[ Valley Courier ]", "About the author",
                      "Ann Lee is a reporter at the Valley Courier covering county government.",
                      "© 2024 Valley Courier"]) + "\n"
    result = clean(page)
    assert result.author == "Ann Lee"
    for line in STORY:
        assert line in result.text  # "Ann Leeds, who runs…" names someone else
    assert "is a reporter at the Valley Courier" not in result.text
    assert "About the author" not in result.text
    assert all(r.rule.startswith("bio.") for r in result.removed
               if r.text.startswith(("Ann Lee is", "About")))


def test_a_bio_whose_author_is_found_once_the_story_is_goes_too():
    """Blind trial x's Swedish column: the byline is the name alone over the date, found
    only once the story is; its bio under "Om skribenten" stayed."""
    result = clean((PAGES / "blind-sv-column-author-bio.txt").read_bytes())
    assert result.author == "Johanna Ek"
    assert "Johanna Ek är kulturskribent" not in result.text
    assert "Om skribenten" not in result.text
    assert "Kommentarsfunktionen är avstängd" not in result.text
    assert result.text.rstrip().endswith("Jag tror inte att de kommer att ångra besöket.")


def test_a_vietnamese_story_signed_at_its_end_gives_its_author():
    """Blind trial z's Vietnamese page: the writer's name alone after the last paragraph
    ("Lê Minh Châu"), as Vietnamese papers sign; it is the author and leaves the text. In
    English a title-case line there is as often a teaser's headline, and stays."""
    result = clean((PAGES / "blind-vi-signed-at-end.txt").read_bytes())
    assert result.author == "Lê Minh Châu"
    assert not result.text.rstrip().endswith("Lê Minh Châu")
    assert result.text.rstrip().endswith("bằng thuyền nhỏ trong tương lai.")
    english = clean(("\n".join(["Valley Courier", "County opens cooling centers as heat wave "
                                "nears 104 degrees", *STORY, "Heat Wave Closes Schools"])
                     + "\n").encode())
    assert english.author is None


@pytest.mark.parametrize(("last", "author"), [
    ("（山本健太郎）", "山本健太郎"),  # a Japanese paper's signature (a fresh user's page)
    ("（共同）", None),  # a wire's credit: two kanji, kana, or a company's name
    ("（ロイター）", None),
])
def test_a_japanese_story_signed_in_brackets_gives_its_author(last, author):
    page = ("市バス路線、来春に再編へ\n"
            "市は10日、市内のバス路線を来年4月に再編すると発表した。利用者の少ない3路線を廃止し、"
            "新たに2路線を設ける。\n"
            "再編に伴い、中心部を走る循環バスの本数は1日40本から60本に増える。市交通局は"
            "「利便性は高まる」としている。\n"
            f"{last}\n")
    result = clean(page.encode())
    assert result.author == author
    if author:
        assert last not in result.text
    assert result.text.rstrip().endswith("としている。") or last in result.text


def test_a_japanese_byline_of_a_name_of_five_kanji_and_its_role():
    page = ("市バス路線、来春に再編へ\n山本健太郎記者\n"
            "市は10日、市内のバス路線を来年4月に再編すると発表した。利用者の少ない3路線を廃止し、"
            "新たに2路線を設ける。\n"
            "再編に伴い、中心部を走る循環バスの本数は1日40本から60本に増える。\n")
    assert clean(page.encode()).author == "山本健太郎"


def test_the_paragraph_under_the_byline_s_name_alone_after_the_story_is_its_bio():
    """Blind trial z's Thai page: the author's name alone after the tags, over "ผู้สื่อข่าว
    ประจำจังหวัดจันทบุรี …" (the province's reporter, covering farming…); the locator dropped
    the name line and kept the bio as the story's. The same goes for two FAZ dumps of
    fundus-dev."""
    result = clean((PAGES / "blind-th-breaking-ticker.txt").read_bytes())
    assert result.author == "สุภาพร ทองมา"
    assert "ผู้สื่อข่าวประจำจังหวัดจันทบุรี" not in result.text
    assert any(r.rule == "bio.byline-author" for r in result.removed)


@pytest.mark.parametrize("page, bio, last", [
    ("blind-de-column-bio.txt", "Katrin Möllendorf leitet das Wirtschaftsressort",
     "Dazu gehört eine Finanzierungszusage über mehrere Jahre"),
    ("blind-nb-bio-no-byline.txt", "Torbjørn Rasmussen er helsejournalist",
     "Pasient- og brukerombudet i Vestland bekrefter"),
])
def test_a_bio_of_a_writer_the_byline_does_not_name_goes_after_the_story(page, bio, last):
    """Blind trials aq and ap: a German column's bio under a "Ein Kommentar von …" byline
    the page reads no author from, with the opinion disclaimer under it, and a Norwegian
    story with no byline at all: a name, then what the writer is at the paper
    (`bio.author-description-<lang>`, trailing only; `chrome.opinion-disclaimer-de`)."""
    paragraphs = clean((PAGES / page).read_bytes()).text.split("\n\n")
    assert not [p for p in paragraphs if p.startswith(bio)]
    assert paragraphs[-1].startswith(last)
    assert "Dieser Kommentar gibt die Meinung der Autorin wieder." not in paragraphs
