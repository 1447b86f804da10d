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
from pipeline.i18n import N_, _, _p
from pipeline.kinds import PlannedDocument
from pipeline.plans import SECTION_BLANKS, adopted, by_date, partner_name, past_due, plan_names
from schemas import Partnership
from schemas.members import Member
from schemas.plans import ExistingPartner, PartnershipPlan, PartnershipStatement, PlanTask, PotentialPartner

DOCUMENT_TITLE = N_("Partnership Plan")
LABELS = dict(SECTION_BLANKS)
"""What each empty list's blank asks for (pipeline.plans words them in English; translated where printed)."""


def _to_complete(label: str) -> str:
    """A line to complete by hand, with what belongs on it (`label` in the document's language)."""
    # Translators: {item} says what belongs on a blank line to complete ("the plan's date").
    return blank(_("to complete: {item}", item=label))


def row_blank(label: str) -> str:
    """The first cell of an empty table's one row: a line short enough for the column, and what belongs there."""
    return cell_blank(_("to complete: {item}", item=label))


def _label(location: tuple[str, ...]) -> str:
    """What the blank of the list at `location` asks for, in the document's language."""
    return _(LABELS[location])


def _apostrophe_alone(name: str) -> bool:
    """True when English writes the name's possessive with an apostrophe alone: 'the Sheriff’s Office’', but
    'Bridgewell’s'. Sentences with a possessive come in both English forms; other languages translate both alike."""
    return organization(name).endswith("s")


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
            # Translators: the title of one member's partnership plan; {organization} is the member's name.
            title=_("Partnership Plan: {organization}", organization=partnership.member(plan.organization).name),
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
        "document_title": _(DOCUMENT_TITLE),
        # Translators: the page header of one member's partnership plan; {organization} is the member's name.
        "header_title": _("Partnership Plan: {organization} (internal)", organization=member.name),
        "organization_name": member.legal_name,
        # Cover: whose plan it is, and what it is not
        "cover": _cover(partnership, member),
        "plan_date": long_date(plan.date) or _to_complete(_("the plan's date")),
        "plan_contact": _contact(member, audience),
        "contact_label": _contact_label(member),
        # 1. Background
        "about": paragraphs(background.about or member.description)
        or (_to_complete(_("a description of the organization")),),
        "principles": _items(background.principles, ("background", "principles")),
        "values_intro": _adopted_intro(partnership, plan, member, PartnershipStatement.values),
        "values": _values(partnership, plan),
        "goals_intro": _adopted_intro(partnership, plan, member, PartnershipStatement.goals),
        "goals": _goals(partnership, plan),
        "partnership_types": _items(background.partnership_types, ("background", "partnership_types")),
        "existing_rows": tuple(_existing_row(partnership, p) for p in background.existing_partners)
        or (ExistingRow(row_blank(_label(("background", "existing_partners"))), "", ""),),
        # 2. Need and purpose
        "benefits": _items(need.benefits, ("need", "benefits")),
        "must_haves": _items(need.must_haves, ("need", "must_haves")),
        # 3. Goals: the potential partners
        "potential_rows": tuple(_potential_row(partnership, p) for p in plan.potential_partners)
        or (PotentialRow(row_blank(_label(("potential_partners",))), "", "", ""),),
        # 4. Tactics, partner by partner
        "organization": name,
        "tactics": tuple(_tactics(partnership, p, audience) for p in plan.potential_partners),
        "tactics_blank": _to_complete(_("the potential partners, and the tactics for each")),
        # 5. Accountability
        "roles": _items(accountability.roles, ("accountability", "roles")),
        "boundaries": _items(accountability.boundaries, ("accountability", "boundaries")),
        # Translators: {organization} is the member whose plan this is, as it reads inside a sentence.
        "promises_intro": _(
            "Whatever a partner agrees, {organization} keeps to what it may promise survivors about their information. "
            "In its own words:",
            organization=name,
        ),
        "promises": own_promises(partnership, member),
        "holding_accountable": _items(accountability.holding_accountable, ("accountability", "holding_accountable")),
        # 6. Timeline, earliest first
        "timeline_figure": timeline_figure(
            _plan_name(member),
            [TimelineTask(t.task, t.due, t.responsible or "", t.done, past_due(t, plan.date)) for t in by_date(plan)],
        ),
        "task_rows": tuple(_task_row(task, plan.date) for task in by_date(plan))
        or (TaskRow(row_blank(_label(("timeline",))), "", "", "", None, False, False),),
        "timeline_intro": (
            # Translators: {date} is the plan's date, a full date.
            _(
                "The tasks that build these partnerships, earliest first; each status is as of the plan’s date, "
                "{date}:",
                date=long_date(plan.date),
            )
            if plan.date
            else _("The tasks that build these partnerships, earliest first:")
        ),
        # 7. Evaluation
        "metric_rows": tuple(
            MetricRow(sentence(m.metric), sentence(m.recorded) if m.recorded else CELL_BLANK) for m in plan.evaluation
        )
        or (MetricRow(row_blank(_("the metrics and how each is recorded")), ""),),
    }


