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
from pipeline.contexts.texts import GRADIENTS, LEVEL_DESCRIPTIONS, Gradient
from pipeline.contexts.wording import (
    join_sentences,
    maybe,
    number_word,
    paragraphs,
    sentence,
    with_article,
)
from pipeline.formatting import long_date, on_date
from pipeline.i18n import N_, _, _n
from schemas import Partnership
from schemas.vocabulary import Binding, DecisionMethod, Formality, LeadershipModel, LegalStatus, MemberStatus

DOCUMENT_TITLE = N_("Governance Charter")


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
        # Translators: {partnership} is the partnership's full name as it reads inside a sentence; {short_name} is
        # the short name the members use for it.
        designation = _(
            "{partnership} (“{short_name}” or the “Partnership”)", partnership=name, short_name=partnership.short_name
        )
    else:
        # Translators: {partnership} is the partnership's full name as it reads inside a sentence.
        designation = _("{partnership} (the “Partnership”)", partnership=name)
    count = len(partnership.current_members)
    relation = _mou_relation(partnership)
    if agreement:
        # Translators: {agreement} is the kind of agreement the members signed, e.g. "Memorandum of Understanding".
        authority = _(
            "The Partnership acts only by the agreement of its members, as recorded in their {agreement} (the “MOU”) "
            "and in this charter. It has no authority over any member’s own decisions, staff or funds.",
            agreement=agreement.type.label,
        )
    else:
        authority = _(
            "The Partnership acts only by the agreement of its members, as recorded in this charter. It has no "
            "authority over any member’s own decisions, staff or funds."
        )
    formality = (
        _("The Partnership is formal: its members work together under documented agreements and shared programs")
        if partnership.formality is Formality.formal
        else _(
            "The Partnership has been informal: it has rested on working relationships and goodwill rather than on "
            "written agreements"
        )
    )
    return {
        "partnership_designation": designation,
        "member_count": _member_count(partnership, count),
        "legal_status": _legal_status(partnership, numbers.get("coordinator", "")),
        "authority": sentence(charter.authority) if charter.authority else authority,
        "geography": sentence(partnership.geography),
        # 2. Vision, mission, values, goals, functions
        "purpose": paragraphs(partnership.purpose),
        "vision": maybe(partnership.vision),
        "mission": sentence(partnership.mission),
        "values": tuple(partnership.values),
        "goals": tuple(
            # Translators: a goal's objective that the members have not set yet (a table cell).
            GoalRow(g.name, maybe(g.description) or "—", maybe(g.outcome) or _("To be set"))
            for g in partnership.goals
        ),
        "functions": tuple(f.label for f in partnership.functions),
        # 3. Level, formality, the MOU
        "level_statement": join_sentences(
            # Translators: {level} is how closely the members work together, e.g. "multisector collaboration";
            # {description} says what that level means.
            _(
                "The members describe the way they work together as {level}: {description}",
                level=partnership.level.label.lower(),
                description=_(LEVEL_DESCRIPTIONS[partnership.level]),
            ),
            partnership.level_note,
        ),
        "formality_statement": join_sentences(formality, partnership.formality_note),
        "mou_relation": relation,
    }


def _mou_relation(partnership: Partnership) -> str:
    """How the charter relates to the MOU: where the members' commitments are, and which document prevails."""
    agreement = partnership.agreement
    if agreement is None:
        return _(
            "The members have not signed a memorandum of understanding yet. Until they do, this charter is the main "
            "written record of how they work together. It records shared commitments that the members intend to "
            "honor, not a contract, and it binds no member to pay or do anything beyond what that member agreed to."
        )
    kind = agreement.type.label
    # One legal frame for the letters, the MOU and the charter: agreement.binding decides it.
    binding = agreement.binding is Binding.binding
    if agreement.effective_date:
        date = long_date(agreement.effective_date)
        where = (
            # Translators: {agreement} is the kind of agreement, e.g. "Memorandum of Understanding"; {date} is the
            # date it took effect.
            _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), in effect since {date}, which binds those who sign it.",
                agreement=kind,
                date=date,
            )
            if binding
            else _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), in effect since {date}, which records them as shared "
                "commitments that the members intend to honor, not as a contract.",
                agreement=kind,
                date=date,
            )
        )
    else:
        where = (
            _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), which binds those who sign it.",
                agreement=kind,
            )
            if binding
            else _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), which records them as shared commitments that the members "
                "intend to honor, not as a contract.",
                agreement=kind,
            )
        )
    prevails = _(
        "This charter governs how the members work together; it binds no member to pay or do anything beyond what "
        "that member agreed to in the MOU. Where the charter and the MOU differ about the members’ commitments, the "
        "MOU prevails."
    )
    return f"{where} {prevails}"


