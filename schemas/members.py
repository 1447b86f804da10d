"""Member organizations: described once, referenced everywhere else by ``id``."""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import Field, model_validator

from schemas.types import MAX_ITEMS, Email, Flag, Identifier, MemberId, Model, PartialDate, Phone, Text
from schemas.vocabulary import (
    EmergencyPlanStatus,
    LegalPosition,
    MembershipClass,
    MemberStatus,
    OrganizationType,
    Sector,
    Visibility,
)


class ContactVisibility(Model):
    """Who may see each detail of a contact. Details are public unless narrowed here."""

    name: Visibility = Field(
        Visibility.public,
        description="Widest audience that may see the person's name; narrower audiences see the title only.",
    )
    email: Visibility = Field(Visibility.public, description="Widest audience that may see the e-mail address.")
    phone: Visibility = Field(Visibility.public, description="Widest audience that may see the phone number.")


class Contact(Model):
    """A person who speaks for a member organization in the partnership."""

    name: Text | None = Field(
        None,
        description="The person's name as it may be printed, e.g. 'Tasha M.' for a survivor leader. Leave out for "
        "a role that names no person (an intake line or a shared inbox): the title and the role's e-mail or phone "
        "are then enough.",
    )
    title: Text = Field(description="Job title or role in their own organization, e.g. 'Intake Coordinator'.")
    email: Email | None = Field(
        None,
        description="Work e-mail address, personal or a role inbox such as intake@…. Leave out if there is none.",
    )
    phone: Phone | None = Field(None, description="Work phone number. Leave out if there is none.")
    preferred_language: Text | None = Field(
        None,
        description="The language the person prefers to work in, e.g. 'Spanish'. Printed as 'Prefers Spanish'. "
        "Leave out for English.",
    )
    languages: list[Text] = Field(
        default_factory=list,
        max_length=20,
        description="Other languages the person works in: besides English, or besides the preferred language "
        "(where English may then be listed here).",
    )
    acting: Flag = Field(False, description="True while the person fills the role temporarily (acting or interim).")
    since: dt.date | None = Field(None, description="Date the person took on this role (YYYY-MM-DD).")
    visibility: ContactVisibility = Field(
        default_factory=ContactVisibility,
        description="Narrow who may see the name, e-mail or phone (public, members, core_team, withheld).",
    )


class FormerContact(Model):
    """Someone who used to hold a contact role; kept for the record, never printed as current."""

    name: Text = Field(description="The former contact's name.")
    title: Text = Field(description="The title they held.")
    until: dt.date = Field(description="Last day in the role (YYYY-MM-DD).")
    note: Text | None = Field(
        None,
        description=(
            "What happened, e.g. who took over and how quickly. Prints in the MOU, the charter and the onboarding "
            "packet, in the record of contact changes."
        ),
    )


class Contacts(Model):
    """The people who carry the partnership inside a member organization."""

    primary: Contact = Field(description="The main point of contact.")
    backup: Contact | None = Field(
        None,
        description="A second person who knows the partnership and steps in when the primary contact is away.",
    )
    former: list[FormerContact] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="People who held these roles before."
    )


class Signatory(Model):
    """The official who signs agreements for a member organization."""

    name: Text | None = Field(
        None,
        description="Full name as it appears on the signature page. Leave out while not yet confirmed: "
        "documents then print a blank line to fill in by hand.",
    )
    title: Text = Field(description="The signatory's title, e.g. Executive Director.")
    public_name: Text | None = Field(
        None,
        description="How the signatory is named everywhere except the signature page "
        "(e.g. a first name and initial for a survivor leader).",
    )
    legal_review_required: Flag = Field(
        False, description="True when the organization's counsel must review an agreement before it is signed."
    )


