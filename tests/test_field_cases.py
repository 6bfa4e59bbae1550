"""Field-style cases of our own (tests/fixtures/field_cases/README.md): the kinds of fault
users report — cross-links mid-article, WordPress tails, counters, paginated and live
articles, players, paywalls, tables, press-release trailers — in other languages, wordings
and page builds than the shared field cases. The news must come out, the boilerplate must
not, and the title must be the headline."""

import json
import re
import unicodedata
from pathlib import Path

import pytest

from newsclean.cleaners import clean

CASES = Path(__file__).parent / "fixtures" / "field_cases"
# field_check.py's comparison: NFKC, typographic quotes and dashes as ASCII, spaces collapsed
_ASCII = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"',
                        "\u201d": '"', "\u201e": '"', "\u2013": "-", "\u2014": "-"})


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "").translate(_ASCII)).strip()


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if (p / "expect.json").is_file())


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_field_case(case: Path):
    expect = json.loads((case / "expect.json").read_text("utf-8"))
    raw = next(case / n for n in ("raw.html", "raw.txt") if (case / n).is_file())
    result = clean(raw.read_bytes())
    body = _norm(result.text)
    assert [k for k in expect["must_keep"] if _norm(k) not in body] == [], "news lost"
    assert [r for r in expect["must_remove"] if _norm(r) in body] == [], "boilerplate kept"
    if expect.get("title") is not None:
        wanted = [expect["title"], *expect.get("title_alternatives", [])]
        assert _norm(result.title).casefold() in {_norm(t).casefold() for t in wanted}
