"""Languages whose pages were read with English's word classes until blind trial v
(2026-12-04): Malay, Urdu, Bengali, Filipino (cleaners/lexicon.py). Their follow calls and
"read also" labels stayed; with their own web, address, call and referral words they go,
and every paragraph of the story stays."""

import json
from pathlib import Path

import pytest

from newsclean.cleaners import clean

PAGES = Path(__file__).parent / "fixtures" / "text_pages"

PAGES_V = ["blind-ms-lrt", "blind-ur-water", "blind-bn-cyclone", "blind-tl-pasahe",
           "blind-hr-court",  # Croatian, Slovak and Bulgarian got theirs after blind trial ae
           "blind-sw-coffee",  # Swahili after blind trial ag: "Jiunge nasi kwenye WhatsApp…"
           "blind-id-tidal-flood",  # blind trial ah: "Dapatkan update…", "(Editor: …)"
           "blind-ar-rates-ticker"]  # blind trial an: a masthead's rates with their units,
# "اقرأ أيضًا:" with its colon, "- أرشيفية", "تابعوا أحدث الأخبار … عبر قناتنا على واتساب"


@pytest.mark.parametrize("page", PAGES_V)
def test_the_pages_furniture_goes_and_its_story_stays(page):
    """The .json beside each page: its story's paragraphs as the page's writer gave them
    (`must_keep`, spaces collapsed: two pages are hard-wrapped) and the lines that stayed
    while it was read with English's words (`must_go`)."""
    expect = json.loads((PAGES / f"{page}.json").read_text("utf-8"))
    result = clean((PAGES / f"{page}.txt").read_bytes())
    text = " ".join(result.text.split())
    assert [p for p in expect["must_keep"] if p not in text] == []
    assert [line for line in expect["must_go"] if line in result.text.split("\n\n")] == []
