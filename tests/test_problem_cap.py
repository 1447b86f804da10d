"""A file with a great many problems: the first ones are printed, the rest counted, and it stays fast."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conftest import minimal_data
from pipeline.cli import main
from pipeline.errors import MAX_PROBLEMS_SHOWN, Problem, format_problems
from pipeline.input_file import MAX_FILE_BYTES

UNKNOWN_KEYS = 97_000


@pytest.fixture
def many_unknown_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A valid partnership followed by 97,000 unknown keys: just under 1 MB."""
    monkeypatch.chdir(tmp_path)
    text = yaml.safe_dump(minimal_data(), allow_unicode=True)
    text += "".join(f"k{number:05d}: 1\n" for number in range(UNKNOWN_KEYS))
    assert len(text.encode()) <= MAX_FILE_BYTES
    path = tmp_path / "many.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_97000_unknown_keys_print_the_first_problems_and_count_the_rest(many_unknown_keys: Path) -> None:
    result = CliRunner().invoke(main, ["validate", many_unknown_keys.name])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == MAX_PROBLEMS_SHOWN + 2
    first_line = len(yaml.safe_dump(minimal_data(), allow_unicode=True).splitlines()) + 1
    assert lines[0].startswith(f"many.yaml:{first_line}:9: k00000: unknown field 'k00000'; the fields allowed here")
    assert all("unknown field 'k000" in line for line in lines[:MAX_PROBLEMS_SHOWN])
    assert lines[-2:] == ["many.yaml: … and 96,950 more problems in this file", "97,000 problems found."]


def test_the_json_format_is_capped_the_same_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = yaml.safe_dump(minimal_data(), allow_unicode=True) + "".join(f"k{n}: 1\n" for n in range(60))
    (tmp_path / "some.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--format", "json", "some.yaml"])
    problems = json.loads(result.stdout)["problems"]
    assert len(problems) == MAX_PROBLEMS_SHOWN + 1
    assert problems[-1] == {
        "file": "some.yaml",
        "line": 0,
        "column": 0,
        "field": "",
        "message": "… and 10 more problems in this file",
        "severity": "error",
        "rule": "",
        "hint": "",
    }


def test_each_file_is_capped_on_its_own() -> None:
    problems = [Problem(name, line, 1, message="bad") for name in ("a.yaml", "b.yaml") for line in range(1, 53)]
    problems.append(Problem("c.yaml", 1, 1, message="bad"))
    lines = format_problems(problems).splitlines()
    assert lines.count("a.yaml: … and 2 more problems in this file") == 1
    assert lines.count("b.yaml: … and 2 more problems in this file") == 1
    assert len(lines) == 2 * (MAX_PROBLEMS_SHOWN + 1) + 1
    assert lines[MAX_PROBLEMS_SHOWN - 1] == "a.yaml:50:1: bad"


def test_one_problem_past_the_cap_is_counted_in_the_singular() -> None:
    problems = [Problem("a.yaml", line, 1, message="bad") for line in range(1, MAX_PROBLEMS_SHOWN + 2)]
    assert format_problems(problems).splitlines()[-1] == "a.yaml: … and 1 more problem in this file"
