"""A mistyped path's likely intent, for the one-line errors of the CLI and the dev tools."""

import difflib
from pathlib import Path


def did_you_mean(path: str) -> str:
    """" (did you mean seeds/x.txt?)" when the first part of `path` that does not exist has a
    sibling with a close name (`seedz/x.txt`, `seeds/x.tx`) and the path so mended exists
    (`seedz/nothing.txt` is no `seeds/nothing.txt` if that file is not there either)."""
    p = Path(path.rstrip("/") or ".")
    parts = p.parts
    for i in range(len(parts)):
        here = Path(*parts[: i + 1])
        if here.exists():
            continue
        try:
            names = [c.name for c in here.parent.iterdir()]
        except OSError:
            return ""
        close = [n for n in difflib.get_close_matches(here.name, names, n=3, cutoff=0.75)
                 if _close_stems(here.name, n)][:1] or [
            n for n in names if _swapped(here.name, n)][:1]
        if not close:
            return ""
        fixed = Path(*parts[:i], close[0], *parts[i + 1:])
        if not fixed.exists():
            return ""
        return f" (did you mean {fixed}{'/' if path.endswith('/') else ''}?)"
    return ""


# How alike two names' stems must be when they share their extension: "nope.txt" and
# "o.txt" share ".txt" and little else (difflib's 0.77 over the whole names), and a fresh
# user was asked whether they meant the other file.
_STEM_CUTOFF = 0.75


def _close_stems(typed: str, name: str) -> bool:
    """Are two close names alike beyond an extension they share?"""
    a, b = Path(typed), Path(name)
    if not a.suffix or a.suffix != b.suffix:
        return True
    return difflib.SequenceMatcher(None, a.stem, b.stem).ratio() >= _STEM_CUTOFF


def _swapped(typed: str, name: str) -> bool:
    """Is `typed` `name` with two neighbouring characters swapped ("scr" for "src")? Short
    names fall under difflib's cutoff for it (a fresh user's `newsclean run scr/ out/`)."""
    if len(typed) != len(name) or typed == name:
        return False
    diff = [i for i, (a, b) in enumerate(zip(typed, name, strict=True)) if a != b]
    return (len(diff) == 2 and diff[1] == diff[0] + 1
            and typed[diff[0]] == name[diff[1]] and typed[diff[1]] == name[diff[0]])
