"""Sign-off: drafts by default, final after every approval, draft again after any change; release and verify."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, make_template, minimal_data
from pipeline.approve import approve
from pipeline.build import build
from pipeline.cli import main
from pipeline.errors import PartnerdocsError
from pipeline.manifest import read_manifest

runner = CliRunner()
APPROVERS = ["harbor-hope", "omalley"]


def approve_all(path: Path, document: str = "mou") -> None:
    for member in APPROVERS:
        approve(path, document, member, "2026-03-01")


def mou_status(out: Path) -> tuple[str, str]:
    document = docx.Document(str(out / "pathways" / "mou.docx"))
    return document.core_properties.content_status, (out / "pathways" / "mou.txt").read_text(encoding="utf-8")


def test_documents_are_drafts_by_default(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    build([write_partnership()], tmp_path / "out", ["mou"])
    status, text = mou_status(tmp_path / "out")
    assert status == "Draft"
    assert text.startswith("[header] DRAFT – not for signature\n")
    assert "Draft – not for signature. This version (content fingerprint " in text
    assert "still needs approval from Harbor & Hope, O'Malley Staffing Solutions, LLC." in text


def test_final_after_every_required_approval(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    approve(path, "mou", "harbor-hope", "2026-03-01")
    build([path], tmp_path / "half", ["mou"])
    assert mou_status(tmp_path / "half")[0] == "Draft"
    approve(path, "mou", "omalley", "2026-03-02")
    build([path], tmp_path / "out", ["mou"])
    status, text = mou_status(tmp_path / "out")
    assert status == "Final"
    assert "DRAFT" not in text and "Draft" not in text


def test_any_data_change_makes_it_a_draft_again(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    approve_all(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["mission"] = "Open safe and dignified pathways to paid work."
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(main, ["build", str(path), "--kind", "mou", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert mou_status(tmp_path / "out")[0] == "Draft"
    assert "  draft again: still to approve: Harbor & Hope, O'Malley Staffing Solutions, LLC; out of date: " in (
        result.output
    )
    assert "Harbor & Hope approved an earlier version on 2026-03-01 (fingerprint " in result.output


def test_a_template_change_makes_it_a_draft_again(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    approve_all(path)
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    build([path], tmp_path / "before", ["mou"], templates_dir=templates)
    assert mou_status(tmp_path / "before")[0] == "Final"
    template = docx.Document(str(templates / "mou.docx"))
    template.add_paragraph("One more sentence that signatories have not read.")
    template.save(str(templates / "mou.docx"))
    build([path], tmp_path / "after", ["mou"], templates_dir=templates)
    assert mou_status(tmp_path / "after")[0] == "Draft"


def test_all_final_is_refused_with_the_list_of_what_is_missing(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    approve(path, "mou", "harbor-hope", "2026-03-01")
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(path), "--release", "--all-final", "--out", str(out)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{path}: approvals (mou): mou is not final: still to approve: O'Malley Staffing Solutions, LLC" in lines
    assert (
        f"{path}: approvals (governance-charter): governance-charter is not final: still to approve: Harbor & Hope"
        in (lines)
    )
    assert lines[-1].endswith("nothing was written, earlier documents are unchanged.")
    assert not out.exists()


def test_a_release_writes_drafts_too_and_says_what_each_waits_for(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    approve(path, "mou", "harbor-hope", "2026-03-01")
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(path), "--release", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / 'pathways' / 'mou.docx'} (+ mou.txt) [DRAFT]" in result.output
    assert "  waits for: still to approve: O'Malley Staffing Solutions, LLC" in result.output
    manifest = json.loads((out / "pathways" / "manifest.json").read_text(encoding="utf-8"))
    assert {d["name"]: d["status"] for d in manifest["documents"]}["mou"] == "draft"


def test_release_builds_final_documents(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    approve_all(path)
    result = runner.invoke(main, ["build", str(path), "--release", "--kind", "mou", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "[final]" in result.output


def test_manifest_lists_every_document(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    approve_all(path)
    build([path], tmp_path / "out")
    manifest = read_manifest(tmp_path / "out" / "pathways" / "manifest.json")
    assert manifest["source"]["file"] == "pathways.yaml"
    assert manifest["source"]["commit"] is None
    entries = {d["name"]: d for d in manifest["documents"]}
    assert set(entries) == {"mou", "governance-charter", "emergency-response-guide", "onboarding-packet"}
    mou = entries["mou"]
    assert mou["status"] == "final"
    assert mou["required_approvers"] == APPROVERS
    assert [a["by"] for a in mou["approvals"]] == APPROVERS
    assert len(mou["sha256"]) == len(mou["fingerprint"]) == len(mou["template_sha256"]) == 64
    assert entries["governance-charter"]["missing_approvals"] == ["harbor-hope"]


def test_verify_passes_for_built_files_and_fails_for_a_tampered_one(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    build([path], tmp_path / "out", ["mou"])
    document = tmp_path / "out" / "pathways" / "mou.docx"
    verify = ["verify", str(document), "--partnerships", str(path.parent)]
    result = runner.invoke(main, verify)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{document}: matches mou.docx as {path} and ")
    assert "(DRAFT, fingerprint " in result.output
    edited = docx.Document(str(document))
    edited.paragraphs[3].text = "The Parties agree to something else."
    edited.save(str(document))
    result = runner.invoke(main, verify)
    assert result.exit_code == 1
    assert "it was edited after partnerdocs built it" in result.output


def test_approve_writes_one_approval_file_and_leaves_the_partnership_file_as_it_was(tmp_path: Path) -> None:
    source = ROOT / "partnerships" / "harbor-hope-omalley.yaml"
    path = tmp_path / source.name
    shutil.copy(source, path)
    before = path.read_bytes()
    result = approve(path, "letter-of-intent-omalley", "omalley", "2026-03-01")
    assert path.read_bytes() == before
    assert result.path == tmp_path / "harbor-hope-omalley.approvals" / (
        f"letter-of-intent-omalley.omalley.2026-03-01.{result.fingerprint[:12]}.yaml"
    )
    assert [p.name for p in result.path.parent.iterdir()] == [result.path.name]
    assert result.path.read_text(encoding="utf-8") == (
        "# One approval, recorded by 'partnerdocs approve' (README, \"Signing off and publishing\").\n"
        "# Commit this file as it is. Deleting it withdraws the approval.\n"
        "document: letter-of-intent-omalley\n"
        "by: omalley\n"
        "role: President & CEO\n"
        "date: 2026-03-01\n"
        f"fingerprint: {result.fingerprint}\n"
        "approvers: [omalley]\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["mou", "--by", "nobody"], "'nobody' is not the id of any organization under 'members'"),
        (["letter-of-intent-omalley", "--by", "harbor-hope"], "'harbor-hope' is not among those who must approve"),
        (["mou", "--by", "omalley", "--fingerprint", "0123456789ab"], "the fingerprint 0123456789ab matches no"),
        (["mou", "--by", "omalley", "--date", "2026-02-30"], "'2026-02-30' is not a valid date"),
        (["memo", "--by", "omalley"], "there is no document named 'memo'"),
    ],
)
def test_bad_approvals_are_refused_and_leave_the_yaml_untouched(
    tmp_path: Path, arguments: list[str], message: str
) -> None:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    path = folder / "harbor-hope-omalley.yaml"
    shutil.copy(ROOT / "partnerships" / path.name, path)
    before = path.read_bytes()
    result = runner.invoke(main, ["approve", "harbor-hope-omalley", *arguments, "--partnerships", str(folder)])
    assert result.exit_code == 1
    assert message in result.output
    assert "nothing was changed" in result.output
    assert path.read_bytes() == before
    assert not (folder / "harbor-hope-omalley.approvals").exists()


def test_approval_in_yaml_by_someone_not_required_points_at_its_line(
    write_partnership: Callable[..., Path],
) -> None:
    data = minimal_data()
    data["approvals"] = [
        {"document": "governance-charter", "by": "omalley", "date": "2026-03-01", "fingerprint": "a" * 64}
    ]
    result = runner.invoke(main, ["validate", str(write_partnership(data))])
    assert result.exit_code == 1
    assert (
        ":7:7: approvals[0].by: 'omalley' is not among those who must approve governance-charter (harbor-hope)"
        in result.output
    )


def test_approving_twice_is_harmless(write_partnership: Callable[..., Path]) -> None:
    path = write_partnership()
    first = approve(path, "mou", "omalley", "2026-03-01")
    before = path.read_bytes()
    second = approve(path, "mou", "omalley", "2026-03-05")
    assert second.already and not first.already
    assert path.read_bytes() == before
    assert second.path == first.path  # where the approval that counts is recorded
    assert list(path.with_suffix(".approvals").iterdir()) == [first.path]


def test_revision_history_is_written_in_the_partnerships_own_words(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data()
    data["revision_history"] = [
        {"date": "2026-01-10", "summary": "First version agreed by both organizations."},
        {"date": "2026-03-02", "summary": "Area served widened to Elm.", "documents": ["mou"]},
        {"date": "2026-03-05", "summary": "Charter wording only.", "documents": ["governance-charter"]},
    ]
    path = write_partnership(data)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "add", ".")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "(emergency.alternate_meeting)")
    build([path], tmp_path / "out", ["mou"])
    text = (tmp_path / "out" / "pathways" / "mou.txt").read_text(encoding="utf-8")
    history = text[text.index("## Revision history") :].strip().splitlines()
    assert history[1:] == [
        "| Date | Change |",
        "| January 10, 2026 | First version agreed by both organizations. |",
        "| March 2, 2026 | Area served widened to Elm. |",
    ]
    assert "emergency.alternate_meeting" not in text  # commit messages are for the file's editors, not readers
    table = docx.Document(str(tmp_path / "out" / "pathways" / "mou.docx")).tables[-1]
    assert table.style is not None and table.style.name == "Roster Table"  # the template's own table style


def test_letters_agreements_and_plans_never_print_a_revision_history(examples_copy: Path, tmp_path: Path) -> None:
    """The partnership's notes are about its shared documents, not a member's letter, contract or own plan."""
    path = examples_copy / "riverbend-task-force.yaml"
    with path.open("a", encoding="utf-8") as file:
        file.write("revision_history:\n  - {date: 2026-11-01, summary: Contacts updated.}\n")
    build([path], tmp_path / "out", ["letter-of-intent", "mou", "subgrant-agreement", "partnership-plan"])
    folder = tmp_path / "out" / "riverbend-task-force"
    assert "Revision history" in (folder / "mou.txt").read_text(encoding="utf-8")
    others = sorted(folder.glob("letter-of-intent-*.txt"))
    others += sorted(folder.glob("subgrant-agreement-*.txt")) + sorted(folder.glob("partnership-plan-*.txt"))
    assert len(others) >= 13 + 3 + 1
    assert all("Revision history" not in other.read_text(encoding="utf-8") for other in others)


def test_no_revision_history_unless_the_partnership_writes_one(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    build([write_partnership()], tmp_path / "out", ["mou"])
    assert "Revision history" not in (tmp_path / "out" / "pathways" / "mou.txt").read_text(encoding="utf-8")


def test_approval_survives_revision_history(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    """Recording an approval is a commit too; it must not make the approved document stale."""
    path = write_partnership()
    env = ["-c", "user.name=T", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "-C", str(tmp_path), "init", "-q"], check=True)
    subprocess.run(["git", "-C", str(tmp_path), *env, "add", "."], check=True)
    subprocess.run(["git", "-C", str(tmp_path), *env, "commit", "-q", "-m", "Add"], check=True)
    approve_all(path)
    subprocess.run(["git", "-C", str(tmp_path), *env, "add", "."], check=True)
    subprocess.run(["git", "-C", str(tmp_path), *env, "commit", "-q", "-m", "Approve the MOU"], check=True)
    build([path], tmp_path / "out", ["mou"])
    assert mou_status(tmp_path / "out")[0] == "Final"


def test_template_without_a_title_still_gets_a_visible_draft_line(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    make_template(templates / "mou.docx", ["First paragraph", "{{ partnership_name }}"], header="{{ document_title }}")
    with pytest.raises(PartnerdocsError):
        build([write_partnership()], tmp_path / "bad", ["mou"], templates_dir=tmp_path / "missing")
    build([write_partnership()], tmp_path / "out", ["mou"], templates_dir=templates)
    text = (tmp_path / "out" / "pathways" / "mou.txt").read_text(encoding="utf-8")
    assert text.splitlines()[:2] == ["[header] DRAFT – not for signature", "[header] Memorandum of Understanding"]
    assert text.splitlines()[3].startswith("Draft – not for signature.")


def test_release_explains_unchanged_drafts_as_it_does_new_ones(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    out = tmp_path / "out"
    strict = ["build", str(path), "--all-final", "--kind", "mou", "--out", str(out)]
    first = runner.invoke(main, strict)
    build([path], out, ["mou"])  # the drafts now exist and are unchanged
    second = runner.invoke(main, strict)
    assert first.exit_code == second.exit_code == 1
    expected = f"{path}: approvals (mou): mou is not final: still to approve: Harbor & Hope, O'Malley Staffing"
    assert expected in first.output
    assert expected in second.output
