"""Boilerplate rules as data: packs of whole-line patterns with stable ids and position guards.

A rule matches one whole line (or extracted paragraph), never a keyword inside a sentence:
"Subscribe now." is boilerplate, "Subscribers to the paper fell by a third" is news.
Packs are TOML files; the default pack ships in `cleaners/packs/`, operator packs layer on
top (they add rules, replace a rule by reusing its id, or disable ids).
"""

import hashlib
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib import resources
from pathlib import Path


class Where(StrEnum):
    """Where in a document a rule may fire."""

    ANYWHERE = "anywhere"
    LEADING = "leading"  # only before the first body paragraph
    TRAILING = "trailing"  # only after the last body paragraph
    TAIL_MARKER = "tail-marker"  # the line and everything after it (a comment section)


class RulePackError(ValueError):
    """A rule pack that cannot be loaded; the message names the pack and the rule."""


_ID_RE = re.compile(r"[a-z0-9]+(?:[.-][a-z0-9]+)+")


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


@dataclass(frozen=True, slots=True)
class RulePack:
    name: str
    version: str
    rules: tuple[Rule, ...]
    disable: tuple[str, ...] = ()
    source: str = "<memory>"
    digest: str = ""


def _parse_rule(raw: dict, pack: str) -> Rule:
    try:
        rid = raw["id"]
        family = raw["family"]
        pattern = raw["pattern"]
    except KeyError as exc:
        raise RulePackError(f"{pack}: a rule lacks {exc.args[0]!r}: {raw!r}") from None
    if not _ID_RE.fullmatch(rid):
        raise RulePackError(f"{pack}: rule id {rid!r} must look like 'family.what-it-removes'")
    try:
        where = Where(raw.get("where", "anywhere"))
    except ValueError:
        choices = ", ".join(w.value for w in Where)
        raise RulePackError(f"{pack}: rule {rid}: where must be one of {choices}") from None
    rule = Rule(
        id=rid,
        family=family,
        pattern=pattern,
        where=where,
        note=raw.get("note", ""),
        lang=raw.get("lang"),
        sites=tuple(s.lower().lstrip(".") for s in raw.get("sites", ())),
        case_sensitive=bool(raw.get("case_sensitive", False)),
        max_words=raw.get("max_words"),
    )
    try:
        re.compile(rule.regex_source())
    except re.error as exc:
        raise RulePackError(f"{pack}: rule {rid}: bad pattern: {exc}") from None
    unknown = set(raw) - {
        "id", "family", "pattern", "where", "note", "lang", "sites", "case_sensitive",
        "max_words", "examples", "counter_examples",
    }
    if unknown:
        raise RulePackError(f"{pack}: rule {rid}: unknown keys {sorted(unknown)}")
    _check_examples(rule, raw, pack)
    return rule


def _check_examples(rule: Rule, raw: dict, pack: str) -> None:
    """Packs carry examples (must match) and counter-examples (must not): checked at load."""
    rx = re.compile(rule.regex_source())
    for ex in raw.get("examples", ()):
        if not rx.fullmatch(ex):
            raise RulePackError(f"{pack}: rule {rule.id}: example does not match: {ex!r}")
    for ex in raw.get("counter_examples", ()):
        if rx.fullmatch(ex):
            raise RulePackError(f"{pack}: rule {rule.id}: counter-example matches: {ex!r}")


def parse_pack(text: str, source: str = "<memory>") -> RulePack:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{source}: not valid TOML: {exc}") from None
    meta = data.get("pack", {})
    rules = tuple(_parse_rule(r, source) for r in data.get("rules", ()))
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
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
    )


def load_pack(path: str | Path) -> RulePack:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise RulePackError(f"cannot read rule pack {p}: {exc.strerror}") from None
    return parse_pack(text, str(p))


def default_pack() -> RulePack:
    text = resources.files("cleaners.packs").joinpath("default.toml").read_text("utf-8")
    return parse_pack(text, "default")


