"""Running the partnership: money, the agreement's terms, emergencies and onboarding (evaluation has its own
module, schemas/evaluation.py)."""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import Field, model_validator

from schemas.languages import LanguageTag
from schemas.subgrants import AwardInformation, FederalAward, SubgrantTerms
from schemas.types import MAX_ITEMS, Flag, MemberId, Model, Text
from schemas.vocabulary import AgreementType, Binding, FundingSourceType, Hazard, Renewal


class LetterOfIntent(Model):
    """Letters of intent that partners write for a grant application, one per writing member."""

    date: dt.date | None = Field(None, description="Date printed on the letters; leave out to print a blank line.")
    addressee: Text = Field(
        description="Who the letters are addressed to: the applicant's director or the funder's office."
    )
    address_lines: list[Text] = Field(
        default_factory=list,
        max_length=8,
        description="The addressee's organization and full postal address, line by line; the last line holds the "
        "city, state and ZIP code, e.g. 'Millbrook, WI 53001'.",
    )
    salutation: Text | None = Field(
        None,
        description="How the letters greet the addressee, e.g. 'Sheriff Whitcomb'. Leave out to use the courtesy "
        "title and surname worked out from the addressee ('Dr. Renée Castellanos-Whitfield' gives "
        "'Dr. Castellanos-Whitfield').",
    )
    writers: list[MemberId] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Ids of the members that write a letter; leave out for every partner of the grant.",
    )
    languages: dict[MemberId, LanguageTag] = Field(
        default_factory=dict,
        max_length=MAX_ITEMS,
        description="The language each writer's letter is written in, by writer id, e.g. 'casa-esperanza: es', "
        "when it is not the default: the writer's primary contact's preferred language where the partnership "
        "lists it in `languages`, else the language of record. Each must be one of the partnership's languages.",
    )
    translated: Flag = Field(
        True,
        description="Whether a letter written in a language other than the language of record is also built "
        "translated into the language of record (marked as a translation; the original is the one signed). "
        "Set to false when the funder reads the original's language.",
    )
    agreement_within_days: int | None = Field(
        None,
        ge=1,
        le=365,
        description="Days after the award within which each writer signs an MOU or subgrant agreement.",
    )


class BreachNotice(Model):
    """How soon, and to whom, a grantee must report a breach of survivor data under one award."""

    hours: int = Field(
        ge=1,
        le=720,
        description="Hours after discovery within which the funder must be told, exactly as the award's terms "
        "state. Copy it from the award; never estimate it.",
    )
    notify: Text = Field(description="Whom to tell, e.g. 'the OVC grant manager'.")
    source: Text | None = Field(
        None, description="Where the award states the window, e.g. 'award special condition 23'."
    )


class Grant(Model):
    """A grant the partnership holds or is applying for."""

    program: Text = Field(description="The funding program, e.g. 'OVC Enhanced Collaborative Model'.")
    funder: Text = Field(description="The funding agency or foundation.")
    solicitation_id: Text | None = Field(None, description="The solicitation or opportunity number.")
    fiscal_year: int | None = Field(None, ge=1990, le=2100, description="Fiscal year of the solicitation.")
    applicant: MemberId = Field(description="Id of the member that applies for or holds the award.")
    amount: int | None = Field(None, ge=0, le=10_000_000_000, description="Amount requested or awarded, in US dollars.")
    period_start: dt.date | None = Field(None, description="Start of the project period (YYYY-MM-DD).")
    period_end: dt.date | None = Field(None, description="End of the project period (YYYY-MM-DD).")
    awarded: Flag = Field(False, description="True once the award has been made.")
    partners: list[MemberId] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Ids of members that commit to the application."
    )
    target_population: Text | None = Field(None, description="Who the project will serve.")
    letter_of_intent: LetterOfIntent | None = Field(
        None, description="Letters of intent the partners write for this application."
    )
    federal_award: FederalAward | None = Field(
        None,
        description="The federal award this grant is, or passes on: FAIN, award date, agency, Assistance Listing. "
        "Subgrant agreements made from this grant print them.",
    )
    breach_notice: BreachNotice | None = Field(
        None,
        description="The award's deadline for reporting a breach of survivor data. Leave out until you have read "
        "it in the award terms: the Emergency Guide then flags it as a gap to close.",
    )

    @property
    def letter_writers(self) -> list[str]:
        """Ids of the members that write a letter of intent for this grant."""
        if self.letter_of_intent is None:
            return []
        return self.letter_of_intent.writers or self.partners

    @model_validator(mode="after")
    def _period_in_order(self) -> Self:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")
        return self


