"""The views of who leads the governance charter's partnership: its leads, seats and committees.

The lead or co-lead organizations and the people in their roles, who acts for a co-lead for now, the
core group's seats and who holds them (section 5), and the committees with their chairs, members and
reporting lines (section 8). Withdrawn members never appear as leads, seat holders or committee members;
a seat or chair they held reads as vacant.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.audience import Audience
from pipeline.contexts.common import ContactView, contact_view, current_name, current_names
from pipeline.contexts.seats import holder_notes, seat_views
from pipeline.contexts.wording import capitalized, sentence, with_article
from pipeline.formatting import join_and
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import LeadershipModel

# --- Leadership -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeadView:
    """A lead or co-lead organization and the person who holds its leadership role."""

    organization: str
    person: str
    acting: bool


@dataclass(frozen=True)
class SeatRow:
    number: str
    organization: str
    held_by: tuple[str, ...]
    """The person, then what to know about their tenure (interim, term, a cover), one line each; never empty."""
    role: str


def lead_views(partnership: Partnership, audience: Audience) -> tuple[LeadView, ...]:
    current = {m.id: m for m in partnership.current_members}
    views = []
    for lead_id in partnership.leadership.leads:
        if lead_id in current:
            contact = contact_view(current[lead_id].primary_contact, audience)
            views.append(LeadView(current[lead_id].name, contact.label, contact.acting))
    return tuple(views)


def acting_leader_sentences(partnership: Partnership, audience: Audience) -> tuple[str, ...]:
    """Who fills a co-lead seat for now: the lead's primary contact marked acting (the backup who stepped in)."""
    if partnership.leadership.model is not LeadershipModel.co_leadership:
        return ()  # a primary lead's acting contact is already marked as acting where it is named
    sentences = []
    for member in partnership.current_members:
        if member.id in partnership.leadership.leads and member.primary_contact and member.primary_contact.acting:
            sentences.append(_acting_co_lead(member, contact_view(member.primary_contact, audience)))
    return tuple(sentences)


def _acting_co_lead(member: Member, contact: ContactView) -> str:
    """'Jane Doe (Bridgewell) has been acting co-lead since ...', naming the role when the name is hidden."""
    if contact.name and contact.since:
        # Translators: {person} is a person's name, {organization} their organization, {date} a full date.
        return _(
            "{person} ({organization}) has been acting co-lead since {date}, and serves until a permanent co-lead is "
            "named.",
            person=contact.name,
            organization=member.name,
            date=contact.since,
        )
    if contact.name:
        return _(
            "{person} ({organization}) has been acting co-lead and serves until a permanent co-lead is named.",
            person=contact.name,
            organization=member.name,
        )
    if contact.since:
        # Translators: {title} is a job title ("Director of Programs"), {organization} the employer, {date} a full date.
        return _(
            "The {title} of {organization} has been acting co-lead since {date}, and serves until a permanent co-lead "
            "is named.",
            title=contact.title,
            organization=member.legal_name,
            date=contact.since,
        )
    return _(
        "The {title} of {organization} has been acting co-lead and serves until a permanent co-lead is named.",
        title=contact.title,
        organization=member.legal_name,
    )


def seat_rows(partnership: Partnership, audience: Audience) -> tuple[SeatRow, ...]:
    rows = []
    for view in seat_views(partnership, audience):
        number = f"{view.number}. {view.name}" if view.name else str(view.number)
        role = view.role or "—"
        if view.holder is None:
            vacant = (
                _("Vacant: the member holding it has withdrawn") if view.withdrawn else _p("seat or chair", "Vacant")
            )
            rows.append(SeatRow(number, vacant, ("—",), role))
            continue
        held_by = (view.holder.label, *holder_notes(view, audience, terms=True))
        rows.append(SeatRow(number, view.holder.member.name, held_by, role))
    return tuple(rows)


# --- Committees -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CommitteeRow:
    name: str
    kind: str
    charge: str
    chair: str
    members: tuple[str, ...]
    meets: str


def _committee_kind(standing: bool, closed: bool) -> str:
    """A committee's type as its table cell says it."""
    if closed:
        return (
            _p("committee type", "Standing; closed meetings")
            if standing
            else _p("committee type", "Ad hoc; closed meetings")
        )
    return _p("committee type", "Standing") if standing else _p("committee type", "Ad hoc")


def committee_rows(partnership: Partnership) -> tuple[CommitteeRow, ...]:
    rows = []
    for committee in partnership.committees:
        chair = current_name(partnership, committee.chair) or committee.chair_note or ""
        if committee.chair and not current_name(partnership, committee.chair):
            chair = _p("seat or chair", "Vacant")  # the chairing member has withdrawn
        rows.append(
            CommitteeRow(
                name=committee.name,
                kind=_committee_kind(committee.standing, committee.closed),
                charge=sentence(committee.charge),
                chair=chair or _("Chosen by the committee"),
                members=(*current_names(partnership, committee.members), *committee.other_members),
                # Translators: how often a committee meets, when the members have not said (a table cell).
                meets=committee.meets or _("As needed"),
            )
        )
    return tuple(rows)


def unreported_committees(partnership: Partnership) -> str:
    """Committees whose reporting line the YAML leaves out, e.g. 'The 2027 Summit Planning Team'."""
    names = [with_article(c.name) for c in partnership.committees if not c.reports_to]
    if not names:
        return ""
    # Translators: {committees} names one committee or several ("the Training Committee and the Data Team").
    text = _n(
        "{committees} reports on their work to the members at their regular meetings.",
        "{committees} report on their work to the members at their regular meetings.",
        len(names),
        committees=join_and(names),
    )
    return capitalized(text)


def _capital_article(name: str) -> str:
    """The name with its article, capitalized to start a sentence; a language that adds no article leaves the
    name exactly as typed."""
    named = with_article(name)
    return name if named == name else capitalized(named)


def committee_reports(partnership: Partnership) -> tuple[str, ...]:
    # Translators: {committee} is a committee's name; {recipients} says, as the members wrote it, whom it reports to.
    return tuple(
        _(
            "{committee}. Reports to: {recipients}",
            committee=_capital_article(c.name),
            recipients=sentence(c.reports_to),
        )
        for c in partnership.committees
        if c.reports_to
    )


__all__ = [
    "CommitteeRow",
    "LeadView",
    "SeatRow",
    "acting_leader_sentences",
    "committee_reports",
    "committee_rows",
    "lead_views",
    "seat_rows",
    "unreported_committees",
]
