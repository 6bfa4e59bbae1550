"""Scripts that mark no sentence end (Thai, Lao): a page's paragraphs are still its story."""

import json
from pathlib import Path

from newsclean.cleaners import clean

PAGES = Path(__file__).parent / "fixtures" / "text_pages"


def test_a_thai_page_keeps_every_paragraph_of_its_story():
    """Every paragraph was lost before: none ended in a mark, so none read as a sentence
    (`lines.ends_sentence`: a Thai line of a paragraph's length ends one). The .json beside
    the page lists its headline and its story's lines as the page's writer gave them."""
    expect = json.loads((PAGES / "blind-th-unmarked-sentences.json").read_text("utf-8"))
    result = clean((PAGES / "blind-th-unmarked-sentences.txt").read_bytes())
    assert result.title == expect["title"]
    assert [p for p in expect["must_keep"] if p not in result.text] == []
    assert "กดติดตามข่าวเหนือวันนี้ทาง LINE OA ได้ที่นี่" not in result.text  # a LINE follow call


def test_a_thai_page_whose_paragraphs_the_model_scored_low_keeps_them():
    """Blind trial v: the line model read no Thai paragraph as a sentence (its `sent`
    feature asked for an end mark, not `lines.ends_sentence`), scored them 0.11-0.21 and
    passed only the cookie notice on top, which its rule then removed: the page came out
    empty. Each paragraph is a sentence by its length now, and when nothing passes the model
    the line it keeps is one no rule names."""
    expect = json.loads((PAGES / "blind-th-smog-school-closures.json").read_text("utf-8"))
    result = clean((PAGES / "blind-th-smog-school-closures.txt").read_bytes())
    assert result.status == "cleaned"
    assert [p for p in expect["must_keep"] if p not in result.text] == []


def test_a_thai_paragraph_that_ends_in_a_number_is_a_sentence():
    """Blind trial bd: the story's last paragraph ends in a hotline's number ("… โทรสายด่วน
    ปภ. 1784"), read as no sentence (its last character no Thai letter) and dropped with the
    photo credit under it (`lines.ends_sentence`, `lines.unmarked_script`)."""
    result = clean((PAGES / "blind-th-hotline-last-paragraph.txt").read_bytes())
    assert result.text.endswith("หรือโทรสายด่วน ปภ. 1784")
    assert "ขอบคุณภาพจาก" not in result.text


def test_a_short_thai_last_line_over_the_share_row_is_the_storys():
    """Fresh-user check #33: the story's last line, "ประชาชนควรหลีกเลี่ยงการเดินทางในช่วงที่ฝนตกหนัก"
    (people should avoid travelling in heavy rain), eleven words by their characters and no
    end mark, went over the share row "แชร์: Facebook | LINE | X" (p 0.17;
    `locate._unmarked_last_line`). The share row and the comment, newsletter and app
    prompts under it still go."""
    result = clean((PAGES / "fresh-th-last-line-over-share-row.txt").read_bytes())
    assert result.text.endswith("ประชาชนควรหลีกเลี่ยงการเดินทางในช่วงที่ฝนตกหนัก")
    assert "แชร์" not in result.text
