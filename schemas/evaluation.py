"""How the partnership evaluates its work: the partnership toolkit's evaluation items and its logic model.

The governance charter summarizes this section and the evaluation plan prints it in full; a value left out
is a blank the plan marks to complete (pipeline/evaluation.py lists them).
"""

from __future__ import annotations

from pydantic import Field

from schemas.types import MemberId, Model, Text
from schemas.vocabulary import DataType, EvaluationDesign


class Metric(Model):
    """Something the partnership counts to know whether it works."""

    name: Text = Field(description="What is measured, e.g. 'referrals'.")
    target: Text | None = Field(None, description="The target, e.g. '30 per year'.")
    recorded_by: MemberId | None = Field(
        None,
        description="Id of the member that records the measure and passes it on to the evaluator. Leave out while "
        "nobody has agreed to: the evaluation plan then prints a blank to complete.",
    )
    outcome: Text | None = Field(
        None,
        description="The outcome under evaluation.logic_model.outcomes that the measure shows progress on, "
        "written exactly as it is there. The evaluation plan lists the outcomes no measure shows.",
    )


class LogicModel(Model):
    """The parts of the partnership's logic model."""

    purpose: Text | None = Field(
        None,
        description="The purpose or goal the logic model leads to. Leave out to show the mission instead: the "
        "evaluation plan then says that it is the mission.",
    )
    inputs: list[Text] = Field(default_factory=list, max_length=50, description="Resources put in.")
    activities: list[Text] = Field(default_factory=list, max_length=50, description="What is done.")
    outputs: list[Text] = Field(default_factory=list, max_length=50, description="Direct products.")
    outcomes: list[Text] = Field(default_factory=list, max_length=50, description="Changes expected.")
    external_factors: list[Text] = Field(default_factory=list, max_length=50, description="Outside influences.")


class EvaluationQuestion(Model):
    """Something the members want their evaluation to answer, and why."""

    question: Text = Field(description="What the members want to learn, e.g. 'Do placed workers keep their jobs?'.")
    why: Text | None = Field(
        None, description="Why it matters: what the members will decide or change with the answer."
    )
    goal: Text | None = Field(
        None, description="The name of the goal (under goals) the question serves, written exactly as it is there."
    )


class DataCollection(Model):
    """One kind of data the evaluation collects, and how it is collected."""

    data: Text = Field(description="What is collected, e.g. 'counts of referrals, interviews and placements'.")
    type: DataType | None = Field(
        None, description="quantitative (numbers and counts) or qualitative (words: feedback, interviews, stories)."
    )
    method: Text | None = Field(
        None,
        description="How it is collected, e.g. 'from the shared referral log' or 'an anonymous survey'. Leave out "
        "while it is undecided: the evaluation plan then prints a blank to complete.",
    )
    collected_by: MemberId | None = Field(None, description="Id of the member that collects it.")


class Evaluation(Model):
    """How the partnership measures its work (the partnership toolkit's evaluation items)."""

    evaluator: MemberId | None = Field(None, description="Id of the member that leads evaluation.")
    purpose: Text | None = Field(
        None,
        description="What the members want the evaluation to do for them, in a sentence or two, e.g. 'to learn "
        "whether referrals lead to lasting work, and to show our funders'. Prints in the evaluation plan.",
    )
    questions: list[EvaluationQuestion] = Field(
        default_factory=list, max_length=30, description="What to assess and why, each question tied to a goal."
    )
    data_sources: list[Text] = Field(
        default_factory=list,
        max_length=30,
        description="Data that already exists and community resources the evaluation can use, e.g. 'the shared "
        "referral log' or 'the county's annual child-welfare statistics'.",
    )
    data_collection: list[DataCollection] = Field(
        default_factory=list, max_length=30, description="The data the evaluation collects and how."
    )
    design: EvaluationDesign | None = Field(
        None,
        description="basic (the members count and ask for feedback themselves and compare over time) or advanced "
        "(comparison groups or other research methods, usually with a trained evaluator).",
    )
    design_note: Text | None = Field(
        None,
        description="What the design means in practice for this partnership. Prints in the charter and the "
        "evaluation plan.",
    )
    limitations: Text | None = Field(
        None,
        description="What the evaluation will not show, and whose experience it leaves out, e.g. 'survivors who "
        "decline a referral are not surveyed'. Prints in the evaluation plan.",
    )
    outside_help: Text | None = Field(
        None,
        description="Help from outside the members' own staff with planning or carrying out the evaluation, e.g. "
        "an external evaluator, or why none is needed.",
    )
    involvement: Text | None = Field(
        None,
        description="How member staff take part in the evaluation, e.g. on a data committee or by reviewing "
        "results, so they learn how the other members' work runs.",
    )
    timeframes: Text | None = Field(
        None, description="When data is collected and when results are reviewed, e.g. 'counts each quarter'."
    )
    data_to_action: Text | None = Field(
        None, description="How the members turn results into decisions and changes in their work, and when."
    )
    metrics: list[Metric] = Field(default_factory=list, max_length=50, description="What is measured.")
    logic_model: LogicModel | None = Field(None, description="The logic model, if there is one.")
    reporting: Text | None = Field(None, description="When and to whom results are reported.")
