"""Appeals written as prose between a story's paragraphs, found by their voice.

"Sie wollen keine Nachrichten aus Brandenburg verpassen? Dann melden Sie sich für unseren
Newsletter an", "¿Quieres estar al día…? Apúntate gratis a nuestra newsletter", "We're a
nonprofit newsroom, and we rely on readers like you": the publisher ("we", "our") speaks to
the reader ("you") about its furniture (a newsletter, a subscription, a share button). News
is written about third parties and quotes them; the "we" and "you" of quoted speech are the
speaker's (`lines.without_quotes`). A column, an interview or a how-to that addresses its
reader throughout is not chrome: its paragraphs are read in their own voice, and nothing is
flagged when more than STORY_VOICE_MAX of the other paragraphs speak so too. Languages that
drop the pronoun speak to the reader in the imperative ("Sigue toda la actualidad…",
"تابعوا…"), and a pitch that names what it asks for needs no "we" ("Als abonnee krijg je…").

Found by what the paragraph does, not by its wording (Kohlschütter et al. 2010: shallow,
language-aware features with context); the word classes are `lexicon.Lexicon`'s.
"""

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from newsclean.cleaners.lexicon import Lexicon
from newsclean.cleaners.lines import (
    EMAIL,
    EXCLAMATION_MARKS,
    QUESTION_MARKS,
    ends_sentence,
    is_prose,
    sentences,
    without_quotes,
    word_count,
    words_of,
)

# An appeal is a sentence or two; a longer paragraph that addresses the reader is the story's
# (the longest blind-written appeal has 38 words).
APPEAL_MIN_WORDS = 4
# A promo box's button beside its form, in the reader's voice or the box's: "Vull rebre el
# butlletí" (I want the newsletter) under a Catalan newsletter's pitch (blind trial ae).
BOX_BUTTON_MAX_WORDS = 5
APPEAL_MAX_WORDS = 60
# A pitch to the reader needs no "we" ("A welcome email is on its way. If you don't see it,
# please check your junk folder", "Als abonnee van het Nieuwsblad krijg je…", "Listen to
# Newsbeat live at 12:45 and 17:45 weekdays - or listen back here") when it names what an
# appeal asks for (`lexicon.pitch`) or opens with a call that names furniture; it is shorter
# than an appeal: the dev outputs' longest such pitch has 37 words, while a review's "gift"
# and a streaming story's "email" stood in story paragraphs of 54 and 50 words. With this
# limit, 7 dev outputs changed, none down (fundus-dev text 0.9387 -> 0.9395, html-dev HTML
# sh-70cb2d 0.984 -> 1.000); taking every "you" line with a furniture word instead cost
# html-dev text 0.9225 -> 0.9221 and readability-dev 0.9055 -> 0.9000 (help pages, reviews).
PITCH_MAX_WORDS = 40
# Share of the story's other prose paragraphs that may speak to the reader or for "us" (not
# counting the paragraphs that read as appeals): measured on the 391 dev dumps' outputs, 0.10
# flagged no gold paragraph and caught 9 of 36 blind-written leaks; 0.15 caught 11 and flagged
# 2 the gold keeps (a quoted privacy policy, a "Join our Fan Contributor Program" box); 0.20
# the same 11. At 0.15, 8 boilerplate paragraphs of the dev outputs go ("Got a story? Get in
# touch with our news team…", "If you enjoyed this article, we have a proposition for you").
# (Measured with the story's paragraphs as lines of 8+ words; read as `lines.is_prose`, the
# same dev paragraphs are flagged.)
STORY_VOICE_MAX = 0.15


