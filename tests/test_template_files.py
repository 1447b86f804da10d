"""Templates ship inside the package; a templates/ folder in the working directory replaces them kind by kind,
for every command that renders, and the same bytes give the same fingerprints wherever they come from."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner

from conftest import ROOT
from pipeline.cli import main
from pipeline.kinds import KINDS
from pipeline.template_files import packaged_template, template_path
from schemas import SCHEMA_FILE

runner = CliRunner()
APPROVERS = ("harbor-hope", "omalley")
OUTS = ("packaged", "local", "given")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entries(out: Path) -> dict[str, dict[str, Any]]:
    manifest = json.loads((out / "pathways" / "manifest.json").read_text(encoding="utf-8"))
    return {entry["name"]: entry for entry in manifest["documents"]}


def edited_mou(folder: Path, sentence: str = "A closing sentence only this coalition's template has.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    document = docx.Document(str(packaged_template("mou.docx")))
    document.add_paragraph(sentence)
    document.save(str(folder / "mou.docx"))
    return folder / "mou.docx"


def invoke(*arguments: str | Path) -> str:
    result = runner.invoke(main, [str(a) for a in arguments])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def coalition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_partnership: Callable[..., Path]) -> Path:
    """A coalition's folder as the working directory, holding one partnership file and no templates."""
    write_partnership()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_packaged_templates_are_this_repositorys_templates() -> None:
    # Running from a checkout (or an editable install) the package reads the top-level templates/ folder
    # staff edit; tests/test_coalition_e2e.py checks an installed wheel carries the same files.
    for name in (kind.template_name for kind in KINDS.values()):
        assert packaged_template(name).read_bytes() == (ROOT / "templates" / name).read_bytes()


def test_without_a_templates_folder_the_packaged_ones_are_used(coalition: Path) -> None:
    assert template_path("mou.docx") == packaged_template("mou.docx")
    invoke("build", "--kind", "mou", "--kind", "governance-charter")
    found = entries(coalition / "output")
    assert found["mou"]["template_sha256"] == sha256(packaged_template("mou.docx"))


def test_a_templates_folder_replaces_only_the_kinds_it_has(coalition: Path) -> None:
    local = edited_mou(coalition / "templates")
    invoke("build", "--kind", "mou", "--kind", "governance-charter")
    found = entries(coalition / "output")
    assert found["mou"]["template_sha256"] == sha256(local)
    assert found["governance-charter"]["template_sha256"] == sha256(packaged_template("governance-charter.docx"))
    text = (coalition / "output" / "pathways" / "mou.txt").read_text(encoding="utf-8")
    assert "A closing sentence only this coalition's template has." in text


def test_the_same_bytes_give_the_same_fingerprints_wherever_they_come_from(coalition: Path) -> None:
    invoke("build", "--kind", "mou", "--out", "packaged")
    (coalition / "templates").mkdir()
    shutil.copy(packaged_template("mou.docx"), coalition / "templates" / "mou.docx")
    invoke("build", "--kind", "mou", "--out", "local")
    shutil.copytree(coalition / "templates", coalition / "elsewhere")
    shutil.rmtree(coalition / "templates")
    invoke("build", "--kind", "mou", "--out", "given", "--templates", "elsewhere")
    packaged, local, given = ((coalition / out / "pathways" / "manifest.json").read_bytes() for out in OUTS)
    assert packaged == local == given


def test_approve_and_status_read_the_templates_build_reads(coalition: Path) -> None:
    edited_mou(coalition / "templates")
    for member in APPROVERS:
        invoke("approve", "pathways", "mou", "--by", member, "--date", "2026-03-01")
    assert "pathways/mou: FINAL" in invoke("status").splitlines()
    invoke("build", "--kind", "mou")
    assert entries(coalition / "output")["mou"]["status"] == "final"
    # The packaged template is other content: what they approved is not what it makes.
    shutil.move(coalition / "templates", coalition / "ours")
    assert "pathways/mou: DRAFT" in invoke("status").splitlines()[0]
    assert "pathways/mou: FINAL" in invoke("status", "--templates", "ours").splitlines()


def test_approve_takes_templates_like_the_other_commands(coalition: Path) -> None:
    edited_mou(coalition / "ours")
    for member in APPROVERS:
        invoke("approve", "pathways", "mou", "--by", member, "--date", "2026-03-01", "--templates", "ours")
    invoke("build", "--kind", "mou", "--templates", "ours")
    assert entries(coalition / "output")["mou"]["status"] == "final"
    built = coalition / "output" / "pathways" / "mou.docx"
    assert "checked against a fresh render" in invoke("verify", built, "--templates", "ours")


def test_schema_writes_into_the_working_directory(coalition: Path) -> None:
    packaged = SCHEMA_FILE.stat().st_mtime_ns
    output = invoke("schema")
    assert (coalition / "schemas" / "partnership.schema.json").read_bytes() == SCHEMA_FILE.read_bytes()
    pages = sorted(p.name for p in (coalition / "docs").iterdir())
    assert pages == ["legal-positions.md", "lint-rules.md", "schema.md"]
    assert SCHEMA_FILE.stat().st_mtime_ns == packaged
    assert "wrote schemas/partnership.schema.json" in output.splitlines()
