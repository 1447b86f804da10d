"""Evaluation plans: one per partnership with an evaluation section, every toolkit step in its section, and a
labelled blank (which lint lists, and which does not block a release) for each step not decided yet."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from click.testing import CliRunner

from conftest import EXAMPLES, minimal_data
from pipeline.approve import approve
from pipeline.audience import Audience
from pipeline.cli import main
from pipeline.contexts.common import BLANK_LINE, CELL_BLANK
from pipeline.contexts.evaluation_plan import evaluation_plan_context
from pipeline.kinds import KINDS
from pipeline.partnerships import load_partnerships
from pipeline.signoff import default_approvers
from schemas import Partnership

runner = CliRunner()
KIND = "evaluation-plan"
SECTIONS = [
    "Purpose of the evaluation",
    "What the evaluation asks, and why",
    "Data that already exists",
    "Data the evaluation collects",
    "Evaluation design",
    "Outside help",
    "How member staff take part",
    "Timeframes",
    "From data to action",
    "Reporting results",
    "Measures",
    "Logic model",
]
OUTCOME = "Survivors in work that lasts"
COMPLETE: dict[str, Any] = {
    "evaluator": "harbor-hope",
    "purpose": "To learn whether referrals lead to work that lasts.",
    "questions": [
        {
            "question": "Do referred survivors get interviews?",
            "goal": "Steady referrals",
            "why": "It shows where referrals stall.",
        }
    ],
    "data_sources": ["The shared referral log"],
    "data_collection": [
        {
            "data": "Counts of referrals",
            "type": "quantitative",
            "method": "Taken from the shared log.",
            "collected_by": "harbor-hope",
        }
    ],
    "design": "basic",
    "design_note": "The partners compare each quarter with the one before.",
    "limitations": "Survivors who decline a referral are not heard from.",
    "outside_help": "None is needed for a basic design.",
    "involvement": "Both contacts read the counts together.",
    "timeframes": "Counts are reviewed each quarter.",
    "data_to_action": "Each review agrees one change to try.",
    "reporting": "Totals at each quarterly review.",
    "metrics": [{"name": "Placements", "target": "20 a year", "recorded_by": "omalley", "outcome": OUTCOME}],
    "logic_model": {
        "purpose": "Work that lasts for survivors who want it.",
        "inputs": ["Staff time"],
        "activities": ["Consented referrals"],
        "outputs": ["Referrals made"],
        "outcomes": [OUTCOME],
        "external_factors": ["The local job market"],
    },
}


def complete_evaluation() -> dict[str, Any]:
    """An evaluation section that gives every item of the plan (a fresh copy to change)."""
    return copy.deepcopy(COMPLETE)


def with_evaluation(evaluation: dict[str, Any]) -> dict[str, Any]:
    data = minimal_data()
    data["goals"] = [{"name": "Steady referrals", "outcome": "At least 30 consented referrals a year."}]
    data["evaluation"] = evaluation
    return data


def load(path: Path) -> Partnership:
    (loaded,) = load_partnerships([path])
    return loaded.partnership


def built_text(path: Path, out: Path) -> str:
    result = runner.invoke(main, ["build", str(path), "--kind", KIND, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out / path.stem / 'evaluation-plan.docx'}" in result.output
    return (out / path.stem / "evaluation-plan.txt").read_text(encoding="utf-8")


def section(text: str, title: str) -> str:
    """The text of one numbered section, up to the next heading."""
    return re.split(rf"^## \d+\. {re.escape(title)}\n", text, flags=re.MULTILINE)[1].split("\n## ")[0]


def lint_output(path: Path) -> str:
    return runner.invoke(main, ["lint", str(path)]).output


# --- The kind -------------------------------------------------------------------------


def test_every_example_builds_a_plan_with_every_section_in_order(built_examples: Path) -> None:
    for example in EXAMPLES:
        text = (built_examples / example.stem / "evaluation-plan.txt").read_text(encoding="utf-8")
        headings = re.findall(r"^## \d+\. (.+)$", text, flags=re.MULTILINE)
        assert headings == SECTIONS, example.stem
        numbers = [int(n) for n in re.findall(r"^## (\d+)\. ", text, flags=re.MULTILINE)]
        assert numbers == list(range(1, 13))
        # Every "section N" points at the section it names.
        assert "logic model (section 12)" in text and "goals in section 1" in text


def test_it_is_for_the_members_approved_by_the_leaders_and_undated_like_the_charter(
    write_partnership: Callable[..., Path],
) -> None:
    kind = KINDS[KIND]
    assert kind.audience is Audience.members
    assert kind.undated and kind.revision_history and not kind.many
    partnership = load(write_partnership(with_evaluation(complete_evaluation())))
    assert default_approvers(partnership, KIND, KIND) == ["harbor-hope"]  # the lead agency
    data = with_evaluation(complete_evaluation())
    data["leadership"] = {"model": "co_leadership", "leads": ["harbor-hope", "omalley"]}
    co_led = load(write_partnership(data, slug="co-led"))
    assert default_approvers(co_led, KIND, KIND) == ["harbor-hope", "omalley"]


def test_an_empty_evaluation_section_builds_no_plan(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership()  # the minimal partnership has no evaluation section
    assert KINDS[KIND].requires(load(path)) == "the 'evaluation' section is empty"
    result = runner.invoke(main, ["build", str(path), "--kind", KIND, "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "no evaluation-plan: the 'evaluation' section is empty" in result.output
    assert not (tmp_path / "out" / "pathways" / "evaluation-plan.docx").exists()
    # One item is enough to have a plan: the rest are blanks to complete.
    assert KINDS[KIND].requires(load(write_partnership(with_evaluation({"timeframes": "Each quarter."})))) is None


def test_title_property_language_and_accessible_structure(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(with_evaluation(complete_evaluation()))
    built_text(path, tmp_path / "out")
    document = docx.Document(str(tmp_path / "out" / "pathways" / "evaluation-plan.docx"))
    assert document.core_properties.title == "Evaluation Plan: Harbor & Hope – O'Malley Pathways"
    assert document.core_properties.language == "en-US"
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert [re.sub(r"^\d+\. ", "", h) for h in headings[: len(SECTIONS)]] == SECTIONS
    # Goals, questions, data, measures and the logic model: five tables, each with a repeated header row.
    assert [t.rows[0].cells[0].text for t in document.tables] == ["Goal", "Question", "Data", "Measure", "Part"]
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None


# --- Each section, from a complete file ---------------------------------------------------------


def test_a_complete_file_fills_every_section_and_prints_no_blank(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(with_evaluation(complete_evaluation()))
    text = built_text(path, tmp_path / "out")
    body = text.split("## For counsel review")[0]
    assert BLANK_LINE not in body and CELL_BLANK not in body and "Open decisions." not in body
    assert "Evaluation lead. Harbor & Hope." in body
    assert "What the members want from it. To learn whether referrals lead to work that lasts." in body
    assert "| Steady referrals | At least 30 consented referrals a year. |" in section(body, SECTIONS[0])
    assert "| Do referred survivors get interviews? | Steady referrals | It shows where referrals stall. |" in section(
        body, SECTIONS[1]
    )
    assert "- The shared referral log." in section(body, SECTIONS[2])
    assert "| Counts of referrals | Quantitative | Taken from the shared log. | Harbor & Hope |" in section(
        body, SECTIONS[3]
    )
    design = section(body, SECTIONS[4])
    assert "- Basic. The members count what they do" in design and "- Advanced. Research methods" in design
    assert (
        "The members’ choice. The evaluation has a basic design: the members collect counts and feedback themselves "
        "and compare them over time. The partners compare each quarter with the one before."
    ) in design
    assert "Its limits. Survivors who decline a referral are not heard from." in design
    assert section(body, SECTIONS[5]).endswith("None is needed for a basic design.")
    assert section(body, SECTIONS[6]).endswith("Both contacts read the counts together.")
    assert section(body, SECTIONS[7]).endswith("Counts are reviewed each quarter.")
    assert section(body, SECTIONS[8]).endswith("Each review agrees one change to try.")
    assert section(body, SECTIONS[9]).startswith("Totals at each quarterly review.\nReports give totals")
    assert f"| Placements | {OUTCOME} | 20 a year | O'Malley Staffing Solutions, LLC |" in section(body, SECTIONS[10])
    assert "No measure shows progress" not in body
    logic = section(body, SECTIONS[11])
    assert "| Purpose or goal | Work that lasts for survivors who want it. |" in logic
    for row in (
        "| Inputs | Staff time |",
        "| Activities | Consented referrals |",
        "| Outputs | Referrals made |",
        f"| Outcomes and impacts | {OUTCOME} |",
        "| External factors | The local job market |",
    ):
        assert row in logic
    assert "[evaluation-" not in lint_output(path)


def test_the_logic_model_is_drawn_from_the_same_parts_as_its_table(write_partnership: Callable[..., Path]) -> None:
    partnership = load(write_partnership(with_evaluation(complete_evaluation())))
    figure = evaluation_plan_context(partnership, Audience.members)["logic_model_figure"]
    assert figure.alt_text.startswith("The logic model of ")
    for part in (
        "Purpose or goal: Work that lasts for survivors who want it.",
        "Inputs: Staff time.",
        "Activities: Consented referrals.",
        "Outputs: Referrals made.",
        f"Outcomes and impacts: {OUTCOME.rstrip('.')}.",
        "External factors: The local job market.",
    ):
        assert part in figure.alt_text
    del partnership.evaluation.logic_model.outputs[:]
    assert (
        "Outputs: not set yet." in evaluation_plan_context(partnership, Audience.members)["logic_model_figure"].alt_text
    )


def test_the_purpose_is_the_mission_only_where_the_plan_says_so(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    evaluation = complete_evaluation()
    del evaluation["logic_model"]["purpose"]
    text = built_text(write_partnership(with_evaluation(evaluation)), tmp_path / "out")
    assert (
        "| Purpose or goal | Open safe pathways to paid work. / This is the Partnership’s mission: the logic model "
        "names no purpose of its own. |"
    ) in text


def test_a_question_shows_its_goal_and_says_when_it_has_none(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    evaluation = complete_evaluation()
    evaluation["questions"].append({"question": "Do partners trust each other more?", "why": "Trust keeps it going."})
    text = built_text(write_partnership(with_evaluation(evaluation)), tmp_path / "out")
    questions = section(text, SECTIONS[1])
    assert "| Do referred survivors get interviews? | Steady referrals |" in questions
    assert "| Do partners trust each other more? | No goal named | Trust keeps it going. |" in questions


# --- Blanks, and the lint rules that list them --------------------------------------------------


def test_each_missing_item_is_a_labelled_blank_that_lint_lists(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(with_evaluation({"timeframes": "Counts are reviewed each quarter."}))
    text = built_text(path, tmp_path / "out")
    assert f"Evaluation lead. {BLANK_LINE} (to complete: the member that leads the evaluation)" in text
    assert f"What the members want from it. {BLANK_LINE} (to complete: what the members want" in text
    assert f"{BLANK_LINE} (to complete: what the evaluation should find out, and why)" in section(text, SECTIONS[1])
    assert f"{BLANK_LINE} (to complete: existing data and community" in section(text, SECTIONS[2])
    assert f"{BLANK_LINE} (to complete: the data to collect, and how)" in section(text, SECTIONS[3])
    assert f"The members’ choice. {BLANK_LINE} (to complete: basic or advanced)" in text
    assert f"Its limits. {BLANK_LINE} (to complete: what the evaluation will not show" in text
    for title in (SECTIONS[5], SECTIONS[6], SECTIONS[8], SECTIONS[9]):
        assert f"{BLANK_LINE} (to complete: " in section(text, title), title
    assert BLANK_LINE not in section(text, SECTIONS[7])  # the timeframes are given
    assert f"{BLANK_LINE} (to complete: the measures the members track)" in section(text, SECTIONS[10])
    for part in ("Purpose or goal", "Inputs", "Activities", "Outputs", "Outcomes and impacts", "External factors"):
        assert f"| {part} | {BLANK_LINE} (to complete) |" in text
    assert "line to complete, in sections 1, 2, 3, 4, 5, 6, 7, 9, 10, 11 and 12." in text
    lint = lint_output(path)
    assert (
        "warning[evaluation-item-missing]: the evaluation plan prints blanks for: the member that leads the "
        "evaluation; what the members want the evaluation to do for them;"
    ) in lint
    assert "fill in evaluator, purpose, questions, data_sources, data_collection, design, limitations," in lint
    assert "warning[evaluation-logic-model-gap]: there is no logic_model" in lint


def test_row_blanks_each_with_its_rule(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    evaluation = complete_evaluation()
    del evaluation["questions"][0]["why"]
    evaluation["data_collection"][0] = {"data": "Feedback themes"}
    del evaluation["metrics"][0]["recorded_by"]
    del evaluation["metrics"][0]["outcome"]
    del evaluation["logic_model"]["outputs"]
    path = write_partnership(with_evaluation(evaluation))
    text = built_text(path, tmp_path / "out")
    assert f"| Steady referrals | {CELL_BLANK} (why it matters) |" in section(text, SECTIONS[1])
    assert (
        f"| Feedback themes | {CELL_BLANK} (quantitative or qualitative) | {CELL_BLANK} (how it is collected) | "
        f"{CELL_BLANK} (who collects it) |"
    ) in section(text, SECTIONS[3])
    measures = section(text, SECTIONS[10])
    assert f"| Placements | No outcome named | 20 a year | {CELL_BLANK} (who records it) |" in measures
    assert measures.endswith(f"No measure shows progress yet on these outcomes of the logic model:\n- {OUTCOME}")
    assert f"| Outputs | {BLANK_LINE} (to complete) |" in text
    assert "Open decisions. Each is marked with a line to complete, in sections 2, 4, 11 and 12." in text
    lint = lint_output(path)
    assert "warning[evaluation-question-why]: 'Do referred survivors get interviews?' does not say why" in lint
    assert (
        "warning[evaluation-data-incomplete]: 'Feedback themes': the evaluation plan prints blanks for quantitative "
        "or qualitative, how it is collected and who collects it (type, method, collected_by)"
    ) in lint
    assert "warning[evaluation-measure-recorder]: no current member records 'Placements' (recorded_by)" in lint
    assert "warning[evaluation-logic-model-gap]: the logic model has no outputs (outputs)" in lint
    assert f"warning[evaluation-outcome-unmeasured]: no measure names '{OUTCOME}' as its outcome" in lint
    assert "evaluation-item-missing" not in lint


def test_a_member_that_has_left_collects_and_records_nothing(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    data = with_evaluation(complete_evaluation())
    data["members"][1]["status"] = "withdrawn"
    data["members"][1]["withdrawal"] = {"notice_date": "2025-11-01", "effective_date": "2025-12-31"}
    data["evaluation"]["data_collection"][0]["collected_by"] = "omalley"
    path = write_partnership(data)
    text = built_text(path, tmp_path / "out")
    assert f"| Taken from the shared log. | {CELL_BLANK} (who collects it) |" in text
    assert f"| 20 a year | {CELL_BLANK} (who records it) |" in text
    lint = lint_output(path)
    assert "(collected_by); 'omalley' is no longer a member" in lint
    assert "(recorded_by): 'omalley' is no longer a member" in lint


def test_blanks_do_not_block_a_release(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    path = write_partnership(with_evaluation({"evaluator": "harbor-hope", "timeframes": "Each quarter."}))
    approve(path, KIND, "harbor-hope", "2026-03-01")
    result = runner.invoke(main, ["build", str(path), "--kind", KIND, "--release", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "[final]" in result.output
    assert "warning[evaluation-item-missing]" in result.output  # still reported, as a warning


def test_a_measures_outcome_must_be_one_of_the_logic_models(write_partnership: Callable[..., Path]) -> None:
    evaluation = complete_evaluation()
    evaluation["metrics"][0]["outcome"] = "Survivors in work that last"
    result = runner.invoke(main, ["validate", str(write_partnership(with_evaluation(evaluation)))])
    assert result.exit_code == 1
    assert (
        "evaluation.metrics[0].outcome: 'Survivors in work that last' is not an outcome under "
        f"'evaluation.logic_model.outcomes'; did you mean '{OUTCOME}'?"
    ) in result.output


# --- Counsel, and the charter that shares the gaps ---------------------------------------------------------


def test_a_draft_asks_counsel_about_the_data_not_about_legal_positions(built_examples: Path) -> None:
    text = (built_examples / "westhaven-alliance" / "evaluation-plan.txt").read_text(encoding="utf-8")
    review = text.split("## For counsel review\n")[1].splitlines()[1:]
    assert len(review) == 1 and review[0].startswith("- Evaluation plan: confirm that collecting and passing on")


def test_the_charter_names_the_same_undecided_steps(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    evaluation = complete_evaluation()
    del evaluation["design"]  # a note without a chosen design is not a choice
    del evaluation["outside_help"]
    path = write_partnership(with_evaluation(evaluation))
    result = runner.invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    charter = (tmp_path / "out" / "pathways" / "governance-charter.txt").read_text(encoding="utf-8")
    assert (
        "Still to be decided. The members have not yet agreed whether its design is basic or advanced and whether "
        "it needs outside help."
    ) in charter
    plan = (tmp_path / "out" / "pathways" / "evaluation-plan.txt").read_text(encoding="utf-8")
    assert "marked with a line to complete, in sections 5 and 6." in plan


def test_values_print_literally(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    evaluation = complete_evaluation()
    evaluation["purpose"] = "AT&T <Legal> {{ 7*7 }} – مرحبا"
    evaluation["logic_model"]["inputs"] = ["</w:t></w:r><w:r><w:t>injected"]
    text = built_text(write_partnership(with_evaluation(evaluation)), tmp_path / "out")
    assert "What the members want from it. AT&T <Legal> {{ 7*7 }} – مرحبا." in text
    assert "| Inputs | </w:t></w:r><w:r><w:t>injected |" in text


def test_the_charter_points_to_the_evaluation_plan_only_when_there_is_one(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    pointer = "The Partnership’s evaluation plan, a separate document, sets out each of the steps below in full"
    for evaluation, expected in (({}, False), (complete_evaluation(), True)):
        path = write_partnership(with_evaluation(evaluation))
        out = tmp_path / ("with" if expected else "without")
        result = runner.invoke(main, ["build", str(path), "--kind", "governance-charter", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert (pointer in (out / path.stem / "governance-charter.txt").read_text(encoding="utf-8")) is expected
