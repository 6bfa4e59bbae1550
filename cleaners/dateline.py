"""A text dump's publication date, read from its dateline.

An HTML page states its date in metadata (`html_extract`); a page saved as text keeps only
the line its reader saw under the headline: "3. Mai 2024, 17:47", "Giriş: 03.07.2024 -
18:24", "By Ana Ruiz | 12 de marzo de 2024", "2024年5月3日". That line is found here by its
place (the page's head, nearest after the headline) and its shape (short, holding a year),
and parsed by htmldate's patterns, then by dateparser in the page's language. The dateline
itself is furniture: the rules remove it from the text as before; its date goes to `date`.
"""

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from newsclean.cleaners.lines import LINE_PARTS_RE, ascii_digits, is_prose, is_year, word_count, words_of

# The head of a page: its lines up to the third line of prose from the headline. A dateline
# sits under the headline, beside the byline, and a standfirst may come before it
# (fundus-dev's Der Standard: headline, standfirst, three authors, "3. Mai 2024, 17:47",
# then the story).
HEAD_PROSE_LINES = 3
# A dateline is a short line ("Publicado el 3 de mayo de 2024 - 10:15", "Freitag, 28. April
# 2023 20:29 Uhr Frankfurt | 19:29 Uhr London"); a longer line holding a year is a
# sentence or a headline ("… steigt Ende 2024 aus").
DATELINE_MAX_WORDS = 16
# Lines parsed at most a page: each costs dateparser ~2 ms when htmldate's patterns fail.
MAX_CANDIDATES = 3
# A year of the web's news: 1995 on (htmldate's own floor is 1995 as well).
_YEAR_RE = re.compile(r"(?<!\d)(?:199[5-9]|20\d\d)(?!\d)|(?<!\d)\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)")
EARLIEST = datetime(1995, 1, 1)
# fastText's codes where dateparser names the language otherwise.
_DATEPARSER_LANG = {"no": "nb", "sh": "sr-Latn"}


def dateline_date(page_lines: Sequence[str], lang: str | None, headline: int | None = None,
                  now: datetime | None = None) -> str | None:
    """The date ("YYYY-MM-DD") of the page's dateline, or None.

    `page_lines` are the dump's lines as read, `lang` its language (fastText code, None when
    unknown), `headline` the index of its headline's line (None: not found). Candidates are
    the head's short lines holding a year (HEAD_PROSE_LINES, DATELINE_MAX_WORDS); those at or
    after the headline come first, since a site's header above it may show today's date. A date later than
    `now` (default: the clock) plus a day is an event's, not the page's. Parsing never
    raises: a line no parser reads is passed over."""
    latest = (now or datetime.now(UTC).replace(tzinfo=None)) + timedelta(days=1)
    head: list[tuple[int, str]] = []  # (index, line) of the head's lines that are not prose
    prose = 0
    for i, line in enumerate(page_lines):
        if is_prose(line):
            # counted from the headline: above it, prose is a banner's (a cookie notice, a
            # breaking-news ticker: a Thai page's date line stood under both and its
            # headline, and was not read: blind trial z)
            prose += headline is None or i >= headline
            if prose >= HEAD_PROSE_LINES:
                break
            continue
        head.append((i, line))
    head = [(i, ascii_digits(line)) for i, line in head]
    if lang == "th":
        head = [(i, common_era(line)) for i, line in head]
    under = [line for i, line in head if headline is not None and i >= headline]
    above = [line for i, line in head if headline is None or i < headline]
    # a longer line of parts is asked part by part: "Published Oct. 14, 2025 at 6:12 p.m. CT
    # | Updated Oct. 14, 2025 at 9:40 p.m. CT" (17 words) gave no date (a fresh user's page)
    candidates = [part for line in under + above
                  for part in ([line] if word_count(line) <= DATELINE_MAX_WORDS
                               else LINE_PARTS_RE.split(line))
                  if _YEAR_RE.search(part) and word_count(part) <= DATELINE_MAX_WORDS]
    for line in candidates[:MAX_CANDIDATES]:
        if (date := _parsed(line, lang, latest)) is not None:
            return date
    return None


# Thai pages count years in the Buddhist era, 543 years ahead of the common one ("14 มี.ค.
# 2567 10:45 น.", blind trial v's Thai page: no date), and abbreviate months with dots, of
# which dateparser reads "มี.ค." (March) as January ("ม.ค."): written out, it reads March.
BUDDHIST_ERA_OFFSET = 543
_BUDDHIST_YEAR_RE = re.compile(r"(?<!\d)25[3-9]\d(?!\d)")  # 2530-2599 BE: 1987-2056


def common_era(line: str) -> str:
    """A Thai line's Buddhist-era years in the common era, its "มี.ค." written out."""
    line = _BUDDHIST_YEAR_RE.sub(lambda m: str(int(m.group()) - BUDDHIST_ERA_OFFSET), line)
    return line.replace("มี.ค.", "มีนาคม")


