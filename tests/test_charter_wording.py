"""The governance charter says what each member may truly promise (issue 11, items 1, 4 and 9).

Confidentiality chosen by legal position, survivor pay only where the file sets it, one legal frame
shared with the MOU and the letters, no vote wording where the method counts no votes, and the
evaluation items of the partnership toolkit. Each test builds a real file in tmp_path and reads the
charter's text rendition, as a reviewer would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from test_legal_positions import police

from conftest import minimal_data
from pipeline.build import build
from pipeline.contexts.confidentiality import BENEFITS, COMPELLED, IMMIGRATION_STATUS
from pipeline.contexts.texts import membership_class_meaning
from pipeline.load import load_file
from pipeline.validate import validate_document
from schemas.vocabulary import MembershipClass

OLD_ABSOLUTE = (
    "No member shares a survivor’s personally identifying information without the survivor’s informed, written "
    "and reasonably time-limited consent"
)


def charter(write: Callable[..., Path], data: dict[str, Any], out: Path, kind: str = "governance-charter") -> str:
    build([write(data)], out, [kind])
    return (out / "pathways" / f"{kind}.txt").read_text(encoding="utf-8")


def with_police() -> dict[str, Any]:
    data = minimal_data()
    data["members"].append(police())
    return data


# --- 1. Confidentiality by legal position ---------------------------------------------------------


def test_a_police_member_is_not_made_to_promise_consent_only_sharing(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    text = charter(write_partnership, with_police(), tmp_path / "out")
    assert OLD_ABSOLUTE not in text
    assert "or where a law, a court order or a mandated report requires it, as set out below for each member" in text
    assert COMPELLED in text
    assert "Law enforcement (Port Alder PD). These members cannot promise that what a survivor tells them" in text
    assert "Victim-service providers bound by VAWA or VOCA confidentiality (Harbor & Hope)." in text
    assert "Public bodies (Port Alder PD)." in text
    # A government member touches immigration status and the benefits law enforcement decides.
    assert IMMIGRATION_STATUS in text
    assert BENEFITS in text


def test_a_pair_without_government_members_gets_no_immigration_wording(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    text = charter(write_partnership, minimal_data(), tmp_path / "out")
    assert "Other members (O'Malley Staffing Solutions, LLC)." in text
    assert IMMIGRATION_STATUS not in text
    assert BENEFITS not in text


# --- 2. Survivor pay only where the file sets it --------------------------------------------------


def test_no_promise_of_pay_without_compensation(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    text = charter(write_partnership, minimal_data(), tmp_path / "out")
    assert "are paid for it" not in text
    assert "paid for their time" not in text
    assert (
        "Pay. The members have not yet agreed how survivors who give their time and expertise to the Partnership’s "
        "work, beyond receiving services, are paid. Until they have, no survivor is asked to do such work."
    ) in text
    assert "decides what to share and gives written consent first." in text


def test_pay_is_stated_where_compensation_is_set(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    data["survivor_engagement"] = {
        "approach": "Survivors advise the partnership.",
        "compensation": "Survivor consultants are paid $60 an hour by Harbor & Hope.",
    }
    text = charter(write_partnership, data, tmp_path / "out")
    assert "Pay. Survivor consultants are paid $60 an hour by Harbor & Hope." in text
    assert "gives written consent first and is paid for their time." in text
    assert "have not yet agreed how survivors" not in text


# --- 3. One legal frame, and votes only where the method votes ---------------------------------------


def test_a_non_binding_mou_frames_the_charter_as_no_contract(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    text = charter(write_partnership, minimal_data(), tmp_path / "out")
    assert "which records them as shared commitments that the members intend to honor, not as a contract" in text
    assert "it binds no member to pay or do anything beyond what that member agreed to in the MOU" in text
    assert "Where the charter and the MOU differ about the members’ commitments, the MOU prevails." in text


def test_a_binding_mou_is_described_as_binding(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    data["agreement"]["binding"] = "binding"
    text = charter(write_partnership, data, tmp_path / "out")
    assert "which binds those who sign it" in text
    assert "not as a contract" not in text


def test_without_an_mou_the_charter_is_no_contract(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = minimal_data()
    del data["agreement"]
    text = charter(write_partnership, data, tmp_path / "out")
    assert "It records shared commitments that the members intend to honor, not a contract" in text


def test_class_meanings_speak_of_votes_only_where_the_method_votes() -> None:
    assert "casts one vote" in membership_class_meaning(MembershipClass.voting, votes=True)
    for member_class in MembershipClass:
        assert "vote" not in membership_class_meaning(member_class, votes=False)


def test_the_onboarding_packet_gives_no_votes_to_a_hierarchical_partnership(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = with_police()
    data["members"][2]["membership_class"] = "affiliate"
    text = charter(write_partnership, data, tmp_path / "out", kind="onboarding-packet")
    assert "Affiliate: " in text  # two classes, so the packet explains them
    assert "casts one vote" not in text
    assert "without a vote" not in text


# --- 4. Evaluation items of the partnership toolkit ---------------------------------------------------


def test_evaluation_items_print_and_the_missing_ones_are_named_once(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = minimal_data()
    data["goals"] = [{"name": "Jobs that last"}]
    data["evaluation"] = {
        "questions": [{"question": "Do placed workers keep their jobs?", "goal": "Jobs that last"}],
        "data_sources": ["the shared referral log"],
        "data_collection": [
            {
                "data": "Placements",
                "type": "quantitative",
                "method": "From the referral log.",
                "collected_by": "omalley",
            }
        ],
        "design": "basic",
        "outside_help": "None is needed for a basic design.",
        "logic_model": {"purpose": "Survivors in lasting paid work.", "inputs": ["Staff time"]},
    }
    text = charter(write_partnership, data, tmp_path / "out")
    assert "- Do placed workers keep their jobs? Goal: Jobs that last." in text
    assert "- the shared referral log." in text  # as typed: lower case stays lower case
    assert (
        "- Placements (quantitative data): From the referral log. O'Malley Staffing Solutions, LLC collects it."
    ) in text
    assert "Design. The evaluation has a basic design" in text
    assert "Outside help. None is needed for a basic design." in text
    assert "| Purpose or goal | Survivors in lasting paid work. |" in text
    assert text.count("Still to be decided.") == 1
    assert (
        "The members have not yet agreed how member staff take part in it; when data is collected and results "
        "reviewed; and how results are turned into action."
    ) in text


def test_a_question_tied_to_an_unknown_goal_is_an_error(write_partnership: Callable[..., Path]) -> None:
    data = minimal_data()
    data["goals"] = [{"name": "Jobs that last"}]
    data["evaluation"] = {"questions": [{"question": "Do workers stay?", "goal": "Jobs that lasts"}]}
    _, problems = validate_document(load_file(write_partnership(data)))
    messages = [str(p) for p in problems]
    assert any("evaluation.questions[0].goal" in m and "did you mean 'Jobs that last'" in m for m in messages)
