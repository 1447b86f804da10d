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
from pipeline.contexts.current import current_member as current_member
from pipeline.contexts.current import current_name as current_name
from pipeline.contexts.current import current_names as current_names
from pipeline.contexts.leadership import coordinator_statement as coordinator_statement
from pipeline.contexts.leadership import leaders_phrase as leaders_phrase
from pipeline.contexts.leadership import leadership_statement as leadership_statement
from pipeline.contexts.member_wording import commitment_text as commitment_text
from pipeline.contexts.member_wording import designation as designation
from pipeline.contexts.member_wording import language_line as language_line
from pipeline.contexts.member_wording import sector_text as sector_text
from pipeline.contexts.name_in_address import spells
from pipeline.contexts.texts import level_description
from pipeline.contexts.wording import Fact, facts, join_sentences, sentence
from pipeline.formatting import join_and, long_date
from pipeline.i18n import N_, _
from schemas import Partnership
from schemas.governance import DecisionMaking
from schemas.members import Contact, Member, Merger
from schemas.policies import MandatoryReporting
from schemas.types import PartialDate
from schemas.vocabulary import Formality, MemberStatus

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
        # Translators: a predicate after the name of the organization that merged ('Bridgewell merged into ...').
        return _(
            "merged into {successor}, whose joinder is pending (it is not a party until it signs)",
            successor=successor.legal_name,
        )
    if successor.status is MemberStatus.prospective:
        # Translators: a predicate after the name of the organization that merged ('Bridgewell merged into ...').
        return _("merged into {successor}, which is not a member", successor=successor.legal_name)
    # Translators: a predicate after the name of the organization that merged ('Bridgewell merged into ...').
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


# --- Partnership level, formality (described in words, never ranked) and founding ---


def level_statement(partnership: Partnership) -> str:
    level = partnership.level
    # Translators: {level} is the level's name ('collaboration'); {description} says what it means and ends the
    # sentence ('the organizations work jointly toward shared goals, ...').
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
