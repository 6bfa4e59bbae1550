"""A comment thread under the story goes, whatever its heading says, in a page dump.

A thread that starts with a counter ("10 commentaires", "3 Kommentare") or a "Reply" button
has no "Leave a Reply" heading for a tail-marker rule; its comments are prose and were kept
as the story's last paragraphs. A comments rule's line with a comment's head right under it
(a name, a clock time or numeric date) opens the thread (cleaners/locate.py,
`opens_a_thread`); the same counter in the share row above the story does not.
"""

from pathlib import Path

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.locate import quotes_the_headline

PAGES_DIR = Path(__file__).parent / "fixtures" / "text_pages"


def test_le_figaros_thread_under_a_counter_goes():
    text = clean((PAGES_DIR / "fd-fr-lefigaro-2024-11-22.txt").read_bytes()).text
    assert "Le dirigeant russe Vladimir Poutine a affirmé jeudi que le conflit en Ukraine" in text
    assert "Comme d’habitude avec les russes, l’inversion accusatoire reste la règle" not in text
    assert "Il ne reste à développer que la guerre humaine" not in text


STORY = {
    "de": [
        "Der Stadtrat hat am Dienstag den Bau der neuen Hochwasserschutzmauer beschlossen, "
        "nachdem die Pläne zwei Jahre lang geprüft worden waren.",
        "Die Mauer soll rund 4000 Haushalte vor Überschwemmungen schützen, wie sie die Stadt "
        "in den Jahren 2019 und 2021 erlebt hat.",
        "Die Arbeiten sollen im Frühjahr beginnen und etwa achtzehn Monate dauern, teilte "
        "ein Sprecher der Stadt mit.",
    ],
    "en": [
        "The council approved the new flood barrier on Tuesday after a two-year review of "
        "the river's defences along the eastern bank.",
        "Engineers said the barrier would protect about 4,000 homes from the kind of flooding "
        "that hit the town in 2019 and 2021.",
        "Work is due to start in the spring and to last eighteen months, a council spokesman "
        "said on Tuesday.",
    ],
}
THREADS = {
    "de": ["3 Kommentare", "Max Muster", "12.05.2024, 10:15",
           "Das hätte man schon vor zehn Jahren machen müssen, aber besser spät als nie.",
           "Erika M.", "12.05.2024, 11:02",
           "Wer bezahlt das eigentlich am Ende? Natürlich wieder die Steuerzahler."],
    "en": ["3 comments", "RiverWatcher", "May 12, 2024 at 10:15 am",
           "They should have built this ten years ago, but better late than never.",
           "Jane D.", "May 12, 2024 at 11:02 am",
           "And who pays for it in the end? The taxpayers, as always."],
}
MENU = {"de": ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur"],
        "en": ["Home", "News", "Business", "Sport", "Culture"]}


@pytest.mark.parametrize("lang", sorted(STORY))
def test_a_thread_under_a_counter_goes_and_the_counter_above_the_story_does_not_cut(lang):
    counter = THREADS[lang][0]
    lines = [*MENU[lang], counter, *STORY[lang], *THREADS[lang]]
    out = clean("\n".join(lines) + "\n").text.split("\n")
    for paragraph in STORY[lang]:
        assert paragraph in out
    for comment in THREADS[lang][3::3]:
        assert comment not in out


@pytest.mark.parametrize(("page", "story", "comments"), [
    # a counter over one-line comments after their writers' names (trial q)
    ("blind-en-live-blog-first-entry.txt", "Fourteen schools are closed today.",
     ["Jo from Stawell: Thinking of everyone", "Dave R: The CFA volunteers are heroes"]),
    # …numbered, in Hebrew
    ("blind-he-numbered-comments.txt", "השיא הקודם נרשם ב-2021.", ["1. דני, חיפה:", "2. מירב:"]),
])
def test_a_thread_of_comments_after_their_writers_names_goes(page, story, comments):
    text = clean((PAGES_DIR / page).read_bytes()).text
    assert story is None or story in text
    assert not [c for c in comments if c in text]


