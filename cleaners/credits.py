"""A picture's credit at the end of its caption's line: "… d'octubre. Foto: Marta Vendrell".

Pages print a caption and its credit on one line as often as on two. On two lines the
credit's rule (`where = "caption-credit"`) names the credit line and the caption above it
goes with it (pipeline.py); on one line no whole-line rule can name the credit without
also naming the caption, and the credit stayed in the text in every language but
English ("… (AP Photo/Evan Vucci)" has its own caption rule). The credit is the
photographer's or the agency's name, never news; the caption describes the story's
picture, and the gold of the dev sets keeps 5 of the 38 dump lines that carry both (the
line model drops the others). So the credit is cut off the line and the caption stays:
a removal of part of a line, recorded with the credit rule's id and its place in the line.
"""

import re
from collections import Counter, deque
from collections.abc import Callable, Iterable

from newsclean.cleaners.lines import (
    SEA_LETTERS,
    ends_sentence,
    opens_lower,
    sentences,
    word_count,
)
from newsclean.cleaners.rules import CREDIT, MAX_LINE_CHARS, Rule, Where

# Every shipped credit rule of the caption-credit kind admits 8 words ("Foto: Mario
# Tomić/Jadranski list", "Photograph: Adrian Malloch for the Guardian"); a longer tail
# after a sentence end is a sentence.
CREDIT_TAIL_MAX_WORDS = 8
# ...twice that after a full-width equals sign, a Japanese caption's own credit mark, which
# no sentence opens with: the credit there tells the place and the day before the
# photographer ("…関係者ら＝熊本県菊陽町で2025年4月10日、山田太郎撮影", 11 words as CJK
# characters are counted; fresh-user check #39 kept the caption).
EQUALS_CREDIT_MAX_WORDS = 2 * CREDIT_TAIL_MAX_WORDS

# Where a credit may start inside a line: after a sentence's end mark ("…sáng 20/6. Ảnh:
# …", "…पॉलीथिन। (फोटो: …)"), with no space after it in unspaced scripts ("…区域示意图。图片由…
# 提供"); after an Arabic-script semicolon ("…روزهای آلوده؛ عکس: آرشیو"); after a separator
# between spaces ("…اسفند ۱۴۰۲ / عکس: …", "… - Foto ihsan …"); at a bracketed group that
# closes the line ("… in 1989 (Photo: NASA)"), or (Chinese and Japanese) right before a
# full-width bracket that closes it ("…湯涌町で（北陸新報社撮影）") or an equals sign before
# the credit ("…（名古屋市中区で）＝写真は本社撮影") or a space after a Han character or a
# closing bracket ("…试验田里（资料图） 新华社记者 王强 摄": blind trial av); and before a
# label and its colon after a comma (", Foto: LAT Images") or a space in a script that
# marks no sentence's end (Thai: "…ย่านรัชดาภิเษก ภาพ: สำนักการระบายน้ำ"; blind trial ag kept these captions) or an
# abbreviated label's full stop (", fot. Shutterstock": blind trial al's Polish caption),
# not after any word ("Erstes Bild: So könnte …" is a headline). A match opens with the end
# mark or the first space (one class, which lets `re` skip ahead to the next: 2x).
_TAIL_START_RE = re.compile(
    r"[.!?…。！？।؟۔؛;\s](?:(?<=[.!?…।؟۔])[\"'”’»)\]]*\s+|(?<=[。！？])[”」』）)]*"
    r"|(?<=[؛;])\s+|(?<=\s)\s*[-–—/|]\s+"
    r"|(?<=\s)\s*(?=[(\[][^()\[\]\n]+[)\]]\s*$)"
    rf"|(?<=[,{SEA_LETTERS}]\s)(?=[^\W\d]+(?:\s?[:：]|\.)\s))"
    r"|(?<=\S)(?=（[^（）\n]+）\s*$)|(?<=\S)(?=＝[^＝\n]+$)|(?<=[）」』\u3400-\u9fff]\s)(?=\S)")
# What stands between a caption and its credit: spaces and a dash, a slash or a bar.
CREDIT_SEPARATORS = "-–—/| "
# A label and a colon or an equals sign in a credit's first words: "Foto: …", "[사진=…]".
# A tail without one that ends like a sentence ("Video by a neighbour shows the blaze.")
# is a sentence, whatever a credit rule's pattern admits.
_LABELLED_RE = re.compile(r"^\W?(?:\S+\s+){0,2}?\S*?[:=：]")


