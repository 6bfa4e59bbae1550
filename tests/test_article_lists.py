"""A list the story is part of stays whole in a page dump, bulleted or not.

A quake report lists its towns by intensity as rows of a label, a colon and the places
("宮崎県： 高鍋町 、 新富町"); the line model scores such rows near its cut (0.40-0.49 on
fundus-dev's Asahi Shimbun page) and kept some of them, which put towns under the wrong
intensity. A run of label rows of which the model kept a third goes whole
(cleaners/locate.py, `_lists`).
"""

from pathlib import Path

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.lexicon import lexicon_for
from newsclean.cleaners.locate import heads, list_under

PAGES = Path(__file__).parent / "fixtures" / "text_pages"  # real and blind-written page dumps

MENU_JA = ["ニュース", "政治", "経済", "国際", "スポーツ", "ログイン", "会員登録"]
QUAKE = [
    "気象庁は13日、午後9時19分ごろ、日向灘で震度5弱の地震があったと発表した。震源の深さは約30キロ、"
    "地震の規模はマグニチュード6.6と推定される。この地震で宮崎県と高知県に津波注意報が出された。",
    "各地の震度は次のとおり。",
    "＜震度4＞",
    "宮崎県： 延岡市 、 西都市 、 木城町 、川南町、 都農町 、門川町、 日南市",
    "福岡県 ： 久留米市",
    "佐賀県 ： 神埼市 、 白石町",
    "熊本県 ： 阿蘇市 、産山村、高森町、 南阿蘇村 、 熊本市南区",
    "大分県 ： 大分市 、 臼杵市 、 佐伯市 、 竹田市",
    "鹿児島県 ： 鹿児島市 、 霧島市 、 いちき串木野市 、 南さつま市 、 伊佐市",
    "気象庁は今後1週間程度、同程度の地震に注意するよう呼びかけている。揺れの強かった地域では、"
    "家屋の倒壊や土砂災害の危険性が高まっているおそれがあるという。",
]
FOOTER_JA = ["利用規約", "プライバシーポリシー", "お問い合わせ", "Copyright © The Asahi Shimbun Company"]


def test_a_list_of_label_rows_goes_whole_with_its_story():
    result = clean("\n".join([*MENU_JA, *QUAKE, *FOOTER_JA]) + "\n")
    kept = result.text.split("\n\n")
    rows = [line for line in QUAKE if "：" in line]
    assert [line for line in rows if line not in kept] == []
    assert not set(kept) & {*MENU_JA, *FOOTER_JA}


# A related box in mid-story whose last teaser is followed by the story's next subhead: the
# list ends at the subhead, which names the paragraph under it (locate.heads), and never at
# its first line, which a heading always announces. What it costs: a teaser that names the
# paragraph under it is taken for a subhead (html-dev: the last of an Express page's three
# "DON'T MISS" teasers over a Hong Kong story, 2 of its 7 content words in the paragraph).
BOXED_SUBHEAD = [
    ("fr", ["À lire aussi", "Drôme : la dernière boulangerie de Crest ferme",
            "Vercors : les stations misent sur l'été",
            "Le chantier du tramway reprend en mai",
            "Le chantier du tramway reprendra en mai, après quatre mois d'arrêt, a indiqué la "
            "métropole."], 3),
    ("en", ["Related stories", "Council delays vote on bus lanes",
            "Ferry fares to rise in spring",
            "Harbour bridge repairs",
            "Repairs to the harbour bridge will close one lane until March, the council said."], 3),
]


@pytest.mark.parametrize(("lang", "lines", "items"), BOXED_SUBHEAD, ids=[b[0] for b in BOXED_SUBHEAD])
def test_a_list_in_the_story_ends_at_the_subhead_of_the_next_paragraph(lang, lines, items):
    stopwords = lexicon_for((lang,)).function_words
    assert list(list_under(lines, 0, lambda j: None, stopwords)) == list(range(1, items))
    assert heads(lines[items], lines[items + 1], stopwords)


def test_the_first_line_under_a_list_heading_is_its_item_even_when_it_names_the_next():
    lines = ["DON'T MISS", "Hong Kong students under siege at university [VIDEO]",
             "Students at a Hong Kong university have been under siege for three days."]
    stopwords = lexicon_for(("en",)).function_words
    assert heads(lines[1], lines[2], stopwords)
    assert list(list_under(lines, 0, lambda j: None, stopwords)) == [1]



def _named(texts):
    """The list heading's rule for the box heading at 0, no rule for the rest (a stand-in
    for a rule set's lookup: list_under asks only whether a rule names a line)."""
    from newsclean.cleaners import default_rules

    heading = next(r for r in default_rules().rules if r.id == "cross-link.section-label")
    return lambda j: heading if j == 0 else None


STORY_END = "The council will vote on the final budget on March 28, the mayor said on Tuesday."
PAIRS = ["Related stories",
         "Harbour ferry fares to rise by ten percent in April",
         "The operator blamed higher fuel costs and a new crew agreement.",
         "New cycle lanes open on the river bridge",
         "Work finished two weeks early, the roads department said."]


