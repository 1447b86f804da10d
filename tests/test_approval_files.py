"""Approvals as files: one file per approval, so approvals recorded on two branches merge without a conflict;
read with the same care as a partnership file, and together with the approvals a partnership file still lists."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from click.testing import CliRunner

from conftest import ROOT, minimal_data
from pipeline.approval_folder import MAX_APPROVAL_BYTES, approval_file_name
from pipeline.approve import approve
from pipeline.cli import main
from pipeline.manifest import read_manifest

runner = CliRunner()
FINGERPRINT = "4acd17d5bb4eaad833d678fe6ecd64bb6024bcbf7ff47e2165c7b187d4495ef6"
_GIT = ("-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false")


def git(repository: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "-C", str(repository), *_GIT, *arguments], capture_output=True, text=True, check=False, timeout=60
    )


def statuses(path: Path) -> dict[str, str]:
    """Each document's line of `partnerdocs status`, by document name."""
    result = runner.invoke(main, ["status", str(path)])
    assert result.exit_code == 0, result.output
    prefix = f"{path.stem}/"
    lines = [line for line in result.output.splitlines() if line.startswith(prefix)]
    return {line[len(prefix) :].split(":")[0]: line.split(": ", 1)[1] for line in lines}


def validate(*paths: Path) -> tuple[int, str]:
    result = runner.invoke(main, ["validate", *map(str, paths)])
    return result.exit_code, result.output


def approval_file(folder: Path, **fields: Any) -> Path:
    """An approval file written by hand, named as partnerdocs names it unless `name` is given."""
    approval = {"document": "mou", "by": "omalley", "date": "2026-03-01", "fingerprint": FINGERPRINT} | fields
    name = approval.pop("name", None) or approval_file_name(
        approval["document"], approval["by"], approval["date"], approval["fingerprint"]
    )
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(yaml.safe_dump(approval, sort_keys=False), encoding="utf-8")
    return path


# --- Two branches, one merge -------------------------------------------------------------------------------


def test_approvals_recorded_on_two_branches_merge_without_a_conflict(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    (tmp_path / ".gitignore").write_text("/output/\n", encoding="utf-8")
    assert git(tmp_path, "init", "-q", "-b", "main").returncode == 0
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "The partnership")
    first = git(tmp_path, "rev-parse", "HEAD").stdout.strip()
    out = tmp_path / "output"
    built = runner.invoke(main, ["build", str(path), "--out", str(out)])
    assert built.exit_code == 0 and "[final]" not in built.output, built.output

    # Two people approve at the same time, each on a branch of their own: one approves the MOU and the
    # charter, the other the MOU (the same document, by its other approver) and the emergency guide.
    git(tmp_path, "checkout", "-q", "-b", "harbor-hope-approves")
    approve(path, "mou", "harbor-hope", "2026-03-01")
    approve(path, "governance-charter", "harbor-hope", "2026-03-01")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Harbor & Hope approves")
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "checkout", "-q", "-b", "omalley-approves")
    approve(path, "mou", "omalley", "2026-03-02")
    approve(path, "emergency-response-guide", "harbor-hope", "2026-03-02")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "O'Malley approves")

    git(tmp_path, "checkout", "-q", "main")
    assert git(tmp_path, "merge", "-q", "harbor-hope-approves").returncode == 0
    merged = git(tmp_path, "merge", "-q", "--no-edit", "omalley-approves")
    assert merged.returncode == 0, merged.stdout + merged.stderr
    assert git(tmp_path, "status", "--porcelain").stdout == ""
    assert git(tmp_path, "diff", "--quiet", first, "HEAD", "--", str(path)).returncode == 0  # the YAML as it was
    files = git(tmp_path, "ls-files", "partnerships/pathways.approvals").stdout.split()
    assert [Path(f).name.split(".")[:3] for f in files] == [
        ["emergency-response-guide", "harbor-hope", "2026-03-02"],
        ["governance-charter", "harbor-hope", "2026-03-01"],
        ["mou", "harbor-hope", "2026-03-01"],
        ["mou", "omalley", "2026-03-02"],
    ]

    assert statuses(path) == {
        "mou": "FINAL",
        "governance-charter": "FINAL",
        "emergency-response-guide": "FINAL",
        "onboarding-packet": "DRAFT (still to approve: Harbor & Hope)",
    }
    # The next build makes the three final, though the partnership file did not change.
    rebuilt = runner.invoke(main, ["build", str(path), "--out", str(out)])
    assert rebuilt.exit_code == 0, rebuilt.output
    for name in ("mou", "governance-charter", "emergency-response-guide"):
        assert f"{name}.docx (+ {name}.txt) [final]" in rebuilt.output
        assert docx.Document(str(out / "pathways" / f"{name}.docx")).core_properties.content_status == "Final"
    manifest = read_manifest(out / "pathways" / "manifest.json")
    mou = next(d for d in manifest["documents"] if d["name"] == "mou")
    assert [a["by"] for a in mou["approvals"]] == ["harbor-hope", "omalley"]
    verified = runner.invoke(main, ["verify", str(out / "pathways" / "mou.docx"), "--partnerships", str(path.parent)])
    assert verified.exit_code == 0 and "(FINAL, fingerprint " in verified.output, verified.output

    # A release renders everything again: the three are final, the packet a draft that says what it waits for.
    release = runner.invoke(main, ["build", str(path), "--release", "--out", str(tmp_path / "release")])
    assert release.exit_code == 0, release.output
    assert release.output.count("[final]") == 3
    assert "onboarding-packet.txt) [DRAFT]\n  waits for: still to approve: Harbor & Hope\n" in release.output
    strict = runner.invoke(main, ["build", str(path), "--release", "--all-final", "--out", str(tmp_path / "strict")])
    assert strict.exit_code == 1
    assert f"{path}: approvals (onboarding-packet): onboarding-packet is not final: still to" in strict.output
    assert "approvals (mou)" not in strict.output
    kinds = ["--kind", "mou", "--kind", "governance-charter", "--kind", "emergency-response-guide"]
    final = runner.invoke(
        main, ["build", str(path), "--release", "--all-final", *kinds, "--out", str(tmp_path / "all")]
    )
    assert final.exit_code == 0, final.output
    assert final.output.count("[final]") == 3


