"""`clean()`: one raw document in, one `Cleaned` out. Pure: no I/O, no global state.

decode → detect format → HTML: extract (html_extract.py) | text: split lines (segment.py),
a Markdown dump's read as a reader sees them (markdown.py) → language (language.py) →
headline → the article's lines (locate.py, by the line model) → rules of the document's
language → normalize and dedupe → not-an-article check. Every unit
that does not reach the output is recorded as a `Removal` naming the rule or step that
removed it (with the line model's score where the model dropped it).
"""

import dataclasses
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, chain, islice, takewhile
from typing import NamedTuple
from urllib.parse import urlsplit

from newsclean.cleaners.appeal import PITCH_MAX_WORDS, appeal_span, appeals, is_statement
from newsclean.cleaners.contents import contents_runs
from newsclean.cleaners.credits import (
    CREDIT_SEPARATORS,
    SHARED_CREDIT,
    credit_tail,
    separated_tail,
    shared_credits,
)
from newsclean.cleaners.crosslink import (
    REFERRAL_FAMILY,
    REFERRAL_RULE,
    has_label_words,
    is_label_alone,
    is_pointed_headline,
    is_referral,
    is_unseparated_referral,
)
from newsclean.cleaners.dateline import common_era, dateline_date, opens_with_date
from newsclean.cleaners.decode import InputRejected, decode, repair
from newsclean.cleaners.detect import detect_format, is_json_document
from newsclean.cleaners.embed import EMBED_FAMILY, embedded_posts
from newsclean.cleaners.html_extract import extract_html, hidden_documents
from newsclean.cleaners.language import detect_languages, settle_close
from newsclean.cleaners.lexicon import Lexicon, lexicon_for
from newsclean.cleaners.linemodel import LineMemo, LineModel
from newsclean.cleaners.lines import (
    ARTICLE_MIN_WORDS,
    CJK_YEAR_RE,
    COLONS,
    EMAIL,
    EXCLAMATION_MARKS,
    FULL_STOPS,
    LINE_PARTS_RE,
    LIST_ITEM_RE,
    OPEN_QUOTES,
    QUESTION_MARKS,
    WORD_RE,
    attributed,
    byline_name,
    content_words,
    credited_name,
    ends_sentence,
    is_byline,
    is_byline_label,
    is_byline_shell,
    is_clock_line,
    is_clock_time,
    is_desk_credit,
    is_email_line,
    is_machine_text,
    is_prose,
    is_quotation,
    is_table_row,
    is_year,
    joined_word_count,
    last_mark,
    opens_lower,
    outside_quotes,
    quoted_at,
    sentence_ends,
    sentences,
    shows_time,
    table_cells,
    tells_when,
    unmarked_byline_name,
    word_count,
    words_of,
)
from newsclean.cleaners.locate import (
    BUTTON_MAX_WORDS,
    HEADLINE_REACH,
    LIST_MAX_ITEMS,
    PLACE_MAX_WORDS,
    PROMO_FAMILIES,
    TOP_STAMPS,
    Footer,
    closes_story,
    ends_a_list,
    grids,
    heads,
    heads_a_byline,
    is_list_item,
    is_promo_heading,
    leads_in,
    list_under,
    locate_lines,
    names_the_story,
    opens_a_section,
    opens_a_thread,
    poll_boxes,
    sentence_headline,
    tables,
    teaser_pairs,
    title_like,
)
from newsclean.cleaners.lynx import ITEM_RE as LYNX_ITEM_RE
from newsclean.cleaners.lynx import first_heading as first_lynx_heading
from newsclean.cleaners.lynx import is_lynx_dump, references_start
from newsclean.cleaners.lynx import read_line as read_lynx_line
from newsclean.cleaners.mail import header_blocks
from newsclean.cleaners.markdown import (
    MarkdownLine,
    PageHeader,
    continues_paragraph,
    heading_rest,
    is_link_line,
    is_markdown,
    only_h1,
    page_header,
    read_line,
)
from newsclean.cleaners.model import Cleaned, Removal, Status
from newsclean.cleaners.normalize import QUOTED_SHARE, dedupe_key, normalize_unit, unquote
from newsclean.cleaners.options import CleanOptions
from newsclean.cleaners.pagekind import PageType, not_article_reason
from newsclean.cleaners.pagetitle import is_badge, strip_site
from newsclean.cleaners.rules import (
    COMMENTS,
    CREDIT,
    DATELINE,
    MAX_LINE_CHARS,
    NAVIGATION,
    PRESS_RELEASE,
    Rule,
    RuleSet,
    Where,
)
from newsclean.cleaners.segment import (
    FLAT_LINE_CHARS,
    Unit,
    split_blocks,
    split_flat,
    split_units,
)

_DEFAULT_OPTIONS = CleanOptions()
# A body paragraph, for placing the leading/trailing guards: a line of real prose. Eight
# words is shorter than any news paragraph in the seeds and longer than nav and widget rows.
_BODY_MIN_WORDS = 8
# A repeated paragraph is dropped only from this length up: a scraper's doubled paragraph is
# prose, while short lines repeat on purpose (table headers, "Meal 1", "Eat every 2-3 hours"
# in a weekly plan). html-dev: 0.982 -> 0.983 F1 against dropping every repeat.
_DEDUPE_MIN_WORDS = 8
_LETTER_RE = re.compile(r"[^\W\d_]")


_JSON_DOCUMENT = ("not a page: a JSON document (newsclean cleans HTML pages and text dumps; "
                  "articles exported as JSON are read one per line, as JSON Lines, by "
                  "newsclean run)")


def clean(
    raw: bytes | str, *, source: str | None = None, options: CleanOptions | None = None
) -> Cleaned:
    """Clean one document. Never raises on bad input: it comes back `rejected` with a reason."""
    opts = options or _DEFAULT_OPTIONS
    url = source if source and source.startswith(("http://", "https://")) else None
    try:
        decoded = decode(
            raw,
            max_bytes=opts.max_raw_bytes,
            max_inflated=opts.max_inflated_bytes,
            max_ratio=opts.max_inflate_ratio,
        )
    except InputRejected as exc:
        return Cleaned.rejected(exc.reason, url=url)
    if opts.format_hint is None and is_json_document(decoded.text):
        return Cleaned.rejected(_JSON_DOCUMENT, url=url)
    fmt = opts.format_hint or detect_format(decoded.text, source)
    try:
        if fmt == "html":
            done = _clean_html(decoded.text, decoded.encoding, url, opts)
        else:
            done = _clean_text(decoded.text, decoded.encoding, url, opts,
                               dropped_controls=decoded.dropped_controls)
    except RecursionError:
        done = Cleaned.rejected("document nesting is too deep to parse", fmt=fmt, url=url)
    warnings = [decoded.warning] if decoded.warning else []
    if opts.format_hint == "text" and detect_format(decoded.text, source) == "html":
        warnings.append(_HTML_READ_AS_TEXT)
    return dataclasses.replace(done, warning="; ".join(warnings)) if warnings else done


# An HTML page read as a text dump because the caller said so: its tags come out in the text
# and its headline is "<article><h1>…" (fresh-user check #35: exit 0, no word of it). Said,
# not refused: the caller may want the markup.
_HTML_READ_AS_TEXT = ("read as a text dump as asked (format 'text'), but it is an HTML page: its "
                      "markup is in the text; leave the format out to read it as HTML")


def warm_up(options: CleanOptions | None = None) -> None:
    """Load what `clean()` loads on first use (the language model, ~0.3 s; the line model;
    the rules), so that a per-document time limit measures cleaning, not loading."""
    opts = options or _DEFAULT_OPTIONS
    opts.ruleset()
    detect_languages(["The council approved the budget on Tuesday."])
    opts.model()


# Persian and Urdu typed on an Arabic keyboard, or saved in cp1256 (which has no Farsi yeh),
# write yeh and kaf in their Arabic forms (ي ك) where the two languages have their own (ی
# ک): the Persian pack's rules, written in Persian letters, named none of a cp1256 page's
# lines ("تمامی حقوق این سایت محفوظ است" stayed as "تمامي حقوق اين سايت محفوظ است",
# fresh-user check #27; blind trial bh's Urdu code-page dump kept "يہ بھی پڑھيں"). A
# Persian or Urdu document's lines are asked in its own letters; the text keeps what it has.
_PERSIAN_LETTERS = str.maketrans("يكى", "یکی")
_IN_PERSIAN_LETTERS = frozenset(("fa", "ur"))


_BULLETED_MIN_CHARS = 2


def _lookup(rules: RuleSet, host: str | None, langs: tuple[str, ...] | list[str],
            lines: list[str]) -> Callable[..., Rule | None]:
    """`rules.lookup(host)` for a document of `lines`, asking a Persian or Urdu document's
    lines in their own letters (_PERSIAN_LETTERS), and naming no row of a table's grid
    (`locate.grids`) a dateline: a grant's payment table ("Applied in | Paid by" over
    "17-30 November | 12 December") lost its three rows to `dateline.timestamp` in every
    style of blind trial be, HTML too."""
    as_written = rules.lookup(host)

    def match(line: str, *args, **kwargs) -> Rule | None:
        # a list item's bullet aside: "* リンクをコピー", a share row's item no link holds in a
        # Markdown dump, stayed atop blind trial bb's Japanese story (the rules name the
        # line alone); not an item of a letter or two, a formula's "+ x" (readability-dev's
        # MathJax page, whose gold keeps it) or a bare "X"; and only of a whole line, not of
        # a label's words asked of one family (`of`): "* More “Questions” for your
        # opponent", an item of html-dev's list, read as "More:" and a headline went
        rule = as_written(line, *args, **kwargs)
        if (rule is None and line[:1] in "*+•-" and kwargs.get("of") is None
                and (bullet := _BULLET_RE.match(line))
                and len(line) - bullet.end() > _BULLETED_MIN_CHARS):
            rule = as_written(line[bullet.end():], *args, **kwargs)
        return rule
    if langs and langs[0] in _IN_PERSIAN_LETTERS:
        by_letters = match

        def match(line: str, *args, **kwargs) -> Rule | None:
            return by_letters(line.translate(_PERSIAN_LETTERS), *args, **kwargs)
    rows = frozenset(lines[i] for first, end in grids(lines) for i in range(first, end))
    if not rows:
        return match

    def off_grid(line: str, *args, **kwargs) -> Rule | None:
        rule = match(line, *args, **kwargs)
        return None if rule is not None and rule.family == DATELINE and line in rows else rule
    return off_grid


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _clean_text(decoded: str, encoding: str, url: str | None, opts: CleanOptions,
                *, dropped_controls: int = 0) -> Cleaned:
    text = decoded.replace("\r\n", "\n").replace("\r", "\n") if "\r" in decoded else decoded
    # an e-mail (a header block) has its quote marks taken off however long its own lines
    # are: a German forward's cover note, signature and legal notice outweighed its story
    # (fresh-user check #29)
    mailed = ">" in text and "@" in text and bool(header_blocks(text.split("\n")))
    unquoted, gutter = unquote(text, share=0.0 if mailed else QUOTED_SHARE)
    repaired = repair(unquoted)
    # the removals' offsets are found in the text read and given in the text decoded
    same = len(repaired) == len(unquoted)
    offsets = _DecodedOffsets(_DecodedOffsets.line_ends(decoded, text), gutter) if same else None
    # where the quoted lines start, in the text mended: unknown where mending moved it
    cleaned = _clean_lines(repaired, encoding, url, opts, dropped_controls, len(decoded),
                           quoted=frozenset(gutter) if same else frozenset())
    return dataclasses.replace(cleaned, removed=tuple(
        _in_decoded(r, offsets) for r in cleaned.removed))


@dataclasses.dataclass(frozen=True)
class _DecodedOffsets:
    """Where the text newsclean reads (line breaks as "\n", no quoting gutter) stands in the
    decoded text: a Windows dump's "\r\n" is one character read and two decoded, so a
    removal's offsets are moved on by the "\r"s before them (a fresh-user trial found 26 of
    a CRLF seed's 27 removals pointing at the wrong text), and by the "> " marks taken off
    its lines (`normalize.unquote`)."""

    crs: tuple[int, ...]  # the places in the text with "\n" line ends where a "\r" went
    gutter: tuple[int, ...] = ()  # the places in the text read where a quote mark went

    @staticmethod
    def line_ends(decoded: str, read: str) -> tuple[int, ...]:
        if decoded == read:
            return ()
        return tuple(i - k for k, i in enumerate(
            m.start() for m in re.finditer("\r\n", decoded)))

    @property
    def dropped(self) -> bool:
        return bool(self.crs or self.gutter)

    def __call__(self, at: int) -> int:
        at += bisect_left(self.gutter, at)
        return at + bisect_left(self.crs, at)


def _in_decoded(removal: Removal, offsets: _DecodedOffsets | None) -> Removal:
    """`removal` with its offsets in the decoded text; none where mending mojibake (ftfy) or
    composing characters (NFC) changed the text's length, which no offset can follow."""
    if removal.start is None or offsets is not None and not offsets.dropped:
        return removal
    if offsets is None:
        return dataclasses.replace(removal, start=None, end=None)
    return dataclasses.replace(removal, start=offsets(removal.start), end=offsets(removal.end))


def _clean_lines(text: str, encoding: str, url: str | None, opts: CleanOptions,
                 dropped_controls: int, decoded_length: int,
                 quoted: frozenset[int] = frozenset()) -> Cleaned:
    """`clean()` of a text dump, its line breaks "\n" and its mojibake mended; its removals'
    offsets are in `text`, which `_clean_text` moves into the decoded text. `quoted`: where
    the lines that had an e-mail's quote marks start (`normalize.unquote`)."""
    lynx = is_lynx_dump(text)
    units = split_blocks(text, LYNX_ITEM_RE) if lynx else split_units(text)
    removed: list[Removal] = []
    header = None if lynx else page_header(text)
    starts = None  # each page line's offset, where the page's lines are its units
    h1 = None  # where a Markdown page's only <h1> starts, or a lynx dump's first heading
    kind = "lynx" if lynx else "markdown"  # a marked-up dump's kind, its rules' prefix
    if lynx:
        units, page_lines, links = _read_marked(units, removed, read_lynx_line, kind,
                                         references=references_start([u.text for u in units]))
        h1 = _dated_heading(units, page_lines, first_lynx_heading(text, [u.start for u in units]))
    elif header is not None or is_markdown(text):
        units = _markdown_blocks(units, text)
        at = only_h1([u.text for u in units]) if header is None or not header.title else None
        h1 = units[at].start if at is not None else None
        units, page_lines, links = _read_marked(units, removed, read_line, kind,
                                                header=header)
    else:  # a plain dump, whose lines may have lost their breaks (a Markdown line of
        # links is read as links, not cut into its "sentences")
        units = split_flat(units, opts.max_output_chars, len(text))
        page_lines = [u.text for u in units]
        starts = [u.start for u in units]
        links = frozenset()  # no markup: no line of links
    unbroken = next((u.line for u in units if u.run_on), None)  # a page saved flat
    marked = starts is None  # a Markdown or text-browser dump: its list items have markers
    langs = detect_languages(page_lines)
    lang = langs[0] if langs else None
    rules = opts.ruleset().for_languages(langs)
    lexicon = lexicon_for(langs)
    # The model and the rules judge each line as it will be written out (cells, spaces,
    # hyphenation): a cleaned text, cleaned again, shows them the same lines.
    units, mends = _normalized(units, opts)
    # every rule question of this document, asked once
    match = _lookup(rules, _host(url), langs, [u.text for u in units])
    units = _split_glued(units, match, lexicon, mends, removed)
    units = _drop_machine_text(units, removed, opts.max_output_chars)
    units = _drop_mail_wrapper(_drop_mail_headers(units, removed), text, quoted, removed)
    title = header.title if header else _labelled_h1(units, h1, match, lexicon)
    if title:  # the page's own headline under its header: said once, as the title
        units = _drop_title_line(units, title, removed)
    memo = LineMemo()  # each line's own features, for every round
    mail = {r.text for r in removed if r.family == _MAIL}  # its sender is no byline:
    signed = [("" if x in mail else x) for x in page_lines] if mail else page_lines
    author = (header.author if header and header.author
              else _byline_author(signed, match, lexicon))
    judge = _Judge(rules, match, lexicon, opts, memo, author, lang, link_lines=links,
                   shared=shared_credits(u.text for u in units),
                   blank=(tuple(not ln.strip() for ln in text.split("\n"))
                          if starts is not None else None))
    kept, found, dropped, top = judge.rounds(units, title, top_line=True)
    if top and not names_the_story(found, (u.text for u in kept), lexicon.function_words):
        # the page's first line is a banner, a caption or a section name, not the story's
        # headline: the page is judged again with that line in it
        kept, found, dropped, top = judge.rounds(units, title, top_line=False)
    if top:  # the page's <title>, often saved above the on-page headline it decorates
        kept, found = _undecorated(found, kept, dropped)
    if found is None and h1 is not None:
        kept, found = _h1_headline(kept, h1, match, lexicon, dropped, kind)
    units, title = kept, found
    removed.extend(dropped)
    if title:  # said once, as the title: not again atop the text (a headline the page
        # repeats, in its <title> and over the story, is found at either place)
        units = _drop_title_line(units, title, removed)
    top = _story_top(page_lines, starts, units, title)
    # a second look from a plain or lynx dump's headline down to its story; not a Markdown
    # dump's, whose lines run inline elements together: 66 of the dev pages' Markdown dumps
    # got an author this way, a third of them with a role, a date or a label run onto the
    # name ("Meg JamesStaff Writer", "Tech Industry"), and readability-dev lost a line
    if author is None and units and (starts is not None or lynx and top.first < len(page_lines)):
        author = _located_byline_author(signed, top, match, lexicon)
        # its bio, which the rounds could not know for one (a Swedish column's "Johanna Ek
        # är kulturskribent på…" under "Om skribenten", her name alone over the date: blind
        # trial x)
        units = _drop_author_bios(units, author, removed)
    units = _drop_top_meta(units, removed, author, title)
    if author is None and lang in SIGNED_AT_END and units:
        units, author = _signature(units, match, lexicon, removed, lang)
    if author and starts is not None:
        units = _drop_author_bios(units, author, removed, _under_name(author, page_lines, starts))
    if _labels_only(units):  # the locator's best line of a page of furniture: no article
        removed.extend(_removal(u, "layout.no-article-text", "layout", "page") for u in units)
        units = []
    if marked:
        units = [_unbulleted(u) for u in units]
    # every word of the text is in one of its units, and no word spans two
    return _finish(units, removed, title=title, fmt="text", encoding=encoding, url=url,
                   opts=opts, decoded_length=decoded_length,
                   words_in=joined_word_count(page_lines),
                   author=author,
                   date=(header.date if header and header.date
                         else dateline_date(page_lines, lang, top.headline)),
                   extra_stats={"controls_dropped": dropped_controls, "language": lang,
                                "hyphenation_mended": sum(mends.get(id(u), 0) for u in units),
                                **({UNBROKEN_LINE: unbroken} if unbroken else {})},
                   page_lines=page_lines)


