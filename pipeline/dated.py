"""The partnership as it stood on a document's date.

A letter speaks from the day it is dated and an MOU from the day it takes effect: the members, contacts
and history they show are those of that day, not today's. Rather than teach every context builder about
dates, a builder is handed a copy of the partnership as of its date and states the facts it finds there.

A partial date ('2019', '2019-03') in `joined` or `history` counts from the first day of its period: a
document dated within that period already shows the member or the event.

Core group seats are dated too: a cover, an interim appointment and a term are periods the file records
with their dates, so a document names whoever acted in a seat on its date. The charter, the Emergency Guide
and the onboarding packet have no date of their own; `seats_on` gives them the seats of the day their file
was last committed (the date in their document properties), and members and contacts as the file states them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from schemas import Partnership
from schemas.governance import Leadership
from schemas.members import Contact, Contacts, Member
from schemas.seats import CoreGroupSeat
from schemas.types import PartialDate
from schemas.vocabulary import MemberStatus


def member_on(member: Member, day: dt.date) -> Member:
    """The member as it was on `day`: not yet joined is pending, a later withdrawal has not happened."""
    changes: dict[str, object] = {
        "contacts": contacts_on(member.contacts, day) if member.contacts else None,
        "commitments": [c for c in member.commitments if c.agreed is None or c.agreed <= day],
    }
    if member.joined and member.joined.first_day > day:
        changes["status"] = MemberStatus.pending
    elif member.withdrawal and member.withdrawal.effective_date > day:
        changes["status"] = MemberStatus.active
        changes["withdrawal"] = None
    elif member.merger and member.merger.date > day:
        changes["status"] = MemberStatus.active
        changes["merger"] = None
    return member.model_copy(update=changes)


def is_member_on(member: Member, day: dt.date) -> bool:
    """True when the organization was a party on `day`: it had joined (and signed) and had not yet left."""
    return member_on(member, day).is_current


def contacts_on(contacts: Contacts, day: dt.date) -> Contacts:
    """The contacts of `day`: a backup who started later is left out, and a primary contact who started later
    gives way to the former holder of the role that day (name and title only: the file keeps no more of them).
    Without a record of that holder, today's primary contact stays: a blank would lose the organization."""
    primary, backup = contacts.primary, contacts.backup
    if backup is not None and backup.since and backup.since > day:
        backup = None
    if primary.since and primary.since > day:
        earlier = sorted((f for f in contacts.former if f.until >= day), key=lambda f: f.until)
        if earlier:
            primary = Contact(name=earlier[0].name, title=earlier[0].title)
    return contacts.model_copy(update={"primary": primary, "backup": backup})


def partnership_on(partnership: Partnership, day: dt.date | None) -> Partnership:
    """The partnership on `day` (unchanged when the document has no date)."""
    if day is None:
        return partnership
    return partnership.model_copy(
        update={
            "members": [member_on(m, day) for m in partnership.members],
            "history": [event for event in partnership.history if event.date.first_day <= day],
            "leadership": leadership_on(partnership.leadership, day),
        }
    )


def seats_on(partnership: Partnership, day: dt.date | None) -> Partnership:
    """The partnership with its seats as of `day`, everything else as the file states it (unchanged for None)."""
    if day is None:
        return partnership
    return partnership.model_copy(update={"leadership": leadership_on(partnership.leadership, day)})


def leadership_on(leadership: Leadership, day: dt.date) -> Leadership:
    return leadership.model_copy(update={"core_group": [seat_on(seat, day) for seat in leadership.core_group]})


def seat_on(seat: CoreGroupSeat, day: dt.date) -> CoreGroupSeat:
    """The seat on `day`. A term that had ended, or an interim holder not yet appointed, leaves it vacant (the
    file keeps no earlier holder, and a stale one must never be named); an alternate covers only from its first
    to its last day."""
    if seat.vacant:
        return seat
    ended = seat.term_end is not None and seat.term_end < day
    if ended or (seat.interim is not None and seat.interim.appointed > day):
        return seat.model_copy(
            update={"member": None, "person": None, "interim": None, "alternate": None, "vacant": True}
        )
    if seat.alternate is not None and not seat.alternate.from_ <= day <= seat.alternate.until:
        return seat.model_copy(update={"alternate": None})
    return seat


@dataclass(frozen=True)
class PartyChange:
    """A change in the parties to an agreement after its date: a joinder or a withdrawal."""

    date: PartialDate
    """When it happened: a joinder as precisely as 'joined' says, a withdrawal to the day."""
    member: Member
    joined: bool


def party_changes(partnership: Partnership, since: dt.date) -> tuple[PartyChange, ...]:
    """Joinders and withdrawals after `since`, oldest first; a pending member has signed nothing yet.

    A member that joined during a period holding `since` ('2025' for an MOU of 2025-10-01) was a member from
    the period's first day, so it is one of the original parties, not a joinder."""
    changes = [
        PartyChange(m.joined, m, joined=True)
        for m in partnership.members
        if m.joined and m.joined.first_day > since and m.status not in (MemberStatus.pending, MemberStatus.prospective)
    ]
    changes += [
        PartyChange(PartialDate.of(m.withdrawal.effective_date), m, joined=False)
        for m in partnership.members
        if m.withdrawal and m.withdrawal.effective_date > since
    ]
    changes += [
        PartyChange(PartialDate.of(m.merger.date), m, joined=False)
        for m in partnership.members
        if m.merger and m.merger.date > since
    ]
    return tuple(sorted(changes, key=lambda change: (change.date.sort_key, not change.joined, change.member.id)))


__all__ = [
    "PartyChange",
    "contacts_on",
    "is_member_on",
    "leadership_on",
    "member_on",
    "partnership_on",
    "party_changes",
    "seat_on",
    "seats_on",
]