def appeals(texts: list[str], lexicon: Lexicon, memo: dict[str, tuple] | None = None,
            speech: re.Pattern | None = None, boxed: Mapping[int, bool] = MappingProxyType({})
            ) -> list[int]:
    """Indexes of the paragraphs of `texts` (a story's lines, in order) that are appeals. Read
    in their own voice (outside quotes), an appeal speaks to the reader (a "you" word: the rest
    of `lexicon.address`, `lexicon.formal_you`; or an opening imperative, `_opens_with_call`),
    has APPEAL_MIN_WORDS words or more, and either
    - says "we" (`lexicon.publisher`) with a word of what an appeal asks for or of page
      furniture (`lexicon.asks`: not the language's most frequent words, as English "like"
      or "support"), up to APPEAL_MAX_WORDS words; or
    - without a "we", names what an appeal asks for (`lexicon.pitch`: a gift, a membership)
      or opens with an imperative that names furniture or a platform (`lexicon.web`), up to
      PITCH_MAX_WORDS words;
    or, with no "you" word (a pro-drop imperative, a "you" in the verb's ending), says "we",
    names what an appeal asks for and puts a question, up to PITCH_MAX_WORDS words
    ("想第一时间获取城市资讯？…关注我们的微信公众号": a fresh user's page). Without the question,
    an interview's "Wir haben mit … Mitglied unserer Schwesterorganisation … gesprochen"
    went (fundus-dev), and with furniture instead, a fresh user's news sentence "Our
    newsroom's comment section on the vote drew more than 400 posts…" (blind trial z's
    de-AT "…im Postfach: Unser Newsletter …" pitch, which that caught, stays).
    None when more than STORY_VOICE_MAX of the other paragraphs of prose (`lines.is_prose`)
    address the reader or speak for "us", but the paragraphs `boxed` (indexes of texts that
    stand beside a promo box's form: its heading, "Sign up to Morning Briefing: … in your
    inbox before 7am." over "Enter your email address") are read alone: a column speaks to
    its reader throughout, and blind trial ac's en-GB column kept its box's heading. There
    a call on a line that names furniture anywhere is enough ("Newsletter Bola Minhota:
    receba todas as manhãs…" over "Subscrever", blind trial ad); a "you" and furniture
    alone took a column's paragraph under the form ("If you follow one tip…"). So is a
    button of a few words naming furniture, in whatever voice (`BOX_BUTTON_MAX_WORDS`).
    Right above the form (`boxed[i]` true) stands the box's pitch, and there a "you", or a
    "we" that names furniture or an ask, is enough up to PITCH_MAX_WORDS words ("Court
    cases, police appeals and the stories behind them, sent to you every evening." over
    "Sign me up", "We're a nonprofit newsroom. … Chip in to keep it that way." over
    "Donate now": blind trial at's en-GB and en-US pages kept them).

    `memo` keeps what each text says (`_voice`) for the document's `lexicon`: the
    pipeline's later rounds ask about the same paragraphs again. `speech` is what reports
    speech in the document's languages (`RuleSet.reported_speech`): a paragraph that ends
    in an attribution, or names one first, is a speaker's, not the publisher's (`_reports`)."""
    voices: list[_Voice] = []
    for text in texts:
        said = memo.get(text) if memo is not None else None
        if said is None:
            said = _voice(text, lexicon)
            if memo is not None:
                memo[text] = said
        voices.append(said)
    found = [i for i, v in enumerate(voices) if v.size >= APPEAL_MIN_WORDS and (
        v.you and (v.we and v.furnishes and v.size <= APPEAL_MAX_WORDS
                   or (v.pitches or v.links or i in boxed and v.calls_to)
                   and v.size <= PITCH_MAX_WORDS)
        or boxed.get(i) and (v.you or v.we and (v.furnishes or v.pitches))
        and v.size <= PITCH_MAX_WORDS
        or v.we and v.pitches and v.question and v.size <= PITCH_MAX_WORDS
        or i in boxed and v.button)
        and not _reports(texts[i], speech)]
    if not found:
        return []
    pitches = {i for i, v in enumerate(voices) if (v.we or v.you) and v.furnishes}
    story = [i for i, text in enumerate(texts) if i not in pitches and is_prose(text)]
    if sum(voices[i].we or voices[i].you for i in story) > STORY_VOICE_MAX * len(story):
        return [i for i in found if i in boxed]
    return found


