"""The core group's seats as documents show them: who holds each one, who acts in it, on what terms.

A context builder is handed the partnership with its seats as of the document's date (pipeline/dated.py):
a cover outside its period, an interim holder not yet appointed and an ended term are already gone. What is
left here is who sits where and how to say it: the seat's name, its holder, 'interim since …, until the
election due on …', 'covered by … from … to …', and who acts, so that the call tree and every block a seat
signs name the person actually in the seat, never an absent one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.audience import Audience
from pipeline.contexts.common import contact_view
from pipeline.contexts.wording import number_word, organization
from pipeline.formatting import long_date
from pipeline.i18n import _, _n
from schemas import Partnership
from schemas.members import Contact, Member
from schemas.seats import CoreGroupSeat


@dataclass(frozen=True)
class Sitter:
    """A person in a seat, with the organization they sit for."""

    member: Member
    name: str | None
    """The person's name as the file writes it (to recognize them elsewhere); None for a role with no name."""
    label: str
    """'Name, Title' as the audience may see it; the name alone when the file gives no title."""
    contact: Contact | None
    """The member's contact this person is, when the file lists them: their title, e-mail and phone."""

    def is_named(self, name: str | None) -> bool:
        return bool(name) and name == self.name


@dataclass(frozen=True)
class SeatView:
    """One seat on the document's date."""

    number: int
    seat: CoreGroupSeat
    holder: Sitter | None
    """Who holds the seat (regularly or as interim holder); None while it is vacant."""
    acting: Sitter | None
    """Who acts in it: the alternate during a cover, else the holder."""
    withdrawn: bool = False
    """True when the seat is empty because the member holding it has withdrawn."""

    @property
    def vacant(self) -> bool:
        return self.holder is None

    @property
    def covered(self) -> bool:
        """True while an alternate acts for the holder."""
        return self.acting is not None and self.acting is not self.holder

    @property
    def absent(self) -> Sitter | None:
        """The holder while an alternate covers for them: the person never to call or ask to sign."""
        return self.holder if self.covered else None

    @property
    def name(self) -> str:
        return self.seat.name or ""

    @property
    def role(self) -> str:
        return self.seat.role or ""


def seat_views(partnership: Partnership, audience: Audience) -> tuple[SeatView, ...]:
    """Every seat of the core group, in the file's order; a seat whose member has withdrawn shows as vacant."""
    current = {m.id: m for m in partnership.current_members}
    views = []
    for number, seat in enumerate(partnership.leadership.core_group, start=1):
        member = current.get(seat.holder) if seat.holder else None
        if member is None:
            views.append(SeatView(number, seat, None, None, withdrawn=seat.holder is not None))
            continue
        holder = _sitter(member, seat.interim.person if seat.interim else seat.person, audience)
        acting = holder
        if alternate := seat.alternate:
            covering = current.get(alternate.member) if alternate.member else member
            if covering is not None:  # an alternate member that has withdrawn covers nothing
                acting = _sitter(covering, alternate.person, audience)
        views.append(SeatView(number, seat, holder, acting))
    return tuple(views)


def _sitter(member: Member, person: str | None, audience: Audience) -> Sitter:
    """The person sitting for `member`: the one named (with their details when they are one of its contacts),
    or else its primary contact."""
    if person is None:
        primary = member.primary_contact
        return Sitter(member, primary.name if primary else None, contact_view(primary, audience).label, primary)
    contacts = (member.primary_contact, member.backup_contact)
    contact = next((c for c in contacts if c is not None and c.name == person), None)
    label = contact_view(contact, audience).label if contact else person
    return Sitter(member, person, label, contact)


def filled(views: tuple[SeatView, ...]) -> Iterator[SeatView]:
    return (view for view in views if not view.vacant)


def signing_seats(views: tuple[SeatView, ...]) -> tuple[SeatView, ...]:
    """The filled seats that sign for the core group: the conveners' (every filled seat when none convenes)."""
    conveners = tuple(v for v in filled(views) if v.seat.convenes)
    return conveners or tuple(filled(views))


