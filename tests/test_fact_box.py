"""The story goes on after a fact box or a picture block in a page dump (real pages,
tests/fixtures/text_pages/).

Nettavisen's story stopped for an 8-line box ("Fakta om fødselsdepresjon": symptoms
addressed to the reader, a source line) and went on for two more paragraphs, which the line
model scored 0.27-0.31 and which stood further from the article than one sentence is taken
back (cleaners/locate.py, RESCUE_REACH). Two or more paragraphs in a row are taken back from
BOX_REACH lines away; teasers under the article, one headline-like line at a time, are not.
Salzburger Nachrichten's lead and a quote paragraph stand above a picture block; quoting the
mayor's "wir" they read as an appeal to the reader until quoted speech stopped counting as
address (lines.without_quotes).
"""

from pathlib import Path

import pytest

from newsclean.cleaners import clean

PAGES_DIR = Path(__file__).parent / "fixtures" / "text_pages"
# page -> (paragraphs that stay: the story's first and last, and those after the box or the
# picture block; lines that go)
REAL = {
    "fd-no-nettavisen-2024-10-16": (
        ["I flere år har kjendismanager David Eriksen (57) vært manager for artist Tone Damli",
         "Pandemiens ensomme bakside og forlovedens travle hverdag med husbygging gjorde at "
         "Damli følte seg alene.",
         "Men et taktskifte gjorde underverker, og 36-åringen forteller at mer hjelp fra "
         "familien"],
        ["Kilde: Helsenorge.no", "Fødestue"]),
    "fd-at-salzburgernachrichten-2026-01-06": (
        ["Die Schweizer Gemeinde Crans-Montana hat nach dem Brandinferno in der Silvesternacht "
         "mit 40 Toten schwere Versäumnisse eingeräumt.",
         "\"In den Jahren 2020 bis 2025 wurde der Betrieb 'Le Constellation' nicht von einem "
         "Brandschutzexperten der Gemeinde kontrolliert\", gestand Féraud.",
         "Indes soll eine italienische Reporterin"],
        ["Zum Folgen bitte anmelden.", "Abspielen", "Online-Werbung"]),
}


@pytest.mark.parametrize("case", sorted(REAL))
def test_the_story_around_a_box_or_picture_block_stays_whole(case):
    must, must_not = REAL[case]
    text = clean((PAGES_DIR / f"{case}.txt").read_bytes()).text
    lines = text.split("\n")
    for start in must:
        assert any(line.startswith(start) for line in lines), start
    for gone in must_not:
        assert gone not in lines, gone


PAGES = {
    "en": dict(
        menu=["News", "Sport", "Business", "Culture", "Weather", "Sign in", "Subscribe"],
        story=[
            "The council approved the new flood barrier on Tuesday after a two-year review "
            "of the river's defences along the eastern bank.",
            "Engineers said the barrier would protect about 4,000 homes from the kind of "
            "flooding that hit the town in 2019 and 2021.",
            "Work is due to start in the spring and to last eighteen months, with the main "
            "road closed for part of that time.",
            "Residents who live near the site said they welcomed the plan but worried about "
            "the noise and the traffic it would bring.",
        ],
        box=[
            "Flood facts",
            "The river has burst its banks nine times since records began in 1870.",
            "Check whether your home is at risk:",
            "Your street is within 200 metres of the river.",
            "Your home has a basement or a ground-floor flat.",
            "You have been flooded before.",
            "Need advice? Call the flood line any time of day.",
            "Source: Environment Agency",
        ],
        rest=[
            "The council's leader said the barrier was the largest project the town had "
            "undertaken in a generation and was worth the cost.",
            "A public meeting on the timetable will be held at the town hall next month, "
            "when residents can question the engineers.",
        ],
        footer=["Flooding", "Council", "Privacy", "Contact us", "© The Town Gazette"],
    ),
}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_story_after_a_made_up_fact_box_stays(lang):
    """Every paragraph of a made-up page whose box the model sees through stays too."""
    page = PAGES[lang]
    lines = [*page["menu"], *page["story"], *page["box"], *page["rest"], *page["footer"]]
    out = clean("\n".join(lines) + "\n").text.split("\n")
    for paragraph in page["story"] + page["rest"]:
        assert paragraph in out
    for line in page["menu"] + page["footer"]:
        assert line not in out


