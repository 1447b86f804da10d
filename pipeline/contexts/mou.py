"""Context of the Memorandum of Understanding (documents.md section 2.1).

The MOU goes to the signing parties (audience "members"): restricted contact details stay out,
withdrawn members are not parties, and signatories' full names appear on the signature page only.
Fixed wording, including the fallback for each optional fact, lives in the template where staff can
edit it; this module hands over facts already worded, with '' or () for anything the YAML leaves out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import (
    MemberView,
    SignatureBlock,
    coordinator_statement,
    current_member_views,
    current_name,
    current_names,
    decision_rules,
    formality_statement,
    founding,
    leaders_phrase,
    leadership_statement,
    level_statement,
    reporting_citation,
    roster,
)
from pipeline.contexts.confidentiality import BENEFITS_LAW, agreement_clauses
from pipeline.contexts.mou_funding import grants, subgrants
from pipeline.contexts.mou_sections import mou_shape, section_numbers, section_reference
from pipeline.contexts.mou_terms import effective_statement, party_record, term
from pipeline.contexts.seats import cover_text, interim_text, seat_views, seats_of
from pipeline.contexts.texts import DECISION_METHODS, LAW_NAMES, definitions
from pipeline.contexts.wording import (
    Fact,
    facts,
    join_sentences,
    labelled,
    maybe,
    number_word,
    paragraphs,
    sentence,
    with_article,
)
from pipeline.dated import partnership_on
from pipeline.formatting import join_and, long_date, on_date
from pipeline.kinds import PUBLIC_COPY, PlannedDocument
from pipeline.legal_positions import legal_positions, needs_public_copy
from schemas import Partnership
from schemas.vocabulary import (
    Binding,
    LeadershipModel,
    LegalPosition,
    MembershipClass,
    MemberStatus,
    PartnershipStage,
)


@dataclass(frozen=True)
class GoalView:
    name: str
    detail: str


@dataclass(frozen=True)
class SignatureRow:
    """Two signature blocks side by side; `right` is None in the last row of an odd count."""

    left: SignatureBlock
    right: SignatureBlock | None


def mou_documents(partnership: Partnership, audience: Audience) -> list[PlannedDocument]:
    """The MOU, and its public copy where one is needed."""
    title = partnership.agreement.type.label if partnership.agreement else "Memorandum of Understanding"
    documents = [PlannedDocument("mou", title, mou_context(partnership, audience))]
    if needs_public_copy(partnership):
        context = mou_context(partnership, Audience.public)
        context["public_copy_note"] = (
            "Public copy. Some Parties are public bodies, so this Memorandum may be released under public-records "
            "law. In this copy survivor leaders are named as they choose to be named and restricted contact "
            "details are left out; the signed original is kept by each Party."
        )
        documents.append(PlannedDocument(PUBLIC_COPY, f"{title} (public copy)", context))
    return documents


def mou_context(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """Everything the MOU template shows, already worded; the keys are the template's variables."""
    agreement = partnership.agreement
    if agreement is None:
        raise ValueError("an MOU needs the 'agreement' section (term, notice period, amendment)")
    # The MOU speaks from the day it (or its restatement) took effect: its parties, contacts and history
    # are that day's; later joinders and withdrawals are recorded, not rewritten into it.
    as_of = agreement.restated or agreement.effective_date
    today, partnership = partnership, partnership_on(partnership, as_of)
    views = current_member_views(partnership, audience)
    parties = tuple(dataclasses.replace(p, roles=_roles(partnership, p.id)) for p in views)
    confidentiality, reporting = partnership.confidentiality, partnership.mandatory_reporting
    conflict, media = partnership.conflict_resolution, partnership.media
    release_days = confidentiality.release.time_limit_days
    numbers = section_numbers(partnership)
    return {
        "partnership_name": partnership.name,
        "public_copy_note": "",
        "document_title": f"Amended and Restated {agreement.type.label}"
        if agreement.restated
        else agreement.type.label,
        "leaders": leaders_phrase(partnership),
        # Which sections and lists this MOU has, and their numbers (`n`)
        **mou_shape(partnership),
        # 1-5. Parties, purpose, background, principles, scope
        "parties": parties,
        "partnership_designation": _partnership_designation(partnership),
        "lead_statement": leadership_statement(partnership),
        "effective_statement": effective_statement(today, as_of, numbers),
        **party_record(today, as_of),
        "purpose": paragraphs(partnership.purpose),
        "goals": tuple(_goal(g.name, g.description, g.outcome) for g in partnership.goals),
        "background": paragraphs(partnership.background),
        "level_statement": level_statement(partnership),
        "formality_statement": formality_statement(partnership),
        "founding": _founding(partnership, as_of),
        "history": tuple(f"{long_date(h.date)}: {sentence(h.event)}" for h in partnership.history),
        "mission": sentence(partnership.mission),
        "vision": maybe(partnership.vision),
        "values": tuple(partnership.values),
        "trauma_commitments": tuple(sentence(c) for c in partnership.trauma_informed.commitments),
        "survivor_engagement": _survivor_engagement(partnership),
        "survivor_pay": partnership.pays_survivors(),
        "geography": partnership.geography.strip(),
        "functions": tuple(f.label for f in partnership.functions),
        "definitions": definitions(partnership.definitions),
        # 6-8. Roles, referral, governance
        "has_in_kind": any(p.has_in_kind for p in parties),
        **_referral(partnership, parties),
        **_governance(partnership, parties, audience),
        # 9. Confidentiality: the fixed rules are in the template, these are the partnership's own
        "confidentiality_laws": _laws(partnership),
        # Section 4 has just said that no Party's services depend on the survivor's choices.
        **agreement_clauses(
            partnership, partnership.current_members, {p.id: p.name for p in parties}, benefits=BENEFITS_LAW
        ),
        "release_days": str(release_days) if release_days else "",
        "release_scope": maybe(confidentiality.release.scope),
        "sharing_rules": tuple(sentence(rule) for rule in confidentiality.sharing_rules),
        "law_enforcement_sharing": maybe(confidentiality.law_enforcement_sharing),
        "platform_statement": _platform_statement(partnership),
        "retention": maybe(confidentiality.retention),
        # 10-11. Mandatory reporting and media
        "mandated_reporters": join_and(current_names(partnership, reporting.mandated_reporters)),
        "reporting_minors": maybe(reporting.minors),
        "reporting_adults": maybe(reporting.adults),
        "reporting_disclosure": maybe(reporting.disclosure),
        "reporting_law": reporting_citation(reporting),
        "media_approval": maybe(media.approval) if media else "",
        "spokespeople": _spokespeople(partnership),
        "media_rules": tuple(sentence(rule) for rule in media.rules) if media else (),
        # 12. Money
        "fiscal_sponsor": current_name(partnership, partnership.fiscal_sponsor),
        "subgrants": subgrants(partnership),
        "grants": grants(partnership),
        # 14-18. Term, withdrawal, amendment, disputes, legal effect
        **term(agreement, numbers),
        "notice_days": str(agreement.termination_notice_days) if agreement.termination_notice_days else "",
        "notice_to": maybe(agreement.notice_to),
        "two_parties": partnership.is_pair(),
        "investigating_parties": any(
            {LegalPosition.law_enforcement, LegalPosition.prosecution} & set(legal_positions(partnership, m))
            for m in partnership.current_members
        ),
        "on_withdrawal": maybe(agreement.on_withdrawal),
        "access_removal": maybe(partnership.shared_platform.access_removal) if partnership.shared_platform else "",
        "amendment": sentence(agreement.amendment),
        "joinder": agreement.joinder,
        "admission": maybe(partnership.membership.admission),
        "dispute_informal": maybe(conflict.informal),
        "dispute_formal": maybe(conflict.formal or partnership.decision_making.escalation),
        "dispute_mediation": maybe(conflict.mediation),
        "conflict_duty": maybe(partnership.leadership.conflict_duty),
        "early_stage": conflict.stage is PartnershipStage.early,
        "mature_stage": conflict.stage is PartnershipStage.mature,
        "binding": agreement.binding is Binding.binding,
        "electronic_signatures": agreement.electronic_signatures,
        "legal_review_parties": join_and(
            p.name for p in partnership.current_members if p.signatory and p.signatory.legal_review_required
        ),
        # 19-20. Signatures and attachments
        "signature_rows": tuple(
            SignatureRow(left=parties[i].signature, right=parties[i + 1].signature if i + 1 < len(parties) else None)
            for i in range(0, len(parties), 2)
        ),
        "roster": roster(parties),
    }


