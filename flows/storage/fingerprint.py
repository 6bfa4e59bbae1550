"""What the cleaning depends on, as the skip check compares it.

A rerun re-cleans a document when anything that could change its clean text changed: the
cleaning code itself (every `.py` and rule pack file of the installed `newsclean.cleaners`),
the rule packs of the run, and the versions of the libraries whose output the cleaners pass
on (trafilatura and its extractors, readability-lxml, lxml, ftfy, charset-normalizer…).
`cleaners.__version__` alone was hard-coded since the first commit: three changes to the
cleaning code went unnoticed by reruns.

Computed once per process (reading ~15 small files: a few milliseconds), never per document.
"""

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

import newsclean.cleaners

# The distributions whose output reaches a clean text (directly or through trafilatura).
LIBRARIES = ("trafilatura", "readability-lxml", "lxml", "lxml_html_clean", "jusText", "htmldate",
             "ftfy", "charset-normalizer")
# Where the cleaning code is read from; a module attribute so that a test can point it at a
# modified copy of the package.
CODE_ROOT = Path(newsclean.cleaners.__file__).resolve().parent
_CODE_SUFFIXES = (".py", ".toml")


@cache
def code_fingerprint(root: Path) -> str:
    """sha256 (16 hex digits) of the package's source and pack files, by relative path."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.suffix in _CODE_SUFFIXES
                       and "__pycache__" not in p.parts and p.is_file()):
        rel = path.relative_to(root).as_posix()
        digest.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


@cache
def library_versions() -> dict[str, str]:
    """{distribution: version} for those installed; a missing one is recorded as absent."""
    found = {}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "absent"
    return found
