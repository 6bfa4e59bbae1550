"""Boilerplate rules as data: packs of whole-line patterns with stable ids and position guards.

A rule matches one whole line (or extracted paragraph), never a keyword inside a sentence:
"Subscribe now." is boilerplate, "Subscribers to the paper fell by a third" is news.
Packs are TOML files; the default pack ships in `cleaners/packs/`, operator packs layer on
top (they add rules, replace a rule by reusing its id, or disable ids).
"""

import dataclasses
import hashlib
import re
import tomllib
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsclean.cleaners.lines import (
    COLONS,
    FACT_ROW_RE,
    LINE_PART_MARKS,
    LINE_PARTS_RE,
    attributed,
    ends_sentence,
    outside_quotes,
    word_count,
)


class Where(StrEnum):
    """Where in a document a rule may fire."""

    ANYWHERE = "anywhere"
    LEADING = "leading"  # only before the first body paragraph
    TRAILING = "trailing"  # only after the last body paragraph
    TAIL_MARKER = "tail-marker"  # the line and everything after it (a comment section)
    # anywhere; after the article's start it also takes the list that follows the line (the
    # short teaser lines under "Most Popular"), up to the next paragraph of prose
    LIST_HEAD = "list-head"
    # anywhere; a photo credit printed under its caption: the short line above it goes too
    CAPTION_CREDIT = "caption-credit"


class RulePackError(ValueError):
    """A rule pack that cannot be loaded; the message names the pack and the rule."""


# Rules match whole lines, and boilerplate lines are short (the longest a rule removes in the
# seeds is 173 characters). Python's re keeps backtracking state per character: the combined
# alternation over a 20,000-character line without spaces held ~200 MB, a 10 MB line more than
# the machine has. 2,000 characters is 10x the longest boilerplate line.
MAX_LINE_CHARS = 2000
_ID_RE = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)+")
# Arrows, in every direction (right-to-left pages point left: "اقرأ أيضاً ← …"): Unicode's
# Arrows, Dingbat arrows, Supplemental Arrows-A and -B, the arrows of Miscellaneous Symbols
# and Arrows, and the pointing triangles ▶ ► ▸ ◀ ◄. One definition for the label separator
# and an arrow-led line (zxx.toml's cross-link.arrow-led, `{arrow}` in a pattern): a fresh
# user's "See also ➡ …", "Zum Weiterlesen ⇢ …" and "اقرأ أيضاً ← …" stayed.
# Not the downward triangles (U+25BC-25BF): Japanese papers set a story's list items and
# subheads with "▽" and "▼" ("▽本塁打 石川(翔) ▽二塁打 藤井…" in a baseball report: blind
# trial an lost it as a link).
ARROW_CHARS = ("\u2190-\u21ff\u2794-\u27bf\u27f0-\u27ff\u2900-\u297f\u2b00-\u2bff"
               "\u25b6-\u25bb\u25c0-\u25c4")
_ARROW_TOKEN = "{arrow}"
# What stands between a cross-link's label and the headline it points to ("Leggi anche:
# …", "Lesen Sie auch | …"): a colon (also the full-width and the Ethiopic one, "ተዛማጅ፦
# …": blind trial be's Amharic page), a bar, a guillemet, a dash,
# an arrow or "=>". One definition for the inline teasers (`inline_forms`) and every pack
# (a pattern says `{label-sep}`): the packs' 37 copies of the class knew no arrow but
# zh's and ja's, so blind trial t's "DA NON PERDERE › …", "TO CIĘ ZAINTERESUJE ▶ …",
# "Vale a leitura → …" and "BU DA İLGİNİZİ ÇEKEBİLİR ► …" stayed. A hyphen counts before
# a space only: "also-ran" is a word, "Leggi anche - …" a label. So does a full stop after
# a label in capitals, as Flemish papers set it ("LEES OOK. Stad zoekt …": blind trial
# ai); after a word in lower case it ends a sentence ("Zmienią się także stawki. Od …").
LABEL_SEPARATOR = (rf"(?:[:：፦|｜»«>›–—{ARROW_CHARS}]|=>|-(?=\s)"
                   r"|(?-i:(?<=[A-ZÀ-ÖØ-Þ]{2})\.)(?=\s))")
_LABEL_SEP_TOKEN = "{label-sep}"
# The unit of a count of minutes in the packs' languages, one definition for the rules that
# read a reading time or a player's length (a pattern says `{minutes}`: "3 хв", "8 Min.",
# "৪ মিনিট", "3 நிமிட வாசிப்பு"). Not "分" alone, which also counts points ("3分").
MINUTE_UNITS = ("(?:min|mins|minute|minutes|minuten|minutos|minuto|minuti|minuter|minutter"
                "|minuut|perc|dk|dakika|menit|phút|хв|хвилин|хвилини|мин|минут|минуты|λεπτά"
                "|λεπ|דקות|دقیقه|دقائق|دقيقة|นาที|分钟|분|মিনিটে|মিনিট|நிமிட|मिनट)")
_MINUTES_TOKEN = "{minutes}"


@dataclass(frozen=True, slots=True)
class Rule:
    id: str  # stable, "<family>.<what-it-removes>", e.g. "comments.wordpress-leave-a-reply"
    family: str
    pattern: str
    where: Where = Where.ANYWHERE
    note: str = ""
    lang: str | None = None  # informational: the language the pattern's words are in
    sites: tuple[str, ...] = ()  # host suffixes the rule is limited to; empty: all sites
    case_sensitive: bool = False
    max_words: int | None = None  # a longer line never matches, whatever the pattern says

    def regex_source(self) -> str:
        return self.pattern if self.case_sensitive else f"(?i:{self.pattern})"

    def compiled(self) -> re.Pattern:
        """The rule's pattern, compiled once per process (`_compiled`)."""
        return _compiled(self.regex_source())


# Every rule's pattern, compiled once: loading a pack, checking its examples and each word
# band of a rule set all need it, and re's own cache (512 patterns) holds fewer than the
# ~900 shipped rules, so each of them was compiled up to three times (a one-page CLI run in
# an undetected language spent ~6 s there). Keyed by source: bounded by the packs loaded.
@cache
def _compiled(source: str) -> re.Pattern:
    return re.compile(source)


@dataclass(frozen=True, slots=True)
class RulePack:
    name: str
    version: str
    rules: tuple[Rule, ...]
    disable: tuple[str, ...] = ()
    source: str = "<memory>"
    digest: str = ""
    shipped: bool = False  # one of newsclean's own packs (cleaners/packs/), not an operator's
    reported_speech: str = ""  # the `[pack] reported_speech` regex, "" when the pack has none


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class RuleSpec(_Strict):
    """One `[[rules]]` entry of a pack, as written: the schema every rule is checked against."""

    id: str
    family: str
    pattern: str  # a regex; `{label-sep}` stands for LABEL_SEPARATOR, `{arrow}` ARROW_CHARS,
    # `{minutes}` MINUTE_UNITS
    where: Annotated[Where, Field(strict=False)] = Where.ANYWHERE
    note: str = ""
    lang: str | None = None
    sites: list[str] = []
    case_sensitive: bool = False
    max_words: Annotated[int | None, Field(ge=1)] = None
    # "reported-speech": a line the pack's `reported_speech` finds never matches (news that
    # quotes a notice: "Activa JavaScript para ver el vídeo, pidió el técnico")
    unless: Literal["reported-speech"] | None = None
    # One definition of an item, matched once or more on the line (`_repeated`), instead of
    # a second copy of the pattern inside itself: chained calls ("Curta nossa página no
    # Facebook e siga-nos no Instagram" was a Portuguese line the one-call pattern missed).
    # true: items joined by the pack's `joiner`, any number of them; "sentences": one or two
    # sentences side by side, each carrying its own full stop. `tail` (only with `repeat`)
    # may follow the last item only ("… no Instagram para receber as notícias.").
    repeat: bool | Literal["sentences"] = False
    tail: str = ""
    examples: list[str] = []
    counter_examples: list[str] = []


