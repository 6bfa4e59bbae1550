"""The rule matcher's shortcuts (first characters, literal gates, cached alternations) never
change what matches: the same rule as trying every rule of the pack in turn."""

import re
import tomllib
from pathlib import Path

import pytest

from newsclean.cleaners.decode import decode, repair
from newsclean.cleaners.rules import (
    RuleSet,
    Where,
    _fold,
    _host_matches,
    _may_fire,
    default_pack,
    default_rules,
    parse_pack,
)
from newsclean.cleaners.segment import split_units
from tests.conftest import FIXTURES, ROOT, SEEDS

DUMPS = ROOT.parent / "shared" / "eval" / "html-dev"
POSITIONS = (Where.LEADING, Where.ANYWHERE, Where.TRAILING)


def _one_by_one(rules: RuleSet):
    """The specification: every rule in pack order, the first that matches and may fire."""
    compiled = [(r, re.compile(r.regex_source())) for r in rules.rules]

    def match(line: str, position: Where, host: str | None) -> str | None:
        words = len(line.split())
        for rule, rx in compiled:
            if ((rule.max_words is None or words <= rule.max_words)
                    and _may_fire(rule.where, position) and rx.fullmatch(line)
                    and (not rule.sites or (host and _host_matches(host, rule.sites)))):
                return rule.id
        return None
    return match


def _lines() -> list[str]:
    lines: list[str] = []
    paths = sorted(SEEDS.glob("*.txt")) + sorted(DUMPS.glob("*/raw.txt"))[:10]
    for path in paths:
        text = repair(decode(path.read_bytes(), max_bytes=1 << 30, max_inflated=1 << 30,
                             max_ratio=100).text)
        lines += [u.text for u in split_units(text)]
    lines += (FIXTURES / "lookalikes.txt").read_text("utf-8").splitlines()
    pack = tomllib.loads(Path(default_pack.__code__.co_filename).with_name("packs")
                         .joinpath("default.toml").read_text("utf-8"))
    for rule in pack["rules"]:  # examples, and the case variants the shortcuts must fold
        for ex in rule.get("examples", []) + rule.get("counter_examples", []):
            lines += [ex, ex.upper(), ex.replace("i", "İ").replace("s", "ſ"), f"x {ex}"]
    return [ln for ln in dict.fromkeys(lines) if ln]


def test_default_pack_matches_exactly_as_rule_by_rule():
    rules = RuleSet((default_pack(),))
    spec = _one_by_one(rules)
    lines = _lines()
    for _ in range(2):  # the second pass runs on compiled alternations
        for line in lines:
            for position in POSITIONS:
                expected = spec(line, position, "example.com")
                got = rules.match(line, position, "example.com")
                assert (got.id if got else None) == expected, (line, position)


def test_site_rules_and_clashing_group_names_still_match_in_pack_order():
    op = parse_pack("""
[[rules]]
id = "promo.acme-only"
family = "ads"
pattern = 'brought to you by acme'
sites = ["acme.example"]

[[rules]]
id = "promo.any-site"
family = "ads"
pattern = 'brought to you by (?P<_nc0>\\w+)'
""", "op.toml")
    rules = RuleSet((default_pack(), op))
    for _ in range(10):  # past the point where lines of one kind get an alternation
        assert rules.match("Brought to you by ACME", Where.ANYWHERE, "news.acme.example").id == \
            "promo.acme-only"
        assert rules.match("Brought to you by ACME", Where.ANYWHERE, "other.example").id == \
            "promo.any-site"
        assert rules.match("The mayor spoke on Monday.", Where.ANYWHERE, None) is None


def test_case_fold_covers_every_character_an_ascii_letter_matches():
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for m in re.finditer(letter, everything, re.IGNORECASE):
            assert _fold(m.group()) == letter, hex(ord(m.group()))


def test_asking_for_families_answers_as_the_whole_lookup_filtered():
    """`lookup(...)(line, position, of=families)` is the whole lookup's rule when it is of
    those families, else None, whatever was asked before: the families' own rules are only
    a shortcut to "none of them"."""
    rules = RuleSet((default_pack(),))
    lines = _lines()
    asks = [frozenset(("ads",)), frozenset(("cross-link",)),
            frozenset(("subscribe", "newsletter", "cross-link", "share", "ads", "pagination"))]
    whole = rules.lookup("example.com")
    for first in (False, True):  # the narrow question before the whole one, and after
        narrow = rules.lookup("example.com")
        for line in lines:
            for position in POSITIONS:
                if first:
                    narrow(line, position)
                expected = whole(line, position)
                for of in asks:
                    got = narrow(line, position, of=of)
                    assert got is (expected if expected and expected.family in of else None), (
                        line, position, of)


