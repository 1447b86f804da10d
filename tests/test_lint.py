"""Lint: each rule has a fixture that trips it and one that passes; findings point at lines; docs are current."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from test_evaluation_plan import complete_evaluation

from conftest import EXAMPLES, ROOT, complete_plan, minimal_data
from pipeline.cli import main
from pipeline.lint import RULES
from pipeline.partnerships import lint_all, load_partnerships
from pipeline.reference import legal_positions_markdown, rules_markdown, schema_markdown

runner = CliRunner()
Change = Callable[[dict[str, Any]], None]


def clean() -> dict[str, Any]:
    """The minimal partnership with everything the rules ask for, so each case changes one thing."""
    data = minimal_data()
    data["members"][1]["contacts"]["backup"] = {"name": "Marcus Bell", "title": "Senior Recruiter"}
    data["survivor_engagement"] = {"approach": "Survivors shape the work.", "compensation": "$60 an hour."}
    data["emergency"] = {"hazards": ["data_breach", "loss_of_key_personnel"]}
    return data


def core_group(seats: int) -> Change:
    def change(d: dict[str, Any]) -> None:
        members = [dict(copy.deepcopy(d["members"][0]), id=f"m{i}", legal_name=f"Member {i}") for i in range(seats)]
        d["members"] = members
        d["leadership"] = {"model": "core_group", "core_group": [{"member": m["id"]} for m in members]}
        d["confidentiality"] = {"laws": [{"law": "vawa"}]}  # binds every copy of the first member

    return change


def co_leads(count: int) -> Change:
    def change(d: dict[str, Any]) -> None:
        d["members"] = [
            dict(copy.deepcopy(d["members"][0]), id=f"m{i}", legal_name=f"Member {i}") for i in range(count)
        ]
        d["leadership"] = {"model": "co_leadership", "leads": [f"m{i}" for i in range(count)]}
        d["confidentiality"] = {"laws": [{"law": "vawa"}]}

    return change


def set_path(path: str, value: Any) -> Change:
    def change(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = d
        for part in parents:
            target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
        if value is None:
            target.pop(last, None)
        else:
            target[last] = value

    return change


def chain(*changes: Change) -> Change:
    def change(d: dict[str, Any]) -> None:
        for each in changes:
            each(d)

    return change


SUBGRANT = {"from_member": "harbor-hope", "to_member": "omalley", "amount": "$10,000", "purpose": "Transit passes"}
SUCCESSION = [{"position": "Director"}, {"position": "Deputy"}, {"position": "Board chair"}]
LETTER = {"addressee": "Thomas Nguyen, Director", "address_lines": ["P.O. Box 12", "Port Alder, WA 98362"]}
LETTER_GRANT = {
    "program": "Pathways",
    "funder": "A Foundation",
    "applicant": "harbor-hope",
    "partners": ["omalley"],
    "letter_of_intent": LETTER,
}

SUBGRANT = {"from_member": "harbor-hope", "to_member": "omalley", "amount": "$10,000", "purpose": "Transit passes"}
SUBGRANT_TERMS = {
    "budget": [{"item": "Transit passes", "amount": 10000}],
    "payment_method": "reimbursement",
    "invoice_frequency": "monthly",
    "report_frequency": "quarterly",
}


def evaluation(drop: str = "") -> Change:
    """An evaluation section that gives every item of the plan, without the item at `drop` (a dotted path); the
    minimal partnership has no goals, so its question names none."""
    section = complete_evaluation()
    del section["questions"][0]["goal"]
    if drop:
        *parents, last = drop.split(".")
        target: Any = section
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]
    return set_path("evaluation", section)


PAST, FUTURE = dt.date(1990, 1, 1), dt.date(2999, 12, 31)  # today is always between: lint compares with it


def plan(path: str = "", value: Any = None) -> Change:
    """Harbor & Hope's complete partnership plan, with the value at `path` (under the plan) set or removed."""

    def change(d: dict[str, Any]) -> None:
        d["plans"] = [complete_plan()]
        if path:
            set_path(f"plans.0.{path}", value)(d)

    return change