class PackMeta(_Strict):
    """The `[pack]` table."""

    name: str | None = None
    version: str | int | None = None
    description: str = ""
    disable: list[str] = []
    # A regex found anywhere in a line that reports what someone said, in the pack's
    # language ("\b(?:said|according to)\b"); rules with `unless = "reported-speech"` skip
    # such lines. One list per language, not one lookahead per rule.
    reported_speech: str = ""
    # A regex for what stands between two chained items in the pack's language (", ",
    # " e ", "، و"); rules with `repeat = true` join their items with it.
    joiner: str = ""


class PackSpec(_Strict):
    """A pack file's top level: `[pack]` and `[[rules]]`, nothing else (a `[[rule]]` typo
    would otherwise be a pack that silently does nothing)."""

    pack: PackMeta = PackMeta()
    rules: list[dict] = []


def _schema_error(exc: ValidationError, where: str, raw: dict | None = None,
                  model: type[BaseModel] = RuleSpec) -> RulePackError:
    """The first schema error, naming the file (and rule) and the field."""
    err = exc.errors()[0]
    loc = [str(x) for x in err.get("loc", ())]
    kind = err.get("type", "")
    field_name = loc[0] if loc else "?"
    if kind == "missing":
        return RulePackError(f"{where}lacks {field_name!r}: {raw!r}")
    if kind == "extra_forbidden":
        if raw is None:
            hint = " (did you mean [[rules]]?)" if field_name in ("rule", "Rules", "RULES") else ""
            return RulePackError(f"{where}unknown table [{field_name}]{hint}: a pack has "
                                 "[pack] and [[rules]] only")
        known = ", ".join(model.model_fields)
        unknown = sorted(set(raw) - set(model.model_fields))
        what = "a rule" if model is RuleSpec else "[pack]"
        return RulePackError(f"{where}unknown keys {unknown} ({what} has {known})")
    if kind == "enum" and loc == ["where"]:
        choices = ", ".join(w.value for w in Where)
        return RulePackError(f"{where}where must be one of {choices}")
    got = err.get("input")
    if loc[:1] == ["repeat"] and model is RuleSpec:  # a union: pydantic names each member
        return RulePackError(f"{where}repeat must be true, false or \"sentences\" (got {got!r})")
    field_path = ".".join(loc)
    return RulePackError(f"{where}field {field_path!r}: {err.get('msg')} (got {got!r})")


def _repeated(pattern: str, repeat: bool | str, joiner: str, tail: str) -> str:
    """A `repeat` rule's pattern P as matched: `(?:P)(?:(?:JOINER)(?:P))*`, or for
    "sentences" `(?:P)(?:\\s*(?:P))?`, then `(?:TAIL)` once."""
    if repeat == "sentences":
        chain = f"(?:{pattern})(?:\\s*(?:{pattern}))?"
    else:
        chain = f"(?:{pattern})(?:(?:{joiner})(?:{pattern}))*"
    return f"{chain}(?:{tail})" if tail else chain


def _parse_rule(raw: dict, pack: str, checked: bool, reported_speech: str = "",
                joiner: str = "") -> Rule:
    rid = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(raw, dict):
        raise RulePackError(f"{pack}: a rule must be a table ([[rules]]), not {raw!r}")
    where = f"{pack}: rule {rid}: " if isinstance(rid, str) else f"{pack}: a rule "
    try:
        spec = RuleSpec.model_validate(raw)
    except ValidationError as exc:
        raise _schema_error(exc, where, raw) from None
    if not _ID_RE.fullmatch(spec.id):
        raise RulePackError(f"{pack}: rule id {spec.id!r} must look like 'family.what-it-removes'")
    pattern = spec.pattern.replace(_LABEL_SEP_TOKEN, LABEL_SEPARATOR).replace(
        _ARROW_TOKEN, ARROW_CHARS).replace(_MINUTES_TOKEN, MINUTE_UNITS)
    if spec.tail and not spec.repeat:
        raise RulePackError(f"{where}tail is what follows the last of a rule's repeated "
                            "items: it needs repeat")
    if spec.repeat is True and not joiner:
        raise RulePackError(f"{where}repeat = true needs the pack's [pack] joiner")
    if spec.repeat:
        pattern = _repeated(pattern, spec.repeat, joiner, spec.tail)
    if spec.unless == "reported-speech":
        if not reported_speech:
            raise RulePackError(f"{where}unless = \"reported-speech\" needs the pack's "
                                "[pack] reported_speech")
        # grouped: the guard is on the whole pattern, not on its first alternative
        pattern = f"(?![^\\n]*(?:{reported_speech}))(?:{pattern})"
    rule = Rule(
        id=spec.id,
        family=spec.family,
        pattern=pattern,
        where=spec.where,
        note=spec.note,
        lang=spec.lang,
        sites=tuple(s.lower().lstrip(".") for s in spec.sites),
        case_sensitive=spec.case_sensitive,
        max_words=spec.max_words,
    )
    if not checked:
        return rule
    try:
        rule.compiled()
    except re.error as exc:
        raise RulePackError(f"{pack}: rule {spec.id}: bad pattern: {exc}") from None
    _check_examples(rule, raw, pack)
    return rule


class _Reloc:
    """Errors re-rooted at a sub-table, in ValidationError's shape."""

    def __init__(self, errors: list[dict]) -> None:
        self._errors = errors

    def errors(self) -> list[dict]:
        return self._errors


def _check_examples(rule: Rule, raw: dict, pack: str) -> None:
    """Packs carry examples (must match) and counter-examples (must not): checked at load."""
    rx = rule.compiled()
    for ex in raw.get("examples", ()):
        if not rx.fullmatch(ex):
            raise RulePackError(f"{pack}: rule {rule.id}: example does not match: {ex!r}")
    for ex in raw.get("counter_examples", ()):
        if rx.fullmatch(ex):
            raise RulePackError(f"{pack}: rule {rule.id}: counter-example matches: {ex!r}")


