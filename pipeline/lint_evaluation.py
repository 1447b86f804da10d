"""Lint rules for the evaluation plan: what it would print as a blank to complete, and outcomes nobody measures.

The rules apply only when the file has an evaluation section (otherwise no plan is built) and read the gaps
from pipeline/evaluation.py, as the plan does, so each blank it prints is listed here and nothing else.

None of them blocks `build --release`. The plan is a working document: the toolkit asks partnerships to
prepare their evaluation step by step, and the charter already tells members which steps are still open.
A blank in the plan is an open decision, marked as one, not a term anyone signs or relies on (unlike a
subgrant agreement's award information or an MOU's signature block), and a release refuses a whole
partnership: an undecided evaluation step must not hold back its MOU or its charter.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.evaluation import (
    collection_gaps,
    has_content,
    logic_gaps,
    measures_without_recorder,
    missing_items,
    questions_without_why,
    unmeasured_outcomes,
)
from pipeline.formatting import join_and
from pipeline.lint import Finding, rule
from schemas import Partnership


@rule(
    "evaluation-item-missing",
    "The evaluation plan would print a blank for one of its items: who leads the evaluation, what it is for, "
    "what it asks, existing data, the data collected, the design, its limits, outside help, how member staff "
    "take part, timeframes, data to action, reporting or the measures.",
    "The partnership toolkit asks members to prepare each of these steps before they evaluate; the plan prints "
    "a line to complete for each one the file leaves out, never generic wording in its place.",
)
def _item_missing(p: Partnership) -> Iterator[Finding]:
    if not has_content(p.evaluation):
        return
    missing = [item for item in missing_items(p.evaluation) if item.blank]
    if missing:
        fields = ", ".join(item.key for item in missing)
        message = (
            f"the evaluation plan prints blanks for: {'; '.join(item.blank for item in missing)}. Once the members "
            f"have decided, fill in {fields} under evaluation"
        )
        yield ("evaluation",), message


@rule(
    "evaluation-question-why",
    "An evaluation question does not say why it matters.",
    "The toolkit asks what to assess and why: an answer is worth collecting when the members know what they "
    "will decide or change with it. The plan prints a blank where the reason goes.",
)
def _question_why(p: Partnership) -> Iterator[Finding]:
    if not has_content(p.evaluation):
        return
    for index in questions_without_why(p.evaluation):
        question = p.evaluation.questions[index].question.strip()
        yield ("evaluation", "questions", index), f"'{question}' does not say why it matters (why)"


@rule(
    "evaluation-data-incomplete",
    "Data the evaluation collects has no type, no method, or no current member that collects it.",
    "Data that nobody is named to collect, or has no agreed way of collecting, does not get collected; the plan "
    "prints a blank for each missing detail.",
)
def _data_incomplete(p: Partnership) -> Iterator[Finding]:
    if not has_content(p.evaluation):
        return
    for index, missing in collection_gaps(p):
        entry = p.evaluation.data_collection[index]
        labels = join_and(label for _, label in missing)
        fields = ", ".join(field for field, _ in missing)
        message = f"'{entry.data.strip()}': the evaluation plan prints blanks for {labels} ({fields})"
        if entry.collected_by is not None and any(field == "collected_by" for field, _ in missing):
            message += f"; '{entry.collected_by}' is no longer a member"
        yield ("evaluation", "data_collection", index), message


@rule(
    "evaluation-measure-recorder",
    "A measure names no current member that records it.",
    "A count exists only when someone keeps it: the toolkit asks how the metrics are documented, so each measure "
    "names the member that records it and passes it on. The plan prints a blank where that member goes.",
)
def _measure_recorder(p: Partnership) -> Iterator[Finding]:
    if not has_content(p.evaluation):
        return
    for index in measures_without_recorder(p):
        metric = p.evaluation.metrics[index]
        message = f"no current member records '{metric.name.strip()}' (recorded_by)"
        if metric.recorded_by is not None:
            message += f": '{metric.recorded_by}' is no longer a member"
        yield ("evaluation", "metrics", index), message


@rule(
    "evaluation-logic-model-gap",
    "There is no logic model, or it lacks one of its parts: inputs, activities, outputs, outcomes or external factors.",
    "The toolkit guides an evaluation with a logic model of purpose or goal, external factors, inputs, activities, "
    "outputs and outcomes; the plan prints a blank for each part not given.",
)
def _logic_model_gap(p: Partnership) -> Iterator[Finding]:
    if not has_content(p.evaluation):
        return
    gaps = logic_gaps(p)
    if p.evaluation.logic_model is None:
        yield ("evaluation",), "there is no logic_model: the evaluation plan prints a blank for each of its parts"
    elif gaps:
        parts = join_and(f"{part.part.lower()} ({part.key})" for part in gaps)
        yield ("evaluation", "logic_model"), f"the logic model has no {parts}: the evaluation plan prints blanks"


@rule(
    "evaluation-outcome-unmeasured",
    "An outcome of the logic model has no measure that shows progress on it.",
    "An outcome nobody measures cannot be evaluated. Name it as the outcome of a measure under evaluation.metrics, "
    "or add a measure for it; the plan lists the outcomes no measure shows.",
)
def _outcome_unmeasured(p: Partnership) -> Iterator[Finding]:
    if not has_content(p.evaluation):
        return
    for index, outcome in unmeasured_outcomes(p.evaluation):
        message = f"no measure names '{outcome.strip()}' as its outcome"
        yield ("evaluation", "logic_model", "outcomes", index), message
