"""The words a document's lines are read with are its own language's (cleaners/lexicon.py).

One list for all languages made one language's function words another's furniture:
Spanish and Italian "del" (of the) was Norwegian "share", French "les" (the) Norwegian
"read". The look-alike pages (tests/fixtures/lookalikes/<lang>.toml) are plain news prose
in sixteen languages: read with the lexicon of the language detected on them, their paragraphs
hold no furniture word and do not address the reader.
"""

import tomllib
from pathlib import Path

import pytest

from newsclean.cleaners import CleanOptions, clean
from newsclean.cleaners.language import detect_languages, settle_close, stopwords
from newsclean.cleaners.lexicon import lexicon_for
from newsclean.cleaners.lines import WORD_RE

FIXTURES = Path(__file__).parent / "fixtures" / "lookalikes"
LANGS = sorted(p.stem for p in FIXTURES.glob("*.toml"))


def _page(lang: str) -> dict:
    return tomllib.loads((FIXTURES / f"{lang}.toml").read_text("utf-8"))["page"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_pages_prose_holds_no_furniture_word_of_its_language(lang):
    page = _page(lang)
    lines = [*page["menu"], page["headline"], *page["body"], *page["footer"]]
    languages = detect_languages(lines)
    assert languages[:1] == (lang,)
    lexicon = lexicon_for(languages)
    assert lexicon.stopwords == stopwords(lang)
    for paragraph in page["body"]:
        words = WORD_RE.findall(paragraph.lower())
        assert not [w for w in words if w in lexicon.web or w in lexicon.address], paragraph


def test_function_words_of_one_language_are_not_furniture_in_another():
    assert {"del", "les"} <= lexicon_for(("no",)).web  # Norwegian "share", "read"
    for lang in ("es", "it", "fr"):
        assert not {"del", "les"} & lexicon_for((lang,)).web
    assert "last" in lexicon_for(("no",)).call  # "Last ned appen" (download the app)
    assert "last" not in lexicon_for(("en",)).call  # "Last week, the council…"
    assert "comment" not in lexicon_for(("fr",)).call  # "Comment les élus ont-ils voté ?"


def test_close_languages_share_their_words_and_an_unknown_one_gets_all():
    # (one without lists of its own gets English's: the next test)
    # lid.176 reads Norwegian Bokmål as Danish with Norwegian plausible (language.py)
    both = lexicon_for(("da", "no"))
    assert lexicon_for(("da",)).web | lexicon_for(("no",)).web == both.web
    assert lexicon_for(("nb",)) == lexicon_for(("no",))
    everything = lexicon_for(())
    assert lexicon_for(("ja",)).web == lexicon_for(("en",)).web  # no list of its own yet
    assert lexicon_for(("ja",)).stopwords == frozenset()  # and no function words
    for lang in ("en", "de", "ru", "ar"):
        assert lexicon_for((lang,)).web < everything.web
    # the platforms every language's pages name
    assert {"facebook", "newsletter", "podcast"} <= lexicon_for(("tr",)).web


def test_every_listed_word_is_one_word_as_lines_are_split():
    """A listed word that `lines.WORD_RE` splits in two ("e-mail", "abonnez-vous") or cuts
    (a Hindi vowel sign) could never match a line's token."""
    from newsclean.cleaners.lexicon import _CLASSES

    for lang in _CLASSES:
        lexicon = lexicon_for((lang,))
        for word in lexicon.web | lexicon.address | lexicon.call:
            assert WORD_RE.fullmatch(word), (lang, word)
            assert word == word.lower(), (lang, word)


def test_function_words_are_the_most_frequent_of_the_stoplist():
    """jusText's Hebrew list runs to 4,285 words and holds place names; the words that name
    no subject are its most frequent (`language.function_words`)."""
    from newsclean.cleaners.language import FUNCTION_WORDS, function_words, stopwords

    hebrew = function_words("he")
    assert {"של", "את", "על"} <= hebrew and "חיפה" not in hebrew and "חיפה" in stopwords("he")
    assert len(hebrew) == FUNCTION_WORDS and hebrew <= stopwords("he")
    assert {"the", "of", "and"} <= function_words("en")
    assert function_words("zh") == frozenset()


def test_a_language_without_lists_reads_english_furniture_not_every_languages_words():
    vi = lexicon_for(("vi",))
    assert "du" not in vi.address  # "du lịch" (travel), not the German "du" (you)
    assert {"you", "share"} <= vi.address | vi.web
    assert "du" in lexicon_for(()).address  # no language known: every list


@pytest.mark.parametrize(("answers", "languages"), [
    # lid.176 splits a Croatian page between the Serbo-Croatian languages (blind trial o:
    # "unknown", and every language's lists read its "u" as Dutch "you")
    ([("hr", 0.39), ("sh", 0.30), ("sr", 0.16)], ("hr", "sh", "sr")),
    ([("no", 0.35), ("da", 0.30), ("nn", 0.11)], ("no", "da", "nn")),
    # two unrelated languages are a mixed page, not a group
    ([("en", 0.35), ("fr", 0.30), ("de", 0.10)], ()),
])
def test_the_identifier_is_sure_of_a_group_of_close_languages(monkeypatch, answers,
                                                               languages):
    from newsclean.cleaners import language

    monkeypatch.setattr(language, "_identify", lambda text: answers)
    assert detect_languages(["Gradsko vijeće izglasalo je proračun za sljedeću godinu."]) == \
        languages


def test_an_unsure_identifier_is_asked_again_of_a_longer_sample(monkeypatch):
    # blind trial o's Swahili page: sw 0.26 on 240 characters of its longest lines, 0.61 on
    # more; only the unsure pay for the second call
    from newsclean.cleaners import language

    asked = []

    def identify(text):
        asked.append(len(text))
        return [("sw", 0.26 if len(asked) == 1 else 0.61), ("en", 0.08)]

    monkeypatch.setattr(language, "_identify", identify)
    lines = [f"Mstari wa {k}: wananchi wa vijiji kumi watapata maji ya bomba kuanzia mwezi "
             "ujao, afisa wa maji wa wilaya alisema Jumanne." for k in range(12)]
    assert detect_languages(lines) == ("sw",)
    assert asked[0] <= language.SAMPLE_CHARS < asked[1] <= language.RETRY_SAMPLE_CHARS


@pytest.mark.parametrize(("found", "declared", "want"), [
    # the page settles a close group: Norwegian read as Danish, Malay as Indonesian
    (("da", "no"), "nb", ("no", "da")),
    (("id",), "ms-MY", ("ms", "id")),
    (("sr", "hr"), "hr_HR", ("hr", "sr")),
    # a declaration outside the group (a template's default) is not taken
    (("de",), "en", ("de",)),
    (("da",), None, ("da",)),
    ((), "nb", ()),
])
def test_a_pages_declared_language_settles_a_close_group(found, declared, want):
    assert settle_close(found, declared) == want


def test_an_html_page_declared_norwegian_is_reported_norwegian():
    """Blind trial aj's Norwegian interview (<html lang="nb">) was reported Danish."""
    page = Path(__file__).parent / "fixtures" / "html_pages" / "blind-nb-interview.html"
    result = clean(page.read_bytes(), options=CleanOptions(format_hint="html"))
    assert result.stats["language"] == "no"
