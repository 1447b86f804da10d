"""Every document speaks from its own date: an MOU lists the parties of the day it took effect, records later
joinders and withdrawals, and a restated MOU carries its history; a letter shows the facts of its own day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import minimal_data
from pipeline.build import build
from schemas import Partnership


def member(member_id: str, name: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": member_id,
        "legal_name": name,
        "organization_type": "nonprofit",
        "sector": "workforce",
        "contacts": {"primary": {"name": f"{name} Contact", "title": "Director"}},
        "signatory": {"name": f"{name} Signer", "title": "Executive Director"},
        **extra,
    }


def changing_partnership(**agreement: Any) -> dict[str, Any]:
    """Two founding members on January 1, 2026; one joins in March and one withdraws in September."""
    data = minimal_data()
    for founder in data["members"]:
        founder["joined"] = "2026-01-01"
    data["members"] += [
        member("late", "Late Joiner Works", joined="2026-03-10"),
        member(
            "leaver",
            "Early Leaver Services",
            joined="2026-01-01",
            status="withdrawn",
            withdrawal={"notice_date": "2026-07-01", "effective_date": "2026-09-30"},
        ),
    ]
    data["agreement"].update({"effective_date": "2026-01-01", **agreement})
    data["history"] = [
        {"date": "2026-01-01", "event": "Three organizations sign the MOU."},
        {"date": "2026-09-30", "event": "Early Leaver Services leaves."},
    ]
    return data


def mou_text(write: Callable[..., Path], tmp_path: Path, data: dict[str, Any]) -> str:
    build([write(data)], tmp_path / "out", ["mou"])
    return (tmp_path / "out" / "pathways" / "mou.txt").read_text(encoding="utf-8")


def parties(text: str) -> list[str]:
    section = text[text.index("## 1. Parties") : text.index("Together the Parties")]
    return [line[2:] for line in section.splitlines() if line.startswith("- ")]


def test_an_mou_lists_the_parties_of_its_effective_date(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    text = mou_text(write_partnership, tmp_path, changing_partnership())
    assert [p.split(" (")[0] for p in parties(text)] == [
        "Harbor & Hope Survivor Services, Inc.",
        "O'Malley Staffing Solutions, LLC",
        "Early Leaver Services",
    ]
    assert "Early Leaver Services leaves" not in text  # history after the MOU's date is not told in it
    assert "- March 10, 2026: Late Joiner Works joined by signing the joinder page." in text
    assert "- September 30, 2026: Early Leaver Services withdrew, having given written notice on July 1, 2026." in text
    assert (
        "- Late Joiner Works, on March 10, 2026, signed for it by Late Joiner Works Signer, Executive Director." in text
    )
    signatures = text[text.index("## 19. Signatures") : text.index("### Joinder page")]
    assert "Early Leaver Services" in signatures and "Late Joiner Works" not in signatures


def test_a_restated_mou_lists_todays_parties_and_its_history(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    text = mou_text(write_partnership, tmp_path, changing_partnership(restated="2026-10-01"))
    assert text.splitlines()[4] == "# Amended and Restated Memorandum of Understanding"
    assert [p.split(" (")[0] for p in parties(text)] == [
        "Harbor & Hope Survivor Services, Inc.",
        "O'Malley Staffing Solutions, LLC",
        "Late Joiner Works",
    ]
    assert "This amended and restated Memorandum takes effect on October 1, 2026." in text
    assert "It replaces the Memorandum that took effect on January 1, 2026" in text
    assert "Changes in the Parties since January 1, 2026:" in text
    assert "Early Leaver Services withdrew" in text


def test_a_pending_member_is_no_party(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    data["members"].append(member("successor", "Successor Services", status="pending"))
    text = mou_text(write_partnership, tmp_path, data)
    assert "Successor Services" not in text
    assert not Partnership.model_validate(data).member("successor").is_current


def test_restated_needs_an_earlier_effective_date() -> None:
    data = changing_partnership(restated="2025-12-01")
    with pytest.raises(ValueError, match="'restated' needs an effective_date before it"):
        Partnership.model_validate(data)


def test_a_letter_names_only_partners_who_were_members_on_its_date(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = changing_partnership()
    for founder in data["members"]:
        founder["mailing_address"] = ["1 Main Street", "Port Alder, WA 98362"]
    data["confidentiality"] = {"laws": [{"law": "vawa", "applies_to": ["harbor-hope"]}]}
    data["funding"] = {
        "grants": [
            {
                "program": "Pathways",
                "funder": "A Foundation",
                "applicant": "harbor-hope",
                "partners": ["omalley", "late"],
                "letter_of_intent": {
                    "date": "2026-02-01",
                    "addressee": "Thomas Nguyen, Director",
                    "writers": ["harbor-hope"],
                },
            }
        ]
    }
    build([write_partnership(data)], tmp_path / "out", ["letter-of-intent"])
    text = (tmp_path / "out" / "pathways" / "letter-of-intent-harbor-hope.txt").read_text(encoding="utf-8")
    assert "together with our partners in" in text and "O'Malley" in text
    assert "Late Joiner Works" not in text  # it joined on March 10, after the letter's date


def test_a_commitment_made_after_a_documents_date_is_not_in_it(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = changing_partnership()
    data["members"][1]["commitments"] = [
        {"description": "Hold two interview slots a month."},
        {"description": "Run a hotel-voucher protocol.", "agreed": "2026-10-01"},
    ]
    text = mou_text(write_partnership, tmp_path, data)
    assert "Hold two interview slots a month." in text
    assert "hotel-voucher" not in text  # the MOU took effect on January 1, 2026


def test_no_document_speaks_of_votes_where_the_partnership_never_votes(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data()  # hierarchical: the two primary contacts decide together
    data["agreement"]["effective_date"] = "2026-01-01"
    build([write_partnership(data)], tmp_path / "out")
    for text_file in sorted((tmp_path / "out" / "pathways").glob("*.txt")):
        assert " vot" not in text_file.read_text(encoding="utf-8").lower(), text_file.name
