"""The shipped language packs: every pack loads, every rule's examples match and its
counter-examples (news sentences in that language) do not, the field cases' news lines match no
rule, and the matcher's shortcuts still pick exactly the rule that trying each rule would."""

import json
import tomllib
from importlib import resources

import pytest

from newsclean.cleaners import default_rules
from newsclean.cleaners.rules import (
    RulePack,
    RuleSet,
    Where,
    default_pack,
    parse_pack,
    shipped_packs,
)
from tests.conftest import ROOT
from tests.test_rule_matching import POSITIONS, _one_by_one

PACKS = resources.files("newsclean.cleaners.packs")
PACK_FILES = sorted(p.name for p in PACKS.iterdir() if p.name.endswith(".toml"))
LANGUAGE_PACKS = [n for n in PACK_FILES if n != "default.toml"]
FIELD = ROOT.parent / "shared" / "eval" / "field"
FUNDUS = ROOT.parent / "shared" / "eval" / "fundus-dev"


def _raw(name: str) -> dict:
    return tomllib.loads(PACKS.joinpath(name).read_text("utf-8"))


def _rules_of(names: list[str]) -> list[tuple[str, dict]]:
    return [(n, r) for n in names for r in _raw(n)["rules"]]


def test_default_rules_load_every_shipped_pack_default_first():
    packs = shipped_packs()
    assert [p.name for p in packs] == ["default"] + [n.removesuffix(".toml")
                                                     for n in LANGUAGE_PACKS]
    assert len(LANGUAGE_PACKS) >= 7
    everything = default_rules()
    assert everything.packs == packs
    assert everything.fingerprint != RuleSet((default_pack(),)).fingerprint
    ids = [r.id for r in everything.rules]
    assert len(ids) == len(set(ids))  # a language pack never silently replaces a default rule


@pytest.mark.parametrize("name", PACK_FILES)
def test_pack_loads_and_checks_its_examples(name):
    pack = parse_pack(PACKS.joinpath(name).read_text("utf-8"), name)
    assert pack.rules
    assert pack.name == name.removesuffix(".toml")


@pytest.mark.parametrize(("name", "rule"), _rules_of(LANGUAGE_PACKS),
                         ids=lambda v: v["id"] if isinstance(v, dict) else v)
def test_language_rule_examples_match_and_counter_examples_do_not(name, rule):
    code = name.removesuffix(".toml")
    if code == "zxx":  # language-neutral: no words of any language
        assert "lang" not in rule
    else:
        assert rule["lang"] == code
        assert rule["id"].endswith(f"-{code}")
    assert rule.get("examples") and rule.get("counter_examples"), "both are required"
    assert "Measured on the three dev sets" in rule.get("note", "")
    parsed = parse_pack(PACKS.joinpath(name).read_text("utf-8"), name)
    alone = RuleSet((RulePack(code, "0", tuple(r for r in parsed.rules if r.id == rule["id"])),))
    position = {"leading": Where.LEADING}.get(rule.get("where", ""), Where.TRAILING)
    for ex in rule["examples"]:  # through the matcher: max_words and where admit it too
        hit = alone.match(ex, position)
        assert hit is not None and hit.id == rule["id"], ex
    rx = next(r for r in parsed.rules if r.id == rule["id"]).compiled()  # with its guard
    for ex in rule["counter_examples"]:
        assert not rx.fullmatch(ex), ex


def _must_keep() -> list[tuple[str, str]]:
    if not FIELD.is_dir():
        return []
    return [(p.parent.name, line) for p in sorted(FIELD.glob("*/expect.json"))
            for line in json.loads(p.read_text("utf-8")).get("must_keep", [])]


@pytest.mark.skipif(not FIELD.is_dir(), reason="the shared field cases are not here")
@pytest.mark.parametrize(("case", "line"), _must_keep())
def test_field_news_lines_match_no_rule(case, line):
    for where in Where:
        if where is not Where.TAIL_MARKER:
            hit = default_rules().match(line, where)
            assert hit is None, (case, where, hit.id if hit else None)


