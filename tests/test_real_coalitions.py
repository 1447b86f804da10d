"""Coalitions as they are: role-only contacts, languages people prefer, regions, a citation counsel has not
confirmed yet, members who merged or have not signed their joinder, affiliates and seats."""

from __future__ import annotations

import copy
import datetime as dt
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
    result = CliRunner().invoke(main, ["build", "--all-final", "--out", str(tmp_path / "out"), str(path)])
    assert result.exit_code != 0
    assert "pending counsel review" in result.output


def test_a_placeholder_citation_points_to_the_pending_flag(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["mandatory_reporting"] = {"legal_reference": "Pending counsel review"}
    (finding,) = citation_findings(write_partnership(data))
    assert "legal_reference_pending: true" in finding.message


# --- Membership over time -----------------------------------------------------------------------------


def merged_with_pending_successor() -> dict[str, Any]:
    """Northside merged into Northside United on June 1, 2025; Northside United has not signed its joinder."""
    data = minimal_data()
    data["agreement"]["effective_date"] = dt.date(2025, 1, 1)
    base = copy.deepcopy(data["members"][0])
    northside = {
        **copy.deepcopy(base),
        "id": "northside",
        "legal_name": "Northside Family Center",
        "short_name": "Northside",
        "joined": dt.date(2024, 3, 1),
        "status": "merged",
        "merger": {"date": dt.date(2025, 6, 1), "successor": "northside-united", "note": "Services continue."},
    }
    successor = {
        **copy.deepcopy(base),
        "id": "northside-united",
        "legal_name": "Northside United Services",
        "short_name": "Northside United",
        "status": "pending",
        "signatory": {"name": "Pat Lindqvist", "title": "Director"},
    }
    prospect = {
        **base,
        "id": "eastside",
        "legal_name": "Eastside Outreach",
        "short_name": "Eastside",
        "status": "prospective",
    }
    data["members"] += [northside, successor, prospect]
    return data


def test_a_pending_successor_signs_nothing_and_is_not_counted(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build([write_partnership(merged_with_pending_successor())], out)
    texts = {path.stem: path.read_text(encoding="utf-8") for path in (out / "pathways").glob("*.txt")}
    mou = texts["mou"]
    # On the MOU's date Northside was a party and signs; its successor has signed nothing and is no party.
    signatures = mou.split("Signatures")[-1]
    assert "Northside Family Center" in signatures and "Northside United" not in signatures
    assert [line for line in mou.splitlines() if "Northside United" in line] == [
        "- June 1, 2025: Northside Family Center merged into Northside United Services, whose joinder is pending "
        "(it is not a party until it signs)."
    ]
    for kind, text in texts.items():
        assert "Eastside" not in text, kind  # prospective: in no document
        assert "Pat Lindqvist" not in text, kind
    charter = texts["governance-charter"]
    assert "Joinder pending" in charter
    assert "Successor to Northside Family Center after a merger" in charter
    assert "Merged on June 1, 2025" in charter
    packet = texts["onboarding-packet"]
    assert "Northside United Services" not in packet.split("Member directory")[-1].split("##")[0]


def test_a_merged_member_is_a_party_until_its_merger(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    from pipeline.dated import is_member_on
    from schemas import Partnership

    partnership = Partnership.model_validate(merged_with_pending_successor())
    northside = partnership.member("northside")
    assert is_member_on(northside, dt.date(2025, 5, 31))
    assert not is_member_on(northside, dt.date(2025, 6, 1))
    assert not is_member_on(partnership.member("northside-united"), dt.date(2026, 1, 1))
    assert [m.id for m in partnership.current_members] == ["harbor-hope", "omalley"]


def test_a_merger_needs_its_details(write_partnership: Callable[..., Path]) -> None:
    data = merged_with_pending_successor()
    del data["members"][2]["merger"]
    result = CliRunner().invoke(main, ["validate", str(write_partnership(data))])
    assert result.exit_code == 1
    assert "a merged member needs 'merger'" in result.output


# --- Affiliates and resource partners ---------------------------------------------------------------


def with_affiliate() -> dict[str, Any]:
    data = minimal_data()
    data["members"][0]["contacts"]["backup"]["visibility"] = {"phone": "members"}
    affiliate = copy.deepcopy(data["members"][1])
    affiliate.update(id="county", legal_name="Port Alder County Health Department", membership_class="affiliate")
    affiliate["contacts"] = {"primary": {"name": "Dana Cole", "title": "Epidemiologist", "email": "dcole@pac.example"}}
    data["members"].append(affiliate)
    return data


def test_affiliates_get_an_edition_without_the_member_directory(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build([write_partnership(with_affiliate())], out, ["onboarding-packet", "governance-charter"])
    full = (out / "pathways" / "onboarding-packet.txt").read_text(encoding="utf-8")
    edition = (out / "pathways" / "onboarding-packet-affiliates.txt").read_text(encoding="utf-8")
    assert "| Organization | What it offers | Primary contact | Backup contact |" in full
    assert "do not pass this one on to them" in full
    assert "# Onboarding Packet for Affiliates and Resource Partners" in edition
    assert "| Organization | What it offers" not in edition
    assert "It leaves out the member directory" in edition
    charter = (out / "pathways" / "governance-charter.txt").read_text(encoding="utf-8")
    assert "do not pass this charter on to them" in charter  # it holds the member lists and the roster
    for detail in ("Dana Cole", "dcole@pac.example", "(360) 555-0150"):  # directory rows, members-only phone
        assert detail in full
        assert detail not in edition


def test_without_affiliates_there_is_one_packet(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([write_partnership(minimal_data())], out, ["onboarding-packet", "governance-charter"])
    assert sorted(p.name for p in (out / "pathways").glob("*.docx")) == [
        "governance-charter.docx",
        "onboarding-packet.docx",
    ]
    assert "do not pass this" not in (out / "pathways" / "governance-charter.txt").read_text(encoding="utf-8")
    assert "do not pass this one on" not in (out / "pathways" / "onboarding-packet.txt").read_text(encoding="utf-8")


# --- Members listed with little detail ----------------------------------------------------------------


def with_light_member() -> dict[str, Any]:
    data = minimal_data()
    data["members"].append(
        {"id": "clinic", "legal_name": "Port Alder Free Clinic", "sector": "healthcare", "regions": ["Port Alder"]}
    )
    return data


def test_a_member_listed_with_little_detail_builds_with_blanks(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    path = write_partnership(with_light_member())
    build([path], out)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (out / "pathways").glob("*.txt")}
    signatures = texts["mou"].split("Signatures")[-1]
    assert "Port Alder Free Clinic / Signature: ______________________________ / Name: ____" in signatures
    assert "Port Alder Free Clinic" in texts["onboarding-packet"]
    assert "No contact on file yet" in texts["onboarding-packet"]
    assert "No contact on file yet: gap" in texts["emergency-response-guide"]
    (loaded,) = load_partnerships([path])
    found = {p.rule: p.severity for p in lint(loaded.source, loaded.partnership, release=True) if "Clinic" in p.message}
    # One warning for what is missing (not a second one for the backup); the missing signer blocks a release.
    assert found == {"member-details-missing": "warning", "signatory-missing": "error"}
