"""News that looks like boilerplate, in twenty-one news languages besides English: each
sentence uses a word the rules and the line model take as a sign of chrome ("Lesen Sie
auch", "abonnés", "publicidad", "commenti", "direitos", "reclame", "Читайте также",
"Zaloguj się", "abone", "بیشتر بخوانید", "קראו גם", "Читайте також", "Citește și",
"Διαβάστε επίσης", "Olvassa el ezt is", "Lees ook", "ഷെയർ ചെയ്യുക"), yet reports news.
The first rule of the product is never to lose one: no rule names any of them at any
position, and a page dump holding them between menus and a footer keeps every one
(`tests/fixtures/lookalikes/<lang>.toml`: the sentences, and the page's menu, headline, own
paragraphs and footer; English: `lookalikes.txt`)."""

import tomllib
from pathlib import Path

import pytest

from newsclean.cleaners import clean, default_rules
from newsclean.cleaners.rules import Where

FIXTURES = Path(__file__).parent / "fixtures" / "lookalikes"
LANGS = sorted(p.stem for p in FIXTURES.glob("*.toml"))


def _fixture(lang: str) -> dict:
    return tomllib.loads((FIXTURES / f"{lang}.toml").read_text("utf-8"))


def test_every_language_has_its_sentences_and_a_page():
    assert len(LANGS) == 21
    for lang in LANGS:
        fixture = _fixture(lang)
        assert len(fixture["sentences"]) >= 6
        assert set(fixture["page"]) == {"menu", "headline", "body", "footer"}


@pytest.mark.parametrize("lang", LANGS)
def test_no_rule_names_a_news_sentence_at_any_position(lang):
    rules = default_rules().for_languages((lang,))
    named = {s: [str(w) for w in Where if w is not Where.TAIL_MARKER
                 and rules.match(s, w) is not None] for s in _fixture(lang)["sentences"]}
    assert not {s: w for s, w in named.items() if w}


@pytest.mark.parametrize("lang", LANGS)
def test_a_page_dump_keeps_every_news_sentence(lang):
    fixture = _fixture(lang)
    page, sentences = fixture["page"], fixture["sentences"]
    body = [page["body"][0], *sentences[: len(sentences) // 2], page["body"][1],
            *sentences[len(sentences) // 2:], page["body"][2]]
    dump = "\n".join([*page["menu"], page["headline"], *body, *page["footer"]]) + "\n"
    result = clean(dump)
    assert result.stats["language"] == lang
    kept = set(result.text.split("\n\n"))
    assert not [s for s in sentences if s not in kept]
    assert not kept & {*page["menu"], *page["footer"]}  # and the page around them goes
