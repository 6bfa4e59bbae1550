"""How a text dump's metadata agrees with its HTML page's: title, author and date.

    python -m newsclean.flows.devtools.metadata_check ../shared/eval [--json PATH]

The dev sets hold each page twice, as HTML (`raw.html.gz`) and as a text dump (`raw.txt`).
HTML states its title, author and date in metadata; a dump shows them as lines, which
`clean()` reads (`pipeline._byline_author`, `dateline.dateline_date`, the locator's
headline). This tool cleans both and counts, per field, the dumps that agree with the HTML
page, differ, or give nothing. The date's reference is fundus-dev's file name
("DerStandard_2024_05_03.html.gz") where there is one, else the HTML page's date; "near" is
within a day (an HTML date in UTC, a crawl the day after). Titles agree when the dump's
words equal the HTML title's or make up most of them (a site's name after a bar dropped).
"""

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from newsclean.cleaners import clean

SETS = ("html-dev", "readability-dev", "fundus-dev")
# A dump's title that is this share of the HTML title's words, in order, is the same title
# less the site's name.
TITLE_MIN_SHARE = 0.6
_FILE_DATE_RE = re.compile(r"_(\d{4})_(\d{2})_(\d{2})")


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _title(got: str | None, ref: str | None) -> str:
    got, ref = _words(got), _words(ref)
    if not got:
        return "none"
    same = got == ref or (ref and got in ref and len(got) > TITLE_MIN_SHARE * len(ref))
    return "agree" if same else "differ"


def _author(got: str | None, ref: str | None) -> str:
    got, ref = _words(got), _words(ref)
    if not got:
        return "none" if ref else "both none"
    if not ref:
        return "html none"
    return "agree" if got in ref or ref in got else "differ"


def _date(got: str | None, ref: str | None) -> str:
    if not ref:
        return "no reference"
    if not got:
        return "none"
    days = abs((date.fromisoformat(got) - date.fromisoformat(ref[:10])).days)
    return "agree" if days == 0 else "near" if days == 1 else "differ"


def check(root: Path) -> dict[str, Counter]:
    """Per field ("title", "author", "date"), how many of the dev sets' dumps fall in each
    kind (agree, differ, none, …)."""
    counts = {"title": Counter(), "author": Counter(), "date": Counter()}
    for case in sorted(p for s in SETS for p in (root / s).iterdir() if p.is_dir()):
        meta = json.loads((case / "meta.json").read_text("utf-8"))
        with gzip.open(case / "raw.html.gz") as f:
            page = clean(f.read(), source=meta.get("url"))
        dump = clean((case / "raw.txt").read_bytes())
        found = _FILE_DATE_RE.search(meta.get("page", ""))
        counts["title"][_title(dump.title, meta.get("title") or page.title)] += 1
        counts["author"][_author(dump.author, page.author)] += 1
        counts["date"][_date(dump.date, "-".join(found.groups()) if found else page.date)] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m newsclean.flows.devtools.metadata_check",
                                description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("eval_root", type=Path, help="the folder holding the three dev sets")
    p.add_argument("--json", type=Path, help="also write the counts as JSON")
    args = p.parse_args(argv)
    counts = check(args.eval_root)
    for field, kinds in counts.items():
        print(f"{field:7}", "  ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    if args.json:
        args.json.write_text(json.dumps(counts, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