def test_teasers_under_the_story_are_not_taken_back_as_its_rest():
    page = PAGES["en"]
    teasers = [
        "Mayor Gives Rival a New Nickname and It's a Classic! (VIDEO)",
        "Local Bakery Reveals It Is Losing Customers After Price Rise, Then Begs Them to "
        "Come Back!",
    ]
    lines = [*page["menu"], *page["story"], "More from the Gazette", "Share", "Comment",
             "Most read", *teasers, *page["footer"]]
    out = clean("\n".join(lines) + "\n").text.split("\n")
    for paragraph in page["story"]:
        assert paragraph in out
    for line in teasers:
        assert line not in out


def test_a_fact_box_of_figures_between_two_paragraphs_stays_whole():
    """Blind trial al's German pool story: "Lesen Sie mehr: …", then "Info-Box: Das Hallenbad
    in Zahlen" over five rows of a label and a figure ("Baujahr: 1974"), then the last
    paragraph. The model scored the rows 0.01-0.09 and all went, and a related box's teasers
    of the same shape ("Murnau: Neue Ortsumfahrung bleibt umstritten") hold no figure
    (`locate._fact_runs`)."""
    text = clean((PAGES_DIR / "blind-de-fact-box.txt").read_bytes()).text
    lines = text.split("\n")
    for row in ("Info-Box: Das Hallenbad in Zahlen", "Baujahr: 1974",
                "Besucher pro Jahr (vor Corona): etwa 95.000",
                "Geplante Schließung: Oktober 2024 bis Herbst 2026"):
        assert row in lines
    assert lines[-1].startswith("Wie es weitergeht, soll der Bauausschuss im Mai festlegen.")
    for gone in ("Lesen Sie mehr: Immer weniger Kinder können schwimmen – DLRG schlägt Alarm",
                 "Murnau: Neue Ortsumfahrung bleibt umstritten", "Auch interessant"):
        assert gone not in lines


def test_a_fact_boxs_heading_under_a_related_link_is_no_teaser():
    """Blind trial as's Irish page: "Read More", one teaser, then "The worst-affected
    hospitals" over five rows of a hospital and its count: the heading went as the box's
    second teaser and the rows with it (`locate._facts_under`, `_between_story`)."""
    lines = clean((PAGES_DIR / "blind-en-ie-fact-box-under-teaser.txt").read_bytes()).text.split("\n")
    at = lines.index("The worst-affected hospitals")
    assert lines[at + 2] == "University Hospital Limerick: 118"
    assert "Letterkenny University Hospital: 47" in lines
    assert "Flu vaccine uptake among over-65s falls for third year in a row" not in lines


def test_a_match_reports_facts_over_its_share_row_stay():
    """Blind trial bg's Turkish match report: "Maçın özeti" over four rows of the ground,
    the referees, the goals and a red card, under the last paragraph and over the share
    row. Two of the rows hold no figure, and all went as `layout.after-article`; right over
    the lines that close a story, a figure in one row is enough (`locate._fact_runs`,
    `_closes_story`), and the comments, newsletter and most-read list under it still go."""
    result = clean((PAGES_DIR / "blind-tr-match-facts-over-share-row.txt").read_bytes())
    lines = result.text.split("\n")
    at = lines.index("Maçın özeti")
    assert lines[at + 2:at + 9:2] == [
        "Stat: Bursa Atatürk Stadyumu", "Hakemler: Ali Kaya, Mehmet Tunç, Hasan Er",
        "Goller: Tolga Şen (dk. 22) - Burak Yılmaz (dk. 81)",
        "Kırmızı kart: Emre Aydın (dk. 38, Körfez)"]
    assert lines[at + 8] == lines[-1]
    assert "Paylaş" not in lines and "Yorum yaz" not in lines


def test_a_reviews_production_box_over_a_follow_prompt_stays():
    """Blind trial bh's Dutch theatre review: under its last paragraph, five rows of the
    company, the director, the composer, the dates and the length, over "Volg Cultuur op
    WhatsApp…", went as `layout.after-article`. Over a line a rule names, a figure in two
    rows makes a fact box (`locate._FURNISHED_FACT_FIGURES`); the follow prompt and the
    comments under it still go."""
    result = clean((PAGES_DIR / "trial-bh-nl-review-production-box.txt").read_bytes())
    lines = result.text.split("\n\n")
    assert lines[-5:] == [
        "Door: Toneelgroep De Vrije Val", "Regie: Lotte Verhoeven", "Muziek: Thijs Hoekstra",
        "Te zien: t/m 28 juni in Theater Kikker, Utrecht; daarna op tournee",
        "Duur: 1 uur en 50 minuten, zonder pauze"]
    assert "Volg Cultuur op WhatsApp en mis geen recensie meer" not in result.text
    assert "Reacties (17)" not in result.text
