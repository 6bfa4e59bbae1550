"""Quality gate on the three dev sets (HTML pages and text dumps) and the field cases of
../shared/eval.

Floors per set and a digest of each set's files are pinned in fixtures/eval_gate.toml, as
trafilatura's eval gate pins them: a change that costs F1 on any set fails, and so does an
edited case (re-measure, then update digest and floors). Skipped where ../shared/eval is
absent; marked slow (the three sets are ~400 pages).
"""

import hashlib
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from newsclean.flows.devtools.evaluate import evaluate, load_cases, newsclean_extractor
from tests.conftest import FIXTURES, ROOT

EVAL = ROOT.parent / "shared" / "eval"
GATE = tomllib.loads((FIXTURES / "eval_gate.toml").read_text("utf-8"))

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not here")]


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(folder)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


@pytest.mark.parametrize(("name", "kind"), [(n, k) for n in sorted(GATE["sets"])
                                            for k in ("html", "text")])
def test_dev_set_stays_above_its_floor(name, kind):
    spec = GATE["sets"][name]
    floors = spec[kind]
    assert _digest(EVAL / name) == spec["digest"], f"{name} changed: re-measure its floor"
    statuses: dict[str, str] = {}
    scores, _ = evaluate(load_cases(EVAL / name, kind), "newsclean",
                         newsclean_extractor(kind, [], statuses))
    lost = sorted(cid for cid, st in statuses.items() if st in ("rejected", "empty"))
    assert len(lost) <= floors["max_rejected_or_empty"], f"{name}: articles lost: {lost}"
    assert scores.f1 >= floors["macro_f1"], (
        f"{name} ({kind}): F1 {scores.f1:.4f} < {floors['macro_f1']}")


def test_field_cases_pass():
    field = EVAL / "field"
    assert _digest(field) == GATE["field"]["digest"], "field cases changed: re-check them"
    exe = Path(sys.executable).parent / "newsclean"
    done = subprocess.run(
        [sys.executable, str(EVAL / "field_check.py"), str(field), str(exe),
         "--only", ",".join(GATE["field"]["must_pass"])],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
