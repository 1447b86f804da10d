"""Machine-readable output: the JSON of each command has the shape README documents, whatever happens; GitHub
annotations survive any text; -q and -v; shell completion."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, minimal_data
from pipeline.cli import main
from pipeline.errors import Problem, format_problems, github_command

runner = CliRunner()


def documented() -> dict[str, Any]:
    """README's example of each command's JSON, by command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", readme, re.DOTALL)]
    return {block["command"]: block for block in blocks if isinstance(block, dict) and "command" in block}


EXAMPLES = documented()
PROBLEM = EXAMPLES["validate"]["problems"][0]


def conforms(actual: Any, example: Any, where: str = "") -> list[str]:
    """How `actual` differs in shape from `example`: the same keys in every object, the same types; a list's
    items each shaped like the example's first item (problems like README's problem)."""
    if isinstance(example, dict):
        if not isinstance(actual, dict):
            return [f"{where}: not an object"]
        if list(actual) != list(example):
            return [f"{where}: keys {list(actual)}, documented {list(example)}"]
        return [difference for key in example for difference in conforms(actual[key], example[key], f"{where}.{key}")]
    if isinstance(example, list):
        if not isinstance(actual, list):
            return [f"{where}: not a list"]
        item = example[0] if example else PROBLEM if where.endswith("problems") else None
        if item is None:
            return []
        return [difference for value in actual for difference in conforms(value, item, f"{where}[]")]
    return [] if type(actual) is type(example) else [f"{where}: {type(actual).__name__}, documented {example!r}"]


@pytest.fixture
def invalid(write_partnership: Callable[..., Path]) -> Path:
    data = minimal_data()
    data["level"] = "cooperaton"
    return write_partnership(data, slug="broken")


def run_json(*arguments: str | Path) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(main, [str(argument) for argument in arguments])
    return result.exit_code, json.loads(result.stdout)  # nothing else on stdout


def test_readme_documents_the_json_of_every_command() -> None:
    assert sorted(EXAMPLES) == ["build", "lint", "status", "validate"]
    assert list(PROBLEM) == ["file", "line", "column", "field", "message", "severity", "rule", "hint"]


def test_the_json_of_every_command_has_its_documented_shape_when_it_succeeds_and_when_it_stops(
    write_partnership: Callable[..., Path], invalid: Path, tmp_path: Path
) -> None:
    valid = write_partnership()
    out = tmp_path / "out"
    runs = {
        ("validate", 0): ["validate", "--format", "json", valid],
        ("validate", 1): ["validate", "--format", "json", valid, invalid],
        ("lint", 0): ["lint", "--format", "json", valid],
        ("lint", 1): ["lint", "--format", "json", valid, invalid],
        ("status", 0): ["status", "--format", "json", valid],
        ("status", 1): ["status", "--format", "json", invalid],
        ("build", 0): ["build", "--format", "json", "--kind", "mou", "--out", out, valid],
        ("build", 1): ["build", "--format", "json", "--kind", "mou", "--out", tmp_path / "refused", valid, invalid],
    }
    for (command, code), arguments in runs.items():
        exit_code, report = run_json(*arguments)
        assert exit_code == code, (command, report)
        assert conforms(report, EXAMPLES[command]) == [], (command, code)
        assert (report["command"], report["ok"]) == (command, code == 0)
        assert report["summary"]["errors"] == sum(1 for p in report["problems"] if p["severity"] == "error")
    assert not (tmp_path / "refused").exists()  # the refused build wrote nothing, and said so in JSON


def test_lint_json_lists_the_problems_of_a_file_that_does_not_validate_and_lints_the_others(
    write_partnership: Callable[..., Path], invalid: Path
) -> None:
    """It printed text instead, and linted nothing."""
    exit_code, report = run_json("lint", "--format", "json", write_partnership(), invalid)
    assert exit_code == 1
    errors = [p for p in report["problems"] if p["severity"] == "error"]
    assert [(p["file"], p["field"], p["rule"]) for p in errors] == [(str(invalid), "level", "")]
    assert {p["rule"] for p in report["problems"] if p["severity"] == "warning"} >= {"member-without-backup"}


def test_a_strict_lint_reports_its_findings_as_errors(write_partnership: Callable[..., Path]) -> None:
    exit_code, report = run_json("lint", "--format", "json", "--strict", write_partnership())
    assert (exit_code, report["ok"], report["strict"]) == (1, False, True)
    assert report["problems"] and {p["severity"] for p in report["problems"]} == {"error"}