# The stat that names a dump's line of most of its text with no line break (`split_flat`):
# a page saved flat, read sentence by sentence, for an editor to check (`unbroken_notice`).
UNBROKEN_LINE = "unbroken_line"


def unbroken_notice(stats: dict) -> str | None:
    """The one line that says a dump was read sentence by sentence (its `stats` name an
    UNBROKEN_LINE), or None: `clean`'s warning and a run's review reason."""
    line = stats.get(UNBROKEN_LINE)
    if line is None:
        return None
    return (f"line {line} runs over {FLAT_LINE_CHARS:,} characters with no line break: read "
            "sentence by sentence, boilerplate run into a sentence stays or goes with it")


# Rounds of the text path (headline, letterless edges, the article's lines, rules, repeats)
# until one takes nothing more away: the locator judged the page with lines still in it
# that the rules then removed, and a second clean() of the output judges it without them.
# Taken to its fixed point, cleaning a cleaned text changes nothing. Of the 391 dev dumps,
# most settle in one round (the model's last pass kept all, the rules removed nothing).
MAX_ROUNDS = 3


@dataclasses.dataclass(frozen=True)
class _Judge:
    """What the rounds over one text dump's lines ask with: its rules, its rule lookup, its
    word classes, the options, and each line's own features (kept for every round)."""

    rules: RuleSet
    match: Callable[..., Rule | None]
    lexicon: Lexicon
    opts: CleanOptions
    memo: LineMemo
    author: str | None  # the name the page's byline credits (`_byline_author`)
    lang: str | None  # the document's language (`language.detect_languages`' first)
    link_lines: frozenset[int]  # a marked dump's lines of links (`_read_marked`)
    shared: frozenset[str]  # the page's credits under two captions (`credits.shared_credits`)
    # a plain dump's page lines, whether each is blank (`_drop_form_blocks`); None for a
    # marked dump, whose blocks are its markup's
    blank: tuple[bool, ...] | None = None
    # what each round's appeal and credit steps found in a paragraph, for the next rounds,
    # which see the same paragraphs again (`appeal.appeals`, `_drop_credit_tails`)
    voices: dict = dataclasses.field(default_factory=dict)
    credits: dict = dataclasses.field(default_factory=dict)
    repeats: dict = dataclasses.field(default_factory=dict)  # `_drop_repeats`' findings

    def rounds(self, units: list[Unit], title: str | None, *, top_line: bool
               ) -> tuple[list[Unit], str | None, list[Removal], bool]:
        """(the article's units, its title, what was removed, whether the title is the
        page's first line) after MAX_ROUNDS rounds at most. With `top_line` the page's first
        line may be its headline (`_page_headline`); without it, only the line the locator
        finds above the article may."""
        removed: list[Removal] = []
        top = False
        rules, opts = self.rules, self.opts
        # asked once of each round's units: the end of a round asks what the next begins with
        page_head = title is None and top_line and _page_headline(units, self)
        for _ in range(MAX_ROUNDS):
            if page_head:
                title, top = units[0].text, True
                removed.append(_removal(units[0], "structure.headline", "structure", "leading"))
                units = units[1:]
            units = _drop_letterless_edges(units, removed)
            settled = True
            trailing: list[Removal] = []
            if opts.locate_article and units:
                units, found, settled = _article_lines(units, self.lexicon, self.match,
                                                       opts.model(), removed, trailing,
                                                       want_title=title is None, memo=self.memo,
                                                       speech=rules.reported_speech,
                                                       link_lines=self.link_lines)
                if found is not None:
                    title = found.text
            located = len(units)
            before_rules = units  # a gallery's counters, which the rules take, tell its slides
            units = _apply_rules(units, self.match, self.lexicon, removed,
                                 speech=rules.reported_speech, link_lines=self.link_lines)
            units = _drop_credit_tails(units, self.match, removed, self.credits, before_rules,
                                       shared=self.shared)
            units = _drop_appeals(units, self.lexicon, removed, self.voices,
                                  rules.reported_speech, trailing)
            units = _drop_form_blocks(units, chain(removed, trailing), self.blank,
                                      rules.reported_speech, removed)
            units = _drop_author_bios(units, self.author, removed)
            units = _drop_contents(units, removed)
            units = _drop_repeats(units, removed, opts, self.repeats)
            units = _drop_orphan_heads(units, removed)
            units = _drop_letterless_edges(units, removed)
            removed.extend(trailing)
            page_head = title is None and top_line and _page_headline(units, self)
            if not units or settled and len(units) == located and not page_head:
                break
        return units, title, removed, top


def _markdown_blocks(units: list[Unit], text: str) -> list[Unit]:
    """A Markdown dump's `units` (its lines) as its blocks, as CommonMark reads them: each
    paragraph's lines joined (`markdown.continues_paragraph`), and each heading the dumper
    wrapped joined with its rest on the next line (`markdown.heading_rest`)."""
    out: list[Unit] = []
    for u in units:
        head = out[-1] if out else None
        gap = text[head.end:u.start] if head is not None else ""
        if head is not None and gap.count("\n") == 1 and (
                heading_rest(head.text, u.text) or continues_paragraph(
                    head.text, u.text, gap.startswith("  ") or head.text.endswith("\\"))):
            out[-1] = Unit(f"{head.text} {u.text}", head.start, u.end, head.line)
        else:
            out.append(u)
    return out


def _read_marked(units: list[Unit], removed: list[Removal], read: Callable[[str], MarkdownLine],
                 kind: str, *, header: PageHeader | None = None,
                 references: int | None = None
                 ) -> tuple[list[Unit], list[str], frozenset[int]]:
    """A marked-up dump's lines as a reader sees them, `read` line by line (Markdown:
    cleaners/markdown.py; a text browser's: cleaners/lynx.py, whose links' references list
    at the end goes whole), and the page's text as the reader sees it, line by line. The
    page's header (front matter) and a line with no text (an image, an empty heading) are
    removed and recorded under `kind`'s rules ("markdown.no-text", "lynx.references"), and
    so is a line of links (menu items, teasers, tags, share buttons), which stays part of
    the page; the others keep their place, lose their markup and go on to the line model.
    The units from index `references` on are the links' list (`lynx.references_start`).
    Returns (those units, the page's lines, the line numbers of its lines of links)."""
    out, page, links = [], [], set()
    for n, u in enumerate(units):
        if header is not None and u.start < header.end:
            removed.append(_removal(u, f"{kind}.header", "structure", "leading"))
            continue
        if references is not None and n >= references:
            removed.append(_removal(u, f"{kind}.references", "navigation", "trailing"))
            continue
        line = read(u.text)
        if not any(map(str.isalnum, line.text)):
            removed.append(_removal(u, f"{kind}.no-text", "layout"))
            continue
        page.append(line.text)
        if is_link_line(line):
            removed.append(_removal(u, f"{kind}.link-line", "navigation"))
            links.add(u.line)
        else:
            out.append(dataclasses.replace(u, text=line.text) if line.text != u.text else u)
    return out, page, frozenset(links)


# What the locator keeps of a page with no line that reads like an article is its most
# likely line: a menu label ("News"), a section name. An article has a sentence, or more
# words than a label (a results table, a list); a label is a few short words (a 10 MB line
# without spaces is one "word", and is refused for its size).
_LABEL_MAX_WORDS = 5
_LABEL_MAX_CHARS = 60


def _labels_only(units: list[Unit]) -> bool:
    """Are `units` a few words of labels, none of them a sentence (_LABEL_MAX_WORDS and
    _LABEL_MAX_CHARS in all)?"""
    return (bool(units) and not any(ends_sentence(u.text) for u in units)
            and sum(len(u.text) for u in units) <= _LABEL_MAX_CHARS
            and sum(word_count(u.text) for u in units) <= _LABEL_MAX_WORDS)


def _byline_author(page_lines: list[str], match: Callable[..., Rule | None],
                   lexicon: Lexicon) -> str | None:
    """The name of the page's first byline above its first line of prose (`lines.is_prose`)
    that no rule names (a cookie banner's is not the story's): a text dump's author, as
    HTML gives it from the page's metadata. Below the story, "by" lines are comments' and
    teasers' credits. `_located_byline_author` looks again once the story is found."""
    head = takewhile(lambda line: not is_prose(line) or is_byline(line)  # "… 8:02 a.m."
                     or match(line, Where.LEADING) is not None, page_lines)
    return _first_byline(list(head), lexicon, match, alone=0)


# Between a byline's name and its time stamp: a button (locate.BUTTON_MAX_WORDS: "Follow",
# "Business"), or the writer's e-mail address, on its own line or after the name ("Erik Lindqvist"
# and "erik.lindqvist@…" over "Publicerad 22 april 2024, 06:00": blind trial q's Swedish
# page gave no author).
_EMAIL_AFTER_RE = re.compile(rf"\s+{EMAIL}\s*$")
# A byline stands under the story's first paragraph at the furthest: its lead, then "Von
# Eileen Wagner" (fundus-dev's WAZ), a standfirst, then the name and the date.
BYLINE_AFTER_LEAD = 3


class _StoryTop(NamedTuple):
    """Where a dump's story starts among its page lines (`first`, the first line the
    locator kept) and the line of its headline at or above it (`headline`, None when the
    title is none of the lines): asked once, by the byline's second look and the dateline."""

    first: int
    headline: int | None


def _story_top(page_lines: list[str], starts: list[int] | None, kept: list[Unit],
               title: str | None) -> _StoryTop:
    """`_StoryTop` of the lines whose offsets are `starts` (None on a Markdown or lynx dump,
    whose lines are not its units: the headline is then the first line that says the title,
    and the story's first line the first under it that says the first kept unit's text, or
    none, len(page_lines), when none says it)."""
    first = (max(bisect_right(starts, kept[0].start) - 1, 0) if starts and kept
             else len(page_lines))
    said = dedupe_key(title) if title else None
    above = range(min(first, len(page_lines) - 1), -1, -1) if starts else range(len(page_lines))
    headline = next((i for i in above if dedupe_key(page_lines[i]) == said), None) if said else None
    if not starts and kept:
        first = next((i for i in range(headline or 0, len(page_lines))
                      if page_lines[i] == kept[0].text), first)
    return _StoryTop(first, headline)


def _located_byline_author(page_lines: list[str], top: _StoryTop,
                           match: Callable[..., Rule | None], lexicon: Lexicon) -> str | None:
    """The name of a byline between the page's headline (else HEADLINE_REACH lines above the
    story) and BYLINE_AFTER_LEAD lines into the story the locator kept (`top`): the byline
    under a long menu, a prose-like breadcrumb or a standfirst, which `_byline_author` stops
    short of ("By Corey Kilgannon" under rd-nytimes-3's headline and standfirst). Dev dumps
    whose author matches their HTML page's: 51 -> 136 of 391 with this second look and the
    shapes of `_first_byline` (`python -m newsclean.flows.devtools.metadata_check`)."""
    first, headline = top
    start = max(first - HEADLINE_REACH, 0) if headline is None else headline
    # a name alone is a byline's only from the headline down to BYLINE_AFTER_LEAD lines into
    # the story: above a stamp elsewhere it was a section's label ("Business News", "Tech &
    # Media": 60 of the dev dumps); under a standfirst it is the writer's (blind trial t's
    # "Tóth Eszter" over "2025. március 3. 18:40"; dev dumps agreeing 135 -> 136, none new
    # differing)
    alone = 0 if headline is None else first - headline + 1 + BYLINE_AFTER_LEAD
    return _first_byline(page_lines[start:first + BYLINE_AFTER_LEAD], lexicon, match, alone)


_GAP_RE = re.compile(r"\s{2,}")


def _byline_part_name(line: str) -> str | None:
    """The name a labelled byline credits as one part of a line ("作者：李明" after the time
    and the source), or None: a part after the first only, since the first is the line's own
    (`byline_name`). A dump's gap of two spaces or more parts it too ("2024-06-05 16:20:35
    来源：东方环境报  记者 王晓燕", blind trial ad)."""
    parts = [p for part in LINE_PARTS_RE.split(line) for p in _GAP_RE.split(part)][1:]
    return next((name for part in parts if (name := byline_name(part)) is not None), None)


def _first_byline(lines: list[str], lexicon: Lexicon, match: Callable[..., Rule | None],
                  alone: int) -> str | None:
    """The name the first byline of `lines` credits, in any of its shapes: a marker or a
    label and the name ("By Jane Doe", "Autor: …"); a label or a marker alone ("by",
    "Author:"), the name on the next line; a name, a separator and a time stamp ("Mehmet
    Yılmaz | 8 Haziran 2024, 16:20"); or a name alone over a time stamp, one line (a
    "Follow" button, an e-mail address) between them at most ("Katarzyna Wiśniewska" over "Opublikowano:
    16.01.2024, 07:45", blind trial p; "Amanda Hällsten" over "Uppdaterad 15.59 |
    Publicerad 14.14", fundus-dev's Aftonbladet), on the first `alone` lines only. A name
    without a marker counts when no word of it is a function or furniture word of the page's
    language ("Son Dakika | 8 Haziran 2024" is a "breaking news" label) and no rule names
    its line; a particle in lower case is the name's ("Sanne de Wit": blind trial r)."""
    for i, line in enumerate(lines):
        if (name := byline_name(line)) is not None:
            return name
        if (name := _byline_part_name(line)) is not None:
            return name
        if ((is_byline_label(line) or is_byline_shell(line)) and i + 1 < len(lines)
                and (name := credited_name(lines[i + 1])) is not None):
            return name
        name = unmarked_byline_name(line)
        if name is None and i < alone and ":" not in line and i + 1 < len(lines) and (
                tells_when(lines[i + 1]) or i + 2 < len(lines) and tells_when(lines[i + 2])
                and (word_count(lines[i + 1]) <= BUTTON_MAX_WORDS
                     or is_email_line(lines[i + 1]))):
            name = credited_name(_EMAIL_AFTER_RE.sub("", line))
        if name is not None and match(line, Where.LEADING) is None and _names_someone(
                name, lexicon) and match(name, Where.LEADING) is None:  # "PRESS RELEASE |
            return name  # 09 Jul 2024, 07:00 BST": a label, no one (fresh-user check #37)
    return None


def _names_someone(name: str, lexicon: Lexicon) -> bool:
    """Is `name`, a byline's without a marker, a person's rather than a label's: no word of
    it a function or furniture word of the page's language ("Son Dakika" is "breaking
    news") but a particle or a joiner in lower case (`lines.NAME_LOWER_WORDS`, which
    `byline_name` asks of every name: "Sanne de Wit")? A script without case shows no
    particle: there half its words may be ("נועה בן שושן", "son of"; "محمد عمران", whose
    first name the Urdu list holds: blind trial v gave neither page an author), in a name of
    UNCASED_NAME_MAX_WORDS words at most (an Arabic headline over its date, one "في" in
    nine words, is no name: field case 20). A given name among the commonest words
    ("Johan", "John": `Lexicon.proper`) is a name's."""
    words = [w.lower() for w in WORD_RE.findall(name) if not (w.islower() and opens_lower(w))]
    common = sum(w in lexicon.function_words and w not in lexicon.proper or w in lexicon.web
                 for w in words)
    if any(c.isupper() for c in name):
        return common == 0
    return len(words) <= UNCASED_NAME_MAX_WORDS and 2 * common <= len(words) and (
        common < len(words))


# A person's name in a script without case: "محمد بن عبد الله الأحمد" has 5 words.
UNCASED_NAME_MAX_WORDS = 5


_ENTRY_TIME = "live-blog.entry-time"


def _drop_entry_times(units: list[Unit], removed: list[Removal]) -> list[Unit]:
    """`units` without a live blog's bare entry times, two or more clock lines
    (`lines.is_clock_line`), recorded: on HTML as a dump's locator drops them
    (`locate._clocks_alike`); an extractor keeps each entry's <time> as a paragraph (blind
    trials ai's it and ah's en-AU blogs kept 7 and 4)."""
    at = {i for i, u in enumerate(units) if is_clock_line(u.text)}
    if len(at) < 2:
        return units
    removed.extend(_removal(units[i], _ENTRY_TIME, "live-blog") for i in sorted(at))
    return [u for i, u in enumerate(units) if i not in at]


def _drop_top_meta(units: list[Unit], removed: list[Removal], author: str | None = None,
                   title: str | None = None) -> list[Unit]:
    """`units` without the bylines and date stamps above the story's first paragraph of
    prose, recorded: the byline ("By Daniel Okafor", "Von Juliane Rohr", "本报记者　王晓燕":
    `lines.byline_name`) as structure.byline, a stamp with a date ("3. Mai 2024, 17:47",
    `_dated_stamp`) as structure.dateline. They are the record's `author` and `date`, as the
    headline is its `title`, and no dev set's gold has them in the text: 30 of the 391 dev
    dumps' cleaned texts opened with a byline (html-dev text +0.0007, none down), 5 with such
    a stamp. A "By the final whistle, …" sentence credits no one and stays; so do a live
    blog's first clock time (no date) and a dateline run into the lead ("WASHINGTON
    (Reuters) — …" is prose). The `author`'s name alone there is the byline too (a
    Hebrew and a Portuguese dump kept it between the deck and the lead, blind trials ak
    and ai), unless it is the `title` (a Wikipedia page's heading read as its author)."""
    if author == title:
        author = None
    prose = (i for i, u in enumerate(units) if is_prose(u.text))
    first = next(prose, len(units))
    if first == 0:  # a standfirst under the headline: the byline and stamp stand under it
        first = next(prose, len(units))
    rules = {i: rule for i in range(min(first, HEADLINE_REACH))
             if (rule := _top_meta_rule(units[i].text)
                 or (_BYLINE if author and _credits_author(units[i].text, author) else None))}
    removed.extend(_removal(units[i], rule, "structure", "leading")
                   for i, rule in sorted(rules.items()))
    return [u for i, u in enumerate(units) if i not in rules] if rules else units


# What stands between a byline's name and the writer's place ("Madrid", "Den Haag",
# "भोपाल": a place of `locate.PLACE_MAX_WORDS` words at most).
_PLACE_SEPARATOR_RE = re.compile(r"\s*[|,·•–—-]\s*")


