"""Pages that are not articles come out `rejected` with a reason, never as a "clean" article.

The fixtures in tests/fixtures/not_article/ are synthetic but built the way CMSs build these
pages (a section front, a WordPress tag archive, a photo gallery, error pages), each as HTML
and as a naive text dump; the near-misses beside them (a three-paragraph brief, an article
followed by cut-off teasers) must stay articles, and so must the real pages of the quality set.
"""

import pytest

from newsclean.cleaners import CleanOptions, clean
from newsclean.cleaners.pagekind import declared_page_type
from newsclean.flows.devtools.evaluate import load_cases
from tests.conftest import FIXTURES

NOT_ARTICLE = FIXTURES / "not_article"

REJECTED = [
    ("section_front.html", "index page"),
    ("section_front.txt", "index page"),
    ("tag_page.html", "index page"),
    ("tag_page.txt", "index page"),
    ("gallery.html", "photo gallery"),
    ("gallery.txt", "photo gallery"),
    ("error_404.html", "error page"),
    ("error_404.txt", "error page"),
    ("error_403.txt", "error page"),
]


@pytest.mark.parametrize(("name", "kind"), REJECTED)
def test_page_that_is_not_an_article_is_rejected_with_a_reason(name, kind):
    result = clean((NOT_ARTICLE / name).read_bytes(), source=f"https://news.example/{name}")
    assert result.status == "rejected"
    assert result.reason.startswith(kind), result.reason
    assert result.text == ""


@pytest.mark.parametrize("name", ["brief.html", "article_with_teasers.txt"])
def test_near_misses_stay_articles(name):
    result = clean((NOT_ARTICLE / name).read_bytes(), source=f"https://news.example/{name}")
    assert result.status == "cleaned", result.reason
    assert "Related stories" not in result.text
    assert "…" not in result.text  # the cut-off teasers went, the story stayed


def test_a_match_report_over_its_results_lines_stays_an_article():
    # Blind trial r's Hungarian football report: four results lines ("Mecseki SC – Rábaközi
    # FC 3–1") read as headlines, and no paragraph reached 200 characters, so the page was
    # rejected as an index page and all ten news paragraphs were lost. Its paragraphs of two
    # sentences or more are as many as those lines: a teaser's deck is one sentence.
    result = clean((NOT_ARTICLE / "match_report.html").read_bytes())
    assert result.status == "cleaned", result.reason
    for line in ("A Dunaparti FC hazai pályán 2–1-re legyőzte a Tiszavölgyi SE-t",
                 "Mecseki SC – Rábaközi FC 3–1", "A bajnokság következő fordulóját december"):
        assert line in result.text
    assert "Kapcsolódó cikkek" not in result.text and "Szólj hozzá!" not in result.text


@pytest.mark.parametrize("kind", ["html", "text"])
def test_no_real_article_of_the_quality_set_is_rejected(kind):
    options = CleanOptions(format_hint=kind)
    for case in load_cases(FIXTURES / "quality", kind):
        result = clean(case.raw, source=case.url, options=options)
        assert result.status == "cleaned", (case.id, result.reason)


def test_declared_page_type_reads_og_type_and_json_ld():
    listing = declared_page_type(
        '<html><head><meta property="og:type" content="website">'
        '<script type="application/ld+json">{"@type": "CollectionPage"}</script></head>')
    assert listing.says_listing and not listing.says_article
    article = declared_page_type(
        "<html><head><meta content='article' property='og:type'>"
        '<script type="application/ld+json">{"@type": ["NewsArticle"]}</script></head>')
    assert article.says_article and not article.says_listing
    gallery = declared_page_type(
        '<head><script type="application/ld+json">{"@type":"ImageGallery"}</script></head>')
    assert gallery.says_gallery
    assert declared_page_type("<p>no head</p>").og_type is None


def test_a_short_article_quoting_an_error_is_not_an_error_page():
    body = ("The county's permit portal showed visitors a 404 error page for most of Monday, "
            "officials said, after a software update went wrong overnight. ") * 3
    result = clean(f"Permit Portal Down for a Day\n\n{body}\n")
    assert result.status == "cleaned", result.reason


# A text dump that is all page furniture: the locator's most likely line was kept as the
# "article" ("News", status cleaned) where the HTML path gives nothing.
CHROME_ONLY = [
    "Home\nNews\nSport\nWeather\nSign in\nSubscribe\nShare\nFacebook\nTwitter\n"
    "Privacy policy\nTerms of use\n© 2025 The Daily Courier\n",
    "Startseite\nPolitik\nWirtschaft\nSport\nAnmelden\nAbo\nTeilen\nImpressum\n"
    "Datenschutz\n© 2025 Kreisbote\n",
]


@pytest.mark.parametrize("text", CHROME_ONLY, ids=["en", "de"])
def test_a_dump_of_page_furniture_only_comes_out_empty_and_accounted_for(text):
    result = clean(text)
    assert result.status.value == "empty" and result.text == ""
    assert {r.text for r in result.removed} == {line for line in text.splitlines() if line}


def test_a_two_sentence_brief_is_still_an_article():
    result = clean("Home\nNews\nThe bridge reopens on Monday.\nTolls stay the same.\n")
    assert result.status.value == "cleaned"
    assert "The bridge reopens on Monday." in result.text


def test_a_story_of_one_sentence_paragraphs_around_title_case_items_is_an_article():
    """Fresh-user check #16: four items in title case and a subhead made six of ten lines
    headlines, and the story's paragraphs, one sentence each, were no "paragraphs of two
    sentences": it was rejected as an index page. Two paragraphs of prose one under the
    other are a story's (`pagekind._runs_of_prose`); a teaser list alternates."""
    page = (FIXTURES / "text_pages" / "fresh-en-title-case-items-one-sentence-paragraphs.txt")
    result = clean(page.read_bytes())
    assert result.status == "cleaned", result.reason
    assert "Night Routes Cut to Hourly Service" in result.text