@pytest.mark.parametrize("name", LANGUAGE_PACKS)
def test_pack_matches_exactly_as_rule_by_rule(name):
    """The first-character and literal-gate shortcuts hold for the language packs' patterns
    (non-ASCII first letters, ’ apostrophes, case-sensitive company headings) as well."""
    rules = RuleSet((parse_pack(PACKS.joinpath(name).read_text("utf-8"), name),))
    spec = _one_by_one(rules)
    lines: list[str] = []
    for _name, rule in _rules_of(PACK_FILES):  # every pack's lines: other languages' too
        for ex in rule.get("examples", []) + rule.get("counter_examples", []):
            lines += [ex, ex.upper(), f"x {ex}", ex.replace("i", "İ")]
    if FUNDUS.is_dir():
        for path in sorted(FUNDUS.glob("*/raw.txt"))[:3]:
            lines += path.read_text("utf-8", errors="replace").splitlines()
    lines = [ln.strip() for ln in dict.fromkeys(lines) if ln.strip()]
    for _ in range(2):  # the second pass runs on compiled alternations
        for line in lines:
            for position in POSITIONS:
                expected = spec(line, position, "example.com")
                got = rules.match(line, position, "example.com")
                assert (got.id if got else None) == expected, (line, position)


# The identifier reads Norwegian Bokmål as Danish now and then (fundus-dev's Nettavisen page:
# da 0.58, no 0.34): the rules of both close languages apply to such a page.
NETTAVISEN_SAMPLE = [
    "Om lag én av ti kvinner i Norge opplever depressive symptomer i forbindelse med "
    "graviditet og fødsel. Rundt én av fem opplever det etter fødselen, ifølge Helsenorge.",
    "Til tross for navnet, er det vanlig at tilstanden oppstår allerede i tredje trimester, "
    "sier jordmora til Nettavisen.",
]


def test_a_close_language_the_identifier_finds_plausible_brings_its_rules():
    from newsclean.cleaners.language import detect_languages
    from newsclean.cleaners.rules import Where

    langs = detect_languages(NETTAVISEN_SAMPLE)
    assert langs and langs[0] == "no", langs
    line = "Les også: Tone Damli røper detaljer om frieriet: – Ble helt forfjamset"
    rules = default_rules()
    assert rules.for_languages(("da", "no")).match(line, Where.ANYWHERE) is not None
    assert rules.for_languages(("da",)).match(line, Where.ANYWHERE) is None  # Danish alone
    assert rules.for_languages(()) is rules  # unsure of the language: every rule


def test_one_long_line_in_another_language_does_not_decide_the_page():
    """An embedded post in French, the longest line of an English story (fundus-dev's Gateway
    Pundit page was read as French, and its English rules did not apply)."""
    from newsclean.cleaners.language import detect_languages

    lines = [
        "Pendant que le front s'effondre, un véritable incendie intérieur se déclare dans les "
        "coulisses du pouvoir chez Zelensky, selon plusieurs sources proches du ministère. "
        "Le ministre de la Défense a été limogé après un désaccord sur la direction de l'armée, "
        "et plusieurs généraux auraient demandé une réunion d'urgence avec le président pour "
        "discuter de la situation sur le front, qui se dégrade de jour en jour depuis le début "
        "de l'été selon les observateurs.",
        "The president is said to be meeting senior military commanders this week.",
        "No decision has been made, officials told reporters on Friday evening.",
        "The defense minister was ousted after a dispute over the army's leadership.",
    ]
    assert detect_languages(lines)[0] == "en"


def test_a_persian_page_in_arabic_letters_is_asked_in_persian_ones():
    """Fresh-user check #27: a Persian page saved in cp1256 writes yeh and kaf in their
    Arabic forms (ي ك), and the Persian pack's rules named none of its lines; its lines are
    asked in Persian letters (`pipeline._lookup`), and the text keeps its own."""
    from newsclean.cleaners import clean
    from tests.conftest import FIXTURES

    page = FIXTURES / "text_pages" / "fresh-fa-cp1256-arabic-letters.txt"
    result = clean(page.read_bytes())
    gone = {r.text: r.rule for r in result.removed}
    assert gone["تمامي حقوق اين سايت محفوظ است."] == "copyright.notice-fa"
    assert any(rule == "cross-link.read-also-fa" for rule in gone.values())
    assert "قيمت" in result.text and "ی" not in result.text  # its own letters