def _credits_author(line: str, author: str) -> bool:
    """Is `line` the byline of `author`: the name alone, or with the writer's place after a
    separator, `locate.PLACE_MAX_WORDS` words at most and no sentence ("Marta Quiroga | Madrid",
    "अंकित तिवारी, भोपाल": blind trial bg kept both between the standfirst and the lead, the
    author read from them)?"""
    line = line.strip()
    if not line.startswith(author):
        return False
    rest = line[len(author):]
    sep = _PLACE_SEPARATOR_RE.match(rest)
    return not rest or sep is not None and sep.end() > 0 and (
        0 < word_count(rest[sep.end():]) <= PLACE_MAX_WORDS and not ends_sentence(rest))


# Languages whose papers sign a story at its end, the writer's name alone on the line after
# the last paragraph (Vietnamese: VnExpress's "Lê Phương", fundus-dev; blind trial z's "Lê
# Minh Châu"), or in brackets (Japanese: "（山本健太郎）", a fresh user's page). Not English
# and the like, whose headlines are written in title case: a teaser's headline left after
# the story reads as a name there.
SIGNED_AT_END = frozenset(("vi", "ja"))
# Languages whose names are made of the commonest syllables: Vietnamese "Minh Anh" ("anh",
# "you"), "Lê Phương" hold words of the stoplist, and blind trial al's signature stayed.
SYLLABLE_NAMES = frozenset(("vi",))
SIGNATURE_MAX_WORDS = 4
# A name of kanji of three to six characters, or two parts: a wire's credit there is of
# two ("（共同）", "（時事）"), of kana ("（ロイター）") or a company's ("（新華社）").
_BRACKETED_NAME_RE = re.compile(
    r"[（(]((?![^）)]*社[）)])[\u4e00-\u9fff]{1,4}[ \u3000][\u4e00-\u9fff]{1,4}"
    r"|(?![^）)]*社[）)])[\u4e00-\u9fff]{3,6})[）)]")


def _signature(units: list[Unit], match: Callable[..., Rule | None], lexicon: Lexicon,
               removed: list[Removal], lang: str | None) -> tuple[list[Unit], str | None]:
    """(`units` without the signature, its name) when the text's last unit, after a
    paragraph of prose, is a name of 2 to SIGNATURE_MAX_WORDS words no rule names
    (`lines.credited_name`, `_names_someone`; in a language of SYLLABLE_NAMES, every word
    capitalised), or a name of kanji in brackets; else (`units`, None). The signature is
    recorded as structure.byline, as a byline above the story is."""
    last = units[-1].text.strip()
    if (len(units) < 2 or not is_prose(units[-2].text)
            or len(last.split()) > SIGNATURE_MAX_WORDS or ends_sentence(last)
            or match(last, Where.TRAILING) is not None):
        return units, None
    if (bracketed := _BRACKETED_NAME_RE.fullmatch(last)) is not None:
        name = bracketed.group(1)
    else:
        name = credited_name(last)
        if name != last or not (_names_someone(name, lexicon) or lang in SYLLABLE_NAMES
                                and all(w[:1].isupper() for w in name.split())):
            return units, None
    removed.append(_removal(units[-1], _BYLINE, "structure", "trailing"))
    return units[:-1], name


_BYLINE = "structure.byline"


def _top_meta_rule(line: str) -> str | None:
    """The rule of a line above the story that is its byline (structure.byline) or its dated
    stamp (structure.dateline), or None."""
    if byline_name(line) or is_byline_label(line) or is_desk_credit(line):  # "Author of the
        # article:" over the name, which the locator dropped (blind trial am's Canadian
        # page); the desk's or the outlet's credit ("Door onze redactie", "北陸日報社")
        return _BYLINE
    return "structure.dateline" if _dated_stamp(line) else None


def _dated_stamp(line: str) -> bool:
    """A time stamp that tells the day (`lines.tells_when` with a year in it, Thai ones'
    Buddhist-era years too: "22 เม.ย. 2568 09:15 น.", blind trial z, or a numeric date of
    day, month and a year of two digits: "נועה לוי | פורסם: 03.06.25, 11:47", fresh-user
    check #40's Hebrew byline stayed), not a clock time alone ("4:32pm", a live blog's first
    entry) nor a count."""
    return tells_when(line) and (any(map(is_year, words_of(common_era(line))))
                                 or any(map(is_year, CJK_YEAR_RE.findall(line)))
                                 or _NUMERIC_DATE_RE.search(line) is not None)


# A date in numbers, day (or month), month (or day) and year: "03.06.25", "3/6/2025".
_NUMERIC_DATE_RE = re.compile(r"(?<![\d./])\d{1,2}([./-])\d{1,2}\1\d{2}(?:\d{2})?(?![\d/]|[.,]\d)")


def _undecorated(title: str, units: list[Unit], removed: list[Removal]
                 ) -> tuple[list[Unit], str]:
    """(`units`, the title) when a dump's first line `title` is the page's <title>, "Headline -
    Site" or "Site | Headline", and the on-page headline below it says the headline alone: the
    title is that line (`pagetitle.strip_site`'s test, a separator-bounded part of at least 40%
    of the title), a removed one or one of the first HEADLINE_REACH kept lines, which then goes
    as the title said twice. Before, such a page's title kept its site name (a fresh user's
    pl and ar pages; en pages' " | Site" is no headline-like line and never was the title)."""
    low = title.lower()
    said = [r.text for r in removed if r.line is not None]
    said += [u.text for u in units[:HEADLINE_REACH]]
    # a part of the title first (a substring test), `strip_site`'s separators only then
    line = next((t for t in said if t != title and t.lower() in low
                 and strip_site(title, None, (t,)) == t), None)
    if line is None:
        return units, title
    return _drop_title_line(units, line, removed), line


# A lynx dump's first heading (`lynx.first_heading`) is its headline when a byline or a
# time stamp stands within this many lines of it: one stood over or under the headline of
# each of blind trial bb's 14 pages ("Episode 214 · November 12, 2025" over it; under a
# Hindi headline's "key points" heading and three points, "Edited By: … 10:45 AM (IST)").
# On a page whose headline is no heading, the first is a subhead, the lead kept above it.
HEADING_STAMP_REACH = 6


def _dated_heading(units: list[Unit], page_lines: list[str], start: int | None) -> int | None:
    """`start`, where one of `units` starts, when a byline, or a line with a clock time
    that is no sentence ("大野真理子 2025年11月12日 18時45分"), stands within
    HEADING_STAMP_REACH of the `page_lines` around that unit's; else None."""
    line = next((u.text for u in units if u.start == start), None)
    at = next((k for k, text in enumerate(page_lines) if text == line), None)
    if at is None:
        return None
    near = page_lines[max(0, at - HEADING_STAMP_REACH):at + HEADING_STAMP_REACH + 1]
    return start if any(is_byline(x) or tells_when(x) or shows_time(x) and not is_prose(x)
                        for x in near if x != line) else None


def _h1_headline(kept: list[Unit], h1: int, match: Callable[..., Rule | None],
                 lexicon: Lexicon, dropped: list[Removal], kind: str
                 ) -> tuple[list[Unit], str | None]:
    """(the story's units, its title) of a Markdown page or a lynx dump (`kind`) the locator
    found no headline in, when the kept unit that starts at `h1` (its only <h1>,
    `markdown.only_h1`; its first heading, `lynx.first_heading`) reads like a headline
    (`locate.title_like`), no rule names it and it names the story under it: that unit is
    the title, and the kept lines above it were the page's (a consent box's buttons, a
    ticker, a breadcrumb: the story starts at its headline), each recorded in `dropped`.
    Else `kept` and no title."""
    at = next((k for k, u in enumerate(kept) if u.start == h1), None)
    if at is None or match(kept[at].text, Where.ANYWHERE) or not _heads_the_story(
            kept, at, lexicon):
        return kept, None
    dropped.extend(_removal(u, f"{kind}.above-headline", "layout", "leading") for u in kept[:at])
    dropped.append(_removal(kept[at], f"{kind}.headline", "structure", "leading"))
    return kept[at + 1:], kept[at].text


def _labelled_h1(units: list[Unit], h1: int | None, match: Callable[..., Rule | None],
                 lexicon: Lexicon) -> str | None:
    """The text of the unit that starts at `h1` (a Markdown page's only <h1>, a lynx dump's
    first heading) when a cross-link rule names it for its label and it is the story's
    headline all the same (`locate.title_like`, `names_the_story`): "LIVE UPDATES: Water
    main break floods downtown Dayton; …" is a teaser's shape below a story, but the page's
    only <h1> is its own headline (fresh-user check #38's Markdown page lost its title to
    cross-link.labelled-headline). Else None: `_h1_headline` asks again after the rounds."""
    at = next((k for k, u in enumerate(units) if u.start == h1), None) if h1 is not None else None
    if at is None:
        return None
    rule = match(units[at].text, Where.ANYWHERE)
    if rule is None or rule.family != REFERRAL_FAMILY or not _heads_the_story(units, at, lexicon):
        return None
    return units[at].text


def _heads_the_story(units: list[Unit], at: int, lexicon: Lexicon) -> bool:
    """Does unit `at`, a page's headline by its markup, read like one (`locate.title_like`)
    and name the story under it (`names_the_story`)?"""
    return title_like(units[at].text) and names_the_story(
        units[at].text, (u.text for u in units[at + 1:]), lexicon.function_words)


def _drop_title_line(units: list[Unit], title: str, removed: list[Removal]) -> list[Unit]:
    """`units` without the first of their first HEADLINE_REACH lines that says `title`
    (equal up to case and spacing, as repeated paragraphs are: `dedupe_key`)."""
    said = dedupe_key(title)
    for i, u in enumerate(units[:HEADLINE_REACH]):
        if dedupe_key(u.text) == said:
            removed.append(_removal(u, "structure.headline", "structure", "leading"))
            return units[:i] + units[i + 1:]
    return units


def _normalized(units: list[Unit], opts: CleanOptions) -> tuple[list[Unit], dict[int, int]]:
    """Each unit's text as `normalize_unit` writes it, and the mends made in each (by id)."""
    out, mends = [], {}
    for u in units:
        text, n = normalize_unit(u.text, mend=opts.mend_hyphenation)
        if text != u.text:
            u = dataclasses.replace(u, text=text)
            if n:
                mends[id(u)] = n
        out.append(u)
    return out, mends


def _drop_byline_shells(units: list[Unit], removed: list[Removal]) -> list[Unit]:
    """`units` without what an HTML byline left once the extractor took its name and date
    out ("di —": `lines.is_byline_shell`), recorded."""
    out = []
    for u in units:
        if is_byline_shell(u.text):
            removed.append(_removal(u, "structure.byline-shell", "structure"))
        else:
            out.append(u)
    return out


def _drop_machine_text(units: list[Unit], removed: list[Removal], limit: int) -> list[Unit]:
    """`units` without the lines of data a scraper saved with the page (an inline image's
    base64: `lines.is_machine_text`), each recorded as `layout.machine-text`. A line longer
    than a clean body may be (`limit`, `CleanOptions.max_output_chars`) stays: the document
    is rejected for its size, as a 10 MB line without a space is input no page holds."""
    kept = []
    for u in units:
        if len(u.text) <= limit and is_machine_text(u.text):
            removed.append(_removal(u, "layout.machine-text", "layout"))
        else:
            kept.append(u)
    return kept


_MAIL = "mail"  # the family of a forwarded e-mail's wrapping around its story


def _drop_mail_headers(units: list[Unit], removed: list[Removal]) -> list[Unit]:
    """`units` without the header blocks of the e-mail that forwarded the story
    (`mail.header_blocks`), each line recorded as `mail.header`."""
    blocks = header_blocks([u.text for u in units])
    if not blocks:
        return units
    gone = {i for first, end in blocks for i in range(first, end)}
    removed.extend(_removal(units[i], "mail.header", _MAIL) for i in sorted(gone))
    return [u for i, u in enumerate(units) if i not in gone]


# A mail forwards the story under its quote marks when they hold this share of its words
# (its header blocks gone): its own lines, a cover note, a signature and a legal notice, may
# be as long as a short story (fresh-user check #29's German forward); a reply whose own
# text is the story quotes a sentence or two of the request.
FORWARDED_SHARE = 1 / 3


def _drop_mail_wrapper(units: list[Unit], text: str, quoted: frozenset[int],
                       removed: list[Removal]) -> list[Unit]:
    """`units` of a forwarded e-mail's `text` without the forwarder's lines around the
    quoted story (a cover note "Can someone pick this up for B1?", a signature, a legal
    notice: fresh-user check #28 kept them in four of five forwarded stories), each recorded
    as `mail.wrapper`; `units` as they are unless the lines starting at `quoted` (the story
    under its quote marks) hold FORWARDED_SHARE of the words."""
    if not quoted:
        return units
    inside = [text.rfind("\n", 0, u.start) + 1 in quoted for u in units]
    words = [word_count(u.text) for u in units]
    if sum(w for w, q in zip(words, inside, strict=True) if q) < FORWARDED_SHARE * sum(words):
        return units
    removed.extend(_removal(u, "mail.wrapper", _MAIL)
                   for u, q in zip(units, inside, strict=True) if not q)
    return [u for u, q in zip(units, inside, strict=True) if q]


def _drop_letterless_edges(units: list[Unit], removed: list[Removal]) -> list[Unit]:
    """`units` without letterless lines at either end ("|", "0", a share count), recorded."""
    edges = _letterless_edges(units)
    if not edges:
        return units
    removed.extend(_removal(u, "normalize.letterless-edge", "layout", w) for u, w in edges)
    gone = {id(u) for u, _ in edges}
    return [u for u in units if id(u) not in gone]


def _article_lines(units: list[Unit], lexicon: Lexicon, match: Callable[..., Rule | None],
                   model: LineModel, leading: list[Removal], trailing: list[Removal], *,
                   want_title: bool, memo: LineMemo, speech: re.Pattern | None = None,
                   link_lines: frozenset[int] = frozenset()
                   ) -> tuple[list[Unit], Unit | None, bool]:
    """The article's lines of a page dump (cleaners/locate.py), and the headline found
    above them when `want_title`.

    A dropped line is recorded under the rule that names it where one does ("Leave a
    Reply"), else under the comment-section heading where that heading's cut alone took it
    from the article (`Located.cut_off`), else by where it stood: before, inside or after
    the article, with the line model's score. A line the model had dropped anyway is not
    the heading's: a footer row under "Plaats een reactie" was credited to the comments
    rule, which does not name it and did not remove it.
    """
    found = locate_lines([u.text for u in units], lexicon, match, model,
                         want_title=want_title, memo=memo, speech=speech)
    keep = found.keep
    first = keep.index(True)
    # the story's lead: its first kept paragraph of prose (a standfirst over the byline is
    # kept, and the byline and stamp under it are still the header's)
    lead = next((k for k in range(first, len(units)) if keep[k] and is_prose(units[k].text)),
                first)
    last = len(keep) - 1 - keep[::-1].index(True)
    kept: list[Unit] = []
    listed: dict[int, Rule] = {}  # kept lines of a list whose heading the locator dropped
    pointed: set[int] = set()  # kept headlines under a referral label it dropped
    for i, unit in enumerate(units):
        if keep[i] and i in pointed:
            leading.append(_removal(unit, REFERRAL_RULE, REFERRAL_FAMILY, "label"))
            continue
        if keep[i] and i in listed:
            heading = listed[i]
            leading.append(_removal(unit, heading.id, heading.family, "list-head"))
            continue
        if keep[i] and 0 < i < len(units) - 1 and not (keep[i - 1] and keep[i + 1]) and (
                word_count(unit.text) <= PITCH_MAX_WORDS) and (box := _boxes(
                match(units[i - 1].text, Where.ANYWHERE), match(units[i + 1].text, Where.ANYWHERE),
                field_below=not keep[i + 1] and _form_field(units[i + 1].text),
                pitch_ends=last_mark(unit.text) in FULL_STOPS)) and not attributed(unit.text, speech):
            # the box's heading or its form dropped (the rules take a kept one later), which
            # `_box_pitches` would not see: "Get the Courts & Crime newsletter" kept over its
            # pitch, "Email address" and "Sign up" dropped (blind trial az)
            leading.append(_removal(unit, _BOX_PITCH, box, "box"))
            continue
        if keep[i]:
            kept.append(unit)
            continue
        if i == found.title_at:
            leading.append(_removal(unit, "structure.headline", "structure", "leading"))
            continue
        where = Where.LEADING if i < first else Where.TRAILING if i > last else Where.ANYWHERE
        rule = match(unit.text, where)
        heading = found.cut_off.get(i)
        if rule is None and heading is not None:
            rule = _nearest_heading(units, heading, i, match)
        out = leading if i <= last else trailing
        if rule is not None and rule.where is Where.LIST_HEAD and first < i < last and not (
                _links_under(units, i, link_lines)):
            listed.update(dict.fromkeys(_teasers_under(units, i, keep, match, lexicon), rule))
        if rule is not None and i < last and _takes_its_caption(rule, kept, units, i, match):
            out.append(_removal(kept.pop(), rule.id, rule.family, "caption-credit"))
        if rule is not None:
            out.append(_removal(unit, rule.id, rule.family,
                                "tail-marker" if heading is not None else str(where)))
        elif first < i < last and _points_to(units, keep, i, lexicon, leading) and (
                not _under_an_ad(unit, out)):
            out.append(_removal(unit, REFERRAL_RULE, REFERRAL_FAMILY, str(where)))
            pointed.update(_pointed_run(units, keep, i, match, lexicon))
        elif first - HEADLINE_REACH <= i < lead and (meta := _top_meta_rule(unit.text)):
            out.append(_removal(unit, meta, "structure", "leading"))  # as `_drop_top_meta`
            # records the ones the locator kept (a fresh user read "By Harriet Okonkwo" under
            # layout.before-article, where the README says structure.byline)
        else:
            verdict = ("layout.before-article" if i < first else
                       "layout.after-article" if i > last else "layout.inside-article")
            out.append(_removal(unit, verdict, "layout", str(where), score=found.scores[i]))
    if (marker := _trailer_below(units, last, match)) is not None:
        # the contact block between the story and its trailer's first named line (`trailing`
        # holds one removal a line under `last`, in page order)
        trailing[:marker - last - 1] = [
            dataclasses.replace(r, rule=_CONTACT_BLOCK, family=PRESS_RELEASE)
            if r.family == "layout" else r for r in trailing[:marker - last - 1]]
        trailing[:0] = [_removal(u, rule_id, PRESS_RELEASE, "trailing")  # over it
                        for u, rule_id in _pop_release_trailer(kept, lexicon)]
    title = (dataclasses.replace(units[found.title_at], text=found.title)
             if found.title_at is not None else None)
    return kept, title, found.settled