def _partnership_designation(partnership: Partnership) -> str:
    name = with_article(partnership.name)
    if partnership.short_name and partnership.short_name != partnership.name:
        return f"{name} (“{partnership.short_name}” or the “Partnership”)"
    return f"{name} (the “Partnership”)"


def _founding(partnership: Partnership, as_of: dt.date | None) -> str:
    founded = founding(partnership, as_of)
    return f"The Partnership began {on_date(founded)}." if founded else ""


def _goal(name: str, description: str | None, outcome: str | None) -> GoalView:
    return GoalView(name=name, detail=join_sentences(description, labelled("Outcome", outcome)))


def _roles(partnership: Partnership, member_id: str) -> tuple[str, ...]:
    """What the member does for the partnership as a whole, beyond its own services."""
    member, leadership = partnership.member(member_id), partnership.leadership
    board = partnership.survivor_engagement.advisory_board if partnership.survivor_engagement else None
    platform, money = partnership.shared_platform, section_reference(partnership, "money")
    roles = [
        f"Interim member{f' since {long_date(member.joined)}' if member.joined else ''}."
        if member.status is MemberStatus.interim
        else "",
        f"Membership class: {member.membership_class.label}."
        if member.membership_class is not MembershipClass.voting
        else "",
        f"Fiscal sponsor of the Partnership (see {money})." if partnership.fiscal_sponsor == member_id else "",
    ]
    if member_id in leadership.leads:
        co_lead = leadership.model is LeadershipModel.co_leadership
        roles.append(f"{'Co-lead' if co_lead else 'Lead'} agency of the Partnership.")
    for view in seats_of(seat_views(partnership, Audience.members), member_id):
        what = "; ".join(part for part in (view.name, view.role) if part)
        roles.append(f"Member of the core group{f' ({what})' if what else ''}.")
        roles += [sentence(interim_text(view))] if view.seat.interim else []
    if leadership.coordinator and leadership.coordinator.employer == member_id:
        roles.append(f"Employs the {leadership.coordinator.title}.")
    roles += [f"Chairs the {c.name}." for c in partnership.committees if c.chair == member_id]
    if board and board.host == member_id:
        roles.append(f"Hosts and coordinates the {board.name}.")
    if platform and platform.owner == member_id:
        roles.append(f"Administers the {platform.name} where the Partnership keeps its shared records.")
    if partnership.evaluation.evaluator == member_id:
        roles.append("Leads the Partnership’s evaluation.")
    for training in partnership.trauma_informed.trainings:
        if training.provider == member_id:
            audience = f"Who takes it: {training.audience}" if training.audience else ""
            often = f"How often: {training.frequency}" if training.frequency else ""
            roles.append(join_sentences(f"Delivers training: {training.topic}", audience, often))
    for grant in partnership.funding.grants:
        if grant.applicant == member_id:
            award = grant.program if grant.program.lower().endswith(("grant", "award")) else f"{grant.program} award"
            roles.append(f"{'Holds' if grant.awarded else 'Applies for'} the {award}.")
    for sub in subgrants(partnership):
        flow = f"Passes grant funds to {sub.recipient}" if sub.grantor_id == member_id else ""
        flow = f"Receives grant funds from {sub.grantor}" if sub.recipient_id == member_id else flow
        roles.append(f"{flow} under a separate subgrant agreement ({money})." if flow else "")
    return tuple(role for role in roles if role)