def _cover(partnership: Partnership, member: Member) -> tuple[str, ...]:
    own = organization(member.name, start=True)
    # Translators: {legal_name} is the member's legal name and {organization} its short name, each as it reads
    # inside a sentence ("the Riverbend County Sheriff's Office", "Bridgewell").
    internal = _(
        "An internal planning document of {legal_name}, for its own staff. It is not an agreement: no partner has "
        "signed it, and it commits no other organization to anything. It sets out the partnerships {organization} "
        "seeks, why, and how it will build them.",
        legal_name=organization(member.legal_name),
        organization=organization(member.name),
    )
    values = {"organization": own, "partnership": with_article(partnership.name), "name": organization(member.name)}
    if _apostrophe_alone(member.name):
        # Translators: {organization} (at the start of a sentence) and {name} are the same member; {partnership} is
        # the partnership's name as it reads inside a sentence. English adds an apostrophe alone to a name ending in s.
        own_plan = _(
            "{organization} is a member of {partnership}. This plan is {name}’ own: it speaks for neither the "
            "partnership nor its other members.",
            **values,
        )
    else:
        # Translators: {organization} (at the start of a sentence) and {name} are the same member; {partnership} is
        # the partnership's name as it reads inside a sentence.
        own_plan = _(
            "{organization} is a member of {partnership}. This plan is {name}’s own: it speaks for neither the "
            "partnership nor its other members.",
            **values,
        )
    return (internal, own_plan)


def _contact_label(member: Member) -> str:
    """The label of the plan's contact: 'Bridgewell’s primary contact for the partnership'."""
    owner = organization(member.name, start=True)
    if _apostrophe_alone(member.name):
        # Translators: {organization} is the member whose plan this is; English adds an apostrophe alone to a name
        # ending in s.
        return _("{organization}’ primary contact for the partnership", organization=owner)
    # Translators: {organization} is the member whose plan this is.
    return _("{organization}’s primary contact for the partnership", organization=owner)


def _plan_name(member: Member) -> str:
    """The plan named for its timeline figure: 'Bridgewell’s partnership plan'."""
    owner = organization(member.name)
    if _apostrophe_alone(member.name):
        # Translators: the name of one member's plan, without an article, as the timeline figure's title uses it;
        # English adds an apostrophe alone to a name ending in s.
        return _("{organization}’ partnership plan", organization=owner)
    # Translators: the name of one member's plan, without an article, as the timeline figure's title uses it.
    return _("{organization}’s partnership plan", organization=owner)


def _contact(member: Member, audience: Audience) -> str:
    view = contact_view(member.primary_contact, audience)
    return "; ".join(view.lines)


def _items(values: list[str], location: tuple[str, ...]) -> tuple[str, ...]:
    """The list as written, or one blank naming what is missing."""
    return tuple(sentence(value) for value in values) or (_to_complete(_label(location)),)


def _adopted_intro(
    partnership: Partnership, plan: PartnershipPlan, member: Member, statement: PartnershipStatement
) -> str:
    """The sentence that says adopted values or goals are the partnership's; '' for the organization's own."""
    if not adopted(plan, statement):
        return ""
    own = organization(member.name, start=True)
    partnership_name = with_article(partnership.name)
    # Translators: {organization} is the member whose plan this is; {partnership} the partnership's name as it
    # reads inside a sentence.
    if statement is PartnershipStatement.values:
        return _(
            "{organization} has adopted the values of {partnership} as its own:",
            organization=own,
            partnership=partnership_name,
        )
    return _(
        "{organization} has adopted the goals of {partnership} as its own:",
        organization=own,
        partnership=partnership_name,
    )


def _values(partnership: Partnership, plan: PartnershipPlan) -> tuple[str, ...]:
    if adopted(plan, PartnershipStatement.values):
        return tuple(v.strip() for v in partnership.values) or (
            _to_complete(_("the partnership has no values to adopt")),
        )
    # Values are short phrases ('Dignity'), printed as the charter and the MOU print the partnership's.
    return tuple(v.strip() for v in plan.background.values) or (_to_complete(_label(("background", "values"))),)


def _goals(partnership: Partnership, plan: PartnershipPlan) -> tuple[str, ...]:
    if adopted(plan, PartnershipStatement.goals):
        goals = tuple(
            f"{goal.name.strip()}: {sentence(goal.description)}" if goal.description else sentence(goal.name)
            for goal in partnership.goals
        )
        return goals or (_to_complete(_("the partnership has no goals to adopt")),)
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
        # Translators: {organization} is a potential partner; {contact} its contact's name, title and details.
        contact = _(
            "Contact at {organization}: {contact}", organization=organization(name), contact="; ".join(view.lines)
        )
    rows = tuple(
        TacticRow(
            sentence(tactic.action),
            sentence(tactic.measure) if tactic.measure else CELL_BLANK,
            tactic.responsible.strip() if tactic.responsible else CELL_BLANK,
        )
        for tactic in partner.tactics
    ) or (TacticRow(row_blank(_("the steps that build this relationship")), "", ""),)
    kept_up = sentence(partner.maintenance) if partner.maintenance else _to_complete(_("how it is kept up"))
    # Translators: {maintenance} says how the organization keeps a partnership up, as the plan wrote it, or is a
    # blank line to complete.
    maintenance = _("Keeping the relationship up: {maintenance}", maintenance=kept_up)
    return PartnerTactics(name, contact, rows, maintenance)


def _task_row(task: PlanTask, as_of: dt.date | None) -> TaskRow:
    late = past_due(task, as_of)
    status = (
        _p("task status", "Done")
        if task.done
        else (_p("task status", "Past due") if late else _p("task status", "To do"))
    )
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
