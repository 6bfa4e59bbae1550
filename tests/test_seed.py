"""The seed dump this project started from must come out perfect, and so must the samples."""

import json

import pytest

from newsclean.cleaners import clean, default_rules
from tests.conftest import FIXTURES, ROOT, SEED_FILE, SEEDS

SEED_BOILERPLATE = [
    "Get real time updates directly on you device, subscribe now.",
    "Read: Ten Killed in Islamic State Terror Attack in The Philippines",
    "Read: North Korea Returns Remains of Dead US Soldiers from Korean War",
    "Leave a Reply",
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
]
SEED_TITLE = "North Korea Building New Ballistic Missiles – United States Intelligence"


def _seed_news_paragraphs() -> list[str]:
    lines = [ln.strip() for ln in SEED_FILE.read_text("utf-8").splitlines() if ln.strip()]
    news = [ln for ln in lines[1:] if ln not in SEED_BOILERPLATE]
    return [ln.replace("test- fired", "test-fired") for ln in news]


def test_seed_title_and_body_word_for_word(seed_bytes):
    result = clean(seed_bytes, source=str(SEED_FILE))
    assert result.status == "cleaned"
    assert result.title == SEED_TITLE
    assert result.text.split("\n\n") == _seed_news_paragraphs()


def test_seed_every_boilerplate_line_removed_by_a_named_rule(seed_bytes):
    result = clean(seed_bytes)
    for line in SEED_BOILERPLATE:
        assert line not in result.text
    known = {r.id for r in default_rules().rules}
    by_text = {}
    for r in result.removed:
        by_text.setdefault(r.text, []).append(r.rule)
    assert by_text["Leave a Reply"] == ["comments.wordpress-leave-a-reply"] * 2
    assert by_text[SEED_BOILERPLATE[0]] == ["subscribe.push-updates-prompt"]
    assert by_text[SEED_BOILERPLATE[1]] == ["cross-link.labelled-headline"]
    assert by_text[SEED_BOILERPLATE[4]] == ["comments.akismet"]
    body_removals = [r for r in result.removed if r.rule != "structure.headline"]
    assert len(body_removals) == 6
    assert all(r.rule in known for r in body_removals)


def test_seed_removals_point_back_into_the_input(seed_bytes):
    text = seed_bytes.decode("utf-8")
    for r in clean(seed_bytes).removed:
        assert text[r.start:r.end].strip() == r.text
        assert text.splitlines()[r.line - 1].strip() == r.text


def _expectations() -> dict:
    path = FIXTURES / "seeds_expect.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


@pytest.mark.parametrize("name", sorted(_expectations()))
def test_sample_dumps(name):
    spec = _expectations()[name]
    result = clean((SEEDS / name).read_bytes(), source=name)
    assert result.status == "cleaned", result.reason
    if spec.get("title"):
        assert result.title == spec["title"]
    assert result.author == spec.get("author")  # the byline's name, its line out of the text
    for must in spec["must_contain"]:
        assert must in result.text, f"lost: {must!r}"
    for must_not in spec["must_not_contain"]:
        assert must_not not in result.text, f"kept boilerplate: {must_not!r}"


def test_every_sample_has_expectations():
    names = {p.name for p in SEEDS.iterdir() if p.is_file() and p.name[0].isdigit()}
    assert names <= set(_expectations()), names - set(_expectations())



@pytest.mark.skipif(not (ROOT.parent / "shared" / "eval").is_dir(),
                    reason="../shared/eval is not here")
def test_a_byline_above_the_lead_is_not_taken_for_the_headline():
    # rd-ehow-1: menus, the title high up, then "By Lucy Akins eHow Contributor" and a
    # "Found This Helpful" row above the steps; the byline read as the headline.
    raw = ROOT.parent / "shared" / "eval" / "readability-dev" / "rd-ehow-1" / "raw.txt"
    result = clean(raw.read_bytes())
    assert result.title != "By Lucy Akins eHow Contributor"


def test_a_text_dump_gives_its_bylines_name_as_the_author():
    """HTML gives the author from the page's metadata; a text dump had none (a new user's
    report): the first byline above the story's first paragraph names it."""
    result = clean(SEED_FILE.with_name("002_harbor-city-late-comeback.txt").read_bytes())
    assert result.author == "Callum Ferris"