def _survivor_engagement(partnership: Partnership) -> tuple[Fact, ...]:
    engagement = partnership.survivor_engagement
    if engagement is None:
        return ()
    board, board_text = engagement.advisory_board, ""
    if board:
        host = current_name(partnership, board.host)
        details = [f"has {number_word(board.size)} seats" if board.size else "", f"is hosted by {host}" if host else ""]
        described = " and ".join(d for d in details if d)
        board_text = f"The {board.name} {described}." if described else ""
    return facts(
        ("", engagement.approach),
        ("", board_text),
        ("Seats and votes", board.seats_and_votes if board else None),
        ("Pay", engagement.compensation),
        ("Safety", engagement.safety),
        ("Telling their own stories", engagement.storytelling),
        ("Names", engagement.naming),
        ("Hearing from survivors who use services", engagement.feedback),
    )


def _referral(partnership: Partnership, parties: tuple[MemberView, ...]) -> dict[str, Any]:
    protocol = partnership.referral_protocol
    return {
        "referral_summary": sentence(protocol.summary) if protocol else "",
        "referral_steps": tuple(sentence(s) for s in protocol.steps) if protocol else (),
        "language_services": tuple(f"{p.name}: {p.languages}." for p in parties if p.languages),
        "interpretation": maybe(partnership.meetings.interpretation),
    }


