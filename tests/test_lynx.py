"""Text-browser dumps (`lynx -dump`, cleaners/lynx.py): link numbers, bracketed images, menus
as lists, wrapped paragraphs and the references list, read as a reader of the page sees it."""

import pytest

from newsclean.cleaners import clean, default_rules
from newsclean.cleaners.lynx import first_heading, is_lynx_dump, read_line
from newsclean.cleaners.rules import Where
from tests.conftest import FIXTURES

PAGES = FIXTURES / "text_pages"


def test_a_lynx_dump_comes_out_as_its_story_without_numbers_menus_or_urls():
    result = clean((PAGES / "blind-en-us-lynx-dump.txt").read_bytes())
    text = result.text
    assert text.startswith("Work on 3.1 miles of pipe under the east side")  # the deck
    assert "The Maple Falls City Council voted 6-1 on Tuesday night" in text
    assert "“We have been patching the same pipes for thirty years,” Utilities Director" in text
    assert "[" not in text and "https://" not in text and "References" not in text
    for menu in ("News", "Obituaries", "e-Edition", "Skip to main content"):
        assert menu not in text.split("\n\n")
    rules = {r.rule for r in result.removed}
    assert {"lynx.references", "lynx.link-line", "lynx.no-text"} <= rules


def test_a_headline_wrapped_at_the_margin_is_one_title():
    # "…Revenue Rises 12% to" over "€486 Million": cut at line ends, the title lost its end
    result = clean((PAGES / "blind-en-wire-lynx-dump.txt").read_bytes())
    assert result.title == ("Nordhaven Logistics Reports Third-Quarter 2025 Results; Revenue "
                            "Rises 12% to €486 Million")
    assert ("Net profit of €28.9 million, or €0.54 per diluted share, compared with €21.3 "
            "million, or €0.40 per share") in result.text


@pytest.mark.parametrize(("line", "text", "share", "opens"), [
    ("     * [7]News", "* News", 1.0, True),
    ("   [18]Share [19]Tweet [20]Email [21]Print", "Share Tweet Email Print", 1.0, True),
    ("   [Crew repairing a broken pipe in a trench on Elm Street]", "", 0.0, False),
    ("   [23]____________________[24]Sign up", "Sign up", 1.0, True),
    # a sentence holding a link: its anchor's end is not written, and a run longer than a
    # headline is read as the sentence's
    ("   Utilities Director [5]Ray Okonjo told the council on Tuesday that the pipes were "
     "laid in 1928", "Utilities Director Ray Okonjo told the council on Tuesday that the "
     "pipes were laid in 1928", 0.0, False),
    # a row's label and links alone after it: a hot-topics strip (blind trial bh's Bengali
    # page took it for the title), read as a line that opens with a link
    ("   আলোচিত: [14]বাংলাদেশ-জিম্বাবুয়ে সিরিজ [15]বাজেট ২০২৫-২৬ [16]ঈদযাত্রা",
     "আলোচিত: বাংলাদেশ-জিম্বাবুয়ে সিরিজ বাজেট ২০২৫-২৬ ঈদযাত্রা", 0.87, True),
    ("   Tags: [3]Budget [4]Council", "Tags: Budget Council", 0.76, True),
    # a label's words then a sentence's link: no row
    ("   Read the report: [5]the council published it on Tuesday after a long delay in the "
     "planning office", "Read the report: the council published it on Tuesday after a long "
     "delay in the planning office", 0.0, False),
])
def test_a_lynx_line_is_read_as_a_reader_sees_it(line, text, share, opens):
    read = read_line(line)
    assert (read.text, round(read.link_share, 2), read.opens_with_link) == (text, share, opens)


def test_a_plain_dump_with_a_footnote_or_two_is_no_lynx_dump():
    story = "The council voted 6-1 on Tuesday.[1] Work starts in March.[2]\n"
    assert not is_lynx_dump(story + "References\n1. https://a.example/\n2. https://b.example/\n")
    assert is_lynx_dump((PAGES / "blind-en-us-lynx-dump.txt").read_text("utf-8"))


@pytest.mark.parametrize(("page", "title", "first", "gone"), [
    # the show's blurb ran on into the headline, which read as prose under it
    ("blind-en-podcast-lynx-dump.txt", "Why Columbus is closing 16 schools at once",
     "The Columbus City Schools board voted 5-2 on Tuesday night",
     "One story from Ohio, explained in under 30 minutes."),
    # the currency ticker's items were kept above the headline
    ("blind-tr-lynx-dump.txt",
     "Ekim ayı enflasyon rakamları açıklandı! Yıllık enflasyon yüzde 32,87 oldu",
     "Türkiye İstatistik Kurumu (TÜİK), ekim ayı enflasyon rakamlarını açıkladı.",
     "DOLAR 42,0514"),
])
def test_the_first_heading_at_the_margin_is_the_title(page, title, first, gone):
    result = clean((PAGES / page).read_bytes())
    assert result.title == title
    assert result.text.startswith(first)
    assert gone not in result.text
    assert "lynx.headline" in {r.rule for r in result.removed}