def _reports(text: str, speech: re.Pattern | None) -> bool:
    """Does `text` report someone's call: a reporting word of the document's packs
    (`speech`) in its last sentence's own voice (outside quotes), wherever it stands there?
    An appeal is the publisher's, in its own voice; the story reports a third party's
    appeal with its attribution after the call ("…, Brennick told residents.": what
    `lines.attributed` reads) or first ("निगम आयुक्त ने नागरिकों से अपील की है कि वे इस
    सूचना को … शेयर करें", the commissioner appealed to citizens to share this notice:
    blind trial bg's Hindi story lost it in every dump). The last sentence only: "…, said
    the mayor. Download our app for breaking news alerts." is the story's sentence and an
    appeal glued after it."""
    if speech is None:
        return False
    said = sentences(text)
    return speech.search(without_quotes(said[-1] if said else text)) is not None


class _Voice(NamedTuple):
    """What `appeals` reads of one paragraph in its own voice (`_voice`)."""

    we: bool  # says "we" (`lexicon.publisher`)
    you: bool  # speaks to the reader: a "you" word or a call
    links: bool  # calls to furniture after the call word, or to an address
    furnishes: bool  # names furniture or an ask (`lexicon.asks`)
    pitches: bool  # names a pitch's ask, or a price per period
    size: int  # the words of its own voice (CJK: by characters)
    question: bool  # puts a question to the reader ("Want to know …? …")
    calls_to: bool  # calls, and names furniture anywhere on the line
    button: bool  # a few words naming furniture, no sentence (`BOX_BUTTON_MAX_WORDS`)


_ADDRESS_RE = re.compile(rf"{EMAIL}|https?://|www\.")
_HARAKAT_RE = re.compile("[\u064b-\u065f\u0670]")
# A price per period names what an offer asks for in any language: "1 €/kk", "€1/month",
# "9,99 €/Monat" (blind trial t's Finnish "Tilaa Pohjolan Sanomat Digi 1 €/kk kolmen
# ensimmäisen kuukauden ajan." stayed); a price per kilo, litre or kilowatt-hour is news.
_PRICE_PER_RE = re.compile(
    r"(?:\d+(?:[.,]\d+)?\s*(?:€|\$|£|kr|zł|Kč|Ft|lei|CHF|EUR)|(?:€|\$|£)\s*\d+(?:[.,]\d+)?)"
    r"\s*/\s*(?!(?:kg|g|t|l|m|m2|m²|km|kwh|mwh|h)\b)[^\W\d_]{1,8}\b", re.IGNORECASE)


def _voice(text: str, lexicon: Lexicon) -> _Voice:
    """What `appeals` reads of one paragraph in its own voice."""
    own = without_quotes(text)
    # Arabic's short vowels and shadda are optional marks: "حمّل" is the call word "حمل"
    # (a fresh user's app prompt, "حمّل تطبيق …", stayed)
    if _HARAKAT_RE.search(own):
        own = _HARAKAT_RE.sub("", own)
    words = lexicon.bare(words_of(own.lower()))
    # an imperative speaks to the reader without a "you" word in pro-drop languages
    # ("Sigue toda la actualidad en nuestro canal de WhatsApp")
    called = _calls(own, words, lexicon)
    size = word_count(own)
    return _Voice(
        we=not lexicon.publisher.isdisjoint(words),
        you=lexicon.says_you(own, words) or called,
        # a call to furniture or to an address ("Send a letter to the editor at letters@…",
        # "Lähetä meille kuva tai vinkki: vinkit@…": blind trial t)
        links=called and (not lexicon.web.isdisjoint(words[1:])
                          or _ADDRESS_RE.search(own) is not None),
        furnishes=not lexicon.asks.isdisjoint(words),
        pitches=not lexicon.pitch.isdisjoint(words) or _PRICE_PER_RE.search(own) is not None,
        size=size,
        question=any(mark in own for mark in QUESTION_MARKS),
        calls_to=called and not lexicon.web.isdisjoint(words),
        button=(size <= BOX_BUTTON_MAX_WORDS and not lexicon.web.isdisjoint(words)
                and not ends_sentence(own)))


