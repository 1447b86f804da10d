"""Parts of the governance charter's context: membership, leadership, committees and the adoption record.

governance_charter.py assembles the whole context; this module builds the views that need the most
care: who counts as a current member, who leads, and who signs. Withdrawn members appear only in the
membership history, never as current members, committee members, seat holders or signers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.audience import Audience
from pipeline.consistency import method_votes
from pipeline.contexts.common import (
    ContactView,
    contact_view,
    current_name,
    current_names,
    merged_into,
    signer_name_title,
)
from pipeline.contexts.seats import holder_notes, seat_views, stand_in_signer
from pipeline.contexts.texts import membership_class_label, membership_class_meaning
from pipeline.contexts.wording import (
    capitalized,
    join_sentences,
    label_in_sentence,
    number_word,
    numbered,
    sentence,
    with_article,
)
from pipeline.formatting import join_and, long_date
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.members import Member
from schemas.types import Precision
from schemas.vocabulary import LeadershipModel, MembershipClass, MemberStatus

# --- Which sections a charter has -----------------------------------------------------------------

# The charter's sections in order. Committees and the coordinator section are left out when they do
# not apply, and the sections after them are numbered on, so references stay right.
SECTIONS = (
    "identity", "purpose", "level", "membership", "leadership", "decisions", "meetings", "committees",
    "coordinator", "confidentiality", "survivors", "training", "conflict", "funding", "evaluation",
    "continuity", "amendments", "adoption",
)  # fmt: skip


def section_numbers(partnership: Partnership) -> dict[str, str]:
    """Section key -> its number in this charter, for the sections it has."""
    left_out = set()
    if not partnership.committees:
        left_out.add("committees")
    if partnership.leadership.coordinator is None and not current_name(partnership, partnership.fiscal_sponsor):
        left_out.add("coordinator")
    return numbered(SECTIONS, left_out)


# --- Membership -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MemberRow:
    """A current member, as the membership table shows it."""

    organization: str
    sector: str
    member_class: str
    status: str


@dataclass(frozen=True)
class HistoryRow:
    """One member's place in the membership history; withdrawn members stay here with their dates."""

    organization: str
    joined: str
    status: str
    notes: str


@dataclass(frozen=True)
class ClassView:
    name: str
    meaning: str


def class_label(member_class: MembershipClass, votes: bool) -> str:
    return membership_class_label(member_class, votes)


def class_meaning(member_class: MembershipClass, votes: bool) -> str:
    return membership_class_meaning(member_class, votes)


def member_rows(partnership: Partnership) -> tuple[MemberRow, ...]:
    votes = method_votes(partnership)
    return tuple(
        MemberRow(
            organization=m.legal_name,
            sector=m.sector.label,
            member_class=class_label(m.membership_class, votes),
            status=_status_text(m),
        )
        for m in partnership.current_members
    )


def _status_text(member: Member) -> str:
    if member.status is MemberStatus.interim:
        if not member.joined:
            return _p("member status", "Interim")
        if member.joined.precision is Precision.day:
            # Translators: {date} is a full date ("October 1, 2025").
            return _p("member status, since a full date", "Interim since {date}", date=long_date(member.joined))
        # Translators: {date} is a month or a year only ("March 2019", "2019").
        return _p("member status, since a month or year", "Interim since {date}", date=long_date(member.joined))
    if member.status is MemberStatus.withdrawn and member.withdrawal:
        return _p("member status", "Withdrawn on {date}", date=long_date(member.withdrawal.effective_date))
    if member.status is MemberStatus.merged and member.merger:
        return _p("member status", "Merged on {date}", date=long_date(member.merger.date))
    if member.status is MemberStatus.pending:
        return _p("member status", "Joinder pending")
    return _p("member status", "Active")


def history_rows(partnership: Partnership) -> tuple[HistoryRow, ...]:
    """Every member ever, in the order they joined; empty when nothing about joining or leaving is recorded."""
    # A prospective member has not been admitted: it has no place in the record yet.
    members = [m for m in partnership.members if m.status is not MemberStatus.prospective]
    if not any(m.joined or m.status is not MemberStatus.active for m in members):
        return ()
    # Stable: YAML order within a date; members without a date first, as the earliest; a member that has not
    # signed its joinder yet comes last, after everyone who has.
    ordered = sorted(
        members,
        key=lambda m: (m.status is MemberStatus.pending, m.joined.sort_key if m.joined else (dt.date.min, 0)),
    )
    return tuple(
        HistoryRow(
            organization=m.legal_name,
            # Translators: the date a member joined, when no one recorded it (a table cell).
            joined=long_date(m.joined, _("Not recorded")),
            status=_status_text(m),
            notes=_history_notes(partnership, m),
        )
        for m in ordered
    )


