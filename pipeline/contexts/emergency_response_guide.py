"""Context of the Emergency / Crisis Response Guide (documents.md section 2.4).

The guide goes to the core team (audience "core_team"): contact details marked for the core team
appear, details marked `withheld` never do, and withdrawn members are left out of every list. Where
the YAML says nothing, the guide falls back on default wording in our own words, so a small
partnership still gets a usable guide; gaps that only the partnership can close (no backup contact,
no emergency plan, a short order of succession) are printed as visible gaps, never filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import (
    BLANK_LINE,
    NO_CONTACT,
    SignatureBlock,
    contact_view,
    current_name,
    leaders_phrase,
    signature_block,
)
from pipeline.contexts.crisis_lines import NATIONAL_HOTLINE, member_lines
from pipeline.contexts.emergency_playbooks import HAZARD_DESCRIPTIONS, STANDARD_HAZARDS, playbooks
from pipeline.contexts.figure_emergency import UNTIED, call_tree_figure, succession_figure
from pipeline.contexts.seats import (
    Caller,
    SeatView,
    core_group_notes,
    people_to_call,
    seat_views,
    stand_in_signer,
)
from pipeline.contexts.wording import Fact, capitalized, facts, maybe, paragraphs, sentence
from pipeline.formatting import join_and, long_date
from schemas import Partnership
from schemas.members import Contact, Member
from schemas.vocabulary import EmergencyPlanStatus, Hazard, LeadershipModel, MemberStatus

CHANGE_ROWS = 8
"""Blank rows in the record of changes, filled in by hand until the history comes from git."""

NO_BACKUP = "No backup named: gap"
NO_EMAIL, NO_PHONE = "No e-mail listed", "No phone listed"


@dataclass(frozen=True)
class ApprovalRow:
    """Two approval blocks side by side; `right` is None in the last row of an odd count."""

    left: SignatureBlock
    right: SignatureBlock | None


@dataclass(frozen=True)
class ChangeRow:
    date: str
    change: str
    by: str


@dataclass(frozen=True)
class HazardView:
    name: str
    description: str


@dataclass(frozen=True)
class CrisisLineRow:
    organization: str
    number: str
    languages: str


@dataclass(frozen=True)
class SuccessorRow:
    rank: str
    position: str
    organization: str


@dataclass(frozen=True)
class SuccessionTable:
    role: str
    rows: tuple[SuccessorRow, ...]
    warnings: tuple[str, ...]
    """Visible warnings: an order fewer than three deep, or a position held by a member that has left."""


@dataclass(frozen=True)
class CallTreeRow:
    order: str
    organization: tuple[str, ...]
    primary: tuple[str, ...]
    backup: tuple[str, ...]
    languages: tuple[str, ...]


@dataclass(frozen=True)
class PlanRow:
    organization: str
    status: str
    note: str


def emergency_response_guide_context(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """Everything the guide's template shows, already worded; the keys are the template's variables."""
    emergency = partnership.emergency
    leaders = leaders_phrase(partnership)
    seats = seat_views(partnership, audience)
    members = _call_order(partnership, seats)
    media = partnership.media
    succession = tuple(_succession(partnership, i) for i in range(len(emergency.succession)))
    call_tree = tuple(_call_tree_row(partnership, seats, m, audience, i + 1) for i, m in enumerate(members))
    check_in_hours = str(emergency.check_in_hours) if emergency.check_in_hours else BLANK_LINE
    return {
        "partnership_name": partnership.name,
        "document_title": "Emergency and Crisis Response Guide",
        "survivor_pay": partnership.pays_survivors(),
        "short_name": partnership.display_name,
        "leaders": leaders,
        "core_team_copy": audience is Audience.core_team,
        # 1. Purpose, scope, activation, approvals, record of changes
        "geography": partnership.geography.strip(),
        "activation": maybe(emergency.activation),
        "deactivation": maybe(emergency.deactivation),
        "check_in_hours": check_in_hours,
        "approval_rows": _approval_rows(partnership, seats),
        "changes": tuple(ChangeRow("", "", "") for _ in range(CHANGE_ROWS)),
        # 2-3. Hazards and essential functions
        "hazards": _hazards(partnership),
        "hazards_given": bool(emergency.hazards),
        "essential_functions": tuple(sentence(f) for f in emergency.essential_functions),
        "crisis_lines": _warm_transfer_list(partnership),
        # 4. Succession and delegation
        "succession": succession,
        "succession_figure": succession_figure(partnership.name, succession),
        "delegation": maybe(emergency.delegation),
        # 5. Contact roster and call tree
        "caller": _caller(partnership),
        "caller_cap": capitalized(_caller(partnership)),
        "call_tree": call_tree,
        "call_tree_figure": call_tree_figure(_caller(partnership), call_tree, check_in_hours),
        "missing_backups": join_and(m.name for m in members if m.backup_contact is None),
        # 6. Communication
        "channels": tuple(Fact(f"{c.name}. ", sentence(c.use)) for c in emergency.channels),
        "alternate_meeting": maybe(emergency.alternate_meeting),
        "interpretation": maybe(partnership.meetings.interpretation),
        "media_approval": maybe(media.approval) if media else "",
        "spokespeople": tuple(
            f"{name}, {person.role}: {sentence(person.topics)}"
            for person in (media.spokespeople if media else [])
            if (name := current_name(partnership, person.member))
        ),
        # 7. Playbooks
        "playbooks": playbooks(partnership),
        # 8. Records and platform
        "essential_records": paragraphs(emergency.essential_records),
        "platform": _platform_facts(partnership),
        # 9. Members' own plans
        "member_plans": tuple(_plan_row(m) for m in members),
        "plan_gaps": join_and(_plan_gap(m) for m in members if _plan_gap(m)),
        # 10-11. Wellbeing, reconstitution, review, exercises
        "wellbeing": paragraphs(emergency.wellbeing),
        "after_action": maybe(emergency.after_action),
        "survivor_board": _survivor_board(partnership),
        "exercises": tuple(sentence(e) for e in emergency.exercises),
    }


def _warm_transfer_list(partnership: Partnership) -> tuple[CrisisLineRow, ...]:
    """Every line staff may warm-transfer to: members' 24-hour lines, then the national hotline.

    The organization cell names the line and when to use it, so the list can be acted on as it stands.
    """
    rows = []
    for line in (*member_lines(partnership), NATIONAL_HOTLINE):
        name = line.name if line.organization in line.name else f"{line.name} ({line.organization})"
        rows.append(CrisisLineRow(f"{name}. {line.use}", line.number, line.languages))
    return tuple(rows)


def _survivor_board(partnership: Partnership) -> str:
    engagement = partnership.survivor_engagement
    board = engagement.advisory_board if engagement else None
    return board.name if board else ""


def _call_order(partnership: Partnership, seats: tuple[SeatView, ...]) -> list[Member]:
    """Current members, the leaders first: the call tree reaches whoever must decide before anyone else, and in a
    core group whoever acts in a seat that day (an alternate covering it) before the seat's absent holder."""
    leadership = partnership.leadership
    first = list(leadership.leads) + [v.acting.member.id for v in seats if v.acting]
    first += [v.holder.member.id for v in seats if v.holder]
    rank = {member_id: index for index, member_id in enumerate(dict.fromkeys(first))}
    current = partnership.current_members
    return sorted(current, key=lambda m: (rank.get(m.id, len(rank)), current.index(m)))