def test_a_decorated_label_is_named_as_the_bare_label_and_a_sign_of_the_text_is_no_decoration():
    """A pictograph, arrow or bullet before a label and a player's length after it do not
    hide the label (a Vietnamese player's "🎧 Nghe bài viết 5:12", blind trial z); a
    mathematical sign or a bracket opens text ("+ x" is a formula's line)."""
    lookup = default_rules().lookup(None)
    for decorated, bare in (("🎧 Nghe bài viết 5:12", "Nghe bài viết"),
                            ("🎧 Listen to this article 5:12", "Listen to this article"),
                            ("▶️ Watch on YouTube", "Watch on YouTube"),
                            ("• Share on Facebook", "Share on Facebook")):
        rule = lookup(bare, Where.ANYWHERE)
        assert rule is not None
        assert lookup(decorated, Where.ANYWHERE) is rule, decorated
    rule = lookup("사진=연합뉴스", Where.ANYWHERE)  # a Korean credit's slash (blind trial ad)
    assert rule is not None and lookup("/사진=연합뉴스", Where.ANYWHERE) is rule
    for line in ("+ x", "(x)", "The council met at 5:12"):
        assert lookup(line, Where.ANYWHERE) is None, line


@pytest.mark.parametrize(("line", "label"), [
    ("（广告）环保家电以旧换新 最高补贴2000元 点击了解详情", "广告"),  # blind trial ad's Chinese page
    ("[Anzeige] Jetzt Strom sparen mit dem neuen Tarif der Stadtwerke", "Anzeige"),
    ("(Advertisement) Get 20% off your first order today", "Advertisement"),
])
def test_a_line_flagged_as_an_ad_is_the_ads_rules(line, label):
    """An ad flags itself with its label in brackets before its text (rules._ad_flag)."""
    lookup = default_rules().lookup(None)
    rule = lookup(label, Where.ANYWHERE)
    assert rule is not None and rule.family == "ads"
    assert lookup(line, Where.ANYWHERE) is rule


@pytest.mark.parametrize("line", [
    "(AFP) The minister said on Monday that the talks would resume next week.",
    "[Video] Watch the moment the bridge collapsed",
])
def test_a_bracketed_credit_or_medium_is_no_ad(line):
    assert default_rules().lookup(None)(line, Where.ANYWHERE) is None


@pytest.mark.parametrize(("line", "family"), [
    ("Meghallgatom Hallgassa meg a cikket!", "player"),  # blind trial bh: a player's two buttons
    ("स्वीकार करें अस्वीकार करें", "cookie"),  # trial bg: a cookie box's accept and reject
    ("Sign in Subscribe", "subscribe"),
    ("Read More Stories", "cross-link"),
])
def test_a_widgets_labels_glued_by_a_space_are_named_by_their_family(line, family):
    """A plain dump glues a widget's labels with a space (rules.GLUED_MAX_WORDS): two parts
    that rules of one family name make a line of that family."""
    rule = default_rules().lookup(None)(line, Where.ANYWHERE)
    assert rule is not None and rule.family == family


@pytest.mark.parametrize("line", [
    "Email: fkooman@tuxed.net",  # a share button's word and an address: two families
    "Xem thêm ý kiến",  # "see more comments": a cross-link's words and a comments word
    "Share prices fell",
    "The council voted",
])
def test_parts_of_two_families_or_of_a_sentence_are_no_glued_widget(line):
    assert default_rules().lookup(None)(line, Where.ANYWHERE) is None


def test_a_reported_speech_guard_covers_every_alternative_of_its_pattern():
    """`unless = "reported-speech"` guards the whole pattern, not its first alternative
    (a helper writing the Tagalog pack found "…: click here to pay the fine, the council
    said." named by default's `subscribe.click-here`, whose later alternative it is)."""
    lookup = default_rules().lookup(None)
    assert lookup("Click here to subscribe", Where.ANYWHERE) is not None
    assert lookup("Residents got a letter: click here to pay the fine, the council said.",
                  Where.ANYWHERE) is None