def parse_pack(text: str | bytes, source: str = "<memory>", *, checked: bool = True) -> RulePack:
    """A rule pack from its TOML `text` (bytes are read as UTF-8, as TOML is); `source`
    names it in errors. Raises RulePackError, one line, for what is not a pack: bytes
    that are not UTF-8 text, TOML errors, schema errors, a repeated rule id, a pack that
    neither adds nor disables a rule (an empty file given by mistake), and with `checked`
    a pattern that does not compile or an example it does not match (a counter-example it
    does). The shipped packs load unchecked (`_shipped`): their patterns compile when a
    line first reaches them."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RulePackError(f"{source}: not a rule pack: not UTF-8 text (byte "
                                f"{exc.start}); a rule pack is a TOML file") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{source}: not valid TOML: {exc}") from None
    try:
        spec = PackSpec.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(x) for x in err.get("loc", ())]
        if loc[:1] == ["rules"] and len(loc) > 1:  # a rule that is not a table
            raise RulePackError(f"{source}: rule #{int(loc[1]) + 1} must be a table "
                                "([[rules]])") from None
        where = f"{source}: [pack] " if loc[:1] == ["pack"] else f"{source}: "
        if loc[:1] == ["pack"]:
            exc_errors = [{**e, "loc": tuple(e["loc"][1:])} for e in exc.errors()]
            raise _schema_error(_Reloc(exc_errors), where, data.get("pack"), PackMeta) from None
        raise _schema_error(exc, where) from None
    meta = data.get("pack", {})
    if not spec.rules and not meta.get("disable"):
        raise RulePackError(f"{source}: no rules: a rule pack adds rules ([[rules]]) or "
                            "disables them ([pack] disable = [...])")
    rules = tuple(_parse_rule(r, source, checked, spec.pack.reported_speech, spec.pack.joiner)
                  for r in spec.rules)
    seen: set[str] = set()
    for r in rules:
        if r.id in seen:
            raise RulePackError(f"{source}: rule id {r.id} appears twice")
        seen.add(r.id)
    return RulePack(
        name=meta.get("name", Path(source).stem),
        version=str(meta.get("version", "0")),
        rules=rules,
        disable=tuple(meta.get("disable", ())),
        source=source,
        reported_speech=spec.pack.reported_speech,
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
    )


def load_pack(path: str | Path) -> RulePack:
    p = Path(path)
    try:
        text = p.read_bytes()
    except OSError as exc:
        hint = (" (a rule pack is a TOML file of [[rules]], given by its path: see "
                "seeds/packs/example-site.toml; the shipped packs need no --rules)"
                if isinstance(exc, FileNotFoundError) else "")
        raise RulePackError(f"cannot read rule pack {p}: {exc.strerror}{hint}") from None
    return parse_pack(text, str(p))


def _shipped(name: str) -> RulePack:
    """The shipped pack `name` (cleaners/packs/<name>.toml). Unchecked: the test suite checks
    every shipped pack's patterns and examples (tests/test_language_packs.py), and checking
    them again at each start compiled ~900 patterns a run would mostly never use (a
    one-page CLI run in German needs the German, English and neutral ones)."""
    text = resources.files("newsclean.cleaners.packs").joinpath(f"{name}.toml").read_text("utf-8")
    return dataclasses.replace(parse_pack(text, name, checked=False), shipped=True)


def default_pack() -> RulePack:
    return _shipped("default")


def shipped_packs() -> tuple[RulePack, ...]:
    """`default.toml`, then every other pack shipped in `cleaners/packs/` (the language packs,
    `de.toml`, `fr.toml` …) sorted by file name, each its own RulePack so that the rule set's
    fingerprint covers every one of them."""
    folder = resources.files("newsclean.cleaners.packs")
    names = sorted(p.name for p in folder.iterdir()
                   if p.name.endswith(".toml") and p.name != "default.toml")
    return (default_pack(), *(_shipped(n.removesuffix(".toml")) for n in names))


# Lineups kept per band (position x first character x gates passed): a few dozen in
# practice; the cap only bounds a pathological input's memory.
_BAND_CACHE = 4096
# Lines of one kind seen before their rules are compiled into one alternation. Compiling an
# alternation of a band's rules costs 5-40 ms, and a page in any script brings new kinds of
# lines: on 120 readability-dev and fundus-dev dumps cleaned twice, compiling after 8 uses
# took 34 s, after 64 10 s, after 256 7.3 s, after 1,024 6.4 s, never 6.2 s (the rules
# tried one by one, after the first-character and literal-gate shortcuts, with a document's
# language packs only: `RuleSet.for_languages`). So only a kind seen thousands of times is
# compiled: a long run's commonest lines.
_COMPILE_AFTER = 4096


class _Lineup:
    """The rules a band tries on lines of one kind (position, first character, gates
    passed), in pack order; after a few such lines, as one compiled alternation."""

    __slots__ = ("live", "uses", "rx", "rule_at")

    def __init__(self, live: tuple[int, ...]) -> None:
        self.live = live
        self.uses = 0
        self.rx: re.Pattern | None = None
        self.rule_at: dict[int, int] = {}  # group index in `rx` -> candidate index


class _Tried:
    """What one line's patterns said in one band: the gates it passes and, by rule index,
    whether each pattern tried matched it. A document asks about a line at up to three
    positions (the seeds: a third of the questions repeat a line), and every position's
    rules but a few are the same: no pattern is tried twice on a line."""

    __slots__ = ("passed", "matched")

    def __init__(self) -> None:
        self.passed: tuple[int, ...] | None = None
        self.matched: dict[int, bool] = {}


class _Band:
    """The rules that may fire on lines of one word-count band.

    A line is tried only against the rules that may fire at its position, can start with
    its first character and, for rules that scan the line, whose literal gate it passes.
    Once lines of that kind have come a few times, those rules become one alternation,
    each rule in a named group, so one `fullmatch` names the earliest rule in pack order
    that matched (`lastindex` is the outermost group to close), exactly as if every rule
    were tried in turn. Compiling waits because it costs milliseconds: a one-document CLI
    run tries each rule on its own instead.
    """

    __slots__ = ("candidates", "_first", "_gates", "_gates_passed", "_singles", "_lineups",
                 "_openers")

    def __init__(self, candidates: tuple[Rule, ...]) -> None:
        self.candidates = candidates  # in pack order
        self._first: list[_First] | None = None
        self._gates: list[_Gate | None] = []
        self._gates_passed = None  # (line, folded line) -> indexes of the gates it passes
        # each rule's compiled `fullmatch`, bound once: the loop over a lineup calls it
        self._singles: list[Callable[[str], re.Match | None] | None] = []
        self._lineups: dict[tuple, _Lineup] = {}  # (position, first character, gates passed)
        # (position, first character) -> the rules that may fire there and start with it
        self._openers: dict[tuple[Where, str], tuple[int, ...]] = {}

    def _analyze(self) -> None:
        shortcuts = [_shortcuts(r.regex_source()) for r in self.candidates]
        self._gates = [gate for _, gate in shortcuts]
        self._gates_passed = _gate_function(self._gates)
        # compiled when first tried: a document's lines reach few of a band's rules
        self._singles = [None] * len(self.candidates)
        self._first = [first for first, _ in shortcuts]

    def _single(self, i: int) -> Callable[[str], re.Match | None]:
        """Rule i's `fullmatch`, compiled on first use."""
        fullmatch = self._singles[i]
        if fullmatch is None:
            fullmatch = self._singles[i] = self.candidates[i].compiled().fullmatch
        return fullmatch

    def _lineup(self, key: tuple) -> _Lineup:
        position, c0, passed = key
        openers = self._openers.get((position, c0))
        if openers is None:  # the gates passed vary more than the first characters do
            c0_folded = _fold(c0)
            openers = tuple(i for i, first in enumerate(self._first)
                            if _starts_ok(first, c0, c0_folded)
                            and _may_fire(self.candidates[i].where, position))
            if len(self._openers) >= _BAND_CACHE:
                self._openers.clear()
            self._openers[position, c0] = openers
        lineup = _Lineup(tuple(i for i in openers if self._gates[i] is None or i in passed))
        if len(self._lineups) >= _BAND_CACHE:
            self._lineups.clear()
        self._lineups[key] = lineup
        return lineup

    @staticmethod
    def _compile(lineup: _Lineup, candidates: tuple[Rule, ...]) -> None:
        src = "|".join(f"(?P<_nc{i}>{candidates[i].regex_source()})" for i in lineup.live)
        try:
            rx = re.compile(src)
        except re.error:  # an operator pattern's own group names clash: stay one by one
            lineup.uses = -(1 << 62)
            return
        lineup.rule_at = {rx.groupindex[f"_nc{i}"]: i for i in lineup.live}
        lineup.rx = rx

    def match(self, line: str, position: Where, host: str | None,
              tried: _Tried | None = None) -> Rule | None:
        """The first rule that matches `line` at `position`; `tried` keeps what the line's
        patterns said for the next position asked about."""
        if not line:
            return None
        if self._first is None:
            self._analyze()
        if tried is None:
            tried = _Tried()
        passed = tried.passed
        if passed is None:
            passed = tried.passed = (self._gates_passed(line, _fold(line))
                                     if self._gates_passed else ())
        key = (position, line[0], passed)
        lineup = self._lineups.get(key) or self._lineup(key)
        if not lineup.live:
            return None
        if lineup.rx is None:
            lineup.uses += 1
            if lineup.uses >= _COMPILE_AFTER:
                self._compile(lineup, self.candidates)
        if lineup.rx is not None:
            hit = lineup.rx.fullmatch(line)
            first = lineup.rule_at[hit.lastindex] if hit is not None else None
        else:
            first = None
            matched, singles = tried.matched, self._singles
            for i in lineup.live:
                hit = matched.get(i)
                if hit is None:
                    fullmatch = singles[i] or self._single(i)
                    hit = matched[i] = fullmatch(line) is not None
                if hit:
                    first = i
                    break
        if first is None:
            return None
        rule = self.candidates[first]
        if _for_site(rule, host):
            return rule
        for i in range(first + 1, len(self.candidates)):  # a rule for other sites: go on
            rule = self.candidates[i]
            if _may_fire(rule.where, position) and self._single(i)(line) and _for_site(
                    rule, host):
                return rule
        return None

    def __getstate__(self):  # compiled patterns are rebuilt where the band is unpickled
        return self.candidates

    def __setstate__(self, state) -> None:
        self.__init__(state)


