"""Context of the Evaluation Plan (documents.md section 3b): how the partnership evaluates its work.

The plan follows the partnership toolkit's steps for preparing an evaluation (seed 002): what to assess
and why, tied to the goals; existing data; the data collected, its type, method and collector; a basic or
advanced design; outside help; how member staff take part; timeframes; the step from data to action;
reporting; the measures; and the logic model. Every item the file leaves out prints as a labelled blank
to complete, never as generic prose or a guess: pipeline/evaluation.py finds the gaps, and lint lists the
same ones (pipeline/lint_evaluation.py). Fixed wording lives in the template; this module hands over what
depends on the data, already worded.

The logic model is drawn as a figure too (`logic_model_figure`), from the same parts as its table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import blank, cell_blank, current_name
from pipeline.contexts.figure_plans import logic_model_figure
from pipeline.contexts.wording import join_items, join_sentences, maybe, numbered, sentence, with_article
from pipeline.evaluation import (
    DESIGNS,
    LogicPart,
    collection_gaps,
    item,
    logic_gaps,
    logic_parts,
    measures_without_recorder,
    missing_items,
    purpose_from_mission,
    questions_without_why,
    unmeasured_outcomes,
)
from pipeline.figures import Figure
from pipeline.i18n import N_, _, _n
from schemas import Partnership
from schemas.evaluation import DataCollection, Evaluation

DOCUMENT_TITLE = N_("Evaluation Plan")

SECTIONS = (
    "purpose",
    "questions",
    "existing",
    "collection",
    "design",
    "help",
    "involvement",
    "timeframes",
    "action",
    "reporting",
    "measures",
    "logic",
)
"""The plan's sections in order; every plan has all of them (a missing item is a blank, not a missing section)."""


# Translators: a table cell for an evaluation question that names no goal.
NO_GOAL = N_("No goal named")
# Translators: a table cell for a measure that names no outcome.
NO_OUTCOME = N_("No outcome named")
"""Table cells for an optional link the file does not make: a question's goal, a measure's outcome."""


@dataclass(frozen=True)
class GoalRow:
    name: str
    outcome: str


@dataclass(frozen=True)
class QuestionRow:
    question: str
    goal: str
    why: str


@dataclass(frozen=True)
class CollectionRow:
    data: str
    type: str
    method: str
    collector: str


@dataclass(frozen=True)
class MeasureRow:
    name: str
    outcome: str
    target: str
    recorder: str