# A sentence beside chrome is the story's statement when it has this many words or more
# (and an end mark, and no reader's voice), whatever words it shares with the rest of the
# story: "Guter Journalismus kostet Geld." and "It's free." beside an appeal are the box's.
# Asking instead that it share two words with the story (by their first four letters) took
# the story's last sentence with an app prompt glued to it ("Construction is due to start
# in June and the bridge should reopen before Christmas, said the mayor. Download our
# app…": "bridge" was all it said of the story again; fresh-user trial, 12-03). Two box
# sentences of the dev outputs stay for it (fd-ca-financialpost text "A welcome email is
# on its way.", fd-de-tagesspiegel HTML 0.985 -> 0.981; one html-dev text case 0.000 ->
# 0.022): never losing a news sentence comes first. `pipeline._split_glued` asks the same
# of what stays of a paragraph with a call glued to it.
STATEMENT_MIN_WORDS = 6
# ...or this many characters, for languages that say in one long word what English says in
# three: "Neuvotteluja jatketaan valtakunnansovittelijan johdolla perjantaina." (5 words, 68
# characters) lost the Finnish story's last sentence with the follow call glued to it (blind
# trial o). The box sentences above are 10-31 characters.
STATEMENT_MIN_CHARS = 48


def is_statement(text: str) -> bool:
    """Could `text`, beside chrome on one line, be the story's: STATEMENT_MIN_WORDS words or
    STATEMENT_MIN_CHARS characters or more that end a sentence, not with a question (a
    call's lead-in: "Sie wollen keine Nachrichten verpassen? Dann melden Sie sich…") nor an
    exclamation ("Tetszett a cikk? Oszd meg ismerőseiddel!" over its share buttons)? Who
    says it (`appeal_span`) and whether a rule names it (`pipeline._split_glued`) are the
    callers' questions."""
    text = text.rstrip()
    return ((word_count(text) >= STATEMENT_MIN_WORDS or len(text) >= STATEMENT_MIN_CHARS)
            and ends_sentence(text)
            and not text.endswith(QUESTION_MARKS + EXCLAMATION_MARKS))


def advises(text: str, lexicon: Lexicon) -> bool:
    """Does `text` report and then advise its reader, asking nothing an appeal asks: its first
    sentence a statement (`is_statement`) in nobody's voice (no "we", no "you", no call), a
    later one speaking to the reader, and nowhere, in its own voice, a "we", a call
    (`_calls`) or what a pitch asks for (`lexicon.pitch`)? A live blog's pinned summary, "An
    emergency warning is current for Pomonal, Halls Gap and Moyston. If you are in these
    areas, leave now if the way is clear. You can find the latest warnings on the
    VicEmergency app…", was lost above the first entry (blind trial q): the app is not the
    publisher's. A pitch opens with the reader or its ask ("Want the latest news? …")."""
    own = without_quotes(text)
    words = words_of(own.lower())
    if not (lexicon.publisher.isdisjoint(words) and lexicon.pitch.isdisjoint(words)) or (
            _calls(own, words, lexicon)):
        return False
    said = sentences(own)
    if len(said) < 2 or not is_statement(said[0]):
        return False
    first = words_of(said[0].lower())
    return not (lexicon.says_you(said[0], first) or _calls(said[0], first, lexicon))