# A plain dump glues a widget's labels with a space ("Meghallgatom Hallgassa meg a cikket!",
# a player's two buttons, blind trial bh; "Sign in Subscribe"): a line of up to this many
# words that splits at a space into two parts that rules of one family name is named by
# its first part's rule. One family: a widget's labels are of one kind; across families,
# parts named an RFC author's "Email: …" (a share button and an address) and a comment
# box's "Xem thêm ý kiến" (see more comments: a cross-link label and a comments word)
# ended a Vietnamese story at the wrong line (field case comments-app-strip-vi).
GLUED_MAX_WORDS = 6
# ...and its first part a label of up to this many words ("Sign in", "উত্তর দিন"): a longer
# one is a sentence's start. Every split of lines of up to 8 words cost `clean()` ~15 % of
# its speed on the seeds; these limits, ~5 % (paired medians, 2026-12-07).
GLUED_LABEL_MAX_WORDS = 2


def _parts(line: str) -> list[str]:
    """The parts of a line joined from a widget's pieces (`LINE_PARTS_RE`), each with a
    letter or a digit; empty for a line of one part. Asked of every line no rule names:
    a line without any of the separators' marks is not split."""
    if LINE_PART_MARKS.isdisjoint(line):
        return []
    parts = LINE_PARTS_RE.split(line)
    return parts if len(parts) > 1 and all(
        any(c.isalnum() for c in part) for part in parts) else []


# A label a page decorates: a pictograph, an arrow or a bullet before it ("🎧 Nghe bài
# viết", "👉 Read more: …", "• Share on Facebook") and a player's length after it ("…
# 5:12"). The packs write each label bare; a Vietnamese player's "🎧 Nghe bài viết 5:12"
# stayed (blind trial z), and so did every emoji-led label a pattern did not allow for.
# Brackets, quotes, currency, mathematical signs and "©" open text, not decoration.
_BULLETS = frozenset("•·‣●▪■◆◇○►▸»›/／")  # "/사진=연합뉴스": a Korean credit's slash
_LENGTH_RE = re.compile(r"\s+\d{1,2}:\d{2}(?::\d{2})?$")


def _decorates(c: str) -> bool:
    """A pictograph, an arrow or a bullet; not a sign of the text ("+ x", "© 2024", "°")."""
    return (c in _BULLETS or c == "\ufe0f" or "\u2190" <= c <= "\u21ff"
            or unicodedata.category(c) == "So" and c not in "©®℗™°")


def _bare_label(line: str) -> str | None:
    """`line` without its decoration, or None when it has none: asked of a line no rule
    names whole."""
    at = 0
    while at < min(len(line), 3) and _decorates(line[at]):
        at += 1
    bare = line[at:].lstrip()
    if bare[-1:].isdigit():
        bare = _LENGTH_RE.sub("", bare)
    return bare if bare != line and any(c.isalpha() for c in bare) else None


# An advertisement flagged as one: its label in brackets before its text ("（广告）环保家电以旧换新
# 最高补贴2000元 点击了解详情", "[Anzeige] Jetzt …", "(Advertisement) …": blind trial ad's
# Chinese page kept it between two paragraphs). The label is an ads rule's, the line an
# ad's whatever it says; up to this many words (CJK: characters, as `word_count` counts).
_FLAG_RE = re.compile(r"\s*[(（\[【]\s*([^()（）\[\]【】]{1,24}?)\s*[)）\]】]\s*\S")
FLAGGED_AD_MAX_WORDS = 40
_ADS = "ads"


def _ad_flag(line: str) -> str | None:
    """The bracketed label that opens `line`, or None."""
    m = _FLAG_RE.match(line)
    return m.group(1) if m is not None and word_count(line) <= FLAGGED_AD_MAX_WORDS else None


# A newsletter box's heading and pitch on one line: the newsletter's name, a colon, what it
# brings ("Newsletter Gazeta Manhã: o essencial do dia, de segunda a sexta, às 6h.": fresh-user
# check #36's Brazilian live blog kept it over its "Cadastre seu e-mail" button). The label is
# a newsletter rule's, the line the box's whatever it says; a line of up to this many words,
# its label of up to this many.
PROMO_LABEL_LINE_MAX_WORDS = 25
PROMO_LABEL_MAX_WORDS = 4
_NEWSLETTER = "newsletter"


def _promo_label(line: str) -> str | None:
    """The label of the row `line` opens with (`lines.FACT_ROW_RE`: a label, a colon, what
    it gives), PROMO_LABEL_MAX_WORDS words at most, or None."""
    row = FACT_ROW_RE.match(line)
    if row is None or word_count(line) > PROMO_LABEL_LINE_MAX_WORDS:
        return None
    label = line[:row.end() - 1].rstrip().rstrip("".join(COLONS)).strip()
    return label if word_count(label) <= PROMO_LABEL_MAX_WORDS else None


