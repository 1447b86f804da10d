"""Policies that protect survivors: confidentiality, reporting, media, survivor engagement, training."""

from __future__ import annotations

from pydantic import Field

from schemas.types import Flag, MemberId, Model, Text
from schemas.vocabulary import ConfidentialityLaw, PrinciplesPhrasing


class LawApplication(Model):
    """A confidentiality law or framework and the members it binds."""

    law: ConfidentialityLaw = Field(description="The law or framework, e.g. vawa, voca, hipaa.")
    applies_to: list[MemberId] = Field(
        default_factory=list, max_length=200, description="Ids of the members it binds; leave empty for all members."
    )
    note: Text | None = Field(
        None,
        description=(
            "Why it applies, or what it requires in this partnership. Prints in the MOU and the onboarding packet "
            "as a statement to their readers."
        ),
    )


class ReleasePolicy(Model):
    """The consent a survivor gives before any identifying information is shared."""

    time_limit_days: int | None = Field(
        None, ge=1, le=3650, description="How many days a signed release stays valid, e.g. 90."
    )
    scope: Text | None = Field(None, description="What a release allows to be shared, and with whom.")


class SharedPlatform(Model):
    """Where the partnership keeps its shared records."""

    name: Text = Field(description="The platform, e.g. 'SharePoint folder' or 'Google Drive'.")
    owner: MemberId | None = Field(None, description="Id of the member that administers it.")
    holds_pii: Flag = Field(False, description="True if survivors' identifying information is stored there.")
    contents: Text | None = Field(None, description="What is kept there.")
    access_removal: Text | None = Field(None, description="How access is removed when someone leaves.")


class Confidentiality(Model):
    """Confidentiality and information-sharing rules."""

    laws: list[LawApplication] = Field(
        default_factory=list, max_length=50, description="Laws and frameworks that bind members."
    )
    release: ReleasePolicy = Field(
        default_factory=ReleasePolicy, description="Rules for survivors' written releases of information."
    )
    sharing_rules: list[Text] = Field(
        default_factory=list, max_length=50, description="What may be shared, with whom and how."
    )
    law_enforcement_sharing: Text | None = Field(
        None, description="What law enforcement shares with victim services, on a need-to-know basis."
    )
    retention: Text | None = Field(None, description="How long shared records are kept and how they are destroyed.")


class MandatoryReporting(Model):
    """Who must report what, so survivors can be told the limits of confidentiality."""

    mandated_reporters: list[MemberId] = Field(
        default_factory=list, max_length=200, description="Ids of members whose staff are mandated reporters."
    )
    minors: Text | None = Field(None, description="What happens when a minor may be involved.")
    adults: Text | None = Field(None, description="Reporting rules for adult survivors, if any.")
    disclosure: Text | None = Field(None, description="How survivors are told the limits of confidentiality.")
    legal_reference: Text | None = Field(
        None,
        description="The state law that applies, exactly as your counsel cites it. Never guess a citation.",
    )
    legal_reference_pending: Flag = Field(
        False,
        description="true while counsel has not yet confirmed the citation: documents print a blank to complete in "
        "its place, `lint` lists it and `build --release` refuses until `legal_reference` is filled in and this "
        "line is removed.",
    )


class Spokesperson(Model):
    """Someone who may speak for the partnership on a topic."""

    member: MemberId = Field(description="Id of the organization the spokesperson belongs to.")
    role: Text = Field(description="The spokesperson's position, e.g. 'Public Information Officer'.")
    topics: Text = Field(description="What they speak about, e.g. 'operations'.")


class Media(Model):
    """How the partnership speaks in public."""

    approval: Text = Field(description="Who approves joint public statements, and how.")
    spokespeople: list[Spokesperson] = Field(default_factory=list, max_length=50, description="Who may speak.")
    rules: list[Text] = Field(
        default_factory=list, max_length=50, description="Further rules, e.g. shared credit, no survivor images."
    )


class AdvisoryBoard(Model):
    """A survivor leader advisory board."""

    name: Text = Field(description="The board's name, e.g. 'Survivor Advisory Board'.")
    size: int | None = Field(None, ge=1, le=100, description="Number of seats.")
    host: MemberId | None = Field(None, description="Id of the member that coordinates the board.")
    role: Text | None = Field(None, description="What the board advises on or decides.")
    seats_and_votes: Text | None = Field(None, description="Seats and votes the board holds in the partnership.")
    meets: Text | None = Field(None, description="How often it meets.")


class SurvivorEngagement(Model):
    """How survivors shape the partnership (LCHT toolkit questions)."""

    approach: Text = Field(description="How the partnership engages survivors, in a few sentences.")
    advisory_board: AdvisoryBoard | None = Field(None, description="A survivor advisory board, if there is one.")
    compensation: Text | None = Field(None, description="How survivors are paid for their time and expertise.")
    safety: Text | None = Field(None, description="How survivors' safety and privacy come first.")
    storytelling: Text | None = Field(None, description="Rules about survivors telling their stories.")
    naming: Text | None = Field(None, description="How survivors are named in documents, e.g. first name and initial.")
    feedback: Text | None = Field(None, description="How survivors who are not leaders are heard.")


class Training(Model):
    """A training members take or give."""

    topic: Text = Field(description="What it covers, e.g. 'trauma-informed hiring'.")
    audience: Text | None = Field(None, description="Who takes it.")
    frequency: Text | None = Field(None, description="How often, e.g. 'twice a year'.")
    provider: MemberId | None = Field(None, description="Id of the member that delivers it.")


class TraumaInformed(Model):
    """Trauma-informed commitments and training."""

    principles_phrasing: PrinciplesPhrasing = Field(
        PrinciplesPhrasing.lcht, description="Which wording of the six principles documents use: lcht or futures."
    )
    commitments: list[Text] = Field(
        default_factory=list, max_length=50, description="What members commit to in their practice."
    )
    trainings: list[Training] = Field(default_factory=list, max_length=50, description="Required trainings.")


class ReferralProtocol(Model):
    """How members refer survivors to each other."""

    summary: Text = Field(description="The protocol in one or two sentences.")
    steps: list[Text] = Field(default_factory=list, max_length=50, description="The steps, in order.")
    first_call: MemberId | None = Field(
        None,
        description="Id of the member whose crisis line a member calls first on meeting a possible victim, day or "
        "night. The onboarding packet's quick-reference card prints that line.",
    )
