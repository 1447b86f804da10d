"""A subgrant's agreement terms: the federal award information 2 CFR 200.332 asks for, the budget and payment.

Every value is optional: what is left out prints as a blank to complete, is listed by `lint`
(`subgrant-blank`) and blocks `build --release`. Nothing is worked out or guessed in its place.
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import Field, model_validator

from schemas.types import MAX_ITEMS, Flag, Model, Text
from schemas.vocabulary import Vocabulary

MAX_AMOUNT = 10_000_000_000


class PaymentMethod(Vocabulary):
    """How the pass-through organization pays the subrecipient."""

    reimbursement = "reimbursement"
    advance = "advance"


class FederalAward(Model):
    """Facts of the federal award a grant is or passes on, written once for every subgrant made from it.

    For a state or local grant that passes federal funds on, these describe the federal award the state agency
    received (its agency, FAIN and Assistance Listing), not the state grant. A subgrant's own award_information
    overrides any of them."""

    fain: Text | None = Field(None, description="The Federal Award Identification Number (FAIN) of the award.")
    award_date: dt.date | None = Field(None, description="The date the federal agency made the award.")
    total_amount: int | None = Field(
        None, ge=0, le=MAX_AMOUNT, description="Total amount of the federal award, in dollars."
    )
    awarding_agency: Text | None = Field(
        None,
        description="The federal agency that made the award, e.g. 'Office for Victims of Crime, U.S. Department of "
        "Justice'.",
    )
    project_description: Text | None = Field(
        None, description="The federal award's project description, as reported under FFATA."
    )
    assistance_listing_number: Text | None = Field(
        None, description="The Assistance Listing number of the program, e.g. '16.320'."
    )
    assistance_listing_title: Text | None = Field(None, description="The Assistance Listing title of the program.")
    research_and_development: Flag | None = Field(
        None, description="true when the award is for research and development, false when it is not."
    )


class AwardInformation(Model):
    """The federal award information a pass-through organization gives its subrecipient (2 CFR 200.332(b)).

    Leave a value out until you have it from the award: the agreement then prints a blank to complete. Facts of
    the federal award itself (FAIN, date, agency, Assistance Listing...) may instead be written once under the
    source grant's federal_award; a value given here wins."""

    subrecipient_uei: Text | None = Field(
        None, description="The subrecipient's Unique Entity Identifier (UEI) from SAM.gov, 12 characters."
    )
    fain: Text | None = Field(None, description="The Federal Award Identification Number (FAIN) of the award.")
    federal_award_date: dt.date | None = Field(
        None, description="The date the federal agency made the award to the pass-through organization."
    )
    period_start: dt.date | None = Field(None, description="Start of the subaward's period of performance.")
    period_end: dt.date | None = Field(None, description="End of the subaward's period of performance.")
    budget_period_start: dt.date | None = Field(None, description="Start of the subaward's budget period.")
    budget_period_end: dt.date | None = Field(None, description="End of the subaward's budget period.")
    obligated_this_action: int | None = Field(
        None,
        ge=0,
        le=MAX_AMOUNT,
        description="Federal funds obligated to the subrecipient by this agreement, in dollars.",
    )
    total_obligated: int | None = Field(
        None,
        ge=0,
        le=MAX_AMOUNT,
        description="Total federal funds obligated to the subrecipient so far, this agreement included, in dollars.",
    )
    total_committed: int | None = Field(
        None,
        ge=0,
        le=MAX_AMOUNT,
        description="Total amount of the federal award committed to the subrecipient, in dollars.",
    )
    total_federal_award: int | None = Field(
        None,
        ge=0,
        le=MAX_AMOUNT,
        description="Total amount of the federal award to the pass-through organization, in dollars (not the "
        "amount of a state grant that passes federal funds on).",
    )
    project_description: Text | None = Field(
        None, description="The federal award's project description, as reported under FFATA."
    )
    awarding_agency: Text | None = Field(
        None,
        description="The federal agency that made the award, e.g. 'Office for Victims of Crime, U.S. Department of "
        "Justice'; for federal funds passed on by a state agency, still the federal agency.",
    )
    pass_through_contact: Text | None = Field(
        None, description="Name and contact details of the pass-through organization's awarding official."
    )
    assistance_listing_number: Text | None = Field(
        None, description="The Assistance Listing number of the program, e.g. '16.320'."
    )
    assistance_listing_title: Text | None = Field(None, description="The Assistance Listing title of the program.")
    research_and_development: Flag | None = Field(
        None, description="true when the award is for research and development, false when it is not."
    )
    indirect_cost_rate: Text | None = Field(
        None,
        description="The indirect cost rate for the subaward, e.g. 'de minimis rate of 15% of modified total direct "
        "costs' or a negotiated rate and its agreement.",
    )

    @model_validator(mode="after")
    def _periods_in_order(self) -> Self:
        for start, end, name in (
            (self.period_start, self.period_end, "period_end is before period_start"),
            (self.budget_period_start, self.budget_period_end, "budget_period_end is before budget_period_start"),
        ):
            if start and end and end < start:
                raise ValueError(name)
        return self


class BudgetLine(Model):
    """One line of a subgrant's budget."""

    item: Text = Field(description="What the money pays for, e.g. 'Survivor consultant pay'.")
    amount: int = Field(ge=0, le=MAX_AMOUNT, description="The amount, in US dollars.")


class SubgrantTerms(Model):
    """What the subgrant agreement states beyond the award information: the work, the budget, payment, reports."""

    deliverables: list[Text] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="What the subrecipient delivers, one item each."
    )
    budget: list[BudgetLine] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="The approved budget, line by line."
    )
    payment_method: PaymentMethod | None = Field(None, description="reimbursement or advance.")
    invoice_frequency: Text | None = Field(None, description="How often the subrecipient invoices, e.g. 'monthly'.")
    report_frequency: Text | None = Field(
        None, description="How often the subrecipient sends financial and performance reports, e.g. 'quarterly'."
    )