@pytest.mark.parametrize("byline", ["Автор: Ирина Соколова", "Автор:\nИрина Соколова"])
def test_a_labelled_byline_names_the_author(byline):
    # a fresh-user trial's Russian dump: "Автор: …" above the story gave no author
    page = (f"Мост закроют на ремонт\n{byline}\n\nМэрия закроет мост через реку на ремонт "
            "до конца месяца, сообщили в пресс-службе администрации города.\n\nОбъезд "
            "организуют по соседнему мосту, движение будет ограничено в часы пик.\n")
    assert clean(page).author == "Ирина Соколова"


def test_a_byline_among_a_lines_parts_set_apart_by_spaces_names_the_author():
    # blind trial ad's Chinese dump: time, source and reporter parted by two spaces
    page = ("长江口放流10万尾中华鲟\n2024-06-05 16:20:35  来源：东方环境报  记者 王晓燕\n\n"
            "6月5日是世界环境日。当天上午，渔业主管部门联合科研单位在长江口水域举行中华鲟增殖放流"
            "活动，共放流人工繁育的中华鲟10万尾。\n\n专家表示，放流个体将帮助补充野生种群，"
            "相关监测工作将持续三年。\n")
    assert clean(page).author == "王晓燕"


@pytest.mark.parametrize(("byline", "author"), [
    ("Mehmet Yılmaz | 8 Haziran 2024, 16:20", "Mehmet Yılmaz"),  # no marker
    ("Son Dakika | 8 Haziran 2024, 16:20", None),  # "breaking news": a label, not a name
])
def test_a_byline_without_a_marker_names_the_author(byline, author):
    # blind trials: "Name | time stamp" under the headline was removed and gave no author
    page = (f"İzmir'de sahile yeni bisiklet yolu\n{byline}\n\nİzmir Büyükşehir Belediyesi, "
            "Karşıyaka sahiline 6 kilometrelik yeni bir bisiklet yolu yapılacağını açıkladı."
            "\n\nÇalışmaların yaz sonunda tamamlanması planlanıyor, belediye yetkilileri "
            "projenin maliyetinin 40 milyon lira olduğunu söyledi.\n")
    assert clean(page).author == author


LEAD = ("Od wtorku pasażerowie w Krakowie mogą podróżować autobusami i tramwajami za darmo, "
        "poinformował w poniedziałek urząd miasta.")
MORE = ("Według danych inspekcji stężenie pyłu na stacji przy alei Krasińskiego przekroczyło "
        "normę ponad trzykrotnie, a alarm obowiązuje do czwartku.")
MENU = "Strona główna · Wiadomości · Kraj · Świat · Biznes · Sport"
HEAD = "Smog w Krakowie. Darmowa komunikacja miejska do odwołania"


