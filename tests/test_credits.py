"""A picture's credit printed on its caption's line goes, with the caption when the line is
no longer than a caption (pipeline.CAPTION_MAX_WORDS); every sentence of the story stays
(cleaners/credits.py). Lines from the dev sets' dumps and from blind-written pages."""

from pathlib import Path

import pytest

from newsclean.cleaners import clean
from newsclean.cleaners.credits import credit_tail
from newsclean.cleaners.rules import Where, default_rules

CAPTIONS = [
    # fundus-dev (Luxemburger Wort, Aftonbladet, VnExpress), readability-dev (Aktuálně)
    ("Alexandre Kess führt das Feld an. Foto: Alexander Daleiden", "Foto: Alexander Daleiden"),
    ("Hanna har varit försvunnen sedan den 6 januari. Foto: Bild Från Polisen.",
     "Foto: Bild Från Polisen."),
    ("Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp", "Ảnh: Bệnh viện cung cấp"),
    ("Declan Rice po vítězství na Aston Ville. | Foto: Reuters", "Foto: Reuters"),
    # blind-written pages: Hindi, Serbian Cyrillic, Croatian
    ("राजवाड़ा क्षेत्र में जब्त की गई पॉलीथिन। (फोटो: मालवा दर्पण)", "(फोटो: मालवा दर्पण)"),
    ("Аутобус линије 4 на Булевару ослобођења. Фото: Новосадски гласник/Милан Илић",
     "Фото: Новосадски гласник/Милан Илић"),
    ("Turistički autobusi na Zvonimirovoj ulici prošlog kolovoza. Foto: Mario Tomić/Jadranski list",
     "Foto: Mario Tomić/Jadranski list"),
    # Chinese and Japanese: the verb last, in full-width brackets closing the unspaced line
    # (blind trials u and w)
    ("実証運行で使われているワゴン車＝金沢市湯涌町で（北陸新報社撮影）", "（北陸新報社撮影）"),
    ("強風豪雨侵襲花蓮市區，路樹倒塌阻斷交通。（記者林怡君攝）", "（記者林怡君攝）"),
    # blind trials ag and ah: no space after a Chinese full stop, an Arabic-script semicolon,
    # a Thai space before the label, a Japanese provider's credit, a German comma
    ("西湖景区预约限流区域示意图。图片由西湖风景名胜区管委会提供", "图片由西湖风景名胜区管委会提供"),
    ("آسمان تهران در روزهای آلوده؛ عکس: آرشیو", "عکس: آرشیو"),
    ("ขยะที่เจ้าหน้าที่ลอกออกจากท่อระบายน้ำย่านรัชดาภิเษก ภาพ: สำนักการระบายน้ำ",
     "ภาพ: สำนักการระบายน้ำ"),
    ("秋田市内の住宅街近くで目撃されたツキノワグマ（読者提供）", "（読者提供）"),
    ("Alex Lowes fährt bisher eine starke Superbike-Saison 2024, Foto: LAT Images",
     "Foto: LAT Images"),
    # blind trial aj: a file picture's tag after a dash, unbracketed (Pakistani papers)
    ("اسٹیٹ بینک آف پاکستان کی کراچی میں واقع عمارت — فائل فوٹو", "فائل فوٹو"),
    ("The State Bank of Pakistan's building in Karachi. — File photo", "File photo"),
    # blind trial al: a Polish label abbreviated with a full stop after a comma, a Japanese
    # caption taken from the paper's helicopter
    ("Zdjęcie ilustracyjne, fot. Shutterstock", "fot. Shutterstock"),
    ("仮設商店街の建設が進む輪島市の旧マリンタウン駐車場＝28日、本社ヘリから", "＝28日、本社ヘリから"),
    # blind trial al: a French daily's photographer in capitals for the paper; fresh-user
    # check #9: an English provider's courtesy in brackets
    ("Le lac de retenue de Vinça, dans les Pyrénées-Orientales, le 9 avril 2024. JEAN-MARC "
     "DURAND POUR « LE QUOTIDIEN DU SOIR »", "JEAN-MARC DURAND POUR « LE QUOTIDIEN DU SOIR »"),
    ("Firefighters work to put out the fire on Maple Hollow Drive. (Courtesy: Elm Grove Fire "
     "Department)", "(Courtesy: Elm Grove Fire Department)"),
    # blind trial av: a news agency alone in brackets (it), the photographer after the
    # label (ja), the photographer's credit with the verb last after a space and the
    # provider's credit (zh)
    ("Una famiglia davanti a uno sportello Inps a Milano. (Ansa)", "(Ansa)"),
    ("後半40分、決勝ゴールを決めて喜ぶ神戸の大迫（中央） （撮影・田中亮）", "（撮影・田中亮）"),
    ("林国栋院士在海南三亚南繁基地的试验田里（资料图） 新华社记者 王强 摄", "新华社记者 王强 摄"),
    ("2019年，林国栋（左二）在试验田指导青年科研人员。 受访者供图", "受访者供图"),
]