def test_a_related_box_of_headlines_with_summaries_goes_whole():
    """Blind trial t's Italian, Portuguese and Vietnamese boxes ("Veja também" over
    headline and summary pairs) kept every summary and the headlines between them: the
    first summary ended the list as a statement (`locate.teaser_pairs`)."""
    assert list(list_under(PAIRS, 0, _named(PAIRS), frozenset())) == [1, 2, 3, 4]
    lead = ("The city will close four branch libraries on Sundays from June, cutting 1.2 million "
            "dollars from next year's budget, officials said.")
    page = "\n".join(["Home | News | Sport", "Budget cuts hit the city's libraries", lead,
                      STORY_END, *PAIRS, "© 2026 The Harbour Times"]) + "\n"
    text = clean(page).text
    assert lead in text and STORY_END in text
    assert not any(line in text for line in PAIRS[1:])


@pytest.mark.parametrize("resumed", [
    # one teaser with a line under it, then the story: no run of pairs
    ["Harbour ferry fares to rise by ten percent in April",
     "The plan also cuts opening hours at four branch libraries from June onwards.",
     "Union leaders said they would meet the council before the vote."],
    # a teaser cut off with an ellipsis is no summary (html-dev sh-ba4dfe2d3e81's box)
    ["UK weather alert: Plague of mosquitos to devastate Britain as Hurri...",
     "Bible bombshell: Scientists claim discovery of root of all evil",
     "Yersinia pestis also causes bubonic plague, which affects lymph nodes and the blood.",
     "Of the three plague variants, pneumonic is the most virulent."],
])
def test_a_story_resumed_under_a_box_is_not_its_teasers(resumed):
    texts = ["Related stories", *resumed]
    under = list(list_under(texts, 0, _named(texts), frozenset()))
    assert texts[-1] not in [texts[j] for j in under]
    assert texts[-2] not in [texts[j] for j in under]


def test_a_table_dumped_a_cell_a_line_inside_the_story_stays_whole():
    """Blind trial at's grocery story: the model kept the figures of a table dumped a cell a
    line and dropped its labels ("Retailer", "Tesco", "Asda"), which left "28.2%" and
    "5.4%" with no retailer's name. A run of short cells, a third of them figures, between
    two kept lines is the story's table (`locate._cell_runs`)."""
    page = (PAGES / "blind-en-gb-grocery-table-cells.txt").read_bytes()
    kept = clean(page).text.split("\n\n")
    cells = ["Retailer", "Market share", "Sales growth", "Tesco", "28.2%", "5.4%",
             "Sainsbury's", "15.0%", "4.9%", "Asda", "11.9%", "-5.9%"]
    at = kept.index("Retailer")
    assert kept[at:at + len(cells)] == cells


def test_a_results_table_a_cell_a_line_and_the_paragraph_under_it_stay():
    """Blind trial av's J-League report: the table's header cell "ホーム" (home) is a menu
    word a rule names, and the story was cut there, the five results and the last paragraph
    with it. A run of cells with a score in one of five, under the story, is its table, and
    the story goes on under it."""
    page = (PAGES / "blind-ja-results-table-cells.txt").read_bytes()
    text = clean(page).text
    assert "神戸\n\n2―1\n\n湘南" in text
    assert text.endswith("最終節は12月8日に一斉開催される。神戸は勝てば自力で優勝が決まる。")


def test_items_without_bullets_under_a_kept_subhead_stay_with_it():
    """Blind trial aw's explainer: "Documents you will need" over five items saved without
    their bullets (p 0.33-0.49), an ad's label and the next section's subhead over its
    numbered steps; the items and that subhead were lost (`locate._headed_items`)."""
    page = (PAGES / "blind-en-in-explainer-headed-items.txt").read_bytes()
    kept = clean(page).text.split("\n\n")
    at = kept.index("Documents you will need")
    assert kept[at + 1:at + 7] == [
        "Latest electricity bill in the applicant’s name", "Aadhaar card",
        "Bank passbook or a cancelled cheque", "Property tax receipt or sale deed for the building",
        "A recent photograph of the roof", "How to apply: step by step"]
    assert "Advertisement" not in kept


def test_a_thai_lead_in_ends_in_as_follows_not_a_colon():
    """Blind trial ax's Thai warning: "…พร้อมแนะนำให้ประชาชนปฏิบัติ ดังนี้" (as follows) over
    its tips, which were cut off with the rest as after the article (`locate._LEAD_IN_ENDS`)."""
    page = (PAGES / "blind-th-flood-tips-as-follows.txt").read_bytes()
    text = clean(page).text
    for tip in ("หลีกเลี่ยงการเดินทางผ่านเส้นทางน้ำหลากและพื้นที่เสี่ยงดินถล่ม",
                "ขนย้ายสิ่งของมีค่าและเอกสารสำคัญไว้ในที่สูง",
                "ตัดกระแสไฟฟ้าทันทีหากน้ำเริ่มไหลเข้าบ้าน"):
        assert tip in text


