"""Contexts of the Partnership Plans (seed S1's worksheet), one per plan under `plans`.

A plan is one member organization's internal document about the partnerships it seeks, written for its own
staff; it is not an agreement of the partnership and binds no one else. Its seven sections follow the
worksheet. What the plan leaves empty prints as a labelled blank to complete, never text made up in its place;
`lint` lists the same blanks (pipeline/plans.py, pipeline/lint_plans.py). The partnership's own values and goals
print only when the plan says the organization adopted them, and then as the partnership's.

The context is built as of the plan's date: members and contacts are those of that day, and a task not done by
then is marked past due. The timeline rows keep their dates as dates, sorted, for a figure drawn from them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import CELL_BLANK, blank, cell_blank, contact_view
from pipeline.contexts.confidentiality import own_promises
from pipeline.contexts.figure_plans import TimelineTask, timeline_figure
from pipeline.contexts.wording import organization, paragraphs, sentence, with_article
from pipeline.dated import partnership_on
from pipeline.formatting import long_date
from pipeline.kinds import PlannedDocument
from pipeline.plans import SECTION_BLANKS, adopted, by_date, partner_name, past_due, plan_names
from schemas import Partnership
from schemas.members import Member
from schemas.plans import ExistingPartner, PartnershipPlan, PartnershipStatement, PlanTask, PotentialPartner

DOCUMENT_TITLE = "Partnership Plan"
LABELS = dict(SECTION_BLANKS)


def _to_complete(label: str) -> str:
    """A line to complete by hand, with what belongs on it."""
    return blank(f"to complete: {label}")


def row_blank(label: str) -> str:
    """The first cell of an empty table's one row: a line short enough for the column, and what belongs there."""
    return cell_blank(f"to complete: {label}")


@dataclass(frozen=True)
class ExistingRow:
    """A row of the table of existing partners."""

    name: str
    type: str
    purpose: str


@dataclass(frozen=True)
class PotentialRow:
    """A row of the goals table: a potential partner and what the organization seeks with it."""

    name: str
    type: str
    description: str
    outcome: str


@dataclass(frozen=True)
class TacticRow:
    action: str
    measure: str
    responsible: str


@dataclass(frozen=True)
class PartnerTactics:
    """Section 4 for one potential partner: its contact (members only), the tactics, and how it is kept up."""

    name: str
    contact: str
    """'Contact at X: ...' for a member of the partnership, as the plan's audience may see it; '' otherwise."""
    rows: tuple[TacticRow, ...]
    maintenance: str


@dataclass(frozen=True)
class TaskRow:
    """A row of the timeline, printed; `due_date`, `done` and `past_due` keep the facts as data for a figure."""

    task: str
    due: str
    responsible: str
    status: str
    due_date: dt.date | None
    done: bool
    past_due: bool


@dataclass(frozen=True)
class MetricRow:
    metric: str
    recorded: str


def partnership_plans(partnership: Partnership, audience: Audience) -> list[PlannedDocument]:
    """One plan document per plan, named as pipeline.plans names it."""
    names = plan_names(partnership)
    return [
        PlannedDocument(
            name=names[index],
            title=f"{DOCUMENT_TITLE}: {partnership.member(plan.organization).name}",
            context=plan_context(partnership, plan, audience),
        )
        for index, plan in enumerate(partnership.plans)
    ]


def plan_context(partnership: Partnership, plan: PartnershipPlan, audience: Audience) -> dict[str, Any]:
    """Everything one plan shows, already worded; the keys are the template's variables."""
    partnership = partnership_on(partnership, plan.date)
    member = partnership.member(plan.organization)
    name = organization(member.name)
    background, need, accountability = plan.background, plan.need, plan.accountability
    return {
        "partnership_name": partnership.name,
        "document_title": DOCUMENT_TITLE,
        "header_title": f"{DOCUMENT_TITLE}: {member.name} (internal)",
        "organization_name": member.legal_name,
        # Cover: whose plan it is, and what it is not
        "cover": _cover(partnership, member),
        "plan_date": long_date(plan.date) or _to_complete("the plan's date"),
        "plan_contact": _contact(member, audience),
        "contact_label": f"{_possessive(member.name, start=True)} primary contact for the partnership",
        # 1. Background
        "about": paragraphs(background.about or member.description)
        or (_to_complete("a description of the organization"),),
        "principles": _items(background.principles, ("background", "principles")),
        "values_intro": _adopted_intro(partnership, plan, member, PartnershipStatement.values),
        "values": _values(partnership, plan),
        "goals_intro": _adopted_intro(partnership, plan, member, PartnershipStatement.goals),
        "goals": _goals(partnership, plan),
        "partnership_types": _items(background.partnership_types, ("background", "partnership_types")),
        "existing_rows": tuple(_existing_row(partnership, p) for p in background.existing_partners)
        or (ExistingRow(row_blank(LABELS[("background", "existing_partners")]), "", ""),),
        # 2. Need and purpose
        "benefits": _items(need.benefits, ("need", "benefits")),
        "must_haves": _items(need.must_haves, ("need", "must_haves")),
        # 3. Goals: the potential partners
        "potential_rows": tuple(_potential_row(partnership, p) for p in plan.potential_partners)
        or (PotentialRow(row_blank(LABELS[("potential_partners",)]), "", "", ""),),
        # 4. Tactics, partner by partner
        "organization": name,
        "tactics": tuple(_tactics(partnership, p, audience) for p in plan.potential_partners),
        "tactics_blank": _to_complete("the potential partners, and the tactics for each"),
        # 5. Accountability
        "roles": _items(accountability.roles, ("accountability", "roles")),
        "boundaries": _items(accountability.boundaries, ("accountability", "boundaries")),
        "promises_intro": f"Whatever a partner agrees, {name} keeps to what it may promise survivors about their "
        "information. In its own words:",
        "promises": own_promises(partnership, member),
        "holding_accountable": _items(accountability.holding_accountable, ("accountability", "holding_accountable")),
        # 6. Timeline, earliest first
        "timeline_figure": timeline_figure(
            f"{_possessive(member.name)} partnership plan",
            [TimelineTask(t.task, t.due, t.responsible or "", t.done, past_due(t, plan.date)) for t in by_date(plan)],
        ),
        "task_rows": tuple(_task_row(task, plan.date) for task in by_date(plan))
        or (TaskRow(row_blank(LABELS[("timeline",)]), "", "", "", None, False, False),),
        "timeline_intro": "The tasks that build these partnerships, earliest first"
        + (f"; each status is as of the plan’s date, {long_date(plan.date)}:" if plan.date else ":"),
        # 7. Evaluation
        "metric_rows": tuple(
            MetricRow(sentence(m.metric), sentence(m.recorded) if m.recorded else CELL_BLANK) for m in plan.evaluation
        )
        or (MetricRow(row_blank("the metrics and how each is recorded"), ""),),
    }


