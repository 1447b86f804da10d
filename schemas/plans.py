"""Partnership plans: one member organization's own plan for the partnerships it seeks (seed S1's worksheet).

A plan is an internal document of one organization, not an agreement of the partnership. Its seven parts
follow the worksheet: background, need and purpose, goals (potential partners), tactics, accountability,
timeline and evaluation. Every part may be left out while the organization works on it: the plan then prints a
labelled blank to complete, and `lint` lists it. Nothing is filled in from elsewhere unless the plan says so
(`background.adopts`).
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import Field, model_validator

from schemas.types import MAX_ITEMS, Flag, MemberId, Model, Text
from schemas.vocabulary import Formality, Vocabulary

MAX_LIST = 50


class PartnershipStatement(Vocabulary):
    """A statement of the partnership an organization may adopt as its own in its plan."""

    values = "values"
    goals = "goals"


class _Named(Model):
    """A partner organization: one of the partnership's members (by id), or any other organization (by name)."""

    name: Text | None = Field(
        None, description="The organization's name, when it is not a member of the partnership (else use member)."
    )
    member: MemberId | None = Field(
        None, description="The organization's id under members, when it is a member of the partnership."
    )

    @model_validator(mode="after")
    def _name_or_member(self) -> Self:
        if (self.name is None) == (self.member is None):
            raise ValueError(
                "give either 'member' (the id of a member of the partnership) or 'name' (any other organization)"
            )
        return self


class ExistingPartner(_Named):
    """A partner the organization already works with."""

    type: Formality = Field(description="formal (a written agreement or joint program) or informal.")
    purpose: Text = Field(
        description="What the partnership is for, e.g. 'Medical care for clients under 18'. Prints in the plan's "
        "table of existing partners."
    )


class PlanTactic(Model):
    """One specific step to build a relationship with a potential partner."""

    action: Text = Field(
        description="What will be done, e.g. 'Ask Legal Aid's housing attorney to introduce us to the director'."
    )
    measure: Text | None = Field(
        None,
        description="How you will know it was done: a count or a date, e.g. 'A first meeting held by January 31'. "
        "Left out, the plan prints a blank and lint lists it.",
    )
    responsible: Text | None = Field(
        None,
        description="Who in the organization is responsible: a role or a person. Left out, the plan prints a blank "
        "and lint lists it.",
    )


class PotentialPartner(_Named):
    """An organization the plan seeks to partner with: a row of the plan's goals table, with its tactics."""

    type: Formality = Field(description="The partnership sought: formal (a written agreement) or informal.")
    description: Text = Field(
        description="The partnership sought, e.g. 'Sign an MOU and set up referrals of male survivors'."
    )
    outcome: Text | None = Field(
        None, description="The desired outcome, e.g. 'Emergency shelter for male survivors within 24 hours'."
    )
    tactics: list[PlanTactic] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="Specific, measurable steps to build the relationship, each with who is responsible.",
    )
    maintenance: Text | None = Field(
        None,
        description="How the relationship is kept up once it exists, e.g. 'A quarterly call between program "
        "directors'.",
    )


class PlanTask(Model):
    """One dated task of the plan's timeline."""

    task: Text = Field(description="What is to be done, e.g. 'First meeting with the shelter's director'.")
    due: dt.date | None = Field(None, description="The date it is due (YYYY-MM-DD).")
    responsible: Text | None = Field(None, description="Who in the organization does it: a role or a person.")
    done: Flag = Field(False, description="true once the task is done.")


class PlanMetric(Model):
    """One measure of how the partnerships are doing."""

    metric: Text = Field(description="What is counted or observed, e.g. 'Referrals received from new partners'.")
    recorded: Text | None = Field(
        None,
        description="How, where and how often it is recorded, e.g. 'Counted monthly in the referral log, totals only'.",
    )


class PlanBackground(Model):
    """Section 1 of a plan: the organization, what it stands for, the partnerships it seeks and has."""

    about: Text | None = Field(
        None,
        description="The organization in a few sentences. Leave out to print the member's own description.",
    )
    principles: list[Text] = Field(
        default_factory=list, max_length=MAX_LIST, description="The organization's core principles."
    )
    values: list[Text] = Field(default_factory=list, max_length=MAX_LIST, description="The organization's values.")
    goals: list[Text] = Field(default_factory=list, max_length=MAX_LIST, description="The organization's goals.")
    adopts: list[PartnershipStatement] = Field(
        default_factory=list,
        max_length=2,
        description="values and/or goals: the partnership's own that the organization has adopted as its own. The "
        "plan then prints them, saying they are the partnership's; without this, the plan never does.",
    )
    partnership_types: list[Text] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="The types of partnership the organization seeks, e.g. 'Formal referral agreements with "
        "housing providers'.",
    )
    existing_partners: list[ExistingPartner] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="The partners the organization already has."
    )

    @model_validator(mode="after")
    def _own_or_adopted(self) -> Self:
        for statement in self.adopts:
            if getattr(self, statement.value):
                raise ValueError(
                    f"'{statement.value}' are both written here and adopted from the partnership (adopts); "
                    "keep one of the two"
                )
        return self


class PlanNeed(Model):
    """Section 2 of a plan: why the organization seeks partners."""

    benefits: list[Text] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="How more partnerships would benefit the organization and the people it serves.",
    )
    must_haves: list[Text] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="What any partner must have, e.g. 'A shared commitment to survivor choice'.",
    )


class PlanAccountability(Model):
    """Section 5 of a plan: roles, boundaries and how partners are held to account."""

    roles: list[Text] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="What the organization and its partners each do: roles and responsibilities.",
    )
    boundaries: list[Text] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="The organization's policies on privacy, confidentiality and information sharing with partners.",
    )
    holding_accountable: list[Text] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="How partners (and the organization) are held to what they agreed.",
    )


class PartnershipPlan(Model):
    """One member organization's internal plan for the partnerships it seeks; builds partnership-plan-<id>."""

    organization: MemberId = Field(description="The id of the member whose plan this is (usually the lead).")
    date: dt.date | None = Field(
        None,
        description="The date the plan speaks from: it shows members and contacts as they were that day, and marks "
        "a task not done by then as past due. Leave out to print a blank line.",
    )
    background: PlanBackground = Field(
        default_factory=PlanBackground, description="The organization, its principles, values and goals, partners."
    )
    need: PlanNeed = Field(default_factory=PlanNeed, description="The benefits of partnering and the must-haves.")
    potential_partners: list[PotentialPartner] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="The organizations the plan seeks to partner with, each with its tactics.",
    )
    accountability: PlanAccountability = Field(
        default_factory=PlanAccountability, description="Roles, boundaries and accountability."
    )
    timeline: list[PlanTask] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Dated tasks; the plan sorts them by date."
    )
    evaluation: list[PlanMetric] = Field(
        default_factory=list,
        max_length=MAX_LIST,
        description="How the partnerships are evaluated: each metric and how it is recorded.",
    )
