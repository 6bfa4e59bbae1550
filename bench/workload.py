"""The documents the benchmark cleans: the bundled seeds and the shared html-dev set.

html-dev (181 news pages with their naive text dumps) lives beside the repository in
`../shared/eval/html-dev`; sections that need it are skipped with a message when it is not
there. Workloads repeat the documents to the requested count, so every pipeline sees
exactly the same bytes.
"""

import gzip
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EVAL_DIR = Path(os.environ.get("NEWSCLEAN_EVAL_DIR", ROOT.parent / "shared" / "eval" / "html-dev"))


@dataclass(frozen=True)
class Workload:
    name: str
    docs: tuple[bytes, ...]

    @property
    def megabytes(self) -> float:
        return sum(map(len, self.docs)) / 1e6

    def texts(self) -> list[str]:
        """The same documents as str (what bare trafilatura is given)."""
        return [d.decode("utf-8", errors="replace") for d in self.docs]


def repeat(docs: list[bytes], count: int) -> tuple[bytes, ...]:
    if not docs:
        return ()
    return tuple(docs[i % len(docs)] for i in range(count))


def seed_texts() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]


def eval_cases() -> list[Path]:
    return sorted(p for p in EVAL_DIR.glob("*") if (p / "raw.html.gz").is_file())


def page_dumps() -> list[bytes]:
    """Whole-page text dumps (every block of the page, one per line): ~20-60 KB each."""
    return [(c / "raw.txt").read_bytes() for c in eval_cases() if (c / "raw.txt").is_file()]


def html_pages() -> list[bytes]:
    """The pages' HTML, inflated (cleaning cost, not gunzip, is measured)."""
    return [gzip.decompress((c / "raw.html.gz").read_bytes()) for c in eval_cases()]
