"""`partnerdocs init` sets up a coalition's repository: every file it needs, idempotent, never overwriting."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from pipeline.cli import main
from pipeline.coalition_files import DIFF_DRIVER
from pipeline.init_repo import installed_version
from pipeline.template_files import packaged_template
from schemas import SCHEMA_FILE

runner = CliRunner()
needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
FILES = (
    "partnerships/coalition.yaml",
    "schemas/partnership.schema.json",
    "schemas/approval.schema.json",
    ".vscode/settings.json",
    ".vscode/extensions.json",
    ".pre-commit-config.yaml",
    ".gitattributes",
    ".gitignore",
    ".github/workflows/partnerdocs.yml",
    "README.md",
)


def init(*arguments: str | Path, code: int = 0) -> list[str]:
    result = runner.invoke(main, ["init", *map(str, arguments)])
    assert result.exit_code == code, result.output
    return result.output.splitlines()


def reported(lines: list[str]) -> dict[str, str]:
    """Each step's target -> 'created' or 'left', from the report's lines."""
    steps = {}
    for line in lines:
        for prefix, word in (("  created        ", "created"), ("  left as it was ", "left")):
            if line.startswith(prefix):
                steps[re.split(r": | \(already there\)$", line.removeprefix(prefix))[0]] = word
    return steps


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file() and ".git" not in p.relative_to(folder).parts
    }


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "coalition"
    folder.mkdir()
    git(folder, "init", "-q")
    return folder


def test_init_sets_up_every_file_and_the_diff_driver(repository: Path) -> None:
    lines = init(repository)
    version = installed_version()
    assert lines[0] == f"partnerdocs {version} in {repository.resolve()}:"
    assert reported(lines) == dict.fromkeys([*FILES, f'git config diff.docx.textconv "{DIFF_DRIVER}"'], "created")
    assert (
        lines[-2] == f'  created        git config diff.docx.textconv "{DIFF_DRIVER}": the diff driver, found on PATH'
    )
    assert lines[-1] == (
        "Next: replace each TODO in partnerships/coalition.yaml, run 'partnerdocs validate', and read README.md."
    )
    assert git(repository, "config", "--local", "diff.docx.textconv") == "partnerdocs text"

    starter = repository / "partnerships" / "coalition.yaml"
    assert runner.invoke(main, ["validate", str(starter)]).exit_code == 0
    # The starter's first line names the schema relative to itself, and init wrote it there.
    schema_line = starter.read_text(encoding="utf-8").splitlines()[0]
    assert schema_line == "# yaml-language-server: $schema=../schemas/partnership.schema.json"
    written = (starter.parent / "../schemas/partnership.schema.json").read_bytes()
    assert written == SCHEMA_FILE.read_bytes()

    vscode = json.loads((repository / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    ours = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert vscode["yaml.yamlVersion"] == ours["yaml.yamlVersion"] == "1.2"
    assert "partnerships/*.yaml" in vscode["yaml.schemas"]["./schemas/partnership.schema.json"]
    assert vscode["yaml.schemas"]["./schemas/approval.schema.json"] == ["partnerships/*.approvals/*.yaml"]
    extensions = json.loads((repository / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}

    hooks = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    (config,) = yaml.safe_load((repository / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert config["rev"] == f"v{version}"
    assert {hook["id"] for hook in config["hooks"]} == hooks

    workflow = yaml.safe_load((repository / ".github" / "workflows" / "partnerdocs.yml").read_text(encoding="utf-8"))
    assert workflow["jobs"]["partnerdocs"]["uses"].endswith(f"/.github/workflows/coalition.yml@v{version}")
    assert workflow["permissions"] == {"contents": "read"}

    assert "*.docx diff=docx" in (repository / ".gitattributes").read_text(encoding="utf-8").splitlines()
    assert "output/" in (repository / ".gitignore").read_text(encoding="utf-8").splitlines()
    guide = (repository / "README.md").read_text(encoding="utf-8")
    for command in ("partnerdocs validate", "partnerdocs build", "partnerdocs status", "partnerdocs approve"):
        assert command in guide
    assert "pull request" in guide


def test_a_second_run_changes_nothing_and_says_so(repository: Path) -> None:
    init(repository, "--template", "mou")
    before = snapshot(repository)
    config = git(repository, "config", "--local", "--list")
    lines = init(repository, "--template", "mou")
    assert snapshot(repository) == before
    assert git(repository, "config", "--local", "--list") == config
    assert all(line.endswith("(already there)") for line in lines[1:-1])
    assert list(reported(lines)) == [*FILES, "templates/mou.docx", 'git config diff.docx.textconv "partnerdocs text"']
    assert lines[-1] == "Nothing changed: everything was already there."


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    existing=st.dictionaries(
        st.sampled_from(FILES), st.binary(max_size=64) | st.text(max_size=64).map(str.encode), min_size=1
    )
)
def test_an_existing_file_is_never_overwritten(existing: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "coalition"
        for name, data in existing.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        lines = init(folder)
        for name, data in existing.items():
            assert (folder / name).read_bytes() == data
        steps = reported(lines)
        assert all(steps[name] == "left" for name in existing if name != "README.md")
        for name in set(FILES) - set(existing) - {"README.md"}:
            assert (folder / name).is_file()


def test_a_readme_of_their_own_stays_and_the_guide_goes_beside_it(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# County coalition\n", encoding="utf-8")
    lines = init(tmp_path)
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "# County coalition\n"
    assert "  created        PARTNERDOCS.md: how to work in this repository" in lines
    assert lines[-1].endswith("and read PARTNERDOCS.md.")
    assert "Nothing changed" in init(tmp_path)[-1]


def test_partnerships_of_their_own_get_no_starter(tmp_path: Path) -> None:
    (tmp_path / "partnerships").mkdir()
    shutil.copy(ROOT / "partnerships" / "harbor-hope-omalley.yaml", tmp_path / "partnerships")
    lines = init(tmp_path, "--partnership", "county-task-force")
    assert sorted(p.name for p in (tmp_path / "partnerships").iterdir()) == ["harbor-hope-omalley.yaml"]
    assert "  left as it was partnerships/: it holds 1 partnership file; no starter added" in lines


def test_what_an_existing_file_lacks_is_said(repository: Path) -> None:
    (repository / ".gitignore").write_text("*.pyc\n", encoding="utf-8")
    (repository / ".gitattributes").write_text("*.png binary\n", encoding="utf-8")
    (repository / ".vscode").mkdir()
    (repository / ".vscode" / "settings.json").write_text('{"editor.tabSize": 2}\n', encoding="utf-8")
    git(repository, "config", "diff.docx.textconv", "/home/someone/clone/.venv/bin/partnerdocs text")
    lines = init(repository)
    assert "  left as it was .gitignore: it does not ignore output/: add the line `output/`" in lines
    assert "  left as it was .gitattributes: it gives .docx files no diff driver: add the line `*.docx diff=docx`" in (
        lines
    )
    assert any(line.startswith('  left as it was .vscode/settings.json: add "yaml.yamlVersion"') for line in lines)
    assert (
        '  left as it was git config diff.docx.textconv "partnerdocs text": it is set to '
        "'/home/someone/clone/.venv/bin/partnerdocs text': left as it was; "
        'git config diff.docx.textconv "partnerdocs text" replaces it'
    ) in lines
    assert git(repository, "config", "diff.docx.textconv") == "/home/someone/clone/.venv/bin/partnerdocs text"


def test_an_older_schema_is_kept_and_its_refresh_named(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "partnership.schema.json").write_text("{}\n", encoding="utf-8")
    lines = init(tmp_path)
    assert (tmp_path / "schemas" / "partnership.schema.json").read_text(encoding="utf-8") == "{}\n"
    expected = (
        f"  left as it was schemas/partnership.schema.json: it differs from partnerdocs {installed_version()}'s "
        "schema: `partnerdocs schema --out schemas/partnership.schema.json`"
    )
    assert expected in lines


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_broken_link_is_left_as_it_is(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").symlink_to(tmp_path / "nowhere")
    lines = init(tmp_path)
    assert (tmp_path / ".gitignore").is_symlink() and not (tmp_path / "nowhere").exists()
    assert "  left as it was .gitignore: it is not a regular file" in lines


def test_outside_a_git_repository_the_driver_is_left_for_later(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    lines = init(tmp_path / "new-folder")
    assert lines[-2] == (
        '  left as it was git config diff.docx.textconv "partnerdocs text": '
        "this is not a git repository: `git init`, then `partnerdocs init` again"
    )
    assert (tmp_path / "new-folder" / "partnerships" / "new-folder.yaml").is_file()


@needs_git
def test_inside_a_repository_but_not_at_its_top_the_driver_is_not_set(repository: Path) -> None:
    lines = init(repository / "sub")
    assert "not at its top: not set" in lines[-2]
    assert subprocess.run(["git", "-C", str(repository), "config", "diff.docx.textconv"]).returncode == 1


def test_template_copies_partnerdocs_own_to_edit(tmp_path: Path) -> None:
    lines = init(tmp_path, "--template", "mou", "--template", "governance-charter")
    assert (tmp_path / "templates" / "mou.docx").read_bytes() == packaged_template("mou.docx").read_bytes()
    assert "  created        templates/governance-charter.docx: partnerdocs' governance-charter template" in lines


def test_a_name_that_cannot_be_a_partnership_is_refused(tmp_path: Path) -> None:
    result = runner.invoke(main, ["init", str(tmp_path), "--partnership", "County Task Force"])
    assert result.exit_code == 1
    assert "'County Task Force' cannot name a partnership file" in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_folder_name_that_cannot_be_a_partnership_gives_a_neutral_starter(tmp_path: Path) -> None:
    init(tmp_path / "County Coalition")
    assert (tmp_path / "County Coalition" / "partnerships" / "our-partnership.yaml").is_file()