def test_a_thread_under_its_form_and_a_moderation_notice_goes():
    """Blind trial t's Persian page: the comment form's lines ("نظرات", "ارسال نظر"), a
    moderation notice ("نظرات پس از تأیید منتشر می‌شود.": published once approved), then
    "رضا از یزد - ۲۴ اسفند ۱۴۰۳ - ۱۱:۰۲" and the comment under it, which was kept as the
    story's last paragraph (`locate.opens_a_thread`: one short line may stand between)."""
    text = clean((PAGES_DIR / "blind-fa-culture.txt").read_bytes()).text
    assert "خیلی خوب شد، ولی کاش پارکینگ هم برای محله فکر می‌کردند." not in text
    assert "دست مرمتگران درد نکند." not in text
    assert "موزه در ایام نوروز همه‌روزه از ساعت ۹ تا ۲۰ باز خواهد بود" in text


def test_a_thread_under_a_notice_about_comments_and_a_sort_control_goes():
    """Blind trial y's Brazilian page: "Comentários (27)", a 20-word notice that speaks of the
    comments, "Ordenar por: Mais recentes", then "Marcelo Tavares" over "há 3 horas" (a
    relative time) and seven comments, one quoting the story's sentence: the thread was kept.
    """
    text = clean((PAGES_DIR / "blind-pt-br-comment-thread.txt").read_bytes()).text
    assert "Quero ver provarem isso." not in text and "Marcelo Tavares" not in text
    assert "Ano de eleição chegando, aí aparece mutirão." not in text
    assert text.count("A secretaria afirma que a fila de espera por cirurgias eletivas") == 1
    assert "A prefeitura prevê zerar a fila de catarata até o fim do ano" in text


def test_an_html_threads_comments_under_its_counter_go():
    """A fresh user's German div-soup page: "Kommentare (5)" over "Pfälzer66: Unverschämt!"
    and "Lu_Nord: War ja klar." after the story and its related box; the second comment was
    kept as the story's last paragraph (`pipeline._thread_opens`, as `opens_a_thread` in
    text dumps)."""
    page = Path(__file__).parent / "fixtures" / "html_pages" / "fresh-de-divsoup-comments.html"
    text = clean(page.read_bytes()).text
    assert "War ja klar" not in text and "Unverschämt" not in text
    assert "Der Stadtrat will sich in seiner Sitzung am 20. Oktober mit dem Thema befassen." in text


def test_a_thread_without_times_opens_at_its_first_name_comment_and_reply():
    """Blind trial ah's Turkish page: "YORUMLAR", a login notice, then "Ahmet K." / a comment
    / "Yanıtla" with no time stamps; both comments stayed as the story's last paragraphs.
    Its "Çok okunanlar" box kept its fifth headline, "5. …" under "4. …", read as the story's
    own numbered steps going on (`locate._numbered_on`)."""
    page = Path(__file__).parent / "fixtures" / "text_pages" / "blind-tr-university-choices.txt"
    paragraphs = clean(page.read_bytes()).text.split("\n\n")
    assert not [p for p in paragraphs if p.startswith(("Kılavuzda bazı", "Kızım için", "5. Meteo"))]
    assert any(p.startswith("5. Son olarak") for p in paragraphs)  # the story's own step 5
    assert any(p.startswith("Boş kalan kontenjanlar için") for p in paragraphs)
    # its notification prompt, a call whose imperative comes last (pack tr's
    # subscribe.call-to-action-tr, blind trials ah and aj)
    assert not [p for p in paragraphs if "bildirimlere izin verin" in p]


def test_a_japanese_thread_of_a_handle_a_comment_its_votes_and_reply_goes():
    """Blind trial an's Japanese report: "コメント（12件）", the login notice, the handle
    "hama_kyuji" (joined to the notice as its sentence's rest: `segment._HANDLE_RE`), the
    comment, "いいね 34" and "返信" (`locate.opens_a_thread` passes a comment's votes)."""
    text = clean((PAGES_DIR / "blind-ja-baseball-kicker.txt").read_bytes()).text
    assert "中島くんのピッチングは本当に見事でした" not in text
    assert "大和西は26日の準決勝で東海大相模と対戦する。" in text


def test_numbered_talkbacks_under_the_counter_are_a_thread():
    """Blind trial az's Hebrew page: talkbacks numbered from one ("1. סוף סוף משהו טוב לצפון
    דני, נהריה"), a title and its writer's name each, under the counter and its "add a
    comment" control, were kept as the story's last paragraphs."""
    result = clean((PAGES_DIR / "blind-he-numbered-talkbacks.txt").read_bytes())
    assert result.text.endswith("ומתוכנן לפעול עד סוף העשור.")