class Commitment(Model):
    """Something a member promises to contribute."""

    description: Text = Field(description="What the member will do or provide, stated realistically.")
    in_kind_value: int | None = Field(
        None, ge=0, le=100_000_000, description="Estimated value in US dollars, when it is an in-kind contribution."
    )
    per: Text | None = Field(None, description="Period the value covers, e.g. 'year' or 'project period'.")
    agreed: dt.date | None = Field(
        None,
        description="When the member made this commitment (YYYY-MM-DD). Documents dated earlier, such as a letter "
        "of intent written before it, leave it out.",
    )


class Withdrawal(Model):
    """A member's departure from the partnership."""

    notice_date: dt.date = Field(description="Date written notice was given (YYYY-MM-DD).")
    effective_date: dt.date = Field(description="Date the withdrawal took effect (YYYY-MM-DD).")
    reason: Text | None = Field(None, description="Why the member left, in neutral words.")
    handover: Text | None = Field(None, description="Who takes over the member's duties, and how.")


class Merger(Model):
    """A member's merger into another organization, which carries on its work."""

    date: dt.date = Field(description="Date the merger took effect (YYYY-MM-DD).")
    successor: MemberId | None = Field(
        None,
        description="Id of the organization that carries on, when it is (or is joining as) a member: list it under "
        "members too, with status pending until it signs its joinder.",
    )
    note: Text | None = Field(
        None,
        description="What changed for the partnership, in neutral words. Prints in the charter's membership history.",
    )


class EmergencyPlan(Model):
    """Whether a member has an emergency plan the partnership can rely on."""

    status: EmergencyPlanStatus = Field(description="written_plan, business_continuity_only or none.")
    note: Text | None = Field(
        None, description="Where the plan is kept or what is missing. Prints in the Emergency Guide."
    )


