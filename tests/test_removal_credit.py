"""Each removal is credited to the rule that decided it (`clean --explain`, the record's
`removed`): a fresh user's Dutch and Italian footer rows were explained as comment-section
headings, an Italian menu line holding "Accedi" as a paywall notice, Polish and Arabic footer
link rows as cookie notices. Pages: tests/fixtures/text_pages/audit-*.txt."""

import pytest

from newsclean.cleaners import clean, default_rules
from newsclean.cleaners.rules import Where
from tests.conftest import FIXTURES

PAGES = FIXTURES / "text_pages"


def _credits(name: str) -> dict[str, str]:
    result = clean((PAGES / name).read_bytes())
    return {r.text: r.rule for r in result.removed}


def test_lines_after_the_article_are_not_credited_to_a_comment_heading_over_them():
    # the footer rows the model dropped as after the article are the layout's, not the
    # comment heading's; the comment only the heading's cut took from the article is its
    credits = _credits("audit-nl-footer-under-comment-heading.txt")
    assert credits["Plaats een reactie"] == "comments.section-start-nl"
    assert credits["Over ons | Contact | Adverteren | Privacy"] == "layout.after-article"
    assert credits["Meer nieuws uit de regio vind je op onze website en in de app."] == (
        "layout.after-article")
    comment = next(t for t in credits if t.startswith("Ik fiets elke dag"))
    assert credits[comment] == "comments.section-start-nl"


@pytest.mark.parametrize(("name", "line", "rule"), [
    ("audit-it-menu-row-with-login.txt", "Accedi · Abbonati · Newsletter · Cerca",
     "navigation.menu-it"),
    ("audit-it-menu-row-with-login.txt", "Privacy · Chi siamo · Contatti", "navigation.menu-it"),
    ("audit-pl-footer-privacy-links.txt", "Polityka prywatności | Regulamin | Kontakt",
     "navigation.menu-pl"),
])
def test_a_row_of_links_with_a_menu_item_is_credited_to_the_menu(name, line, rule):
    assert _credits(name)[line] == rule


@pytest.mark.parametrize(("lang", "line", "rule"), [
    ("ar", "سياسة الخصوصية | من نحن | اتصل بنا", "navigation.menu-ar"),
    ("pl", "Polityka prywatności | Polityka cookies | Kontakt", "navigation.menu-pl"),
    ("it", "Accedi | Cerca", "navigation.menu-it"),
    # one family's pieces keep their first part's rule: a comment count and a login prompt
    ("hu", "Hozzászólások (89) – A hozzászóláshoz be kell jelentkezned.", "comments.widget-hu"),
    # no menu item: the family that names most parts (a date and a video's length: a tie,
    # the first)
    ("de", "26.10.2025 | 2:43 min", "dateline.timestamp"),
])
def test_a_line_of_parts_is_credited_to_what_the_parts_make_it(lang, line, rule):
    lookup = default_rules().for_languages((lang,)).lookup(None)
    assert lookup(line, Where.TRAILING).id == rule
