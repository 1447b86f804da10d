"""The partnership plans of a partnership as documents: their file names, what each leaves blank, which tasks are late.

Cheap (no rendering code), so that `lint`, the kinds' file names and sign-off use it as the context does: a
plan prints a blank exactly where lint lists one.
"""

from __future__ import annotations

import datetime as dt

from pipeline.i18n import N_
from pipeline.load import Location
from schemas import Partnership
from schemas.plans import ExistingPartner, PartnershipPlan, PartnershipStatement, PlanTask, PotentialPartner

PREFIX = "partnership-plan"

SECTION_BLANKS: tuple[tuple[Location, str], ...] = (
    (("background", "principles"), N_("the organization's principles")),
    (("background", "values"), N_("the organization's values")),
    (("background", "goals"), N_("the organization's goals")),
    (("background", "partnership_types"), N_("the types of partnership sought")),
    (("background", "existing_partners"), N_("the existing partners")),
    (("need", "benefits"), N_("the benefits of partnering")),
    (("need", "must_haves"), N_("what every partner must have")),
    (("potential_partners",), N_("the potential partners")),
    (("accountability", "roles"), N_("roles and responsibilities")),
    (("accountability", "boundaries"), N_("the boundaries: privacy, confidentiality and information sharing")),
    (("accountability", "holding_accountable"), N_("how partners are held accountable")),
    (("timeline",), N_("the timeline's tasks")),
)
"""Each list of a plan that prints a blank when empty, with what is missing (the evaluation has a rule of its own)."""


def plan_names(partnership: Partnership) -> list[str]:
    """One name per plan, in order: partnership-plan-<organization> (validation allows one plan per member)."""
    return [f"{PREFIX}-{plan.organization}" for plan in partnership.plans]


def plan_named(partnership: Partnership, name: str) -> PartnershipPlan:
    """The plan a document of this name shows."""
    return partnership.plans[plan_names(partnership).index(name)]


def organization_id(partnership: Partnership, name: str) -> str:
    """The member whose plan a document of this name is: it alone approves it."""
    return plan_named(partnership, name).organization


def partner_name(partnership: Partnership, partner: ExistingPartner | PotentialPartner) -> str:
    """The partner's name as the plan prints it: a member's short name, else the name as written."""
    if partner.member is not None:
        return partnership.member(partner.member).name
    return (partner.name or "").strip()


def adopted(plan: PartnershipPlan, statement: PartnershipStatement) -> bool:
    """True when the plan says the organization has adopted the partnership's own values or goals."""
    return statement in plan.background.adopts


def by_date(plan: PartnershipPlan) -> list[PlanTask]:
    """The timeline's tasks, earliest due first; tasks without a date last, in the order written."""
    dated = sorted((task for task in plan.timeline if task.due is not None), key=lambda task: task.due or dt.date.min)
    return [*dated, *(task for task in plan.timeline if task.due is None)]


def past_due(task: PlanTask, as_of: dt.date | None) -> bool:
    """True when the task was due before `as_of` and is not done (never without a date to compare)."""
    return as_of is not None and task.due is not None and not task.done and task.due < as_of


def blanks(partnership: Partnership, plan: PartnershipPlan) -> list[tuple[Location, str]]:
    """Every blank the plan prints that no more specific rule lists: (path under the plan, what is missing)."""
    found: list[tuple[Location, str]] = []
    if plan.date is None:
        found.append((("date",), "the plan's date"))
    organization = partnership.member(plan.organization)
    if plan.background.about is None and organization.description is None:
        found.append((("background", "about"), "a description of the organization"))
    for location, label in SECTION_BLANKS:
        if not _given(partnership, plan, location):
            found.append((location, label))
    for index, partner in enumerate(plan.potential_partners):
        name = partner_name(partnership, partner)
        if partner.outcome is None:
            found.append((("potential_partners", index, "outcome"), f"the desired outcome with {name}"))
        if partner.maintenance is None:
            found.append((("potential_partners", index, "maintenance"), f"how the relationship with {name} is kept up"))
    return found


def _given(partnership: Partnership, plan: PartnershipPlan, location: Location) -> bool:
    """True when the list at `location` has items, or is values or goals the plan adopts and the partnership has."""
    if location in (("background", "values"), ("background", "goals")):
        statement = PartnershipStatement(str(location[1]))
        if adopted(plan, statement):
            return bool(partnership.values if statement is PartnershipStatement.values else partnership.goals)
    value: object = plan
    for step in location:
        value = getattr(value, str(step))
    return bool(value)
