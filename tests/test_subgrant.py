"""Subgrant agreements: one per subgrant, the 2 CFR 200.332 award information, and blanks that block a release."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from conftest import minimal_data
from pipeline.approve import approve
from pipeline.cli import main
from pipeline.contexts.common import BLANK_LINE
from pipeline.partnerships import load_partnerships
from pipeline.signoff import default_approvers
from pipeline.subgrants import agreement_names
from schemas import Partnership

runner = CliRunner()
GRANT = {"program": "OVC Services", "funder": "OVC", "applicant": "harbor-hope", "partners": ["omalley"]}
SUBGRANT = {"from_member": "harbor-hope", "to_member": "omalley", "amount": "$10,000", "purpose": "Transit passes"}
COMPLETE = {
    "award_information": {
        "subrecipient_uei": "OMLY00000000",
        "fain": "15POVC-26-GG-00000-MUMU",
        "federal_award_date": "2026-01-15",
        "period_start": "2026-02-01",
        "period_end": "2027-01-31",
        "budget_period_start": "2026-02-01",
        "budget_period_end": "2027-01-31",
        "obligated_this_action": 10000,
        "total_obligated": 10000,
        "total_committed": 10000,
        "total_federal_award": 500000,
        "project_description": "Services for survivors of trafficking.",
        "awarding_agency": "Office for Victims of Crime",
        "pass_through_contact": "Ana Ruiz, Director",
        "assistance_listing_number": "16.320",
        "assistance_listing_title": "Services for Trafficking Victims",
        "research_and_development": False,
        "indirect_cost_rate": "None charged",
    },
    "terms": {
        "deliverables": ["Transit passes for 40 survivors."],
        "budget": [{"item": "Transit passes", "amount": 10000}],
        "payment_method": "reimbursement",
        "invoice_frequency": "monthly",
        "report_frequency": "quarterly",
    },
}


def with_subgrants(*subgrants: dict[str, Any]) -> dict[str, Any]:
    data = minimal_data()
    data["funding"] = {"grants": [GRANT], "subgrants": list(subgrants)}
    return data


def load(path: Path) -> Partnership:
    (loaded,) = load_partnerships([path])
    return loaded.partnership


def built_text(path: Path, out: Path, name: str = "subgrant-agreement-omalley") -> str:
    result = runner.invoke(main, ["build", str(path), "--kind", "subgrant-agreement", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return (out / path.stem / f"{name}.txt").read_text(encoding="utf-8")


def test_each_example_subgrant_has_its_agreement_with_the_award_information(built_examples: Path) -> None:
    folder = built_examples / "riverbend-task-force"
    names = sorted(p.stem for p in folder.glob("subgrant-agreement-*.docx") if not p.stem.endswith(".es"))
    assert names == [
        "subgrant-agreement-legal-aid",
        "subgrant-agreement-millbrook-pd",
        "subgrant-agreement-phoenix-rising",
    ]
    text = (folder / "subgrant-agreement-phoenix-rising.txt").read_text(encoding="utf-8")
    assert "| Federal Award Identification Number (FAIN) | 15POVC-25-GG-00000-MUMU |" in text
    assert "| Assistance Listing number | 16.320 |" in text
    assert "| Total | $90,000 |" in text
    # The example leaves the indirect cost rate out on purpose: a blank, never a guess.
    assert f"| Indirect cost rate | {BLANK_LINE} (to complete) |" in text
    assert "2 CFR 200.332 award information" in text  # the counsel-review line of the draft


def test_a_member_receiving_two_subgrants_gets_numbered_agreements(write_partnership: Callable[..., Path]) -> None:
    path = write_partnership(with_subgrants(SUBGRANT, dict(SUBGRANT, purpose="Bus fares")))
    assert agreement_names(load(path)) == ["subgrant-agreement-omalley-1", "subgrant-agreement-omalley-2"]


def test_the_two_parties_approve(write_partnership: Callable[..., Path]) -> None:
    partnership = load(write_partnership(with_subgrants(SUBGRANT)))
    assert default_approvers(partnership, "subgrant-agreement", "subgrant-agreement-omalley") == [
        "harbor-hope",
        "omalley",
    ]


def test_a_missing_value_prints_a_blank_and_blocks_a_release(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    incomplete = dict(SUBGRANT, **COMPLETE)
    incomplete["award_information"] = {k: v for k, v in COMPLETE["award_information"].items() if k != "fain"}
    path = write_partnership(with_subgrants(incomplete))
    text = built_text(path, tmp_path / "out")
    assert f"| Federal Award Identification Number (FAIN) | {BLANK_LINE} (to complete) |" in text
    assert "| Federal awarding agency | Office for Victims of Crime |" in text
    lint = runner.invoke(main, ["lint", str(path)])
    assert "warning[subgrant-blank]: subgrant-agreement-omalley prints blanks for: Federal Award" in lint.output
    for member in ("harbor-hope", "omalley"):  # both parties approve: the blank still holds it back
        approve(path, "subgrant-agreement-omalley", member, "2026-12-01")
    release = runner.invoke(main, ["build", str(path), "--release", "--out", str(tmp_path / "rel")])
    assert release.exit_code == 0, release.output
    assert "subgrant-agreement-omalley.docx (+ subgrant-agreement-omalley.txt) [DRAFT]" in release.output
    assert "held back by lint rule subgrant-blank" in release.output
    strict = runner.invoke(main, ["build", str(path), "--all-final", "--out", str(tmp_path / "strict")])
    assert strict.exit_code != 0
    assert "error[subgrant-blank]" in strict.output


def test_a_complete_subgrant_prints_no_blank(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership(with_subgrants(dict(SUBGRANT, **COMPLETE)))
    text = built_text(path, tmp_path / "out")
    assert BLANK_LINE not in text.split("## 14. Signatures")[0]
    assert "subgrant-blank" not in runner.invoke(main, ["lint", str(path)]).output


def test_non_federal_funds_leave_the_award_information_out(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(with_subgrants(dict(SUBGRANT, federal=False, terms=COMPLETE["terms"])))
    text = built_text(path, tmp_path / "out")
    assert "FAIN" not in text
    assert "are not federal award funds" in text
    assert "subgrant-blank" not in runner.invoke(main, ["lint", str(path)]).output


def test_foundation_money_cites_no_federal_grant_rule(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    foundation = {**SUBGRANT, "federal": False, "terms": copy.deepcopy(COMPLETE["terms"])}
    path = write_partnership(with_subgrants(foundation))
    result = runner.invoke(main, ["build", "--out", str(tmp_path / "out"), str(path)])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "out" / "pathways" / "subgrant-agreement-omalley.txt").read_text(encoding="utf-8")
    body = text.split("## 3.")[1].split("## For counsel review")[0]
    for federal in ("2 CFR", "Subpart F", "VAWA", "VOCA", "awarding agency"):
        assert federal not in body, federal
    assert "the funder’s grant agreement" in body


def test_with_several_grants_the_source_is_a_blank_not_a_guess(write_partnership: Callable[..., Path]) -> None:
    data = with_subgrants({**SUBGRANT, **copy.deepcopy(COMPLETE)})
    data["funding"]["grants"].append({**copy.deepcopy(GRANT), "program": "Foundation grant", "funder": "A foundation"})
    partnership = load(write_partnership(data))
    from pipeline.subgrants import blanks

    assert (("grant",), "the grant the funds come from") in blanks(partnership, partnership.funding.subgrants[0])


AWARD_LEVEL = {
    "fain": "federal_award.fain",
    "federal_award_date": "federal_award.award_date",
    "total_federal_award": "federal_award.total_amount",
    "project_description": "federal_award.project_description",
    "awarding_agency": "federal_award.awarding_agency",
    "assistance_listing_number": "federal_award.assistance_listing_number",
    "assistance_listing_title": "federal_award.assistance_listing_title",
    "research_and_development": "federal_award.research_and_development",
}


def test_the_federal_award_is_written_once_on_the_grant(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    """Facts of the federal award given on the grant fill every agreement made from it; a subgrant's own wins."""
    info = COMPLETE["award_information"]
    own = {k: v for k, v in info.items() if k not in AWARD_LEVEL}
    award = {path.split(".")[1]: info[key] for key, path in AWARD_LEVEL.items()}
    data = with_subgrants(
        dict(SUBGRANT, award_information=own, terms=COMPLETE["terms"]),
        dict(SUBGRANT, award_information=dict(own, fain="OWN-FAIN-0001"), terms=COMPLETE["terms"]),
    )
    data["funding"]["grants"][0]["federal_award"] = award
    path = write_partnership(data)
    first = built_text(path, tmp_path / "out", "subgrant-agreement-omalley-1")
    second = built_text(path, tmp_path / "out", "subgrant-agreement-omalley-2")
    for text in (first, second):
        assert BLANK_LINE not in text.split("## 14. Signatures")[0]
        assert "Office for Victims of Crime" in text and "16.320" in text and "$500,000" in text
    assert "15POVC-26-GG-00000-MUMU" in first and "15POVC-26-GG-00000-MUMU" not in second
    assert "OWN-FAIN-0001" in second
    assert "subgrant-blank" not in runner.invoke(main, ["lint", str(path)]).output
    del data["funding"]["grants"][0]["federal_award"]
    lint = runner.invoke(main, ["lint", str(write_partnership(data))]).output
    assert "Federal Award Identification Number (FAIN)" in lint and "the grant's federal_award" in lint
