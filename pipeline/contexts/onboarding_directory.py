"""Section 9 of the New-Member Onboarding Packet, "Who's who": the member directory.

One row per current member, with what it offers and its primary and backup contacts as the packet's audience
may see them (pipeline/contexts/common.py decides what is hidden); notes under a member's name say where it
works, whether it is interim or does not vote, and what part it plays in leading the partnership. Every word
of ours goes through the message catalog, in the language of the packet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import MemberView, contact_view
from pipeline.contexts.seats import acting_in, cover_text, covering_text, interim_text, seat_views, seats_of
from pipeline.contexts.wording import organization
from pipeline.formatting import long_date
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.members import Member
from schemas.types import PartialDate, Precision
from schemas.vocabulary import LeadershipModel, MembershipClass, MemberStatus


@dataclass(frozen=True)
class DirectoryRow:
    organization: str
    notes: tuple[str, ...]
    services: tuple[str, ...]
    primary: tuple[str, ...]
    backup: tuple[str, ...]
    """Each tuple but `notes` is never empty, so every table cell keeps a paragraph."""


def directory_part(partnership: Partnership, members: tuple[MemberView, ...], audience: Audience) -> dict[str, Any]:
    """The directory rows of the current members, whether some details are withheld, and who acts for whom."""
    rows = []
    for view in members:
        member = partnership.member(view.id)
        notes = [member.sector.label]
        if member.regions:
            regions = "; ".join(member.regions)
            notes.append(_n("Region: {regions}", "Regions: {regions}", len(member.regions), regions=regions))
        if member.status is MemberStatus.interim:
            notes.append(_interim_since(member.joined))
        if member.membership_class is not MembershipClass.voting:
            notes.append(member.membership_class.label)
        notes.extend(_roles(partnership, member.id))
        rows.append(
            DirectoryRow(
                organization=view.legal_name,
                notes=tuple(notes),
                services=view.services or (_("Not listed yet"),),
                primary=view.primary.lines,
                backup=view.backup.lines if view.backup else (_("No backup contact named yet"),),
            )
        )
    return {
        "directory": tuple(rows),
        "details_withheld": any(_hides_something(m, audience) for m in partnership.current_members),
        "acting_contacts": tuple(_acting(v) for v in members if v.primary.acting),
    }


def _interim_since(joined: PartialDate | None) -> str:
    """'Interim member since March 2019' in a directory row; 'Interim member' when the file has no date."""
    if joined is None:
        return _("Interim member")
    if joined.precision is Precision.day:
        # Translators: {date} is a full date ("March 14, 2019").
        return _("Interim member since {date}", date=long_date(joined))
    # Translators: {date} is a month and year ("March 2019") or a year alone ("2019").
    return _p("month or year", "Interim member since {date}", date=long_date(joined))


def _acting(view: MemberView) -> str:
    """'Since March 2, 2026, Ana Ruiz (Program Manager) is the acting primary contact for Bridgewell.'"""
    contact, member = view.primary, organization(view.name)
    if contact.name:
        if contact.since:
            # Translators: {date} is a full date; {name} and {title} the person and their job title.
            return _(
                "Since {date}, {name} ({title}) is the acting primary contact for {organization}.",
                date=contact.since,
                name=contact.name,
                title=contact.title,
                organization=member,
            )
        return _(
            "{name} ({title}) is the acting primary contact for {organization}.",
            name=contact.name,
            title=contact.title,
            organization=member,
        )
    if contact.since:
        # Translators: {date} is a full date; {title} a job title whose holder's name is not shown.
        return _(
            "Since {date}, the {title} is the acting primary contact for {organization}.",
            date=contact.since,
            title=contact.title,
            organization=member,
        )
    # Translators: {title} is a job title whose holder's name is not shown.
    return _("The {title} is the acting primary contact for {organization}.", title=contact.title, organization=member)


def _roles(partnership: Partnership, member_id: str) -> list[str]:
    leadership = partnership.leadership
    roles = []
    if member_id in leadership.leads:
        roles.append(_("Co-lead") if leadership.model is LeadershipModel.co_leadership else _("Lead organization"))
    views = seat_views(partnership, Audience.members)
    for view in seats_of(views, member_id):
        what = "; ".join(part for part in (view.name, view.role) if part)
        # Translators: {seat} is the name and role of a member's seat in the core group.
        roles.append(_("Core group: {seat}", seat=what) if what else _("Core group"))
        roles += [note for note in (interim_text(view), cover_text(view, Audience.members)) if note]
    roles += [covering_text(v) for v in acting_in(views, member_id) if v.holder and v.holder.member.id != member_id]
    if partnership.fiscal_sponsor == member_id:
        roles.append(_("Fiscal sponsor (holds our funds)"))
    return roles


def _hides_something(member: Member, audience: Audience) -> bool:
    for contact in filter(None, (member.primary_contact, member.backup_contact)):
        view = contact_view(contact, audience)
        if (contact.name and not view.name) or (contact.email and not view.email) or (contact.phone and not view.phone):
            return True
    return False


__all__ = ["DirectoryRow", "directory_part"]
