"""Context of the Governance Charter (documents.md section 2.3, up to 18 sections).

The charter goes to every member (audience "members"). It describes how the partnership governs
itself, so it follows the YAML closely and stays short when the partnership is small: an optional
fact the YAML leaves out becomes '' or (), and the template either drops it or prints its own fixed
fallback wording. This module builds sections 1-9 and 18 and assembles the context; the membership,
leadership, committee and signature views are in governance_charter_sections.py, the policies of
sections 10-17 in governance_charter_policies.py, and the fixed texts shared with the MOU in texts.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.consistency import method_votes
from pipeline.contexts.common import (
    BLANK_LINE,
    coordinator_statement,
    current_name,
    decision_rules,
    founding,
    leaders_phrase,
    leadership_statement,
)
from pipeline.contexts.figure_structure import structure_figure
from pipeline.contexts.governance_charter_evaluation import evaluation
from pipeline.contexts.governance_charter_policies import (
    charter_rules,
    confidentiality,
    continuity,
    funding_and_calendar,
    survivors_and_training,
)
from pipeline.contexts.governance_charter_sections import (
    acting_leader_sentences,
    class_views,
    committee_reports,
    committee_rows,
    history_rows,
    lead_views,
    member_rows,
    seat_rows,
    section_numbers,
    sectors_present,
    signer_rows,
    signers,
    signers_statement,
    single_class_statement,
    unreported_committees,
)
from pipeline.contexts.texts import GRADIENTS, LEVEL_DESCRIPTIONS
from pipeline.contexts.wording import (
    join_sentences,
    maybe,
    number_word,
    paragraphs,
    sentence,
    with_article,
)
from pipeline.formatting import long_date, on_date
from schemas import Partnership
from schemas.vocabulary import Binding, DecisionMethod, Formality, LeadershipModel, LegalStatus, MemberStatus

DOCUMENT_TITLE = "Governance Charter"


@dataclass(frozen=True)
class GoalRow:
    name: str
    description: str
    objective: str


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
        "document_title": DOCUMENT_TITLE,
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
        **_identity(partnership, numbers),
        **_membership(partnership, compact),
        **_leadership(partnership, audience),
        **_decisions(partnership),
        **_meetings_and_committees(partnership),
        **confidentiality(partnership),
        **survivors_and_training(partnership),
        **funding_and_calendar(partnership),
        **evaluation(partnership),
        **continuity(partnership, audience),
        **charter_rules(partnership),
        **_adoption(partnership),
    }


# --- 1-3. Name, authority, status; vision and mission; level and formality ---------------------------


def _identity(partnership: Partnership, numbers: dict[str, str]) -> dict[str, Any]:
    charter, agreement = partnership.charter, partnership.agreement
    name = with_article(partnership.name)
    if partnership.short_name and partnership.short_name != partnership.name:
        designation = f"{name} (“{partnership.short_name}” or the “Partnership”)"
    else:
        designation = f"{name} (the “Partnership”)"
    count = len(partnership.current_members)
    mou = f"their {agreement.type.label} (the “MOU”)" if agreement else ""
    if agreement:
        since = f", in effect since {long_date(agreement.effective_date)}" if agreement.effective_date else ""
        # One legal frame for the letters, the MOU and the charter: agreement.binding decides it.
        frame = (
            "which binds those who sign it"
            if agreement.binding is Binding.binding
            else "which records them as shared commitments that the members intend to honor, not as a contract"
        )
        relation = (
            f"The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
            f"set out in {mou}{since}, {frame}. This charter governs how the members work together; it binds no "
            "member to pay or do anything beyond what that member agreed to in the MOU. Where the charter and the "
            "MOU differ about the members’ commitments, the MOU prevails."
        )
    else:
        relation = (
            "The members have not signed a memorandum of understanding yet. Until they do, this charter is the "
            "main written record of how they work together. It records shared commitments that the members intend "
            "to honor, not a contract, and it binds no member to pay or do anything beyond what that member agreed "
            "to."
        )
    return {
        "partnership_designation": designation,
        "member_count": _member_count(partnership, count),
        "legal_status": _legal_status(partnership, numbers.get("coordinator", "")),
        "authority": sentence(charter.authority)
        if charter.authority
        else "The Partnership acts only by the agreement of its members, as recorded in "
        + (f"{mou} and in this charter" if mou else "this charter")
        + ". It has no authority over any member’s own decisions, staff or funds.",
        "geography": sentence(partnership.geography),
        # 2. Vision, mission, values, goals, functions
        "purpose": paragraphs(partnership.purpose),
        "vision": maybe(partnership.vision),
        "mission": sentence(partnership.mission),
        "values": tuple(partnership.values),
        "goals": tuple(
            GoalRow(g.name, maybe(g.description) or "—", maybe(g.outcome) or "To be set") for g in partnership.goals
        ),
        "functions": tuple(f.label for f in partnership.functions),
        # 3. Level, formality, the MOU
        "level_statement": join_sentences(
            f"The members describe the way they work together as {partnership.level.label.lower()}: "
            f"{LEVEL_DESCRIPTIONS[partnership.level]}",
            partnership.level_note,
        ),
        "formality_statement": join_sentences(
            "The Partnership is formal: its members work together under documented agreements and shared programs"
            if partnership.formality is Formality.formal
            else "The Partnership has been informal: it has rested on working relationships and goodwill rather "
            "than on written agreements",
            partnership.formality_note,
        ),
        "mou_relation": relation,
    }


def _member_count(partnership: Partnership, count: int) -> str:
    """How long the partnership has existed (only when `founded` says) and how many members it has today."""
    founded = founding(partnership)
    today = f"{number_word(count)} member organizations (section 4)"
    return f"It began {on_date(founded)} and today has {today}." if founded else f"Today it has {today}."


def _legal_status(partnership: Partnership, sponsor_section: str) -> str:
    sponsor = current_name(partnership, partnership.fiscal_sponsor)
    if partnership.legal_status is LegalStatus.incorporated:
        return "The Partnership is incorporated: it is a legal entity of its own, separate from its members."
    text = (
        "The Partnership is not incorporated. It is an association of independent organizations, has no legal "
        "identity of its own and acts through its members."
    )
    if sponsor:
        return f"{text} {sponsor} acts as its fiscal sponsor and holds its funds (section {sponsor_section})."
    if partnership.legal_status is LegalStatus.fiscally_sponsored:
        return f"{text} A fiscal sponsor holds its funds (section {sponsor_section})."
    return text


# --- 4. Membership ----------------------------------------------------------------------------------


def _membership(partnership: Partnership, compact: bool) -> dict[str, Any]:
    rules, agreement = partnership.membership, partnership.agreement
    resignation = rules.resignation or ""
    if not resignation and agreement:
        days = agreement.termination_notice_days
        notice = f"at least {days} days’ written notice" if days else "written notice"
        to = f" Notice goes to: {sentence(agreement.notice_to)}" if agreement.notice_to else ""
        resignation = f"A member may withdraw at any time by giving {notice}, as the MOU provides.{to}"
    admission = rules.admission or ""
    if not admission and not compact:  # a pair that takes in a third organization rewrites its charter
        joinder = " and joins the MOU by signing its joinder page" if agreement and agreement.joinder else ""
        admission = (
            f"An organization asks to join by writing to {leaders_phrase(partnership)}. The members decide on its "
            f"admission under section 6, and the new member names its contacts{joinder}."
        )
    return {
        "eligibility": maybe(rules.eligibility),
        "sectors_present": sectors_present(partnership),
        "member_classes": class_views(partnership) if not single_class_statement(partnership) else (),
        "single_class": "" if compact else single_class_statement(partnership),
        "has_interim": any(m.status is MemberStatus.interim for m in partnership.current_members),
        "admission": maybe(admission),
        "expectations": tuple(sentence(e) for e in rules.expectations),
        "time_commitment": maybe(rules.time_commitment),
        "representatives": maybe(rules.representatives),
        "resignation": maybe(resignation),
        "removal": maybe(rules.removal),
        "member_rows": member_rows(partnership),
        "history_rows": history_rows(partnership),
        # Affiliates and resource partners receive no member lists (the packet has an edition for them).
        "roster_note": (
            f"This charter's member lists (section {section_numbers(partnership)['membership']}) and this roster go "
            "to voting and non-voting members only. "
            "Affiliates and resource partners receive their own edition of the onboarding packet, without them: "
            "do not pass this charter on to them."
            if partnership.affiliates()
            else ""
        ),
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
        "gradients": GRADIENTS,
        "decision_rules": decision_rules(decision, "; ".join(decision.non_voting)),
        "escalation": maybe(decision.escalation),
        "reserved_matters": tuple(sentence(m) for m in decision.reserved_matters),
        "no_unscheduled_decisions": decision.no_unscheduled_decisions,
    }


# --- 7-9. Meetings, committees, coordinator and fiscal sponsor ---------------------------------------


def _meetings_and_committees(partnership: Partnership) -> dict[str, Any]:
    meetings, leadership = partnership.meetings, partnership.leadership
    coordinator = leadership.coordinator
    shared = {
        LeadershipModel.primary_lead: "The lead agency coordinates the Partnership’s work",
        LeadershipModel.co_leadership: "The co-lead agencies share the coordination of the Partnership’s work",
        LeadershipModel.core_group: "The core group shares the coordination of the Partnership’s work among its seats",
    }[leadership.model]
    return {
        "meeting_rows": tuple(
            MeetingRow(m.name, m.schedule, "; ".join(x for x in (m.format, m.length) if x) or "As announced")
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
        "shared_coordination": f"{shared}, and each member’s primary contact carries that work inside their own "
        "organization.",
        "fiscal_sponsor": current_name(partnership, partnership.fiscal_sponsor),
    }


# --- 18. Adoption record --------------------------------------------------------------------------------


def _adoption(partnership: Partnership) -> dict[str, Any]:
    charter, blocks = partnership.charter, signers(partnership)
    return {
        "adopted": long_date(charter.adopted),
        "adoption_vote": maybe(charter.adoption_vote),
        "blank_line": BLANK_LINE,
        "signers_statement": signers_statement(partnership, len(blocks)),
        "signer_rows": signer_rows(blocks),
    }


__all__ = ["DOCUMENT_TITLE", "GoalRow", "MeetingRow", "governance_charter_context"]