def test_build_json_lists_the_documents_left_unchanged(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    arguments = ["build", "--format", "json", "--kind", "mou", "--out", tmp_path / "out", path]
    first = run_json(*arguments)[1]
    again = run_json(*arguments)[1]
    assert [(d["document"], d["built"]) for d in first["documents"]] == [("mou", True)]
    assert [(d["document"], d["built"]) for d in again["documents"]] == [("mou", False)]
    assert first["written"] == [str(tmp_path / "out" / "pathways" / "mou.docx")] and again["written"] == []
    assert again["summary"]["unchanged"] == 1
    assert {key: first["documents"][0][key] for key in ("status", "fingerprint", "path")} == {
        key: again["documents"][0][key] for key in ("status", "fingerprint", "path")
    }


def test_status_json_names_who_must_still_approve(write_partnership: Callable[..., Path]) -> None:
    _, report = run_json("status", "--format", "json", write_partnership())
    mou = next(d for d in report["documents"] if d["document"] == "mou")
    assert mou["status"] == "draft" and mou["missing_approvals"] == mou["required_approvers"] != []
    assert report["summary"]["draft"] == len(report["documents"])


# GitHub annotations ------------------------------------------------------------------------------------------


def unescape(text: str, tokens: tuple[str, ...]) -> str:
    """As the Actions runner (ActionCommand.cs) undoes an escape: each token in its order, '%' last."""
    for token in tokens:
        text = text.replace(f"%{ord(token):02X}", token)
    return text


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    """The command, properties and message the runner reads from a workflow command line (TryParseV2)."""
    assert line.startswith("::")
    end = line.index("::", 2)
    name, _, listed = line[2:end].partition(" ")
    properties = {}
    for item in (part for part in listed.strip().split(",") if part):
        key, _, value = item.partition("=")
        properties[key] = unescape(value, ("\r", "\n", ":", ",", "%"))
    return name, properties, unescape(line[end + 2 :], ("\r", "\n", "%"))


texts = st.text(st.characters(codec="utf-8"), min_size=1)
# The runner trims the properties' ends; partnerdocs' titles and file names never start or end with a space.
names = texts.filter(lambda text: text == text.strip())


@given(file=names, field=names, message=st.text(st.characters(codec="utf-8")), line=st.integers(0, 10**6))
def test_an_annotation_is_one_line_that_the_runner_reads_back_exactly(
    file: str, field: str, message: str, line: int
) -> None:
    problem = Problem(file, line, 3, field, message, "warning", "todo-left", "because")
    annotation = github_command(problem)
    assert "\r" not in annotation and "\n" not in annotation  # the only line breaks of the runner (ReadLine)
    name, properties, text = parse_annotation(annotation)
    assert name == "warning"
    expected = {"file": file, "line": str(line), "col": "3"} if line else {"file": file}
    assert properties == {**expected, "title": f"{field} (todo-left)"}
    assert text == f"{message}\nwhy: because"


def test_annotations_as_validate_lint_and_build_print_them(
    write_partnership: Callable[..., Path], invalid: Path, tmp_path: Path
) -> None:
    error = re.compile(rf"::error file={re.escape(str(invalid))},line=\d+,col=8,title=level::'cooperaton' is not one")
    valid = write_partnership()
    for arguments in (["validate", invalid], ["lint", valid, invalid], ["build", "--out", tmp_path, valid, invalid]):
        result = runner.invoke(main, [*map(str, arguments), "--format", "github"])
        assert result.exit_code == 1
        lines = result.stdout.splitlines()
        assert sum(bool(error.match(line)) for line in lines) == 1, result.stdout
    result = runner.invoke(main, ["lint", "--format", "github", str(valid)])
    assert f"::warning file={valid},line=" in result.stdout
    assert re.search(r",title=members\[\d\]\.contacts \(member-without-backup\)::", result.stdout)
    assert "%0Awhy: Personnel change is the most common disruption" in result.stdout


def test_a_crafted_value_cannot_add_an_annotation_or_a_property() -> None:
    forged = "x\n::error file=README.md,line=1::all good%0A"
    lines = format_problems([Problem("a,line=99.yaml", 2, 1, "mission", forged)], "github").splitlines()
    assert lines == [
        "::error file=a%2Cline=99.yaml,line=2,col=1,title=mission::x%0A::error file=README.md,line=1::all good%250A"
    ]


# Progress, -q and -v ----------------------------------------------------------------------------------------


def partnerdocs(*arguments: str | Path) -> list[str]:
    return [sys.executable, "-m", "pipeline", *map(str, arguments)]


def environment() -> dict[str, str]:
    """partnerdocs as CI runs it: Python's output buffered (as it is unless PYTHONUNBUFFERED is set)."""
    return {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "PYTHONPATH": str(ROOT)}


def test_in_a_log_build_prints_each_partnership_as_soon_as_it_is_rendered(examples_copy: Path, tmp_path: Path) -> None:
    """A pipe, as in CI: the first line arrives while the two larger partnerships are still being rendered
    (about a second of work), not when the build ends. Printed but not flushed, it came 0.00 s before the end."""
    command = partnerdocs("build", "--jobs", "1", "--out", tmp_path / "out", examples_copy)
    with subprocess.Popen(command, cwd=tmp_path, env=environment(), stdout=subprocess.PIPE, text=True) as process:
        assert process.stdout is not None
        first = process.stdout.readline()
        arrived = time.monotonic()
        rest = process.stdout.read()
        process.wait()
        ended = time.monotonic()
    assert re.fullmatch(r"\[1/3\] harbor-hope-omalley: \d+ documents rendered \(all drafts\)\n", first)
    assert ended - arrived > 0.25, "the first line came only when the build ended"
    lines = rest.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == ["[2/3] riverbend-task-force", "[3/3] westhaven-alliance"]
    assert lines[2].startswith("wrote ")
    assert re.fullmatch(r"\d+ documents built, \d+ of them drafts\.", lines[-1])


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_build_shows_its_progress_bar_and_no_progress_lines(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    primary, secondary = os.openpty()
    command = partnerdocs("build", "--kind", "mou", "--out", tmp_path / "out", write_partnership())
    process = subprocess.Popen(command, cwd=tmp_path, env=environment(), stdout=secondary, stderr=secondary)
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:  # the terminal closed: the build ended
            break
        if not chunk:
            break
        shown += chunk
    process.wait()
    os.close(primary)
    text = shown.decode("utf-8")
    assert process.returncode == 0, text
    assert "Building" in text and "[1/1]" not in text
    assert "1 document built, 1 of them draft." in text


def test_quiet_prints_only_problems_and_the_summary(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    result = runner.invoke(main, ["build", "-q", "--kind", "mou", "--out", str(tmp_path / "out"), str(path)])
    assert result.exit_code == 0
    assert result.stdout == "1 document built, 1 of them draft.\n"
    assert "warning[member-without-backup]" in result.stderr
    status = runner.invoke(main, ["status", "-q", str(path)])
    assert re.fullmatch(r"0 final, \d+ draft\.\n", status.stdout)


def test_verbose_names_every_file_and_every_document(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    arguments = ["build", "--kind", "mou", "--out", str(tmp_path / "out"), str(path)]
    runner.invoke(main, arguments)
    again = runner.invoke(main, [*arguments, "-v"])
    assert f"unchanged {tmp_path / 'out' / 'pathways' / 'mou.docx'} [DRAFT]\n" in again.stdout
    assert "unchanged" not in runner.invoke(main, arguments).stdout.replace("1 unchanged (use", "")
    assert runner.invoke(main, ["validate", "-v", str(path)]).stdout.startswith(f"{path}: ok\n")
    assert runner.invoke(main, ["lint", "-v", str(path)]).stdout.startswith(f"{path}: ")
    status = runner.invoke(main, ["status", "-v", str(path)]).stdout
    assert "\n    fingerprint " in status and "; approved by nobody yet" in status


# Shell completion -------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completion_as_readme_sets_it_up(tmp_path: Path) -> None:
    """The README's line, run in bash with partnerdocs on PATH; then completions asked for as bash asks."""
    tools = tmp_path / "bin"
    tools.mkdir()
    wrapper = tools / "partnerdocs"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pipeline "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = 'eval "$(_PARTNERDOCS_COMPLETE=bash_source partnerdocs)"'
    assert setup in readme
    script = f"""{setup}
complete -p partnerdocs
ask() {{
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
  _partnerdocs_completion partnerdocs; echo "${{COMPREPLY[*]}}"
}}
ask partnerdocs bu
ask partnerdocs build --format ''
ask partnerdocs build --kind subgrant
"""
    env = {**environment(), "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "complete -o nosort -F _partnerdocs_completion partnerdocs",
        "build",
        "text json github",
        "subgrant-agreement",
    ]
