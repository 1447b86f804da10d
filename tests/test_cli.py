"""The command line: exact messages and exit codes, and help on every command."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, minimal_data
from pipeline.cli import main
from pipeline.kinds import KINDS
from schemas import SCHEMA_FILE

runner = CliRunner()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_explanation(command: str) -> None:
    result = runner.invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert main.commands[command].help
    assert len(main.commands[command].help or "") > 60


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"partnerdocs {command} " in (ROOT / "README.md").read_text(encoding="utf-8")


def test_main_help_lists_the_commands() -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "build", "text", "schema"):
        assert command in result.output


def test_validate_examples_succeeds() -> None:
    result = runner.invoke(main, ["validate", str(ROOT / "partnerships")])
    assert result.exit_code == 0, result.output
    assert result.output == f"{len(EXAMPLES)} partnership files checked: no problems.\n"


def test_validate_json_success_has_no_problems() -> None:
    result = runner.invoke(main, ["validate", "--format", "json", str(EXAMPLES[0])])
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert (report["ok"], report["problems"], report["files"]) == (True, [], [str(EXAMPLES[0])])


def test_build_reports_each_file(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(path), "--kind", "mou", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "[1/1] pathways: 1 document rendered (draft)\n"  # the progress line a log gets
        f"wrote {out / 'pathways' / 'mou.docx'} (+ mou.txt) [DRAFT]\n1 document built, 1 of them draft.\n"
    )


def test_build_with_an_invalid_file_exits_1_and_says_nothing_was_written(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data()
    data["level"] = "cooperaton"
    path = write_partnership(data)
    result = runner.invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == ("1 problem found; nothing was written, earlier documents are unchanged.")
    assert not (tmp_path / "out").exists()


def test_unknown_kind_is_a_usage_error() -> None:
    result = runner.invoke(main, ["build", "--kind", "memo"])
    assert result.exit_code == 2
    choices = ", ".join(f"'{kind}'" for kind in sorted(KINDS))
    assert f"Invalid value for '--kind': 'memo' is not one of {choices}." in result.output


def test_missing_path_is_a_usage_error() -> None:
    result = runner.invoke(main, ["validate", "no-such-file.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_default_path_is_partnerships_in_the_current_folder(
    write_partnership: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_partnership()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "pathways" / "mou.docx").is_file()


def test_no_partnership_files_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "partnerships").mkdir()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == "partnerships: no partnership files (*.yaml) found here"


def test_text_prints_the_rendition(built_examples: Path) -> None:
    docx_file = built_examples / EXAMPLES[0].stem / "mou.docx"
    result = runner.invoke(main, ["text", str(docx_file)])
    assert result.exit_code == 0
    assert result.output == docx_file.with_suffix(".txt").read_text(encoding="utf-8")


def test_text_of_a_non_docx_file_is_a_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "fake.docx"
    fake.write_text("hello")
    result = runner.invoke(main, ["text", str(fake)])
    assert result.exit_code == 1
    expected = f"{fake}: not a readable Word .docx file (is it a .doc, or still open in Word?)"
    assert result.output.splitlines()[0] == expected


def test_schema_writes_json_schema(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    result = runner.invoke(main, ["schema", "--out", str(target)])
    assert result.exit_code == 0
    schema = json.loads(target.read_text(encoding="utf-8"))
    assert schema["title"] == "partnerdocs partnership file"
    assert "members" in schema["required"]


def test_committed_schema_is_current(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    runner.invoke(main, ["schema", "--out", str(target)])
    assert target.read_text(encoding="utf-8") == SCHEMA_FILE.read_text(encoding="utf-8"), "run: make schema"


def test_vs_code_reads_partnerships_as_yaml_1_2_with_the_schema() -> None:
    # The loader reads YAML 1.2; the editor must too, or it shows a clean file that validate rejects.
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.yamlVersion"] == "1.2"
    assert settings["yaml.schemas"] == {
        "./schemas/partnership.schema.json": "partnerships/*.yaml",
        "./schemas/approval.schema.json": "partnerships/*.approvals/*.yaml",
    }
    assert (ROOT / "schemas" / "partnership.schema.json").is_file()
    assert (ROOT / "schemas" / "approval.schema.json").is_file()
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["redhat.vscode-yaml"]


def test_every_model_field_has_a_description() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    definitions = schema["$defs"]

    def described(spec: dict[str, object]) -> bool:
        # pydantic leaves out a field's description when it repeats its type's own description.
        reference = str(spec.get("$ref", "")).rsplit("/", 1)[-1]
        return bool(spec.get("description") or definitions.get(reference, {}).get("description"))

    undocumented = [
        f"{name}.{field}"
        for name, definition in [("Partnership", schema), *definitions.items()]
        for field, spec in definition.get("properties", {}).items()
        if not described(spec)
    ]
    assert undocumented == []


def test_version_option() -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("partnerdocs, version ")


def test_click_group_catches_only_user_errors() -> None:
    @main.command("explode")
    def explode() -> None:
        raise RuntimeError("a bug")

    try:
        result = runner.invoke(main, ["explode"])
        assert isinstance(result.exception, RuntimeError)
    finally:
        del main.commands["explode"]
    assert isinstance(main, click.Group)


def test_pdf_without_libreoffice_is_a_clear_error(
    write_partnership: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.pdf

    monkeypatch.setattr(pipeline.pdf.shutil, "which", lambda _: None)
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(write_partnership()), "--pdf", "--out", str(out)])
    assert result.exit_code == 1
    assert (
        "partnerdocs: --pdf needs LibreOffice; install it (Debian/Ubuntu: apt install libreoffice-writer-nogui)"
        in result.output
    )
    # Found before anything was rendered: nothing written, and the summary says so.
    assert result.output.splitlines()[-1] == "1 problem found; nothing was written, earlier documents are unchanged."
    assert not out.exists()
    # Over earlier documents, the same: they stay as they were.
    assert runner.invoke(main, ["build", str(write_partnership()), "--out", str(out)]).exit_code == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    data = minimal_data()
    data["mission"] = "A new mission."
    again = runner.invoke(main, ["build", str(write_partnership(data)), "--pdf", "--out", str(out)])
    assert again.output.splitlines()[-1] == "1 problem found; nothing was written, earlier documents are unchanged."
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_new_writes_a_skeleton_and_never_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "partnerships"
    result = runner.invoke(
        main, ["new", "county-task-force", "--level", "collaboration", "--partnerships", str(folder)]
    )
    assert result.exit_code == 0, result.output
    path = folder / "county-task-force.yaml"
    assert result.output == (
        f"wrote {path}: replace each TODO, then run 'partnerdocs validate' and 'partnerdocs lint'.\n"
    )
    assert runner.invoke(main, ["validate", str(path)]).exit_code == 0
    before = path.read_bytes()
    again = runner.invoke(main, ["new", "county-task-force", "--partnerships", str(folder)])
    assert again.exit_code == 1
    assert f"{path}: this file already exists; choose another name, or edit it instead" in again.output
    assert path.read_bytes() == before


def test_new_refuses_an_unsafe_name(tmp_path: Path) -> None:
    result = runner.invoke(main, ["new", "../escape", "--partnerships", str(tmp_path)])
    assert result.exit_code == 1
    assert not list(tmp_path.parent.glob("escape.yaml"))
