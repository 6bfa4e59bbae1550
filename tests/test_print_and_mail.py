"""Plain text a newsroom's archive holds besides scraped pages (fresh-user check #28): wire
copy forwarded by e-mail, its story under "> " quote marks (`normalize.unquote`,
`mail.header_blocks`), and print pages saved as text, their paragraphs wrapped with no blank
line between them (`segment._paragraph_runs`)."""

import re
from pathlib import Path

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.mail import header_blocks
from newsclean.cleaners.normalize import unquote, unwrap
from newsclean.cleaners.segment import split_units

PAGES = Path(__file__).parent / "fixtures" / "text_pages"


def _words(text: str) -> str:
    return " ".join(text.split())


# (page, sentences of the forwarded story, lines of the mail around it, the story's title)
FORWARDED = [
    ("blind-en-forwarded-ap-wire.txt",
     ["WASHINGTON (AP) — The House on Monday passed a stopgap spending bill that would keep the "
      "federal government open through May 15",
      "The vote was 231-198, with 14 Democrats joining most Republicans in support.",
      "He said negotiators were close to agreement on a full-year package",
      "A shutdown would furlough roughly 800,000 federal workers"],
     ["Can someone pick this up for B1?", "From: AP Newswire", "Subject: BC-US--Budget",
      "Deputy Metro Editor", "CONFIDENTIALITY NOTICE"],
     "House passes stopgap spending bill hours before shutdown deadline"),
    ("blind-de-forwarded-dpa-wire.txt",
     ["Ein Streik der Lokführergewerkschaft hat am Montag den Fernverkehr der Deutschen Bahn",
      "Die Bahn nannte den Streik unverhältnismäßig"],
     ["Von: Nachrichtenredaktion", "Betreff: WG:", "Bitte für morgen Seite 2 prüfen",
      "Mit freundlichen Grüßen", "Diese E-Mail enthält vertrauliche"],
     None),
    # its own lines outweigh the story: before, only its headers went (fresh-user check #29)
    ("fresh-de-forward-long-wrapper.txt",
     ["Kiel (nla) - Der Landtag hat am Dienstagabend ein Gesetz zur Entsorgung von "
      "Hafenschlick verabschiedet.", "Das Gesetz tritt am 1. Januar 2025 in Kraft."],
     ["Hallo zusammen,", "Viele Grüße", "Chefin vom Dienst", "Diese E-Mail enthält",
      "Ursprüngliche Nachricht"],
     None),
    ("blind-es-forwarded-efe-wire.txt",
     ["El Gobierno chileno y la principal central sindical del país alcanzaron este lunes",
      "El proyecto de ley deberá ser aprobado por el Congreso antes de finales de abril."],
     ["De: Mesa de Internacional", "Asunto: RV:", "Os lo paso por si cabe", "Un saludo,",
      "AVISO LEGAL"],
     "Chile eleva el salario mínimo un 6 % tras un acuerdo con los sindicatos"),
    ("blind-ar-forwarded-wire.txt",
     ["رفعت مصر يوم الاثنين أسعار البنزين والسولار",
      "ويتوقع محللون أن تؤدي الزيادة إلى ارتفاع معدل التضخم السنوي"],
     ["من: مكتب الأخبار", "الموضوع: إعادة توجيه", "للنشر في صفحة الاقتصاد غدا.", "مع خالص التحية",
      "تنويه: هذه الرسالة"],
     "مصر ترفع أسعار الوقود للمرة الثانية هذا العام"),
]


@pytest.mark.parametrize(("page", "story", "mail", "title"), FORWARDED,
                         ids=[f[0] for f in FORWARDED])
def test_a_forwarded_wire_story_is_the_quoted_part_of_its_mail(page, story, mail, title):
    """Before, the English story lost its lead and the first line of most paragraphs (none
    began a sentence behind "> "), the German one read "…der > Deutschen Bahn…", and every
    one kept its headers, cover note and signature, a header line as its title and its
    sender as its author."""
    raw = (PAGES / page).read_bytes()
    done = clean(raw)
    out = _words(done.text)
    assert [s for s in story if _words(s) not in out] == []
    assert ">" not in done.text
    assert [m for m in mail if m in done.text] == []
    assert done.title == title
    assert done.author is None or "@" not in done.author
    # every removal still points at its own text in the file, quote marks and all
    text = raw.decode("utf-8")
    for r in done.removed:
        assert _words(re.sub(r"(?m)^> ?", "", text[r.start:r.end])) == _words(r.text)


