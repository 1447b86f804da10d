"""A member organization's details worded for a document: its names, sector, languages and commitments.

Pure wording of one member's facts (no audience, no other member), shared by every document through common.
"""

from __future__ import annotations

from pipeline.contexts.wording import sentence
from pipeline.formatting import join_and, money
from pipeline.i18n import _
from schemas.members import Commitment, Contact, Member


def language_line(contact: Contact) -> str:
    """'Prefers Spanish; also English', 'Prefers Spanish' or 'Also works in Tagalog'; '' for English only."""
    others = join_and(contact.languages)
    preferred = contact.preferred_language
    if preferred and others:
        # Translators: the languages a contact person works in, as the partnership file names them.
        return _("Prefers {language}; also {languages}", language=preferred, languages=others)
    if preferred:
        # Translators: the language a contact person prefers to work in, as the partnership file names it.
        return _("Prefers {language}", language=preferred)
    # Translators: the languages a contact person works in besides English, as the partnership file names them.
    return _("Also works in {languages}", languages=others) if others else ""


def amount_per(amount: str, per: str | None) -> str:
    """'$1,200 per year' for a single unit, '$1,200 for the project period' for a longer span, or the amount alone.

    The period is the partnership file's own word (`per`), so the letters' totals name it as their items do."""
    per = (per or "").strip().removeprefix("the ")
    if not per:
        return amount
    if " " not in per:
        # Translators: an amount over a period the partnership file names in one word ('$1,200 per year').
        return _("{amount} per {period}", amount=amount, period=per)
    # Translators: an amount over a span the partnership file names ('$5,000 for the project period').
    return _("{amount} for the {period}", amount=amount, period=per)


def commitment_text(commitment: Commitment) -> str:
    """The commitment, with its in-kind value in brackets: '... worker (in-kind, estimated at $1,200 per year).'"""
    text = sentence(commitment.description)
    if commitment.in_kind_value is None:
        return text
    # Translators: in brackets after a commitment; {amount} is '$1,200' or '$1,200 per year'.
    note = _("in-kind, estimated at {amount}", amount=amount_per(money(commitment.in_kind_value), commitment.per))
    return f"{text[:-1]} ({note})." if text.endswith(".") else f"{text} ({note})"


def sector_text(member: Member) -> str:
    label = member.sector.label
    return f"{label} — {member.sector_detail}" if member.sector_detail else label


def designation(member: Member) -> str:
    """The first-mention form: legal name, trade name, unit, and the short name used afterwards."""
    text = member.legal_name
    if member.doing_business_as:
        # Translators: {name} is an organization's legal name, {trade_name} the name it trades under.
        text = _("{name}, doing business as {trade_name}", name=text, trade_name=member.doing_business_as)
    if member.unit:
        # Translators: {name} is an organization's legal name; {unit} is the department that acts for it.
        text = _("{name}, acting through its {unit}", name=text, unit=member.unit)
    if member.short_name and member.short_name != member.legal_name:
        # Translators: defines the short name used for the organization in the rest of the document.
        text = _("{name} (“{short_name}”)", name=text, short_name=member.short_name)
    return text


__all__ = ["amount_per", "commitment_text", "designation", "language_line", "sector_text"]
