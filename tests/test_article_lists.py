"""A list the story is part of stays whole in a page dump, bulleted or not.

A quake report lists its towns by intensity as rows of a label, a colon and the places
("宮崎県： 高鍋町 、 新富町"); the line model scores such rows near its cut (0.40-0.49 on
fundus-dev's Asahi Shimbun page) and kept some of them, which put towns under the wrong
intensity. A run of label rows of which the model kept a third goes whole
(cleaners/locate.py, `_lists`).
"""

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.lexicon import lexicon_for
from newsclean.cleaners.locate import heads, list_under

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