def test_a_story_that_quotes_a_few_lines_keeps_its_quote_marks():
    """The gutter goes only where the quoted lines are most of the text: a story quoting a
    reader's mail, or a Markdown page's quoted shell session, is left as it is."""
    text = ("The council published the letter on Tuesday.\n" * 6
            + "> We ask the council to reconsider.\n> Signed, the residents.\n"
            + "> Riverton, March 2026\n")
    assert unquote(text) == (text, ())
    quoted, gone = unquote("Note:\n> One line of the story.\n> Two.\n> Three.\n")
    assert quoted == "Note:\nOne line of the story.\nTwo.\nThree.\n"
    assert gone == (6, 6, 29, 29, 34, 34)


def test_two_labelled_lines_with_an_address_are_no_mail_header():
    """A press release's contact lines are the story's, not a mail's header block."""
    lines = ["Media contact: Janet Ruiz", "Email: jruiz@example.org", "The clinic opens in May."]
    assert header_blocks(lines) == []
    assert header_blocks(["-----Original Message-----", "From: A <a@b.org>", "Sent: Monday",
                          "To: Desk", "Subject: Budget", "Story."]) == [(0, 5)]


def test_a_print_page_keeps_each_wrapped_paragraph_whole():
    """A print page saved as text wraps its paragraphs with no blank line between them; read
    line by line, a paragraph was cut where a sentence ran over a line ("…who lives on" /
    "Maple Terrace.") or a line began with a number ("…in the spring of" / "2028. …")."""
    done = clean((PAGES / "blind-en-print-page.txt").read_bytes())
    paragraphs = done.text.split("\n\n")
    assert any(p.endswith('said Lorraine Betts, who lives on Maple Terrace.') for p in paragraphs)
    assert paragraphs[0].startswith("RIVERTON — The City Council voted 6-1")
    assert paragraphs[0].endswith("laid before the First World War.")
    assert "with a two-year schedule" in done.text
    assert "THE RIVERTON HERALD" not in done.text
    units = split_units("THE RIVERTON HERALD\n"
                        "The depot, which will house 40 buses, is expected to open in the spring of\n"
                        "2028. Council member Ahmed Yusuf, who voted against the plan, said the city\n"
                        "had underestimated the clean-up costs.\n"
                        "Construction is due to start in September.\n")
    assert [u.text[:9] for u in units] == ["THE RIVER", "The depot", "Construct"]
    assert units[1].text.endswith("in the spring of 2028. Council member Ahmed Yusuf, who "
                                  "voted against the plan, said the city had underestimated "
                                  "the clean-up costs.")


def test_a_page_of_one_paragraph_a_line_is_not_read_as_wrapped():
    """A long headline over a long lead has a wrapped paragraph's shape, but a page dump's
    lines are mostly no such paragraph: its lines stay its units."""
    lines = ["Council approves the new electric bus depot on the former rail yard after years",
             "The city council voted 7-2 on Monday night to approve a new electric bus depot.",
             "Residents of the Eastside asked for a noise wall along the yard's northern edge.",
             "Share this article", "Most read", "Weather: sunny spells, 14 degrees"]
    assert [u.text for u in split_units("\n".join(lines))] == lines


@pytest.mark.parametrize(("wrapped", "joined"), [
    ("会派から\n   は、反対した。", "会派からは、反対した。"),  # Japanese: no space between words
    ("市议会\n通过了计划。", "市议会通过了计划。"),
    ("시의회가\n계획을 통과시켰다.", "시의회가 계획을 통과시켰다."),  # Korean sets spaces
    ("the council\nvoted", "the council voted"),
])
def test_a_wrapped_cjk_paragraph_is_joined_without_a_space(wrapped, joined):
    assert " ".join(unwrap(wrapped).split()) == joined
