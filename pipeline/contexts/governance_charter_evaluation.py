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
from schemas import Partnership
from schemas.evaluation import Evaluation


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
                for part in (sentence(q.question), labelled("Goal", q.goal), labelled("Why it matters", q.why))
                if part
            )
            for q in plan.questions
        ),
        "data_sources": tuple(sentence(source) for source in plan.data_sources),
        "data_collection": tuple(_collection(partnership, plan)),
        "evaluation_facts": facts(
            ("Design", _design(plan)),
            ("Outside help", plan.outside_help),
            ("How members take part", plan.involvement),
            ("Timeframes", plan.timeframes),
            ("From data to action", plan.data_to_action),
        ),
        "evaluation_to_decide": _to_decide(plan),
        "metric_rows": tuple(MetricRow(m.name, m.target or "No target set") for m in plan.metrics),
        "logic_rows": _logic_rows(partnership),
        "evaluation_reporting": maybe(plan.reporting),
    }


def _collection(partnership: Partnership, plan: Evaluation) -> list[str]:
    lines = []
    for item in plan.data_collection:
        kind = f" ({item.type.value} data)" if item.type else ""
        data = f"{item.data.strip().rstrip('.')}{kind}"
        text = f"{data}: {sentence(item.method)}" if item.method else sentence(data)
        collector = current_name(partnership, item.collected_by)
        lines.append(f"{text} {collector} collects it." if collector else text)
    return lines


def _design(plan: Evaluation) -> str | None:
    if plan.design is None:
        return plan.design_note
    return " ".join(sentence(part) for part in (DESIGNS[plan.design], plan.design_note) if part)


def _to_decide(plan: Evaluation) -> str:
    """One sentence naming the toolkit's items the file leaves out, or '' when none is missing."""
    missing = [item.undecided for item in missing_items(plan) if item.undecided]
    if not missing:
        return ""
    return f"The members have not yet agreed {join_items(missing)}."


def _logic_rows(partnership: Partnership) -> tuple[LogicPart, ...]:
    """The parts of the logic model the file gives (the evaluation plan shows the others as blanks)."""
    if partnership.evaluation.logic_model is None:
        return ()
    return tuple(
        replace(part, items=(sentence(part.items[0]),)) if part.key == "purpose" else part
        for part in logic_parts(partnership)
        if part.items
    )


__all__ = ["MetricRow", "evaluation"]
