"""The manifest is a cache, not an authority: a release decides from what it renders, a no-op build
keeps only files that are exactly as built, and a manifest that is not one partnerdocs wrote is
ignored with a warning, never followed and never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner

from pipeline.approve import approve
from pipeline.build import build
from pipeline.cli import main
from pipeline.manifest import DOCUMENT_NAME, read_manifest, sha256
from pipeline.text import docx_text

runner = CliRunner()


def build_mou(path: Path, out: Path, *options: str) -> Any:
    return runner.invoke(main, ["build", str(path), "--kind", "mou", "--out", str(out), *options])


def tamper(document: Path) -> None:
    edited = docx.Document(str(document))
    edited.paragraphs[3].text = "The Parties agree to something else."
    edited.save(str(document))


def rewrite(manifest: Path, change: Callable[[dict[str, Any]], None]) -> None:
    content = json.loads(manifest.read_text(encoding="utf-8"))
    change(content)
    manifest.write_text(json.dumps(content), encoding="utf-8")


def test_release_ignores_a_final_status_written_into_the_manifest(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path, out = write_partnership(), tmp_path / "out"
    assert build_mou(path, out).exit_code == 0  # drafts: nobody approved

    def make_final(content: dict[str, Any]) -> None:
        for entry in content["documents"]:
            entry.update(status="final", missing_approvals=[], draft_reasons="")

    rewrite(out / "pathways" / "manifest.json", make_final)
    released = build_mou(path, out, "--all-final")
    assert released.exit_code == 1
    assert f"{path}: approvals (mou): mou is not final: still to approve: Harbor & Hope, O'Malley" in released.output


def test_release_renders_again_rather_than_publish_a_document_changed_in_output(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path, out = write_partnership(), tmp_path / "out"
    for member in ("harbor-hope", "omalley"):
        approve(path, "mou", member, "2026-03-01")
    assert build_mou(path, out).exit_code == 0
    document = out / "pathways" / "mou.docx"
    built = document.read_bytes()
    tamper(document)
    released = build_mou(path, out, "--release")
    assert released.exit_code == 0, released.output
    assert f"wrote {document} (+ mou.txt) [final]" in released.output
    assert document.read_bytes() == built
    assert "something else" not in docx_text(document)


@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_a_no_op_build_renders_again_a_file_changed_in_output(
    write_partnership: Callable[..., Path], tmp_path: Path, suffix: str
) -> None:
    path, out = write_partnership(), tmp_path / "out"
    build([path], out, ["mou"])
    changed = out / "pathways" / f"mou{suffix}"
    built = changed.read_bytes()
    changed.write_bytes(built + b"\n")
    report = build([path], out, ["mou"])
    assert [d.entry.name for d in report.documents] == ["mou"]
    assert changed.read_bytes() == built
    again = build([path], out, ["mou"])
    assert again.documents == [] and again.unchanged == 1


def test_the_manifest_records_both_files_checksums(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    build([write_partnership()], tmp_path / "out", ["mou"])
    folder = tmp_path / "out" / "pathways"
    (entry,) = read_manifest(folder / "manifest.json")["documents"]
    assert entry["sha256"] == sha256((folder / "mou.docx").read_bytes())
    assert entry["text_sha256"] == sha256((folder / "mou.txt").read_bytes())


STRUCTURALLY_WRONG = {
    "not-json": "{",
    "a-list": "[]",
    "documents-a-string": '{"source": {}, "inputs": {}, "documents": "mou"}',
    "entry-a-string": '{"source": {}, "inputs": {}, "documents": ["mou"]}',
    "one-line-hand-written": '{"documents": [{"path": "mou.docx", "sha256": "0", "status": "final"}]}',
    "status-unknown": None,  # a valid manifest with one field changed: built in the test
    "name-outside-the-folder": None,
}


@pytest.mark.parametrize("case", STRUCTURALLY_WRONG, ids=STRUCTURALLY_WRONG.keys())
def test_a_manifest_partnerdocs_did_not_write_is_ignored_with_a_warning(
    write_partnership: Callable[..., Path], tmp_path: Path, case: str
) -> None:
    path, out = write_partnership(), tmp_path / "out"
    assert build_mou(path, out).exit_code == 0
    manifest = out / "pathways" / "manifest.json"
    victim = out / "victim.docx"  # what a name such as '../victim' would reach
    victim.write_bytes(b"keep me")
    text = STRUCTURALLY_WRONG[case]
    if text is not None:
        manifest.write_text(text, encoding="utf-8")
    elif case == "status-unknown":
        rewrite(manifest, lambda content: content["documents"][0].update(status="approved"))
    else:
        rewrite(manifest, lambda content: content["documents"][0].update(name="../victim", path="../victim.docx"))
    result = build_mou(path, out)
    assert result.exit_code == 0, result.output
    assert f"{manifest}: ignored: not a manifest partnerdocs wrote" in result.output
    assert "the partnership's documents are rendered again and the manifest rewritten" in result.output
    assert "1 document built" in result.output
    assert read_manifest(manifest)["documents"][0]["name"] == "mou"
    assert victim.read_bytes() == b"keep me"


def test_the_manifest_checks_document_names_as_the_schema_does() -> None:
    from schemas.signoff import DOCUMENT_NAME as SCHEMA_DOCUMENT_NAME

    assert f"^{DOCUMENT_NAME.pattern}$" == SCHEMA_DOCUMENT_NAME
