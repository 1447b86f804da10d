"""Context of the Governance Charter (documents.md section 2.3, up to 18 sections).

The charter goes to every member (audience "members"). It describes how the partnership governs
itself, so it follows the YAML closely and stays short when the partnership is small: an optional
fact the YAML leaves out becomes '' or (), and the template either drops it or prints its own fixed
fallback wording. This module assembles the context and builds sections 5-9 (leadership, decisions,
meetings, committees, coordinator). The other sections come from their own modules: 1-3 from
governance_charter_identity.py, 4 from governance_charter_membership.py, the leadership and committee
views from governance_charter_leadership.py, 10-17 from governance_charter_policies.py and
governance_charter_evaluation.py, and 18 from governance_charter_adoption.py; governance_charter_sections.py
numbers the sections, and texts.py holds the fixed texts shared with the MOU.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.consistency import method_votes
from pipeline.contexts.common import (
    coordinator_statement,
    current_name,
    decision_rules,
    leaders_phrase,
    leadership_statement,
)
from pipeline.contexts.figure_structure import structure_figure
from pipeline.contexts.governance_charter_adoption import adoption
from pipeline.contexts.governance_charter_evaluation import evaluation
from pipeline.contexts.governance_charter_identity import identity
from pipeline.contexts.governance_charter_leadership import (
    acting_leader_sentences,
    committee_reports,
    committee_rows,
    lead_views,
    seat_rows,
    unreported_committees,
)
from pipeline.contexts.governance_charter_membership import membership
from pipeline.contexts.governance_charter_policies import (
    charter_rules,
    confidentiality,
    continuity,
    funding_and_calendar,
    survivors_and_training,
)
from pipeline.contexts.governance_charter_sections import section_numbers
from pipeline.contexts.texts import GRADIENTS, Gradient
from pipeline.contexts.wording import maybe, sentence
from pipeline.i18n import N_, _
from schemas import Partnership
from schemas.vocabulary import DecisionMethod, LeadershipModel

DOCUMENT_TITLE = N_("Governance Charter")


@dataclass(frozen=True)
class MeetingRow:
    name: str
    when: str
    how: str


def governance_charter_context(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """Everything the charter template shows, already worded; the keys are the template's variables."""
    numbers = section_numbers(partnership)
    compact = partnership.is_pair()
    return {
        "partnership_name": partnership.name,
        "document_title": _(DOCUMENT_TITLE),
        "leaders": leaders_phrase(partnership),
        "structure_figure": (
            ""
            if compact
            else structure_figure(
                partnership, audience, [m for m in partnership.current_members if m not in partnership.affiliates()]
            )
        ),
        "two_members": len(partnership.current_members) <= 2,
        "compact": compact,
        "n": numbers,
        "votes": method_votes(partnership),
        "coordinator_section": "coordinator" in numbers,
        **identity(partnership, numbers),
        **membership(partnership, compact),
        **_leadership(partnership, audience),
        **_decisions(partnership),
        **_meetings_and_committees(partnership),
        **confidentiality(partnership),
        **survivors_and_training(partnership),
        **funding_and_calendar(partnership),
        **evaluation(partnership),
        **continuity(partnership, audience),
        **charter_rules(partnership),
        **adoption(partnership),
    }


# --- 5. Leadership ----------------------------------------------------------------------------------


def _leadership(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    leadership = partnership.leadership
    model = leadership.model
    return {
        "lead_statement": leadership_statement(partnership),
        "primary_lead": model is LeadershipModel.primary_lead,
        "co_leadership": model is LeadershipModel.co_leadership,
        "core_group": model is LeadershipModel.core_group,
        "leads": lead_views(partnership, audience),
        "acting_leaders": acting_leader_sentences(partnership, audience),
        "seats": seat_rows(partnership, audience),
        "term": maybe(leadership.term),
        "selection": maybe(leadership.selection),
        "vacancies": maybe(leadership.vacancies),
        "leader_removal": maybe(leadership.removal),
        "conflict_duty": maybe(leadership.conflict_duty),
        "coordinator_title": leadership.coordinator.title if leadership.coordinator else "",
    }


# --- 6. Decision-making -----------------------------------------------------------------------------


def _decisions(partnership: Partnership) -> dict[str, Any]:
    decision = partnership.decision_making
    return {
        "hierarchical": decision.method is DecisionMethod.hierarchical,
        "representative": decision.method is DecisionMethod.representative,
        "consensus": decision.method is DecisionMethod.consensus,
        "decision_summary": maybe(decision.summary),
        "gradients_of_agreement": decision.gradients_of_agreement,
        # The scale's names and meanings are catalog messages kept in texts.py: translated here, where they print.
        "gradients": tuple(Gradient(g.point, _(g.name), _(g.meaning)) for g in GRADIENTS),
        "decision_rules": decision_rules(decision, "; ".join(decision.non_voting)),
        "escalation": maybe(decision.escalation),
        "reserved_matters": tuple(sentence(m) for m in decision.reserved_matters),
        "no_unscheduled_decisions": decision.no_unscheduled_decisions,
    }


# --- 7-9. Meetings, committees, coordinator and fiscal sponsor ---------------------------------------


_SHARED_COORDINATION = {
    LeadershipModel.primary_lead: N_(
        "The lead agency coordinates the Partnership’s work, and each member’s primary contact carries that work "
        "inside their own organization."
    ),
    LeadershipModel.co_leadership: N_(
        "The co-lead agencies share the coordination of the Partnership’s work, and each member’s primary contact "
        "carries that work inside their own organization."
    ),
    LeadershipModel.core_group: N_(
        "The core group shares the coordination of the Partnership’s work among its seats, and each member’s primary "
        "contact carries that work inside their own organization."
    ),
}
"""Who coordinates when the partnership has no paid coordinator, by leadership model."""


def _meetings_and_committees(partnership: Partnership) -> dict[str, Any]:
    meetings, leadership = partnership.meetings, partnership.leadership
    coordinator = leadership.coordinator
    return {
        "meeting_rows": tuple(
            # Translators: a meeting's format when the members have not said it (a table cell).
            MeetingRow(m.name, m.schedule, "; ".join(x for x in (m.format, m.length) if x) or _("As announced"))
            for m in meetings.regular
        ),
        "agenda_notice": maybe(meetings.agenda_notice),
        "minutes": maybe(meetings.minutes),
        "interpretation": maybe(meetings.interpretation),
        "recording": maybe(meetings.recording),
        "ground_rules": tuple(sentence(r) for r in meetings.ground_rules),
        "committees": committee_rows(partnership),
        "committee_reports": committee_reports(partnership),
        "unreported_committees": unreported_committees(partnership),
        "coordinator_statement": coordinator_statement(partnership),
        "coordinator_duties": tuple(sentence(d) for d in coordinator.duties) if coordinator else (),
        "shared_coordination": _(_SHARED_COORDINATION[leadership.model]),
        "fiscal_sponsor": current_name(partnership, partnership.fiscal_sponsor),
    }


__all__ = ["DOCUMENT_TITLE", "MeetingRow", "governance_charter_context"]