def test_a_centred_headline_is_a_heading_too():
    # lynx sets an <h1> centred, an <h2> at the margin, the text 3 columns in
    page = (PAGES / "blind-en-podcast-lynx-dump.txt").read_text("utf-8")
    headline = "Why Columbus is closing 16 schools at once"
    centred = page.replace(f"\n{headline}\n", f"\n{headline:^78}".rstrip() + "\n")
    assert centred != page
    result = clean(centred.encode())
    assert result.title == headline
    assert "One story from Ohio" not in result.text


def test_a_dump_with_every_block_at_one_margin_finds_no_heading_there():
    text = "   First block of text.\n\n   Second block of text.\n"
    assert first_heading(text, [3, text.index("Second")]) is None


@pytest.mark.parametrize("page", ["blind-en-key-facts-list.md", "blind-en-key-facts-list-lynx.txt"])
def test_a_marked_up_lists_items_come_out_without_bullets(page):
    """Blind trial bd: the "Key facts" items came out as "* Closure begins: …" from a
    Markdown and a lynx dump; the HTML path writes the item alone (`pipeline._unbulleted`)."""
    result = clean((PAGES / page).read_bytes())
    kept = result.text.split("\n\n")
    assert "Closure begins: 10 p.m. Monday, Jan. 5, 2026" in kept
    assert not any(p.startswith(("* ", "+ ", "- ")) for p in kept)


@pytest.mark.parametrize(("page", "title"), [
    ("trial-bh-ko-lynx-buttons.txt", "한국형 인공태양 KSTAR, 1억도 플라스마 130초 유지…세계 최장 기록"),
    ("trial-bh-fa-lynx-buttons.txt", "رشد ۲.۱ درصدی شاخص بورس تهران با جهش سهام خودروسازان"),
])
def test_a_line_of_form_buttons_is_no_title(page, title):
    # Blind trial bh's Korean and Persian lynx dumps: the masthead's "(BUTTON) 로그인
    # (BUTTON) 구독" (log in, subscribe) was the title, the headline left in the text
    # (`lynx.holds_button`).
    result = clean((PAGES / page).read_bytes())
    assert result.title == title
    assert not result.text.startswith(title)
    assert "(BUTTON) 로그인" not in result.text


@pytest.mark.parametrize(("line", "named"), [
    ("(BUTTON) 字号：大 中 小 (BUTTON) 打印本页 (BUTTON) 关闭窗口", True),  # text size, print, close
    ("(BUTTON) مفید (۱۲۴) (BUTTON) خنثی (۱۸) (BUTTON) غیرمفید (۹)", True),  # a reactions row
    ("(BUTTON) উত্তর দিন (BUTTON) লাইক", True),  # reply, like
    # lynx ran the paragraph under the button on: no label of a button is that long
    ("(BUTTON) 关闭窗口市场监管总局6月15日通报，某电商平台因组织商家刷单、伪造用户评价，被处以1860万元罚款，"
     "涉及商品超过4万件。", False),
])
def test_a_row_of_form_buttons_is_named_whatever_its_language(line, named):
    """A text browser marks each button "(BUTTON)", which hid its label from its
    language's rule (blind trial bh's zh, fa and bn lynx dumps kept such rows): the row
    is named (zxx `chrome.button-row`) and stays a line between its neighbours."""
    rule = default_rules().lookup(None)(line, Where.ANYWHERE)
    assert (rule is not None and rule.id == "chrome.button-row") is named


@pytest.mark.parametrize(("page", "title", "lead", "gone", "kept"), [
    # fresh-user check #35's Polish dump: "15." alone over its target, a long target's rest
    # on a line of its own. Not read as lynx, its menu's "[3]Wiadomości" … were kept as the
    # story's first lines and the headline under them lost.
    ("fresh-pl-lynx-wrapped-references.txt",
     "Smog w Gorzowie. Miasto uruchamia newsletter z ostrzeżeniami",
     "Od poniedziałku mieszkańcy Gorzowa Wielkopolskiego", ("Wiadomości\n", "Pogoda"), ()),
    # fresh-user check #36's German dump: "3. #inhalt", "44. #accept", "45. #settings" among
    # fifty targets turned it into plain text: its link numbers stayed in the story, its
    # headline was lost and its references read as comments
    ("fresh-de-lynx-fragment-references.txt",
     "Stadtrat beschließt: Mainzer Altstadt wird an Wochenenden autofrei",
     "Die Mainzer Altstadt soll ab Juli an Wochenenden", ("[26]", "Startseite"),
     ("Die CDU-Fraktion stimmte geschlossen dagegen.",)),
])
def test_a_references_list_in_an_unusual_shape_is_still_read_as_lynx(page, title, lead,
                                                                      gone, kept):
    raw = (PAGES / page).read_bytes()
    assert is_lynx_dump(raw.decode())
    result = clean(raw)
    assert result.title == title
    assert result.text.startswith(lead)
    for line in gone:
        assert line not in result.text
    for line in kept:
        assert line in result.text