def _member_count(partnership: Partnership, count: int) -> str:
    """How long the partnership has existed (only when `founded` says) and how many members it has today."""
    founded = founding(partnership)
    if founded:
        # Translators: {date} is when the partnership began, with its preposition ("in 2019", "on March 14, 2019");
        # {members} is the number of members, in words when it is small.
        return _n(
            "It began {date} and today has {members} member organization (section 4).",
            "It began {date} and today has {members} member organizations (section 4).",
            count,
            date=on_date(founded),
            members=number_word(count),
        )
    # Translators: {members} is the number of members, in words when it is small.
    return _n(
        "Today it has {members} member organization (section 4).",
        "Today it has {members} member organizations (section 4).",
        count,
        members=number_word(count),
    )


def _legal_status(partnership: Partnership, sponsor_section: str) -> str:
    sponsor = current_name(partnership, partnership.fiscal_sponsor)
    if partnership.legal_status is LegalStatus.incorporated:
        return _("The Partnership is incorporated: it is a legal entity of its own, separate from its members.")
    text = _(
        "The Partnership is not incorporated. It is an association of independent organizations, has no legal "
        "identity of its own and acts through its members."
    )
    if sponsor:
        # Translators: {sponsor} is the member organization that acts as fiscal sponsor; {section} a section number.
        held = _(
            "{sponsor} acts as its fiscal sponsor and holds its funds (section {section}).",
            sponsor=sponsor,
            section=sponsor_section,
        )
        return f"{text} {held}"
    if partnership.legal_status is LegalStatus.fiscally_sponsored:
        held = _("A fiscal sponsor holds its funds (section {section}).", section=sponsor_section)
        return f"{text} {held}"
    return text


# --- 4. Membership ----------------------------------------------------------------------------------


def _membership(partnership: Partnership, compact: bool) -> dict[str, Any]:
    rules, agreement = partnership.membership, partnership.agreement
    resignation = rules.resignation or ""
    if not resignation and agreement:
        days = agreement.termination_notice_days
        resignation = (
            _n(
                "A member may withdraw at any time by giving at least {count} day’s written notice, as the MOU "
                "provides.",
                "A member may withdraw at any time by giving at least {count} days’ written notice, as the MOU "
                "provides.",
                days,
            )
            if days
            else _("A member may withdraw at any time by giving written notice, as the MOU provides.")
        )
        if agreement.notice_to:
            # Translators: {recipients} says who receives a member's notice of withdrawal, as the members wrote it.
            resignation += " " + _("Notice goes to: {recipients}", recipients=sentence(agreement.notice_to))
    admission = rules.admission or ""
    if not admission and not compact:  # a pair that takes in a third organization rewrites its charter
        admission = (
            # Translators: {leaders} names who leads, e.g. "the co-lead agencies (Sheriff's Office and Bridgewell)".
            _(
                "An organization asks to join by writing to {leaders}. The members decide on its admission under "
                "section 6, and the new member names its contacts and joins the MOU by signing its joinder page.",
                leaders=leaders_phrase(partnership),
            )
            if agreement and agreement.joinder
            else _(
                "An organization asks to join by writing to {leaders}. The members decide on its admission under "
                "section 6, and the new member names its contacts.",
                leaders=leaders_phrase(partnership),
            )
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
            _(
                "This charter's member lists (section {section}) and this roster go to voting and non-voting members "
                "only. Affiliates and resource partners receive their own edition of the onboarding packet, without "
                "them: do not pass this charter on to them.",
                section=section_numbers(partnership)["membership"],
            )
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