def seats(*seat_list: dict[str, Any], one_each: bool = True) -> Change:
    """A core-group leadership with these seats (Harbor & Hope and O'Malley can hold them)."""
    return set_path(
        "leadership", {"model": "core_group", "core_group": list(seat_list), "one_seat_per_member": one_each}
    )


def alternate(start: dt.date, end: dt.date) -> dict[str, Any]:
    return {"member": "harbor-hope", "alternate": {"person": "Ana Ruiz", "from": start, "until": end}}


def interim(due: dt.date) -> dict[str, Any]:
    return {"interim": {"member": "omalley", "appointed": PAST, "election_due": due}}


CASES: dict[str, tuple[Change, Change]] = {
    "member-details-missing": (set_path("members.1.contacts", None), set_path("members.1.contacts.backup", None)),
    "signatory-missing": (set_path("members.1.signatory", None), set_path("members.1.signatory.name", None)),
    "citation-pending": (
        set_path("mandatory_reporting", {"legal_reference_pending": True}),
        set_path("mandatory_reporting", {"legal_reference": "Example Code § 26.44.030"}),
    ),
    "core-group-size": (core_group(10), core_group(8)),
    "co-leads-at-most-three": (co_leads(4), co_leads(3)),
    "mou-moves-funds": (
        set_path("members.1.commitments", [{"description": "Pay Harbor & Hope $500 a month."}]),
        set_path("funding", {"subgrants": [dict(SUBGRANT, agreement_reference="Subgrant 2025-1")]}),
    ),
    "member-without-backup": (set_path("members.1.contacts.backup", None), set_path("name", "Still fine")),
    "shared-decisions": (
        set_path("level", "collaboration"),
        chain(set_path("level", "collaboration"), set_path("decision_making.method", "representative")),
    ),
    "consensus-needs-quorum-and-fallback": (
        set_path("decision_making", {"method": "consensus", "quorum": "A majority."}),
        set_path("decision_making", {"method": "consensus", "quorum": "A majority.", "fallback": "A 3/4 vote."}),
    ),
    "survivor-compensation": (set_path("survivor_engagement.compensation", None), set_path("name", "Fine")),
    "formal-needs-agreement": (
        chain(set_path("formality", "formal"), set_path("agreement", None)),
        set_path("formality", "formal"),
    ),
    "emergency-scenarios": (set_path("emergency.hazards", ["pandemic"]), set_path("name", "Fine")),
    "succession-three-deep": (
        set_path("emergency.succession", [{"role": "Lead", "order": SUCCESSION[:2]}]),
        set_path("emergency.succession", [{"role": "Lead", "order": SUCCESSION}]),
    ),
    "reporting-citation": (
        set_path("mandatory_reporting", {"legal_reference": "18 U.S.C. 1591"}),
        set_path("mandatory_reporting", {"legal_reference": "Riverbend Comp. Stat. § 26-44"}),
    ),
    "todo-left": (set_path("mission", "TODO: our mission"), set_path("mission", "Our mission.")),
    "seat-per-member": (
        seats({"member": "harbor-hope"}, {"member": "omalley"}, {"member": "harbor-hope", "name": "Regional seat"}),
        seats({"member": "harbor-hope"}, {"member": "omalley"}, {"member": "harbor-hope"}, one_each=False),
    ),
    "placeholder-name": (
        set_path("members.1.contacts.primary.name", "TBD"),
        set_path("members.1.contacts.primary.name", "Vacanti Na"),  # real names that start like a placeholder
    ),
    "seat-term-ended": (
        seats({"member": "harbor-hope", "term_start": PAST, "term_end": dt.date(1991, 1, 1)}),
        seats({"member": "harbor-hope", "term_start": PAST, "term_end": FUTURE}),
    ),
    "seat-election-overdue": (seats(interim(dt.date(1991, 1, 1))), seats(interim(FUTURE))),
    "seat-dates-backwards": (
        seats(alternate(dt.date(2999, 6, 1), dt.date(2999, 1, 1))),
        seats(alternate(dt.date(2999, 1, 1), dt.date(2999, 6, 1))),
    ),
    "absolute-promise": (
        chain(
            set_path("members.1.sector", "law_enforcement"),
            set_path("confidentiality.sharing_rules", ["No member shares immigration status with anyone."]),
        ),
        chain(
            set_path("members.1.sector", "law_enforcement"),
            set_path(
                "confidentiality.sharing_rules",
                ["Immigration status is shared only as the survivor directs or as the law requires."],
            ),
        ),
    ),
    "legal-position-unclear": (
        set_path("confidentiality", {}),
        chain(set_path("confidentiality", {}), set_path("members.0.legal_positions", ["victim_services"])),
    ),
    "letter-address-incomplete": (
        set_path(
            "funding", {"grants": [dict(LETTER_GRANT, letter_of_intent=dict(LETTER, address_lines=["Port Alder"]))]}
        ),
        chain(
            set_path("funding", {"grants": [LETTER_GRANT]}),
            set_path("members.1.mailing_address", ["12 Dock Road", "Port Alder, WA 98362"]),
        ),
    ),
    "subgrant-blank": (
        set_path("funding", {"grants": [LETTER_GRANT], "subgrants": [dict(SUBGRANT, terms=SUBGRANT_TERMS)]}),
        set_path(
            "funding",
            {"grants": [LETTER_GRANT], "subgrants": [dict(SUBGRANT, federal=False, terms=SUBGRANT_TERMS)]},
        ),
    ),
    "plan-blank": (plan("need", {"benefits": ["More kinds of work"]}), plan()),
    "plan-partner-without-tactic": (plan("potential_partners.0.tactics", []), plan()),
    "plan-tactic-incomplete": (plan("potential_partners.0.tactics.0.responsible", None), plan()),
    "plan-task-incomplete": (plan("timeline.0.due", None), plan()),
    "plan-task-past-due": (
        plan("timeline", [{"task": "Meet.", "due": "2026-11-30", "responsible": "Director"}]),
        plan("timeline", [{"task": "Meet.", "due": "2026-11-30", "responsible": "Director", "done": True}]),
    ),
    "plan-evaluation-incomplete": (plan("evaluation.0.recorded", None), plan()),
    "evaluation-item-missing": (evaluation(drop="outside_help"), evaluation()),
    "evaluation-question-why": (evaluation(drop="questions.0.why"), evaluation()),
    "evaluation-data-incomplete": (evaluation(drop="data_collection.0.collected_by"), evaluation()),
    "evaluation-measure-recorder": (evaluation(drop="metrics.0.recorded_by"), evaluation()),
    "evaluation-logic-model-gap": (evaluation(drop="logic_model.external_factors"), evaluation()),
    "evaluation-outcome-unmeasured": (evaluation(drop="metrics.0.outcome"), evaluation()),
    "note-for-editors-prints": (
        set_path("level_note", "FUTURES would call this cooperation; see `level` in this file."),
        set_path("level_note", "Each partner keeps its own plans, staff and money."),
    ),
    "self-reference-elsewhere": (
        set_path("formality_note", "Informal, and moving to formal with this MOU."),
        chain(
            set_path("formality_note", "Informal, and moving to formal with the MOU."),
            # 'this MOU' where only the MOU prints it reads right.
            set_path("agreement.amendment", "In writing, signed by both signatories of this MOU."),
        ),
    ),
}


