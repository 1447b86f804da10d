"""SECURITY.md names the test behind each guarantee: every name it gives must be a real test."""

from __future__ import annotations

import re

from conftest import ROOT


def test_every_test_named_in_security_md_exists() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    named, current = [], None
    for match in re.finditer(r"`(test_\w+\.py)?::(test_\w+)", text):
        current = match.group(1) or current  # `::test_x` continues the file named before it
        assert current is not None
        named.append((current, match.group(2)))
    assert len(named) > 40
    missing = [f"{file}::{test}" for file, test in named if f"def {test}(" not in (ROOT / "tests" / file).read_text()]
    assert missing == []