def test_the_same_approval_recorded_on_two_branches_merges_and_counts_once(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "The partnership")
    for branch in ("one", "two"):
        git(tmp_path, "checkout", "-q", "-b", branch, "main")
        approve(path, "governance-charter", "harbor-hope", "2026-03-01")
        git(tmp_path, "add", "-A")
        git(tmp_path, "commit", "-q", "-m", f"Approved on {branch}")
    git(tmp_path, "checkout", "-q", "main")
    assert git(tmp_path, "merge", "-q", "one").returncode == 0
    assert git(tmp_path, "merge", "-q", "--no-edit", "two").returncode == 0
    assert len(list(path.with_suffix(".approvals").iterdir())) == 1
    assert statuses(path)["governance-charter"] == "FINAL"


# --- Names --------------------------------------------------------------------------------------------------


def test_an_approval_file_is_named_after_what_it_records() -> None:
    assert approval_file_name("mou", "omalley", "2026-03-01", FINGERPRINT) == "mou.omalley.2026-03-01.4acd17d5bb4e.yaml"
    names = {
        approval_file_name(*fields)
        for fields in [
            ("mou", "omalley", "2026-03-01", FINGERPRINT),
            ("mou-public-copy", "omalley", "2026-03-01", FINGERPRINT),
            ("mou", "harbor-hope", "2026-03-01", FINGERPRINT),
            ("mou", "omalley", "2026-03-02", FINGERPRINT),
            ("mou", "omalley", "2026-03-01", "0" + FINGERPRINT[1:]),
        ]
    }
    assert len(names) == 5  # any difference in what was approved, by whom, when or which version: another file


def test_a_file_whose_name_does_not_say_what_it_records_is_a_problem(write_partnership: Callable[..., Path]) -> None:
    path = write_partnership()
    wrong = approval_file(path.with_suffix(".approvals"), name="approval.yaml")
    code, output = validate(path)
    assert code == 1
    assert output.startswith(
        f"{wrong}:1:1: the file's name does not say what it records: rename it mou.omalley.2026-03-01.4acd17d5bb4e.yaml"
    )