# A line of parts that rules of different families name is credited to the part's rule
# that says what the line is, not to its first part's: a row with a menu item among its links
# is the site's menu ("Accedi · Abbonati · Newsletter · Cerca", "Polityka prywatności |
# Regulamin | Kontakt" were explained as a paywall notice and a cookie notice by their first
# links); else the family that names most parts. One family's parts are a widget's pieces (a
# comment count and a login prompt): the first part's rule, as before.
# The families whose rules name a call on the reader (subscribe, follow, share, sign up),
# which a story reports when an official makes it (`RuleSet._reported`).
SPOKEN_FAMILIES = frozenset(("subscribe", "share", "newsletter", "appeal", "social-embed"))
NAVIGATION = "navigation"  # the family of menus and breadcrumb trails
SHARE = "share"  # the family of share rows' buttons
COMMENTS = "comments"  # the family of a comment section's counters, forms and notices
CREDIT = "credit"  # the family of photo, editor and wire credits
TAGS = "tags"  # the family of a story's tag lists and their headings
PRESS_RELEASE = "press-release"  # the family of a release's issuer credits and trailers
DATELINE = "dateline"  # the family of a page's date and time stamps


def _named_by_parts(named: list[Rule]) -> Rule:
    """The rule of a line whose parts the rules `named` name (one a part, in order)."""
    families = [r.family for r in named]
    if len(set(families)) == 1:
        return named[0]
    if NAVIGATION in families:
        return named[families.index(NAVIGATION)]
    most = max(families, key=families.count)  # the first of the most common, in line order
    return named[families.index(most)]


@dataclass(frozen=True)
class RuleSet:
    """Packs merged once: one alternation regex tried against each line.

    Matching a line costs one `fullmatch` of a combined pattern holding the rules whose
    `max_words` admit the line; the group that matched names the rule, so the cost per line
    does not grow with the rules' count and no rule is tried twice.
    """

    packs: tuple[RulePack, ...]
    rules: tuple[Rule, ...] = field(init=False)
    fingerprint: str = field(init=False)
    # ((max words, band), ...) in increasing max words: a 60-word paragraph is only tried
    # against the rules whose max_words admits it, so long body paragraphs (most of the
    # text) skip the many short-line rules entirely.
    _bands: tuple[tuple[int, _Band], ...] = field(init=False, repr=False, compare=False)
    _limits: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_language: dict = field(init=False, repr=False, compare=False, default_factory=dict)
    # (families, band) -> that band's rules of those families (`_family_band`): the family
    # sets are the callers' constants, a few of them
    _by_family: dict = field(init=False, repr=False, compare=False, default_factory=dict)
    # what reports speech in the packs' languages ("said", "sagte"), None when no pack says
    reported_speech: re.Pattern | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        merged: dict[str, Rule] = {}
        operators: set[str] = set()  # ids of rules from an operator's pack
        for pack in self.packs:
            for rid in pack.disable:
                merged.pop(rid, None)
            for rule in pack.rules:
                merged.pop(rule.id, None)  # a later pack's rule replaces and moves last
                merged[rule.id] = rule
                if pack.shipped:
                    operators.discard(rule.id)
                else:
                    operators.add(rule.id)
        # The inline forms of the list-head rules, unless a pack disables one by its id; an
        # operator's heading brings an operator's inline form.
        disabled = {rid for pack in self.packs for rid in pack.disable}
        for inline in inline_forms(tuple(merged.values())):
            if inline.id not in disabled and inline.id not in merged:
                merged[inline.id] = inline
                if inline.id.removesuffix(".inline") in operators:
                    operators.add(inline.id)
        # An operator's rules are tried first: a line both name is recorded under the
        # operator's rule (their site's own label), not under a shipped one.
        rules = tuple(sorted(merged.values(), key=lambda r: r.id not in operators))
        object.__setattr__(self, "rules", rules)
        digest = hashlib.sha256("|".join(f"{p.name}:{p.digest}" for p in self.packs).encode())
        object.__setattr__(self, "fingerprint", digest.hexdigest()[:16])
        bands: list[tuple[int, _Band]] = []
        floor = 0
        for limit in [*sorted({r.max_words for r in rules if r.max_words is not None}), 1 << 30]:
            admitted = tuple(r for r in rules if r.max_words is None or r.max_words >= floor)
            bands.append((limit, _Band(admitted)))
            floor = limit + 1
        object.__setattr__(self, "_bands", tuple(bands))
        object.__setattr__(self, "_limits", tuple(limit for limit, _ in bands))
        # the reporting words of the packs in force (a language's pack whose rules
        # `for_languages` left out is not): one regex, case as the packs write it
        speech = [p.reported_speech for p in self.packs if p.reported_speech and p.rules]
        object.__setattr__(self, "reported_speech", re.compile(
            "|".join(f"(?:{x})" for x in speech), re.IGNORECASE) if speech else None)

    def for_languages(self, langs: tuple[str, ...]) -> "RuleSet":
        """The rules that can fire on a document in `langs` (language.detect_languages: the
        language detected and the close ones it may be): those languages', English ones
        (share rows, players and cookie boxes are in English on sites in every language),
        language-neutral ones and every operator rule. A German line never matches a
        Turkish pattern, so leaving those out changes no match on a document in the
        languages detected, and keeps the alternations small (a page in any language used
        to pay for compiling every language's patterns). Unknown language (empty): every
        rule. Same fingerprint: the packs are the same."""
        if not langs:
            return self
        found = self._by_language.get(langs)
        if found is None:
            keep = {None, "zxx", "en", *langs}
            packs = tuple(p if not p.shipped else dataclasses.replace(
                p, rules=tuple(r for r in p.rules if r.lang in keep)) for p in self.packs)
            found = self._by_language[langs] = RuleSet(packs)
        return found

    @property
    def version(self) -> str:
        return "+".join(f"{p.name}@{p.version}" for p in self.packs)

    def match(self, line: str, position: Where, host: str | None = None,
              words: int | None = None) -> Rule | None:
        """The first rule (in pack order) that matches the whole line and may fire here.

        `position` is where the line stands: LEADING, TRAILING or ANYWHERE (the body);
        `words` is `len(line.split())` when the caller has counted it already.
        Lines longer than `MAX_LINE_CHARS` are never boilerplate and are not tried.
        """
        if len(line) > MAX_LINE_CHARS:
            return None
        if words is None:
            words = len(line.split())
        at = bisect_left(self._limits, words)
        return self._bands[at][1].match(line, position, host) if at < len(self._bands) else None

    def _family_band(self, families: frozenset[str], at: int) -> _Band:
        """Band `at`'s rules of `families`, in pack order."""
        band = self._by_family.get((families, at))
        if band is None:
            if len(self._by_family) >= _BAND_CACHE:
                self._by_family.clear()
            band = self._by_family[families, at] = _Band(tuple(
                r for r in self._bands[at][1].candidates if r.family in families))
        return band

    def lookup(self, host: str | None) -> Callable[..., Rule | None]:
        """`match` for the lines of one document from `host`:
        `(line, position, words=None, *, of=None)`.

        Each line is tried once per position and word band: the locator, the body bounds
        and the rules pass ask about the same lines (on the seeds, ~2 questions per line,
        half of them repeats), and each pattern once per line and band (`_Tried`). The memo
        lives as long as the function the caller holds.

        `of` (a frozenset of families) asks only whether a rule of those families is the
        first that names the line: the answer is that rule or None. The line is first tried
        against those families' rules alone, and only when one of them matches against the
        whole band (a rule of another family may come first): a glued sentence or a
        paragraph's first words, asked of the ads or cross-link rules, is named by none of
        them nearly always, and the whole band is ~15 patterns on a short line.

        A line no rule names whole, made of parts (`LINE_PARTS_RE`) that rules name each, is
        named by its parts (`_named_by_parts`): a page dump joins a widget's pieces on one
        line ("Hozzászólások (89) – A hozzászóláshoz be kell jelentkezned.", "댓글 128 | 로그인
        후 댓글을 작성할 수 있습니다.": a comment count and a login prompt, blind trial p), and
        a sentence of the story is never all such parts. So is a short line of two parts
        glued by a space that rules of one family name (`glued`, GLUED_MAX_WORDS).
        """
        seen: dict[tuple[str, Where, int], Rule | None] = {}
        tried: dict[tuple[str, int], _Tried] = {}  # by line and band, for every position
        split_words: dict[str, int] = {}  # len(line.split()), counted once a line
        # (line, position, band, families) -> may a rule of the families name the line?
        may_name: dict[tuple[str, Where, int, frozenset[str]], bool] = {}
        bands = len(self._bands)
        glued_lines: dict[tuple[str, frozenset[str] | None], Rule | None] = {}  # `glued`'s answers

        def match(line: str, position: Where, words: int | None = None, *,
                  of: frozenset[str] | None = None) -> Rule | None:
            if len(line) > MAX_LINE_CHARS:
                return None
            if words is None:
                words = split_words.get(line)
                if words is None:
                    words = split_words[line] = len(line.split())
            at = bisect_left(self._limits, words)
            if at >= bands:
                return None
            key = (line, position, at)
            if key in seen:
                found = seen[key]
            else:
                if of is not None:
                    asked = (line, position, at, of)
                    may = may_name.get(asked)
                    if may is None:
                        may = may_name[asked] = self._family_band(of, at).match(
                            line, position, host) is not None
                    if not may and not _parts(line) and not (  # a line of parts is named by them
                            1 < words <= GLUED_MAX_WORDS and glued(line, of)):
                        return None
                line_tried = tried.get((line, at))
                if line_tried is None:
                    line_tried = tried[line, at] = _Tried()
                found = seen[key] = self._bands[at][1].match(line, position, host, line_tried)
                if found is None and (parts := _parts(line)):
                    named = [match(part, position) for part in parts]
                    if None not in named:
                        found = seen[key] = _named_by_parts(named)
                if found is None and (bare := _bare_label(line)) is not None:
                    found = seen[key] = match(bare, position)
                if found is None and 1 < words <= GLUED_MAX_WORDS:
                    found = seen[key] = glued(line)
                if found is None and (flag := _ad_flag(line)) is not None and (
                        (rule := match(flag, position)) is not None and rule.family == _ADS):
                    found = seen[key] = rule
                if found is None and (label := _promo_label(line)) is not None and (
                        (rule := match(label, position)) is not None
                        and rule.family == _NEWSLETTER):
                    found = seen[key] = rule
                if found is not None and (self._reported(found, line)
                                          or _quoting(found, line)):
                    found = seen[key] = None
            return found if of is None or found is not None and found.family in of else None

        def glued(line: str, of: frozenset[str] | None = None) -> Rule | None:
            """The rule of the line's first part when it splits at a space into two parts
            rules of one family name anywhere (`GLUED_MAX_WORDS`, the first part
            GLUED_LABEL_MAX_WORDS), of the families `of` if given; asked once a line."""
            asked = (line, of)
            if asked in glued_lines:
                return glued_lines[asked]
            found = None
            words = line.split()
            for k in range(1, min(len(words), GLUED_LABEL_MAX_WORDS + 1)):
                left = match(" ".join(words[:k]), Where.ANYWHERE, of=of)
                if left is not None and (right := match(" ".join(words[k:]), Where.ANYWHERE)) and (
                        right.family == left.family):
                    found = left
                    break
            glued_lines[asked] = found
            return found

        return match

    def _reported(self, rule: Rule, line: str) -> bool:
        """Is `line`, which `rule` names, a call someone made, reported: a sentence that ends
        in an attribution (`lines.attributed`, the packs' reporting words), named by a rule
        of a family that calls on the reader (SPOKEN_FAMILIES)? "Subscribe to the county's
        alert list by texting WATER to 55155, officials said.", "Síguenos en Twitter para
        conocer las incidencias, publicó la Policía Local en su cuenta." are the story's
        sentences (fresh-user check #18 lost such a line in six languages; a rule's own
        `unless = "reported-speech"` guards only the rules that carry it)."""
        return (rule.family in SPOKEN_FAMILIES and self.reported_speech is not None
                and ends_sentence(line) and attributed(line, self.reported_speech))

    def describe(self) -> list[dict]:
        return [
            {"id": r.id, "family": r.family, "where": str(r.where), "note": r.note}
            for r in self.rules
        ]


