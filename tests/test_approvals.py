"""Approvals are never lost, and never count for fewer signatures than they were given alongside."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from conftest import minimal_data
from pipeline.approve import approve
from pipeline.cli import main

runner = CliRunner()


def _approve_when_both_are_ready(path: Path, member: str, barrier: Any) -> None:
    barrier.wait()
    approve(path, "mou", member, "2026-03-01")


def recorded(path: Path) -> list[dict[str, Any]]:
    """The approvals recorded for a partnership file: those it lists, then its approval files in name order."""
    approvals: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8")).get("approvals", [])
    files = sorted(path.with_suffix(".approvals").glob("*.yaml"))
    return approvals + [yaml.safe_load(file.read_text(encoding="utf-8")) for file in files]


def status_line(path: Path, document: str) -> str:
    result = runner.invoke(main, ["status", str(path)])
    assert result.exit_code == 0, result.output
    return next(line for line in result.output.splitlines() if line.startswith(f"{path.stem}/{document}: "))


def edit(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_two_approvals_recorded_at_the_same_time_both_land(write_partnership: Callable[..., Path]) -> None:
    context = multiprocessing.get_context("fork")
    for _ in range(4):  # without the lock, both read the file before either wrote it: one approval was lost
        path = write_partnership()
        barrier = context.Barrier(2)
        processes = [
            context.Process(target=_approve_when_both_are_ready, args=(path, member, barrier))
            for member in ("harbor-hope", "omalley")
        ]
        for process in processes:
            process.start()
        for process in processes:
            process.join(60)
        assert [process.exitcode for process in processes] == [0, 0]
        assert sorted(a["by"] for a in recorded(path)) == ["harbor-hope", "omalley"]
        assert status_line(path, "mou") == "pathways/mou: FINAL"


def test_approve_records_whom_the_approval_was_given_alongside(write_partnership: Callable[..., Path]) -> None:
    path = write_partnership()
    recorded_as = approve(path, "mou", "harbor-hope", "2026-03-01").path
    assert "approvers: [harbor-hope, omalley]\n" in recorded_as.read_text(encoding="utf-8")


def test_a_signatory_title_given_per_language_is_recorded_as_the_language_of_records(
    write_partnership: Callable[..., Path],
) -> None:
    data = minimal_data()
    data["languages"] = ["en", "es"]
    data["members"][0]["signatory"]["title"] = {"en": "Executive Director", "es": "Directora Ejecutiva"}
    path = write_partnership(data)
    recorded_as = approve(path, "mou", "harbor-hope", "2026-03-01").path
    assert yaml.safe_load(recorded_as.read_text(encoding="utf-8"))["role"] == "Executive Director"


@pytest.mark.parametrize("legacy", [False, True], ids=["recorded", "recorded-before-approvers-were"])
def test_an_override_that_drops_an_approver_does_not_make_the_mou_final(
    write_partnership: Callable[..., Path], legacy: bool
) -> None:
    path = write_partnership()
    file = approve(path, "mou", "harbor-hope", "2026-03-01").path
    if legacy:  # as partnerdocs recorded approvals before it wrote down the approvers, in the partnership file
        approval = yaml.safe_load(file.read_text(encoding="utf-8"))
        approval.pop("approvers")
        file.unlink()
        edit(path, lambda data: data.update(approvals=[approval]))
    edit(path, lambda data: data.update(approvers=[{"document": "mou", "members": ["harbor-hope"]}]))
    assert status_line(path, "mou") == (
        "pathways/mou: DRAFT (still to approve: Harbor & Hope; the approvers changed since Harbor & Hope approved "
        "on 2026-03-01 (then: Harbor & Hope, O'Malley Staffing Solutions, LLC; now: Harbor & Hope), so Harbor & "
        "Hope must approve again)"
    )
    again = approve(path, "mou", "harbor-hope", "2026-03-05")
    assert not again.already and again.still_missing == ()
    assert recorded(path)[-1]["approvers"] == ["harbor-hope"]
    assert status_line(path, "mou") == "pathways/mou: FINAL"


def test_an_added_approver_must_approve_too_and_the_others_need_not_again(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership()
    approve(path, "governance-charter", "harbor-hope", "2026-03-01")
    assert status_line(path, "governance-charter") == "pathways/governance-charter: FINAL"
    members = ["harbor-hope", "omalley"]
    edit(path, lambda data: data.update(approvers=[{"document": "governance-charter", "members": members}]))
    assert status_line(path, "governance-charter") == (
        "pathways/governance-charter: DRAFT (still to approve: O'Malley Staffing Solutions, LLC; the approvers "
        "changed since Harbor & Hope approved; O'Malley Staffing Solutions, LLC must now approve too)"
    )
    approve(path, "governance-charter", "omalley", "2026-03-02")
    assert status_line(path, "governance-charter") == "pathways/governance-charter: FINAL"
    built = runner.invoke(main, ["build", str(path), "--kind", "governance-charter", "--out", str(tmp_path / "out")])
    assert built.exit_code == 0 and "[final]" in built.output, built.output


def test_an_approval_must_list_its_approver_among_its_approvers(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["approvals"] = [
        {
            "document": "mou",
            "by": "omalley",
            "date": "2026-03-01",
            "fingerprint": "a" * 64,
            "approvers": ["harbor-hope"],
        }
    ]
    result = runner.invoke(main, ["validate", str(write_partnership(data))])
    assert result.exit_code == 1
    assert "approvals[0].approvers: 'omalley' approved mou but is not among the approvers listed here" in result.output