# --- Validation: the same model, the same messages, the file's own lines ---------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "document: mou\nbye: omalley\ndate: 2026-03-01\nfingerprint: " + FINGERPRINT + "\n",
            [":1:1: by: this field is required but missing", ":2:6: bye: unknown field 'bye'; did you mean 'by'?"],
        ),
        (
            "document: mou\nby: omalley\ndate: 2026-02-30\nfingerprint: " + FINGERPRINT + "\n",
            [":3:7: date: '2026-02-30' is not a real date: February 2026 has 28 days; check the day"],
        ),
        (
            "document: mou\nby: omalley\ndate: 2026-03-01\nfingerprint: 4acd17\n",
            [":4:14: fingerprint: '4acd17' does not have the expected form"],
        ),
        (
            "document: mou\nby: omalley\ndate: 2026-03-01\nfingerprint: " + FINGERPRINT + "\napprovers: omalley\n",
            [":5:12: approvers: expected a list (lines starting with '- '), found the text 'omalley'"],
        ),
        ("document: [mou\n", [":2:1: YAML syntax error: did not find expected ',' or ']'"]),
        ("document: &a mou\nby: *a\n", [":1:11: anchors (&a) are not allowed; write each value out in full"]),
        (
            "document: mou\nby: omalley\nrole: !!python/name:os.system x\ndate: 2026-03-01\nfingerprint: "
            + FINGERPRINT,
            [":3:7: role: the tag '!!python/name:os.system' is not allowed; write plain values without tags"],
        ),
        ("# only a comment\n", [":1:1: the file holds no approval; remove it, or record the approval again"]),
        ("- mou\n", [":1:1: the top level must be a mapping of fields"]),
    ],
    ids=[
        "missing-and-unknown",
        "impossible-date",
        "fingerprint",
        "approvers-not-a-list",
        "syntax",
        "alias",
        "tag",
        "empty",
        "a-list",
    ],
)
def test_a_broken_approval_file_is_a_problem_at_its_line_and_field(
    write_partnership: Callable[..., Path], text: str, expected: list[str]
) -> None:
    path = write_partnership()
    folder = path.with_suffix(".approvals")
    folder.mkdir()
    broken = folder / "mou.omalley.2026-03-01.4acd17d5bb4e.yaml"
    broken.write_text(text, encoding="utf-8")
    code, output = validate(path)
    assert code == 1
    lines = [line for line in output.splitlines() if line.startswith(str(broken))]
    assert len(lines) == len(expected), output
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(f"{broken}{start}"), line


def test_an_approval_of_an_unknown_document_or_by_an_unknown_member_is_a_problem(
    write_partnership: Callable[..., Path],
) -> None:
    path = write_partnership()
    folder = path.with_suffix(".approvals")
    memo = approval_file(folder, document="memo")
    stranger = approval_file(folder, by="omaley")
    charter = approval_file(folder, document="governance-charter")
    code, output = validate(path)
    assert code == 1
    assert output.splitlines()[:3] == [
        f"{charter}:2:5: by: 'omalley' is not among those who must approve governance-charter (harbor-hope)",
        f"{memo}:1:11: document: no document is named 'memo'; the documents are: emergency-response-guide, "
        "governance-charter, mou, onboarding-packet",
        f"{stranger}:2:5: by: 'omaley' is not the id of any organization under 'members'; did you mean 'omalley'? "
        "(known ids: harbor-hope, omalley)",
    ]


def test_validating_an_approval_file_checks_its_partnership(write_partnership: Callable[..., Path]) -> None:
    """A pre-commit hook passes the files a commit changes: an approval alone is checked with its partnership."""
    path = write_partnership()
    recorded = approve(path, "mou", "omalley", "2026-03-01").path
    assert validate(recorded) == (0, "1 partnership file checked: no problems.\n")
    assert validate(recorded.parent, path) == (0, "1 partnership file checked: no problems.\n")
    recorded.write_text(recorded.read_text(encoding="utf-8").replace("by: omalley", "by: nobody"), encoding="utf-8")
    code, output = validate(recorded)
    assert code == 1 and output.startswith(f"{recorded}:4:5: by: 'nobody' is not the id of any organization")


def test_approving_again_on_the_same_day_after_the_approvers_changed_replaces_the_file(
    write_partnership: Callable[..., Path],
) -> None:
    path = write_partnership()
    first = approve(path, "mou", "harbor-hope", "2026-03-01").path
    data = minimal_data()
    data["approvers"] = [{"document": "mou", "members": ["harbor-hope"]}]
    write_partnership(data)
    assert statuses(path)["mou"].startswith("DRAFT (still to approve: Harbor & Hope; the approvers changed since")
    again = approve(path, "mou", "harbor-hope", "2026-03-01")
    assert not again.already and again.path == first
    assert "approvers: [harbor-hope]\n" in first.read_text(encoding="utf-8")
    assert statuses(path)["mou"] == "FINAL"


# --- The list in the partnership file, and files, together ---------------------------------------------------