def _nearest_heading(units: list[Unit], heading: int, i: int,
                     match: Callable[..., Rule | None]) -> Rule | None:
    """The rule to record a line i under that the cut at the comment section's `heading`
    took: that heading's (as the locator asked it), or a list heading's between them, the
    box the line stands in ("3. Sąd zdecydował …" under "Najczęściej czytane" under the
    comment form went as `comments.section-start-pl`: fresh-user check #40 read it as a
    comment)."""
    for j in range(i - 1, heading, -1):
        if (rule := match(units[j].text, Where.ANYWHERE)) is not None and (
                rule.where is Where.LIST_HEAD):
            return rule
    return match(units[heading].text, Where.ANYWHERE)


def _points_to(units: list[Unit], keep: list[bool], i: int, lexicon: Lexicon,
               removed: list[Removal]) -> bool:
    """Is unit i a referral label alone on its line (`crosslink.is_label_alone`: "আরও পড়ুন",
    "Lesen Sie auch:") over a line that reads as the headline pointed to
    (`crosslink.is_pointed_headline`)? The model keeps such a headline between the story's
    paragraphs as a subhead (blind trial v's Bengali live blog, p 0.70, under the label it
    dropped), or drops the first and keeps the next ones (fresh-user check #10's "Leggi
    anche" under a caption: `_pointed_run` takes the kept ones); the label says they are
    another story's. `_apply_rules` asks the same of a label the locator kept, between two
    sentences. Not when an earlier round `removed` the line between them: that was the
    label's ("Xem thêm video:" over "Video: …", a credit rule's; blind trial af's Vietnamese
    subhead under them went as the link)."""
    return (i + 1 < len(units) and is_label_alone(units[i].text, lexicon)
            and is_pointed_headline(units[i + 1].text) and _next_on_page(units, i, removed))


def _pointed_run(units: list[Unit], keep: list[bool], i: int,
                 match: Callable[..., Rule | None], lexicon: Lexicon) -> list[int]:
    """The kept headlines a referral label alone at unit i points to (`_points_to` asked of
    the first): its box's items (`locate.list_under`, which ends at the story's next
    statement or short subhead) while each reads as a headline
    (`crosslink.is_pointed_headline`), LIST_MAX_ITEMS at most, those the locator kept.
    Blind trial al's "LEGGI ANCHE" stood over three teasers and the subhead "Le parole del
    giocatore"; the second and third teasers stayed in the story."""
    texts = [u.text for u in units]

    def named(j: int) -> Rule | None:
        return match(texts[j], Where.ANYWHERE)

    run = []
    for n, j in enumerate(list_under(texts, i, named, lexicon.function_words)):
        if n == LIST_MAX_ITEMS or not is_pointed_headline(texts[j]):
            break
        if keep[j]:
            run.append(j)
    return run


def _under_an_ad(unit: Unit, removed: list[Removal]) -> bool:
    """Did the line right above `unit` on the page go as an ad's (`removed`)? A referral
    label there is the ad's notice that the story goes on ("ADVERTISEMENT" over "Continue
    reading below"), not a pointer to the line under it, the story's subhead ("Lies under
    oath" went as its headline: blind trial aj's South African court report). It is not
    removed for that: a subhead with a referral word stands there too ("Transportistas
    piden más vigilancia" under "Publicidad", blind trial al); the ads rules name the
    notices they know."""
    return unit.line is not None and any(
        r.line == unit.line - 1 and r.family == _ADS_FAMILY for r in reversed(removed))


def _links_under(units: list[Unit], i: int, link_lines: frozenset[int]) -> bool:
    """Did a marked dump's links (`link_lines`, the page lines `_read_marked` removed as
    lines of links) stand between unit i and unit i + 1 on the page, and is unit i + 1 a
    subhead (no end mark) over a statement (`locate.ends_a_list`: a Japanese lead-in,
    "主な区間の運賃（ＩＣカード利用時）は次の通り。", has 10 words as CJK characters are counted,
    and blind trial bb's page lost it, its subhead and its list of fares under "関連記事" and
    two linked teasers), or a lead-in (`locate.leads_in`: "### Eerder vandaag" over "12:40
    Rijkswaterstaat geeft … drie adviezen:" under "Lees ook", fresh-user check #41's live
    blog)? A list head's items went with the
    links, and that subhead is the story's: fresh-user check #38's Danish lynx dump lost
    "Virksomheden erkender fejl" under "Læs også" and three linked teasers. Other lines
    under the links are still the list's: a Markdown dump's ticker of stamped headlines
    (fundus-dev's Asahi), a newsletter's call (WAZ's "… anmelden!")."""
    if not link_lines or i + 2 >= len(units) or ends_sentence(units[i + 1].text) or not (
            ends_a_list(units[i + 2].text) or leads_in(units[i + 2].text)):
        return False
    above, below = units[i].line, units[i + 1].line
    return any(above < line < below for line in link_lines)


def _next_on_page(units: list[Unit], i: int, removed: list[Removal]) -> bool:
    """Did unit i + 1 stand right under unit i on the page: no line `removed` by an
    earlier round between them?"""
    above, below = units[i].line, units[i + 1].line
    return not any(r.line is not None and above < r.line < below for r in removed)


def _takes_its_caption(rule: Rule, kept: list[Unit], units: list[Unit], i: int,
                       match: Callable[..., Rule | None]) -> bool:
    """Does a picture's credit at line i (`rule` a caption-credit rule) take the kept line
    right above it as its caption: _CAPTION_MAX_WORDS words or fewer, no list item? A
    credit that holds a sentence of its own (two sentences: "(Photo: Brisco on his route in
    1987. Courier file photo)") carries its caption and takes none: "… but he never asked
    for a raise, Ortiz said." went with that one (fresh-user check #20). (Not taking a
    reported line either kept a quote's caption that fundus-dev's gold leaves out, "…",
    sagt Daniel Theis." over "(Foto: REUTERS)".) Asked
    of a credit the rules name (`_apply_rules`) and, inside the article only, of one the
    locator dropped (`_article_lines`), which left its caption in the story (blind trial
    u: "Snøryddingen var i full gang i Bodø sentrum tirsdag morgen." over "Foto: Ole Martin
    Strand / NTB", in 5 of 13 dumps); under the article's last paragraph a credit is the
    story's source ("Kaynak: DHA"), and the paragraph above it is news (blind trial t's
    Turkish story lost its last one). Nor the article's first line when it holds two
    sentences, a lead (fresh-user check #26: "Der Stadtrat hat … beschlossen. Bis 2029 …"
    over "Foto: Anna Schmidt / dpa"); a caption of one sentence there is the lead picture's
    (fundus-dev FAZ, WAZ, Nettavisen). The rules ask with a stricter guard (no prose first
    line: `_apply_rules`). Nor a credit over the story's end (`_over_story_end`)."""
    return (rule.where is Where.CAPTION_CREDIT and bool(kept) and kept[-1] is units[i - 1]
            and (len(kept) > 1 or sentence_ends(kept[0].text) < 2)
            and word_count(kept[-1].text) <= _CAPTION_MAX_WORDS
            and not is_list_item(kept[-1].text) and len(sentences(units[i].text)) < 2
            and not _over_story_end(units, i, match, kept))


# A story has run once this many of its paragraphs of prose are kept above a line.
_STORY_RUN_PARAGRAPHS = 2


def _over_story_end(units: list[Unit], i: int, match: Callable[..., Rule | None],
                    kept: list[Unit]) -> bool:
    """Does the credit at units[i] stand over the lines that close a story, its tags or
    its share row (`locate.closes_story`), or last of `units`, with the story run above it
    (_STORY_RUN_PARAGRAPHS in `kept`)? It is then the story's last picture's, or its
    source's, and the line above it the story's last paragraph: fresh-user check #31's
    Hungarian story lost its own over "Fotó: Hajdú Hírek / Nagy Péter" under "Címkék: …",
    its Hebrew one over "צילום: …" where the locator's article ended. A lead picture's
    credit stands over a share row, or last of a header's units, too (fundus-dev's n-tv:
    its caption came back before the story had to have run). So does one with no line of
    prose under it that no rule names, only a box's lines and the page's notices: fresh-user
    check #38's Hungarian story lost its last paragraph over "(MTI)", a newsletter box and a
    cookie notice."""
    if i + 1 < len(units) and not closes_story(match(units[i + 1].text, Where.ANYWHERE)) and (
            any(is_prose(u.text) and match(u.text, Where.ANYWHERE) is None
                for u in units[i + 1:])):
        return False
    prose = (u for u in kept if is_prose(u.text))
    return sum(1 for _ in islice(prose, _STORY_RUN_PARAGRAPHS)) == _STORY_RUN_PARAGRAPHS


def _teasers_under(units: list[Unit], at: int, keep: list[bool],
                   match: Callable[..., Rule | None], lexicon: Lexicon) -> list[int]:
    """The lines the locator kept under the list heading it dropped at `at`, inside the
    article, up to the first it dropped (but a teaser's headline or summary,
    `locate.teaser_pairs`) or a rule names; none when they are more than a box holds
    (LIST_MAX_ITEMS)."""
    texts = [u.text for u in units]

    def named(j: int) -> Rule | None:  # the document's lookup memoizes each question
        return match(texts[j], Where.ANYWHERE)

    pairs = teaser_pairs(texts, at, named)
    out = []
    for j in takewhile(lambda j: named(j) is None,
                       list_under(texts, at, named, lexicon.function_words)):
        if keep[j]:
            out.append(j)
        elif j not in pairs and ends_sentence(texts[j]):  # past a sentence it dropped, the
            break  # kept lines are the story's; past a bare headline it dropped, the box's
            # next teaser is one ("Altstadt Frauenfeld: Begegnungszone kommt nach den
            # Sommerferien" under "Gemeinderat Frauenfeld: Budget 2025 …", blind trial y)
    return out if len(out) <= LIST_MAX_ITEMS else []


def _letterless_edges(units: list[Unit]) -> list[tuple[Unit, str]]:
    """Lines without a letter ("|", ":", a lone page number or share count) at the start or
    end: what is left of a widget once the rest of it went. An article never ends on one;
    a live blog starts on its first entry's clock time when its other entries keep theirs
    ("18:40" went, "17:55" and the later ones stayed: a fresh user's blog)."""
    out = []
    first, last = 0, len(units)
    entries = sum(1 for u in units[1:] if is_clock_time(u.text))
    while first < last and not _LETTER_RE.search(units[first].text) and not (
            entries and is_clock_time(units[first].text)):
        out.append((units[first], "leading"))
        first += 1
    while last > first and not _LETTER_RE.search(units[last - 1].text):
        last -= 1
        out.append((units[last], "trailing"))
    return out


def _clean_html(html: str, encoding: str, url: str | None, opts: CleanOptions) -> Cleaned:
    """`_clean_page`'s, or where it kept no line of prose (a shell: "Loading…"), the best of
    the page's hidden documents' (`html_extract.hidden_documents`: <noscript>, <iframe
    srcdoc>) that finds more, with the page's own title, author and date where it has none.
    A short story of its own is the page's: asked below ARTICLE_MIN_WORDS words, a
    30-word brief gave way to a <noscript>'s "Top stories" and a srcdoc's ad (fresh-user
    check #27)."""
    done = _clean_page(html, encoding, url, opts)
    if any(map(is_prose, done.text.split("\n\n"))):  # nearly every page: lowered never
        return done
    lowered = html.lower()
    if "<noscript" not in lowered and "srcdoc" not in lowered:
        return done
    for hidden in hidden_documents(html):
        inner = _clean_page(hidden, encoding, url or done.url, opts)
        if inner.status is Status.CLEANED and inner.stats["words_out"] > done.stats.get(
                "words_out", 0):
            return dataclasses.replace(
                inner, title=inner.title or done.title, author=inner.author or done.author,
                date=inner.date or done.date, url=inner.url or done.url,
                decoded_length=len(html), removed=done.removed + tuple(
                    Removal(rule=_PAGE_SHELL, family="layout", text=p, where="page")
                    for p in done.text.split("\n\n") if p) + inner.removed,
                stats={**inner.stats, "words_in": done.stats.get("words_in", 0)
                       + inner.stats.get("words_in", 0)})
    return done


# What a page shows around the hidden document whose article is taken ("Loading…").
_PAGE_SHELL = "layout.page-shell"


def _clean_page(html: str, encoding: str, url: str | None, opts: CleanOptions) -> Cleaned:
    """Extraction picks the article's blocks (and records every block it left out); the line
    rules then remove whole boilerplate lines inside it, as a second opinion."""
    ex = extract_html(html, url=url)
    page = ex.page
    body = repair("\n".join(ex.paragraphs))
    units = [Unit(p, -1, -1, 0) for p in body.split("\n") if p.strip()]
    removed = [Removal(rule=d.rule, family="extraction", text=d.text, where=d.region,
                       extractor=d.extractor) for d in ex.dropped]
    langs = settle_close(detect_languages([u.text for u in units]), ex.declared_lang)
    lang = langs[0] if langs else None
    rules = opts.ruleset().for_languages(langs)
    match = _lookup(rules, _host(url or ex.url), langs, [u.text for u in units])
    lexicon = lexicon_for(langs)
    units = _drop_byline_shells(units, removed)
    units = _split_glued(units, match, lexicon, {}, removed)
    units = _apply_rules(units, match, lexicon, removed, gallery=page.says_gallery,
                         speech=rules.reported_speech)
    units = _drop_credit_tails(units, match, removed, gallery=page.says_gallery)
    units, mends = _normalized(units, opts)
    units = _drop_appeals(units, lexicon, removed, speech=rules.reported_speech)
    units = _drop_letterless_edges(_drop_repeats(units, removed, opts), removed)
    units = _drop_entry_times(units, removed)
    title = repair(ex.title) if ex.title else None
    # a byline and a date line the page gives as plain paragraphs above the story ("<p>By
    # Ann Lee | June 3, 2024</p>", no class to tell them by: a fresh user's page kept it
    # as text, with no author): read and removed as a text dump's are
    top = [u.text for u in takewhile(lambda u: not is_prose(u.text), units[:HEADLINE_REACH])]
    author = ex.author or next(filter(None, map(byline_name, top)), None)
    date = ex.date or (dateline_date(top, lang) if top else None)
    units = _drop_top_meta(units, removed, author, title)
    # the section's name in capitals over the headline ("SĂNĂTATE", blind trial ah's
    # Romanian page), which the extractor took with the story, under the standfirst found
    # above it or first; not a list's heading over its rows ("GIRLS BASKETBALL" over "Palm
    # Bay d. Rockledge 70-44", html-dev)
    kicker = next((i for i in range(min(2, len(units) - 1)) if is_badge(units[i].text)
                   and any(map(str.isalpha, units[i].text)) and is_prose(units[i + 1].text)),
                  None)
    if kicker is not None:
        removed.append(_removal(units[kicker], "structure.kicker", "structure", "leading"))
        units = units[:kicker] + units[kicker + 1:]
    if author is None and lang in SIGNED_AT_END and units:  # as a text dump's (blind
        # trial ah's Vietnamese page signed "Hoàng Minh" in a bold line under the story)
        units, author = _signature(units, match, lexicon, removed, lang)
    done = _finish(units, removed, title=title, fmt="html", encoding=encoding,
                   url=url or ex.url, opts=opts, decoded_length=len(html),
                   words_in=max(ex.words_in, word_count(body)), author=author,
                   date=date, extractor=ex.extractor, page=page,
                   extra_stats={"language": lang, "hyphenation_mended": sum(mends.values())})
    if done.status is Status.EMPTY and not ex.paragraphs:
        # the rules removed nothing: no extractor (nor the page's structured data) found text
        reason = ("no article text found: the page's visible text is all page furniture and "
                  "it carries no structured articleBody" if ex.dropped
                  else "no text in the document" if not html.strip() or _TAG_RE.search(html)
                  else "no HTML markup in the document: read as HTML it has no text (a text "
                       "dump is read with format 'text')")
        done = dataclasses.replace(done, reason=reason)
    return done


# An element's tag: what a document read as HTML has, if it is one.
_TAG_RE = re.compile(r"<[a-zA-Z!/?]")


def _page_headline(units: list[Unit], judge: _Judge) -> bool:
    """Is the page's first line its headline? One that reads like a headline, no rule
    claims, and with running text (a line of _BODY_MIN_WORDS+ words, if the page has one)
    within HEADLINE_REACH lines below it. Further up it is the site's first menu line or a
    section name ("Other Sciences share this!"), and the locator looks for the headline just
    above the article instead: 69 -> 83 of the 391 dev dumps get the title their HTML page
    gives. (Asking for a sentence of prose instead gave 90, but a cleaned copy that opens
    with a list, a changelog's or an infobox's, lost its headline when cleaned again.)

    Such a line is the title only if it names the cleaned story (`locate.names_the_story`,
    asked once the text is final); otherwise it is a banner ("Welcome to USA TODAY
    NETWORK'S EUROPEAN UNION EXPERIENCE"), a caption or a "Skip to content" line, and the
    page is judged again with the line in it (`_clean_text`): titles right 123 -> 131,
    wrong 138 -> 115, none 130 -> 145 of the 391 dev dumps when it came (134 / 116 / 141
    with the rest of that day's changes). It is title-like as the locator's candidates are
    (`locate.title_like`: a first line of 1-3 words, "BREAKING NEWS", is no headline:
    titles right 159 -> 161, wrong 106 -> 103, none 126 -> 127). Over an appeal
    (`appeal.appeals`: the publisher speaking to the reader of its furniture) it is the
    heading of a box: a cookie notice's ("Your privacy, your call" over "The Post and our
    128 advertising partners use cookies… set your own preferences.": blind trial aw), a
    newsletter's. Nor is a line that opens with the day's date a headline: it is the
    masthead's date bar ("Lunes 2 de junio de 2025 Edición impresa Suscríbete…",
    `dateline.opens_with_date`: blind trial az)."""
    rules = judge.rules
    if len(units) < 2 or not _headline(units[0].text, rules) or Footer(
            [u.text for u in units]).names_site(units[0].text, 0):
        return False
    if opens_with_date(units[0].text, judge.lang):
        return False
    under = units[1].text
    if word_count(under) >= _BODY_MIN_WORDS and appeals([under], judge.lexicon):
        return False  # a box's prose, not its button ("Click to Skip Ad": html-dev BGR)
    text_at = next((i for i, u in enumerate(units)
                    if i and word_count(u.text) >= _BODY_MIN_WORDS), None)
    return (text_at is None or text_at <= HEADLINE_REACH) and not _headline_below(
        units, rules, judge.match)


