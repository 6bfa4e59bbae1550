"""A cross-link in a site's own words: a short label that points the reader elsewhere, a
separator, and another story's headline, on one line between the story's paragraphs.

Why a word class and not phrases: the packs name each language's common labels ("Leggi
anche", "Lesen Sie auch"), but every site words its own ("Vale a leitura → …", "TO CIĘ
ZAINTERESUJE ▶ …", "Tästä aiheesta aiemmin: …", "ALSO ON THE COURIER: …"): blind trials s
and t left such a line in 12 of 16 languages. What the labels share is their words (also,
more, read, don't miss, may interest you, related, on the topic: `lexicon._REFER`) and their
shape: a few words, a separator (`rules.LABEL_SEPARATOR`), then a headline, which ends no
sentence. A subhead with a colon names a place, a person or a stage ("Magdeburg: Ältere
Straßenbahnen nicht Hitze-bereit", "The Build Stage: Create a tangible online asset"), a
quote's lead names its speaker, and a news sentence ends with its mark.
"""

import re
from collections.abc import Callable
from functools import cache

from newsclean.cleaners.lexicon import Lexicon
from newsclean.cleaners.lines import (
    EXCLAMATION_MARKS,
    FULL_STOPS,
    LEAD_IN_ENDS,
    QUESTION_MARKS,
    UNSPACED_RUN_RE,
    WORD_CHARS,
    WORD_RE,
    ends_sentence,
    is_byline,
    is_stamp,
    last_mark,
    opens_lower,
    word_count,
)
from newsclean.cleaners.rules import LABEL_SEPARATOR

REFERRAL_RULE = "cross-link.referral-label"
REFERRAL_FAMILY = "cross-link"

# A label is a few words: the longest in the blind trials, "این گزارش را هم از دست ندهید"
# (don't miss this report too), has 7; a subhead's lead-in or a sentence runs longer.
LABEL_MAX_WORDS = 7
_LABEL_MAX_CHARS = 60
# The headline after it: 3 words at least ("Budget passes" is a label's own word too
# often), 30 at most, the limit of the packs' labelled cross-links
# (`rules.INLINE_TEASER_MAX_WORDS`).
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30

# The label is words (a bracket may open it: "[Read: …]"); a line whose text before the
# separator holds other marks is code or a path ("'/' plus one or more <folder> …").
_LABELLED_RE = re.compile(
    rf"\s*[\[(]?(?P<label>[{WORD_CHARS}\s'’.&\u200c-]{{1,{_LABEL_MAX_CHARS}}}?)\s*"
    rf"{LABEL_SEPARATOR}+\s*"
    r"(?P<rest>\S[^\n]*)")
# Scripts whose words are not spaced apart (`lines.UNSPACED_RUN_RE`: Chinese, Japanese,
# Thai) or carry their particles joined (Korean Hangul): a label word is found inside the
# label's runs of letters.
_JOINED_RE = re.compile(f"{UNSPACED_RUN_RE.pattern}|[\uac00-\ud7af]")


@cache
def _found_inside(refer: frozenset[str]) -> tuple[str, ...]:
    """The words of `refer` in those scripts: asked once per lexicon, not per line."""
    return tuple(w for w in refer if _JOINED_RE.search(w))


def _continues(rest: str) -> bool:
    """Does the text after the separator open in lower case, as a sentence's rest does ("…
    each other: for example, a caching server")? A headline opens with a capital, a digit
    or a quote; an uncased script's has no case to tell."""
    first = next((c for c in rest if c.isalpha()), "")
    return opens_lower(first)


