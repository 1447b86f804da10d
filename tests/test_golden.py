"""Golden text of every example's documents: a change to a template or example shows up as a diff here.

After an intended change, refresh the golden files with:
    PARTNERDOCS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PARTNERDOCS_UPDATE_GOLDEN") == "1"
CASES = [(example.stem, "mou") for example in EXAMPLES]


@pytest.mark.parametrize(("slug", "kind"), CASES, ids=[f"{s}/{k}" for s, k in CASES])
def test_document_text_matches_golden(built_examples: Path, slug: str, kind: str) -> None:
    actual = (built_examples / slug / f"{kind}.txt").read_text(encoding="utf-8")
    golden = GOLDEN / slug / f"{kind}.txt"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with PARTNERDOCS_UPDATE_GOLDEN=1"
    assert actual == golden.read_text(encoding="utf-8")


def test_every_golden_file_belongs_to_an_example() -> None:
    expected = {f"{slug}/{kind}.txt" for slug, kind in CASES}
    present = {str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*.txt")}
    assert present <= expected
