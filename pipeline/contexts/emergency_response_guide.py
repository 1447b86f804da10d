"""Context of the Emergency / Crisis Response Guide (documents.md section 2.4).

The guide goes to the core team (audience "core_team"): contact details marked for the core team
appear, details marked `withheld` never do, and withdrawn members are left out of every list. Where
the YAML says nothing, the guide falls back on default wording in our own words, so a small
partnership still gets a usable guide; gaps that only the partnership can close (no backup contact,
no emergency plan, a short order of succession) are printed as visible gaps, never filled in.
"""

from __future__ import annotations

from collections.abc import Iterator
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
from pipeline.contexts.crisis_lines import member_lines, national_hotline
from pipeline.contexts.emergency_playbooks import HAZARD_DESCRIPTIONS, STANDARD_HAZARDS, hazard_name, playbooks
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
from pipeline.i18n import N_, _, _n, _p
from schemas import Partnership
from schemas.members import Contact, Member
from schemas.vocabulary import EmergencyPlanStatus, Hazard, LeadershipModel, MemberStatus

CHANGE_ROWS = 8
"""Blank rows in the record of changes, filled in by hand until the history comes from git."""

NO_BACKUP = N_("No backup named")
"""A gap (see _gap): the member names no backup contact."""
NO_EMAIL, NO_PHONE = N_("No e-mail listed"), N_("No phone listed")


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
    withdrawn: bool = False
    """True when the position belongs to a member that has withdrawn (the figure marks it)."""
    untied: bool = False
    """True when no member holds the position (`organization` then says so)."""


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
    gaps: tuple[str, ...] = ()
    """The gaps the primary and backup cells show, without the word 'gap' ('No backup named'), for the figure."""


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
        "document_title": _("Emergency and Crisis Response Guide"),
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
    for line in (*member_lines(partnership), national_hotline()):
        if line.organization in line.name:
            # Translators: {line} is a crisis line's name; {use} says when to call it (a sentence).
            text = _("{line}. {use}", line=line.name, use=line.use)
        else:
            # Translators: {line} is a crisis line's name, {answered_by} who answers it ('a national line, not a
            # member', or a member's name), {use} when to call it (a sentence).
            text = _("{line} ({answered_by}). {use}", line=line.name, answered_by=line.organization, use=line.use)
        rows.append(CrisisLineRow(text, line.number, line.languages))
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
        co_leads = leadership.model is LeadershipModel.co_leadership
        # Translators: under an organization's name in an approval block of the guide.
        lead_role = _p("approval block", "Co-lead agency") if co_leads else _p("approval block", "Lead agency")
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
    return tuple(
        HazardView(hazard_name(h), _(HAZARD_DESCRIPTIONS[h])) for h in dict.fromkeys(hazards) if h is not Hazard.other
    )


def _rank(number: int) -> str:
    """'1st', '2nd', '3rd', '4th': a position's rank in the succession table's "Order" column."""
    if number > 3:
        # Translators: the rank of a position after the third in an order of succession, e.g. '4th'.
        return _p("rank in a table", "{number}th", number=number)
    return (_p("rank in a table", "1st"), _p("rank in a table", "2nd"), _p("rank in a table", "3rd"))[number - 1]


def _ordinal(number: int) -> str:
    """'1st', '2nd': a rank inside a sentence, before the word 'position' (a language may write it otherwise)."""
    if number > 3:
        # Translators: the rank of a position after the third, in the sentence 'the {rank} position belongs to…'.
        return _p("rank in a sentence", "{number}th", number=number)
    return (_p("rank in a sentence", "1st"), _p("rank in a sentence", "2nd"), _p("rank in a sentence", "3rd"))[
        number - 1
    ]


def _succession(partnership: Partnership, index: int) -> SuccessionTable:
    line = partnership.emergency.succession[index]
    rows, warnings = [], []
    for rank, successor in enumerate(line.order, start=1):
        if not successor.member:
            rows.append(SuccessorRow(_rank(rank), successor.position, _(UNTIED), untied=True))
            continue
        organization = current_name(partnership, successor.member)
        withdrawn = not organization
        if withdrawn:
            # Translators: {organization} is the short name of a member that has withdrawn from the partnership.
            organization = _("{organization} (withdrawn)", organization=partnership.member(successor.member).name)
            warnings.append(
                # Translators: {rank} is '1st', '2nd', '3rd' or '4th' (the rank before 'position').
                _(
                    "Warning: the {rank} position belongs to a member that has withdrawn. Replace it with a "
                    "position at a current member.",
                    rank=_ordinal(rank),
                )
            )
        rows.append(SuccessorRow(_rank(rank), successor.position, organization, withdrawn=withdrawn))
    if len(line.order) < 3:
        warnings.insert(
            0,
            _n(
                "Warning: this order of succession is only one position deep. Name at least three positions, so "
                "that someone can always act.",
                "Warning: this order of succession is only {count} positions deep. Name at least three positions, "
                "so that someone can always act.",
                len(line.order),
            ),
        )
    return SuccessionTable(role=line.role, rows=tuple(rows), warnings=tuple(warnings))


def _caller(partnership: Partnership) -> str:
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


def _call_tree_row(
    partnership: Partnership, seats: tuple[SeatView, ...], member: Member, audience: Audience, order: int
) -> CallTreeRow:
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


def _platform_facts(partnership: Partnership) -> tuple[Fact, ...]:
    platform = partnership.shared_platform
    if platform is None:
        return ()
    owner = current_name(partnership, platform.owner)
    pii = (
        _(
            "It holds personally identifying information about survivors, so only people who need it may open it, "
            "and a backup copy is protected in the same way."
        )
        if platform.holds_pii
        else _("It holds no personally identifying information about survivors, and it must stay that way.")
    )
    # Translators: {platform} is the shared platform's name ('SharePoint site'), {owner} the member that runs it.
    administered = _("{platform}, administered by {owner}", platform=platform.name, owner=owner)
    return facts(
        (_("Shared platform"), administered if owner else platform.name),
        (_("What it holds"), platform.contents),
        (_("Survivor information"), pii),
        (_("Removing access"), platform.access_removal),
    )


_PLAN_STATUS: dict[EmergencyPlanStatus, str] = {
    EmergencyPlanStatus.written_plan: N_("Written emergency plan"),
    EmergencyPlanStatus.business_continuity_only: N_("Business-continuity plan only: gap"),
    EmergencyPlanStatus.none: N_("No written plan: gap"),
}


def _plan_row(member: Member) -> PlanRow:
    plan = member.emergency_plan
    if plan is None:
        return PlanRow(member.name, _("Not recorded: gap"), _("Ask this member whether it has a plan."))
    return PlanRow(member.name, _(_PLAN_STATUS[plan.status]), maybe(plan.note))


def _plan_gap(member: Member) -> str:
    """'O'Malley Staffing (business-continuity plan only)', or '' when the member has a written plan."""
    plan = member.emergency_plan
    if plan is None:
        return _("{member} (not recorded)", member=member.name)
    if plan.status is EmergencyPlanStatus.business_continuity_only:
        return _("{member} (business-continuity plan only)", member=member.name)
    if plan.status is EmergencyPlanStatus.none:
        return _("{member} (no written plan)", member=member.name)
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
