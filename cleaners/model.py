"""The values `clean()` returns: a cleaned document and the record of every decision.

Decisions are data (as in dolma): each removal names the rule that made it and where the
removed text stood in the decoded input, so a run can be audited, replayed or undone.
"""

from dataclasses import dataclass, field, fields
from enum import StrEnum


class Status(StrEnum):
    """What became of one input. The flow adds `unchanged` and `failed` to these."""

    CLEANED = "cleaned"
    EMPTY = "empty"  # decoded fine, but nothing of an article was left
    REJECTED = "rejected"  # not an article, or not text at all (binary, over a limit)


@dataclass(frozen=True, slots=True)
class Removal:
    """One removed line or block.

    `start`/`end` are character offsets into the decoded text (`Cleaned.decoded_length`
    long, its "\r\n" as two characters) so the removal can be located again; `text` is the
    line as newsclean read it, so its spaces may differ from the span's (a wrapped paragraph
    joined, cells split). Offsets are None where no span of the decoded text holds the
    removal: HTML, a text whose mojibake mending or NFC composition changed its length.
    `line` is 1-based for people.
    """

    rule: str
    family: str
    text: str
    line: int | None = None
    start: int | None = None
    end: int | None = None
    where: str = "anywhere"
    # the line model's P(article text) for a line it dropped (cleaners/linemodel.py)
    score: float | None = None
    extractor: str | None = None  # HTML: whose choice of article left this block out

    def to_dict(self) -> dict:
        # Field by field, not dataclasses.asdict: asdict deep-copies every value, 1.3 ms for
        # a page's ~180 removals, the largest cost of writing its record (measured).
        return {k: v for k in _REMOVAL_FIELDS if (v := getattr(self, k)) is not None}


_REMOVAL_FIELDS = tuple(f.name for f in fields(Removal))


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A cleaned document: the body, its title and the audit of what was taken out."""

    text: str
    title: str | None
    removed: tuple[Removal, ...]
    format: str  # "html" | "text"
    encoding: str | None
    status: Status = Status.CLEANED
    reason: str | None = None
    url: str | None = None
    author: str | None = None
    date: str | None = None
    extractor: str | None = None
    decoded_length: int = 0
    stats: dict = field(default_factory=dict)
    # how the bytes' charset was guessed, where they did not say it (decode.Decoded.warning)
    warning: str | None = None

    @classmethod
    def rejected(cls, reason: str, *, fmt: str = "unknown", url: str | None = None) -> "Cleaned":
        """A document refused whole, unread or unparsed: no text, no removals, `reason` why."""
        return cls(text="", title=None, removed=(), format=fmt, encoding=None,
                   status=Status.REJECTED, reason=reason, url=url)

    @property
    def removed_by_family(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for r in self.removed:
            counts[r.family] = counts.get(r.family, 0) + 1
        return counts

    def to_dict(self) -> dict:
        return {
            "status": str(self.status),
            "reason": self.reason,
            "title": self.title,
            "text": self.text,
            "format": self.format,
            "encoding": self.encoding,
            "warning": self.warning,
            "url": self.url,
            "author": self.author,
            "date": self.date,
            "extractor": self.extractor,
            "decoded_length": self.decoded_length,
            "stats": dict(self.stats),
            "removed_by_family": self.removed_by_family,
            "removed": [r.to_dict() for r in self.removed],
        }