def appeal_span(text: str, lexicon: Lexicon, speech: re.Pattern | None = None
                ) -> tuple[int, int]:
    """Where, in a paragraph `appeals` found, the appeal stands: the (start, end) character
    span of `text` it takes, the whole of it when no sentence is the story's. A sentence is
    the appeal's when, in its own voice, it says "we" or "you" or calls on the reader
    (`_calls`, or a call word followed by furniture: "Follow Metro.co.uk on Twitter and
    Facebook…"), not for a furniture word alone ("…boil tap water"); a scraper that
    glued a newsletter pitch to the paragraph above it ("…before drinking it. Want the latest
    news in your inbox? Sign up for our free newsletter.") left news sentences beside it,
    which stay. What stays must be the story's: statements (`is_statement`) at the
    paragraph's start or end that name nothing an appeal asks for (`lexicon.pitch`), unless
    they report speech (`speech`, the document's reporting words); the rest ("It's free.",
    "Il giornalismo di qualità ha un costo.", "A welcome email is on its way.") goes with
    the appeal: a fresh user's it, es and en lead-ins and tails stayed so."""
    told, pos = [], 0  # per sentence: (start, end, the story's?)
    for sentence in sentences(text):
        own = without_quotes(sentence)
        words = lexicon.bare(words_of(own.lower()))
        voiced = (not lexicon.publisher.isdisjoint(words) or lexicon.says_you(own, words)
                  or _calls(own, words, lexicon) or words and words[0] in lexicon.call
                  and words[0] not in lexicon.function_words
                  and not lexicon.web.isdisjoint(words[1:]))
        asks = not lexicon.pitch.isdisjoint(words) and not (
            speech is not None and speech.search(own) is not None)
        told.append((pos, pos + len(sentence), not voiced and not asks and is_statement(sentence)))
        pos += len(sentence)
    # the story's sentences stand at either end: one between two of the appeal's is its
    lead = next((k for k, t in enumerate(told) if not t[2]), len(told))
    tail = next((k for k, t in enumerate(reversed(told)) if not t[2]), len(told))
    if lead == len(told) or lead + tail == 0:
        return 0, len(text)
    return told[lead][0], told[len(told) - tail - 1][1]


# A spaced dash sets a call after its lead-in on one line: "Get the latest news on the go —
# download the Deccan Ledger app for Android and iOS" stayed between two paragraphs (blind
# trial q).
_DASH_RE = re.compile(r"\s[—–-]\s")
# A clause opens after a comma, a colon or a semicolon.
_CLAUSE_RE = re.compile(r"[,:;]\s+")


