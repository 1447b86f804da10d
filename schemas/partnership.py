"""The whole partnership: the one model a YAML file under partnerships/ describes."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from schemas.evaluation import Evaluation
from schemas.governance import (
    Charter,
    Committee,
    ConflictResolution,
    DecisionMaking,
    Definition,
    Leadership,
    Meetings,
    Membership,
    Observance,
)
from schemas.languages import ENGLISH, LanguageTag, tag_for_language_name, unique_languages
from schemas.members import Member
from schemas.operations import Agreement, Emergency, Funding, Grant, Onboarding
from schemas.plans import PartnershipPlan
from schemas.policies import (
    Confidentiality,
    MandatoryReporting,
    Media,
    ReferralProtocol,
    SharedPlatform,
    SurvivorEngagement,
    TraumaInformed,
)
from schemas.signoff import Approval, ApproverOverride, RevisionNote
from schemas.types import MAX_ITEMS, MemberId, Model, PartialDate, Text
from schemas.vocabulary import AwarenessDay, Formality, LegalStatus, Level, MembershipClass, PartnershipFunction


class Goal(Model):
    """A goal, clear and reachable in the short to medium term."""

    name: Text = Field(description="A short name for the goal.")
    description: Text | None = Field(None, description="What the goal means in practice.")
    outcome: Text | None = Field(None, description="How the partnership will know it was reached.")


class HistoryEvent(Model):
    """A milestone in the partnership's history."""

    date: PartialDate = Field(
        description="When it happened: a year (2019), a year and month (2019-03) or a full date (2019-03-14). "
        "Documents print it as precisely as it is written."
    )
    event: Text = Field(description="What happened.")