def _headline_below(units: list[Unit], rules: RuleSet, match: Callable[..., Rule | None]
                    ) -> bool:
    """Does a headline stand over its byline (`locate.heads_a_byline`) within HEADLINE_REACH
    lines under the page's first line? Then that one is the story's, and the first line the
    masthead's ("WKRN 7 News Now" over the menu, the headline, "By: Danielle Ortiz" and
    "Posted: …": it names the story, whose dateline says "(WKRN)"; fresh-user check #9).
    `match` is the document's rule lookup (`RuleSet.lookup`), which has asked of these
    lines before, each round."""
    texts = [u.text for u in units[:HEADLINE_REACH + 1 + TOP_STAMPS]]

    def named(line: str) -> Rule | None:
        return match(line, Where.ANYWHERE)

    return any((_headline(texts[i], rules) or sentence_headline(texts, i, named))
               and heads_a_byline(texts, i, named)
               for i in range(1, min(len(texts) - 1, HEADLINE_REACH + 1)))


def _headline(line: str, rules: RuleSet) -> bool:
    """A line that reads like a title (`locate.title_like`) and that no rule claims."""
    return title_like(line) and rules.match(line, Where.LEADING) is None


def _removal(unit: Unit, rule: str, family: str, where: str = "anywhere",
             score: float | None = None) -> Removal:
    located = unit.start >= 0
    return Removal(rule=rule, family=family, text=unit.text,
                   line=unit.line if located else None,
                   start=unit.start if located else None,
                   end=unit.end if located else None, where=where,
                   score=round(score, 3) if score is not None else None)


def _exact(unit: Unit) -> bool:
    """Are `unit`'s offsets its text's own (not normalized or rejoined since decoding), so
    that a part of the text has offsets too?"""
    return unit.start >= 0 and unit.end - unit.start == len(unit.text)


def _piece(unit: Unit, start: int, end: int) -> Unit:
    """The unit of `unit.text[start:end]` less spaces at its ends: its own offsets in the
    decoded text where `unit`'s are exact (`_exact`), else `unit`'s."""
    part = unit.text[start:end]
    text = part.strip()
    if not _exact(unit):
        return Unit(text, unit.start, unit.end, unit.line)
    at = unit.start + start + len(part) - len(part.lstrip())
    return Unit(text, at, at + len(text), unit.line)


def _cut(unit: Unit, start: int, end: int, rule: str, family: str, where: str,
         removed: list[Removal], between: str | None = None) -> Unit | None:
    """What stays of `unit` once `unit.text[start:end]` is cut out and recorded in `removed`
    under `rule` (offsets where exact, else none: a removal never claims a span it does not
    hold). The rest is the text on either side less `between` (spaces by default; a caption
    drops the dash before its credit), joined by a space; None when nothing is left. A rest
    that is one end of the line keeps exact offsets."""
    cut, exact = _piece(unit, start, end), _exact(unit)
    removed.append(Removal(rule=rule, family=family, text=cut.text,
                           line=unit.line if unit.start >= 0 else None,
                           start=cut.start if exact else None, end=cut.end if exact else None,
                           where=where))
    head, tail = unit.text[:start].rstrip(between), unit.text[end:].lstrip(between)
    if head and tail:
        return dataclasses.replace(unit, text=f"{head} {tail}")
    if not exact:
        return dataclasses.replace(unit, text=head or tail) if head or tail else None
    if head:
        return dataclasses.replace(unit, text=head, end=unit.start + len(head))
    return dataclasses.replace(unit, text=tail, start=unit.end - len(tail)) if tail else None


def _body_bounds(units: list[Unit], words: list[int],
                 match: Callable[..., Rule | None]) -> tuple[int, int]:
    """First and last line of prose (8+ words) that no rule claims. A rule's `max_words`
    counts whitespace-split words (`RuleSet.match`), not `words` (`word_count`, which
    counts an unspaced script's characters): a Japanese paywall notice of two such words
    and ~30 counted ones was taken for the story's last paragraph (blind trial p)."""
    n = len(units)
    first_body = next((i for i in range(n) if words[i] >= _BODY_MIN_WORDS and
                       match(units[i].text, Where.LEADING) is None), n)
    last_body = next((i for i in range(n - 1, first_body - 1, -1) if words[i] >= _BODY_MIN_WORDS
                      and match(units[i].text, Where.TRAILING) is None), -1)
    return first_body, last_body


# A menu is a run of items; a line a navigation rule names that stands alone between two
# paragraphs of the body is the story's subhead ("Voorwaarden" over the conditions a Dutch
# city set, an h2 the Dutch menu rule took for the site's terms page): rules.NAVIGATION.
# ...a paragraph: a sentence, or a lead-in to a list ("De gemeente stelt een aantal eisen
# aan de corporaties:"), of this many words.
_PARAGRAPH_MIN_WORDS = 6


# A table's rows are looked for this far under its header row.
TABLE_REACH = 40
def _heads_a_table(texts: list[str], i: int) -> bool:
    """Is line i the header row of a table (`locate.tables`) with as many cells as the
    row under it: "Home | Score | Away" over a results table is no breadcrumb (blind trial
    ah's match report lost it to navigation.breadcrumb)?"""
    return (is_table_row(texts[i]) and i + 1 < len(texts)
            and table_cells(texts[i]) == table_cells(texts[i + 1])
            and any(lo == 0 for lo, _ in tables(texts[i:i + TABLE_REACH])))


def _between_paragraphs(texts: list[str], rules: list[Rule | None], i: int) -> bool:
    """Is line i alone between two paragraphs (_PARAGRAPH_MIN_WORDS): the nearest lines above
    and below it that no rule names, with no line between that names navigation?"""
    def nearest(step: int) -> str | None:
        j = i + step
        while 0 <= j < len(texts):
            if rules[j] is None:
                return texts[j]
            if rules[j].family == NAVIGATION:
                return None
            j += step
        return None

    return all(line is not None and word_count(line) >= _PARAGRAPH_MIN_WORDS and (
        ends_sentence(line) or line.endswith(":")) for line in (nearest(-1), nearest(1)))


def _apply_rules(units: list[Unit], match: Callable[..., Rule | None], lexicon: Lexicon,
                 removed: list[Removal], *, gallery: bool = False,
                 speech: re.Pattern | None = None,
                 link_lines: frozenset[int] = frozenset()) -> list[Unit]:
    """Match every unit once; guards decide by the unit's place relative to the body.

    The body runs from the first to the last line of prose that no rule claims: an author
    bio or a contributor line after the article is long, but the article ends before it.
    A `list-head` rule (a "Most Popular" heading) also takes the teaser list under it. On a
    page that calls itself a `gallery`, a credit takes no caption with it (the captions
    tell the story: a fresh user's gallery lost 4 of its 5).
    """
    words = [word_count(u.text) for u in units]
    first_body, last_body = _body_bounds(units, words, match)
    texts = [u.text for u in units]
    positions = [Where.LEADING if i < first_body else Where.TRAILING if i > last_body
                 else Where.ANYWHERE for i in range(len(units))]
    rules = [match(t, at) for t, at in zip(texts, positions, strict=True)]
    for i in [i for i, rule in enumerate(rules) if rule is not None and rule.family == NAVIGATION]:
        if _between_paragraphs(texts, rules, i) or _heads_a_table(texts, i):
            rules[i] = None  # a subhead or a table's header row, not a menu
    pitches = _box_pitches(rules, words, texts, speech)
    polls = poll_boxes(texts, rules.__getitem__)
    def names_cross_link(text: str) -> bool:
        return match(text, Where.ANYWHERE, of=_CROSS_LINK) is not None

    referrals = {i for i, rule in enumerate(rules) if rule is None and (
        is_referral(texts[i], lexicon)
        or is_unseparated_referral(texts[i], lexicon, names_cross_link))}
    for i in [i for i in range(len(units) - 1) if rules[i] is None
              and is_label_alone(texts[i], lexicon)]:  # a referral label alone on its line
        # its list ends where `list_under` ends it too: at the story's next section's
        # subhead, a headline's shape ("Wody Polskie: bez zbiornika ryzyko rośnie" under
        # "Polecane" and three teasers went with them: fresh-user check #40's variant)
        listed = set(islice(list_under(texts, i, rules.__getitem__, lexicon.function_words),
                            LIST_MAX_ITEMS))
        end = next((j for j in range(i + 1, min(len(units), i + 1 + LIST_MAX_ITEMS))
                    if rules[j] is not None or not is_pointed_headline(texts[j])
                    or j not in listed), len(units))
        if (i > 0 and i + 1 < end < len(units) and ends_sentence(texts[i - 1])
                and (ends_sentence(texts[end]) or opens_a_section(
                    texts, end, i, rules.__getitem__)) and (end > i + 2 or not heads(
                    texts[i + 1], texts[end], lexicon.function_words))
                and _next_on_page(units, i, removed) and not _under_an_ad(units[i], removed)):
            # and the headlines under it, between two sentences of the story: not a
            # lead-in to a gallery over its first caption ("Veja as imagens:", field case
            # photo-gallery-pt-br); nor a section's subhead, which names the paragraph under
            # it ("Important: Sync your new profile" under "Learn more about Valence":
            # readability-dev's Firefox page lost both). Two headlines or more are a box's
            # ("Saistītie raksti" over two, between two answers: blind trial bf's Latvian
            # interview kept all three lines)
            referrals.update(range(i, end))
        if has_label_words(texts[i], lexicon) and (
                pairs := teaser_pairs(texts, i, rules.__getitem__)):
            # a box of teasers with their summaries under a heading in the site's own
            # words ("כתבות נוספות באתר:", blind trial v's Hebrew page, whose pack names
            # other ones); a label's words only, since the summaries it takes are
            # sentences ("Mehr Geld für Pflegekräfte" took its two paragraphs)
            referrals.update((i, *pairs))
    embeds = embedded_posts(texts)
    kept: list[Unit] = []
    marker: Rule | None = None  # a comment section started: everything after it goes
    listed: dict[int, Rule] = {}  # the lines of a list whose heading fired, by its heading
    for i, unit in enumerate(units):
        rule = rules[i]
        if marker is not None:
            fired = rule or marker
            removed.append(_removal(unit, fired.id, fired.family, "tail-marker"))
        elif rule is not None:
            removed.append(_removal(unit, rule.id, rule.family, str(rule.where)))
            if rule.where is Where.TAIL_MARKER or _thread_opens(texts, words, i, rule, match):
                marker = rule
                if _closes_a_release(rule):  # the issuers' profiles above its trailer
                    removed[-1:-1] = [_removal(u, rule_id, PRESS_RELEASE)
                                      for u, rule_id in _pop_release_trailer(kept, lexicon)]
            elif rule.where is Where.LIST_HEAD and positions[i] is not Where.LEADING and not (
                    _links_under(units, i, link_lines)):
                listed.update(dict.fromkeys(list_under(texts, i, rules.__getitem__,
                                                          lexicon.function_words), rule))
            elif (len(kept) > 1 or kept and not is_prose(kept[0].text)) and not gallery and (
                    _takes_its_caption(rule, kept, units, i, match)):
                removed.insert(-1, _removal(kept.pop(), rule.id, rule.family, "caption-credit"))
        elif i in listed:
            heading = listed[i]
            removed.append(_removal(unit, heading.id, heading.family, "list-head"))
        elif i in pitches:
            removed.append(_removal(unit, _BOX_PITCH, pitches[i], "box"))
        elif i in polls:
            removed.append(_removal(unit, rules[polls[i]].id, rules[polls[i]].family, "box"))
        elif i in referrals:  # a label in the site's own words (cleaners/crosslink.py)
            removed.append(_removal(unit, REFERRAL_RULE, REFERRAL_FAMILY))
        elif i in embeds:  # a social post's head and link (cleaners/embed.py)
            removed.append(_removal(unit, embeds[i], EMBED_FAMILY))
        else:
            kept.append(unit)
    return kept


# A promo box is a heading, a pitch and a button ("Newsletter" / "Jetzt anmelden und die
# wichtigsten Nachrichten des Tages kostenlos per E-Mail erhalten." / "Jetzt abonnieren"): the
# rules name the heading and the button, and the pitch between them, in any words, is the
# box's (a fresh user's German and Polish boxes kept theirs). A news paragraph never stands
# between a box's heading and its button; a pitch is a sentence or two
# (`appeal.PITCH_MAX_WORDS`).
_BOX_HEADING_FAMILY = "newsletter"
_BOX_PITCH = "newsletter.box-pitch"


def _boxes(above: Rule | None, below: Rule | None, *, field_below: bool = False,
           pitch_ends: bool = False) -> str | None:
    """The family of the promo box whose heading and button the rules `above` and `below` a
    line name (a newsletter's heading over a button of PROMO_FAMILIES, neither a tail
    marker), or None. Two one-line prompts are no box: a Fox Business story's last sentence
    stood between "GET FOX BUSINESS ON THE GO BY CLICKING HERE" and "READ MORE ON FOX
    BUSINESS BY CLICKING HERE" (html-dev text sh-51374560 0.918 -> 0.888 until this). A
    subscribe call over the box is its heading too when the line under it ends in no full
    stop (`pitch_ends` False): "Abonează-te la newsletterul …" over "Primești în fiecare
    dimineață cele mai importante știri din București" over "Vreau să mă abonez" (blind
    trial x); the story's sentence between two prompts ends in one, but not over a
    newsletter's field: "Iratkozzon fel hírlevelünkre!" over "A nap legfontosabb hírei …
    az e-mail-fiókjában." over "E-mail-cím" (fresh-user check #38 kept the pitch). Under the
    heading and the pitch, the box's form may come first: a field no rule names that the
    locator dropped (`field_below`, `_form_field`)."""
    if (above is not None and (above.family == _BOX_HEADING_FAMILY
                               or above.family in PROMO_FAMILIES and (
                                   not pitch_ends or below is not None
                                   and below.family == _BOX_HEADING_FAMILY))
            and above.where is not Where.TAIL_MARKER
            and (below is None and field_below or below is not None
                 and below.family in PROMO_FAMILIES and below.where is not Where.TAIL_MARKER)):
        return above.family
    return None


# A form's field or button under a box's pitch: "Zadajte váš e-mail", "Your email address",
# "Odoberať" (blind trial v's Slovak newsletter box kept its pitch, the rules naming neither
# line under it). Asked only of a line the locator dropped.
FORM_FIELD_MAX_WORDS = 4


def _form_field(line: str) -> bool:
    """Could `line`, under a box's pitch, be its form's field or button: FORM_FIELD_MAX_WORDS
    words at most, no sentence, and no label over items ("Compartilhe: Facebook Twitter
    WhatsApp", a share row: under a one-sentence newsletter pitch, it made the story's next
    paragraph a box's pitch, fresh-user check #26)?"""
    return (word_count(line) <= FORM_FIELD_MAX_WORDS and not ends_sentence(line)
            and not _LABEL_ITEMS_RE.search(line))


# A label and its items: a word, a colon, a word ("Compartilhe: Facebook", "分享到：微博").
_LABEL_ITEMS_RE = re.compile(r"\w[:：]\s*\w")


def _box_pitches(rules: list[Rule | None], words: list[int], texts: list[str],
                 speech: re.Pattern | None = None) -> dict[int, str]:
    """The lines no rule names between a promo box's heading and its button (`_boxes`), of
    PITCH_MAX_WORDS words at most, and the box's heading in the site's own words
    (`locate.is_promo_heading`) over a pitch the rules name and the box's button (which
    need not be named when the heading exclaims: "Ne maradjon le semmiről!" over
    "Iratkozzon fel hírlevelünkre, és minden reggel elküldjük…" and "Feliratkozom", blind
    trial x), with the box's family: each box's pitch and heading. A subhead of the story
    stands over the story's paragraphs, not over a pitch and a button. A pitch says
    nobody said it (`lines.attributed` with the packs' reporting words, `speech`): the
    story's last paragraph, "Sandbags are available at the fire stations … Residents should
    bring their own shovels, officials said.", stood between two newsletters' headings and
    went as a pitch (fresh-user check #20)."""
    out = {i: box for i in range(1, len(rules) - 1)
           if rules[i] is None and words[i] <= PITCH_MAX_WORDS
           and (box := _boxes(rules[i - 1], rules[i + 1],
                              pitch_ends=last_mark(texts[i]) in FULL_STOPS)) is not None
           and not attributed(texts[i], speech)}
    for i in range(len(rules) - 1):
        pitch = rules[i + 1]
        button = rules[i + 2] if i + 2 < len(rules) else None
        if (rules[i] is None and is_promo_heading(texts[i])
                and pitch is not None and pitch.family in PROMO_FAMILIES
                and pitch.where is not Where.TAIL_MARKER
                and (texts[i].endswith(EXCLAMATION_MARKS) or button is not None
                     and button.family in PROMO_FAMILIES and button.where is not Where.TAIL_MARKER)):
            out[i] = pitch.family
    return out


# A press release ends with a profile of each company in it, "About <Company>" over a
# paragraph that names it ("Voltra Mobility designs and manufactures…"), then its trailer
# (forward-looking statements, media contact, "SOURCE …", a pack's `press-release`
# tail-marker). The packs name the heading only with a company-form word ("About Acme
# Corp."), so that "About the victims" never ends a story; over a trailer, the heading is
# known by what it heads, in any language: a subhead that names the paragraph under it
# (`locate.heads`). Blind-written press releases (3 of 3 English) left the profile in; no dev
# output changed.
_ISSUER_PROFILE = "press-release.issuer-profile"
_CONTACT_BLOCK = "press-release.contact-block"
_PROFILES_MAX = 3


def _closes_a_release(rule: Rule | None) -> bool:
    """Does `rule` start a press release's trailer (a `press-release` tail-marker)?"""
    return rule is not None and rule.family == PRESS_RELEASE and rule.where is Where.TAIL_MARKER


# A release's contact block (a label, a name, a title, a phone number, an e-mail address: short
# lines the line model drops, no rule need name them) may stand between its profiles and the
# trailer's first named line: "Renseignements :" over a press officer's five lines, then
# "SOURCE Coopérative …" (blind trial bi's French and Russian releases kept their profile and
# forward-looking disclaimer). The longest contact block written for the trials is 9 lines.
_TRAILER_REACH = 10


def _trailer_below(units: list[Unit], last: int, match: Callable[..., Rule | None]) -> int | None:
    """The line where a press release's trailer (`_closes_a_release`) starts within
    _TRAILER_REACH lines under the story's last line `last`, with nothing but short lines (no
    prose, `lines.is_prose`) between them; None when there is none."""
    for i in range(last + 1, min(len(units), last + 1 + _TRAILER_REACH)):
        if _closes_a_release(match(units[i].text, Where.TRAILING)):
            return i
        if is_prose(units[i].text):
            return None
    return None


