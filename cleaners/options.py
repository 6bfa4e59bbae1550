"""Everything that tunes one `clean()` call, in one frozen value passed down explicitly."""

from dataclasses import dataclass

from newsclean.cleaners.linemodel import LineModel, default_model
from newsclean.cleaners.rules import RuleSet, default_rules

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """Options for `clean()`; the flow's parameters and the CLI flags map onto these names.

    The byte limits keep one hostile document from taking a worker's memory: real news
    pages are under 2 MB of HTML, and a gzip whose ratio passes 100:1 is a bomb, not a page.
    """

    rules: RuleSet | None = None  # None: the default pack shipped in cleaners/packs
    max_raw_bytes: int = 20 * MB  # the largest raw input (compressed) accepted
    max_inflated_bytes: int = 50 * MB  # the largest decompressed size accepted
    max_inflate_ratio: int = 100  # decompressed/compressed ratio above which it is a bomb
    max_output_chars: int = 2_000_000  # a clean body longer than this is not an article
    # Wall-clock seconds for one document. clean() itself never enforces it (no signals or
    # threads in this library): the runner around it does (flows/deadline.py). Real pages
    # take 0.01-0.5 s, the slowest legitimate one measured (9 MB, 100,000 lines) 5 s;
    # pathological nesting runs for minutes in trafilatura, which has no timeout of its own.
    max_seconds: float = 30.0
    locate_article: bool = True  # text dumps: keep the article's lines among page chrome
    drop_duplicate_paragraphs: bool = True
    mend_hyphenation: bool = True
    format_hint: str | None = None  # "html" | "text" to skip detection
    # The text-dump line model; None: the shipped one (cleaners/models/lines.json). The
    # trainer validates a model fitted on two dev sets through the whole of clean() on the
    # third with this; a newsroom can ship one fitted on its own archive the same way.
    line_model: LineModel | None = None

    def ruleset(self) -> RuleSet:
        return self.rules if self.rules is not None else default_rules()

    def model(self) -> LineModel:
        return self.line_model if self.line_model is not None else default_model()