@pytest.mark.parametrize(("lines", "author"), [
    # a name alone under the headline, over its time stamp (blind trial p's Polish page;
    # fundus-dev's Aftonbladet, Seznam Zprávy: "Ondřej Katz" over "9:51")
    ([MENU, HEAD, "Katarzyna Wiśniewska", "Opublikowano: 16.01.2024, 07:45", LEAD, MORE],
     "Katarzyna Wiśniewska"),
    ([MENU, HEAD, "Katarzyna Wiśniewska", "Obserwuj", "16.01.2024, 07:45", LEAD, MORE],
     "Katarzyna Wiśniewska"),  # a "Follow" button between them
    # …or the writer's e-mail address, on its line or after the name (blind trial q)
    ([MENU, HEAD, "Katarzyna Wiśniewska", "k.wisniewska@gazeta.example", "16.01.2024, 07:45",
      LEAD, MORE], "Katarzyna Wiśniewska"),
    ([MENU, HEAD, "Katarzyna Wiśniewska k.wisniewska@gazeta.example", "16.01.2024, 07:45",
      LEAD, MORE], "Katarzyna Wiśniewska"),
    # a given name among the language's commonest words is a name's: "Jan" (Polish), as
    # "Johan" (Swedish) in blind trial ad (`Lexicon.proper`)
    ([MENU, HEAD, "Jan Kowalski", "jan.kowalski@gazeta.example", "16.01.2024, 07:45", LEAD,
      MORE], "Jan Kowalski"),
    # a section's name over a stamp is no name: only right under the headline
    ([MENU, "Kraj Małopolska", "16.01.2024, 07:45", HEAD, LEAD, MORE], None),
    ([MENU, HEAD, "Komentarze Czytelników", "2 komentarze", LEAD, MORE], None),  # a count
    # a labelled byline as a later part of a dateline ("2024-05-14 09:32　来源：钱塘晚报　作者：
    # 李明", blind trial o)
    ([MENU, HEAD, "Opublikowano: 16.01.2024 | Autor: Jan Kowalski", LEAD, MORE], "Jan Kowalski"),
    # a marker alone on its line, the name on the next ("by" / "Tom Rogan", html-dev)
    ([MENU, HEAD, "przez", "Katarzyna Wiśniewska", LEAD, MORE], "Katarzyna Wiśniewska"),
    # a particle in lower case is the name's ("Sanne de Wit" over "5 nov. 2024, 06:00",
    # blind trial r: "de" is a Dutch function word)
    ([MENU, HEAD, "Anna de Wit", "16.01.2024, 07:45", LEAD, MORE], "Anna de Wit"),
    # a byline under the standfirst, past the page's first line of prose (fundus-dev's Der
    # Standard: headline, standfirst, authors, date)
    ([*MENU.split(" · "), HEAD, "Smog nad Krakowem znów przekroczył normy, a miasto "
      "wprowadziło darmową komunikację dla wszystkich mieszkańców.", "Autor: Jan Kowalski",
      LEAD, MORE, "Udostępnij", "Polecane", "Zimowe ferie 2024. Terminy w województwach",
      "© Gazeta Małopolska. Wszelkie prawa zastrzeżone."], "Jan Kowalski"),
])
def test_the_byline_under_the_headline_names_the_author(lines, author):
    assert clean("\n\n".join(lines) + "\n").author == author


@pytest.mark.parametrize(("name", "author"), [
    ("101_wp-fairhaven-bike-lanes.html", "Dana Whitcomb"),  # span.author.vcard > a.fn
    ("102_storybody-ferry-strike-latin1.html", "Fiona McLeod"),  # byline__name, then a role
    ("105_drupal-ice-storm-outages.html", "Karen Lundquist"),  # field-byline "By …, Staff Writer"
])
def test_an_html_page_without_declared_author_gives_its_visible_bylines_name(name, author):
    # no JSON-LD or meta author: the author came out None (a new user's report), while the
    # same pages' text dumps had theirs; the comment authors below are not the story's
    assert clean((SEEDS / name).read_bytes(), source=name).author == author


@pytest.mark.parametrize(("text", "name"), [
    ("By Fiona McLeod", "Fiona McLeod"),
    ("Dana Whitcomb", "Dana Whitcomb"),
    ("By Karen Lundquist, Staff Writer", "Karen Lundquist"),
    ("By", None), ("Von:", None), ("Follow", None),
    ("Nathan Willis March 25", None),  # a date run into the name
    # a Korean or Chinese name is one word, taken with its marker (blind trial aj)
    ("김민지 기자", "김민지"), ("김민지", None),
])
def test_the_name_a_byline_element_credits(text, name):
    from newsclean.cleaners.lines import credited_name

    assert credited_name(text) == name


@pytest.mark.parametrize("name", ["004_riverside-library-roof-collapse.txt",  # CRLF
                                  "010_nestwell-thermostat-recall.txt"])  # trailing spaces
def test_each_removals_offsets_hold_its_text_in_the_decoded_input(name):
    # a fresh-user trial: a Windows dump's offsets counted its "\r\n" as one character (26
    # of 27 pointed elsewhere), and a line's trailing spaces were inside its span
    from newsclean.cleaners.decode import decode_bytes

    raw = (SEEDS / name).read_bytes()
    decoded = decode_bytes(raw).text
    result = clean(raw)
    placed = [r for r in result.removed if r.start is not None]
    assert result.decoded_length == len(decoded) and placed
    assert [r.text for r in placed if decoded[r.start:r.end] != r.text] == []


def test_a_removal_has_no_offsets_where_mending_mojibake_changed_the_texts_length():
    result = clean((SEEDS / "007_phoenix-heat-wave-grid.txt").read_bytes())
    assert result.removed and all(r.start is None and r.end is None for r in result.removed)