class Member(Model):
    """A member organization of the partnership."""

    id: Identifier = Field(
        description="Short unique id used to refer to this organization elsewhere, e.g. 'harbor-hope'.",
        examples=["harbor-hope"],
    )
    legal_name: Text = Field(description="Full legal name, e.g. 'Harbor & Hope Survivor Services, Inc.'.")
    short_name: Text | None = Field(None, description="Name or acronym used after the first mention.")
    doing_business_as: Text | None = Field(None, description="Trade name, when it differs from the legal name.")
    organization_type: OrganizationType | None = Field(
        None,
        description="Legal form, e.g. nonprofit or local_government. Leave out while unknown: `lint` reminds you, "
        "and the legal positions are then worked out from the sector alone.",
    )
    sector: Sector = Field(description="Sector the organization works in, e.g. direct_victim_services.")
    sector_detail: Text | None = Field(
        None, description="A finer description of the sector, e.g. 'domestic violence shelter'."
    )
    description: Text | None = Field(None, description="One or two sentences on who the organization is.")
    unit: Text | None = Field(None, description="The unit or office taking part, e.g. 'Human Trafficking Unit'.")
    membership_class: MembershipClass = Field(MembershipClass.voting, description="Standing in decisions.")
    status: MemberStatus = Field(
        MemberStatus.active,
        description="prospective (in talks, not admitted: appears in no document), pending (admitted, joinder not "
        "yet signed: not a party, not counted, signs nothing; listed as pending in the charter's membership "
        "history), active, interim (new, in its first period), withdrawn (give 'withdrawal') or merged (give "
        "'merger').",
    )
    joined: PartialDate | None = Field(
        None,
        description="When the organization joined: a year (2019), a year and month (2019-03) or a full date "
        "(2019-03-14). A document dated within a year or month given here counts the organization as a member "
        "from its first day.",
    )
    withdrawal: Withdrawal | None = Field(None, description="Details of the departure, for a withdrawn member.")
    merger: Merger | None = Field(None, description="The merger that ended this membership, for a merged member.")
    services: list[Text] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Services the organization offers to the partnership."
    )
    commitments: list[Commitment] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="What the organization promises to contribute."
    )
    contacts: Contacts | None = Field(
        None,
        description="Primary and backup contacts. Leave out for a member you list with little detail: documents "
        "then say no contact is on file yet, and `lint` reminds you.",
    )
    signatory: Signatory | None = Field(
        None,
        description="The official who signs for the organization. Leave out while unknown: an MOU then prints a "
        "blank signature block to complete, and `build --release` refuses until it is given.",
    )
    emergency_plan: EmergencyPlan | None = Field(
        None, description="Whether the organization has its own emergency plan."
    )
    languages: list[Text] = Field(
        default_factory=list, max_length=20, description="Languages the organization serves clients in."
    )
    regions: list[Text] = Field(
        default_factory=list,
        max_length=50,
        description="Regions, counties or areas the organization covers for the partnership, e.g. 'North Valley'. "
        "Printed in the member directory.",
    )
    crisis_line: Phone | None = Field(
        None, description="A 24-hour crisis or hotline number survivors and partners can be warm-transferred to."
    )
    legal_positions: list[LegalPosition] = Field(
        default_factory=list,
        max_length=len(LegalPosition),
        description=(
            "What the law lets this organization promise about survivors' information and what it must disclose: "
            "victim_services (bound by VAWA or VOCA confidentiality), law_enforcement, prosecution, "
            "system_based_advocacy, child_welfare, health_care (HIPAA), school (FERPA), legal_services, "
            "corrections (PREA), mandated_reporter, public_body, community_partner. Leave out to let partnerdocs "
            "work them out from the sector, the organization type, the laws under 'confidentiality' and the "
            "mandated reporters; when given, this list replaces that guess entirely. Have counsel confirm it."
        ),
    )
    crisis_line_name: Text | None = Field(
        None,
        description="What members call that line, e.g. 'Bridgewell advocate line' or 'DCFS child abuse hotline'. "
        "Without it, documents say '<short name> crisis line'.",
    )
    crisis_line_use: Text | None = Field(
        None,
        description="When a member calls that line, in a few words, e.g. 'any possible victim, day or night' or "
        "'a child who may be abused or trafficked'. Printed beside the number.",
    )
    mailing_address: list[Text] = Field(
        default_factory=list,
        max_length=6,
        description=(
            "Postal address for correspondence, line by line; printed under the name in letterheads. "
            "Use a P.O. box or office address: never the location of a shelter or safe house."
        ),
    )

    @model_validator(mode="after")
    def _withdrawal_matches_status(self) -> Self:
        if self.status is MemberStatus.withdrawn and self.withdrawal is None:
            raise ValueError("a withdrawn member needs 'withdrawal' with its notice_date and effective_date")
        if self.withdrawal is not None and self.status is not MemberStatus.withdrawn:
            raise ValueError("'withdrawal' is given, so 'status' should be 'withdrawn'")
        if self.status is MemberStatus.merged and self.merger is None:
            raise ValueError("a merged member needs 'merger' with its date (and the successor's id, if it is a member)")
        if self.merger is not None and self.status is not MemberStatus.merged:
            raise ValueError("'merger' is given, so 'status' should be 'merged'")
        if self.merger is not None and self.merger.successor == self.id:
            raise ValueError("a member cannot merge into itself; 'successor' names the organization that carries on")
        return self

    @property
    def name(self) -> str:
        """The name to use after the first mention."""
        return self.short_name or self.legal_name

    @property
    def is_current(self) -> bool:
        """A party today: active or interim (not prospective, pending, withdrawn or merged)."""
        return self.status in (MemberStatus.active, MemberStatus.interim)

    @property
    def primary_contact(self) -> Contact | None:
        """The primary contact, or None for a member listed without contacts."""
        return self.contacts.primary if self.contacts else None

    @property
    def backup_contact(self) -> Contact | None:
        """The backup contact, or None when there is none (or no contacts at all)."""
        return self.contacts.backup if self.contacts else None

    @property
    def has_left(self) -> bool:
        """Withdrawn or merged: a former member, kept for the record."""
        return self.status in (MemberStatus.withdrawn, MemberStatus.merged)