@pytest.mark.parametrize(("page", "subhead", "last"), [
    ("fresh-de-closing-section-items.txt", "Die wichtigsten Punkte der Einigung",
     "Der Bundesrat soll sich noch vor Weihnachten mit dem Gesetzentwurf befassen."),
    ("fresh-nl-closing-section-items.txt", "De belangrijkste maatregelen",
     "De eerste schop gaat naar verwachting in september 2027 de grond in."),
    ("fresh-pl-closing-section-items.txt", "Co zakłada program",
     "Projekt trafi do konsultacji publicznych jeszcze w tym miesiącu."),
])
def test_the_storys_last_section_of_items_and_a_short_close_stays(page, subhead, last):
    """Fresh-user check #17: a subhead, three or four items and one or two short sentences
    under the story's last kept paragraph, over its share row, went as after the article
    (`locate._headed_items`, `_closing_section`); "Folgen der Reform …" and "Deel van de
    werkzaamheden …" open with a call word, a noun before its genitive (`lexicon.genitive`)."""
    kept = clean((PAGES / page).read_bytes()).text.split("\n\n")
    at = kept.index(subhead)
    assert kept[-1] == last and len(kept) - at >= 5


@pytest.mark.parametrize(("page", "tips", "share_call"), [
    ("fresh-de-negated-tips.txt",
     ["Teilen Sie keine Bankdaten per E-Mail.",
      "Klicken Sie nicht auf Links in verdächtigen Nachrichten.",
      "Rufen Sie im Zweifel Ihre Bank direkt an."],
     "Teilen Sie diesen Artikel mit Ihren Freunden!"),
    ("fresh-nl-negated-tips.txt",
     ["Deel geen codes of wachtwoorden via sms.",
      "Klik niet op links in berichten die je niet vertrouwt.",
      "Bel bij twijfel zelf de gemeente op het bekende nummer."],
     "Deel dit artikel met je vrienden!"),
    ("fresh-sv-negated-tips.txt",
     ["Dela inte ditt lösenord med någon.",
      "Klicka aldrig på länkar i sms som du inte väntat dig.",
      "Ring banken själv om du är osäker."],
     "Dela artikeln med dina vänner!"),
])
def test_the_polices_tips_stay_and_the_share_call_goes(page, tips, share_call):
    """Fresh-user check #19: a police warning's tips, which speak to the reader and open
    with a share or click verb negated ("Teilen Sie keine …", "Dela inte …"), went as
    calls between the lead-in and the spokesman's last sentence. A negated call is no call
    (`Lexicon.opens_call`), and an announced tip may address the reader when it offers
    nothing (`locate._advises`); the page's own share call under the story still goes."""
    result = clean((PAGES / page).read_bytes())
    kept = result.text.split("\n\n")
    assert all(tip in kept for tip in tips)
    assert share_call not in result.text
    assert share_call in [r.text for r in result.removed]


@pytest.mark.parametrize(("page", "items", "last"), [
    ("fresh-ja-typhoon-tips-list.txt",
     ["・不要不急の外出を控える", "・川や用水路に近づかない", "・停電に備えて懐中電灯を用意する"],
     "警戒を続けたい。"),
    ("fresh-en-pension-explainer-steps.txt",
     ["Check your payslip in April to see the new deduction.",
      "Log in to your pension provider's website to choose a fund.",
      "Keep a record of every pension you have had."],
     "It is worth checking."),
])
def test_a_list_of_tips_inside_the_story_does_not_end_it(page, items, last):
    """Fresh-user check #21: a typhoon story's three police tips ("・…", the Japanese middle
    dot, no space: `lines.LIST_ITEM_RE`) and an explainer's three steps, imperatives under
    "The Money and Pensions Service suggests these steps:", took the story's last
    paragraphs with them as after the article. A bulleted list counts once in the rescue's
    reach and stays between the story's paragraphs (`locate._list_between`); an announced
    step may open with an imperative when it offers nothing (`locate._advises`). The
    explainer's numbered contents go (`contents.item_headings`)."""
    result = clean((PAGES / page).read_bytes())
    kept = result.text.split("\n\n")
    assert all(item in kept for item in items)
    assert kept[-1] == last
    if page.startswith("fresh-en"):
        assert kept.count("1. What is changing?") == 1


def test_a_live_blogs_tips_stay_to_the_last_one():
    """Fresh-user check #21: under "Police Scotland has issued these tips to drivers:", the
    third tip, "Watch out for debris on the road." (a call word first: "watch" a video),
    went while the two before it stayed. A step may open with an imperative under the
    lead-in or another tip (`locate._keep_announced`), not under a sentence someone said."""
    text = clean((PAGES / "fresh-en-gb-storm-live-blog-tips.txt").read_bytes()).text
    kept = text.split("\n\n")
    at = kept.index("Police Scotland has issued these tips to drivers:")
    assert kept[at + 1:at + 4] == ["Do not drive unless your journey is essential.",
                                   "Keep well back from high-sided vehicles.",
                                   "Watch out for debris on the road."]