def evaluation_plan_context(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """Everything the plan shows, already worded; the keys are the template's variables."""
    plan = partnership.evaluation
    return {
        "partnership_name": partnership.name,
        "document_title": _(DOCUMENT_TITLE),
        "n": numbered(SECTIONS),
        "the_partnership": with_article(partnership.name),
        "evaluator": _evaluator(partnership),
        "open_sections": _open_sections(partnership),
        # 1. Purpose
        "purpose": _or_blank(maybe(plan.purpose), "purpose"),
        # Translators: a goal's outcome that the members have not set yet (a table cell).
        "goals": tuple(GoalRow(g.name.strip(), maybe(g.outcome) or _("To be set")) for g in partnership.goals),
        # 2. Questions
        "questions": tuple(
            QuestionRow(
                question=sentence(q.question),
                goal=q.goal.strip() if q.goal else _(NO_GOAL),
                # Translators: what belongs on a blank line to complete: why an evaluation question matters.
                why=maybe(q.why) or cell_blank(_("why it matters")),
            )
            for q in plan.questions
        ),
        "no_questions": _missing("questions", plan),
        # 3-4. Data
        "data_sources": tuple(sentence(source) for source in plan.data_sources),
        "no_data_sources": _missing("data_sources", plan),
        "collection_rows": tuple(_collection_row(partnership, entry) for entry in plan.data_collection),
        "no_collection": _missing("data_collection", plan),
        # 5. Design
        "design": _design(plan),
        "limitations": _or_blank(maybe(plan.limitations), "limitations"),
        # 6-10. Outside help, staff, timeframes, data to action, reporting
        "outside_help": _or_blank(maybe(plan.outside_help), "outside_help"),
        "involvement": _or_blank(maybe(plan.involvement), "involvement"),
        "timeframes": _or_blank(maybe(plan.timeframes), "timeframes"),
        "data_to_action": _or_blank(maybe(plan.data_to_action), "data_to_action"),
        "reporting": _or_blank(maybe(plan.reporting), "reporting"),
        # 11. Measures
        "measure_rows": tuple(_measure_row(partnership, index) for index in range(len(plan.metrics))),
        "no_measures": _missing("metrics", plan),
        "unmeasured": _unmeasured(plan),
        # 12. Logic model
        "logic_rows": _logic_rows(partnership),
        "logic_model_figure": _logic_model_figure(partnership),
    }


def _or_blank(text: str, key: str) -> str:
    """The worded value, or a blank that says what the members still have to decide."""
    # Translators: {item} says what belongs on a blank line to complete ("the member that leads the evaluation").
    return text or blank(_("to complete: {item}", item=_(item(key).blank)))


def _missing(key: str, plan: Evaluation) -> str:
    """A blank paragraph for a list the file leaves empty, or '' when it has entries."""
    return "" if item(key).given(plan) else _or_blank("", key)


def _collection_row(partnership: Partnership, entry: DataCollection) -> CollectionRow:
    collector = current_name(partnership, entry.collected_by)
    return CollectionRow(
        data=entry.data.strip(),
        # Translators: what belongs on the blank lines of a kind of data to collect: its type, method and collector.
        type=entry.type.label if entry.type else cell_blank(_("quantitative or qualitative")),
        method=maybe(entry.method) or cell_blank(_("how it is collected")),
        collector=collector or cell_blank(_("who collects it")),
    )


def _evaluator(partnership: Partnership) -> str:
    name = current_name(partnership, partnership.evaluation.evaluator)  # '' for a member that has left
    return _or_blank(f"{name}." if name else "", "evaluator")


def _design(plan: Evaluation) -> str:
    if plan.design:
        return join_sentences(_(DESIGNS[plan.design]), plan.design_note)
    return " ".join(part for part in (_or_blank("", "design"), maybe(plan.design_note)) if part)


def _measure_row(partnership: Partnership, index: int) -> MeasureRow:
    metric = partnership.evaluation.metrics[index]
    return MeasureRow(
        name=metric.name.strip(),
        outcome=metric.outcome.strip() if metric.outcome else _(NO_OUTCOME),
        # Translators: a measure's target when the members have not set one (a table cell).
        target=metric.target.strip() if metric.target else _("No target set"),
        # Translators: what belongs on a blank line to complete: the member that records a measure.
        recorder=current_name(partnership, metric.recorded_by) or cell_blank(_("who records it")),
    )


def _unmeasured(plan: Evaluation) -> tuple[str, ...]:
    """The outcomes of the logic model that no measure shows yet, as typed."""
    return tuple(outcome.strip() for _index, outcome in unmeasured_outcomes(plan))


def _logic_rows(partnership: Partnership) -> tuple[LogicPart, ...]:
    rows = []
    for part in logic_parts(partnership):
        name = _(part.part)
        if not part.items:
            # Translators: a blank line to complete, with nothing more said (a wide table cell).
            rows.append(LogicPart(part.key, name, (blank(_("to complete")),)))  # a wide column
        elif part.key == "purpose" and purpose_from_mission(partnership.evaluation):
            note = _("This is the Partnership’s mission: the logic model names no purpose of its own.")
            rows.append(LogicPart(part.key, name, (sentence(part.items[0]), note)))
        elif part.key == "purpose":
            rows.append(LogicPart(part.key, name, (sentence(part.items[0]),)))
        else:
            rows.append(LogicPart(part.key, name, part.items))
    return tuple(rows)


def _logic_model_figure(partnership: Partnership) -> Figure | str:
    """The logic model drawn: the same parts as its table, purpose on top and outside factors underneath."""
    if partnership.evaluation.logic_model is None:
        return ""
    parts = {part.key: part for part in logic_parts(partnership)}
    purpose = parts["purpose"]
    title = (
        # Translators: {part} is the name of the logic model's first part ("Purpose or goal").
        _("{part} (the Partnership’s mission)", part=_(purpose.part))
        if purpose_from_mission(partnership.evaluation)
        else _(purpose.part)
    )
    columns = [(_(parts[key].part), parts[key].items) for key in ("inputs", "activities", "outputs", "outcomes")]
    factors = parts["external_factors"]
    return logic_model_figure(
        partnership.name,
        (title, purpose.items[0] if purpose.items else ""),
        columns,
        (_(factors.part), factors.items),
    )


def _open_sections(partnership: Partnership) -> str:
    """Which sections hold a blank to complete, as a sentence for the cover ('' when none does)."""
    plan = partnership.evaluation
    missing = {each.key for each in missing_items(plan)}
    section_of = {
        "purpose": "purpose",
        "questions": "questions",
        "data_sources": "existing",
        "data_collection": "collection",
        "design": "design",
        "limitations": "design",
        "outside_help": "help",
        "involvement": "involvement",
        "timeframes": "timeframes",
        "data_to_action": "action",
        "reporting": "reporting",
        "metrics": "measures",
        "logic_model": "logic",
    }
    sections = {section_of[key] for key in missing if key in section_of}
    if questions_without_why(plan):
        sections.add("questions")
    if collection_gaps(partnership):
        sections.add("collection")
    if measures_without_recorder(partnership):
        sections.add("measures")
    if logic_gaps(partnership):
        sections.add("logic")
    numbers = numbered(SECTIONS)
    listed = [numbers[key] for key in SECTIONS if key in sections]
    if not listed:
        return ""
    # Translators: {sections} is one section number, or several ("3, 4 and 11").
    return _n(
        "Each is marked with a line to complete, in section {sections}.",
        "Each is marked with a line to complete, in sections {sections}.",
        len(listed),
        sections=join_items(listed),
    )


__all__ = ["DOCUMENT_TITLE", "evaluation_plan_context"]
