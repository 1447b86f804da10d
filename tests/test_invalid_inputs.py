"""Each file in tests/invalid/ is a broken partnership paired with the exact output it must produce."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

INVALID = Path(__file__).parent / "invalid"
CASES = sorted(INVALID.glob("*.yaml"))


def test_every_case_has_its_expected_output() -> None:
    assert len(CASES) >= 15
    missing = [case.name for case in CASES if not case.with_suffix(".expected").is_file()]
    assert missing == []


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_invalid_file_gets_exact_messages_and_exit_1(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(main, ["validate", case.name])
    assert result.exit_code == 1
    assert result.output == case.with_suffix(".expected").read_text(encoding="utf-8")


def test_all_files_are_reported_in_one_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(main, ["validate", "."])
    assert result.exit_code == 1
    reported_files = {line.split(":")[0] for line in result.output.splitlines() if ".yaml:" in line}
    assert reported_files == {f"{case.name}" for case in CASES}


def test_json_format_lists_problems_as_objects(monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.chdir(INVALID)
    result = CliRunner().invoke(main, ["validate", "--format", "json", "bad-email-and-date.yaml"])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert problems[0] == {
        "file": "bad-email-and-date.yaml",
        "line": 17,
        "column": 14,
        "field": "members[0].contacts.primary.email",
        "message": "'jane@' is not a valid email address (There must be something after the @-sign)",
        "severity": "error",
        "rule": "",
        "hint": "",
    }
    assert [p["field"] for p in problems] == ["members[0].contacts.primary.email", "members[0].joined"]
