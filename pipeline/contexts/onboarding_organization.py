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
from pipeline.contexts.texts import gradients
from pipeline.contexts.wording import facts, maybe, number_word, organization
from pipeline.i18n import _, _n, _p
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
        leadership_text = _(
            "{organization} is our lead organization. It calls meetings and keeps the work moving.",
            organization=organization(leads[0], start=True),
        )
    elif leadership.model is LeadershipModel.co_leadership and leads:
        # Translators: {number} is a count in words, capitalized ("Two"); {members} names the organizations.
        leadership_text = _n(
            "One organization leads us together: {members}. We call it the co-lead.",
            "{number} organizations lead us together: {members}. We call them the co-leads.",
            len(leads),
            number=number_word(len(leads)).capitalize(),
            members=member_phrase(partnership, leadership.leads),
        )
    else:
        leadership_text = ""
    views = seat_views(partnership, audience)
    coordinator = leadership.coordinator
    coordinator_text, coordinator_duties = "", tuple[str, ...]()
    if coordinator:
        coordinator_text = _coordinator_text(
            coordinator.title, organization(current_name(partnership, coordinator.employer)), coordinator.fte
        )
        # Translators: whether the coordinator votes in the partnership's decisions.
        votes = _("The coordinator has a vote.") if coordinator.votes else _("The coordinator does not vote.")
        coordinator_text += f" {votes}"
        coordinator_duties = tuple(maybe(d) for d in coordinator.duties)
    committees = tuple(_committee(partnership, c) for c in partnership.committees)
    return {
        "leadership_model": leadership.model.label.lower(),
        "leadership_text": leadership_text,
        "core_group": leadership.model is LeadershipModel.core_group,
        "core_group_size": _core_group_size(views),
        "seats": tuple(_seat_row(view, audience) for view in views),
        "leadership_facts": facts(
            (_("How leaders are chosen"), leadership.selection),
            (_("How long they serve"), leadership.term),
            (_("If a leader leaves"), leadership.vacancies),
        ),
        "coordinator_title": coordinator.title if coordinator else "",
        "coordinator_text": coordinator_text,
        "coordinator_duties": coordinator_duties,
        "committees": committees,
        "decision_method": decision.method.label.lower(),
        "decision_text": maybe(decision.summary) or _method_text(decision.method),
        "gradients_of_agreement": decision.gradients_of_agreement,
        "gradients": gradients(),
        "passing_rule": maybe(decision.passing_rule),
        "decision_facts": facts(
            (_("Serious disagreement or a block"), decision.block_rule),
            (_("Quorum (how many must be present to decide)"), decision.quorum),
            (_("If we cannot agree"), decision.fallback),
            (_("Who votes"), decision.votes),
            (
                _("Who takes part without a vote"),
                "; ".join(decision.non_voting) or None,
            ),
            (_("Where a disagreement goes next"), decision.escalation),
        ),
        "reserved_matters": tuple(maybe(m) for m in decision.reserved_matters),
        "no_unscheduled_decisions": decision.no_unscheduled_decisions,
    }


def _seat_row(view: SeatView, audience: Audience) -> SeatRow:
    # Translators: the role of a seat in the core group when the file names none.
    role = view.role or _p("core group seat", "Member")
    if view.holder is None:
        # Translators: {seat} is the name the file gives a seat of the core group.
        vacant = _("Vacant ({seat})", seat=view.name) if view.name else _("Vacant")
        return SeatRow(vacant, role, (_("Nobody yet"),))
    member = view.holder.member.name
    return SeatRow(
        organization=f"{member} ({view.name})" if view.name else member,
        role=role,
        person=(view.holder.label, *holder_notes(view, audience)),
    )


def _coordinator_text(title: str, employer: str, fte: float | None) -> str:
    """What the coordinator does and where the job is, as whole sentences: 'Our Task Force Coordinator runs ...'."""
    # Translators: {title} is the coordinator's job title as the partnership file types it.
    text = _("Our {title} runs the day-to-day work.", title=title)
    if not employer:
        return text
    if fte is None:
        where = _("The job is at {organization}.", organization=employer)
    elif fte >= 1:
        where = _("This is a full-time job at {organization}.", organization=employer)
    else:
        where = _("This is a part-time job at {organization}.", organization=employer)
    return f"{text} {where}"


def _method_text(method: DecisionMethod) -> str:
    """How the group decides, for a file that gives no summary of its own."""
    if method is DecisionMethod.hierarchical:
        return _("Each organization decides its own matters through its own chain of command.")
    if method is DecisionMethod.representative:
        return _("People chosen to represent the members make decisions for the whole group.")
    return _("We look for a decision that every voting member can support, rather than simply outvoting people.")


def _core_group_size(views: tuple[SeatView, ...]) -> str:
    """'eight members', or 'seven members (one seat is vacant)': who sits in the core group, then any gap."""
    members = len({view.holder.member.id for view in views if view.holder})
    # Translators: {number} is a count in words ("eight"); the phrase completes "A core group of ... leads together".
    text = _n("one member", "{number} members", members, number=number_word(members))
    vacant = sum(1 for view in views if view.vacant)
    if vacant:
        # Translators: {members} is "eight members"; {number} a count in words ("two").
        return _n(
            "{members} (one seat is vacant)",
            "{members} ({number} seats are vacant)",
            vacant,
            members=text,
            number=number_word(vacant),
        )
    return text


def _committee(partnership: Partnership, committee: Committee) -> CommitteeRow:
    chair = current_name(partnership, committee.chair)
    notes = (
        _("Chair: {name}", name=chair) if chair else maybe(committee.chair_note),
        _("Closed: only its members attend") if committee.closed else "",
        _("Temporary team") if not committee.standing else "",
    )
    members = (*current_names(partnership, committee.members), *committee.other_members)
    return CommitteeRow(
        name=committee.name,
        notes=tuple(note for note in notes if note),
        charge=maybe(committee.charge),
        meets=maybe(committee.meets) or _("As needed"),
        members=members or (_("Open to all members"),),
    )
