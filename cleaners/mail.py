"""A forwarded e-mail's wrapping around a story: its header blocks.

A desk forwards wire copy by e-mail, and a dump of the mail holds the story under one
header block or more ("From: … / Sent: … / To: … / Subject: …", in the mail program's
language: "Von:/Betreff:", "De:/Asunto:", "Od:/Temat:", "من:/الموضوع:"). Read as lines of
the page, a header line was the dump's title ("Betreff: WG: dpa 0412 Bahnstreik…") and its
sender the author (fresh-user check #28's forwarded dpa, EFE, PAP and Reuters stories).
A header is known by its shape, not by its labels' words: a run of short labelled fields
(RFC 5322's "Name: value") that names a mail address.
"""

import re

# A field: a label of one to three words, a colon and its value. (The label's first
# character is a letter of any script: "من:", "Betreff:".)
_FIELD_RE = re.compile(r"[^\W\d_][^\W\d_.-]*(?:[ .-][^\W\d_]+){0,2}\s?[:：]\s*\S")
# A mail address, with or without its angle brackets.
_ADDRESS_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A header block has this many fields at least (From, To and Subject, Sent or Date): two
# labelled lines with an address are a story's contact lines ("Media contact: …").
HEADER_MIN_FIELDS = 3
# The line a mail program writes over a forwarded message's header: "-----Original
# Message-----", "---------- Forwarded message ---------", "-------- Weitergeleitete
# Nachricht --------": words between runs of dashes.
_DIVIDER_RE = re.compile(r"-{2,}\s*[^\W\d_][^-]*?\s*-{2,}")


def header_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each header block among `lines` (one per unit, in order): a run of
    HEADER_MIN_FIELDS or more field lines (`_FIELD_RE`) of which one names a mail address,
    with the divider line right above it (`_DIVIDER_RE`)."""
    if not any("@" in line for line in lines):  # no address, no header (most pages)
        return []
    blocks = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _FIELD_RE.match(lines[j]):
            j += 1
        if j - i >= HEADER_MIN_FIELDS and any(_ADDRESS_RE.search(x) for x in lines[i:j]):
            top = i - 1 if i and _DIVIDER_RE.fullmatch(lines[i - 1]) else i
            blocks.append((top, j))
        i = max(j, i + 1)
    return blocks
