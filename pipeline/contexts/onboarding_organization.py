"""Section 3 of the New-Member Onboarding Packet, "How we are organized": leaders, committees, decisions.

Worded for a newcomer, like the rest of the packet (see onboarding_packet.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import current_name, current_names
from pipeline.contexts.onboarding_texts import member_phrase
from pipeline.contexts.seats import SeatView, holder_notes, seat_views
from pipeline.contexts.texts import GRADIENTS
from pipeline.contexts.wording import facts, maybe, number_word, organization
from schemas import Partnership
from schemas.governance import Committee
from schemas.vocabulary import DecisionMethod, LeadershipModel


@dataclass(frozen=True)
class SeatRow:
    organization: str
    role: str
    person: tuple[str, ...]
    """Who sits there, then any interim appointment or cover, one line each; never empty."""


@dataclass(frozen=True)
class CommitteeRow:
    name: str
    notes: tuple[str, ...]
    charge: str
    meets: str
    members: tuple[str, ...]
    """Never empty, so the table cell keeps a paragraph."""


def organization_part(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    leadership, decision = partnership.leadership, partnership.decision_making
    leads = current_names(partnership, leadership.leads)
    if leadership.model is LeadershipModel.primary_lead and leads:
        lead = organization(leads[0], start=True)
        leadership_text = f"{lead} is our lead organization. It calls meetings and keeps the work moving."
    elif leadership.model is LeadershipModel.co_leadership and leads:
        leadership_text = (
            f"{number_word(len(leads)).capitalize()} organizations lead us together: "
            f"{member_phrase(partnership, leadership.leads)}. We call them the co-leads."
        )
    else:
        leadership_text = ""
    seats, views = [], seat_views(partnership, audience)
    for view in views:
        seat_name = f" ({view.name})" if view.name else ""
        if view.holder is None:
            seats.append(SeatRow(f"Vacant{seat_name}", view.role or "Member", ("Nobody yet",)))
            continue
        person = (view.holder.label, *holder_notes(view, audience))
        seats.append(
            SeatRow(organization=f"{view.holder.member.name}{seat_name}", role=view.role or "Member", person=person)
        )
    coordinator = leadership.coordinator
    coordinator_text, coordinator_duties = "", tuple[str, ...]()
    if coordinator:
        employer = organization(current_name(partnership, coordinator.employer))
        hours = ""
        if coordinator.fte is not None:
            hours = "full-time" if coordinator.fte >= 1 else "part-time"
        coordinator_text = f"Our {coordinator.title} runs the day-to-day work."
        if employer:
            coordinator_text += f" This is a {hours} job at {employer}." if hours else f" The job is at {employer}."
        coordinator_text += " The coordinator has a vote." if coordinator.votes else " The coordinator does not vote."
        coordinator_duties = tuple(maybe(d) for d in coordinator.duties)
    committees = tuple(_committee(partnership, c) for c in partnership.committees)
    method_texts = {
        DecisionMethod.hierarchical: "Each organization decides its own matters through its own chain of command.",
        DecisionMethod.representative: "People chosen to represent the members make decisions for the whole group.",
        DecisionMethod.consensus: "We look for a decision that every voting member can support, rather than "
        "simply outvoting people.",
    }
    return {
        "leadership_model": leadership.model.label.lower(),
        "leadership_text": leadership_text,
        "core_group": leadership.model is LeadershipModel.core_group,
        "core_group_size": _core_group_size(views),
        "seats": tuple(seats),
        "leadership_facts": facts(
            ("How leaders are chosen", leadership.selection),
            ("How long they serve", leadership.term),
            ("If a leader leaves", leadership.vacancies),
        ),
        "coordinator_title": coordinator.title if coordinator else "",
        "coordinator_text": coordinator_text,
        "coordinator_duties": coordinator_duties,
        "committees": committees,
        "decision_method": decision.method.label.lower(),
        "decision_text": maybe(decision.summary) or method_texts[decision.method],
        "gradients_of_agreement": decision.gradients_of_agreement,
        "gradients": GRADIENTS,
        "passing_rule": maybe(decision.passing_rule),
        "decision_facts": facts(
            ("Serious disagreement or a block", decision.block_rule),
            ("Quorum (how many must be present to decide)", decision.quorum),
            ("If we cannot agree", decision.fallback),
            ("Who votes", decision.votes),
            (
                "Who takes part without a vote",
                "; ".join(decision.non_voting) or None,
            ),
            ("Where a disagreement goes next", decision.escalation),
        ),
        "reserved_matters": tuple(maybe(m) for m in decision.reserved_matters),
        "no_unscheduled_decisions": decision.no_unscheduled_decisions,
    }


def _core_group_size(views: tuple[SeatView, ...]) -> str:
    """'eight members', or 'seven members (one seat is vacant)': who sits in the core group, then any gap."""
    members = len({view.holder.member.id for view in views if view.holder})
    text = f"{number_word(members)} {'member' if members == 1 else 'members'}"
    vacant = sum(1 for view in views if view.vacant)
    if vacant:
        text += f" ({number_word(vacant)} {'seat is' if vacant == 1 else 'seats are'} vacant)"
    return text


def _committee(partnership: Partnership, committee: Committee) -> CommitteeRow:
    chair = current_name(partnership, committee.chair)
    notes = (
        f"Chair: {chair}" if chair else maybe(committee.chair_note),
        "Closed: only its members attend" if committee.closed else "",
        "Temporary team" if not committee.standing else "",
    )
    members = (*current_names(partnership, committee.members), *committee.other_members)
    return CommitteeRow(
        name=committee.name,
        notes=tuple(note for note in notes if note),
        charge=maybe(committee.charge),
        meets=maybe(committee.meets) or "As needed",
        members=members or ("Open to all members",),
    )