def rules_found(write: Callable[..., Path], data: dict[str, Any]) -> set[str]:
    return {finding.rule for finding in lint_all(load_partnerships([write(data)]))}


def test_the_clean_fixture_trips_no_rule(write_partnership: Callable[..., Path]) -> None:
    assert rules_found(write_partnership, clean()) == set()


def test_every_rule_has_cases() -> None:
    # The consistency rules of pipeline/consistency.py have theirs in test_consistency.py.
    modules = {
        "pipeline.lint",
        "pipeline.lint_text",
        "pipeline.lint_seats",
        "pipeline.lint_members",
        "pipeline.lint_subgrants",
        "pipeline.lint_plans",
        "pipeline.lint_evaluation",
    }
    assert {r.id for r in RULES if r.check.__module__ in modules} == set(CASES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_trips_on_its_failing_fixture_only(write_partnership: Callable[..., Path], rule_id: str) -> None:
    failing, passing = CASES[rule_id]
    bad, good = clean(), clean()
    failing(bad)
    passing(good)
    assert rule_id in rules_found(write_partnership, bad)
    assert rule_id not in rules_found(write_partnership, good)


def test_finding_points_at_the_line_and_says_why(write_partnership: Callable[..., Path]) -> None:
    data = clean()
    data["members"][1]["contacts"].pop("backup")
    path = write_partnership(data)
    result = runner.invoke(main, ["lint", str(path)])
    assert result.exit_code == 0
    # yaml.safe_dump sorts keys, so 'contacts' opens the second member's item.
    line = [n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("- contacts:")][1]
    assert result.output.splitlines()[:2] == [
        f"{path}:{line}:3: members[1].contacts: warning[member-without-backup]: "
        "O'Malley Staffing Solutions, LLC has no backup contact",
        "    why: Personnel change is the most common disruption: a second person who knows the partnership "
        "keeps it going.",
    ]
    assert result.output.splitlines()[-1] == "1 warning."


def test_strict_turns_warnings_into_errors(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = clean()
    data["mission"] = "TODO"
    path = write_partnership(data)
    result = runner.invoke(main, ["lint", "--strict", str(path)])
    assert result.exit_code == 1
    assert "mission: error[todo-left]: replace the placeholder: TODO" in result.output
    built = runner.invoke(main, ["build", "--strict", str(path), "--out", str(tmp_path / "out")])
    assert built.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_build_prints_warnings_and_still_builds(write_partnership: Callable[..., Path], tmp_path: Path) -> None:
    data = clean()
    data["mission"] = "TODO: write the mission"
    result = runner.invoke(main, ["build", str(write_partnership(data)), "--kind", "mou", "--out", str(tmp_path)])
    assert result.exit_code == 0
    assert "warning[todo-left]" in result.output
    assert (tmp_path / "pathways" / "mou.docx").is_file()


def test_lint_json_format(write_partnership: Callable[..., Path]) -> None:
    import json

    result = runner.invoke(main, ["lint", "--format", "json", str(write_partnership(clean()))])
    assert json.loads(result.output)["problems"] == []


def test_reference_pages_are_current() -> None:
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == schema_markdown(), "run: make schema"
    assert (ROOT / "docs" / "lint-rules.md").read_text(encoding="utf-8") == rules_markdown(), "run: make schema"
    legal = (ROOT / "docs" / "legal-positions.md").read_text(encoding="utf-8")
    assert legal == legal_positions_markdown(), "run: make schema"


def test_schema_reference_lists_every_field() -> None:
    text = schema_markdown()
    for model in ("Partnership", "Member", "Contact", "Agreement", "Approval", "LetterOfIntent"):
        assert f"## {model}\n" in text
    assert "| `legal_name` | text, or {language: text} | yes | Full legal name" in text


def test_every_example_starts_with_the_schema_line() -> None:
    for example in EXAMPLES:
        first = example.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schemas/partnership.schema.json", example.name


def test_pre_commit_hooks_run_partnerdocs_commands() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entries = {hook["id"]: hook["entry"] for hook in hooks}
    assert entries == {
        "partnerdocs-validate": "partnerdocs validate",
        "partnerdocs-lint": "partnerdocs lint --skip-invalid",  # tests/test_pre_commit_hooks.py says why
    }
    for command in entries.values():
        assert runner.invoke(main, [*command.split()[1:], "--help"]).exit_code == 0