def acting_in(views: tuple[SeatView, ...], member_id: str) -> list[SeatView]:
    """The seats in which this member acts on the day: its own (unless another member covers them), and any
    it covers for another member."""
    return [v for v in views if v.acting is not None and v.acting.member.id == member_id]


def seats_of(views: tuple[SeatView, ...], member_id: str) -> list[SeatView]:
    """The seats this member holds, regularly or as interim holder."""
    return [v for v in views if v.holder is not None and v.holder.member.id == member_id]


def interim_text(view: SeatView) -> str:
    """'Interim holder since November 2, 2026, until the election due on January 20, 2027', or ''."""
    interim = view.seat.interim
    if interim is None or view.vacant:
        return ""
    due = interim.election_due
    if due:
        return _(
            "Interim holder since {appointed}, until the election due on {due}",
            appointed=long_date(interim.appointed),
            due=long_date(due),
        )
    return _(
        "Interim holder since {appointed}, until an election fills the seat", appointed=long_date(interim.appointed)
    )


def cover_text(view: SeatView, audience: Audience) -> str:
    """'Covered by Travis Wolfe, Senior Advocate, from … to … (parental leave)', or '' when nobody covers.

    The reason is private to the partnership: a public document never says why someone is away."""
    alternate = view.seat.alternate
    if not view.covered or alternate is None or view.acting is None or view.holder is None:
        return ""
    dates = {"start": long_date(alternate.from_), "end": long_date(alternate.until)}
    reason = alternate.reason if audience is not Audience.public else None
    if view.acting.member.id != view.holder.member.id:
        other = {"person": view.acting.label, "organization": organization(view.acting.member.name), **dates}
        if reason:
            # Translators: {person} is 'Name, Title'; {reason} is the partnership's own words, e.g. 'parental leave'.
            return _("Covered by {person}, of {organization}, from {start} to {end} ({reason})", reason=reason, **other)
        return _("Covered by {person}, of {organization}, from {start} to {end}", **other)
    if reason:
        # Translators: {person} is 'Name, Title'; {reason} is the partnership's own words, e.g. 'parental leave'.
        return _(
            "Covered by {person}, from {start} to {end} ({reason})", person=view.acting.label, reason=reason, **dates
        )
    return _("Covered by {person}, from {start} to {end}", person=view.acting.label, **dates)


def term_text(seat: CoreGroupSeat) -> str:
    """'Term: January 15, 2026 to January 20, 2027; at most two terms in a row', or ''."""
    start, end, limit = seat.term_start, seat.term_end, seat.term_limit
    dates = {"start": long_date(start), "end": long_date(end)}
    if start and end:
        term = _("Term: {start} to {end}", **dates)
    elif start:
        term = _("Term: from {start}", **dates)
    elif end:
        term = _("Term: until {end}", **dates)
    elif limit:
        # Translators: {limit} is the limit on terms in a row, e.g. 'at most two terms in a row'.
        return _("Term: {limit}", limit=_limit(limit))
    else:
        return ""
    # Translators: {term} is 'Term: January 15, 2026 to January 20, 2027'; {limit} 'at most two terms in a row'.
    return _("{term}; {limit}", term=term, limit=_limit(limit)) if limit else term


def _limit(limit: int) -> str:
    # Translators: {number} is the count in words ('two'); a translation may write {count} (digits) instead.
    return _n("at most {number} term in a row", "at most {number} terms in a row", limit, number=number_word(limit))


def holder_notes(view: SeatView, audience: Audience, terms: bool = False) -> tuple[str, ...]:
    """What to say after the holder's name: interim, term (when `terms`), cover."""
    notes = [interim_text(view), term_text(view.seat) if terms and not view.vacant else "", cover_text(view, audience)]
    return tuple(note for note in notes if note)