# A sentence that quotes what a rule names has this many words of the writer's own outside
# the quotes at least: 'The library's own leaflet, stamped "© Greenford Council. All rights
# reserved", was handed out to protesters on Thursday.' (fresh-user check #22: two
# copyright marks, and the sentence went as a footer's notices). A label over a quoted
# headline ('Read more: "…"') has one or two.
QUOTING_MIN_WORDS = 5


def _quoting(rule: Rule, line: str) -> bool:
    """Is `line`, which `rule` names, a sentence of the writer's that quotes what the rule
    names: it ends a sentence, QUOTING_MIN_WORDS of its words stand outside its quotes, and
    with its quoted spans cut out (`lines.outside_quotes`) the rule no longer names it? Not
    asked of a call (SPOKEN_FAMILIES): a call quotes its button ("フェイスブックで「いいね！」
    して…"), and one someone made is reported speech (`RuleSet._reported`)."""
    if rule.family in SPOKEN_FAMILIES or not ends_sentence(line):
        return False
    outside = outside_quotes(line)
    return (outside != line and word_count(outside) >= QUOTING_MIN_WORDS
            and rule.compiled().fullmatch(outside.strip()) is None)


# A related-story box's heading with one teaser on the same line ("You may also like: <other
# headline>", "MORE FROM THE GAZETTE: …", "Auch spannend: …"): every heading a
# `cross-link` list-head rule names, in every language, also names this line, so the inline
# form needs no phrase list of its own. A separator must follow the heading ("More news from
# the region" is no teaser), and the line is one headline long: 30 words, the limit of the
# labelled cross-links written by hand (`cross-link.labelled-headline`). A sentence in lower
# case after the label is the story's ("Related: the county had a similar break in 2017,
# when…", fresh-user check #18); a headline opens in capitals or figures.
INLINE_TEASER_MAX_WORDS = 30
_TEASER_SEPARATOR = (rf"\s*{LABEL_SEPARATOR}+\s*(?!(?-i:[a-zß-öø-ÿа-яё])[^\n]*\.\s*$)"
                     r"\S[^\n]*")


def inline_forms(rules: Sequence[Rule]) -> tuple[Rule, ...]:
    """For each `cross-link` list-head rule of `rules`, the rule for its heading and a teaser
    on one line: id `<head's id>.inline` (operators disable it by that id), anywhere in the
    body, the list below left alone. RuleSet adds them; rule_audit audits them."""
    return tuple(dataclasses.replace(
        head, id=f"{head.id}.inline", pattern=f"(?:{head.pattern}){_TEASER_SEPARATOR}",
        where=Where.ANYWHERE, max_words=INLINE_TEASER_MAX_WORDS,
        note=f"The heading of {head.id} with another story's headline after it, on one line.")
        for head in rules if head.where is Where.LIST_HEAD and head.family == "cross-link")