def _governance(partnership: Partnership, parties: tuple[MemberView, ...], audience: Audience) -> dict[str, Any]:
    leadership, decision = partnership.leadership, partnership.decision_making
    seats = []
    for view in seat_views(partnership, audience):
        if view.holder is None:
            # A vacant seat is listed too, so the count of seats in the text still adds up.
            seats.append(f"{view.name}: vacant" if view.name else "A vacant seat")
            continue
        details = "; ".join(
            part for part in (view.seat.interim.person if view.seat.interim else view.seat.person, view.role) if part
        )
        holder = f"{view.holder.member.name} ({details})" if details else view.holder.member.name
        notes = [holder, *(note for note in (interim_text(view), cover_text(view, audience)) if note)]
        seats.append(f"{view.name}: {'. '.join(notes)}" if view.name else ". ".join(notes))
    # The partnership's own summary replaces the generic description, which would only repeat it.
    if decision.summary:
        decision_statement = f"Decision-making model: {decision.method.label.lower()}. {sentence(decision.summary)}"
    else:
        decision_statement = DECISION_METHODS[decision.method]
    meetings = [
        f"{m.name}: {' '.join(sentence(x) for x in (m.schedule, m.length, m.format) if x)}"
        for m in partnership.meetings.regular
    ]
    closed = "Its meetings are closed to other members."
    committees = [
        f"{c.name}: {join_sentences(c.charge, labelled('Meets', c.meets), closed if c.closed else '')}"
        for c in partnership.committees
    ]
    without_backup = [p.name for p in parties if p.backup is None]
    return {
        "core_group_seats": tuple(seats),
        "leadership_points": facts(
            ("", coordinator_statement(partnership)),
            ("How leaders are chosen", leadership.selection),
            ("When a leader leaves", leadership.vacancies),
        ),
        "decision_statement": decision_statement,
        "decision_rules": decision_rules(decision, "; ".join(decision.non_voting))
        + facts(
            ("Escalation", decision.escalation),
        ),
        "gradients_of_agreement": decision.gradients_of_agreement,
        "no_unscheduled_decisions": decision.no_unscheduled_decisions,
        "reserved_matters": tuple(sentence(m) for m in decision.reserved_matters),
        "meetings": tuple(meetings),
        "committees": tuple(committees),
        "acting_contacts": tuple(_acting_sentence(p) for p in parties if p.primary.acting),
        "missing_backups": join_and(without_backup),
        "missing_backups_verb": "has" if len(without_backup) == 1 else "have",
    }


def _acting_sentence(party: MemberView) -> str:
    contact = party.primary
    who = f"{contact.name}, {contact.title}," if contact.name else f"The {contact.title}"
    since = f" since {contact.since}" if contact.since else ""
    return f"{who} has been the acting primary contact for {party.name}{since}."


def _laws(partnership: Partnership) -> tuple[str, ...]:
    laws = []
    for application in partnership.confidentiality.laws:
        bound = current_names(partnership, application.applies_to)
        if application.applies_to and not bound:
            continue  # binds only members that have withdrawn
        everyone = "Applies to both Parties." if len(partnership.current_members) <= 2 else "Applies to every Party."
        who = f"Applies to: {join_and(bound)}." if bound else everyone
        name = LAW_NAMES.get(application.law, application.law.label)
        laws.append(join_sentences(name, who, application.note))
    return tuple(laws)


def _platform_statement(partnership: Partnership) -> str:
    platform = partnership.shared_platform
    if platform is None:
        return ""
    owner = current_name(partnership, platform.owner)
    text = f"Shared records are kept in the Partnership’s {platform.name}"
    text += f", which {owner} administers." if owner else "."
    if platform.holds_pii:
        return f"{text} It holds personally identifying information, so only people who need it may open it."
    return f"{text} It holds no personally identifying information about survivors."


def _spokespeople(partnership: Partnership) -> tuple[str, ...]:
    if partnership.media is None:
        return ()
    return tuple(
        f"{member}, {person.role}: {sentence(person.topics)}"
        for person in partnership.media.spokespeople
        if (member := current_name(partnership, person.member))
    )


__all__ = [
    "GoalView",
    "SignatureRow",
    "mou_context",
    "mou_documents",
]