@dataclass(frozen=True)
class RuleSet:
    """Packs merged and compiled once: one alternation regex tried against each line.

    Matching a line costs one `fullmatch` of the combined pattern; only on a hit is the
    rule that fired looked up, so the cost per line does not grow with the rules' count.
    """

    packs: tuple[RulePack, ...]
    rules: tuple[Rule, ...] = field(init=False)
    fingerprint: str = field(init=False)
    _combined: tuple[tuple[int, re.Pattern | None], ...] = field(init=False, repr=False)
    _singles: tuple[re.Pattern, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        merged: dict[str, Rule] = {}
        for pack in self.packs:
            for rid in pack.disable:
                merged.pop(rid, None)
            for rule in pack.rules:
                merged.pop(rule.id, None)  # a later pack's rule replaces and moves last
                merged[rule.id] = rule
        rules = tuple(merged.values())
        object.__setattr__(self, "rules", rules)
        digest = hashlib.sha256("|".join(f"{p.name}:{p.digest}" for p in self.packs).encode())
        object.__setattr__(self, "fingerprint", digest.hexdigest()[:16])
        # One combined pattern per word-count band: a 60-word paragraph is only tried
        # against the rules whose max_words admits it, so long body paragraphs (most of
        # the text) skip the many short-line rules entirely.
        bands = sorted({r.max_words for r in rules if r.max_words is not None})
        combined: list[tuple[int, re.Pattern | None]] = []
        for limit in [*bands, None]:
            floor = 0 if not combined else combined[-1][0] + 1
            live = [r for r in rules if r.max_words is None or r.max_words >= floor]
            src = "|".join(f"(?:{r.regex_source()})" for r in live)
            combined.append((limit if limit is not None else 1 << 30,
                             re.compile(src) if live else None))
        object.__setattr__(self, "_combined", tuple(combined))
        object.__setattr__(self, "_singles", tuple(re.compile(r.regex_source()) for r in rules))

    @property
    def version(self) -> str:
        return "+".join(f"{p.name}@{p.version}" for p in self.packs)

    def match(self, line: str, position: Where, host: str | None = None) -> Rule | None:
        """The first rule (in pack order) that matches the whole line and may fire here.

        `position` is where the line stands: LEADING, TRAILING or ANYWHERE (the body).
        """
        words = len(line.split())
        combined = next(rx for limit, rx in self._combined if words <= limit)
        if combined is None or not combined.fullmatch(line):
            return None
        words = None
        for rule, rx in zip(self.rules, self._singles, strict=True):
            if not _may_fire(rule.where, position) or not rx.fullmatch(line):
                continue
            if rule.sites and not (host and _host_matches(host, rule.sites)):
                continue
            if rule.max_words is not None:
                words = words if words is not None else len(line.split())
                if words > rule.max_words:
                    continue
            return rule
        return None

    def describe(self) -> list[dict]:
        return [
            {"id": r.id, "family": r.family, "where": str(r.where), "note": r.note}
            for r in self.rules
        ]


def _may_fire(where: Where, position: Where) -> bool:
    if where is Where.ANYWHERE:
        return True
    if where is Where.TAIL_MARKER:  # a comment section never starts before the article
        return position is not Where.LEADING
    return where is position


def _host_matches(host: str, sites: Sequence[str]) -> bool:
    host = host.lower()
    return any(host == s or host.endswith("." + s) for s in sites)


@cache
def default_rules() -> RuleSet:
    """The shipped pack, compiled once per process (immutable, so sharing it is safe)."""
    return RuleSet((default_pack(),))


def build_ruleset(extra_packs: Iterable[str | Path] = (), *, with_default: bool = True) -> RuleSet:
    packs = [default_pack()] if with_default else []
    packs.extend(load_pack(p) for p in extra_packs)
    return RuleSet(tuple(packs))
