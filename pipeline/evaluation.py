"""A partnership's evaluation section as its documents read it: the toolkit's items, the logic model, the gaps.

The evaluation plan prints a labelled blank for each gap, the governance charter names the items still
undecided in one sentence, and lint lists the same gaps (pipeline/lint_evaluation.py). All of them read
the gaps here, so the plan prints a blank exactly where lint reports one. Cheap (no rendering code), so
that `lint` and the kind's `requires` can use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.i18n import N_
from schemas import Partnership
from schemas.evaluation import Evaluation
from schemas.vocabulary import EvaluationDesign

Location = tuple[str | int, ...]


def has_content(evaluation: Evaluation) -> bool:
    """True when the evaluation section gives anything at all: only then is there a plan to print."""
    return bool(evaluation.model_dump(exclude_defaults=True))


@dataclass(frozen=True)
class Item:
    """Something the plan states once: who leads the evaluation, what it is for, each of the toolkit's steps."""

    key: str
    """The field under `evaluation` that gives it (where lint points)."""
    blank: str
    """What the plan's blank asks for; '' when the plan shows its gaps another way (the logic model's columns)."""
    undecided: str
    """How the charter's 'The members have not yet agreed ...' names it; '' for items the charter leaves out."""
    given: Callable[[Evaluation], object]


ITEMS: tuple[Item, ...] = (
    Item("evaluator", N_("the member that leads the evaluation"), "", lambda e: e.evaluator),
    Item("purpose", N_("what the members want the evaluation to do for them"), "", lambda e: e.purpose),
    Item(
        "questions",
        N_("what the evaluation should find out, and why"),
        N_("what the evaluation should find out and why"),
        lambda e: e.questions,
    ),
    Item(
        "data_sources",
        N_("existing data and community resources the evaluation can use"),
        N_("which existing data and community resources it can use"),
        lambda e: e.data_sources,
    ),
    Item(
        "data_collection",
        N_("the data to collect, and how"),
        N_("which data to collect and how"),
        lambda e: e.data_collection,
    ),
    Item("design", N_("basic or advanced"), N_("whether its design is basic or advanced"), lambda e: e.design),
    Item("limitations", N_("what the evaluation will not show, and whom it leaves out"), "", lambda e: e.limitations),
    Item(
        "outside_help",
        N_("whether the members need help from outside, and from whom"),
        N_("whether it needs outside help"),
        lambda e: e.outside_help,
    ),
    Item(
        "involvement", N_("how member staff take part"), N_("how member staff take part in it"), lambda e: e.involvement
    ),
    Item(
        "timeframes",
        N_("when data is collected and when results are reviewed"),
        N_("when data is collected and results reviewed"),
        lambda e: e.timeframes,
    ),
    Item(
        "data_to_action",
        N_("how and when results are turned into action"),
        N_("how results are turned into action"),
        lambda e: e.data_to_action,
    ),
    Item("reporting", N_("when results are reported, and to whom"), "", lambda e: e.reporting),
    Item("metrics", N_("the measures the members track"), "", lambda e: e.metrics),
    Item("logic_model", "", N_("a logic model"), lambda e: e.logic_model),
)


def missing_items(evaluation: Evaluation) -> list[Item]:
    """The items the section does not give, in the plan's order."""
    return [item for item in ITEMS if not item.given(evaluation)]


def item(key: str) -> Item:
    return next(each for each in ITEMS if each.key == key)


DESIGNS: dict[EvaluationDesign, str] = {
    EvaluationDesign.basic: N_(
        "The evaluation has a basic design: the members collect counts and feedback themselves and compare them "
        "over time"
    ),
    EvaluationDesign.advanced: N_(
        "The evaluation has an advanced design: it uses research methods such as comparison groups, and needs a "
        "trained evaluator"
    ),
}
"""What the chosen design means, in a sentence a member can check the plan against."""