def _calls(own: str, words: list[str], lexicon: Lexicon) -> bool:
    """Does a line in its own voice (`own`; `words` its lower-cased words) call on the
    reader: open with an imperative (`_opens_with_call`); open a later sentence, or what a
    kicker's colon announces (`_is_label`), with one ("¿Tienes la app? Descárgala y recibe
    nuestras alertas", "Hai la nostra app? Scaricala gratis", "Ground Game: Sign up for…");
    say one alone, exclaimed ("… в нашем Telegram-канале. Присоединяйтесь!"); open with a
    call what a spaced dash, or a colon after a lead-in of phrases, sets after it, on a line
    that names furniture besides the call word ("Get the latest news on the go — download
    the … app", "Market-moving news, the moment it breaks: join the … community on
    Telegram"; not "… — follow the plan", "The text message read: Subscribe now…", nor a
    reference's "…review: Watch it for the time loop angle"); open with a call to "us" and
    furniture the clause after a lead clause of LEAD_CLAUSE_MAX_WORDS ("Ha tetszett a cikk,
    kövessen minket a Facebookon is!"); or open a
    clause with a call word carrying its object pronoun, which only an imperative does
    ("…: se apprezzi il nostro lavoro, sostienilo con un abbonamento", `Lexicon.with_clitic`),
    or, in a language that puts it last, say one with the imperative of "do" after it
    (`Lexicon.imperative_after`: "…न्यूज़लेटर सब्सक्राइब करें") or end a sentence in the
    imperative's ending (`Lexicon.imperative_endings`: "…뉴스레터로 받아보세요")?
    """
    if _opens_with_call(words, lexicon):
        return True
    if lexicon.imperative_after and any(  # "… सब्सक्राइब करें" (`Lexicon.imperative_after`)
            word in lexicon.call and after in lexicon.imperative_after
            for word, after in zip(words[:-1], words[1:], strict=True)):
        return True
    if lexicon.imperative_endings and any(  # "…뉴스레터로 받아보세요" (`imperative_endings`)
            (said := words_of(sentence)) and said[-1].endswith(lexicon.imperative_endings)
            for sentence in sentences(own)):
        return True
    if not lexicon.clitics and lexicon.call.isdisjoint(words):  # no call word anywhere
        return False
    label, colon, announced = own.partition(": ")
    # blind trial aw: "Get our biggest stories on WhatsApp before anyone else — follow the …
    # channel" (the furniture before the dash), "…: join the … community on Telegram"
    furniture = lexicon.web.intersection(words)
    # a colon after a lead-in of phrases ("Every goal, every ground, every Saturday:"), not
    # after a sentence that introduces a quotation ("The text message read: Subscribe now…")
    phrased = colon and "," in label
    for clause in [*_DASH_RE.split(own)[1:], *([announced] if phrased and furniture else [])]:
        said = words_of(clause.lower())
        if _opens_with_call(said, lexicon) and furniture - {said[0]}:
            return True
    lead, comma, rest = own.partition(", ")
    said = words_of(rest.lower())
    if (comma and word_count(lead) <= LEAD_CLAUSE_MAX_WORDS and _opens_with_call(said, lexicon)
            and not lexicon.publisher.isdisjoint(said) and furniture - {said[0]}):
        # a call to follow "us" after a lead clause ("Ha tetszett a cikk, kövessen minket a
        # Facebookon is!", if you liked the article: fresh-user check #31); a story's
        # "For updates, follow the county's page" calls to nobody's furniture of "ours"
        return True
    for sentence in [*sentences(own)[1:], *([announced] if colon and _is_label(label) else [])]:
        said = words_of(sentence.lower())
        if _opens_with_call(said, lexicon) or (  # "… in unserem Kanal. Присоединяйтесь!"
                said and said[0] in lexicon.call and said[0] not in lexicon.function_words
                and (len(said) == 1 and sentence.rstrip().endswith("!")
                     # "… Kontakta Gävle Nyheters nyhetsdesk på tips@…" (blind trial ad)
                     or _ADDRESS_RE.search(sentence) is not None)):
            return True
    if not lexicon.clitics:
        return False
    for clause in _CLAUSE_RE.split(own)[1:]:
        opening = words_of(clause[:60].lower())
        if opening and lexicon.with_clitic(opening[0]):
            return True
    return False


# A lead clause before a call is a condition of a few words ("If you liked the article,",
# "Ha tetszett a cikk,"); a story's sentence runs longer before its comma.
LEAD_CLAUSE_MAX_WORDS = 6
# A label before a colon is a kicker of a few capitalized words ("Today's News", "Ground
# Game"); a sentence that introduces a quotation ("The text message read: Subscribe now or
# lose access, according to the complaint") has a verb in lower case.
LABEL_MAX_WORDS = 4


def _is_label(text: str) -> bool:
    """Is `text`, what stands before a colon, a kicker (LABEL_MAX_WORDS capitalized words)?"""
    words = text.split()
    return 0 < len(words) <= LABEL_MAX_WORDS and all(w[:1].isupper() for w in words)


def _opens_with_call(words: list[str], lexicon: Lexicon) -> bool:
    """Do a line's lower-cased `words` open with an imperative: a call word with its object
    pronoun joined (`Lexicon.with_clitic`: "Scaricala gratis…"), or a call word (`lexicon.call`,
    not one of the language's most frequent words, as English "like" is) followed by a
    function word (`lexicon.stopwords`: "Listen to…", "Sigue toda…", "Ακολουθήστε τη…"), by an
    address word ("Станьте нашим патроном…") or by the furniture it calls to (`lexicon.web`:
    "Pobierz aplikację…", in a language without articles)? A noun spelled as a call ("Share
    prices fell…", "Watch parties…") is followed by its own words, or by a genitive
    (`lexicon.genitive`: "Share of the mail ballots…")."""
    if len(words) > 1 and lexicon.with_clitic(words[0]):
        return True
    return (len(words) > 1 and lexicon.opens_call(words)
            and words[0] not in lexicon.function_words
            and (words[1] in lexicon.stopwords or words[1] in lexicon.web
                 or words[1] in lexicon.address))
