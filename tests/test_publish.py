"""publish: the final documents an audience may read, checked against the manifest, and nothing else."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner

from pipeline.approve import approve
from pipeline.cli import main

runner = CliRunner()


def released(write_partnership: Callable[..., Path], tmp_path: Path) -> Path:
    """The minimal partnership with its MOU (members) and Emergency Guide (core team) approved, built for release."""
    path = write_partnership()
    for member in ("harbor-hope", "omalley"):
        approve(path, "mou", member, "2026-03-01")
    approve(path, "emergency-response-guide", "harbor-hope", "2026-03-01")  # the lead organization approves
    out = tmp_path / "out"
    result = runner.invoke(main, ["build", str(path), "--release", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def publish(out: Path, target: Path, audience: str) -> str:
    result = runner.invoke(main, ["publish", str(out), "--to", str(target), "--audience", audience])
    assert result.exit_code == 0, result.output
    return result.output


def test_members_get_the_final_documents_for_members_and_a_list_of_the_rest(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = released(write_partnership, tmp_path)
    output = publish(out, tmp_path / "members", "members")
    published = sorted(p.name for p in (tmp_path / "members" / "pathways").iterdir())
    assert published == ["manifest.json", "mou.docx"]
    assert (tmp_path / "members" / "pathways" / "mou.docx").read_bytes() == (out / "pathways" / "mou.docx").read_bytes()
    assert "draft, not published: pathways/governance-charter (waits for: still to approve: Harbor & Hope)" in output
    assert "not for members: pathways/emergency-response-guide (for core team only)" in output
    assert output.rstrip().endswith(
        "1 final document published for members; 2 drafts and 1 for narrower readers left out."
    )


def test_the_core_team_gets_its_guide_and_the_public_nothing_meant_for_members(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = released(write_partnership, tmp_path)
    publish(out, tmp_path / "core", "core_team")
    assert {p.name for p in (tmp_path / "core" / "pathways").iterdir()} == {
        "manifest.json",
        "mou.docx",
        "emergency-response-guide.docx",
    }
    output = publish(out, tmp_path / "public", "public")
    assert not (tmp_path / "public" / "pathways").exists()
    assert "not for public: pathways/mou (for members only)" in output


def test_a_document_changed_since_the_build_stops_publishing(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = released(write_partnership, tmp_path)
    (out / "pathways" / "mou.docx").write_bytes(b"not what the build wrote")
    result = runner.invoke(main, ["publish", str(out), "--to", str(tmp_path / "members")])
    assert result.exit_code == 1
    assert "mou.docx: is not the file the build recorded (changed since): run build --release again" in result.output
    assert not (tmp_path / "members").exists()


def test_publishing_again_leaves_nothing_of_an_earlier_publish(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = released(write_partnership, tmp_path)
    target = tmp_path / "members"
    publish(out, target, "members")
    (target / "pathways" / "old-final.docx").write_bytes(b"from last month")
    publish(out, target, "members")
    assert sorted(p.name for p in (target / "pathways").iterdir()) == ["manifest.json", "mou.docx"]


def test_the_manifest_records_whom_each_document_is_for(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    out = released(write_partnership, tmp_path)
    manifest = json.loads((out / "pathways" / "manifest.json").read_text(encoding="utf-8"))
    audiences = {d["name"]: d["audience"] for d in manifest["documents"]}
    assert audiences["mou"] == "members" and audiences["emergency-response-guide"] == "core_team"
    assert audiences["onboarding-packet"] == "members"


def test_a_folder_without_a_manifest_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "out" / "pathways").mkdir(parents=True)
    result = runner.invoke(main, ["publish", str(tmp_path / "out"), "--to", str(tmp_path / "pub")])
    assert result.exit_code == 1
    assert "no manifest partnerdocs wrote: run build --release" in result.output


def test_publishing_before_any_build_says_what_to_run(tmp_path: Path) -> None:
    result = runner.invoke(main, ["publish", str(tmp_path / "output"), "--to", str(tmp_path / "pub")])
    assert result.exit_code == 1
    assert "there are no built documents here: run 'partnerdocs build --release' first" in result.output