def is_referral(line: str, lexicon: Lexicon) -> bool:
    """Is `line` a label of LABEL_MAX_WORDS words or fewer holding a word of
    `lexicon.refer`, a separator, and a headline of HEADLINE_MIN_WORDS to
    HEADLINE_MAX_WORDS words that opens as a headline does and ends no sentence
    (`lines.ends_sentence`)?"""
    m = _LABELLED_RE.fullmatch(line)
    if m is None:
        return False
    label, rest = m["label"], m["rest"]
    if not any(c.isalpha() for c in rest):  # a table's row: "Net interest income | 176.9 |
        return False                         # 128.2 | +38.0%" (blind trial aw lost one)
    if (word_count(label) > LABEL_MAX_WORDS or ends_sentence(rest) or _continues(rest)
            or not HEADLINE_MIN_WORDS <= word_count(rest) <= HEADLINE_MAX_WORDS):
        return False
    return _refers(label, lexicon)


def _refers(label: str, lexicon: Lexicon) -> bool:
    """Does `label` hold a word of `lexicon.refer` (inside its runs of letters, for the
    scripts `_JOINED_RE` finds)?"""
    # Turkish capitals: "İLGİNİZİ" lower-cases to "i̇lgi̇ni̇zi̇" (a dot joined to each "i")
    words = WORD_RE.findall(label.replace("İ", "i").lower())
    if not lexicon.refer.isdisjoint(words):
        return True
    joined = [w for w in words if _JOINED_RE.search(w)]
    return any(ref in w for w in joined for ref in _found_inside(lexicon.refer))


# A label on a line of its own, over the headline it points to ("আরও পড়ুন" over "ঘূর্ণিঝড়ের
# আগে যে প্রস্তুতি নেবেন…", blind trial v's Bengali live blog, whose language no pack has):
# its words, a separator or a colon after them at most.
_LABEL_ALONE_RE = re.compile(
    rf"\s*[\[(]?[{WORD_CHARS}\s'’.&\u200c-]{{1,{_LABEL_MAX_CHARS}}}?[\])]?\s*"
    rf"(?:{LABEL_SEPARATOR}+|[:：])?\s*")
# Such a label is a few words ("Read more", "Lesen Sie auch:"); a subhead that holds a
# referral word ("More support for farmers") has a paragraph under it, not a headline.
LABEL_ALONE_MAX_WORDS = 4


# ...and its words are the label's: referral words and function words, one other at most
# ("Te puede interesar", "Recommended Stories"). "Mehr Geld für Pflegekräfte" holds "mehr",
# but "Geld" and "Pflegekräfte" say what its section is about: a fresh user's German story
# lost the subhead and the two paragraphs under it as a teaser box (fresh-user check #16).
LABEL_OTHER_MAX_WORDS = 1


def is_label_alone(line: str, lexicon: Lexicon) -> bool:
    """Is `line` a referral label with nothing after it: LABEL_ALONE_MAX_WORDS words or fewer
    holding a word of `lexicon.refer`, a separator or a colon after them at most?"""
    return (word_count(line) <= LABEL_ALONE_MAX_WORDS and not ends_sentence(line)
            and _LABEL_ALONE_RE.fullmatch(line) is not None and _refers(line, lexicon))


def has_label_words(label: str, lexicon: Lexicon) -> bool:
    """Are the words of `label`, a label alone (`is_label_alone`) in a dump where no markup
    says it heads a box, a label's: referral words, the document's function words and the
    reader's "you" ("Mohlo by vás zajímat"), LABEL_OTHER_MAX_WORDS others at most? Always
    in the scripts whose words are found inside runs of letters (`_JOINED_RE`). (An HTML
    box's label is told by its box: `html_extract._related_box`.)"""
    words = WORD_RE.findall(label.replace("İ", "i").lower())
    if any(_JOINED_RE.search(w) for w in words):
        return True
    others = [w for w in words if w not in lexicon.refer and w not in lexicon.function_words
              and w not in lexicon.address]
    return len(others) <= LABEL_OTHER_MAX_WORDS


