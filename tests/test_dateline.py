"""A text dump's date comes from its dateline: the short line under the headline that says
when the story ran, in the page's language and its order of day and month. Real dumps of
the dev sets (each page's date as its file name or its HTML's metadata says), and lines
written for one case each."""

from datetime import datetime
from pathlib import Path

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.dateline import dateline_date, opens_with_date

PAGES = Path(__file__).parent / "fixtures" / "text_pages"
NOW = datetime(2026, 12, 3)


@pytest.mark.parametrize(("page", "date"), [
    # "06. 01. 2026, 14:59 Uhr": day first in German (htmldate's patterns said 1 June)
    ("fd-at-salzburgernachrichten-2026-01-06", "2026-01-06"),
    # "15.10.24 23:35": a two-digit year, the page's own date (fetched the next day)
    ("fd-no-nettavisen-2024-10-16", "2024-10-15"),
    # "by Cristina Laila Apr. 28, 2023 1:15 pm": the name beside the date is left out
    ("fd-us-thegatewaypundit-2023-04-28", "2023-04-28"),
    # "渡辺洋介2025年1月13日 21時37分": the reporter's name run into the date
    ("fd-jp-asahishimbun-2025-01-13", "2025-01-13"),
    # "Europawahl 2024" and "Landtagswahl 2023" (menu) above "Veröffentlicht am 27.04.24"
    ("fd-de-hessenschau-2024-04-27", "2024-04-27"),
    # "기사입력 :[ 2018-08-25 15:24 ]"
    ("sh-0ec95c7261d1", "2018-08-25"),
])
def test_a_dump_is_dated_by_its_dateline(page, date):
    assert clean((PAGES / f"{page}.txt").read_bytes()).date == date


def test_a_page_without_a_dateline_has_no_date():
    # Le Figaro's dump dates nothing in its head: its lines holding a year are headlines
    assert clean((PAGES / "fd-fr-lefigaro-2024-11-22.txt").read_bytes()).date is None


HEADLINE = "Council approves new ferry timetable for the winter"
STORY = ["The city council approved a new ferry timetable on Tuesday, cutting two late "
         "crossings while adding an early one for commuters.",
         "The change takes effect on the first of November, the harbour office said.",
         "Ferry operators had asked for the cut since the spring, when fuel costs rose.",
         "Commuters who spoke at the meeting welcomed the earlier crossing."]


@pytest.mark.parametrize(("head", "lang", "date"), [
    # a site header's today's date above the headline is not the story's
    (["Thursday, December 3, 2026", HEADLINE, "By Ana Ruiz | March 12, 2024"], "en",
     "2024-03-12"),
    (["Menu", "Election 2024", HEADLINE], "en", None),  # a year alone is not a date
    ([HEADLINE, "Nov 19, 2019 at 9:08 GMT1 day ago"], "en", "2019-11-19"),  # not relative
    ([HEADLINE, "Kickoff on 11 June 2027"], "en", None),  # after today: an event's date
    ([HEADLINE, "11/03/2024"], "en", "2024-11-03"),  # month first in English
    ([HEADLINE, "11/03/2024"], "fr", "2024-03-11"),  # day first in French
    ([HEADLINE, "Текст: Венера Ерофеева·24 сентября 2018"], "ru", "2018-09-24"),
    ([HEADLINE, "Publicado el 3 de mayo de 2024 - 10:15"], "es", "2024-05-03"),
    ([HEADLINE, "03.05.2024 17:47"], None, "2024-05-03"),  # unknown language: numeric only
    # an update's relative time after the date is no date of its year (blind trial r)
    ([HEADLINE, "12/10/2024 21h47 · Atualizado há 2 horas"], "pt", "2024-10-12"),
    # digits of other scripts are the years they write (blind trial s: Bengali gave none)
    ([HEADLINE, "প্রকাশ: ১২ মে ২০২৫, ১০: ৩০"], "bn", "2025-05-12"),
    ([HEADLINE, "السبت ١٦ مارس ٢٠٢٤ - ٠٢:١٥ م"], "ar", "2024-03-16"),
    ([HEADLINE, "१२ मई २०२५"], "hi", "2025-05-12"),
    # Thai: the Buddhist era's years, "มี.ค." (March) abbreviated (blind trial v gave none)
    ([HEADLINE, "14 มี.ค. 2567 10:45 น."], "th", "2024-03-14"),
    ([HEADLINE, "เผยแพร่: 27 ก.พ. 2567 16:40 น."], "th", "2024-02-27"),
    # a long line of parts is read part by part (a fresh user's page gave none)
    ([HEADLINE, "Published Oct. 14, 2025 at 6:12 p.m. CT | Updated Oct. 14, 2025 at 9:40 "
      "p.m. CT"], "en", "2025-10-14"),
    # a cookie notice and a ticker above the headline do not end the head (blind trial z)
    (["This site uses cookies to improve your experience. Read our cookie policy to learn "
      "more about how we use them.", "Breaking: Highway 344 closes its left lane for road "
      "repairs until April 30, the department says.", HEADLINE,
      "Growers say the checks will slow exports at the height of the season, which peaks "
      "in May.", "April 22, 2025 09:15"], "en", "2025-04-22"),
])
def test_the_dateline_under_the_headline(head, lang, date):
    assert dateline_date([*head, *STORY], lang, head.index(HEADLINE), now=NOW) == date