def _cover(partnership: Partnership, member: Member) -> tuple[str, ...]:
    own = organization(member.name, start=True)
    return (
        f"An internal planning document of {organization(member.legal_name)}, for its own staff. It is not an "
        "agreement: no partner has signed it, and it commits no other organization to anything. It sets out the "
        f"partnerships {organization(member.name)} seeks, why, and how it will build them.",
        f"{own} is a member of {with_article(partnership.name)}. This plan is {_possessive(member.name)} own: it "
        "speaks for neither the partnership nor its other members.",
    )


def _possessive(name: str, start: bool = False) -> str:
    """'Bridgewell’s', 'the Sheriff’s Office’s' (a name ending in s takes an apostrophe alone)."""
    prose = organization(name, start=start)
    return f"{prose}’" if prose.endswith("s") else f"{prose}’s"


def _contact(member: Member, audience: Audience) -> str:
    view = contact_view(member.primary_contact, audience)
    return "; ".join(view.lines)


def _items(values: list[str], location: tuple[str, ...]) -> tuple[str, ...]:
    """The list as written, or one blank naming what is missing."""
    return tuple(sentence(value) for value in values) or (_to_complete(LABELS[location]),)


def _adopted_intro(
    partnership: Partnership, plan: PartnershipPlan, member: Member, statement: PartnershipStatement
) -> str:
    """The sentence that says adopted values or goals are the partnership's; '' for the organization's own."""
    if not adopted(plan, statement):
        return ""
    own = organization(member.name, start=True)
    return f"{own} has adopted the {statement.value} of {with_article(partnership.name)} as its own:"


def _values(partnership: Partnership, plan: PartnershipPlan) -> tuple[str, ...]:
    if adopted(plan, PartnershipStatement.values):
        return tuple(v.strip() for v in partnership.values) or (_to_complete("the partnership has no values to adopt"),)
    # Values are short phrases ('Dignity'), printed as the charter and the MOU print the partnership's.
    return tuple(v.strip() for v in plan.background.values) or (_to_complete(LABELS[("background", "values")]),)


def _goals(partnership: Partnership, plan: PartnershipPlan) -> tuple[str, ...]:
    if adopted(plan, PartnershipStatement.goals):
        goals = tuple(
            f"{goal.name.strip()}: {sentence(goal.description)}" if goal.description else sentence(goal.name)
            for goal in partnership.goals
        )
        return goals or (_to_complete("the partnership has no goals to adopt"),)
    return _items(plan.background.goals, ("background", "goals"))


def _existing_row(partnership: Partnership, partner: ExistingPartner) -> ExistingRow:
    return ExistingRow(partner_name(partnership, partner), partner.type.label, sentence(partner.purpose))


def _potential_row(partnership: Partnership, partner: PotentialPartner) -> PotentialRow:
    return PotentialRow(
        partner_name(partnership, partner),
        partner.type.label,
        sentence(partner.description),
        sentence(partner.outcome) if partner.outcome else CELL_BLANK,
    )


def _tactics(partnership: Partnership, partner: PotentialPartner, audience: Audience) -> PartnerTactics:
    name = partner_name(partnership, partner)
    contact = ""
    if partner.member is not None:
        view = contact_view(partnership.member(partner.member).primary_contact, audience)
        contact = f"Contact at {organization(name)}: {'; '.join(view.lines)}"
    rows = tuple(
        TacticRow(
            sentence(tactic.action),
            sentence(tactic.measure) if tactic.measure else CELL_BLANK,
            tactic.responsible.strip() if tactic.responsible else CELL_BLANK,
        )
        for tactic in partner.tactics
    ) or (TacticRow(row_blank("the steps that build this relationship"), "", ""),)
    maintenance = (
        f"Keeping the relationship up: {sentence(partner.maintenance)}"
        if partner.maintenance
        else f"Keeping the relationship up: {_to_complete('how it is kept up')}"
    )
    return PartnerTactics(name, contact, rows, maintenance)


def _task_row(task: PlanTask, as_of: dt.date | None) -> TaskRow:
    late = past_due(task, as_of)
    status = "Done" if task.done else ("Past due" if late else "To do")
    return TaskRow(
        task=sentence(task.task),
        due=long_date(task.due) or CELL_BLANK,
        responsible=task.responsible.strip() if task.responsible else CELL_BLANK,
        status=status,
        due_date=task.due,
        done=task.done,
        past_due=late,
    )


__all__ = ["DOCUMENT_TITLE", "partnership_plans", "plan_context"]