def is_pointed_headline(line: str) -> bool:
    """Could `line`, under a label alone (`is_label_alone`), be the headline it points to:
    HEADLINE_MIN_WORDS to HEADLINE_MAX_WORDS words, opening as a headline does, ending no
    sentence, no byline ("By Stella Kim and Jennifer Jett" under "Get more news on") and no
    stamp (a byline's name with its date, "Līga Bērziņa 2026. gada 11. februāris, 07:00",
    under a cookie banner's "Uzzināt vairāk" and the page's headline: blind trial bf) and
    no lead-in ending in a colon ("Tuwing matatapos ang video, may iisang paalala siya sa
    kanyang mga estudyante:" over the quote it introduces, under an ad's "Continue reading
    below ↓": blind trial bg's Tagalog Markdown dump lost it)?"""
    return (HEADLINE_MIN_WORDS <= word_count(line) <= HEADLINE_MAX_WORDS
            and not ends_sentence(line) and not line.endswith(LEAD_IN_ENDS)
            and not _continues(line) and not is_byline(line) and not is_stamp(line))


# A label the scraper joined to its headline with a space and no separator: a label and its
# link are two inline elements of one block ("Leggi anche Mutui, cosa cambia…", "LEES OOK
# Malus, bonus…", "আরও পড়ুন পুরান ঢাকা…": blind trial ax left such a line in 8 of 16
# languages, where the same line with a colon went). With no separator, the label's end is
# told by its shape: two or more words that a pack's cross-link rule names with a colon after
# them, or that are all referral words (`lexicon.refer`); one word only when it stands out
# from the headline, set in capitals over a headline that is not ("RELATED Budget passes";
# "MORE RAIN EXPECTED TONIGHT" is a subhead), or a run of an unspaced script, where a space
# is itself a separator ("あわせて読みたい 防災リュックに…"). A subhead opening with a
# referral word ("More Rain Expected Over Weekend", "আরও তিন দিন বৃষ্টি") is no label.
UNSEPARATED_LABEL_MAX_WORDS = 3


# A line in title case: two thirds of its words with letters open with a capital. A label
# in title case over a headline in title case is one headline ("Most Read Books Were
# Thrillers", "Top Stories From the Hearing": subheads a fresh user's story lost); a label
# in sentence case ("Leggi anche", "Lees ook") or in capitals stands out from its headline.
_TITLE_CASE_SHARE = 2 / 3


def _title_cased(text: str) -> bool:
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    capitals = sum(1 for w in words if next(c for c in w if c.isalpha()).isupper())
    return bool(words) and capitals >= _TITLE_CASE_SHARE * len(words)


def is_unseparated_referral(line: str, lexicon: Lexicon,
                            names_cross_link: Callable[[str], bool]) -> bool:
    """Is `line` a referral label of UNSEPARATED_LABEL_MAX_WORDS words at most joined to a
    headline (HEADLINE_MIN_WORDS to HEADLINE_MAX_WORDS words, opening as a headline does,
    ending no sentence) by a space alone? `names_cross_link(text)` asks the packs whether a
    cross-link rule names `text` (the label, a colon, the headline). A headline may ask or
    exclaim ("LEES OOK Malus, bonus…: wat verandert er aan uw pensioen?"); it ends with no
    full stop (`lines.FULL_STOPS`)."""
    if last_mark(line) in FULL_STOPS or ends_sentence(line) and not line.rstrip().endswith(
            (*QUESTION_MARKS, *EXCLAMATION_MARKS)):
        return False
    words = line.split()
    for k in range(1, min(UNSEPARATED_LABEL_MAX_WORDS, len(words) - 1) + 1):
        label, rest = " ".join(words[:k]), " ".join(words[k:])
        if _continues(rest) or not HEADLINE_MIN_WORDS <= word_count(rest) <= HEADLINE_MAX_WORDS:
            continue
        if k == 1 and not (label.isupper() and not rest.isupper()
                           or UNSPACED_RUN_RE.fullmatch(label)):
            continue
        if not label.isupper() and _title_cased(label) and _title_cased(rest):
            continue  # a headline in title case: "Most Read Books Were Thrillers"
        every_word_refers = all(_refers(w, lexicon) for w in words[:k])
        if every_word_refers or names_cross_link(f"{label}: {rest}"):
            return True
    return False
