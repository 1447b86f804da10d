"""Golden text of every document of every example: a change to a template or an example shows as a diff.

After an intended change, refresh the golden files with:
    PARTNERDOCS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py
and review `git diff tests/golden/` before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("PARTNERDOCS_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_document_texts_match_golden(built_examples: Path, example: Path) -> None:
    built = {p.name: p.read_text(encoding="utf-8") for p in (built_examples / example.stem).glob("*.txt")}
    golden_folder = GOLDEN / example.stem
    if UPDATE:
        shutil.rmtree(golden_folder, ignore_errors=True)
        golden_folder.mkdir(parents=True)
        for name, text in built.items():
            (golden_folder / name).write_text(text, encoding="utf-8")
    golden = {p.name: p.read_text(encoding="utf-8") for p in golden_folder.glob("*.txt")}
    assert sorted(built) == sorted(golden), "documents added or removed; run with PARTNERDOCS_UPDATE_GOLDEN=1"
    for name in sorted(built):
        assert built[name] == golden[name], f"{example.stem}/{name} differs from its golden text"


def test_every_golden_folder_belongs_to_an_example() -> None:
    assert {p.name for p in GOLDEN.iterdir()} == {e.stem for e in EXAMPLES}