# A line pointing to a site: a web address in a few words ("Visit www.example.com", "Learn
# more at example.com").
_WEB_ADDRESS = r"(?:https?://|www\.)\S+"
_SITE_LINE_RE = re.compile(rf"{_WEB_ADDRESS}|\b[\w-]+\.(?:com|org|net|co\.\w\w|\w\w)\b")
_SITE_LINE_MAX_WORDS = 12


def _points_to_a_site(text: str) -> bool:
    return word_count(text) <= _SITE_LINE_MAX_WORDS and _SITE_LINE_RE.search(text) is not None


# A release's contact block under its profiles: a label ("Media contact:", "Renseignements :"),
# a name, a title, a company, a phone number, an e-mail address, a picture's web address:
# short lines that end no sentence (a company's "Acme Corp." of a few words may), one of
# which holds a phone number, an e-mail or a web address (`_contacts`), its label on top.
# Extraction from HTML kept blind trial bi's French release's press officer, her title, her
# company and her phone number over "SOURCE …".
_CONTACT_LINE_MAX_WORDS = 8
_CONTACT_NAME_MAX_WORDS = 3  # "Acme Corp.", "Dana Brooks, Ph.D."
_CONTACT_RE = re.compile(rf"\+?\(?\d[\d ().\-/]{{5,}}\d|{EMAIL}|{_WEB_ADDRESS}")
_DATE_LIKE_RE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_PHONE_MIN_DIGITS = 7  # a local number without its area code


def _first_contact(text: str) -> re.Match | None:
    """The first phone number (_PHONE_MIN_DIGITS digits or more, not a date), e-mail address
    or web address in `text`, or None."""
    for found in _CONTACT_RE.finditer(text):
        number = found.group()
        if not number[-1].isdigit() or (sum(c.isdigit() for c in number) >= _PHONE_MIN_DIGITS
                                         and not _DATE_LIKE_RE.fullmatch(number.strip("+()"))):
            return found
    return None


def _contacts(text: str) -> bool:
    """Does `text` hold a contact (`_first_contact`)?"""
    return _first_contact(text) is not None


def _labels(text: str) -> bool:
    """Does `text` end in a colon, as a label over what it introduces?"""
    return text.rstrip().endswith(COLONS)


def _bare_contact(text: str) -> bool:
    """Is `text` a contact with a label at most ("Photo : https://…", whose address counts
    as many words as it has parts)?"""
    found = _first_contact(text)
    return found is not None and len(text[:found.start()].split()) <= 2


def _contact_block(kept: list[Unit]) -> int:
    """How many of the last lines of `kept` are a release's contact block (above): 0 when
    they hold no contact (`_contacts`)."""
    n = 0
    while n < min(len(kept), _TRAILER_REACH):
        text = kept[-n - 1].text
        words = word_count(text)
        if LIST_ITEM_RE.match(text) or (words > _CONTACT_LINE_MAX_WORDS or words > (
                _CONTACT_NAME_MAX_WORDS) and ends_sentence(text)) and not _bare_contact(text):
            break
        n += 1
        if _labels(text):  # the block's label: its top line
            break
    block = kept[len(kept) - n:]
    # a label alone: the lines under it the model dropped ("For interviews, contact:")
    return n if any(_contacts(u.text) for u in block) or n == 1 and _labels(block[0].text) else 0


def _site_pointer_cut(paragraph: str) -> str:
    """`paragraph` without its last sentence when that one points to a site
    (`_points_to_a_site`): a profile ends in its pointer, its address last ("अधिक जानकारी के
    लिए देखें: www.arunodaysolar.in", blind trial bi's Hindi release), no statement's end."""
    parts = sentences(paragraph)
    return "".join(parts[:-1]).rstrip() if len(parts) > 1 and _points_to_a_site(
        parts[-1]) else paragraph


def _profiles(kept: list[Unit], end: int, lexicon: Lexicon) -> int:
    """How many lines over line `end` of `kept` are the issuers' profiles (heading and
    paragraph, above), at most _PROFILES_MAX of them, with a line under them that points to
    the issuer's site (`_points_to_a_site`)."""
    # the profile's own pointer to the issuer's site under it ("For more information, visit
    # www.jamiisolar.co.ke": blind trial ak's Kenyan release kept it and the profile above)
    n = 1 if end and _points_to_a_site(kept[end - 1].text) else 0
    start = n
    while n < start + 2 * _PROFILES_MAX and end >= n + 2 and heads(
            kept[end - n - 2].text, _site_pointer_cut(kept[end - n - 1].text),
            lexicon.function_words):
        n += 2
    return 0 if n == start else n  # a site's pointer without a profile is the story's to keep


def _pop_release_trailer(kept: list[Unit], lexicon: Lexicon) -> list[tuple[Unit, str]]:
    """The end of a press release above its named trailer, taken off `kept` and returned in
    page order with the id each line goes under: the issuers' profiles (`_profiles`,
    _ISSUER_PROFILE) and, when they do not end `kept`, a contact block under them
    (`_contact_block`, _CONTACT_BLOCK)."""
    end = len(kept)
    profiles = _profiles(kept, end, lexicon)
    if not profiles and (contacts := _contact_block(kept)):
        end -= contacts
        profiles = _profiles(kept, end, lexicon)
    start = end - profiles
    popped = [(u, _ISSUER_PROFILE if i < end else _CONTACT_BLOCK)
              for i, u in enumerate(kept[start:], start)]
    del kept[start:]
    return popped


# A caption is a sentence or two; the line above a "Photo: …" credit that is longer than
# this is a body paragraph next to an uncaptioned picture (html-dev: captions there run to
# 25 words, the paragraphs left above bare credits to 26 and more). A list item is the
# story's too: a Bulgarian story's last measure ("- глоба от 200 лева…") stood over a bare
# credit. Nor is the article's first line when it is prose (`is_prose`): an Arabic story's
# lead stood over its picture's credit ("الصورة: وزارة المياه", field case 20) and was
# taken as its caption. A first line shorter than prose is the caption ("Підтоплена вулиця
# в селі Дерцен." over "Фото: ГУ ДСНС…", blind trial v; html-dev sh-2f42ef 0.989 -> 0.993).
_CAPTION_MAX_WORDS = 25

def _prose_removed_share(removed: list[Removal], words_out: int) -> float:
    """Share of the page's unnamed prose that did not reach the output: sentences of 12+
    words that the line model dropped and no rule named. Menus, teasers and share rows are
    not prose and comment threads are named by rules, so a page that is mostly chrome scores
    near 0; a high share means the model left out what reads like the article."""
    lost = sum(word_count(r.text) for r in removed
               if r.family == "layout" and r.score is not None and is_prose(r.text))
    return round(lost / (lost + words_out), 4) if lost + words_out else 0.0


# A pull quote repeats a sentence of the story in large type: a line of this many words or
# more that stands, whole and with its end mark, inside a longer kept paragraph. Shorter
# lines (a subhead a paragraph happens to repeat, "Meal 1") are left alone, and so is a
# sentence that a longer one merely starts with ("…fell by a third." in "…fell by a third
# last year."). A quotation in its marks needs no end mark: its closing mark, found with it
# in the paragraph, shows it whole («Una scuola che chiude è un paese che muore»).
_PULL_QUOTE_MIN_WORDS = 8
# A quotation said again with its marks, or with the dash that opens speech, is the
# speaker's whole sentence set apart, not a line a paragraph happens to repeat: it may be
# shorter. Fresh-user check #39's Finnish pull quote "– Emme voi ottaa riskiä lasten
# terveyden kanssa." (7 words) stayed 12 paragraphs under its paragraph; at 6 words a
# dialogue's question said twice went ('"what do you think of it?"', readability-dev's
# Bartleby, which its gold keeps).
_QUOTED_PULL_MIN_WORDS = 7
# Chinese and Japanese corner brackets quote as “…” does («「日本の顧客とともに、…」» said
# again 8 paragraphs under «…式典で「日本の顧客とともに、…」と述べた。»: check #39).
_QUOTES = {"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
           "「": '"', "」": '"', "『": '"', "』": '"'}


def _plain_quotes(text: str) -> str:
    """`text` with its quotation marks as ASCII ones (_QUOTES)."""
    if not text.isascii():  # replace(), not translate(): that looks up every character
        for mark, plain in _QUOTES.items():
            text = text.replace(mark, plain)
    return text


def _pull_quotes(keys: list[str]) -> list[int]:
    """Indexes of paragraphs that repeat a whole sentence of another, longer paragraph, from
    the paragraphs' `dedupe_key`s (the quotes' marks folded here)."""
    keys = [_plain_quotes(k) for k in keys]
    # every key in one string, a newline apart (keys hold no whitespace but single spaces):
    # a quote is looked for once in all of them, and each place it is found names its key
    page = "\n".join(keys)
    starts = list(accumulate((len(k) + 1 for k in keys[:-1]), initial=0))
    out = []
    for i, key in enumerate(keys):
        quote = key.strip("\"' ")
        if _one_quotation(key) and (_echoes_above(keys, i, quote)
                                    or _lifted_above(page, starts, keys, i, quote)):
            out.append(i)
        elif word_count(quote) < (_QUOTED_PULL_MIN_WORDS if key[:1] == key[-1:] == '"'
                                  or key[:1] in _SPEECH_ENDS else _PULL_QUOTE_MIN_WORDS):
            continue
        elif key[:1] == key[-1:] == '"':  # a quotation whole, in its marks: found with them
            # (its full stop a comma before the speaker: '"… expertise," said Helen Marsh'),
            # or bare where the story reports it with dashes (_SPEECH_ENDS), or each of its
            # sentences said in one paragraph that sets its speaker between them
            if _said_in_another(page, starts, keys, i, key) or quote[-1:] == "." and (
                    _said_in_another(page, starts, keys, i, f'"{quote[:-1]},"')) or _said_in_another(
                    page, starts, keys, i, quote, _SPEECH_ENDS) or _stitched(
                    page, starts, keys, i, quote):
                out.append(i)
        elif ends_sentence(quote) and (_said_in_another(page, starts, keys, i, quote) or (
                key[:1] in _SPEECH_ENDS and quote[-1:] == "."
                and _said_in_another(page, starts, keys, i, f"{quote[:-1]},"))):
            # speech a dash opens, said again with its full stop: the paragraph wrote it
            # as a comma before the speaker ("– Emme voi …, sanoi sivistysjohtaja …")
            out.append(i)
    return out


# Where a story reports speech without quotation marks, as Polish, Russian and their
# neighbours do, a dash sets it off: "– Nie spodziewamy się obniżki … przed jesienią – mówi
# Katarzyna Wójcik" (blind trial ah's pull quote „Nie spodziewamy się obniżki stóp
# procentowych przed jesienią” stayed twice). A quotation found bare before an end mark or
# another mark instead is a sentence of a longer quotation: the dev sets' gold keeps such
# pull quotes ("‚Es sind welche im Kibbuz. Ich muss da raus…‘", fundus-dev text -0.0004).
_SPEECH_ENDS = frozenset("–—")


# A pull quote may join what a paragraph says around its speaker: "She'd been dead more than
# a year. I thought it was a clerical error." pulled from «"She'd been dead more than a
# year," he said. "I thought it was a clerical error. Then I found out …"» (a fresh user's
# investigation kept both its pull quotes twice). Each sentence is looked for without its
# end mark, which the paragraph may write as a comma.
_STITCHED_MIN_WORDS = 4  # a sentence of the pull quote, looked for alone


def _stitched(page: str, starts: list[int], keys: list[str], i: int, quote: str) -> bool:
    """Are the two or more sentences of `quote` (key i's, out of its marks), each of
    _STITCHED_MIN_WORDS words or more less its end mark, all found in one longer key?"""
    said = [sentence.strip().rstrip(".!?…").strip() for sentence in sentences(quote)]
    if len(said) < 2 or any(word_count(part) < _STITCHED_MIN_WORDS for part in said):
        return False
    holders = set(_keys_saying(page, starts, keys, i, said[0]))
    for part in said[1:]:
        holders &= set(_keys_saying(page, starts, keys, i, part))
    return bool(holders)


# A quotation on its own line that says again what a paragraph above it already said is a
# pull quote, though cut from the middle of a sentence or reworded to stand alone: « La
# sécurité des mères … n'est plus assurée la nuit » under «Nous la fermons parce que la
# sécurité des mères …», "입주할 때 2027년이면 지하철을 탈 수 있다고 해서 왔다" under "…해서
# 왔는데, 지금은…"고 말했다 (fresh-user check #37 left seven such on eight pages). One that
# says what a paragraph below says introduces it, as a subhead does, and the dev sets' gold
# keeps those („Ich muss da raus und schauen, was passiert“ over the paragraph that quotes
# it, fundus-dev Krautreporter; CBC's 'There is only one place for Yahya Sinwar'). So
# only a paragraph above counts, one that ends its sentence before the quotation (a
# quotation under "…said I, willing to enlist the smallest suffrage in my behalf," goes on
# that sentence: readability-dev's Bartleby), one of the _ECHO_WITHIN paragraphs above it:
# a pull quote is set beside the passage it lifts (the fresh users' stood 1 to 4 paragraphs
# under theirs), while a quotation said again further on is the story's own line, and the
# gold keeps those (5 and 6 paragraphs on: Salon's "… Fares have increased …", BuzzFeed's
# "She was literally burning up from within."; a dialogue's line 12+ on: Bartleby; each
# cost readability-dev 0.0001-0.0002 when taken). This share of the quotation's content
# words, at least _ECHO_MIN_WORDS of them, must stand in that paragraph: a reworded
# Ukrainian pull quote shared 7 of 8 with its.
_ECHO_MIN_WORDS = 4
_ECHO_SHARE = 0.75
_ECHO_WITHIN = 4


def _one_quotation(key: str) -> bool:
    """Is `key` (quotation marks made ASCII: `_plain_quotes`) one quotation in its marks
    (`lines.is_quotation`), or in single ASCII marks and no other ('Straks kijken we tegen
    een groene muur aan', fresh-user check #36; an apostrophe inside would be a third)?"""
    return is_quotation(key) or key[:1] == key[-1:] == "'" and key.count("'") == 2


def _echoes_above(keys: list[str], i: int, quote: str) -> bool:
    """Do _ECHO_SHARE of the content words of `quote` (key i's, out of its marks) stand in one
    of the _ECHO_WITHIN keys above it, the key right above it ending its sentence?"""
    if i == 0 or not ends_sentence(keys[i - 1]):
        return False
    said = content_words(quote, frozenset())
    if len(said) < _ECHO_MIN_WORDS:
        return False
    need, words = _ECHO_SHARE * len(said), word_count(quote)
    return any(len(keys[j]) > len(keys[i]) and len(said & content_words(keys[j], frozenset()))
               >= need and _quotes_as_much(keys[j], words)
               for j in range(max(0, i - _ECHO_WITHIN), i))


def _lifted_above(page: str, starts: list[int], keys: list[str], i: int, quote: str) -> bool:
    """Is `quote` (key i's, out of its marks), of _ECHO_MIN_WORDS content words or more, said
    word for word in a longer key above it, at any distance, its full stop aside (the
    paragraph may write it as a comma before the speaker, or go on)? A pull quote is lifted
    from a quotation: "He was told, in writing and in person, again and again, and he chose
    to do nothing" from «"This was not a landlord who did not know. He was told, …, and he
    chose to do nothing," Ms Airey said.» 9 paragraphs up; "This is one of the oldest
    transmission lines we have downtown." from «"This is one … downtown. It went in around
    1921," …» (fresh-user checks #38 and #40 left eleven such, in eight languages). The
    story's own lines that say a quotation again are excerpts, opened with an ellipsis
    (readability-dev's Salon: "… Fares have increased …", which the gold keeps), or fuller
    than what the paragraph quoted (BuzzFeed's: `_quotes_as_much`), or a dialogue's short
    line (Bartleby's "what do you think of it?": one content word, 6 words; a lift of 7 words
    or more needs no more, "No se trata de un corte total": check #41). As in `_echoes_above`,
    the key right above must end its sentence: a quotation under "…, Olsen told
    reporters," goes on that sentence."""
    if (i == 0 or not ends_sentence(keys[i - 1]) or quote.startswith(("…", "..."))
            or len(content_words(quote, frozenset())) < _ECHO_MIN_WORDS
            and word_count(quote) < _QUOTED_PULL_MIN_WORDS):
        return False
    said = quote[:-1].rstrip() if quote[-1:] in FULL_STOPS else quote
    return any(j < i for j in _keys_saying(page, starts, keys, i, said))


def _quotes_as_much(paragraph: str, words: int) -> bool:
    """Does `paragraph` quote `words` words or more, or quote nothing in marks (speech set
    off with dashes)? A pull quote lifts from a quotation; a quotation that says more than
    the paragraph quoted is the story's fuller line: "She was literally burning up from
    within." under "… her daughter was “literally burning up from within” …" (readability-
    dev's BuzzFeed, whose gold keeps it; it went from its Markdown dump)."""
    quoted = word_count(paragraph) - word_count(outside_quotes(paragraph))
    return quoted == 0 or quoted >= words


def _said_in_another(page: str, starts: list[int], keys: list[str], i: int, quote: str,
                     ends: frozenset[str] | None = None) -> bool:
    """Does `quote` (from key i) stand in a longer key of `page` (`_keys_saying`)?"""
    return next(_keys_saying(page, starts, keys, i, quote, ends), None) is not None


def _keys_saying(page: str, starts: list[int], keys: list[str], i: int, quote: str,
                 ends: frozenset[str] | None = None) -> Iterator[int]:
    """The keys longer than key i that `quote` (from key i) stands in, j for each place it
    stands in key j of `page` (the keys joined by newlines, key j from `starts[j]`). With
    `ends`, only as words of their own closed by one of `ends` (after a space, if any)."""
    at = page.find(quote)
    while at >= 0:
        j = bisect_right(starts, at) - 1
        after = page[at + len(quote):at + len(quote) + 2].lstrip()
        if j != i and len(keys[j]) > len(keys[i]) and (ends is None or (
                (at == starts[j] or not page[at - 1].isalnum()) and after[:1] in ends)):
            yield j
        # not in key j: on from the next place (a quote holds no newline, so it never runs
        # from one key into the next)
        at = page.find(quote, at + 1)


