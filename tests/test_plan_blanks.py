"""Partnership plans: what a plan leaves out prints as a blank that lint lists, nothing blocks a release, and
mistakes in a plan are refused with their line."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_plan import NAME, SECTIONS, built_text, rules, with_plan

from conftest import complete_plan
from pipeline.contexts.common import BLANK_LINE
from pipeline.partnerships import load_one
from pipeline.plans import by_date, past_due

# --- Blanks, lint and release --------------------------------------------------------------------------------


def test_an_empty_plan_prints_a_labelled_blank_in_every_section_and_lint_lists_them(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(with_plan({"organization": "harbor-hope"}))
    text = built_text(path, tmp_path / "out")
    for heading, following in zip(SECTIONS, [*SECTIONS[1:], "## For counsel review"], strict=True):
        section = text.split(heading)[1].split(following)[0]
        assert re.search(r"_{12,} \(to complete: ", section), heading
    for label in (
        "the plan's date",
        "a description of the organization",
        "the organization's principles",
        "the organization's values",
        "the existing partners",
        "what every partner must have",
        "the potential partners",
        "how partners are held accountable",
        "the timeline's tasks",
    ):
        assert f"(to complete: {label})" in text, label
    found = rules(path)
    (message,) = found["plan-blank"]
    assert message.startswith(f"{NAME} prints blanks for: the plan's date, a description of the organization, ")
    assert found["plan-evaluation-incomplete"] == [
        f"{NAME} has no evaluation metric: add 'evaluation' with each metric and how it is recorded"
    ]


def test_no_text_is_made_up_for_an_empty_plan(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = with_plan({"organization": "harbor-hope"})
    data["values"] = ["Partnership value one"]
    data["goals"] = [{"name": "Partnership goal one"}]
    text = built_text(write_partnership(data), tmp_path / "out")
    assert "Partnership value one" not in text and "Partnership goal one" not in text
    assert "adopted" not in text


def test_adopting_what_the_partnership_lacks_prints_a_blank(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    plan = complete_plan()
    plan["background"] = dict(plan["background"], adopts=["values"])
    del plan["background"]["values"]
    path = write_partnership(with_plan(plan))
    text = built_text(path, tmp_path / "out")
    assert f"{BLANK_LINE} (to complete: the partnership has no values to adopt)" in text
    assert "the organization's values" in rules(path)["plan-blank"][0]


def test_a_complete_plan_prints_no_blank_and_trips_no_plan_rule(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_partnership(with_plan(complete_plan()))
    text = built_text(path, tmp_path / "out")
    assert BLANK_LINE not in text and "____" not in text
    assert not [rule for rule in rules(path) if rule.startswith("plan-")]


def test_tactics_and_tasks_without_their_details_print_blanks(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    plan = complete_plan()
    plan["potential_partners"][0]["tactics"] = [{"action": "Meet the director."}]
    plan["timeline"] = [{"task": "Meet the clinic."}]
    path = write_partnership(with_plan(plan))
    text = built_text(path, tmp_path / "out")
    assert "| Meet the director. | ____________ | ____________ |" in text
    assert "| Meet the clinic. | ____________ | ____________ | To do |" in text
    found = rules(path)
    assert found["plan-tactic-incomplete"] == [
        "this tactic for Port Alder Legal Clinic has no measure and no one responsible"
    ]
    assert found["plan-task-incomplete"] == ["this task has no due date and no one responsible"]


def test_a_plan_without_a_date_marks_nothing_past_due_but_lint_checks_against_today(
    write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    plan = complete_plan()
    del plan["date"]
    plan["timeline"] = [
        {"task": "Long ago.", "due": "1990-01-01", "responsible": "Director"},
        {"task": "Far ahead.", "due": "2999-01-01", "responsible": "Director"},
    ]
    path = write_partnership(with_plan(plan))
    text = built_text(path, tmp_path / "out")
    assert "Past due" not in text  # a document never depends on the day it is built
    assert rules(path)["plan-task-past-due"] == ["this task was due on 1990-01-01 and is not marked done as of today"]


def test_past_due_and_sorting() -> None:
    from schemas.plans import PartnershipPlan, PlanTask

    late = PlanTask(task="Late", due=dt.date(2026, 1, 1))
    assert past_due(late, dt.date(2026, 1, 2)) and not past_due(late, dt.date(2026, 1, 1))
    assert not past_due(late, None)
    assert not past_due(late.model_copy(update={"done": True}), dt.date(2027, 1, 1))
    plan = PartnershipPlan(
        organization="x",
        timeline=[PlanTask(task="Undated"), PlanTask(task="B", due=dt.date(2027, 1, 1)), late],
    )
    assert [task.task for task in by_date(plan)] == ["Late", "B", "Undated"]


def test_plan_rules_never_block_a_release(write_partnership: Callable[..., Path]) -> None:
    # A plan binds no one and goes to no one outside its organization, whose approval makes it final.
    from pipeline.lint import lint

    plan = {"organization": "harbor-hope", "potential_partners": [{"name": "A", "type": "formal", "description": "B"}]}
    loaded, _ = load_one(write_partnership(with_plan(plan)))
    assert loaded is not None
    findings = [f for f in lint(loaded.source, loaded.partnership, release=True) if (f.rule or "").startswith("plan-")]
    assert {f.rule for f in findings} == {"plan-blank", "plan-partner-without-tactic", "plan-evaluation-incomplete"}
    assert {f.severity for f in findings} == {"warning"}


# --- Validation ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda p: p.update(organization="harbor"), "plans[0].organization: 'harbor' is not the id of any"),
        (
            lambda p: p["potential_partners"][0].update(member="omalley"),
            "give either 'member' (the id of a member of the partnership) or 'name' (any other organization)",
        ),
        (
            lambda p: p["background"]["existing_partners"][0].update(member="harbor-hope"),
            "plans[0].background.existing_partners[0].member: 'harbor-hope' is the organization whose plan this is",
        ),
        (
            lambda p: p["background"].update(adopts=["values"]),
            "'values' are both written here and adopted from the partnership (adopts); keep one of the two",
        ),
        (lambda p: p["timeline"][0].update(done="yes"), "plans[0].timeline[0].done"),
    ],
)
def test_mistakes_in_a_plan_point_at_their_line(
    write_partnership: Callable[..., Path], change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    plan = complete_plan()
    change(plan)
    loaded, problems = load_one(write_partnership(with_plan(plan)))
    assert loaded is None
    assert any(expected in str(problem) for problem in problems), [str(p) for p in problems]


def test_one_plan_per_current_member(write_partnership: Callable[..., Path]) -> None:
    data = with_plan(complete_plan())
    data["plans"].append(copy.deepcopy(data["plans"][0]))
    _, problems = load_one(write_partnership(data))
    assert any("'harbor-hope' already has a plan (plans[0])" in str(p) for p in problems)
    data = with_plan(dict(complete_plan(), organization="omalley"))
    data["plans"][0]["background"]["existing_partners"] = []
    data["members"][1]["status"] = "pending"
    _, problems = load_one(write_partnership(data))
    assert any("'omalley' is not a current member" in str(p) for p in problems)