def _may_fire(where: Where, position: Where) -> bool:
    if where in (Where.ANYWHERE, Where.LIST_HEAD, Where.CAPTION_CREDIT):
        return True
    if where is Where.TAIL_MARKER:  # a comment section never starts before the article
        return position is not Where.LEADING
    return where is position


def _for_site(rule: Rule, host: str | None) -> bool:
    return not rule.sites or (host is not None and _host_matches(host, rule.sites))


def _host_matches(host: str, sites: Sequence[str]) -> bool:
    host = host.lower()
    return any(host == s or host.endswith("." + s) for s in sites)


@cache
def default_rules() -> RuleSet:
    """The shipped packs (default and the language packs), compiled once per process
    (immutable, so sharing it is safe)."""
    return RuleSet(shipped_packs())


def build_ruleset(extra_packs: Iterable[str | Path] = (), *, with_default: bool = True) -> RuleSet:
    packs = list(shipped_packs()) if with_default else []
    packs.extend(load_pack(p) for p in extra_packs)
    return RuleSet(tuple(packs))


# ---------------------------------------------------------------- what a pattern needs
#
# Two cheap necessary conditions, read off each rule's syntax tree, decide which rules are
# worth trying on a line; the regexes then decide as before, so matching is exactly the
# same with or without them (tests/test_rules.py compares against trying every rule):
# - the characters a match can start with: a line starting with "T" is not tried against
#   "subscribe …" or "© …" (one alternation per band and first character);
# - for rules that scan the line (a leading `[^\n]{0,150}`, `.{10,600}` or a lookahead
#   `(?=[^\n]*…)`, costing time in proportion to the line's length on every line), literal
#   gates: sets of literals, one of each of which every match contains ("click here",
#   "commission" …). A news paragraph without them skips the rule with a substring test.

try:  # CPython's own regex parser: private, so any surprise just means "no shortcut"
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover
    _sre_parse = None

# A gate literal shorter than this occurs in nearly every line: no gate is better.
_GATE_MIN_CHARS = 3
# Literal sets grow by concatenation ("(click|tap) here"); past this size, stop growing.
_GATE_MAX_SET = 64
# Gate clauses kept per rule: each one more is a few substring tests more per line.
_GATE_MAX_CLAUSES = 3
# A character range in a class is expanded for the first-character test up to this size.
_FIRST_MAX_RANGE = 64
# Characters that a case-insensitive ASCII letter matches besides its two cases (found by
# testing every code point; tests/test_rules.py checks it). Mapped before lower() so a
# shortcut never refuses a line that the pattern would match.
_CASE_FOLD = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}

_Clause = frozenset[tuple[str, bool]]  # (literal, compared with the case-folded line?)
_Gate = tuple[tuple[tuple[str, bool], ...], ...]  # every clause must have a literal present
_First = frozenset[tuple[str, bool]] | None  # (first character, folded?); None: any


def _fold(line: str) -> str:
    if not line.isascii():
        # three replace() calls, not translate(), which looks every character up in the
        # table: ~10x slower on a paragraph
        for char, folded in _CASE_FOLD.items():
            line = line.replace(char, folded)
    return line.lower()


def _gate_function(gates: list[_Gate | None]):
    """One function testing every gate of a band: `f(line, folded)` -> the indexes of the
    gates passed. Generated as one expression of `in` tests (a loop over the gates in
    Python costs more than the tests themselves); the literals enter it through repr()."""
    parts = []
    for i, gate in enumerate(gates):
        if gate is None:
            continue
        test = " and ".join("(" + " or ".join(
            "_has_digit(l)" if lit == _DIGIT else f"{lit!r} in {'f' if fold else 'l'}"
            for lit, fold in clause) + ")" for clause in gate)
        parts.append(f"(({i},) if {test} else ())")
    if not parts:
        return None
    return eval("lambda l, f: " + " + ".join(parts), {"_has_digit": _has_digit})  # noqa: S307


# Character classes as first "characters" and gate literals, tested with str methods that
# follow the same Unicode tables as the regex engine's \d, \s and \w.
_CLASS_TESTS = {"\\d": str.isdecimal, "\\s": str.isspace,
                "\\w": lambda c: c.isalnum() or c == "_"}
_CATEGORY_CLASS = {"CATEGORY_DIGIT": "\\d", "CATEGORY_SPACE": "\\s", "CATEGORY_WORD": "\\w"}
_DIGIT = "\\d"  # in a gate clause: the line holds a decimal digit
_has_digit = re.compile(r"\d").search
# Characters rare enough in prose that one of them alone makes a useful gate literal.
_RARE_CHARS = frozenset("@©®™|»«›‹/#…>→")


def _starts_ok(first: _First, c0: str, c0_folded: str) -> bool:
    if first is None or (c0_folded, True) in first or (c0, False) in first:
        return True
    return any(test(c0) for cls, test in _CLASS_TESTS.items() if (cls, None) in first)


def _name(op) -> str:
    return getattr(op, "name", "")


@dataclass(frozen=True, slots=True)
class _Lits:
    """What a piece of pattern tells about literals: `exact` is every string it can match
    (when few and plain); each of `clauses` is a set of literals one of which every match
    contains."""

    exact: frozenset[str] | None = None
    fold: bool | None = None  # exact's case mode; None while exact is {""}
    clauses: tuple[_Clause, ...] = ()


_ZERO_WIDTH = _Lits(frozenset({""}))
_OPAQUE = _Lits()


def _score(clause: _Clause | None) -> tuple[int, ...]:
    """Longer literals are rarer, fewer are quicker to test: past 5 characters, count wins."""
    if not clause:
        return (-1, 0, 0)
    shortest = min(_weight(s) for s, _ in clause)
    return (min(5, shortest), -len(clause), shortest)


def _weight(lit: str) -> int:
    """How rare a literal is, in characters: a digit or a rare sign counts as three."""
    if lit == _DIGIT or (len(lit) < _GATE_MIN_CHARS and _RARE_CHARS.intersection(lit)):
        return _GATE_MIN_CHARS
    return len(lit)


def _minimal(clause: _Clause) -> _Clause:
    """Drop literals that contain another one of the set: a line holding the longer one
    holds the shorter, so the set lets exactly the same lines through."""
    return frozenset((s, f) for s, f in clause
                     if not any(t != s and g == f and t in s for t, g in clause))


def _all_clauses(info: _Lits) -> tuple[_Clause, ...]:
    if info.exact is not None and "" not in info.exact:
        return (*info.clauses, frozenset((s, bool(info.fold)) for s in info.exact))
    return info.clauses


def _best(info: _Lits) -> _Clause | None:
    clauses = _all_clauses(info)
    return max(clauses, key=_score) if clauses else None


