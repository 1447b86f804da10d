"""How the partnership governs itself: leadership, decisions, meetings, committees, membership."""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import Field, model_validator

from schemas.members import Contact, ContactVisibility
from schemas.seats import CoreGroupSeat
from schemas.types import MAX_ITEMS, Email, Flag, Identifier, MemberId, Model, Phone, Text
from schemas.vocabulary import DecisionMethod, LeadershipModel, PartnershipStage


class Coordinator(Model):
    """A staff coordinator who runs the partnership day to day."""

    title: Text = Field(description="The position's title, e.g. 'Task Force Coordinator'.")
    employer: MemberId = Field(description="Id of the member organization that employs the coordinator.")
    fte: float | None = Field(None, gt=0, le=10, description="Full-time equivalent, e.g. 1.0 for full time.")
    funded_by: Text | None = Field(None, description="How the position is paid for, e.g. 'the OVC grant'.")
    votes: Flag = Field(False, description="True when the coordinator has a vote.")
    duties: list[Text] = Field(default_factory=list, max_length=50, description="What the coordinator does.")
    name: Text | None = Field(
        None,
        description="The person who holds the position now. Leave out while the post is vacant: the onboarding "
        "packet then sends new members to the employer's primary contact instead.",
    )
    email: Email | None = Field(None, description="The coordinator's work e-mail address.")
    phone: Phone | None = Field(None, description="The coordinator's work phone number.")
    visibility: ContactVisibility = Field(
        default_factory=ContactVisibility,
        description="Narrow who may see the coordinator's name, e-mail or phone: public, members, core_team, withheld.",
    )

    @property
    def contact(self) -> Contact | None:
        """The coordinator as a contact, so that documents show only what their audience may see; None if vacant."""
        if not self.name:
            return None
        return Contact(name=self.name, title=self.title, email=self.email, phone=self.phone, visibility=self.visibility)


class Leadership(Model):
    """Who leads the partnership and how leaders are chosen."""

    model: LeadershipModel = Field(description="primary_lead, co_leadership or core_group.")
    leads: list[MemberId] = Field(
        default_factory=list,
        max_length=10,
        description="Ids of the lead organization(s): one for primary_lead, two or three for co_leadership.",
    )
    core_group: list[CoreGroupSeat] = Field(
        default_factory=list,
        max_length=50,
        description="Seats of the core group, for the core_group model: each held by a member, by an interim "
        "holder, or vacant, with its term and any alternate. Lead and co-lead organizations have no seats: they "
        "lead through their contacts (mark a stand-in primary contact 'acting').",
    )
    one_seat_per_member: Flag = Field(
        True,
        description="True (the default) when a member may hold only one core group seat, so that no organization "
        "has two votes there; lint warns when one holds two. Set false where the rules let a member hold a "
        "sector seat and a regional seat at once.",
    )
    coordinator: Coordinator | None = Field(None, description="A staff coordinator, if there is one.")
    term: Text | None = Field(None, description="How long leaders serve, e.g. 'two years, renewable once'.")
    selection: Text | None = Field(None, description="How leaders are chosen or elected.")
    vacancies: Text | None = Field(None, description="What happens when a leader leaves before the end of a term.")
    removal: Text | None = Field(None, description="How a leader can be removed.")
    conflict_duty: Text | None = Field(
        None, description="The leaders' duty to resolve conflict, which they accept with the role."
    )

    @model_validator(mode="after")
    def _leads_fit_the_model(self) -> Self:
        if self.model is LeadershipModel.primary_lead and len(self.leads) != 1:
            raise ValueError("a primary_lead leadership names exactly one organization under 'leads'")
        if self.model is LeadershipModel.co_leadership and len(self.leads) < 2:
            raise ValueError("a co_leadership names at least two organizations under 'leads'")
        if self.model is LeadershipModel.core_group and not self.core_group:
            raise ValueError("a core_group leadership lists its seats under 'core_group'")
        return self


class DecisionMaking(Model):
    """How decisions are made, and what happens when agreement is out of reach."""

    method: DecisionMethod = Field(description="hierarchical, representative or consensus.")
    summary: Text | None = Field(None, description="The method in one or two plain sentences.")
    gradients_of_agreement: Flag = Field(
        False, description="True when proposals are tested on the 8-point gradients-of-agreement scale."
    )
    passing_rule: Text | None = Field(None, description="When a proposal passes, e.g. 'everyone present at 1 to 6'.")
    block_rule: Text | None = Field(None, description="What a serious disagreement or a block requires.")
    quorum: Text | None = Field(None, description="How many voting members must be present to decide.")
    fallback: Text | None = Field(None, description="The rule used when consensus cannot be reached.")
    votes: Text | None = Field(None, description="Who votes and how many votes each has.")
    non_voting: list[Text] = Field(default_factory=list, max_length=50, description="Who takes part without a vote.")
    escalation: Text | None = Field(None, description="Where a disagreement goes next, e.g. to the chief executives.")
    reserved_matters: list[Text] = Field(
        default_factory=list,
        max_length=50,
        description="Decisions each agency keeps for itself and the partnership never votes on.",
    )
    no_unscheduled_decisions: Flag = Field(
        True, description="True: no decisions in unscheduled sessions that leave partners out."
    )


