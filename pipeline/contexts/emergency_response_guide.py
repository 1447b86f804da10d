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
from pipeline.contexts.common import BLANK_LINE, SignatureBlock, current_name, leaders_phrase, signature_block
from pipeline.contexts.crisis_lines import member_lines, national_hotline
from pipeline.contexts.emergency_call_tree import call_order, call_tree_caller, call_tree_row
from pipeline.contexts.emergency_playbooks import HAZARD_DESCRIPTIONS, STANDARD_HAZARDS, hazard_name, playbooks
from pipeline.contexts.figure_emergency import UNTIED, call_tree_figure, succession_figure
from pipeline.contexts.seats import SeatView, seat_views, stand_in_signer
from pipeline.contexts.wording import Fact, capitalized, facts, maybe, paragraphs, sentence
from pipeline.formatting import join_and
from pipeline.i18n import N_, _, _n, _p
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import EmergencyPlanStatus, Hazard, LeadershipModel

CHANGE_ROWS = 8
"""Blank rows in the record of changes, filled in by hand until the history comes from git."""


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
class PlanRow:
    organization: str
    status: str
    note: str


def emergency_response_guide_context(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """Everything the guide's template shows, already worded; the keys are the template's variables."""
    emergency = partnership.emergency
    leaders = leaders_phrase(partnership)
    seats = seat_views(partnership, audience)
    members = call_order(partnership, seats)
    media = partnership.media
    succession = tuple(_succession(partnership, i) for i in range(len(emergency.succession)))
    call_tree = tuple(call_tree_row(partnership, seats, m, audience, i + 1) for i, m in enumerate(members))
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
        "caller": call_tree_caller(partnership),
        "caller_cap": capitalized(call_tree_caller(partnership)),
        "call_tree": call_tree,
        "call_tree_figure": call_tree_figure(call_tree_caller(partnership), call_tree, check_in_hours),
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
    "ChangeRow",
    "CrisisLineRow",
    "HazardView",
    "PlanRow",
    "SuccessionTable",
    "SuccessorRow",
    "emergency_response_guide_context",
]
