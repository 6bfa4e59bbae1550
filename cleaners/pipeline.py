"""`clean()`: one raw document in, one `Cleaned` out. Pure: no I/O, no global state.

decode → detect format → extract (HTML) or split lines (text) → headline → rules →
article block (text) → normalize → dedupe. Every unit that does not reach the output is
recorded as a `Removal` naming the rule or step that removed it.
"""

from urllib.parse import urlsplit

from cleaners.decode import InputRejected, decode, repair
from cleaners.detect import detect_format
from cleaners.html_extract import extract_html
from cleaners.model import Cleaned, Removal, Status
from cleaners.normalize import dedupe_key, normalize_unit
from cleaners.options import CleanOptions
from cleaners.rules import Rule, RuleSet, Where
from cleaners.segment import Unit, split_units
from cleaners.textblock import locate_article

_DEFAULT_OPTIONS = CleanOptions()
# A body paragraph, for placing the leading/trailing guards: a line of real prose. Eight
# words is shorter than any news paragraph in the seeds and longer than nav and widget rows.
_BODY_MIN_WORDS = 8
_HEADLINE_MAX_CHARS = 250
_HEADLINE_MAX_WORDS = 30  # the longest headlines in the dev set run to ~25 words


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
        return _rejected(exc.reason, url=url)
    fmt = opts.format_hint or detect_format(decoded.text, source)
    try:
        if fmt == "html":
            return _clean_html(decoded.text, decoded.encoding, url, opts)
        return _clean_text(decoded.text, decoded.encoding, url, opts,
                           dropped_controls=decoded.dropped_controls)
    except RecursionError:
        return _rejected("document nesting is too deep to parse", fmt=fmt, url=url)


def _rejected(reason: str, *, fmt: str = "unknown", url: str | None = None) -> Cleaned:
    return Cleaned(text="", title=None, removed=(), format=fmt, encoding=None,
                   status=Status.REJECTED, reason=reason, url=url)


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def _clean_text(text: str, encoding: str, url: str | None, opts: CleanOptions,
                *, dropped_controls: int = 0) -> Cleaned:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = repair(text)
    units = split_units(text)
    removed: list[Removal] = []
    title = None
    if len(units) > 1 and _headline(units[0].text, opts.ruleset()):
        title = normalize_unit(units[0].text)[0]
        removed.append(_removal(units[0], "structure.headline", "structure", "leading"))
        units = units[1:]
    units = _apply_rules(units, opts.ruleset(), _host(url), removed)
    if opts.locate_article and units:
        kept = []
        for unit, verdict in zip(units, locate_article([u.text for u in units]), strict=True):
            if verdict.keep:
                kept.append(unit)
            else:
                removed.append(_removal(unit, verdict.rule or "layout.outside-article", "layout"))
        units = kept
    return _finish(units, removed, title=title, fmt="text", encoding=encoding, url=url,
                   opts=opts, decoded_length=len(text), words_in=len(text.split()),
                   extra_stats={"controls_dropped": dropped_controls})


def _clean_html(html: str, encoding: str, url: str | None, opts: CleanOptions) -> Cleaned:
    ex = extract_html(html, url=url)
    body = repair("\n".join(ex.paragraphs))
    units = [Unit(p, -1, -1, 0) for p in body.split("\n") if p.strip()]
    removed = [Removal(rule="extract.page-chrome", family="extraction",
                       text=f"markup outside the article, dropped by {ex.extractor}",
                       where="page")]
    units = _apply_rules(units, opts.ruleset(), _host(url or ex.url), removed)
    title = repair(ex.title) if ex.title else None
    return _finish(units, removed, title=title, fmt="html", encoding=encoding,
                   url=url or ex.url, opts=opts, decoded_length=len(html),
                   words_in=len(body.split()), author=ex.author, date=ex.date,
                   extractor=ex.extractor)


def _headline(line: str, rules: RuleSet) -> bool:
    """A first line that reads like a headline: short, capitalized, not a sentence."""
    words = line.split()
    if not 2 <= len(words) <= _HEADLINE_MAX_WORDS or len(line) > _HEADLINE_MAX_CHARS:
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“«¿¡"):
        return False
    return rules.match(line, Where.LEADING) is None


def _removal(unit: Unit, rule: str, family: str, where: str = "anywhere") -> Removal:
    located = unit.start >= 0
    return Removal(rule=rule, family=family, text=unit.text,
                   line=unit.line if located else None,
                   start=unit.start if located else None,
                   end=unit.end if located else None, where=where)


def _apply_rules(units: list[Unit], rules: RuleSet, host: str | None,
                 removed: list[Removal]) -> list[Unit]:
    """Match every unit once; guards decide by the unit's place relative to the body."""
    body = [i for i, u in enumerate(units) if len(u.text.split()) >= _BODY_MIN_WORDS]
    first_body = body[0] if body else len(units)
    last_body = body[-1] if body else -1
    kept: list[Unit] = []
    marker: Rule | None = None
    for i, unit in enumerate(units):
        position = (Where.LEADING if i < first_body
                    else Where.TRAILING if i > last_body else Where.ANYWHERE)
        rule = rules.match(unit.text, position, host)
        if marker is not None:  # inside a comment section: it all goes, under its own rule
            fired = rule or marker
            removed.append(_removal(unit, fired.id, fired.family, "tail-marker"))
        elif rule is not None:
            removed.append(_removal(unit, rule.id, rule.family, str(rule.where)))
            if rule.where is Where.TAIL_MARKER:
                marker = rule
        else:
            kept.append(unit)
    return kept


def _finish(units: list[Unit], removed: list[Removal], *, title: str | None, fmt: str,
            encoding: str, url: str | None, opts: CleanOptions, decoded_length: int,
            words_in: int, author: str | None = None, date: str | None = None,
            extractor: str | None = None, extra_stats: dict | None = None) -> Cleaned:
    paragraphs: list[str] = []
    seen: set[str] = set()
    mends = 0
    for unit in units:
        text, n = normalize_unit(unit.text, mend=opts.mend_hyphenation)
        mends += n
        if opts.drop_duplicate_paragraphs:
            key = dedupe_key(text)
            if key in seen and len(key) > 1:
                removed.append(_removal(unit, "normalize.duplicate-paragraph", "duplicate"))
                continue
            seen.add(key)
        paragraphs.append(text)
    body = "\n\n".join(paragraphs)
    words_out = len(body.split())
    stats = {
        "words_in": words_in,
        "words_out": words_out,
        "paragraphs_out": len(paragraphs),
        "removed_share": round(1 - words_out / words_in, 4) if words_in else 0.0,
        "hyphenation_mended": mends,
        **(extra_stats or {}),
    }
    status, reason = Status.CLEANED, None
    if not body:
        status = Status.EMPTY
        reason = ("nothing but boilerplate: every line was removed" if removed
                  else "no text in the document")
    elif len(body) > opts.max_output_chars:
        status = Status.REJECTED
        reason = f"clean body is {len(body):,} characters, over the {opts.max_output_chars:,} limit"
    return Cleaned(text=body if status is Status.CLEANED else "", title=title,
                   removed=tuple(removed), format=fmt, encoding=encoding, status=status,
                   reason=reason, url=url, author=author, date=date, extractor=extractor,
                   decoded_length=decoded_length, stats=stats)