class Subgrant(Model):
    """Grant funds passed from one member to another under a separate subgrant agreement."""

    from_member: MemberId = Field(description="Id of the member passing the funds on.")
    to_member: MemberId = Field(description="Id of the member receiving them (the subrecipient).")
    amount: Text = Field(description="The amount and period, e.g. '$90,000 per year for three years'.")
    purpose: Text = Field(description="What the funds pay for.")
    agreement_reference: Text | None = Field(None, description="Name or number of the subgrant agreement.")
    grant: Text | None = Field(
        None,
        description="The program of the grant under funding.grants the funds come from. Leave out when from_member "
        "holds one grant, or when the first grant it holds with to_member as a partner is the one.",
    )
    federal: Flag = Field(
        True,
        description="false when the funds are not federal award money (a foundation grant): the subgrant agreement "
        "then leaves out the federal award information of 2 CFR 200.332.",
    )
    award_information: AwardInformation = Field(
        default_factory=AwardInformation, description="The federal award information the subrecipient must be given."
    )
    terms: SubgrantTerms = Field(
        default_factory=SubgrantTerms, description="Deliverables, budget, payment and reporting of the agreement."
    )


class FundingSource(Model):
    """A source of money or in-kind support."""

    type: FundingSourceType = Field(description="government_grant, private_grant, corporate_grant, ...")
    description: Text = Field(description="What it is and who provides it.")


class Funding(Model):
    """Money and resources."""

    summary: Text | None = Field(None, description="How the partnership is resourced, in plain words.")
    grants: list[Grant] = Field(default_factory=list, max_length=50, description="Grants held or sought.")
    subgrants: list[Subgrant] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Funds passed between members."
    )
    sources: list[FundingSource] = Field(default_factory=list, max_length=50, description="Other sources.")


class Agreement(Model):
    """The terms of the written agreement (MOU)."""

    type: AgreementType = Field(AgreementType.mou, description="mou or moa.")
    binding: Binding = Field(Binding.non_binding, description="non_binding or binding.")
    effective_date: dt.date | None = Field(
        None, description="Date the agreement takes effect. Leave out when it is the date of the last signature."
    )
    restated: dt.date | None = Field(
        None,
        description="Date an amended and restated version takes effect, after a change of parties. The MOU then "
        "lists the parties of that date, who all sign it again, and records the original agreement and every "
        "joinder and withdrawal since. Leave out to keep the MOU as first signed, with later joinders and "
        "withdrawals recorded at its end.",
    )
    end_date: dt.date | None = Field(None, description="Date the term ends, if it is fixed.")
    term_months: int | None = Field(None, ge=1, le=240, description="Length of each term in months, if not fixed.")
    renewal: Renewal = Field(Renewal.none, description="automatic, by_written_amendment or none.")
    review: Text | None = Field(None, description="Who reviews the agreement, and when.")
    termination_notice_days: int = Field(ge=0, le=730, description="Days of written notice to withdraw.")
    notice_to: Text | None = Field(None, description="To whom a notice of withdrawal is sent.")
    on_withdrawal: Text | None = Field(
        None, description="What happens to information already shared when a party leaves."
    )
    amendment: Text = Field(description="How the agreement is amended, e.g. 'in writing, signed by all parties'.")
    joinder: Flag = Field(True, description="True: new members join by signing a joinder page.")
    electronic_signatures: Flag = Field(True, description="True: signatures may be electronic and in counterparts.")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.effective_date and self.end_date and self.end_date <= self.effective_date:
            raise ValueError("end_date must be after effective_date")
        if self.restated and (self.effective_date is None or self.restated <= self.effective_date):
            raise ValueError("'restated' needs an effective_date before it")
        return self