def _lits_seq(items, icase: bool) -> _Lits:
    clauses: list[_Clause] = []
    run: set[str] = {""}
    run_fold: bool | None = None
    all_exact = True

    def close() -> None:
        if "" not in run:
            clauses.append(frozenset((s, bool(run_fold)) for s in run))

    for op, av in items:
        info = _lits_item(op, av, icase)
        clauses.extend(info.clauses)
        fits = (info.exact is not None
                and (run_fold is None or info.fold is None or info.fold == run_fold)
                and len(run) * len(info.exact) <= _GATE_MAX_SET)
        if fits:
            run = {a + b for a in run for b in info.exact}
            run_fold = run_fold if run_fold is not None else info.fold
            continue
        all_exact = False
        close()
        run, run_fold = (set(info.exact), info.fold) if info.exact is not None else ({""}, None)
    if not all_exact:
        close()
    return _Lits(frozenset(run) if all_exact else None, run_fold if all_exact else None,
                 tuple(clauses))


def _lits_item(op, av, icase: bool) -> _Lits:
    name = _name(op)
    if name == "LITERAL":
        ch = chr(av)
        if not icase:
            return _Lits(frozenset({ch}), False)
        return _Lits(frozenset({ch.lower()}), True) if ch.isascii() else _OPAQUE
    if name == "SUBPATTERN":
        _group, add, remove, sub = av
        return _lits_seq(sub, _icase(icase, add, remove))
    if name == "ATOMIC_GROUP":
        return _lits_seq(av, icase)
    if name == "BRANCH":
        alts = [_lits_seq(sub, icase) for sub in av[1]]
        folds = {a.fold for a in alts if a.fold is not None}
        exact = None
        if all(a.exact is not None for a in alts) and len(folds) <= 1:
            union = frozenset().union(*(a.exact for a in alts))
            exact = union if len(union) <= _GATE_MAX_SET else None
        bests = [_best(a) for a in alts]
        clauses = (frozenset().union(*bests),) if all(bests) else ()
        return _Lits(exact, next(iter(folds)) if exact is not None and folds else None, clauses)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = av
        info = _lits_seq(sub, icase)
        if low == 0:
            if high == 1 and info.exact is not None:
                return _Lits(info.exact | {""}, info.fold)
            return _ZERO_WIDTH if high == 0 else _OPAQUE
        once = low == high == 1
        return _Lits(info.exact if once else None, info.fold if once else None,
                     _all_clauses(info))
    if name == "ASSERT":  # what a positive lookaround matched is in the line too
        return _Lits(frozenset({""}), None, _all_clauses(_lits_seq(av[1], icase)))
    if name in ("ASSERT_NOT", "AT"):
        return _ZERO_WIDTH
    if name == "IN" and len(av) == 1 and _name(av[0][0]) == "CATEGORY" and _name(
            av[0][1]) == "CATEGORY_DIGIT":
        return _Lits(clauses=(frozenset({(_DIGIT, True)}),))
    if name == "IN" and all(_name(kind) == "LITERAL" for kind, _ in av):
        return _class_lits(av, icase)
    return _OPAQUE  # one character of a wider class, a back-reference …


def _class_lits(items, icase: bool) -> _Lits:
    """A class of single characters ("[|»›→>]") as the one-character strings it can match,
    each read as a LITERAL is; a letter outside ASCII under IGNORECASE says nothing."""
    chars = [_lits_item(kind, value, icase) for kind, value in items]
    folds = {c.fold for c in chars}
    if _OPAQUE in chars or len(folds) > 1:
        return _OPAQUE
    return _Lits(frozenset().union(*(c.exact for c in chars)), folds.pop())


def _icase(icase: bool, add: int, remove: int) -> bool:
    return bool((icase or add & re.IGNORECASE) and not remove & re.IGNORECASE)


def _first_char(ch: str, icase: bool) -> _First:
    if not icase:
        return frozenset({(ch, False)})
    return frozenset({(ch.lower(), True)}) if ch.isascii() else None


def _first_seq(items, icase: bool) -> tuple[_First, bool]:
    """(characters a match can start with, can this part match the empty string?)"""
    found: set[tuple[str, bool]] = set()
    for op, av in items:
        chars, empty = _first_item(op, av, icase)
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _first_item(op, av, icase: bool) -> tuple[_First, bool]:
    name = _name(op)
    if name == "LITERAL":
        return _first_char(chr(av), icase), False
    if name == "IN":
        found: set[tuple[str, bool]] = set()
        for kind, value in av:
            kind = _name(kind)
            if kind == "LITERAL":
                chars = _first_char(chr(value), icase)
            elif kind == "CATEGORY" and _name(value) in _CATEGORY_CLASS:
                chars = frozenset({(_CATEGORY_CLASS[_name(value)], None)})
            elif kind == "RANGE" and value[1] - value[0] < _FIRST_MAX_RANGE:
                chars = frozenset().union(*(_first_char(chr(c), icase) or {None}
                                            for c in range(value[0], value[1] + 1)))
                chars = None if None in chars else chars
            else:  # NEGATE, CATEGORY, a wide range
                return None, False
            if chars is None:
                return None, False
            found |= chars
        return frozenset(found), False
    if name == "SUBPATTERN":
        _group, add, remove, sub = av
        return _first_seq(sub, _icase(icase, add, remove))
    if name == "ATOMIC_GROUP":
        return _first_seq(av, icase)
    if name == "BRANCH":
        found, empty = set(), False
        for sub in av[1]:
            chars, e = _first_seq(sub, icase)
            if chars is None:
                return None, False
            found |= chars
            empty = empty or e
        return frozenset(found), empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = av
        if high == 0:
            return frozenset(), True
        chars, empty = _first_seq(sub, icase)
        return chars, empty or low == 0
    if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: the next item consumes
        return frozenset(), True
    return None, False


def _broad(op, av) -> bool:
    """A character class that most characters match: `.`, `[^\\n]`, `[^.!?]`."""
    name = _name(op)
    return name in ("ANY", "NOT_LITERAL") or (
        name == "IN" and bool(av) and _name(av[0][0]) == "NEGATE")


def _scans(items) -> bool:
    """Does the pattern start by scanning along the line (a repeated broad character class
    or a lookahead), so that failing costs time in proportion to the line's length?"""
    for op, av in items:
        name = _name(op)
        if name == "AT":
            continue
        if name in ("SUBPATTERN", "ATOMIC_GROUP"):
            return _scans(av[3] if name == "SUBPATTERN" else av)
        if name == "BRANCH":
            return any(_scans(sub) for sub in av[1])
        if name == "ASSERT":
            return True
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            _low, high, sub = av
            return (high > 3 and len(sub) == 1 and _broad(*sub[0])) or _scans(sub)
        return False
    return False


@cache  # as `_compiled`: once per rule pattern, which the ~900 shipped rules outnumber 1,024
def _shortcuts(source: str) -> tuple[_First, _Gate | None]:
    """(first characters, gate) of a pattern; the gate only for patterns that scan."""
    if _sre_parse is None:
        return None, None
    try:
        tree = _sre_parse.parse(source)
        first, _empty = _first_seq(tree, False)
        gate = None
        if _scans(tree):
            clauses = [_minimal(c) for c in _all_clauses(_lits_seq(tree, False))
                       if c and min(_weight(s) for s, _ in c) >= _GATE_MIN_CHARS]
            clauses = sorted(set(clauses), key=_score, reverse=True)[:_GATE_MAX_CLAUSES]
            gate = tuple(tuple(sorted(c)) for c in clauses) or None
    except Exception:  # noqa: BLE001 - a parser surprise costs speed, never a match
        return None, None
    return first, gate