# A line that ends in a picture's credit and has no more than this many words before it
# is the caption, and goes whole (not a gallery's slide: `_is_slide`). The gold of the
# dev dumps keeps a few captions (VnExpress, rd-keep-images: one line each) and drops most;
# of the captions the line model kept, only the credit went before (fundus-dev text 0.9440
# -> 0.9449: Luxemburger Wort, Aftonbladet, Mexico News Daily; blind trial z's Austrian
# caption). A longer line with a credit at its end may be the story's paragraph with the
# credit glued on, and keeps its sentences: at 60 words a wire caption of two sentences (40
# words, fundus-dev CBC) went too, and so would such a paragraph.
CAPTION_MAX_WORDS = 30


def _drop_credit_tails(units: list[Unit], match: Callable[..., Rule | None],
                       removed: list[Removal], memo: dict | None = None,
                       before_rules: Sequence[Unit] = (), *, gallery: bool = False,
                       shared: frozenset[str] | None = None) -> list[Unit]:
    """`units` without the captions that end in a picture's credit (cleaners/credits.py,
    CAPTION_MAX_WORDS) and with the credit cut off a longer line's end, each removal
    recorded under the credit's rule with its offsets. `memo` keeps each line's answer for
    the document's later rounds. On a page that calls itself a `gallery`, every caption is
    a slide's (`_is_slide`): its credit goes, its words stay. A line that ends in one of the
    `shared` credits (`credits.shared_credits`, of `units` when None: give those of the whole
    page when the locator took some of its lines) is a caption too."""
    out = []
    if shared is None:
        shared = shared_credits(u.text for u in units)

    def named(text: str) -> Rule | None:
        return match(text, Where.ANYWHERE)

    for u in units:
        if memo is None:
            found = credit_tail(u.text, named)
        elif u.text in memo:
            found = memo[u.text]
        else:
            found = memo[u.text] = credit_tail(u.text, named)
        if found is not None:
            at, rule_id, family = found[0], found[1].id, found[1].family
        elif shared and (tail := separated_tail(u.text)) in shared:
            at, rule_id, family = len(u.text) - len(tail), SHARED_CREDIT, CREDIT
        else:
            out.append(u)
            continue
        if word_count(u.text[:at]) <= CAPTION_MAX_WORDS and not gallery and not _is_slide(
                u, before_rules, match):
            removed.append(_removal(u, rule_id, family, "caption"))
            continue
        rest = _cut(u, at, len(u.text), rule_id, family, "caption-tail", removed,
                    between=CREDIT_SEPARATORS)
        out.extend([rest] if rest else [])
    return out


def _is_slide(unit: Unit, units: Sequence[Unit], match: Callable[..., Rule | None]) -> bool:
    """Is `unit` a gallery's slide: next, in `units` (the round's lines before the rules
    took the counters), to a line a gallery rule names ("1 de 10", "3/12")? A gallery's
    captions tell its story (field case photo-gallery-pt-br: "Abrigo montado no Ginásio
    Municipal recebeu 340 pessoas até as 10h — Foto: …" under "4 de 10") and keep their
    words when their credit goes (`_drop_credit_tails`). Asked only of a caption."""
    return any((rule := match(units[j].text, Where.ANYWHERE)) is not None
               and rule.family == "gallery"
               for at, u in enumerate(units) if u.text == unit.text
               for j in (at - 1, at + 1) if 0 <= j < len(units))


# A paragraph is read for a glued sentence only up to this length: a scraper glues a line
# of chrome to a paragraph, and a page's longest paragraphs hold none (and cost the most).
GLUED_MAX_CHARS = 1500
# A sentence this short is asked of the rules whatever its words: the word classes do not
# hold every language's inflections and verbs ("Zapisz się do naszego newslettera.",
# "Descarregue a nossa aplicação.": a fresh-user trial's Polish and Portuguese calls stayed).
GLUED_SHORT_WORDS = 6
# A glued call or cross-link is one short sentence ("Support independent journalism
# today.", "Read more: <a headline>"); a longer first or last sentence is the story's.
GLUED_MAX_WORDS = 25


def _thread_opens(texts: list[str], words: list[int], i: int, rule: Rule,
                  match: Callable[..., Rule | None]) -> bool:
    """Does unit i, which a comments rule names ("Kommentare (5)"), open the comment thread
    that ends the page: a comment's head or a "name: comment" line under it
    (`locate.opens_a_thread`), with no more of the page's words below it than above? An
    HTML page's thread under its counter kept its second comment ("Lu_Nord: War ja klar.",
    a fresh user's page); the text dumps' locator reads the same (`_comments_start`)."""
    return (rule.family == COMMENTS and sum(words[:i]) >= sum(words[i + 1:])
            and opens_a_thread(texts, i, rule, lambda line: match(line, Where.ANYWHERE)))


def _split_glued(units: list[Unit], match: Callable[..., Rule | None], lexicon: Lexicon,
                 mends: dict[int, int], removed: list[Removal]) -> list[Unit]:
    """`units` with a line of chrome that a scraper glued to a paragraph set apart: the
    first or the last sentence, when a rule names it as a line of its own and the rest of
    the paragraph is a statement no rule names (`_told`) ("Support independent journalism
    today. The scheme includes demountable barriers along the Severn…": a subscribe rule's
    pattern, which runs to the end of its line, took the news sentence with it; "…, the
    council said. Sign up for our free newsletter."). The pieces are judged as lines from
    then on, each with its own offsets; `mends` (hyphenation mends per unit id) follows the
    first piece. A question before a last sentence is its lead-in ("Vuoi ricevere le notizie
    più importanti? Iscriviti gratis alla nostra newsletter."): no rule names the two as one
    line, so they are removed here, under the call's rule. Found by fresh-user trials: five
    languages lost a news sentence so, and the question with its call stayed.

    Both paths ask it, before their rules: an HTML paragraph holds a glued call as a dump's
    line does (a CMS export's "<p>Support independent journalism today. The scheme
    includes…</p>" lost its news sentence to the subscribe rule). On HTML it also does what a
    cross-link-only step did there before ("… ago. Read more: <a headline>"); of the
    dev pages' HTML, three promo paragraphs now keep their third-person sentences beside the
    call they lost (html-dev 0.9820 -> 0.9819), the price of never losing a news one."""
    out = []
    asked: dict[str, Rule | None] = {}  # a sentence's `_glued_rule`: the seam asks it too

    def glued(sentence: str) -> Rule | None:
        if sentence in asked:
            return asked[sentence]
        rule = asked[sentence] = _glued_rule(sentence, match, lexicon)
        return rule

    for u in units:
        if (label := _glued_label(u.text, match)) is not None:
            end, rule = label
            u = _cut(u, 0, end, rule.id, rule.family, "paragraph-head", removed) or u
        said = sentences(u.text) if len(u.text) <= GLUED_MAX_CHARS else [u.text]
        if (seam := _headline_seam(said[0], match, glued)) is not None:
            said = [said[0][:seam], said[0][seam:], *said[1:]]
        if len(said) < 2:
            out.append(u)
            continue
        head = glued(said[0]) is not None
        rule = glued(said[-1])
        tail = 0  # the sentences the last line of chrome takes
        if rule:  # a question right before a call is its lead-in: "Want the latest? Sign up…"
            tail = 2 if len(said) > 2 and said[-2].rstrip().endswith(QUESTION_MARKS) else 1
        tail_at = len(u.text) - len("".join(said[-tail:])) if tail else len(u.text)
        # never inside a speaker's quotation: the call is theirs (`lines.quoted_at`)
        head = head and not quoted_at(u.text, len(said[0]))
        if rule and quoted_at(u.text, tail_at):
            rule, tail, tail_at = None, 0, len(u.text)
        # a footer's copyright notice glued after the last sentence: set apart alone
        if rule is None and (seam := _notice_seam(u.text, match)) is not None and _told(
                u.text[:seam], match):
            out.extend(p for a, b in ((0, seam), (seam, len(u.text)))
                       if (p := _piece(u, a, b)).text)
            continue
        cut_head = cut_tail = False
        if head and rule and _told("".join(said[1:-tail]), match):
            cut_head = cut_tail = True
        elif head and _told("".join(said[1:]), match):
            cut_head = True
        elif rule and _told("".join(said[:-tail]), match):
            cut_tail = True
        elif head and rule and len(said) == tail + 1:
            # two calls and nothing else ("… Google News'te takip etmek için tıklayın. En
            # güncel haberler için bildirimleri açın.": blind trial aj's Turkish page): set
            # apart, each is the line its rule names
            cut_head = True
        cuts = [len(said[0])] if cut_head else []
        if cut_tail:
            cuts.append(tail_at)
        lead_in = rule if cut_tail and tail == 2 else None
        if not cuts:
            out.append(u)
            continue
        mended = mends.get(id(u)) if u.start >= 0 else None
        bounds = list(zip([0, *cuts], [*cuts, len(u.text)], strict=True))
        if lead_in is not None:
            a, b = bounds.pop()
            # what is left is the story's statement (`_told`), never empty
            u = _cut(u, a, b, lead_in.id, lead_in.family, "paragraph-tail", removed) or u
        pieces = [p for a, b in bounds if (p := _piece(u, a, b)).text]
        if mended:
            mends[id(pieces[0])] = mended
        out.extend(pieces)
    return out


# The families whose lines scrapers glue to a paragraph: calls to subscribe or sign up,
# cross-links, share prompts and ad labels ("… said the mayor. Advertisement", "… Like this
# story? Share it with your friends.": the story's last sentence went with them, fresh-user
# trial 12-03; with these two, one html-dev text output changed, up). A caption's credit and
# a consent notice are parts of their own blocks: split off, the caption and the notice's
# other sentences stood as lines (html-dev text 0.9224 -> 0.9213, fundus-dev 0.9397 ->
# 0.9378 with every family).
_GLUED_FAMILIES = frozenset(("subscribe", "newsletter", "cross-link", "share", "ads",
                             "pagination"))
# A label glued before a paragraph's first word ("PUBLICIDADE Segundo a Secretaria…",
# "Quảng cáo Dự án sẽ…": an ad slot's label the scraper joined to the next block; blind
# trial m, pt, ro, vi) is one or two words, with no end mark, before a capitalised word. Only
# an ad label: a platform's name is a share button's label on its own line, and a news
# sentence's subject ("Facebook CEO Mark Zuckerberg…", rd-cnet lost its first word).
GLUED_LABEL_MAX_WORDS = 2
_ADS_FAMILY = "ads"
_ADS = frozenset((_ADS_FAMILY,))
_CROSS_LINK = frozenset(("cross-link",))
_LABEL_END = frozenset(".!?:;,…")


def _run_in_seam(word: str) -> int | None:
    """Where a capitalised word starts inside `word`, after a letter: "OGLAS|Turistički",
    "Anzeige|Es"; None when there is no such seam. A label run into the paragraph's first
    word with no space (capitals, then a capitalised word; an inline element's text joined
    to the next) showed so on blind trial o's fi, hr and de pages."""
    for i in range(1, len(word) - 1):
        if word[i].isupper() and word[i + 1].islower() and word[i - 1].isalpha():
            return i
    return None


def _glued_label(text: str, match: Callable[..., Rule | None]) -> tuple[int, Rule] | None:
    """(where the rest starts, the rule) when `text` opens with an ad slot's label glued to
    a statement of the story (`is_statement`): its first one or two words, the first
    capitalised and no end mark after them, that an ads rule names as a line of its own, with
    a capitalised word (or a quotation mark opening one) after them, or a label run into the
    first word (`_run_in_seam`). None otherwise (unicameral scripts show no such seam)."""
    words = text.split(None, GLUED_LABEL_MAX_WORDS + 1)
    if not words or not words[0][:1].isupper():
        return None
    if (seam := _run_in_seam(words[0])) is not None:
        rule = match(words[0][:seam], Where.ANYWHERE, of=_ADS)
        if rule is not None and is_statement(text[seam:]):
            return seam, rule
    for k in range(1, min(GLUED_LABEL_MAX_WORDS, len(words) - 1) + 1):
        label = words[:k]
        if label[-1][-1] in _LABEL_END:
            return None
        after = words[k][1:2] if words[k][:1] in OPEN_QUOTES else words[k][:1]
        if not after.isupper():
            continue
        rule = match(" ".join(label), Where.ANYWHERE, of=_ADS)
        if rule is not None:
            end = text.index(words[k], len(label[0]))
            return (end, rule) if is_statement(text[end:]) else None
    return None


def _headline_seam(sentence: str, match: Callable[..., Rule | None],
                   glued: Callable[[str], Rule | None]) -> int | None:
    """Where the story's sentence starts in `sentence`, a cross-link glued before it: a
    linked headline has no end mark, so the sentence splitter ran the two together ("Διαβάστε
    επίσης: Κλειστή η λεωφόρος Νίκης λόγω έργων «Ακολουθήστε μας…», δήλωσε ο πρόεδρος.":
    the read-also rule took the quote with it; blind trial m). The seam is the rightmost
    space before a capital (or a quotation mark opening one) whose rest is a statement
    (`is_statement`) and whose head a cross-link rule names as a line of its own. None when
    the rule does not name the sentence, or no seam leaves both."""
    if not is_statement(sentence):  # a cross-link alone ends without a sentence's mark
        return None
    rule = glued(sentence)  # `_glued_rule`, asked once a sentence
    if rule is None or rule.family != "cross-link":
        return None
    for at in range(len(sentence) - 1, 0, -1):
        if sentence[at - 1] != " " or not sentence[at - 2:at - 1].isalnum():
            continue
        opening = sentence[at + 1] if sentence[at] in OPEN_QUOTES else sentence[at]
        if not opening.isupper() or not is_statement(sentence[at:]):
            continue
        if match(sentence[:at].rstrip(), Where.ANYWHERE, of=_CROSS_LINK) is not None:
            return at
    return None


def _glued_rule(sentence: str, match: Callable[..., Rule | None], lexicon: Lexicon
                ) -> Rule | None:
    """The rule of _GLUED_FAMILIES that names `sentence` as a line of its own. Asked only of a
    sentence of GLUED_MAX_WORDS words at most that is short (GLUED_SHORT_WORDS) or holds a
    label's colon, a word of what such a line asks for (`lexicon.asks`: "…unseren Newsletter
    abonnieren.", where German puts the verb last) or opens with a call (`lexicon.call`:
    "Sign up…"): asking the rules of every paragraph's first and last sentence cost
    `clean()` a fifth of its speed on the seeds."""
    if len(sentence.split(None, GLUED_MAX_WORDS)) > GLUED_MAX_WORDS:  # no longer split
        return None
    if ":" not in sentence:
        words = words_of(sentence.lower())
        if not words or len(words) > GLUED_SHORT_WORDS and words[0] not in lexicon.call and (
                lexicon.asks.isdisjoint(words)):
            return None
    return match(sentence.strip(), Where.ANYWHERE, of=_GLUED_FAMILIES)


# Where a copyright notice opens after a paragraph's last sentence: "©", "(c) 2024",
# "Copyright 2024", "Copyright ©" after an end mark. A scraper that joined a page's blocks
# glued its footer to the story's last paragraph ("… a spokesman said. © 2024 Greenford
# Gazette Ltd. All rights reserved.": fresh-user check #22, the paragraph went whole as a
# footer's notices); a sentence does not open with the sign, so the sentences do not part.
# "©" may follow the end mark with no space ("…voted against.© 2025 Some Paper Ltd.": fresh-user
# check #23's paragraph went whole).
_NOTICE_SEAM_RE = re.compile(r"(?<=[.!?…\"”’)])(?:\s*(?=©)|\s+(?=\(c\)\s*\d{4}|copyright\s*(?:©|\d{4})))",
                             re.I)
_COPYRIGHT = frozenset(("copyright",))
# A footer's notice dates itself or reserves rights ("© 2024 Greenford Gazette Ltd. All
# rights reserved."); a caption's "© IMAGO / Cinema Publishers Collection" after its last
# sentence is the picture's credit (fundus-dev's Merkur and WAZ captions stood as lines).
_FOOTER_NOTICE_RE = re.compile(r"\b(?:19|20)\d\d\b|\brights reserved\b", re.I)


def _notice_seam(text: str, match: Callable[..., Rule | None]) -> int | None:
    """Where a copyright notice glued after the last sentence of `text` starts
    (_NOTICE_SEAM_RE), when a copyright rule names it as a line of its own; None when there
    is none. Asked of every paragraph: the signs are looked for first."""
    if len(text) > MAX_LINE_CHARS or not ("©" in text or "opyright" in text or "(c)" in text
                                           or "(C)" in text):
        return None
    seams = list(_NOTICE_SEAM_RE.finditer(text))
    if not seams:
        return None
    tail = text[seams[-1].end():]
    if not _FOOTER_NOTICE_RE.search(tail):  # a picture's credit: its caption's, not a footer
        return None
    return seams[-1].end() if match(tail, Where.ANYWHERE, of=_COPYRIGHT) is not None else None


def _told(rest: str, match: Callable[..., Rule | None]) -> bool:
    """Is `rest`, a paragraph less a sentence a rule names, a statement of the story
    (`appeal.is_statement`) that no rule names? (Asking also that it share words with the
    page's other lines kept a pitch's own sentence out, and a news sentence of a short page
    that names the story in other words: split or not, a news sentence must not go with its
    call.)"""
    rest = rest.strip()
    return is_statement(rest) and match(rest, Where.ANYWHERE) is None


_APPEAL_RULE = "appeal.publisher-to-reader"


_BOX_HEADING_RULE = "appeal.box-heading"


def _beside_promo_forms(units: list[Unit], removed: Iterable[Removal]) -> dict[int, bool]:
    """The indexes of the `units` right above or under a line the rules removed as a promo
    box's (`locate.PROMO_FAMILIES`: its e-mail field and button, "Enter your
    email address", "Sign up"), each with whether it is the box's pitch: right above the
    box's button (`_form_field`: "Sign me up", "Donate now") and
    right under the box's heading (`locate.is_promo_heading`, kept or removed) or a line of
    its form. What `appeals` reads there is the box's heading or pitch whatever voice the
    story speaks in. Over a longer call, or under the story's paragraph, stands the story
    ("You also can't tell unless you're looking at the three together." over "Subscribe to
    AppleInsider on YouTube", html-dev). Text dumps only: it reads the removals' line
    numbers (HTML's boxes went with the extraction); a box's heading is one line."""
    form_lines, buttons, headings = set(), set(), set()
    for r in removed:
        if r.line is None:
            continue
        if r.family in PROMO_FAMILIES:
            form_lines.add(r.line)
            if _form_field(r.text):
                buttons.add(r.line)
        elif is_promo_heading(r.text):
            headings.add(r.line)
    if not form_lines:
        return {}

    def pitch(i: int) -> bool:
        u = units[i]
        return u.line + 1 in buttons and (
            u.line - 1 in form_lines or u.line - 1 in headings
            or i > 0 and units[i - 1].line == u.line - 1 and is_promo_heading(units[i - 1].text))

    return {i: pitch(i) for i, u in enumerate(units) if u.start >= 0 and (
        u.line - 1 in form_lines or u.line + 1 in form_lines)}