def credit_tail(line: str, named: Callable[[str], Rule | None], *, agency: bool = False
                ) -> tuple[int, Rule] | None:
    """(where the credit starts in `line`, its rule) when `line` ends in a picture's credit
    that a caption-credit rule names (with `agency`, an agency's name alone too, which the
    agency-line rule names: `_AGENCY_LINE`), after a caption of at least one word; else None.

    `named` gives the rule that names a text in the body (`RuleSet.lookup`'s match at
    `Where.ANYWHERE`). The credit is the longest tail of at most CREDIT_TAIL_MAX_WORDS
    words (EQUALS_CREDIT_MAX_WORDS after "＝") that such a rule names whole (the rule's own
    pattern, so every language with a credit rule has this). A line over the rules'
    MAX_LINE_CHARS is no caption (and each place a tail may start is looked ahead from to
    the line's end: a 10 MB line took minutes)."""
    if len(line) > MAX_LINE_CHARS:
        return None
    letter = next((i for i, c in enumerate(line) if c.isalpha()), len(line))
    starts = [m.end() for m in _TAIL_START_RE.finditer(line) if m.start() > letter]
    # a later tail is a part of an earlier one, so its words are no more: counted from the
    # line's end, the short tails are the last ones (a paragraph's sentences are counted
    # once), and only those are cut out of the line (every tail of a long paragraph was)
    tails: list[tuple[str, bool]] = []  # each tail, and whether a slash opens it
    for at in reversed(starts):
        tail = line[at:].lstrip(CREDIT_SEPARATORS)
        if word_count(tail) > (EQUALS_CREDIT_MAX_WORDS if tail.startswith("＝")
                               else CREDIT_TAIL_MAX_WORDS):
            break
        tails.append((tail, line[at:].lstrip().startswith("/")))
    for tail, slashed in reversed(tails):
        if not tail:
            continue
        if ends_sentence(tail) and not _LABELLED_RE.match(tail):
            continue
        rule = named(tail)
        if (is_credit_rule(rule) or rule is not None and (
                agency and rule.id == _AGENCY_LINE or slashed and rule.id in _AGENCIES)
                or _holds_the_picture(tail, rule)):
            return len(line) - len(tail), rule
    return None


# A copyright mark and a name with no year after a caption's sentence is the picture's
# holder ("… für die neue Snelfietsroute. © Erik van Leeuwen", "… Bajío. © Archiv/Hans
# Rieger": blind trial al's nl and de captions stayed), not a page's footer ("© 2024 Dagblad
# Gelderse Vallei"): the copyright rule names both.
_COPYRIGHT_LINE = "copyright.notice"


def _holds_the_picture(tail: str, rule: Rule | None) -> bool:
    """Is `tail`, which the copyright rule names (`rule`), "©" and a holder with no year?"""
    return (rule is not None and rule.id == _COPYRIGHT_LINE and tail.startswith("©")
            and not any(c.isdigit() for c in tail))


# A picture agency's name alone ("Getty Images", "Michael Conroy, AP"), which the rule names
# as a line of its own, closes a caption too: "Nikolaj Lund, 22 anni, con la maglia del
# Midtjylland. Getty Images" was taken for the headline (blind trial al's Italian page).
# Asked only whether a line is a caption (`is_caption`): cutting such captions out of the
# text cost readability-dev text 0.9073 -> 0.9070 (its gold keeps NBC's and the NYT's).
_AGENCY_LINE = "credit.agency-line"
# An agency's name after a slash at a caption's end is its credit, in the style of Korean
# papers: "… 복구 작업이 진행되고 있다. /연합뉴스" (fresh-user check #40 kept it); a
# caption the gold keeps ends in the name alone, after a space.
_AGENCIES = frozenset((_AGENCY_LINE, "credit.wire-agency"))


# A caption that opens with the picture's label ("Foto: Banjir merendam permukiman di
# Kelurahan Sukamentri, Garut Kota. (…)", as Indonesian portals print them): the label and
# the caption's first words, which the label's credit rule names as it names "Foto: Reuters".
_LABEL_HEAD_RE = re.compile(r"\S+(?:\s\S+)?\s?[:=：]\s?\S+(?:\s\S+){0,2}")


# A caption's sentence, then a credit that a rule of the credit family names as a line of
# its own, wherever it stands ("… Kitchen in 2019. Photo by Liam Richards /Prairie
# Sentinel": `credit.photo-label`, not a caption-credit rule, so `credit_tail` passes it);
# two blind-written English dumps got such a caption for their title (trial aw).


