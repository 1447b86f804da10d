"""The emergency guide's contact roster and call tree (documents.md section 2.4, section 5 of the guide).

Who runs the call tree, the order members are called in (whoever must decide first), and one row per member
with the contacts this audience may see. A missing contact prints as a visible gap ('No backup named: gap'),
never filled in; each row also lists its gaps as plain data for the call-tree figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pipeline.audience import Audience
from pipeline.contexts.common import NO_CONTACT, contact_view, current_name, leaders_phrase
from pipeline.contexts.seats import Caller, SeatView, core_group_notes, people_to_call
from pipeline.formatting import join_and, long_date
from pipeline.i18n import N_, _, _p
from schemas import Partnership
from schemas.members import Contact, Member
from schemas.vocabulary import LeadershipModel, MemberStatus

NO_BACKUP = N_("No backup named")
"""A gap (see _gap): the member names no backup contact."""
NO_EMAIL, NO_PHONE = N_("No e-mail listed"), N_("No phone listed")


@dataclass(frozen=True)
class CallTreeRow:
    order: str
    organization: tuple[str, ...]
    primary: tuple[str, ...]
    backup: tuple[str, ...]
    languages: tuple[str, ...]
    gaps: tuple[str, ...] = ()
    """The gaps the primary and backup cells show, without the word 'gap' ('No backup named'), for the figure."""


def call_order(partnership: Partnership, seats: tuple[SeatView, ...]) -> list[Member]:
    """Current members, the leaders first: the call tree reaches whoever must decide before anyone else, and in a
    core group whoever acts in a seat that day (an alternate covering it) before the seat's absent holder."""
    leadership = partnership.leadership
    first = list(leadership.leads) + [v.acting.member.id for v in seats if v.acting]
    first += [v.holder.member.id for v in seats if v.holder]
    rank = {member_id: index for index, member_id in enumerate(dict.fromkeys(first))}
    current = partnership.current_members
    return sorted(current, key=lambda m: (rank.get(m.id, len(rank)), current.index(m)))


def call_tree_caller(partnership: Partnership) -> str:
    """Who runs the call tree: the coordinator when a current member employs one, else whoever leads."""
    coordinator = partnership.leadership.coordinator
    if coordinator and current_name(partnership, coordinator.employer):
        # Translators: {title} is the coordinator's job title as the partnership writes it ('Task Force
        # Coordinator'); the phrase names the person who runs the call tree, inside sentences.
        return _p("who runs the call tree", "the {title}", title=coordinator.title)
    return leaders_phrase(partnership)


def _caller_lines(caller: Caller, audience: Audience) -> tuple[str, ...]:
    """A contact's lines, with a stand-in's seat after the name; a person without details says so."""
    lines = _contact_lines(caller.contact, audience) if caller.contact else (caller.label, _(NO_EMAIL), _(NO_PHONE))
    return (lines[0], caller.note, *lines[1:]) if caller.note else lines


def _contact_lines(contact: Contact, audience: Audience) -> tuple[str, ...]:
    """Name and title, then each way to reach the person this audience may see, and what is missing."""
    view = contact_view(contact, audience)
    return (view.label, view.email or _(NO_EMAIL), view.phone or _(NO_PHONE))


def _gap(what: str) -> str:
    """A gap as a table cell shows it: 'No backup named: gap'."""
    # Translators: marks a missing contact in the roster so that it stands out: {what} is 'No backup named', say.
    return _("{what}: gap", what=what)


def call_tree_row(
    partnership: Partnership, seats: tuple[SeatView, ...], member: Member, audience: Audience, order: int
) -> CallTreeRow:
    """One member's row: its name and notes, the people to call first and next (or the gaps), and the languages."""
    contacts = [c for c in (member.primary_contact, member.backup_contact) if c is not None]
    organization = [member.name]
    if member.id in partnership.leadership.leads:
        co_leads = partnership.leadership.model is LeadershipModel.co_leadership
        # Translators: a note under a leading member's name in the call tree.
        organization.append(_p("call tree", "Co-lead") if co_leads else _p("call tree", "Lead agency"))
    else:
        organization += core_group_notes(seats, member.id, audience)
    if member.status is MemberStatus.interim:
        organization.append(_("Interim member"))
    languages = list(_languages(member, contacts))
    # Whoever stands in for someone away from a seat is called first; the absent person is not called.
    people = [_caller_lines(caller, audience) for caller in people_to_call(seats, member, audience)]
    gaps = []
    if not people:
        gaps.append(_(NO_CONTACT) if not contacts else _("No one else named"))
    if len(people) < 2:
        gaps.append(_no_backup(seats, member))
    return CallTreeRow(
        order=str(order),
        organization=tuple(organization),
        primary=people[0] if people else (_gap(gaps[0]),),
        backup=people[1] if len(people) > 1 else (_gap(gaps[-1]),),
        languages=tuple(languages),
        gaps=tuple(gaps),
    )


def _languages(member: Member, contacts: list[Contact]) -> Iterator[str]:
    """'Contacts: English and Spanish', then 'Serves clients in Spanish': the languages to call a member in."""
    spoken = dict.fromkeys(
        language for contact in contacts for language in (contact.preferred_language, *contact.languages) if language
    )
    # A contact who prefers another language may not work in English at all; only then is English left out. The
    # file names languages in English, or in the document's language when it gives each value per language.
    english_names = {"English", _p("name of a language", "English")}
    english = (
        []
        if english_names & set(spoken) or all(c.preferred_language and "English" not in c.languages for c in contacts)
        else [_p("name of a language", "English")]
    )
    if contacts:
        # Translators: {languages} lists the languages a member's contacts work in, e.g. 'English and Spanish'.
        yield _("Contacts: {languages}", languages=join_and([*english, *spoken]))
    if member.languages:
        # Translators: {languages} lists the languages the member serves clients in, e.g. 'Spanish'.
        yield _("Serves clients in {languages}", languages=join_and(member.languages))


def _no_backup(seats: tuple[SeatView, ...], member: Member) -> str:
    """The gap where a backup contact would be: for good, or while someone of the member's is away from a seat."""
    away = [v.seat.alternate.until for v in seats if v.absent and v.absent.member.id == member.id and v.seat.alternate]
    return _("No backup until {end}", end=long_date(max(away))) if away else _(NO_BACKUP)


__all__ = ["CallTreeRow", "call_order", "call_tree_caller", "call_tree_row"]