def test_the_head_ends_at_the_third_paragraph():
    # a date in the story's fourth paragraph is the story's, not the page's
    assert dateline_date([HEADLINE, *STORY[:3], "March 12, 2024"], "en", 0, now=NOW) is None


@pytest.mark.parametrize(("line", "lang", "opens"), [
    ("Lunes 2 de junio de 2025 Edición impresa Suscríbete Iniciar sesión", "es", True),
    ("Δευτέρα 17 Νοεμβρίου 2025 Αθήνα 17°C", "el", True),
    ("4 September 2025 Updated 2 hours ago Shanice Darby, NMN News, Northampton", None, True),
    ("Top 10 films of 2024 ranked by critics", "en", False),  # a count before its year
    ("Monday, June 2, 2025", "en", False),  # a date alone: a stamp, `lines.is_stamp`'s
    ("Apple to cut 2,500 jobs in 2025 as sales slow", "en", False),
])
def test_a_masthead_date_bar_opens_with_the_days_date(line, lang, opens):
    assert opens_with_date(line, lang) is opens


def test_a_table_of_dates_in_the_story_is_no_dateline():
    """Blind trial be: a grant's payment table ("Applied in | Paid by" over "17-30 November |
    12 December") lost its three rows to `dateline.timestamp`, in the HTML too; a grid of
    three rows or more is a table (`pipeline._grids`), whatever its cells hold."""
    story = "".join(f"<p>{s}</p>" for s in STORY)
    page = (f"<html><body><article><h1>{HEADLINE}</h1>{story}"
            "<h2>When will I be paid?</h2><table><tr><th>Applied in</th><th>Paid by</th></tr>"
            "<tr><td>17-30 November</td><td>12 December</td></tr>"
            "<tr><td>December</td><td>16 January</td></tr>"
            "<tr><td>January</td><td>13 February</td></tr></table>"
            "<p>Published 3 November 2025</p></article></body></html>")
    done = clean(page.encode())
    assert "17-30 November | 12 December" in done.text
    assert "January | 13 February" in done.text
    lines = f"{HEADLINE}\n3 November 2025\n" + "\n".join(STORY) + (
        "\nApplied in | Paid by\n17-30 November | 12 December\nDecember | 16 January\n"
        "January | 13 February\n" + STORY[0].replace("The", "A", 1))
    assert "December | 16 January" in clean(lines.encode()).text
    assert "3 November 2025" not in clean(lines.encode()).text