# A promo box that a plain dump prints as one block of lines (its heading, pitch, e-mail
# field, button and fine print on consecutive lines) on a page whose story paragraphs stand
# apart between blank lines: the box's lines go together whatever they say, in any
# language. Fresh-user check #39 kept a Portuguese consent line under the button ("Ao
# subscrever aceita os Termos e Condições…") and a Japanese box's heading and pitch over
# its field ("…ニュースレターに登録しませんか？", "毎朝7時、…お届けします。"): no rule names
# them and they say neither "we" nor "you". A box is a few lines; a longer block is a list.
FORM_BLOCK_MAX_LINES = 8
# The page sets its paragraphs apart when this share of its kept lines of prose outside
# boxes stand alone between blank lines; on a page without blank lines between paragraphs a
# block is the story's run of paragraphs, a box's lines only a part of it.
BLANK_SEPARATED_SHARE = 0.8
_FORM_BLOCK_RULE = "newsletter.form-block"


def _drop_form_blocks(units: list[Unit], removals: Iterable[Removal],
                      blank: tuple[bool, ...] | None, speech: re.Pattern | None,
                      removed: list[Removal]) -> list[Unit]:
    """`units` without the lines that share a block (a run of a plain dump's page lines
    between blank lines, `blank` saying which page lines are blank) with a promo box's form
    line (a removal of `locate.PROMO_FAMILIES`), on a page that sets its paragraphs apart
    (BLANK_SEPARATED_SHARE), the block FORM_BLOCK_MAX_LINES lines at most, each of its kept
    lines a pitch's length (`appeal.PITCH_MAX_WORDS`) that nobody said (`lines.attributed`);
    each recorded in `removed` under the form's family."""
    if blank is None:
        return units
    boxes: dict[int, str] = {}  # page line -> the family of the form in its block
    forms = set()  # the form's own lines: what stays of one is the story's sentence that a
    # call was glued to (`_split_glued`), not the box's
    for r in removals:
        if r.line is None or r.family not in PROMO_FAMILIES:
            continue
        forms.add(r.line)
        if r.line in boxes:
            continue
        top = bottom = r.line
        while top > 1 and not blank[top - 2]:
            top -= 1
        while bottom < len(blank) and not blank[bottom]:
            bottom += 1
        if bottom - top < FORM_BLOCK_MAX_LINES:
            boxes.update(dict.fromkeys(range(top, bottom + 1), r.family))
    boxed = [i for i, u in enumerate(units) if u.line in boxes and u.line not in forms]
    if not boxed:
        return units
    prose = [u for u in units if u.line not in boxes and is_prose(u.text)]
    alone = sum((u.line == 1 or blank[u.line - 2]) and (u.line >= len(blank) or blank[u.line])
                for u in prose)
    if not prose or alone < BLANK_SEPARATED_SHARE * len(prose):
        return units
    blocks: dict[int, list[int]] = {}  # a block's first line -> its kept units
    for i in boxed:
        top = units[i].line
        while top > 1 and not blank[top - 2]:
            top -= 1
        blocks.setdefault(top, []).append(i)
    drop = set()
    for members in blocks.values():
        if all(word_count(units[i].text) <= PITCH_MAX_WORDS
               and not attributed(units[i].text, speech) for i in members):
            drop.update(members)
    for i in sorted(drop):
        removed.append(_removal(units[i], _FORM_BLOCK_RULE, boxes[units[i].line], "box"))
    return [u for i, u in enumerate(units) if i not in drop]


def _box_headings(units: list[Unit], boxed: dict[int, bool], pitches: set[int]) -> set[int]:
    """The indexes of a promo box's heading (`locate.is_promo_heading`) right above its pitch: an
    appeal (`pitches`) that `boxed` says is the box's pitch. The box's heading and pitch
    go together: blind trial at kept "Get the Valley Morning Briefing", "Our planet,
    explained" and "Support independent news" over their boxes."""
    return {i - 1 for i in pitches if boxed.get(i) and i > 0 and i - 1 not in pitches
            and units[i - 1].start >= 0 and units[i - 1].line + 1 == units[i].line
            and is_promo_heading(units[i - 1].text)}


def _drop_appeals(units: list[Unit], lexicon: Lexicon, removed: list[Removal],
                  memo: dict | None = None, speech: re.Pattern | None = None,
                  trailing: list[Removal] = ()) -> list[Unit]:
    """`units` without the appeals written as prose between them (cleaners/appeal.py); of a
    paragraph that holds news sentences beside its appeal, only the appeal's sentences
    (`appeal_span`), the cut recorded with its offsets. `memo`, `speech`: `appeals`';
    `trailing`: the round's removals after the article, not yet in `removed` (a promo's
    button under the story's last line)."""
    boxed = _beside_promo_forms(units, chain(removed, trailing))
    found = set(appeals([u.text for u in units], lexicon, memo, speech, boxed))
    headings = _box_headings(units, boxed, found) if boxed else set()
    if not found and not headings:
        return units
    out = []
    for i, u in enumerate(units):
        if i in headings:
            removed.append(_removal(u, _BOX_HEADING_RULE, "appeal"))
            continue
        if i not in found:
            out.append(u)
            continue
        start, end = appeal_span(u.text, lexicon, speech)
        if (start, end) == (0, len(u.text)):
            removed.append(_removal(u, _APPEAL_RULE, "appeal"))
            continue
        rest = _cut(u, start, end, _APPEAL_RULE, "appeal", "anywhere", removed)
        out.extend([rest] if rest else [])
    return out


# A list's heading is a label of this many words at most that ends in a colon ("Ți-ar putea
# plăcea și:", "Lesen Sie auch:"); a longer line with a colon introduces the story's own
# list or quote.
LIST_HEAD_MAX_WORDS = 8
# What may stand under a list's heading once its list is gone: the links, and lines the
# line model dropped (a subhead under the box that the model took for the box's).
_LIST_GONE = frozenset(("cross-link", "layout"))


def _drop_orphan_heads(units: list[Unit], removed: list[Removal]) -> list[Unit]:
    """`units` without a list's heading whose list is gone: a kept label (LIST_HEAD_MAX_WORDS
    words or fewer, ending in a colon) with the lines under it, as far as the next kept
    line, removed as cross-links (and lines the line model dropped: `_LIST_GONE`). The links
    went by their own shape ("→ <headline>") in a language whose heading no rule names, and
    the heading stood over the next subhead (blind batch k, Romanian). Text dumps only: it
    reads the removals' line numbers."""
    below: dict[int, set[str]] = {}
    for r in removed:
        if r.line is not None:
            below.setdefault(r.line, set()).add(r.family)
    out = []
    for i, u in enumerate(units):
        if u.start >= 0 and _labels(u.text) and (
                word_count(u.text) <= LIST_HEAD_MAX_WORDS):
            until = units[i + 1].line if i + 1 < len(units) else None
            under = [fams for line, fams in below.items()
                     if u.line < line and (until is None or line < until)]
            if any("cross-link" in fams for fams in under) and all(
                    fams <= _LIST_GONE for fams in under):
                removed.append(_removal(u, "cross-link.list-heading", "cross-link", "list-head"))
                continue
        out.append(u)
    return out


# A bio names its author and says something of them: "Mette Lund Sørensen er journalist på
# Skovlund Avis og dækker uddannelse…" (the name and 4+ words). Names of one word ("Reuters",
# a first name) open news sentences too.
_BIO_MIN_NAME_WORDS = 2
_BIO_MIN_WORDS_AFTER = 4


def _drop_author_bios(units: list[Unit], author: str | None, removed: list[Removal],
                      under_name: frozenset[int] = frozenset()) -> list[Unit]:
    """`units` without a paragraph under the story's first prose paragraph that opens with
    the name its byline credits (`_byline_author`): the author's bio box, in any language
    ("Manuela Conrad ist ZDF-Reporterin für…", "Jeff Foust (jeff@…) is the editor…"). The
    story does not write about its own author. On the three dev sets' text dumps, 8 lines
    open with their page's byline name and 0 of them are article text by the gold; 2 were
    kept before (bio.author-description reads English only). The box's heading goes with
    it (`_bio_heading`). So does a paragraph that starts at one of the offsets `under_name`
    (`_under_name`): right under a page line that is the name alone ("สุภาพร ทองมา" over
    "ผู้สื่อข่าวประจำจังหวัดจันทบุรี ติดตามข่าวเกษตร…", the province's reporter: blind trial
    z's Thai page kept it after its tags, the locator having dropped the name line)."""
    if not author or len(author.split()) < _BIO_MIN_NAME_WORDS:
        return units
    prose = next((i for i, u in enumerate(units) if is_prose(u.text)), len(units))
    bios = {i for i in range(prose + 1, len(units))
            if _opens_with(units[i].text, author) or units[i].start in under_name}
    if not bios:
        return units
    bios |= {i - 1 for i in bios if i - 1 > prose and _bio_heading(units[i - 1].text)}
    removed.extend(_removal(units[i], "bio.byline-author", "bio", "trailing") for i in sorted(bios))
    return [u for i, u in enumerate(units) if i not in bios]


def _under_name(author: str, page_lines: list[str], starts: list[int]) -> frozenset[int]:
    """The offsets (`starts`: each page line's) of the page lines right under a line that
    is `author` alone."""
    return frozenset(starts[k + 1] for k, line in enumerate(page_lines[:-1])
                     if line.strip() == author)


# The bio box's heading over it ("Om skribenten", "Über die Autorin", "About the author"):
# a few words, no sentence; a subhead of the story has the story's paragraphs under it. Not
# a source's credit in brackets under a quoted paragraph (Digg's "[ Wired ]", html-dev gold).
_BIO_HEADING_MAX_WORDS = 4


def _bio_heading(text: str) -> bool:
    return (text[:1].isalpha() and word_count(text) <= _BIO_HEADING_MAX_WORDS
            and not ends_sentence(text))


def _opens_with(text: str, name: str) -> bool:
    """Does `text` open with `name`, a word boundary after it, and _BIO_MIN_WORDS_AFTER+
    more words?"""
    rest = text[len(name):] if text.startswith(name) else None
    return (rest is not None and not rest[:1].isalnum()
            and word_count(rest) >= _BIO_MIN_WORDS_AFTER)


def _drop_contents(units: list[Unit], removed: list[Removal]) -> list[Unit]:
    """`units` without a table of contents (`contents.contents_runs`: a live blog's key
    events, an explainer's sections), each item recorded as `navigation.contents`; the
    headings it names stay where they stand. (Left to `_drop_repeats`, the list stayed and
    the headings went: its first copy is kept.)"""
    runs = contents_runs([u.text for u in units])
    if not runs:
        return units
    out = units[:runs[0][0]]
    for (lo, hi), (nxt, _) in zip(runs, [*runs[1:], (len(units), 0)], strict=True):
        removed.extend(_removal(u, "navigation.contents", NAVIGATION) for u in units[lo:hi])
        out.extend(units[hi:nxt])
    return out


def _drop_repeats(units: list[Unit], removed: list[Removal], opts: CleanOptions,
                  memo: dict | None = None) -> list[Unit]:
    """`units` (normalized) without a repeated paragraph's second copy and without pull
    quotes, each recorded; as they are when `opts` keeps repeats. `memo` keeps what was
    found for each run of texts: a later round sees the same paragraphs again."""
    if not opts.drop_duplicate_paragraphs:
        return units
    texts = tuple(u.text for u in units)
    found = memo.get(texts) if memo is not None else None
    if found is None:
        found = _repeats(texts)
        if memo is not None:
            memo[texts] = found
    repeated, quoted = found
    kept: list[Unit] = []
    for k, unit in enumerate(units):
        if k in repeated:
            removed.append(_removal(unit, "normalize.duplicate-paragraph", "duplicate"))
        else:
            kept.append(unit)
    for i, end in quoted:
        removed.extend(_removal(u, "normalize.pull-quote", "duplicate") for u in kept[i:end])
        del kept[i:end]
    return kept


def _repeats(texts: tuple[str, ...]) -> tuple[frozenset[int], list[tuple[int, int]]]:
    """(the indexes of `texts` that repeat an earlier one, the pull quotes among the others
    as (start, end) of the texts kept, last first): what `_drop_repeats` removes."""
    repeated: set[int] = set()
    kept: list[str] = []
    keys: list[str] = []  # the kept texts' dedupe keys
    seen: set[str] = set()
    for k, text in enumerate(texts):
        key = dedupe_key(text)
        if key in seen and key.count(" ") + 1 >= _DEDUPE_MIN_WORDS:
            repeated.add(k)
            continue
        seen.add(key)
        kept.append(text)
        keys.append(key)
    quoted = []
    for i in reversed(_pull_quotes(keys)):
        end = i + 2 if i + 1 < len(kept) and _quote_credit(kept[i + 1], keys[:i]) else i + 1
        quoted.append((i, end))
        del kept[i:end]
    return frozenset(repeated), quoted


# Who a pull quote is by, on the line under it: "Paola Rinaldi, assessora regionale",
# "— Mayor Linda Okafor". A name and a role, or a dash and a name; no end mark.
_QUOTE_CREDIT_MAX_WORDS = 10


def _quote_credit(line: str, above: Sequence[str] = ()) -> bool:
    """Is `line`, under a pull quote, the quote's credit: a dash, or a name before a comma
    (`lines.credited_name`; in a script without case, whose names show no capital, a name
    the story's paragraphs `above` say: "م. حسام عبد الرحمن، رئيس هيئة حماية الشواطئ" under
    a pull quote from «…وقال المهندس حسام عبد الرحمن، رئيس الهيئة…», fresh-user check #41)?
    A subhead with a comma is the next section's ("Cómo hacer la solicitud, paso a paso"
    went with the pull quote over it: blind trial ay)."""
    if word_count(line) > _QUOTE_CREDIT_MAX_WORDS or ends_sentence(line) or opens_lower(line):
        return False
    if line[:1] in "-–—":
        return True
    name, comma, _ = line.replace("،", ",").partition(",")
    if not comma:
        return False
    if any(c.isupper() or c.islower() for c in name):
        return credited_name(name) is not None
    said = content_words(name, frozenset())
    return len(said) >= _CREDIT_NAME_MIN_WORDS and any(
        said <= content_words(paragraph, frozenset()) for paragraph in above)


# A name said again in the story: two words at least (a given name and a family name).
_CREDIT_NAME_MIN_WORDS = 2


def _finish(units: list[Unit], removed: list[Removal], *, title: str | None, fmt: str,
            encoding: str, url: str | None, opts: CleanOptions, decoded_length: int,
            words_in: int, author: str | None = None, date: str | None = None,
            extractor: str | None = None, extra_stats: dict | None = None,
            page: PageType | None = None, page_lines: list[str] | None = None) -> Cleaned:
    """The `Cleaned` of a path's final units (normalized, repeats and letterless edges
    already dropped): stats, the not-an-article check and the status."""
    paragraphs = _paragraphs(units)
    body = "\n\n".join(paragraphs)
    words_out = joined_word_count(paragraphs)
    stats = {
        "words_in": words_in,
        "words_out": words_out,
        "paragraphs_out": len(paragraphs),
        "removed_share": round(1 - words_out / words_in, 4) if words_in else 0.0,
        "prose_removed_share": _prose_removed_share(removed, words_out),
        "hyphenation_mended": 0,  # each path gives its count in extra_stats
        **(extra_stats or {}),
    }
    status, reason = Status.CLEANED, None
    if page_lines is not None:  # the page as the judge sees it: without what rules named
        named = {r.text for r in removed if _named(r)}
        page_lines = [t for t in page_lines if t not in named]
    not_article = not_article_reason(paragraphs, removed, title=title, page=page,
                                     page_lines=page_lines)
    if not_article:
        status, reason = Status.REJECTED, not_article
        # what was found goes on record too: a rejected page keeps no line unaccounted for
        removed.extend(_removal(u, "page.not-an-article", "page", "page") for u in units)
    elif not body:
        status, reason = Status.EMPTY, _empty_reason(removed, words_in)
    elif len(body) > opts.max_output_chars:
        status = Status.REJECTED
        reason = f"clean body is {len(body):,} characters, over the {opts.max_output_chars:,} limit"
    # in page order, as a reader replays them (they are found step by step: a fresh user saw
    # line 19 before line 15 and the byline last); those without offsets (HTML) keep theirs
    return Cleaned(text=body if status is Status.CLEANED else "", title=title,
                   removed=tuple(sorted(removed, key=lambda r: (r.start is None, r.start or 0))),
                   format=fmt, encoding=encoding, status=status,
                   reason=reason, url=url, author=author, date=date, extractor=extractor,
                   decoded_length=decoded_length, stats=stats)


# A list item's bullet in a Markdown or text-browser dump ("* ", "+ ", "- ", "• "): the line
# model reads it (`markdown.read_line` keeps it), the text written has none, as the HTML path
# writes an item (blind trial bd: 28 bullets left in its lynx and Markdown outputs). An
# ordered list's number stays: it says something.
_BULLET_RE = re.compile(r"[*+•-]\s+(?=\S)")


def _unbulleted(unit: Unit) -> Unit:
    """`unit` without its list item's bullet (_BULLET_RE)."""
    bullet = _BULLET_RE.match(unit.text)
    return dataclasses.replace(unit, text=unit.text[bullet.end():]) if bullet else unit


def _paragraphs(units: list[Unit]) -> list[str]:
    """The texts of `units`, a flattened line's sentences kept side by side
    (`segment.split_flat`) joined into one paragraph again."""
    out: list[str] = []
    for k, u in enumerate(units):
        if u.run_on and k and units[k - 1].line == u.line:
            out[-1] = f"{out[-1]} {u.text}"
        else:
            out.append(u.text)
    return out


def _named(removal: Removal) -> bool:
    """Did a rule name this line (boilerplate of a kind), rather than where it stood: outside
    the article the locator found (`layout.`), the headline or byline said once
    (`structure.`)?"""
    return not removal.rule.startswith(("layout.", "structure."))


def _empty_reason(removed: list[Removal], words_in: int) -> str:
    """Why a document kept no line, in words that are true of it: nothing to read, a note
    too short to be an article (fewer than ARTICLE_MIN_WORDS words, no line named by a
    rule: "Lunch at noon" was called boilerplate), or boilerplate only."""
    if not removed:
        return "no text in the document"
    if words_in < ARTICLE_MIN_WORDS and not any(map(_named, removed)):
        return f"too short to be an article: {words_in} word{'s' if words_in != 1 else ''}"
    return "nothing but boilerplate: every line was removed"