def stand_in_signer(view: SeatView) -> tuple[str, str] | None:
    """(name, title) of the person who signs for a seat in place of its organization's signatory: the alternate,
    while the signatory is the very person they cover for. None when the signatory can sign."""
    acting, absent, alternate = view.acting, view.absent, view.seat.alternate
    if acting is None or absent is None or alternate is None or acting.name is None:
        return None
    signatory = acting.member.signatory
    if signatory is None or not (absent.is_named(signatory.name) or absent.is_named(signatory.public_name)):
        return None
    end = long_date(alternate.until)
    if acting.contact:
        # Translators: {title} is the person's job title; the line prints under their name in a signature block.
        return acting.name, _("{title} (standing in until {end})", title=acting.contact.title, end=end)
    return acting.name, _("Standing in until {end}", end=end)


def covering_text(view: SeatView) -> str:
    """For the member that covers another member's seat: 'Covers the … seat of X until March 12, 2027'."""
    alternate, holder = view.seat.alternate, view.holder
    if alternate is None or holder is None:
        return ""
    other = {"organization": organization(holder.member.name), "end": long_date(alternate.until)}
    if view.name:
        # Translators: {seat} is the seat's name as the partnership writes it, e.g. 'Fiscal sponsor seat'.
        return _("Covers the {seat} for {organization} until {end}", seat=view.name, **other)
    return _("Covers a core group seat for {organization} until {end}", **other)


def core_group_notes(views: tuple[SeatView, ...], member_id: str, audience: Audience) -> list[str]:
    """A member's place in the core group for its call-tree row, in short lines: its seats (interim, covered by
    another member), and any it covers. A stand-in from the member itself is named with its people instead."""
    notes = []
    for view in seats_of(views, member_id):
        # Translators: {seat} is the seat's name as the partnership writes it, e.g. 'Fiscal sponsor seat'.
        notes.append(_("Core group: {seat}", seat=view.name) if view.name else _("Core group"))
        from_outside = view.covered and view.acting is not None and view.acting.member.id != member_id
        notes += [note for note in (interim_text(view), cover_text(view, audience) if from_outside else "") if note]
    others = [v for v in acting_in(views, member_id) if v.holder and v.holder.member.id != member_id]
    return notes + [covering_text(view) for view in others]


@dataclass(frozen=True)
class Caller:
    """Someone to call at a member: one of its contacts, or a person the file names without details."""

    contact: Contact | None
    label: str
    note: str = ""
    """'In the … seat until …' for someone standing in for a person who is away; '' otherwise."""


def people_to_call(views: tuple[SeatView, ...], member: Member, audience: Audience) -> list[Caller]:
    """The member's people in the order to call them. While someone of theirs is away from a seat, whoever
    stands in for them comes first and the absent person is left out; otherwise its primary and backup contacts."""
    contacts = [
        Caller(c, contact_view(c, audience).label) for c in (member.primary_contact, member.backup_contact) if c
    ]
    covered = [v for v in views if v.absent and v.absent.member.id == member.id]
    if not covered:
        return contacts
    callers: list[Caller] = []
    for view in covered:
        acting, alternate = view.acting, view.seat.alternate
        if acting is not None and alternate is not None and acting.member.id == member.id:
            end = long_date(alternate.until)
            # Translators: {seat} is the seat's name as the partnership writes it, e.g. 'Fiscal sponsor seat'.
            note = (
                _("In the {seat} until {end}", seat=view.name, end=end)
                if view.name
                else _("In a core group seat until {end}", end=end)
            )
            callers.append(Caller(acting.contact, acting.label, note))
    for caller in contacts:
        name = caller.contact.name if caller.contact else None
        away = any(v.absent is not None and v.absent.is_named(name) for v in covered)
        if not away and not any(c.contact is not None and c.contact is caller.contact for c in callers):
            callers.append(caller)
    return callers


__all__ = [
    "Caller",
    "SeatView",
    "Sitter",
    "acting_in",
    "core_group_notes",
    "cover_text",
    "covering_text",
    "filled",
    "holder_notes",
    "interim_text",
    "people_to_call",
    "seat_views",
    "seats_of",
    "signing_seats",
    "stand_in_signer",
    "term_text",
]
