"""Normalization changes how a line is laid out, never what it says (cleaners/normalize.py)."""

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.normalize import normalize_unit

# (line as the dump has it, as it is written out, hyphenation mends)
CASES = [
    ("Cafe\u0301 owners protest", "Café owners protest", 0),  # NFC
    ("The  council\u00a0 met\u2009 on Tuesday.", "The council met on Tuesday.", 0),
    ("Ward 4\t1,204\t38%", "Ward 4 | 1,204 | 38%", 0),  # a table row's cells
    ("The test- fired missile flew 800 km.", "The test-fired missile flew 800 km.", 1),
    ("pre- and post-war housing", "pre- and post-war housing", 0),  # a suspended hyphen
    # …in any language: the word after it is one of a language's commonest (trial q, fundus)
    ("säger hälso- och sjukvårdsdirektör Anna Sjöberg", "säger hälso- och sjukvårdsdirektör Anna Sjöberg", 0),
    ("nieuwe fiets- en wandelroutes", "nieuwe fiets- en wandelroutes", 0),
    ("sowohl Meeres- als auch Landtiere", "sowohl Meeres- als auch Landtiere", 0),
    ("a non- free licence", "a non-free licence", 1),
    # invisible format characters at the edges: an Arabic editor's RLM, a zero-width space,
    # a byte-order mark; inside the line they stay
    ("\u200fافتتحت وزارة الصحة مستشفى جديدا", "افتتحت وزارة الصحة مستشفى جديدا", 0),
    ("\ufeff\u200bThe council met.\u200b", "The council met.", 0),
    ("می\u200cخواهم", "می\u200cخواهم", 0),  # Persian's ZWNJ inside a word
    ("\u200c", "\u200c", 0),  # a widget's placeholder, dropped as a letterless line
]


@pytest.mark.parametrize(("line", "written", "mends"), CASES)
def test_a_line_is_laid_out_and_says_the_same(line, written, mends):
    assert normalize_unit(line) == (written, mends)


def test_no_line_of_a_cleaned_arabic_dump_starts_with_a_direction_mark():
    dump = ("\u200fافتتحت وزارة الصحة في المدينة مستشفى جديدا يضم مئتي سرير، وقال الوزير إن "
            "المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة.\n"
            "وأضاف الوزير أن العمل في المستشفى سيبدأ الشهر المقبل بعد اكتمال تجهيز الأقسام "
            "وتعيين الأطباء والممرضين.\n")
    text = clean(dump).text
    assert text
    assert not any(line.startswith("\u200f") for line in text.split("\n"))


@pytest.mark.parametrize(("line", "written"), [
    # a menu, a share row, page links laid out with runs of spaces: cells, as a tab row's are
    ("Local   News   Politics   Business", "Local | News | Politics | Business"),
    ("Facebook  X  WhatsApp  Kopioi linkki", "Facebook | X | WhatsApp | Kopioi linkki"),
    ("« Anterior  1  2  3  Siguiente »", "« Anterior | 1 | 2 | 3 | Siguiente »"),
    # a table row whose cells already stand between bars, spaced out (a fresh user's table
    # came out "District | | | 2024 | | | 2025")
    ("District  |  2024  |  2025", "District | 2024 | 2025"),
    ("North  |  $12.1M  |  $12.9M", "North | $12.1M | $12.9M"),
    # a CJK page's widgets, set apart by ideographic spaces; one alone joins a headline
    ("点赞(128)\u3000\u3000收藏\u3000\u3000评论(23)", "点赞(128) | 收藏 | 评论(23)"),
    ("来春廃止へ\u3000運転手不足で\u3000岐阜・美濃東部", "来春廃止へ\u3000運転手不足で\u3000岐阜・美濃東部"),
    # prose typed with two spaces after a full stop, or a stray double space, stays prose
    ("The council met.  It voted  to close the  road on Monday.",
     "The council met. It voted to close the road on Monday."),
    ("He said.  Then  he left  quickly", "He said. Then he left quickly"),
    ("Sign in   Register", "Sign in Register"),  # two cells: too few to tell from a typo
    ("The mayor said the  new road would open in June and cost 4 million",
     "The mayor said the new road would open in June and cost 4 million"),
])
def test_runs_of_spaces_between_short_cells_are_written_as_cells(line, written):
    assert normalize_unit(line)[0] == written
    assert normalize_unit(written)[0] == written  # written again, the same


def test_soft_hyphens_go():
    # fundus-dev's LTO dump: "Ver\xadfas\xadsungs\xadbe\xadschwerde" counted as five words
    from newsclean.cleaners.normalize import normalize_unit

    assert normalize_unit("Palästinenser legt Ver\xadfas\xadsungs\xadbe\xadschwerde ein")[0] == (
        "Palästinenser legt Verfassungsbeschwerde ein")
