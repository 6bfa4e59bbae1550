"""A social post embedded in a story, as a text dump keeps it: the embed's head, a short line
naming the platform and the account ("Innlegg fra @metvarsel på X:", "Inlägg på X från
@RTMalardalen", "Twitter (@mozilla)"), and the link under or over it to see the post on the
platform ("Visa det här inlägget på X").

Why by shape and not by phrase: the packs word the embed notices of the languages they know
("View this post on Instagram"), but every site and language words its own (blind trial u
left the Norwegian and Swedish ones: those packs have no social-embed family). What every
embed's head holds is the platform's name, which no language translates, and the account's
@handle, on a short line that ends no sentence. On the three dev sets' dumps no line of the
gold has that shape (10 lines of the dumps do: account links and embed heads), and no gold
line ending with a platform's name stands next to one.
"""

import re

from newsclean.cleaners.lines import ends_sentence, word_count

HEAD_RULE = "social-embed.platform-handle"
LINK_RULE = "social-embed.platform-link"
EMBED_FAMILY = "social-embed"

# The platforms whose posts news pages embed, as their names stand on pages in every
# language: capitalised, with no Latin letter or digit on either side ("X" alone, not the "x"
# of "4 x 100 m" nor the X of "Xbox"; Japanese joins it to its particles: "@nhk_news のX投稿").
PLATFORMS = ("X", "Twitter", "Instagram", "Facebook", "TikTok", "YouTube", "Threads", "Bluesky",
             "Telegram", "Mastodon", "LinkedIn", "Weibo", "VK", "Snapchat")
_PLATFORM_RE = re.compile(rf"(?<![A-Za-z0-9])(?:{'|'.join(PLATFORMS)})(?![A-Za-z0-9])")
_LAST_PLATFORM_RE = re.compile(rf"{_PLATFORM_RE.pattern}\W*$")
# An account's handle: "@" after no word character (an e-mail address has one before it) and
# before the name's letters, digits, "_" and ".", not running on into a domain.
HANDLE_RE = re.compile(r"(?<![\w.@])@\w[\w.]{1,29}(?![\w@]|\.\w)")
# An embed's head is the platform, the account and a word or two of the site's ("Post from",
# "Inlägg på … från"): the longest on the dev sets and the trials has 6 words; a sentence
# about a post runs longer or ends with its mark.
HEAD_MAX_WORDS = 10
# The link to see the post there: "Visa det här inlägget på X" has 6 words.
LINK_MAX_WORDS = 8


def is_embed_head(line: str) -> bool:
    """Is `line` HEAD_MAX_WORDS words or fewer naming a platform of PLATFORMS and an
    @handle (HANDLE_RE), ending no sentence (a colon may end it)?"""
    return ("@" in line and word_count(line) <= HEAD_MAX_WORDS and not ends_sentence(line)
            and HANDLE_RE.search(line) is not None
            and _PLATFORM_RE.search(line) is not None)


def _ends_with_platform(line: str) -> bool:
    return (_LAST_PLATFORM_RE.search(line) is not None and word_count(line) <= LINK_MAX_WORDS
            and not ends_sentence(line))


def embedded_posts(texts: list[str]) -> dict[int, str]:
    """The lines of `texts` (a document's units, in order) that are an embedded post's
    chrome, with their rule: each embed head (`is_embed_head`), and a line of LINK_MAX_WORDS
    words or fewer that ends with a platform's name right above or below one. A share row's
    "Share to Twitter" stands next to no head, and stays for the share rules to judge."""
    found: dict[int, str] = {}
    for i, text in enumerate(texts):
        if is_embed_head(text):
            found[i] = HEAD_RULE
            for j in (i - 1, i + 1):
                if 0 <= j < len(texts) and j not in found and _ends_with_platform(texts[j]):
                    found[j] = LINK_RULE
    return found