def test_approvals_listed_in_the_partnership_file_and_in_files_count_together(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    approve(path, "mou", "omalley", "2026-03-01")
    (recorded,) = path.with_suffix(".approvals").iterdir()
    listed = yaml.safe_load(recorded.read_text(encoding="utf-8"))
    recorded.unlink()
    data = minimal_data()
    data["approvals"] = [listed]  # as partnerdocs recorded approvals before approval files
    write_partnership(data)
    assert statuses(path)["mou"] == "DRAFT (still to approve: Harbor & Hope)"
    approve(path, "mou", "harbor-hope", "2026-03-02")
    assert statuses(path)["mou"] == "FINAL"
    runner.invoke(main, ["build", str(path), "--kind", "mou", "--out", str(tmp_path / "out")])
    (mou,) = read_manifest(tmp_path / "out" / "pathways" / "manifest.json")["documents"]
    assert [(a["by"], a["date"]) for a in mou["approvals"]] == [
        ("omalley", "2026-03-01"),
        ("harbor-hope", "2026-03-02"),
    ]


def test_the_same_approval_twice_is_one(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()
    first = approve(path, "mou", "omalley", "2026-03-01").path
    # Once listed in the partnership file too, and once more on another day (merged from another branch).
    data = minimal_data()
    data["approvals"] = [yaml.safe_load(first.read_text(encoding="utf-8"))] * 2
    write_partnership(data)
    again = yaml.safe_load(first.read_text(encoding="utf-8")) | {"date": "2026-03-04"}
    approval_file(first.parent, **again)
    runner.invoke(main, ["build", str(path), "--kind", "mou", "--out", str(tmp_path / "out")])
    (mou,) = read_manifest(tmp_path / "out" / "pathways" / "manifest.json")["documents"]
    assert [(a["by"], a["date"]) for a in mou["approvals"]] == [("omalley", "2026-03-01")]
    assert mou["missing_approvals"] == ["harbor-hope"]


def test_move_approvals_writes_each_listed_approval_as_a_file_and_changes_no_status(tmp_path: Path) -> None:
    folder = tmp_path / "partnerships"
    folder.mkdir()
    path = folder / "harbor-hope-omalley.yaml"
    shutil.copy(ROOT / "partnerships" / path.name, path)
    original = path.read_text(encoding="utf-8")
    for document, member in [("mou", "omalley"), ("mou", "harbor-hope"), ("letter-of-intent-omalley", "omalley")]:
        approve(path, document, member, "2026-03-01")
    files = sorted(path.with_suffix(".approvals").iterdir())
    listed = [yaml.safe_load(file.read_text(encoding="utf-8")) for file in files]
    shutil.rmtree(path.with_suffix(".approvals"))
    listed[1].pop("approvers")  # recorded before partnerdocs wrote down the approvers
    path.write_text(original + yaml.safe_dump({"approvals": listed}, sort_keys=False), encoding="utf-8")
    before = statuses(path)
    assert before["mou"] == before["letter-of-intent-omalley"] == "FINAL"

    moved = runner.invoke(main, ["move-approvals", str(folder)])
    assert moved.exit_code == 0, moved.output
    assert moved.output == f"{path}: moved 3 approvals into {path.with_suffix('.approvals')}/.\n"
    assert path.read_text(encoding="utf-8") == original  # comments and layout kept
    assert sorted(path.with_suffix(".approvals").iterdir()) == files
    assert "approvers" not in files[1].read_text(encoding="utf-8")
    assert statuses(path) == before
    again = runner.invoke(main, ["move-approvals", str(path)])
    assert again.output == f"{path}: lists no approvals; nothing to move.\n"


# --- Only what is in the folder counts ----------------------------------------------------------------------


def test_a_linked_approval_file_or_folder_is_refused_not_followed(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    elsewhere = tmp_path / "elsewhere"
    outside = approval_file(elsewhere)
    folder = path.with_suffix(".approvals")
    folder.mkdir()
    (folder / outside.name).symlink_to(outside)
    code, output = validate(path)
    assert code == 1
    assert (
        f"{folder / outside.name}: this is a link to {outside}; partnerdocs reads approval files only as they are"
        in output
    )
    shutil.rmtree(folder)
    folder.symlink_to(elsewhere, target_is_directory=True)
    code, output = validate(path)
    assert code == 1
    assert f"{folder}: this is a link to {elsewhere}; approvals count only when they are in the folder itself" in output
    refused = runner.invoke(
        main, ["approve", "pathways", "mou", "--by", "harbor-hope", "--partnerships", str(path.parent)]
    )
    assert refused.exit_code == 1
    assert [p.name for p in elsewhere.iterdir()] == [outside.name]  # nothing written through the link


def test_only_regular_approval_files_within_the_limit_are_read(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    folder = path.with_suffix(".approvals")
    big = approval_file(folder, role="x" * MAX_APPROVAL_BYTES)
    (folder / "notes.txt").write_text("who approved what\n", encoding="utf-8")
    (folder / "folder.yaml").mkdir()
    os.mkfifo(folder / "pipe.yaml")
    (folder / ".gitkeep").touch()  # hidden files are no approvals, and no problem
    (folder / ".mou.omalley.yaml.k2j4.tmp").write_text("left by a killed write", encoding="utf-8")
    code, output = validate(path)
    assert code == 1
    assert output.splitlines() == [
        f"{folder / 'folder.yaml'}: this is a folder, not a regular file; partnerdocs reads approval files only from "
        "regular files",
        f"{big}:1:1: the file is {big.stat().st_size:,} bytes; approval files are limited to 32,768 bytes",
        f"{folder / 'notes.txt'}: only approval files belong in this folder (each written by 'partnerdocs approve', "
        "named <document>.<member>.<date>.<fingerprint>.yaml); move this elsewhere",
        f"{folder / 'pipe.yaml'}: this is a named pipe (FIFO), not a regular file; partnerdocs reads approval files "
        "only from regular files",
        "4 problems found.",
    ]


def test_approvals_left_behind_by_a_renamed_partnership_file_are_a_problem(
    write_partnership: Callable[..., Path],
) -> None:
    path = write_partnership()
    approve(path, "mou", "omalley", "2026-03-01")
    renamed = path.rename(path.with_name("pathways-2026.yaml"))
    code, output = validate(renamed.parent)
    assert code == 1
    assert output.startswith(
        f"{path.with_suffix('.approvals')}: these approvals belong to pathways.yaml, which is not here: when a "
        "partnership file is renamed, rename its approvals folder with it"
    )
    path.with_suffix(".approvals").rename(renamed.with_suffix(".approvals"))
    assert statuses(renamed)["mou"] == "DRAFT (still to approve: Harbor & Hope)"


# --- A new approval, a new build ------------------------------------------------------------------------------


def test_a_new_approval_file_makes_the_next_build_final_and_removing_it_a_draft_again(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    out = tmp_path / "out"
    arguments = ["build", str(path), "--kind", "governance-charter", "--out", str(out)]
    assert "[DRAFT]" in runner.invoke(main, arguments).output
    assert "0 documents built" in runner.invoke(main, arguments).output
    recorded = approve(path, "governance-charter", "harbor-hope", "2026-03-01").path
    assert "[final]" in runner.invoke(main, arguments).output
    assert "0 documents built" in runner.invoke(main, arguments).output
    recorded.unlink()  # the approval withdrawn
    assert "[DRAFT]" in runner.invoke(main, arguments).output


def test_the_committed_approval_schema_is_current(tmp_path: Path) -> None:
    from pipeline.approval_files import approval_schema
    from schemas import APPROVAL_SCHEMA_FILE

    assert APPROVAL_SCHEMA_FILE.read_text(encoding="utf-8") == approval_schema(), "run: make schema"


def test_approve_names_who_is_still_to_approve_and_what_still_holds_the_document_back(
    write_partnership: Callable[..., Path],
) -> None:
    """The member names as documents print them; a document approved by all but held by a lint rule says so."""
    runner = CliRunner()
    path = write_partnership()
    folder = ["--partnerships", str(path.parent)]
    first = runner.invoke(main, ["approve", path.stem, "mou", "--by", "harbor-hope", *folder])
    assert first.exit_code == 0, first.output
    assert "still to approve mou: O'Malley Staffing Solutions, LLC" in first.output
    data = minimal_data()
    data["funding"] = {
        "grants": [{"program": "OVC Services", "funder": "OVC", "applicant": "harbor-hope", "partners": ["omalley"]}],
        "subgrants": [{"from_member": "harbor-hope", "to_member": "omalley", "amount": "$10", "purpose": "Passes"}],
    }
    path = write_partnership(data, slug="funded")
    for member in ("harbor-hope", "omalley"):
        result = runner.invoke(main, ["approve", "funded", "subgrant-agreement-omalley", "--by", member, *folder])
        assert result.exit_code == 0, result.output
    assert "stays a draft until what lint finds is fixed: held back by lint rule subgrant-blank" in result.output
