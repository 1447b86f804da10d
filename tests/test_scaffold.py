"""The skeleton of `partnerdocs new`: valid for every level and leadership model, and it builds."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from pipeline.build import build
from pipeline.evaluation import logic_gaps, missing_items, unmeasured_outcomes
from pipeline.lint import lint
from pipeline.partnerships import load_partnerships
from pipeline.scaffold import SCHEMA_LINE, scaffold
from schemas.vocabulary import DecisionMethod, Formality, Hazard, LeadershipModel, Level

COMBINATIONS = list(itertools.product(Level, LeadershipModel))
COLLABORATIVE = {Level.collaboration, Level.multisector_collaboration}


def write_skeleton(tmp_path: Path, level: Level, leadership: LeadershipModel) -> Path:
    folder = tmp_path / "partnerships"
    folder.mkdir(exist_ok=True)
    path = folder / "new-partnership.yaml"
    path.write_text(scaffold("new-partnership", level, leadership), encoding="utf-8")
    return path


@pytest.mark.parametrize(("level", "leadership"), COMBINATIONS, ids=lambda v: str(v))
def test_skeleton_validates_as_written(tmp_path: Path, level: Level, leadership: LeadershipModel) -> None:
    path = write_skeleton(tmp_path, level, leadership)
    text = path.read_text(encoding="utf-8")

    loaded = load_partnerships([path])

    assert len(loaded) == 1
    partnership = loaded[0].partnership
    assert partnership.level is level
    assert partnership.leadership.model is leadership
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "TODO" in text
    assert partnership.mandatory_reporting.legal_reference is None
    # The field may be named in a comment (to say never guess it), but never given a value.
    assert not [line for line in text.splitlines() if "legal_reference" in line.split("#", 1)[0]]
    # Short enough to read through: the partnership plan (about 35 lines), the evaluation section (about
    # 50) and the commented grants and subgrants (about 30) took it past 300.
    assert len(text.splitlines()) <= 420


@pytest.mark.parametrize(("level", "leadership"), COMBINATIONS, ids=lambda v: str(v))
def test_skeleton_follows_the_choices(tmp_path: Path, level: Level, leadership: LeadershipModel) -> None:
    partnership = load_partnerships([write_skeleton(tmp_path, level, leadership)])[0].partnership

    collaborative = level in COLLABORATIVE
    assert partnership.formality is (Formality.formal if collaborative else Formality.informal)
    decision = partnership.decision_making
    if collaborative:
        assert decision.method is DecisionMethod.consensus
        assert decision.gradients_of_agreement
        assert decision.quorum is not None and decision.fallback is not None
    else:
        assert decision.method is DecisionMethod.hierarchical
        assert decision.escalation is not None
    expected_leads = {
        LeadershipModel.primary_lead: ["member-one"],
        LeadershipModel.co_leadership: ["member-one", "member-two"],
        LeadershipModel.core_group: [],
    }[leadership]
    assert partnership.leadership.leads == expected_leads
    seats = [seat.member for seat in partnership.leadership.core_group]
    assert seats == (["member-one", "member-two"] if leadership is LeadershipModel.core_group else [])
    assert [m.id for m in partnership.members] == ["member-one", "member-two"]
    assert all(m.contacts.backup is not None for m in partnership.members)
    assert {Hazard.data_breach, Hazard.loss_of_key_personnel} <= set(partnership.emergency.hazards)
    assert [len(line.order) for line in partnership.emergency.succession] == [3]
    assert partnership.agreement is not None
    assert partnership.survivor_engagement is not None and partnership.survivor_engagement.compensation
    # Every item of the evaluation plan is there to fill in, and its measure names an outcome of the logic model.
    assert not missing_items(partnership.evaluation)
    assert not logic_gaps(partnership) and not unmeasured_outcomes(partnership.evaluation)


@pytest.mark.parametrize(("level", "leadership"), COMBINATIONS, ids=lambda v: str(v))
def test_only_the_todos_are_left_to_lint(tmp_path: Path, level: Level, leadership: LeadershipModel) -> None:
    # The skeleton itself follows every toolkit rule; what remains is filling in the placeholders.
    loaded = load_partnerships([write_skeleton(tmp_path, level, leadership)])[0]

    findings = lint(loaded.source, loaded.partnership)

    assert findings
    assert {finding.rule for finding in findings} == {"todo-left"}


def test_the_slug_is_only_in_a_comment() -> None:
    text = scaffold("county-task-force", Level.cooperation, LeadershipModel.primary_lead)

    data = yaml.safe_load(text)

    assert "county-task-force" in text
    assert "county-task-force" not in repr(data)
    assert all(line.startswith("#") for line in text.splitlines() if "county-task-force" in line)


@pytest.mark.parametrize("slug", ["County Task Force", "task_force", "", "a\nname: injected", "-lead"])
def test_a_slug_that_cannot_name_a_file_is_refused(slug: str) -> None:
    with pytest.raises(ValueError, match="lowercase letters, digits and dashes"):
        scaffold(slug, Level.cooperation, LeadershipModel.primary_lead)


def test_skeleton_builds_draft_documents(tmp_path: Path) -> None:
    path = write_skeleton(tmp_path, Level.multisector_collaboration, LeadershipModel.co_leadership)

    report = build([path], tmp_path / "out")

    folder = tmp_path / "out" / "new-partnership"
    names = {p.name for p in report.written}
    assert names == {
        "mou.docx",
        "governance-charter.docx",
        "emergency-response-guide.docx",
        "onboarding-packet.docx",
        "evaluation-plan.docx",
    }
    assert all(not document.final for document in report.documents)
    mou = (folder / "mou.txt").read_text(encoding="utf-8")
    assert "TODO: the partnership's full name" in mou
    assert "Draft" in mou or "DRAFT" in mou


def uncommented_plan(text: str) -> str:
    """The skeleton with its commented plan part written out, as staff would do to start a plan."""
    lines = text.splitlines()
    start = lines.index("# plans:")
    return "\n".join([*lines[:start], *(line.removeprefix("# ") for line in lines[start:])]) + "\n"


@pytest.mark.parametrize("leadership", list(LeadershipModel), ids=str)
def test_the_commented_plan_part_validates_and_builds_once_uncommented(
    tmp_path: Path, leadership: LeadershipModel
) -> None:
    path = write_skeleton(tmp_path, Level.collaboration, leadership)
    assert "plans" not in yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(uncommented_plan(path.read_text(encoding="utf-8")), encoding="utf-8")

    loaded = load_partnerships([path])[0]

    assert [plan.organization for plan in loaded.partnership.plans] == ["member-one"]
    rules = {finding.rule for finding in lint(loaded.source, loaded.partnership)}
    assert rules == {"todo-left"}
    report = build([path], tmp_path / "out", ["partnership-plan"])
    assert [p.name for p in report.written] == ["partnership-plan-member-one.docx"]


def test_the_commented_funding_part_validates_and_builds_a_subgrant_agreement(tmp_path: Path) -> None:
    path = write_skeleton(tmp_path, Level.collaboration, LeadershipModel.primary_lead)
    lines = path.read_text(encoding="utf-8").splitlines()
    start, end = lines.index("# funding:"), next(i for i, line in enumerate(lines) if "partnership plan" in line)
    lines[start:end] = [line.removeprefix("# ") for line in lines[start:end]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    loaded = load_partnerships([path])[0]

    assert [s.to_member for s in loaded.partnership.funding.subgrants] == ["member-two"]
    rules = {finding.rule for finding in lint(loaded.source, loaded.partnership)}
    assert rules == {"todo-left", "subgrant-blank"}  # the award information is left to complete, never guessed
    report = build([path], tmp_path / "out", ["subgrant-agreement"])
    assert [p.name for p in report.written] == ["subgrant-agreement-member-two.docx"]
