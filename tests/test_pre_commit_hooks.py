"""The pre-commit hooks (.pre-commit-hooks.yaml) print each problem once.

They printed each problem of a file that does not validate twice: once from the validate hook, and again
from the lint hook, because lint stopped on the same validation problems. Now the lint hook names such a
file in one line (--skip-invalid) and lints the others. The hooks are run here as pre-commit runs them: the
entry, the args, then the files that match, stdout and stderr in one stream; and, when pre-commit is
installed, by pre-commit itself.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, dump_yaml, minimal_data

HOOKS: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
BAD_LEVEL = "level: 'cooperaton' is not one of the allowed values"


def run_hook(hook: dict[str, Any], files: list[str], cwd: Path) -> tuple[int, str]:
    """What pre-commit does with a hook (language python: `partnerdocs` is the installed command)."""
    matching = [name for name in files if re.search(hook["files"], name)]
    command = shlex.split(hook["entry"]) + hook.get("args", []) + matching
    assert command[0] == "partnerdocs"
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *command[1:]],
        cwd=cwd,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout


def coalition(tmp_path: Path, count: int = 2) -> list[str]:
    """A coalition's partnership files: the first does not validate, the others have a lint finding each."""
    folder = tmp_path / "partnerships"
    folder.mkdir()
    names = []
    for number in range(count):
        data = minimal_data()
        data["level"] = "cooperaton" if number == 0 else "cooperation"
        data["mission"] = f"TODO: the mission of partnership {number}"
        name = f"partnerships/partnership-{number}.yaml"
        (tmp_path / name).write_text(dump_yaml(data), encoding="utf-8")
        names.append(name)
    return names


def test_each_problem_is_printed_once_by_the_two_hooks(tmp_path: Path) -> None:
    files = [*coalition(tmp_path), "README.md"]
    results = {hook["id"]: run_hook(hook, files, tmp_path) for hook in HOOKS}
    everything = "".join(output for _, output in results.values())
    assert everything.count(BAD_LEVEL) == 1
    validate_code, validate_output = results["partnerdocs-validate"]
    assert (validate_code, validate_output.count(BAD_LEVEL)) == (1, 1)
    lint_code, lint_output = results["partnerdocs-lint"]
    assert lint_code == 1  # a file that does not validate fails the hook, in one line
    assert "partnerships/partnership-0.yaml: not linted: it does not validate ('partnerdocs validate' lists" in (
        lint_output
    )
    assert lint_output.count("warning[todo-left]") == 1  # the valid file is linted all the same
    assert "partnership-0.yaml" not in lint_output.replace("partnership-0.yaml: not linted", "", 1)


def test_lint_alone_still_lists_the_problems_of_a_file_that_does_not_validate(tmp_path: Path) -> None:
    hook = {"entry": "partnerdocs lint", "files": "^partnerships/"}
    code, output = run_hook(hook, coalition(tmp_path), tmp_path)
    assert code == 1
    assert output.count(BAD_LEVEL) == 1
    assert re.search(r"^1 problem found; \d+ warnings\.$", output, re.MULTILINE)


# make test installs pre-commit beside pytest, in the environment running the tests, which need not be on PATH.
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")


@pytest.mark.skipif(PRE_COMMIT is None, reason="needs pre-commit (pip install pre-commit)")
def test_pre_commit_prints_each_problem_once(tmp_path: Path) -> None:
    """End to end with pre-commit, the hooks as .pre-commit-hooks.yaml defines them, run from a local repository
    with partnerdocs on PATH (language: system), so that nothing is downloaded. Six files: more than pre-commit
    hands one process unless the hook asks for a serial run, so one summary shows that it did."""
    repository = tmp_path / "coalition"
    repository.mkdir()
    coalition(repository, count=6)
    tools = tmp_path / "bin"
    tools.mkdir()
    wrapper = tools / "partnerdocs"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m pipeline "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    hooks = [{**hook, "language": "system"} for hook in HOOKS]
    config = {"repos": [{"repo": "local", "hooks": hooks}]}
    (repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    environment = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": str(ROOT),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
    }
    subprocess.run(["git", "init", "-q"], cwd=repository, check=True)
    subprocess.run(["git", "add", "-A"], cwd=repository, check=True)
    done = subprocess.run(
        [str(PRE_COMMIT), "run", "--all-files", "--color", "never"],
        cwd=repository,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.count(BAD_LEVEL) == 1, done.stdout
    assert done.stdout.count("not linted: it does not validate") == 1
    assert done.stdout.count("warning[todo-left]") == 5
    summaries = re.findall(r"^(?:.*found; )?\d+ warnings?\.$", done.stdout, re.MULTILINE)
    assert summaries == [summaries[0]] and summaries[0].startswith("1 problem found; "), done.stdout