def _history_notes(partnership: Partnership, member: Member) -> str:
    if member.merger is not None:
        # Translators: {merger} says what became of the organization, e.g. "merged into Bridgewell Survivor Advocacy
        # Center" (a predicate, as pipeline.contexts.common.merged_into words it).
        merged = _("The organization {merger}", merger=merged_into(partnership, member.merger))
        return join_sentences(merged, member.merger.note)
    predecessors = [m.legal_name for m in partnership.members if m.merger and m.merger.successor == member.id]
    # Translators: {organizations} are the members that merged into this one.
    successor_of = (
        _("Successor to {organizations} after a merger", organizations=join_and(predecessors)) if predecessors else None
    )
    if member.status is MemberStatus.pending:
        return join_sentences(successor_of, _("Admitted; not a party to the MOU until it signs the joinder page"))
    if successor_of:
        return sentence(successor_of)
    withdrawal = member.withdrawal
    if withdrawal is not None:
        return join_sentences(
            _("Gave written notice on {date}", date=long_date(withdrawal.notice_date)),
            withdrawal.reason,
            # Translators: {handover} says, as the members wrote it, how a leaving member handed over its duties.
            _("Handover: {handover}", handover=withdrawal.handover) if withdrawal.handover else None,
        )
    if member.status is MemberStatus.interim:
        return _("New member, in its interim period.")
    if member.membership_class is not MembershipClass.voting:
        # Translators: {member_class} is a class of membership, e.g. "non-voting member" or "affiliate".
        return _("Joined as {member_class}.", member_class=label_in_sentence(member.membership_class.label))
    return "—"


def class_views(partnership: Partnership) -> tuple[ClassView, ...]:
    """The membership classes in use, in the vocabulary's order (one class needs no list)."""
    used = {m.membership_class for m in partnership.current_members}
    votes = method_votes(partnership)
    return tuple(ClassView(class_label(c, votes), class_meaning(c, votes)) for c in MembershipClass if c in used)


def single_class_statement(partnership: Partnership) -> str:
    classes = {m.membership_class for m in partnership.current_members}
    if len(classes) != 1:
        return ""
    (only,) = classes
    votes = method_votes(partnership)
    # Translators: {member_class} is a class of membership ("voting member"); {meaning} says what a member of that
    # class does, as a predicate ("takes part in every decision and casts one vote for its organization").
    return _(
        "Every current member is a {member_class}: it {meaning}.",
        member_class=label_in_sentence(class_label(only, votes)),
        meaning=class_meaning(only, votes),
    )


def inline_phrase(text: str) -> str:
    """A label as it reads inside a sentence: 'Direct victim services' -> 'direct victim services', while
    names keep their capitals ('Native and Indigenous organization', 'Task Force Coordinator')."""
    if text.startswith("The "):
        return f"the {text[4:]}"
    return label_in_sentence(text) if not any(c.isupper() for c in text[1:]) else text


def sectors_present(partnership: Partnership) -> str:
    labels: list[str] = []
    for member in partnership.current_members:
        label = inline_phrase(member.sector.label)
        if label not in labels:
            labels.append(label)
    return join_and(labels)


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


# --- Adoption record ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    """A signature block on the adoption record; the full name appears here and nowhere else."""

    organization: str
    role: str
    name: str
    title: str


@dataclass(frozen=True)
class SignerRow:
    """Two signature blocks side by side; `right` is None in the last row of an odd count."""

    left: Signer
    right: Signer | None


def signers(partnership: Partnership) -> tuple[Signer, ...]:
    """The leaders who sign the adoption record: the lead agencies, or whoever acts in each filled core group seat
    (a vacant seat signs nothing, and an absent holder gives way to the alternate covering for them)."""
    leadership, current = partnership.leadership, {m.id: m for m in partnership.current_members}
    blocks = []
    if leadership.model is LeadershipModel.core_group:
        for view in seat_views(partnership, Audience.members):
            if view.acting is None:
                continue
            acting = view.acting.member
            what = "; ".join(part for part in (view.name, view.role) if part)
            # Translators: {seat} is the seat's name and role, as the members wrote them.
            role = _("Core group seat: {seat}", seat=what) if what else _("Core group seat")
            name, title = stand_in_signer(view) or signer_name_title(acting)
            blocks.append(Signer(acting.legal_name, role, name, title))
        return tuple(blocks)
    role = _("Co-lead agency") if leadership.model is LeadershipModel.co_leadership else _("Lead agency")
    for lead in leadership.leads:
        if member := current.get(lead):
            blocks.append(Signer(member.legal_name, role, *signer_name_title(member)))
    return tuple(blocks)


def signer_rows(blocks: tuple[Signer, ...]) -> tuple[SignerRow, ...]:
    return tuple(SignerRow(blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None) for i in range(0, len(blocks), 2))


def signers_statement(partnership: Partnership, count: int) -> str:
    model = partnership.leadership.model
    if model is LeadershipModel.core_group:
        # Vacant seats sign nothing, so the count says which seats sign: the filled ones.
        filled = count < len(partnership.leadership.core_group)
        if count == 1:
            return (
                _(
                    "Signed for the members by the holder of the one filled core group seat, who confirms that the "
                    "members adopted this charter as recorded above."
                )
                if filled
                else _(
                    "Signed for the members by the holder of the one core group seat, who confirms that the members "
                    "adopted this charter as recorded above."
                )
            )
        # Translators: {seats} is the number of seats, in words when it is small ("eight").
        return (
            _(
                "Signed for the members by the holders of the {seats} filled core group seats, who confirm that the "
                "members adopted this charter as recorded above.",
                seats=number_word(count),
            )
            if filled
            else _(
                "Signed for the members by the holders of the {seats} core group seats, who confirm that the members "
                "adopted this charter as recorded above.",
                seats=number_word(count),
            )
        )
    if model is LeadershipModel.co_leadership:
        # Translators: {agencies} is the number of co-lead agencies, in words ("two").
        return _(
            "Signed for the members by the {agencies} co-lead agencies, which confirm that the members adopted this "
            "charter as recorded above.",
            agencies=number_word(count),
        )
    return _(
        "Signed for the members by the lead agency, which confirms that the members adopted this charter as recorded "
        "above."
    )