class Meeting(Model):
    """A regular meeting of the partnership or of a part of it."""

    name: Text = Field(description="What the meeting is called, e.g. 'Monthly check-in call'.")
    schedule: Text = Field(description="When it happens, e.g. 'second Tuesday of each month, 9:30-11:00'.")
    format: Text | None = Field(None, description="In person, virtual or hybrid, and where.")
    length: Text | None = Field(None, description="How long it lasts, e.g. '30 minutes'.")


class Meetings(Model):
    """Meeting rhythm and the rules every meeting follows."""

    regular: list[Meeting] = Field(default_factory=list, max_length=50, description="The recurring meetings.")
    agenda_notice: Text | None = Field(None, description="When the agenda goes out before a meeting.")
    minutes: Text | None = Field(None, description="Who keeps minutes and when they are shared.")
    interpretation: Text | None = Field(None, description="How interpretation and translation are arranged.")
    recording: Text | None = Field(None, description="Whether meetings may be recorded.")
    information_distribution: Text | None = Field(None, description="How information reaches members.")
    ground_rules: list[Text] = Field(
        default_factory=list, max_length=50, description="Agreements every meeting keeps, e.g. mutual respect."
    )


class Committee(Model):
    """A standing or ad hoc committee."""

    id: Identifier = Field(description="Short unique id, e.g. 'steering'.")
    name: Text = Field(description="The committee's name.")
    standing: Flag = Field(True, description="True for a standing committee, false for an ad hoc one.")
    charge: Text = Field(description="What the committee is responsible for.")
    chair: MemberId | None = Field(None, description="Id of the organization that chairs it.")
    chair_note: Text | None = Field(
        None,
        description=(
            "Who chairs it when that is not a member organization. Prints in the MOU, the charter and the "
            "onboarding packet."
        ),
    )
    members: list[MemberId] = Field(default_factory=list, max_length=MAX_ITEMS, description="Ids of member seats.")
    other_members: list[Text] = Field(
        default_factory=list, max_length=50, description="Seats that are not member organizations."
    )
    meets: Text | None = Field(None, description="How often it meets.")
    closed: Flag = Field(False, description="True when its meetings are closed to other members.")
    reports_to: Text | None = Field(None, description="Whom it reports to and how often.")


class Membership(Model):
    """The rules for joining, taking part in and leaving the partnership."""

    eligibility: Text | None = Field(None, description="Who may join.")
    admission: Text | None = Field(None, description="How an organization applies and is admitted.")
    expectations: list[Text] = Field(
        default_factory=list, max_length=50, description="What every member is expected to do (attendance, input)."
    )
    time_commitment: Text | None = Field(None, description="The time a representative should expect to give.")
    representatives: Text | None = Field(None, description="Representatives and alternates per organization.")
    resignation: Text | None = Field(None, description="How a member resigns.")
    removal: Text | None = Field(None, description="When and how a member can be removed.")


class ConflictResolution(Model):
    """How disagreements between members are settled."""

    stage: PartnershipStage | None = Field(None, description="early or mature; trust grows differently in each.")
    informal: Text | None = Field(None, description="The first, informal step.")
    formal: Text | None = Field(None, description="The formal step when the informal one fails.")
    mediation: Text | None = Field(None, description="Outside mediation, if agreed.")


class Definition(Model):
    """A term with the meaning it has in the partnership's documents."""

    term: Text = Field(description="The word or acronym, e.g. 'PII'.")
    meaning: Text = Field(description="What it means here.")


class Charter(Model):
    """Facts of the governance charter itself: authority, adoption, amendment and review."""

    authority: Text | None = Field(None, description="Under what authority the partnership exists and acts.")
    adopted: dt.date | None = Field(None, description="Date the charter was adopted (YYYY-MM-DD).")
    adoption_vote: Text | None = Field(None, description="How it was adopted, e.g. 'by consensus of all 14 members'.")
    amendment: Text | None = Field(None, description="What it takes to amend the charter (threshold, who votes).")
    amendment_notice: Text | None = Field(None, description="Notice members get of a proposed amendment.")
    languages: list[Text] = Field(
        default_factory=list, max_length=20, description="Languages the charter is made available in."
    )
    review: Text | None = Field(None, description="When and by whom the charter is reviewed.")
    dissolution: Text | None = Field(
        None, description="How the partnership would be dissolved and what happens to its records and funds."
    )


class Observance(Model):
    """A day or month the partnership marks that is not in the standard list."""

    name: Text = Field(description="The observance, e.g. 'Missing and Murdered Indigenous People Awareness Day'.")
    when: Text = Field(description="When it falls, e.g. '5 May' or 'November'.")