SENTENCES = [
    # a sentence after a sentence, which a credit pattern's words admit, is no credit
    "The fire spread to three houses on Monday. Video by a neighbour shows the blaze.",
    "Die Ausstellung endet am Sonntag. Foto- und Filmaufnahmen sind nicht erlaubt.",
    # a line that is only a credit is the whole-line rules' to name, not a caption's tail
    "Foto: Alexander Daleiden",
    # a label's colon after a space is a credit only where a credit rule names it
    "Der Minister sagte am Montag: Wir bleiben dabei.",
    # and only after a comma or in a script that marks no sentence's end: a headline
    # (fundus-dev's WAZ lost its title to it)
    "Erstes Bild: So könnte die Duisburger Seilbahn aussehen",
    # a caption without a credit
    "Sieger Arthur Kluckers umrahmt von Luc Wirtgen (l.) und Alexandre Kess (r.).",
]


def _named(text: str):
    return default_rules().lookup(None)(text, Where.ANYWHERE)


@pytest.mark.parametrize(("line", "credit"), CAPTIONS)
def test_the_credit_at_the_end_of_a_caption_is_found(line: str, credit: str):
    found = credit_tail(line, _named)
    assert found is not None
    at, rule = found
    assert line[at:] == credit
    assert rule.family == "credit"


# blind trial al: a copyright mark and a name with no year after a caption is the picture's
# holder (the copyright rule names it); with a year it is the page's footer, glued on
HOLDERS = [
    ("Langs de Bospoort in Ede staan nog honderden bomen. Een deel ervan moet wijken voor de "
     "nieuwe snelfietsroute. © Erik van Leeuwen", "© Erik van Leeuwen"),
    ("Das Penzberger Hallenbad stammt aus dem Jahr 1974. Nun soll es grundlegend saniert "
     "werden. © Archiv/Hans Rieger", "© Archiv/Hans Rieger"),
]


@pytest.mark.parametrize(("line", "credit"), HOLDERS)
def test_a_copyright_holder_without_a_year_after_a_caption_is_its_credit(line: str, credit: str):
    found = credit_tail(line, _named)
    assert found is not None
    assert line[found[0]:] == credit


def test_a_footers_copyright_with_a_year_glued_to_a_sentence_is_no_credit():
    assert credit_tail("De raad besliste in 2019 anders. © 2024 Dagblad Gelderse Vallei",
                       _named) is None


@pytest.mark.parametrize("line", SENTENCES)
def test_no_credit_in_a_sentence_or_a_bare_credit(line: str):
    assert credit_tail(line, _named) is None


def test_clean_drops_the_caption_with_its_credit_and_records_where_it_stood():
    caption = "Feuerwehrleute pumpen einen Keller in der Bahnhofstraße leer. Foto: Alexander Daleiden"
    story = [
        "Wolkenbruch setzt Keller in Echternach unter Wasser",
        "Ein heftiges Gewitter hat am Montagabend in Echternach mehrere Keller unter Wasser "
        "gesetzt, wie die Feuerwehr am Dienstag mitteilte.",
        "Die Einsatzkräfte rückten nach eigenen Angaben zu mehr als 40 Einsätzen aus, "
        "verletzt wurde niemand.",
        caption,
        "Der Deutsche Wetterdienst hatte für den Abend vor Starkregen gewarnt, die Pegel der "
        "Sauer stiegen aber nur leicht an.",
        "Die Aufräumarbeiten sollen bis Mittwoch dauern, teilte die Gemeinde mit.",
    ]
    raw = "\n".join(story) + "\n"
    result = clean(raw.encode())
    assert "Feuerwehrleute pumpen" not in result.text and "Daleiden" not in result.text
    assert "Der Deutsche Wetterdienst hatte" in result.text
    cut = [r for r in result.removed if r.where == "caption"]
    assert [r.text for r in cut] == [caption]
    assert raw[cut[0].start:cut[0].end] == caption
    assert cut[0].rule.startswith("credit.")


