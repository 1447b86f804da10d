"""The governance charter's evaluation section: the evaluation items of the partnership toolkit.

What to assess and why (tied to the goals), the data and community resources that already exist, what
data is collected and how, a basic or advanced design, outside help, how member staff take part,
timeframes and the step from data to action, the measures and the logic model. Each item prints only
when the file states it; the items still missing are named once, in one sentence, so the members see
what they have to decide instead of reading generic prose in its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.contexts.common import current_name
from pipeline.contexts.wording import facts, join_items, labelled, maybe, sentence
from schemas import Partnership
from schemas.operations import Evaluation
from schemas.vocabulary import EvaluationDesign

# What each design means, in a sentence a member can check the plan against.
_DESIGNS: dict[EvaluationDesign, str] = {
    EvaluationDesign.basic: "The evaluation has a basic design: the members collect counts and feedback "
    "themselves and compare them over time",
    EvaluationDesign.advanced: "The evaluation has an advanced design: it uses research methods such as "
    "comparison groups, and needs a trained evaluator",
}


@dataclass(frozen=True)
class MetricRow:
    name: str
    target: str


@dataclass(frozen=True)
class LogicRow:
    part: str
    items: tuple[str, ...]


def evaluation(partnership: Partnership) -> dict[str, Any]:
    """The template variables of the evaluation section."""
    plan = partnership.evaluation
    return {
        "evaluator": current_name(partnership, plan.evaluator),
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
        text = f"{item.data.strip().rstrip('.')}{kind}: {sentence(item.method)}"
        collector = current_name(partnership, item.collected_by)
        lines.append(f"{text} {collector} collects it." if collector else text)
    return lines


def _design(plan: Evaluation) -> str | None:
    if plan.design is None:
        return plan.design_note
    return " ".join(sentence(part) for part in (_DESIGNS[plan.design], plan.design_note) if part)


def _to_decide(plan: Evaluation) -> str:
    """One sentence naming the toolkit's items the file leaves out, or '' when none is missing."""
    missing = [
        phrase
        for phrase, present in (
            ("what the evaluation should find out and why", plan.questions),
            ("which existing data and community resources it can use", plan.data_sources),
            ("which data to collect and how", plan.data_collection),
            ("whether its design is basic or advanced", plan.design or plan.design_note),
            ("whether it needs outside help", plan.outside_help),
            ("how member staff take part in it", plan.involvement),
            ("when data is collected and results reviewed", plan.timeframes),
            ("how results are turned into action", plan.data_to_action),
            ("a logic model", plan.logic_model),
        )
        if not present
    ]
    if not missing:
        return ""
    return f"The members have not yet agreed {join_items(missing)}."


def _logic_rows(partnership: Partnership) -> tuple[LogicRow, ...]:
    model = partnership.evaluation.logic_model
    if model is None:
        return ()
    parts = (
        ("Purpose or goal", (sentence(model.purpose or partnership.mission),)),
        ("Inputs", tuple(model.inputs)),
        ("Activities", tuple(model.activities)),
        ("Outputs", tuple(model.outputs)),
        ("Outcomes and impacts", tuple(model.outcomes)),
        ("External factors", tuple(model.external_factors)),
    )
    return tuple(LogicRow(part, items) for part, items in parts if items)


__all__ = ["LogicRow", "MetricRow", "evaluation"]
