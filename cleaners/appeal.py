"""Appeals written as prose between a story's paragraphs, found by their voice.

"Sie wollen keine Nachrichten aus Brandenburg verpassen? Dann melden Sie sich für unseren
Newsletter an", "¿Quieres estar al día…? Apúntate gratis a nuestra newsletter", "We're a
nonprofit newsroom, and we rely on readers like you": the publisher ("we", "our") speaks to
the reader ("you") about its furniture (a newsletter, a subscription, a share button). News
is written about third parties and quotes them; the "we" and "you" of quoted speech are the
speaker's (`lines.without_quotes`). A column, an interview or a how-to that addresses its
reader throughout is not chrome: its paragraphs are read in their own voice, and nothing is
flagged when more than STORY_VOICE_MAX of the other paragraphs speak so too.

Found by what the paragraph does, not by its wording (Kohlschütter et al. 2010: shallow,
language-aware features with context); the word classes are `lexicon.Lexicon`'s.
"""

from newsclean.cleaners.lexicon import Lexicon
from newsclean.cleaners.lines import WORD_RE, is_prose, without_quotes

# An appeal is a sentence or two; a longer paragraph that addresses the reader is the story's
# (the longest blind-written appeal has 38 words).
APPEAL_MIN_WORDS = 4
APPEAL_MAX_WORDS = 60
# Share of the story's other prose paragraphs that may speak to the reader or for "us" (not
# counting the paragraphs that read as appeals): measured on the 391 dev dumps' outputs, 0.10
# flagged no gold paragraph and caught 9 of 36 blind-written leaks; 0.15 caught 11 and flagged
# 2 the gold keeps (a quoted privacy policy, a "Join our Fan Contributor Program" box); 0.20
# the same 11. At 0.15, 8 boilerplate paragraphs of the dev outputs go ("Got a story? Get in
# touch with our news team…", "If you enjoyed this article, we have a proposition for you").
# (Measured with the story's paragraphs as lines of 8+ words; read as `lines.is_prose`, the
# same dev paragraphs are flagged.)
STORY_VOICE_MAX = 0.15


def appeals(texts: list[str], lexicon: Lexicon) -> list[int]:
    """Indexes of the paragraphs of `texts` (a story's lines, in order) that are appeals: in
    their own voice (outside quotes), with a "we" word (`lexicon.publisher`) and a "you"
    word (the rest of `lexicon.address`, and `lexicon.formal_you`), and a word of what an
    appeal asks for (`lexicon.pitch`: a gift, a membership) or of page furniture or a call
    to action (`lexicon.web`, `lexicon.call`; not one of the language's most frequent words,
    as English "like" or "support" are); APPEAL_MIN_WORDS to APPEAL_MAX_WORDS words. None
    when more than STORY_VOICE_MAX of the other paragraphs of prose (`lines.is_prose`)
    address the reader or speak for "us"."""
    publisher, asks = lexicon.publisher, lexicon.asks
    voices, furnished, sizes = [], [], []
    for text in texts:
        own = without_quotes(text)
        words = WORD_RE.findall(own.lower())
        we = not publisher.isdisjoint(words)
        you = lexicon.says_you(own, words)
        voices.append((we, you))
        furnished.append(not asks.isdisjoint(words))
        sizes.append(len(words))
    found = [i for i, (we, you) in enumerate(voices)
             if we and you and furnished[i] and APPEAL_MIN_WORDS <= sizes[i] <= APPEAL_MAX_WORDS]
    if not found:
        return []
    pitches = {i for i, voice in enumerate(voices) if any(voice) and furnished[i]}
    story = [i for i, text in enumerate(texts) if i not in pitches and is_prose(text)]
    if sum(any(voices[i]) for i in story) > STORY_VOICE_MAX * len(story):
        return []
    return found