def _approval_rows(partnership: Partnership, seats: tuple[SeatView, ...]) -> tuple[ApprovalRow, ...]:
    """One block per lead organization's signatory, or per filled core-group seat for a core-group leadership,
    signed by whoever acts in it."""
    leadership = partnership.leadership
    blocks = []
    if leadership.model is LeadershipModel.core_group:
        for view in seats:
            if view.acting is None:
                continue  # a vacant seat approves nothing
            block = signature_block(view.acting.member)
            if stand_in := stand_in_signer(view):
                block = SignatureBlock(block.organization, stand_in[0], stand_in[1], True)
            what = "; ".join(part for part in (view.name, view.role) if part)
            organization = f"{block.organization} ({what})" if what else block.organization
            blocks.append(SignatureBlock(organization, block.name, block.title, block.confirmed))
    else:
        lead_role = "Co-lead agency" if leadership.model is LeadershipModel.co_leadership else "Lead agency"
        for member_id in leadership.leads:
            if not current_name(partnership, member_id):
                continue  # a withdrawn member no longer approves anything
            block = signature_block(partnership.member(member_id))
            blocks.append(
                SignatureBlock(f"{block.organization} ({lead_role})", block.name, block.title, block.confirmed)
            )
    return tuple(
        ApprovalRow(blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None) for i in range(0, len(blocks), 2)
    )


def _hazards(partnership: Partnership) -> tuple[HazardView, ...]:
    hazards = partnership.emergency.hazards or list(STANDARD_HAZARDS)
    return tuple(HazardView(h.label, HAZARD_DESCRIPTIONS[h]) for h in dict.fromkeys(hazards) if h is not Hazard.other)


_ORDINALS = ("1st", "2nd", "3rd")


def _ordinal(number: int) -> str:
    return _ORDINALS[number - 1] if number <= len(_ORDINALS) else f"{number}th"


def _succession(partnership: Partnership, index: int) -> SuccessionTable:
    line = partnership.emergency.succession[index]
    rows, warnings = [], []
    for rank, successor in enumerate(line.order, start=1):
        organization = UNTIED
        if successor.member:
            organization = current_name(partnership, successor.member) or partnership.member(successor.member).name
            if not current_name(partnership, successor.member):
                organization += " (withdrawn)"
                warnings.append(
                    f"Warning: the {_ordinal(rank)} position belongs to a member that has withdrawn. "
                    "Replace it with a position at a current member."
                )
        rows.append(SuccessorRow(_ordinal(rank), successor.position, organization))
    if len(line.order) < 3:
        deep = "one position" if len(line.order) == 1 else f"{len(line.order)} positions"
        warnings.insert(
            0,
            f"Warning: this order of succession is only {deep} deep. Name at least three positions, so that "
            "someone can always act.",
        )
    return SuccessionTable(role=line.role, rows=tuple(rows), warnings=tuple(warnings))


