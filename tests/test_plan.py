"""Partnership plans: the seven sections of the example plans, who approves a plan, who may read it, the build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from click.testing import CliRunner

from conftest import complete_plan, minimal_data
from pipeline.audience import Audience
from pipeline.cli import main
from pipeline.kinds import KINDS
from pipeline.partnerships import lint_all, load_partnerships
from pipeline.plans import plan_names
from pipeline.signoff import default_approvers
from schemas import Partnership

runner = CliRunner()
NAME = "partnership-plan-harbor-hope"
SECTIONS = [
    "## 1. Background",
    "## 2. Need and purpose",
    "## 3. Goals: potential partners",
    "## 4. Tactics",
    "## 5. Accountability",
    "## 6. Timeline",
    "## 7. Evaluation",
]


def with_plan(plan: dict[str, Any]) -> dict[str, Any]:
    data = minimal_data()
    data["plans"] = [plan]
    return data


def load(path: Path) -> Partnership:
    (loaded,) = load_partnerships([path])
    return loaded.partnership


def built_text(path: Path, out: Path, name: str = NAME) -> str:
    result = runner.invoke(main, ["build", str(path), "--kind", "partnership-plan", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return (out / path.stem / f"{name}.txt").read_text(encoding="utf-8")


def rules(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for finding in lint_all(load_partnerships([path])):
        found.setdefault(finding.rule or "", []).append(finding.message)
    return found


# --- The example plans ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bridgewell(built_examples: Path) -> str:
    return (built_examples / "riverbend-task-force" / "partnership-plan-bridgewell.txt").read_text(encoding="utf-8")


def test_examples_have_their_plans(built_examples: Path) -> None:
    assert (built_examples / "riverbend-task-force" / "partnership-plan-bridgewell.docx").is_file()
    assert (built_examples / "harbor-hope-omalley" / "partnership-plan-harbor-hope.docx").is_file()
    assert not list((built_examples / "westhaven-alliance").glob("partnership-plan-*"))


def test_the_seven_sections_in_the_worksheets_order(bridgewell: str) -> None:
    positions = [bridgewell.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)


def test_the_cover_says_whose_plan_it_is_and_that_it_is_no_agreement(bridgewell: str) -> None:
    cover = bridgewell.split("## 1. Background")[0]
    assert "An internal planning document of the Bridgewell Survivor Advocacy Center, for its own staff." in cover
    assert "It is not an agreement" in cover
    assert "Bridgewell is a member of the Riverbend County Anti-Trafficking Task Force." in cover
    assert "Plan date: November 16, 2026" in cover
    assert "[header] Partnership Plan: Bridgewell (internal)" in cover


def test_background(bridgewell: str) -> None:
    section = bridgewell.split("## 1. Background")[1].split("## 2.")[0]
    # No 'about' in the plan: the member's own description, never the partnership's words.
    assert "A nonprofit advocacy center that serves survivors of sexual assault" in section
    assert "- Our services never depend on a survivor taking part in a criminal case." in section
    assert "- Dignity\n" in section
    # Bridgewell's own values; the task force's are not printed as if they were Bridgewell's.
    assert "Survivor voice" not in section and "Cultural humility" not in section
    assert "- Formal referral agreements (MOUs) with housing providers." in section
    assert "| Partner | Type | Purpose |" in section
    assert "| Mercy's Door | Formal | Emergency shelter beds for adult women" in section
    assert "| Riverbend County Continuum of Care | Informal |" in section


def test_need_and_purpose(bridgewell: str) -> None:
    section = bridgewell.split("## 2. Need and purpose")[1].split("## 3.")[0]
    assert "### What partnering brings" in section and "### What every partner must have" in section
    assert "- Serves survivors whether or not they take part in a criminal case." in section


def test_goals_table_names_members_and_other_organizations(bridgewell: str) -> None:
    section = bridgewell.split("## 3. Goals: potential partners")[1].split("## 4.")[0]
    assert "| Potential partner | Type | Partnership sought | Desired outcome |" in section
    assert "| Lakeside Transitional Living | Formal |" in section  # not a member
    assert "| St. Agnes | Formal |" in section  # a member, by its id


def test_tactics_partner_by_partner_with_member_contacts(bridgewell: str) -> None:
    section = bridgewell.split("## 4. Tactics")[1].split("## 5.")[0]
    assert "### Good Shepherd Men's Center" in section
    assert "| Tactic | Measure | Responsible |" in section
    # The example leaves one measure out on purpose: a blank, never a guess.
    assert "observe a Case Coordination Team meeting. | ____________ | Director of Anti-Trafficking" in section
    assert "Contact at St. Agnes: Lisa Tran, RN, SANE-A, Nurse Manager, Forensic Nursing" in section
    assert "Contact at Lakeside" not in section  # not a member: the file holds no contact for it
    assert "Keeping the relationship up: A quarterly case review" in section


def test_accountability_with_the_organizations_own_promises(bridgewell: str) -> None:
    section = bridgewell.split("## 5. Accountability")[1].split("## 6.")[0]
    for heading in ("### Roles and responsibilities", "### Boundaries", "### Holding partners accountable"):
        assert heading in section
    assert "Bridgewell keeps to what it may promise survivors about their information" in section
    assert "- We share no personally identifying information about a survivor" in section


def test_timeline_sorted_by_date_with_status_as_of_the_plans_date(bridgewell: str) -> None:
    section = bridgewell.split("## 6. Timeline")[1].split("## 7.")[0]
    assert "each status is as of the plan’s date, November 16, 2026:" in section
    rows = [line for line in section.splitlines() if line.startswith("| ") and "| Task |" not in line]
    assert rows[0].endswith("| November 5, 2026 | Director of Anti-Trafficking Programs | Done |")
    assert rows[1].endswith("| November 10, 2026 | Senior Advocate | Past due |")
    assert rows[-1].endswith("| April 20, 2027 | Executive Director | To do |")


def test_evaluation(bridgewell: str) -> None:
    section = bridgewell.split("## 7. Evaluation")[1].split("## For counsel review")[0]
    assert "| Metric | How it is recorded |" in section
    assert "| Nights of housing through partners instead of hotel vouchers. | Counted each month" in section


def test_adopted_values_are_printed_as_the_partnerships(built_examples: Path) -> None:
    text = (built_examples / "harbor-hope-omalley" / "partnership-plan-harbor-hope.txt").read_text(encoding="utf-8")
    values = text.split("### Values")[1].split("### Goals")[0]
    assert values.splitlines()[1] == (
        "Harbor & Hope has adopted the values of the Harbor & Hope – O'Malley Pathways to Work Referral "
        "Partnership as its own:"
    )
    assert "- Survivor choice and consent come first" in values
    goals = text.split("### Goals")[1].split("###")[0]
    assert "adopted" not in goals  # its goals are its own


def test_the_timeline_keeps_dates_as_data_for_a_figure() -> None:
    from pipeline.contexts.partnership_plan import plan_context

    (loaded,) = load_partnerships([Path(__file__).parent.parent / "partnerships" / "riverbend-task-force.yaml"])
    partnership = loaded.partnership
    rows = plan_context(partnership, partnership.plans[0], Audience.members)["task_rows"]
    dates = [row.due_date for row in rows]
    assert all(isinstance(day, dt.date) for day in dates) and dates == sorted(dates)
    assert [row.past_due for row in rows][:2] == [False, True]


# --- Who approves it, who may read it ------------------------------------------------------------------------


def test_the_organization_alone_approves_its_plan(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership(with_plan(complete_plan()))
    partnership = load(path)
    assert plan_names(partnership) == [NAME]
    assert default_approvers(partnership, "partnership-plan", NAME) == ["harbor-hope"]
    assert [m.id for m in KINDS["partnership-plan"].binds(partnership, NAME)] == ["harbor-hope"]
    text = built_text(path, tmp_path / "out")
    assert "still needs approval from Harbor & Hope." in text
    refused = runner.invoke(main, ["approve", "pathways", NAME, "--by", "omalley", "--partnerships", str(path.parent)])
    assert refused.exit_code == 1
    assert "omalley" in refused.output and "harbor-hope" in refused.output, refused.output
    approved = runner.invoke(
        main, ["approve", "pathways", NAME, "--by", "harbor-hope", "--partnerships", str(path.parent)]
    )
    assert approved.exit_code == 0, approved.output
    assert "DRAFT" not in built_text(path, tmp_path / "again")


def test_contact_details_the_members_may_not_see_never_print(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    plan = complete_plan()
    plan["potential_partners"].append(
        {"member": "omalley", "type": "formal", "description": "An MOU.", "tactics": [{"action": "Meet."}]}
    )
    data = with_plan(plan)
    primary = data["members"][1]["contacts"]["primary"]
    primary.update(email="siobhan@omalley.example", phone="(360) 555-0199")
    primary["visibility"] = {"phone": "core_team", "email": "members"}
    own = data["members"][0]["contacts"]["primary"]
    own["visibility"] = {"email": "withheld"}
    text = built_text(write_partnership(data), tmp_path / "out")
    assert KINDS["partnership-plan"].audience is Audience.members
    assert "Contact at O'Malley Staffing Solutions, LLC: Siobhan O'Malley-Brandt, Branch Manager; " in text
    assert "siobhan@omalley.example" in text  # members may see it
    assert "(360) 555-0199" not in text  # the core team only
    assert "tnguyen@harborhope.example" not in text  # withheld
    assert "Harbor & Hope’s primary contact for the partnership: Thomas Nguyen, Director" in text


def test_hostile_values_in_a_plan_print_literally(built_hostile: Path) -> None:
    from conftest import HOSTILE_TEXT

    text = (built_hostile / "hostile-values" / NAME).with_suffix(".txt").read_text(encoding="utf-8")
    for value in HOSTILE_TEXT:
        assert value in text, value


def test_the_cli_builds_the_plan_with_its_title_and_language(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(with_plan(complete_plan()))
    built_text(path, tmp_path / "out")
    document = docx.Document(str(tmp_path / "out" / "pathways" / f"{NAME}.docx"))
    assert document.core_properties.title == "Partnership Plan: Harbor & Hope: Harbor & Hope – O'Malley Pathways"
    assert document.core_properties.language == "en-US"
    assert document.paragraphs[0].style is not None and document.paragraphs[0].style.name == "Title"


def test_no_plans_no_plan_documents(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(write_partnership()), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "out").rglob("partnership-plan*"))