class Successor(Model):
    """One step in an order of succession, by position."""

    position: Text = Field(description="The position, e.g. 'HTU Supervisor, Sheriff's Office'.")
    member: MemberId | None = Field(None, description="Id of the organization that holds the position.")


class SuccessionLine(Model):
    """Who steps into one leadership role, in order, when the person holding it cannot act."""

    role: Text = Field(description="The role being covered, e.g. 'Law-enforcement co-lead'.")
    order: list[Successor] = Field(
        min_length=1, max_length=10, description="Positions that take over, first to last; at least three deep."
    )


class Channel(Model):
    """A way to reach members in an emergency."""

    name: Text = Field(description="The channel, e.g. 'group text' or 'phone tree'.")
    use: Text = Field(description="When it is used, and what may never be sent over it.")


class Scenario(Model):
    """A playbook for one kind of emergency."""

    hazard: Hazard = Field(description="The kind of emergency.")
    title: Text = Field(description="A short name, e.g. 'Spring river flooding'.")
    triggers: list[Text] = Field(default_factory=list, max_length=50, description="What activates this playbook.")
    steps: list[Text] = Field(default_factory=list, max_length=50, description="Immediate steps, in order.")
    lead: MemberId | None = Field(None, description="Id of the member that leads the response.")
    partners: list[MemberId] = Field(default_factory=list, max_length=MAX_ITEMS, description="Ids of other members.")
    survivor_safety: list[Text] = Field(
        default_factory=list, max_length=50, description="Actions that keep survivors safe."
    )
    recovery: Text | None = Field(None, description="How normal operations resume.")


class Emergency(Model):
    """The partnership's emergency and crisis planning."""

    activation: Text | None = Field(
        None,
        description=(
            "Who activates the plan, and when. Prints in the Emergency Guide and the onboarding packet, so call "
            "the plan 'the Emergency Guide', never 'this guide'."
        ),
    )
    deactivation: Text | None = Field(None, description="Who ends activation, and when.")
    hazards: list[Hazard] = Field(default_factory=list, max_length=20, description="Hazards planned for.")
    essential_functions: list[Text] = Field(
        default_factory=list, max_length=50, description="What must keep working during a disruption."
    )
    succession: list[SuccessionLine] = Field(
        default_factory=list, max_length=20, description="Orders of succession, one per leadership role."
    )
    delegation: Text | None = Field(None, description="Authority delegated during a disruption, and when it lapses.")
    check_in_hours: int | None = Field(
        None, ge=1, le=168, description="Hours within which every member checks in after activation."
    )
    channels: list[Channel] = Field(default_factory=list, max_length=20, description="Alert channels.")
    alternate_meeting: Text | None = Field(
        None,
        description=(
            "Where and how the partnership meets when its usual place or platform cannot be used, e.g. "
            "'A standing video call (link in the shared drive); in person at the county library, room B'."
        ),
    )
    scenarios: list[Scenario] = Field(default_factory=list, max_length=50, description="Scenario playbooks.")
    essential_records: Text | None = Field(
        None, description="Records the partnership cannot work without, where backups are kept."
    )
    wellbeing: Text | None = Field(
        None, description="How staff and survivors are supported after a crisis (vicarious trauma, rest, debriefs)."
    )
    exercises: list[Text] = Field(default_factory=list, max_length=50, description="Training and exercise schedule.")
    after_action: Text | None = Field(
        None,
        description=(
            "How the partnership reviews an emergency afterwards. Prints in the Emergency Guide: say what is "
            "updated ('the Emergency Guide'), not 'this file'."
        ),
    )


class Onboarding(Model):
    """How new members are welcomed."""

    welcome: Text | None = Field(None, description="A short welcome message from the leads, in their own words.")
    contribute_in_kind: Text | None = Field(
        None, description="How a member can contribute in kind (staff time, space, training, skills)."
    )
    mentor: Text | None = Field(None, description="How a new member is paired with a mentor or buddy.")
    first_90_days: list[Text] = Field(default_factory=list, max_length=50, description="Checklist for a new member.")
    priorities: list[Text] = Field(default_factory=list, max_length=50, description="Current priorities.")
    recent_decisions: list[Text] = Field(default_factory=list, max_length=50, description="Recent decisions.")