# A date is at most this many words around its year: "3 de mayo de 2024", "Sat 24 Feb
# 2024 12.42", "am 28. April 2023".
DATE_MAX_WORDS = 5
# Between a date's words: spaces, a byline's separators ("Текст: Венера Ерофеева·24
# сентября 2018", sh-3c6d3381ef52), and a letter before a digit: a name run into its date
# ("Tobias Mühlbauer24.04.2024", "渡辺洋介2025年1月13日", whose parts "2025年 1月 13日"
# dateparser reads).
_WORD_GAPS_RE = re.compile(r"[\s|｜·•]+|(?<=[^\W\d_])(?=\d)")
# A numeric date whose day and month could be swapped: "06. 01. 2026", "11/13/19".
_NUMERIC_DATE_RE = re.compile(r"(?<!\d)\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{2,4}(?!\d)")


def _parsed(line: str, lang: str | None, latest: datetime) -> str | None:
    """`line`'s first date as "YYYY-MM-DD", or None when no day, month and year between
    EARLIEST and `latest` is read.

    htmldate's patterns come first (~0.1 ms; numeric dates, month names of a few languages),
    unless the date is numeric: they read "06. 01. 2026" month first in German too.
    Then dateparser in `lang` (its locales hold ~200 languages' month names and their order
    of day and month) on the spans of up to DATE_MAX_WORDS words around the year, longest
    first, so that a byline's name or a label beside the date ("by Cristina Laila Apr. 28,
    2023 1:15 pm", "Veröffentlicht am 27.04.24") is left out: dateparser's own search in a
    line read "Nov. 19, 2019" as nothing and "…GMT1 day ago" as yesterday. A date read must
    be of the year written ("12/10/2024 21h47 · Atualizado há 2 horas" was read as two hours
    before the run: blind trial r). When `lang` is unknown, htmldate alone: dateparser asked
    of every language at once takes seconds."""
    from htmldate.extractors import try_date_expr  # trafilatura's dependency

    numeric = _NUMERIC_DATE_RE.search(line) is not None
    if not numeric or lang is None:
        found = try_date_expr(line, "%Y-%m-%d", False, EARLIEST, latest)
        if found is not None or lang is None:
            return found
    import dateparser  # htmldate's dependency

    languages = [_DATEPARSER_LANG.get(lang, lang)]
    words = _WORD_GAPS_RE.split(line.strip())
    at = next((i for i, w in enumerate(words) if _YEAR_RE.search(w)), None)
    if at is None:
        return None
    spans = sorted(((i, j) for i in range(max(0, at - DATE_MAX_WORDS + 1), at + 1)
                    for j in range(at + 1, min(len(words), i + DATE_MAX_WORDS) + 1)),
                   key=lambda span: span[0] - span[1])
    for i, j in spans:
        try:
            when = dateparser.parse(" ".join(words[i:j]), languages=languages,
                                    settings=_SETTINGS)
        except Exception:  # noqa: BLE001 - a language dateparser lacks: no date
            return None
        if (when is not None and EARLIEST <= when <= latest
                and f"{when.year % 100:02d}" in words[at]):
            return when.strftime("%Y-%m-%d")
    return None


# A masthead's date bar opens with the day's date, the weekday first in most languages, then
# the edition's links or the weather: "Lunes 2 de junio de 2025 Edición impresa Suscríbete",
# "Δευτέρα 17 Νοεμβρίου 2025 Αθήνα 17°C" (blind trial az: both were their dumps' titles).
# Its year stands within this many words of the line's start.
OPENING_DATE_MAX_WORDS = 6
# ...and within this many characters (six words of a weekday's and a month's length).
OPENING_DATE_MAX_CHARS = 60


def opens_with_date(line: str, lang: str | None) -> bool:
    """Does `line` open with a date (`_parsed` reads a day, a month and a year in the words up
    to its year, which stands within OPENING_DATE_MAX_WORDS words, a day's number before it),
    with more words after it: a masthead's date bar, not a headline ("Top 10 films of 2024
    ranked" has a number before its year, and no date)?"""
    if not any(c.isdigit() for c in line[:OPENING_DATE_MAX_CHARS]):
        return False  # asked of every headline candidate: most have no digit up front
    words = words_of(line)
    year = next((k for k, w in enumerate(words[:OPENING_DATE_MAX_WORDS]) if is_year(w)), None)
    if year is None or year + 1 >= len(words) or not any(
            w.isdecimal() and 1 <= int(ascii_digits(w)) <= 31 for w in words[:year]):
        return False
    end = line.find(words[year]) + len(words[year])
    return _parsed(line[:end], lang, datetime.now()) is not None


# A day, a month and a year, all written ("2024" alone, "Nov 2019" are not a dateline's).
_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