def _caller(partnership: Partnership) -> str:
    coordinator = partnership.leadership.coordinator
    if coordinator and current_name(partnership, coordinator.employer):
        return f"the {coordinator.title}"
    return leaders_phrase(partnership)


def _caller_lines(caller: Caller, audience: Audience) -> tuple[str, ...]:
    """A contact's lines, with a stand-in's seat after the name; a person without details says so."""
    lines = _contact_lines(caller.contact, audience) if caller.contact else (caller.label, NO_EMAIL, NO_PHONE)
    return (lines[0], caller.note, *lines[1:]) if caller.note else lines


def _contact_lines(contact: Contact, audience: Audience) -> tuple[str, ...]:
    """Name and title, then each way to reach the person this audience may see, and what is missing."""
    view = contact_view(contact, audience)
    return (view.label, view.email or NO_EMAIL, view.phone or NO_PHONE)


def _call_tree_row(
    partnership: Partnership, seats: tuple[SeatView, ...], member: Member, audience: Audience, order: int
) -> CallTreeRow:
    contacts = [c for c in (member.primary_contact, member.backup_contact) if c is not None]
    organization = [member.name]
    if member.id in partnership.leadership.leads:
        model = partnership.leadership.model
        organization.append("Co-lead" if model is LeadershipModel.co_leadership else "Lead agency")
    else:
        organization += core_group_notes(seats, member.id, audience)
    if member.status is MemberStatus.interim:
        organization.append("Interim member")
    spoken = dict.fromkeys(
        language for contact in contacts for language in (contact.preferred_language, *contact.languages) if language
    )
    # A contact who prefers another language may not work in English at all; only then is English left out.
    english = (
        []
        if "English" in spoken or all(c.preferred_language and "English" not in c.languages for c in contacts)
        else ["English"]
    )
    languages = [f"Contacts: {join_and([*english, *spoken])}"] if contacts else []
    if member.languages:
        languages.append(f"Serves clients in {join_and(member.languages)}")
    # Whoever stands in for someone away from a seat is called first; the absent person is not called.
    people = [_caller_lines(caller, audience) for caller in people_to_call(seats, member, audience)]
    return CallTreeRow(
        order=str(order),
        organization=tuple(organization),
        primary=people[0] if people else (f"{NO_CONTACT}: gap" if not contacts else "No one else named: gap",),
        backup=people[1] if len(people) > 1 else (_no_backup(seats, member),),
        languages=tuple(languages),
    )


def _no_backup(seats: tuple[SeatView, ...], member: Member) -> str:
    """The gap where a backup contact would be: for good, or while someone of the member's is away from a seat."""
    away = [v.seat.alternate.until for v in seats if v.absent and v.absent.member.id == member.id and v.seat.alternate]
    return f"No backup until {long_date(max(away))}: gap" if away else NO_BACKUP


def _platform_facts(partnership: Partnership) -> tuple[Fact, ...]:
    platform = partnership.shared_platform
    if platform is None:
        return ()
    owner = current_name(partnership, platform.owner)
    pii = (
        "It holds personally identifying information about survivors, so only people who need it may open it, "
        "and a backup copy is protected in the same way."
        if platform.holds_pii
        else "It holds no personally identifying information about survivors, and it must stay that way."
    )
    return facts(
        ("Shared platform", f"{platform.name}{f', administered by {owner}' if owner else ''}"),
        ("What it holds", platform.contents),
        ("Survivor information", pii),
        ("Removing access", platform.access_removal),
    )


_PLAN_STATUS: dict[EmergencyPlanStatus, str] = {
    EmergencyPlanStatus.written_plan: "Written emergency plan",
    EmergencyPlanStatus.business_continuity_only: "Business-continuity plan only: gap",
    EmergencyPlanStatus.none: "No written plan: gap",
}


def _plan_row(member: Member) -> PlanRow:
    plan = member.emergency_plan
    if plan is None:
        return PlanRow(member.name, "Not recorded: gap", "Ask this member whether it has a plan.")
    return PlanRow(member.name, _PLAN_STATUS[plan.status], maybe(plan.note))


def _plan_gap(member: Member) -> str:
    """'O'Malley Staffing (business-continuity plan only)', or '' when the member has a written plan."""
    plan = member.emergency_plan
    if plan is None:
        return f"{member.name} (not recorded)"
    if plan.status is EmergencyPlanStatus.business_continuity_only:
        return f"{member.name} (business-continuity plan only)"
    if plan.status is EmergencyPlanStatus.none:
        return f"{member.name} (no written plan)"
    return ""


__all__ = [
    "ApprovalRow",
    "CallTreeRow",
    "ChangeRow",
    "CrisisLineRow",
    "HazardView",
    "PlanRow",
    "SuccessionTable",
    "SuccessorRow",
    "emergency_response_guide_context",
]