class Partnership(Model):
    """A partnership and everything its documents say about it."""

    name: Text = Field(description="The partnership's full name.")
    short_name: Text | None = Field(None, description="Acronym or short name, e.g. 'RCATF'.")
    level: Level = Field(description="How closely members work together, e.g. cooperation or collaboration.")
    level_note: Text | None = Field(
        None,
        description=(
            "The level in your own words, when one word is not enough. Prints in the MOU, the charter and the "
            "onboarding packet right after the level's own description, so write it for their readers; keep notes "
            "for the file's editors (which toolkit would call it what) in a YAML comment."
        ),
    )
    languages: Annotated[list[LanguageTag], AfterValidator(unique_languages)] = Field(
        default_factory=lambda: [ENGLISH],
        min_length=1,
        max_length=10,
        description="The languages the partnership's documents are written in, as language tags (en, es, vi, tl, "
        "zh-Hant), the language of record first: it prevails where versions differ. Leave out for English only. "
        "Every document is built in each language that has a template for it: mou.docx in the language of record, "
        "mou.es.docx in Spanish, and so on. Free text may then be given per language: mission: {en: ..., es: ...}.",
    )
    formality: Formality = Field(description="formal or informal.")
    formality_note: Text | None = Field(
        None,
        description=(
            "What the formality means here, e.g. 'In practice, that has meant a handshake and a shared spreadsheet.' "
            "Prints in the MOU, the charter and the onboarding packet, so name documents ('the MOU'), never "
            "'this MOU'."
        ),
    )
    legal_status: LegalStatus = Field(LegalStatus.unincorporated, description="The partnership's own legal standing.")
    fiscal_sponsor: MemberId | None = Field(None, description="Id of the member acting as fiscal sponsor, if any.")
    geography: Text = Field(description="The area the partnership serves.")
    purpose: Text = Field(description="Why the partnership exists: its common goal, in a few sentences.")
    background: Text | None = Field(
        None, description="The local problem and the people affected. Prints in the MOU and the letters of intent."
    )
    populations: list[Text] = Field(
        default_factory=list, max_length=30, description="The people the partnership serves, e.g. 'adult survivors'."
    )
    founded: PartialDate | None = Field(
        None,
        description="When the partnership began: a year, a year and month, or a full date (2009, 2009-03 or "
        "2009-03-14). Letters of intent, the MOU, the charter and the onboarding packet say so; without it they "
        "name no founding date (the earliest history event may be a later milestone).",
    )
    history: list[HistoryEvent] = Field(default_factory=list, max_length=MAX_ITEMS, description="Milestones.")
    mission: Text = Field(description="The mission statement.")
    vision: Text | None = Field(None, description="The vision statement, if the partnership has one.")
    values: list[Text] = Field(default_factory=list, max_length=30, description="Core values.")
    goals: list[Goal] = Field(default_factory=list, max_length=50, description="Goals.")
    functions: list[PartnershipFunction] = Field(
        default_factory=list, max_length=10, description="What the partnership does, from the LCHT list."
    )
    members: list[Member] = Field(
        min_length=2, max_length=MAX_ITEMS, description="Member organizations; each has a unique id."
    )
    leadership: Leadership = Field(description="Who leads and how leaders are chosen.")
    decision_making: DecisionMaking = Field(description="How decisions are made.")
    meetings: Meetings = Field(default_factory=Meetings, description="Meeting rhythm and ground rules.")
    committees: list[Committee] = Field(default_factory=list, max_length=50, description="Committees.")
    membership: Membership = Field(default_factory=Membership, description="Joining, taking part and leaving.")
    referral_protocol: ReferralProtocol | None = Field(None, description="How members refer survivors.")
    confidentiality: Confidentiality = Field(
        default_factory=Confidentiality, description="Confidentiality and information sharing."
    )
    mandatory_reporting: MandatoryReporting = Field(
        default_factory=MandatoryReporting, description="Mandated reporters and the limits of confidentiality."
    )
    media: Media | None = Field(None, description="How the partnership speaks in public.")
    survivor_engagement: SurvivorEngagement | None = Field(None, description="How survivors shape the work.")
    trauma_informed: TraumaInformed = Field(
        default_factory=TraumaInformed, description="Trauma-informed commitments and trainings."
    )
    shared_platform: SharedPlatform | None = Field(None, description="Where shared records are kept.")
    funding: Funding = Field(default_factory=Funding, description="Grants, subgrants and other resources.")
    agreement: Agreement | None = Field(None, description="Terms of the MOU; required to build an MOU.")
    conflict_resolution: ConflictResolution = Field(
        default_factory=ConflictResolution, description="How disagreements are settled."
    )
    emergency: Emergency = Field(default_factory=Emergency, description="Emergency and crisis planning.")
    evaluation: Evaluation = Field(default_factory=Evaluation, description="How the work is measured.")
    onboarding: Onboarding = Field(default_factory=Onboarding, description="How new members are welcomed.")
    definitions: list[Definition] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Defined terms and acronyms."
    )
    awareness_days: list[AwarenessDay] = Field(
        default_factory=list, max_length=20, description="Observances used for joint outreach."
    )
    other_observances: list[Observance] = Field(
        default_factory=list, max_length=30, description="Other days or months the partnership marks."
    )
    plans: list[PartnershipPlan] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Partnership plans: a member organization's own internal plan for the partnerships it seeks, "
        "one per organization. Each builds partnership-plan-<member id>, for that organization's staff.",
    )
    charter: Charter = Field(
        default_factory=Charter, description="Authority, adoption, amendment and review of the governance charter."
    )
    revision_history: list[RevisionNote] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Changes to print at the end of the MOU, charter, emergency guide and onboarding packet, in "
        "your own words, newest or oldest first as you like. Leave out to print no revision history.",
    )
    approvers: list[ApproverOverride] = Field(
        default_factory=list,
        max_length=MAX_ITEMS,
        description="Who must approve a document, where it should differ from the default for its kind.",
    )
    approvals: list[Approval] = Field(
        default_factory=list,
        max_length=5000,
        description="Approvals listed in the partnership file, as partnerdocs recorded them before approval files. "
        "Still read, together with the approval files in `partnerships/<name>.approvals/`, where `partnerdocs approve` "
        "records each approval now; `partnerdocs move-approvals` moves this list there. A document is final when "
        "every required approval matches its current content.",
    )

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def current_members(self) -> list[Member]:
        return [m for m in self.members if m.is_current]

    def letters_of_intent(self) -> list[tuple[Grant, Member]]:
        """(grant, writer) for each letter of intent to write: current writers of grants with a current applicant."""
        current = {m.id: m for m in self.current_members}
        return [
            (grant, current[writer])
            for grant in self.funding.grants
            if grant.letter_of_intent is not None and grant.applicant in current
            for writer in grant.letter_writers
            if writer in current
        ]

    @property
    def language_of_record(self) -> str:
        """The language that prevails where versions differ: the first one listed."""
        return self.languages[0]

    def letter_language(self, grant: Grant, writer: Member) -> str:
        """The language `writer`'s letter of intent for `grant` is written in.

        The letter's own `languages` entry for the writer; else the writer's primary contact's preferred
        language where the partnership lists it; else the language of record.
        """
        chosen = grant.letter_of_intent.languages.get(writer.id) if grant.letter_of_intent else None
        if chosen is not None:
            return chosen
        contact = writer.primary_contact
        preferred = contact.preferred_language if contact else None
        return (preferred and tag_for_language_name(preferred, self.languages)) or self.language_of_record

    def affiliates(self) -> list[Member]:
        """Current affiliates and resource partners: they take part, but receive no list of members."""
        outside = (MembershipClass.affiliate, MembershipClass.resource_partner)
        return [m for m in self.current_members if m.membership_class in outside]

    def is_pair(self) -> bool:
        """Two organizations (or fewer): documents then leave out what only a larger partnership needs."""
        return len(self.current_members) <= 2

    def pays_survivors(self) -> bool:
        """True when the file says how survivors are paid: only then may a document promise them pay."""
        return bool(self.survivor_engagement and self.survivor_engagement.compensation)

    def member(self, member_id: str) -> Member:
        for candidate in self.members:
            if candidate.id == member_id:
                return candidate
        raise KeyError(member_id)