def test_a_paragraph_with_a_credit_glued_on_keeps_its_sentences():
    """Longer than a caption: the story's paragraph, a credit glued to its end; only the
    credit goes, recorded where it stood."""
    paragraph = ("Die Einsatzkräfte rückten nach eigenen Angaben zu mehr als 40 Einsätzen aus, "
                 "verletzt wurde niemand. Am stärksten betroffen waren die Bahnhofstraße und "
                 "die Gassen rund um den Marktplatz, wo das Wasser binnen einer halben Stunde "
                 "knöcheltief stand und mehrere Geschäfte ihre Auslagen räumen mussten, "
                 "berichteten Anwohner am Dienstagmorgen.")
    raw = "\n".join([
        "Wolkenbruch setzt Keller in Echternach unter Wasser",
        "Ein heftiges Gewitter hat am Montagabend in Echternach mehrere Keller unter Wasser "
        "gesetzt, wie die Feuerwehr am Dienstag mitteilte.",
        f"{paragraph} Foto: Alexander Daleiden",
        "Die Aufräumarbeiten sollen bis Mittwoch dauern, teilte die Gemeinde mit."]) + "\n"
    result = clean(raw.encode())
    assert paragraph in result.text and "Daleiden" not in result.text
    cut = [r for r in result.removed if r.where == "caption-tail"]
    assert [r.text for r in cut] == ["Foto: Alexander Daleiden"]
    assert raw[cut[0].start:cut[0].end] == "Foto: Alexander Daleiden"


def test_a_caption_the_article_opens_with_goes_with_its_credit_and_a_lead_stays():
    """Blind trial v's Ukrainian page: the model kept the picture's caption as the article's
    first line, over "Фото: …"; a first line shorter than prose is the caption. A lead over
    a credit (field case 20's Arabic one) is prose and stays."""
    from pathlib import Path

    page = (Path(__file__).parent / "fixtures" / "text_pages" / "blind-uk-flood.txt")
    result = clean(page.read_bytes())
    assert "Підтоплена вулиця в селі Дерцен." not in result.text
    # the deck between the headline and the byline stays (locate._deck_over_byline)
    assert result.text.split("\n\n")[:2] == [
        "Найскладніша ситуація у Мукачівському та Берегівському районах. Рятувальники "
        "евакуювали 64 людини.", next(p for p in result.text.split("\n\n")
                                      if p.startswith("Через тривалі зливи на Закарпатті"))]
    lead = ("Міністерство водних ресурсів у вівторок відкрило нову станцію опріснення морської "
            "води в місті Прибережне потужністю сто тисяч кубометрів на добу.")
    rest = ("Станція забезпечить водою близько пів мільйона мешканців міста та навколишніх сіл, "
            "повідомили у відомстві.")
    kept = clean(f"{lead}\nФото: Міністерство водних ресурсів\n{rest}\n").text
    assert lead in kept and rest in kept


@pytest.mark.parametrize(("fixture", "last_paragraph", "credit"), [
    ("fresh-hu-last-paragraph-over-credit-and-tags.txt",
     "Az ellenzéki önkormányzati képviselők népszavazást kezdeményeznek a kérdésben, "
     "ehhez mintegy 20 ezer aláírást kell összegyűjteniük.", "Fotó: Hajdú Hírek"),
    ("fresh-he-last-paragraph-over-credit.txt",
     "חוקרי שריפות יבדקו אם האש הוצתה בכוונה. לפי ההערכות, השריפה לא תכובה לחלוטין לפני "
     "מחר בבוקר.", "צילום: דוברות כבאות והצלה"),
])
def test_the_storys_last_paragraph_over_a_credit_at_its_end_stays(
        fixture: str, last_paragraph: str, credit: str):
    """Fresh-user check #31's Hungarian and Hebrew stories: the last paragraph over "Fotó:
    Hajdú Hírek / Nagy Péter" and "Címkék: …", and over "צילום: …" where the article's
    lines end, went as the credit's caption. Over the lines that close a story or at the
    article's end, once the story has run, a credit is its last picture's or its source's
    (`pipeline._over_story_end`); the credit itself still goes."""
    pages = Path(__file__).parent / "fixtures" / "text_pages"
    text = clean((pages / fixture).read_bytes()).text
    assert last_paragraph in text
    assert credit not in text