def test_a_blogs_thread_under_a_heading_that_quotes_the_post_goes():
    """Blind trial bi's WordPress blogs: the thread's heading quotes the post's headline
    after its count ("3 Rückmeldungen zu „Hagel zerstört …“"), the comments' heads are
    numbered list items in a lynx dump ("1. Gerti aus Hofstätten meint:"), and no rule names
    the heading; the comments were kept as the story's last paragraphs."""
    text = clean((PAGES_DIR / "trial-bi-de-wordpress-lynx.txt").read_bytes()).text
    assert "erneut vor schweren Gewittern in der Oststeiermark" in text
    assert "Gerti aus Hofstätten" not in text and "Danke für den raschen Bericht" not in text


def test_a_thread_heading_that_quotes_the_headline_ends_the_story_in_any_language():
    # Estonian: no pack names "mõtet teemal" (thoughts on)
    headline = "Tartu linnavolikogu kinnitas uue bussivõrgu"
    story = ["Tartu linnavolikogu kinnitas neljapäeval uue bussivõrgu, mis hakkab kehtima "
             "järgmise aasta jaanuarist ja toob linna kolm uut liini.",
             "Linnavalitsuse sõnul lühenevad ootamisajad kesklinnas keskmiselt neli minutit, "
             "kuid mõned äärelinna peatused kaotatakse.",
             "Opositsioon kritiseeris otsust, sest elanikega peeti nõu vaid kaks nädalat."]
    thread = [f"3 mõtet teemal „{headline}“", "1. Mari ütleb:",
              "Lõpuks ometi, Annelinnas on bussid alati täis olnud.", "2. Peeter ütleb:",
              "Miks kaotati peatus meie maja juures? Keegi ei küsinud meilt."]
    menu = ["Tartu Päevaleht", "Avaleht", "Uudised", "Sport", "Kultuur", "Arvamus", "Kontakt"]
    footer = ["Vasta", "Lisa kommentaar", "© 2025 Tartu Päevaleht", "Kõik õigused kaitstud"]
    text = clean("\n\n".join([*menu, headline, *story, *thread, *footer]) + "\n").text
    assert all(p in text for p in story)
    assert "Annelinnas" not in text and "Keegi ei küsinud meilt" not in text


@pytest.mark.parametrize(("lines", "expected"), [
    (["Hagel zerstört halbe Apfelernte", "Text.",
      "3 Rückmeldungen zu „Hagel zerstört halbe Apfelernte“"], True),
    (["Thirty years of floods in Ellis County", "Text.",
      "12 thoughts on “Thirty years of floods in Ellis County”"], True),
    # a reference list quotes a title listed above it (readability-dev's Wikipedia page)
    (["Christmas Every Day", "Text.", '^ Caro, Jason. "Christmas Every Day"'], False),
    # a section's name after one word (fundus-dev's Corriere della Sera footer)
    (["Questa è l'Europa", "Text.", 'Podcast "Questa è l\'Europa"'], False),
    # a quotation of no line above
    (["Flood barrier approved", "Text.", "3 thoughts on “A different post altogether”"], False),
])
def test_a_thread_heading_quotes_a_whole_line_above_after_a_few_words(lines, expected):
    assert quotes_the_headline(lines, len(lines) - 1) is expected


def test_a_long_threads_comments_never_outweigh_the_story_above_its_heading():
    # fresh-user check #37: a French story under a thread of ~270 comments, each its writer's
    # name and time, its text, "Répondre · Signaler". The model kept dozens of comments, the
    # story then held less than half the kept words, and the heading over the first
    # comment's head was not taken for the thread's start: 20 comments were the story's
    text = clean((PAGES_DIR / "fresh-fr-long-comment-thread.txt").read_bytes()).text
    assert text.rstrip().endswith("Le jugement sur le fond est attendu d'ici à l'automne.")
    assert "(Avec AFP)" not in text  # the wire's credit (credit.with-information-from)
    for comment in ("L'ARS décide tout depuis Rennes", "Signez la pétition",
                    "Merci pour cet article très complet"):
        assert comment not in text
