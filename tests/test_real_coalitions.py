"""Coalitions as they are: role-only contacts, languages people prefer, regions, a citation counsel has not
confirmed yet, members who merged or have not signed their joinder, affiliates and seats."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from conftest import minimal_data
from pipeline.build import build
from pipeline.cli import main
from pipeline.lint import lint
from pipeline.partnerships import load_partnerships


def built(write: Callable[..., Path], data: dict[str, Any], out: Path, kind: str) -> str:
    build([write(data)], out, [kind])
    return (out / "pathways" / f"{kind}.txt").read_text(encoding="utf-8")


def role_only(data: dict[str, Any]) -> dict[str, Any]:
    """O'Malley names none of its people: its contact is a role and a role inbox."""
    data["members"][1]["contacts"] = {
        "primary": {"title": "Recruiting desk", "email": "recruiting@omalley.example", "phone": "(360) 555-0199"},
        "backup": {"title": "Branch office", "email": "recruiting@omalley.example"},
    }
    return data


# --- Contacts ---------------------------------------------------------------------------------------


def test_a_role_with_no_person_is_a_contact(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    guide = built(write_partnership, role_only(minimal_data()), tmp_path / "out", "emergency-response-guide")
    assert "Recruiting desk" in guide
    assert guide.count("recruiting@omalley.example") >= 2  # primary and backup may share one role inbox


def test_a_role_inbox_survives_a_hidden_name(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    data["members"][0]["contacts"]["primary"] = {
        "name": "Intake Team Lead Jo Hart",
        "title": "Intake Team",
        "email": "intake@harborhope.example",
        "visibility": {"name": "withheld"},
    }
    data["members"][0]["contacts"]["backup"] = {
        "name": "Ana Ruiz",
        "title": "Advocate",
        "email": "ana.ruiz@harborhope.example",
        "visibility": {"name": "withheld"},
    }
    packet = built(write_partnership, data, tmp_path / "out", "onboarding-packet")
    assert "intake@harborhope.example" in packet  # spells the role, not the person
    assert "Jo Hart" not in packet
    assert "ana.ruiz@harborhope.example" not in packet  # spells the hidden name


def test_a_preferred_language_prints_as_preferred(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    primary = data["members"][0]["contacts"]["primary"]
    primary["preferred_language"] = "Spanish"
    primary["languages"] = ["English"]
    data["members"][0]["contacts"]["backup"]["preferred_language"] = "Mixteco"
    data["members"][0]["regions"] = ["North Valley", "Coast"]
    packet = built(write_partnership, data, tmp_path / "out", "onboarding-packet")
    assert "Prefers Spanish; also English" in packet
    assert "Prefers Mixteco" in packet
    assert "Also works in Spanish" not in packet
    assert "Regions: North Valley; Coast" in packet


# --- A citation counsel has not confirmed ---------------------------------------------------------


def pending_citation() -> dict[str, Any]:
    data = minimal_data()
    data["mandatory_reporting"] = {"mandated_reporters": ["harbor-hope"], "legal_reference_pending": True}
    return data


def test_a_pending_citation_prints_a_blank(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    mou = built(write_partnership, pending_citation(), tmp_path / "out", "mou")
    assert "As identified by the Parties’ counsel: ______________________________ (citation pending counsel" in mou
    assert "Reporting law: confirm the state's mandated-reporting citation" in mou  # in the counsel review list


def citation_findings(path: Path, release: bool = False) -> list[Any]:
    (loaded,) = load_partnerships([path])
    return [p for p in lint(loaded.source, loaded.partnership, release=release) if "citation" in p.rule]


def test_a_pending_citation_is_listed_and_blocks_a_release(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(pending_citation())
    (warning,) = citation_findings(path)
    assert warning.severity == "warning" and warning.line > 1
    assert warning.path == "mandatory_reporting.legal_reference_pending"
    assert [p.severity for p in citation_findings(path, release=True)] == ["error"]
    result = CliRunner().invoke(main, ["build", "--release", "--out", str(tmp_path / "out"), str(path)])
    assert result.exit_code != 0
    assert "pending counsel review" in result.output


def test_a_placeholder_citation_points_to_the_pending_flag(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["mandatory_reporting"] = {"legal_reference": "Pending counsel review"}
    (finding,) = citation_findings(write_partnership(data))
    assert "legal_reference_pending: true" in finding.message