# --- Rows: questions, data collected, measures -------------------------------------


def questions_without_why(evaluation: Evaluation) -> list[int]:
    """Indexes of the questions that do not say why they matter."""
    return [index for index, question in enumerate(evaluation.questions) if not question.why]


def is_current(partnership: Partnership, member_id: str | None) -> bool:
    """True for the id of a current member: a withdrawn one collects and records nothing any more."""
    return member_id is not None and any(m.id == member_id for m in partnership.current_members)


COLLECTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("type", N_("quantitative or qualitative")),
    ("method", N_("how it is collected")),
    ("collected_by", N_("who collects it")),
)
"""The details of a kind of data the plan shows, each with what its blank asks for."""


def collection_gaps(partnership: Partnership) -> list[tuple[int, list[tuple[str, str]]]]:
    """(index, [(field, what its blank asks for)]) for each kind of data collected that lacks a detail."""
    found = []
    for index, entry in enumerate(partnership.evaluation.data_collection):
        current = is_current(partnership, entry.collected_by)
        given = {"type": entry.type, "method": entry.method, "collected_by": current}
        missing = [(field, label) for field, label in COLLECTION_FIELDS if not given[field]]
        if missing:
            found.append((index, missing))
    return found


def measures_without_recorder(partnership: Partnership) -> list[int]:
    """Indexes of the measures no current member has agreed to record."""
    return [
        index
        for index, metric in enumerate(partnership.evaluation.metrics)
        if not is_current(partnership, metric.recorded_by)
    ]


# --- The logic model ---------------------------------------------------------------


@dataclass(frozen=True)
class LogicPart:
    """One column of the logic model: its field, its name in documents, and what it holds."""

    key: str
    part: str
    items: tuple[str, ...]


LOGIC_PARTS: tuple[tuple[str, str], ...] = (
    ("purpose", N_("Purpose or goal")),
    ("inputs", N_("Inputs")),
    ("activities", N_("Activities")),
    ("outputs", N_("Outputs")),
    ("outcomes", N_("Outcomes and impacts")),
    ("external_factors", N_("External factors")),
)
"""The toolkit's parts of a logic model, in the order it is read: from what goes in to what changes, with the
outside influences last."""


def logic_parts(partnership: Partnership) -> tuple[LogicPart, ...]:
    """Every part of the logic model, empty where the file gives none. The purpose is the mission when the
    model names none of its own (see purpose_from_mission), and empty when there is no logic model at all."""
    model = partnership.evaluation.logic_model
    if model is None:
        return tuple(LogicPart(key, part, ()) for key, part in LOGIC_PARTS)
    purpose = (model.purpose or partnership.mission).strip()
    values = {
        "purpose": (purpose,),
        "inputs": tuple(model.inputs),
        "activities": tuple(model.activities),
        "outputs": tuple(model.outputs),
        "outcomes": tuple(model.outcomes),
        "external_factors": tuple(model.external_factors),
    }
    return tuple(LogicPart(key, part, values[key]) for key, part in LOGIC_PARTS)


def purpose_from_mission(evaluation: Evaluation) -> bool:
    """True when the logic model shows the mission because it names no purpose of its own."""
    return evaluation.logic_model is not None and evaluation.logic_model.purpose is None


def logic_gaps(partnership: Partnership) -> list[LogicPart]:
    """The parts of the logic model the file does not give (all of them when there is no logic model)."""
    return [part for part in logic_parts(partnership) if not part.items]


def unmeasured_outcomes(evaluation: Evaluation) -> list[tuple[int, str]]:
    """(index, outcome) for each outcome of the logic model that no measure names as the one it shows."""
    if evaluation.logic_model is None:
        return []
    measured = {metric.outcome.strip() for metric in evaluation.metrics if metric.outcome}
    return [
        (index, outcome)
        for index, outcome in enumerate(evaluation.logic_model.outcomes)
        if outcome.strip() not in measured
    ]
