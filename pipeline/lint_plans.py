"""Lint rules for partnership plans (seed S1's worksheet): what a plan leaves blank or open.

A plan is an internal working document of one organization, which approves it: it binds no partner and is
published to no one outside the organization. So none of these rules blocks `build --release`; they are the
plan's to-do list. The organization's approval is what makes a plan final, as for every document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from pipeline.formatting import join_and
from pipeline.lint import Finding, rule
from pipeline.plans import blanks, partner_name, past_due, plan_names
from schemas import Partnership


@rule(
    "plan-blank",
    "A partnership plan prints a blank to complete: its date, a section left empty, or a potential partner's "
    "desired outcome or upkeep.",
    "A partnership plan covers the organization's background, its need for partners, its goals, tactics, "
    "accountability, timeline and evaluation; a part left empty prints a blank, never text made up in its place.",
)
def _plan_blank(p: Partnership) -> Iterator[Finding]:
    names = plan_names(p)
    for index, plan in enumerate(p.plans):
        missing = blanks(p, plan)
        if missing:
            labels = join_and(label for _, label in missing)
            yield ("plans", index), f"{names[index]} prints blanks for: {labels}"


@rule(
    "plan-partner-without-tactic",
    "A potential partner in a partnership plan has no tactic.",
    "A partnership is built by specific steps (an introduction, a meeting, a working group); a potential partner "
    "with none stays a wish.",
)
def _partner_without_tactic(p: Partnership) -> Iterator[Finding]:
    for index, plan in enumerate(p.plans):
        for number, partner in enumerate(plan.potential_partners):
            if not partner.tactics:
                message = (
                    f"the plan names {partner_name(p, partner)} as a potential partner but gives no tactic: add "
                    "'tactics', each with a measure and who is responsible"
                )
                yield ("plans", index, "potential_partners", number), message


@rule(
    "plan-tactic-incomplete",
    "A tactic in a partnership plan has no measure or no one responsible.",
    "Tactics should be specific and measurable, with someone responsible for seeking the partnership; without "
    "them nobody can tell whether the step was taken.",
)
def _tactic_incomplete(p: Partnership) -> Iterator[Finding]:
    for index, plan in enumerate(p.plans):
        for number, partner in enumerate(plan.potential_partners):
            for step, tactic in enumerate(partner.tactics):
                missing = [
                    what
                    for what, value in (("measure", tactic.measure), ("one responsible", tactic.responsible))
                    if value is None
                ]
                if missing:
                    where = ("plans", index, "potential_partners", number, "tactics", step)
                    yield where, f"this tactic for {partner_name(p, partner)} has no {' and no '.join(missing)}"


@rule(
    "plan-task-incomplete",
    "A task in a partnership plan's timeline has no due date or no one responsible.",
    "A timeline is a list of dated tasks with an owner; a task without a date cannot be sorted, tracked or found late.",
)
def _task_incomplete(p: Partnership) -> Iterator[Finding]:
    for index, plan in enumerate(p.plans):
        for number, task in enumerate(plan.timeline):
            missing = [
                what for what, value in (("due date", task.due), ("one responsible", task.responsible)) if not value
            ]
            if missing:
                yield ("plans", index, "timeline", number), f"this task has no {' and no '.join(missing)}"


@rule(
    "plan-task-past-due",
    "A task in a partnership plan's timeline was due before the plan's date (or, for a plan without a date, "
    "before today) and is not marked done.",
    "A plan that shows a late task as still open is out of date: mark it done, give it a new date, or drop it.",
)
def _task_past_due(p: Partnership) -> Iterator[Finding]:
    today = dt.date.today()
    for index, plan in enumerate(p.plans):
        as_of = plan.date or today
        for number, task in enumerate(plan.timeline):
            if past_due(task, as_of):
                when = f"the plan's date ({plan.date.isoformat()})" if plan.date else "today"
                message = f"this task was due on {task.due} and is not marked done as of {when}"
                yield ("plans", index, "timeline", number, "due"), message


@rule(
    "plan-evaluation-incomplete",
    "A partnership plan has no evaluation metric, or a metric that does not say how it is recorded.",
    "Partnerships are evaluated by metrics such as referrals, expanded services and coordination opportunities, "
    "each recorded the same way every time; without them no one can tell whether a partnership works.",
)
def _evaluation_incomplete(p: Partnership) -> Iterator[Finding]:
    names = plan_names(p)
    for index, plan in enumerate(p.plans):
        if not plan.evaluation:
            message = (
                f"{names[index]} has no evaluation metric: add 'evaluation' with each metric and how it is recorded"
            )
            yield ("plans", index), message
        for number, metric in enumerate(plan.evaluation):
            if metric.recorded is None:
                message = "this metric does not say how it is recorded ('recorded': how, where and how often)"
                yield ("plans", index, "evaluation", number), message
