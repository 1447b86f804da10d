"""Views of the model that several documents share: members, contacts, signatures, fixed texts.

Templates only ever see what this module (and the per-document builders) hand them: frozen
dataclasses and tuples of strings that are already worded and formatted. Deciding what to show,
for which audience, happens here, so the Word templates stay free of logic staff could break.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.audience import Audience, is_visible
from pipeline.contexts.member_wording import commitment_text as commitment_text
from pipeline.contexts.member_wording import designation as designation
from pipeline.contexts.member_wording import language_line as language_line
from pipeline.contexts.member_wording import sector_text as sector_text
from pipeline.contexts.name_in_address import spells
from pipeline.contexts.texts import level_description
from pipeline.contexts.wording import Fact, facts, join_sentences, number_word, sentence
from pipeline.formatting import join_and, long_date
from pipeline.i18n import N_, _, _n
from schemas import Partnership
from schemas.governance import DecisionMaking
from schemas.members import Contact, Member, Merger
from schemas.policies import MandatoryReporting
from schemas.types import PartialDate
from schemas.vocabulary import Formality, LeadershipModel, MemberStatus

BLANK_LINE = "_" * 30
"""Printed where a value must be filled in by hand, e.g. a signatory not yet confirmed."""


CELL_BLANK = "_" * 12
"""The line to complete in a narrow table column, where BLANK_LINE would wrap inside the underscores."""


def blank(label: str) -> str:
    """A line to complete by hand, with what belongs on it: '______ (to complete)'."""
    return f"{BLANK_LINE} ({label})"


def cell_blank(label: str) -> str:
    """A blank() short enough for a narrow table column."""
    return f"{CELL_BLANK} ({label})"


# --- Contacts, members and signatures -------------------------------------------


@dataclass(frozen=True)
class ContactView:
    """A contact as one audience may see it; hidden details are empty strings."""

    name: str
    title: str
    email: str
    phone: str
    acting: bool
    since: str
    languages: str
    """What the person works in, as printed: 'Prefers Spanish; also English' or 'Also works in Spanish'."""
    label: str
    """'Name, Title' (or the title alone for a role or when the name is hidden), marked when acting."""
    lines: tuple[str, ...]
    """The label, then each visible way to reach the person: ready for a table cell."""


NO_CONTACT = N_("No contact on file yet")
"""What a document shows for a member listed without contacts (English: translate it with `_(NO_CONTACT)`)."""


def contact_view(contact: Contact | None, audience: Audience) -> ContactView:
    """What `audience` may see of a contact: a hidden name leaves the title only; no contact says so."""
    if contact is None:
        nobody = _(NO_CONTACT)
        return ContactView("", "", "", "", False, "", "", nobody, (nobody,))
    shown = contact.visibility
    name = contact.name if contact.name and is_visible(shown.name, audience) else ""
    email = contact.email if contact.email and is_visible(shown.email, audience) else ""
    if email and contact.name and not name and spells(email, contact.name, role=contact.title):
        # 'jane.doe@...' would give away the name this audience may not see; a role inbox ('intake@...') never does.
        email = ""
    phone = contact.phone if contact.phone and is_visible(shown.phone, audience) else ""
    since = long_date(contact.since)
    label = f"{name}, {contact.title}" if name else contact.title
    if contact.acting:
        # Translators: {contact} is 'Name, Title' or a title; the person fills the role for now (acting or interim).
        acting_since = _("{contact} (acting since {date})", contact=label, date=since)
        # Translators: {contact} is 'Name, Title' or a title; the person fills the role for now (acting or interim).
        label = acting_since if since else _("{contact} (acting)", contact=label)
    languages = language_line(contact)
    lines = [label, email, phone, languages]
    return ContactView(
        name=name,
        title=contact.title,
        email=email,
        phone=phone,
        acting=contact.acting,
        since=since,
        languages=languages,
        label=label,
        lines=tuple(line for line in lines if line),
    )


def merged_into(partnership: Partnership, merger: Merger) -> str:
    """'merged into X' (with X's standing when it has not signed its joinder yet), as a predicate."""
    # Each is a predicate: the sentence names the organization that merged before it ('Bridgewell merged into ...').
    if merger.successor is None:
        return _("merged into an organization that is not a member")
    successor = partnership.member(merger.successor)
    if successor.status is MemberStatus.pending:
        return _(
            "merged into {successor}, whose joinder is pending (it is not a party until it signs)",
            successor=successor.legal_name,
        )
    if successor.status is MemberStatus.prospective:
        return _("merged into {successor}, which is not a member", successor=successor.legal_name)
    return _("merged into {successor}", successor=successor.legal_name)


def reporting_citation(reporting: MandatoryReporting) -> str:
    """The reporting law as counsel cites it, or a blank to complete while counsel has not confirmed it."""
    if reporting.legal_reference_pending:
        # Translators: {blank} is a line to fill in by hand with the citation of the reporting law.
        return _("{blank} (citation pending counsel review).", blank=BLANK_LINE)
    return sentence(reporting.legal_reference) if reporting.legal_reference else ""


@dataclass(frozen=True)
class SignatureBlock:
    """One signature block; the signature page is the only place a signatory's full name appears."""

    organization: str
    name: str
    """The full legal name, or a blank line to fill in by hand while the signatory is unconfirmed."""
    title: str
    confirmed: bool


def signature_block(member: Member, audience: Audience = Audience.members) -> SignatureBlock:
    """A signatory named privately (a survivor leader) keeps their full name out of every public copy."""
    signatory = member.signatory
    if signatory is None:
        # Not on file yet: a blank block to complete by hand (and `build --release` refuses until it is given).
        return SignatureBlock(member.legal_name, BLANK_LINE, BLANK_LINE, confirmed=False)
    public = audience is Audience.public and signatory.public_name
    return SignatureBlock(
        organization=member.legal_name,
        name=(signatory.public_name if public else signatory.name) or BLANK_LINE,
        title=signatory.title,
        confirmed=signatory.name is not None,
    )


def signer_name_title(member: Member) -> tuple[str, str]:
    """The signatory's name and title for a signature line, with a blank line for what is not on file."""
    if member.signatory is None:
        return BLANK_LINE, BLANK_LINE
    return member.signatory.name or BLANK_LINE, member.signatory.title


@dataclass(frozen=True)
class MemberView:
    """A member organization with everything already worded for a document."""

    id: str
    legal_name: str
    name: str
    designation: str
    organization_type: str
    sector: str
    description: str
    services: tuple[str, ...]
    commitments: tuple[str, ...]
    has_in_kind: bool
    languages: str
    primary: ContactView
    backup: ContactView | None
    signature: SignatureBlock
    signatory_public_name: str
    """How the signatory is named everywhere except the signature page ('' while unconfirmed)."""
    roles: tuple[str, ...] = ()
    """What the member does for the partnership as a whole (lead, host, administrator...); set per document."""


def member_view(member: Member, audience: Audience) -> MemberView:
    backup = member.backup_contact
    return MemberView(
        id=member.id,
        legal_name=member.legal_name,
        name=member.name,
        designation=designation(member),
        organization_type=member.organization_type.label if member.organization_type else "",
        sector=sector_text(member),
        description=member.description or "",
        services=tuple(member.services),
        commitments=tuple(commitment_text(c) for c in member.commitments),
        has_in_kind=any(c.in_kind_value is not None for c in member.commitments),
        languages=join_and(member.languages),
        primary=contact_view(member.primary_contact, audience),
        backup=contact_view(backup, audience) if backup else None,
        signature=signature_block(member, audience),
        signatory_public_name=(member.signatory.public_name or member.signatory.name or "") if member.signatory else "",
    )


def current_member_views(partnership: Partnership, audience: Audience) -> tuple[MemberView, ...]:
    """Current members only: a withdrawn member is no longer a party to anything new."""
    return tuple(member_view(m, audience) for m in partnership.current_members)


@dataclass(frozen=True)
class RosterRow:
    organization: str
    primary: tuple[str, ...]
    backup: tuple[str, ...]
    """Never empty: a member without a backup shows that gap in words."""


def roster(members: Iterable[MemberView]) -> tuple[RosterRow, ...]:
    return tuple(
        RosterRow(
            organization=m.legal_name,
            primary=m.primary.lines,
            backup=m.backup.lines if m.backup else (_("No backup contact named yet"),),
        )
        for m in members
    )


def current_names(partnership: Partnership, member_ids: Iterable[str]) -> list[str]:
    """Short names of the current members among `member_ids`, in the order given, withdrawn ones left out."""
    current = {m.id: m for m in partnership.current_members}
    return [current[i].name for i in member_ids if i in current]


def current_member(partnership: Partnership, member_id: str) -> Member | None:
    """The member with this id, or None when it has withdrawn (or is not a member)."""
    return next((m for m in partnership.current_members if m.id == member_id), None)


def current_name(partnership: Partnership, member_id: str | None) -> str:
    """The short name of a current member, or '' for a withdrawn (or absent) one."""
    names = current_names(partnership, [member_id] if member_id else [])
    return names[0] if names else ""


# --- Leadership -------------------------------------------------------------------


def leaders_phrase(partnership: Partnership) -> str:
    """Who leads, as a noun phrase: 'Harbor & Hope', 'the co-leads (A and B)' or 'the core group'."""
    model = partnership.leadership.model
    leads = current_names(partnership, partnership.leadership.leads)
    # Translators: who leads, as a noun phrase inside a sentence ('without the agreement of the core group').
    if model is LeadershipModel.core_group or not leads:
        return _("the core group")
    if model is LeadershipModel.co_leadership:
        # Translators: who leads, as a noun phrase inside a sentence; {names} are the co-lead organizations.
        return _("the co-lead agencies ({names})", names=join_and(leads))
    # Translators: who leads, as a noun phrase inside a sentence; {name} is the lead organization.
    return _("the lead agency ({name})", name=leads[0])


def leadership_statement(partnership: Partnership) -> str:
    leadership = partnership.leadership
    leads = current_names(partnership, partnership.leadership.leads)
    if leadership.model is LeadershipModel.primary_lead and leads:
        return _("The lead agency of the Partnership is {name}, which convenes its work.", name=leads[0])
    if leadership.model is LeadershipModel.co_leadership and leads:
        return _(
            "The Partnership is led jointly by {number} co-lead agencies: {names}.",
            number=number_word(len(leads)),
            names=join_and(leads),
        )
    current = {m.id for m in partnership.current_members}
    held = [seat for seat in leadership.core_group if seat.holder in current]
    holders = current_names(partnership, dict.fromkeys(seat.holder for seat in held if seat.holder))
    vacant = len(leadership.core_group) - len(held)
    if vacant:
        held_by = _n(
            "{number} member",
            "{number} members from different sectors",
            len(holders),
            number=number_word(len(holders)),
        )
        # Translators: in brackets after the members who hold the core group's seats.
        vacancies = _n("{number} seat is vacant", "{number} seats are vacant", vacant, number=number_word(vacant))
        statement = _(
            "The Partnership has no single lead agency. A core group of {seats} seats, held by {holders} "
            "({vacancies}), leads it together and shares the work of leadership equally.",
            seats=number_word(len(leadership.core_group)),
            holders=held_by,
            vacancies=vacancies,
        )
    else:
        statement = _(
            "The Partnership has no single lead agency. A core group of {number} members from different sectors "
            "leads it together and shares the work of leadership equally.",
            number=number_word(len(holders)),
        )
    # Whoever acts in a convener's seat convenes: a member covering it for another, while the cover lasts.
    acting = [
        seat.alternate.member if seat.alternate and seat.alternate.member in current else seat.holder
        for seat in held
        if seat.convenes
    ]
    conveners = current_names(partnership, dict.fromkeys(member for member in acting if member))
    if len(conveners) == 1:
        statement += " " + _("{name} convenes the core group.", name=conveners[0])
    elif conveners:
        statement += " " + _("{names} convene the core group.", names=join_and(conveners))
    return statement


def coordinator_statement(partnership: Partnership) -> str:
    coordinator = partnership.leadership.coordinator
    if coordinator is None:
        return ""
    employer = current_names(partnership, [coordinator.employer])
    # The sentence is built in steps, each a message that takes the words before it as {coordinator}: the subject
    # names the post, and grows with who employs and who pays for the person in it.
    title = coordinator.title
    if coordinator.fte is None:
        # Translators: the subject of a sentence: the person in the post named {title}.
        text = _("The {title}", title=title)
    elif coordinator.fte == 1:
        # Translators: the subject of a sentence: the person in the post named {title}, who works full time.
        text = _("The {title} (full time)", title=title)
    else:
        # Translators: the subject of a sentence: the person in the post named {title}; {fte} is a number ('0.5').
        text = _("The {title} ({fte} full-time equivalent)", title=title, fte=f"{coordinator.fte:g}")
    if employer:
        # Translators: {coordinator} is the subject so far ('The Coordinator (full time)').
        text = _("{coordinator}, employed by {employer}", coordinator=text, employer=employer[0])
    if coordinator.funded_by:
        # Translators: {coordinator} is the subject so far; {funder} pays for the post.
        text = _("{coordinator} and paid for by {funder}", coordinator=text, funder=coordinator.funded_by)
    if coordinator.votes:
        # Translators: {coordinator} is the subject of the sentence ('The Coordinator, employed by Harbor & Hope').
        return _("{coordinator}, runs the Partnership’s work from day to day and has a vote.", coordinator=text)
    # Translators: {coordinator} is the subject of the sentence ('The Coordinator, employed by Harbor & Hope').
    return _("{coordinator}, runs the Partnership’s work from day to day and does not vote.", coordinator=text)


# --- Partnership level, formality (described in words, never ranked) and founding ---


def level_statement(partnership: Partnership) -> str:
    level = partnership.level
    described = _(
        "The Parties describe their way of working together as {level}: {description}",
        level=level.label.lower(),
        description=level_description(level),
    )
    return join_sentences(described, partnership.level_note)


def formality_statement(partnership: Partnership) -> str:
    if partnership.formality is Formality.formal:
        text = _("The Partnership is formal: it rests on documented agreements, such as this one, and on joint work.")
    else:
        text = _(
            "The Partnership has been informal: it has rested on working relationships and goodwill rather than on "
            "written agreements."
        )
    return join_sentences(text, partnership.formality_note)


def founding(partnership: Partnership, dated: dt.date | None = None) -> PartialDate | None:
    """When the partnership began, for a document dated `dated` (None: it speaks from today).

    Only `founded` says so. The earliest history event is never taken for it: a coalition founded long
    ago may record only a recent merger. A founding that the document's date has not reached is left out.
    """
    founded = partnership.founded
    if founded is None or (dated is not None and founded.first_day > dated):
        return None
    return founded


def decision_rules(decision: DecisionMaking, non_voting: str) -> tuple[Fact, ...]:
    """The rules of a decision method as labelled facts, leaving out those the YAML does not state."""
    return facts(
        (_("When a proposal passes"), decision.passing_rule),
        (_("Serious disagreement or a block"), decision.block_rule),
        (_("Quorum"), decision.quorum),
        (_("If agreement cannot be reached"), decision.fallback),
        (_("Votes"), decision.votes),
        (_("Taking part without a vote"), non_voting),
    )