def is_caption(line: str, named: Callable[[str], Rule | None]) -> bool:
    """Is `line` a picture's caption by its credit: ending in one (`credit_tail`), or in a
    line a credit rule names after a sentence, or opening with the label a credit rule
    names ("Foto: …")? Such a line is no headline."""
    head = _LABEL_HEAD_RE.match(line)
    if head is not None and head.end() < len(line) and is_credit_rule(named(head.group())):
        return True
    if credit_tail(line, named, agency=True) is not None:
        return True
    said = sentences(line) if len(line) <= MAX_LINE_CHARS else []
    if len(said) < 2 or word_count(said[-1]) > CREDIT_TAIL_MAX_WORDS:
        return False
    tail = said[-1].strip()
    if _credits_by_shape(tail):
        return True
    rule = named(tail)
    return rule is not None and rule.family == CREDIT


# ...or the photographer's name and the outlet after a slash, as US papers print it ("…
# meeting on Tuesday. Emma Whitlock/The Valley Ledger"), or the outlet and the name in
# brackets ("… on Tuesday morning. (Southern Cross Daily: Jared Mokbel)"), each part a few
# capitalised words: blind trial aw's titles.
_CREDIT_PARTS_RE = re.compile(r"\s?[/:]\s?")
_SLASH_RE = re.compile(r"\s?/\s?")
_CREDIT_PART_MAX_WORDS = 4


def _credits_by_shape(tail: str) -> bool:
    """Is `tail`, a caption's last sentence, "Name/Outlet" or "(Outlet: Name)"?"""
    bracketed = tail.startswith("(") and tail.endswith(")")
    inner = tail[1:-1] if bracketed else tail
    parts = (_CREDIT_PARTS_RE if bracketed else _SLASH_RE).split(inner)
    return len(parts) == 2 and all(
        0 < len(words := part.split()) <= _CREDIT_PART_MAX_WORDS
        and all(w[0].isupper() and any(c.isalpha() for c in w) for w in words)
        for part in parts)


# A credit no rule names, a photographer's name and the paper's, is known by the page printing
# it under two or more of its pictures: "… devant le tribunal administratif de Rennes,
# jeudi matin. | Jean-Yves Kerbrat / L'Écho de Cornouaille" twice (fresh-user check #37 kept
# the second caption; `_credits_by_shape` wants every word capitalised, and an outlet's
# name has its "de", "of", "la"). The tail follows a sentence's end and a separator, opens
# with no lower-case letter and ends no sentence: the dev dumps' lines that share such a
# tail are all captions or teasers' kickers, none of them gold ("© BELGA", "Foto: Reuters").
SHARED_CREDIT = "credit.shared-tail"
_SEPARATOR_MARKS = tuple(f" {mark} " for mark in CREDIT_SEPARATORS.strip())
_SEPARATED_TAIL_RE = re.compile(
    rf"(?<=[.!?…。！？])[\"'”’»)]*\s+[{re.escape(CREDIT_SEPARATORS.strip())}]\s+(?=\S)")
_SHARED_CREDIT_MIN_LINES = 2


def separated_tail(line: str) -> str | None:
    """The tail of `line` after its last sentence end and a separator ("… matin. | Name /
    Outlet" -> "Name / Outlet") when it may be a credit: CREDIT_TAIL_MAX_WORDS words or
    fewer, no sentence, no lower-case opening; else None."""
    if len(line) > MAX_LINE_CHARS or not any(mark in line for mark in _SEPARATOR_MARKS):
        return None  # most lines hold no separator: asked of every line of every round
    last = deque(_SEPARATED_TAIL_RE.finditer(line), maxlen=1)
    if not last:
        return None
    at = last[0]
    tail = line[at.end():].rstrip()
    if (word_count(tail) > CREDIT_TAIL_MAX_WORDS or ends_sentence(tail) or opens_lower(tail)
            or not word_count(line[:at.start()])):
        return None
    return tail


def shared_credits(lines: Iterable[str]) -> frozenset[str]:
    """The `separated_tail`s that close _SHARED_CREDIT_MIN_LINES or more of `lines`."""
    counts = Counter(filter(None, map(separated_tail, lines)))
    return frozenset(tail for tail, n in counts.items() if n >= _SHARED_CREDIT_MIN_LINES)


def is_credit_rule(rule: Rule | None) -> bool:
    """Does `rule` name a picture's credit (`where = "caption-credit"`)?"""
    return rule is not None and rule.where is Where.CAPTION_CREDIT
