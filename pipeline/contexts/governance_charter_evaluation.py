"""The governance charter's evaluation section: the evaluation items of the partnership toolkit.

What to assess and why (tied to the goals), the data and community resources that already exist, what
data is collected and how, a basic or advanced design, outside help, how member staff take part,
timeframes and the step from data to action, the measures and the logic model. Each item prints only
when the file states it; the items still missing are named once, in one sentence, so the members see
what they have to decide instead of reading generic prose in its place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from pipeline.contexts.common import current_name
from pipeline.contexts.wording import facts, join_items, labelled, maybe, sentence
from pipeline.evaluation import DESIGNS, LogicPart, has_content, logic_parts, missing_items
from pipeline.i18n import N_, _
from schemas import Partnership
from schemas.evaluation import Evaluation
from schemas.vocabulary import DataType

_KIND_OF_DATA = {
    # Translators: {data} is, as the members wrote it, a kind of data the evaluation collects.
    DataType.quantitative: N_("{data} (quantitative data)"),
    # Translators: {data} is, as the members wrote it, a kind of data the evaluation collects.
    DataType.qualitative: N_("{data} (qualitative data)"),
}


@dataclass(frozen=True)
class MetricRow:
    name: str
    target: str


def evaluation(partnership: Partnership) -> dict[str, Any]:
    """The template variables of the evaluation section."""
    plan = partnership.evaluation
    return {
        "evaluator": current_name(partnership, plan.evaluator),
        # The evaluation plan is built whenever the section has content: the charter points readers to it.
        "evaluation_plan_exists": has_content(plan),
        "evaluation_questions": tuple(
            " ".join(
                part
                for part in (
                    sentence(q.question),
                    labelled(_("Goal"), q.goal),
                    labelled(_("Why it matters"), q.why),
                )
                if part
            )
            for q in plan.questions
        ),
        "data_sources": tuple(sentence(source) for source in plan.data_sources),
        "data_collection": tuple(_collection(partnership, plan)),
        "evaluation_facts": facts(
            (_("Design"), _design(plan)),
            (_("Outside help"), plan.outside_help),
            (_("How members take part"), plan.involvement),
            (_("Timeframes"), plan.timeframes),
            (_("From data to action"), plan.data_to_action),
        ),
        "evaluation_to_decide": _to_decide(plan),
        # Translators: a measure's target when the members have not set one (a table cell).
        "metric_rows": tuple(MetricRow(m.name, m.target or _("No target set")) for m in plan.metrics),
        "logic_rows": _logic_rows(partnership),
        "evaluation_reporting": maybe(plan.reporting),
    }


def _collection(partnership: Partnership, plan: Evaluation) -> list[str]:
    lines = []
    for item in plan.data_collection:
        data = item.data.strip().rstrip(".")
        if item.type:
            data = _(_KIND_OF_DATA[item.type], data=data)
        text = f"{data}: {sentence(item.method)}" if item.method else sentence(data)
        if collector := current_name(partnership, item.collected_by):
            # Translators: {collector} is the member that collects the data named just before.
            collects = _("{collector} collects it.", collector=collector)
            text = f"{text} {collects}"
        lines.append(text)
    return lines


def _design(plan: Evaluation) -> str | None:
    if plan.design is None:
        return plan.design_note
    return " ".join(sentence(part) for part in (_(DESIGNS[plan.design]), plan.design_note) if part)


def _to_decide(plan: Evaluation) -> str:
    """One sentence naming the toolkit's items the file leaves out, or '' when none is missing."""
    missing = [_(item.undecided) for item in missing_items(plan) if item.undecided]
    if not missing:
        return ""
    # Translators: {items} lists what the members still have to decide ("whether it needs outside help and a
    # logic model"), each item as pipeline.evaluation words it.
    return _("The members have not yet agreed {items}.", items=join_items(missing))


def _logic_rows(partnership: Partnership) -> tuple[LogicPart, ...]:
    """The parts of the logic model the file gives (the evaluation plan shows the others as blanks)."""
    if partnership.evaluation.logic_model is None:
        return ()
    return tuple(
        replace(part, part=_(part.part), items=(sentence(part.items[0]),) if part.key == "purpose" else part.items)
        for part in logic_parts(partnership)
        if part.items
    )


__all__ = ["MetricRow", "evaluation"]
