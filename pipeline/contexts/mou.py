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
from pipeline.contexts.mou_roles import party_roles, survivor_engagement
from pipeline.contexts.mou_sections import mou_shape, section_numbers
from pipeline.contexts.mou_terms import effective_statement, party_record, term
from pipeline.contexts.seats import cover_text, interim_text, seat_views
from pipeline.contexts.texts import decision_method_statement, definitions, law_name
from pipeline.contexts.wording import (
    facts,
    join_sentences,
    labelled,
    maybe,
    paragraphs,
    sentence,
    with_article,
)
from pipeline.dated import partnership_on
from pipeline.formatting import join_and, long_date, on_date
from pipeline.i18n import _, _p
from pipeline.kinds import PUBLIC_COPY, PlannedDocument
from pipeline.legal_positions import legal_positions, needs_public_copy
from schemas import Partnership
from schemas.vocabulary import (
    Binding,
    LegalPosition,
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
    title = partnership.agreement.type.label if partnership.agreement else _("Memorandum of Understanding")
    documents = [PlannedDocument("mou", title, mou_context(partnership, audience))]
    if needs_public_copy(partnership):
        context = mou_context(partnership, Audience.public)
        context["public_copy_note"] = _(
            "Public copy. Some Parties are public bodies, so this Memorandum may be released under public-records "
            "law. In this copy survivor leaders are named as they choose to be named and restricted contact "
            "details are left out; the signed original is kept by each Party."
        )
        # Translators: the title of the MOU's copy that may be released to the public.
        documents.append(PlannedDocument(PUBLIC_COPY, _("{title} (public copy)", title=title), context))
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
    parties = tuple(dataclasses.replace(p, roles=party_roles(partnership, p.id)) for p in views)
    confidentiality, reporting = partnership.confidentiality, partnership.mandatory_reporting
    conflict, media = partnership.conflict_resolution, partnership.media
    release_days = confidentiality.release.time_limit_days
    numbers = section_numbers(partnership)
    return {
        "partnership_name": partnership.name,
        "public_copy_note": "",
        # Translators: the title of an MOU that replaces an earlier one; {title} is 'Memorandum of Understanding'.
        "document_title": _("Amended and Restated {title}", title=agreement.type.label)
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
        "survivor_engagement": survivor_engagement(partnership),
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
        # Translators: defines the names the MOU uses for the partnership ('the “Partnership”' is a defined term).
        return _("{name} (“{short_name}” or the “Partnership”)", name=name, short_name=partnership.short_name)
    # Translators: defines the name the MOU uses for the partnership ('the “Partnership”' is a defined term).
    return _("{name} (the “Partnership”)", name=name)


def _founding(partnership: Partnership, as_of: dt.date | None) -> str:
    founded = founding(partnership, as_of)
    # Translators: {date} is 'on March 14, 2019' or 'in March 2019', with its preposition.
    return _("The Partnership began {date}.", date=on_date(founded)) if founded else ""


def _goal(name: str, description: str | None, outcome: str | None) -> GoalView:
    return GoalView(name=name, detail=join_sentences(description, labelled(_("Outcome"), outcome)))


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
            # Translators: {seat} is the name of a seat in the core group that no one holds.
            seats.append(_("{seat}: vacant", seat=view.name) if view.name else _("A vacant seat"))
            continue
        details = "; ".join(
            part for part in (view.seat.interim.person if view.seat.interim else view.seat.person, view.role) if part
        )
        holder = f"{view.holder.member.name} ({details})" if details else view.holder.member.name
        notes = [holder, *(note for note in (interim_text(view), cover_text(view, audience)) if note)]
        seats.append(f"{view.name}: {'. '.join(notes)}" if view.name else ". ".join(notes))
    # The partnership's own summary replaces the generic description, which would only repeat it.
    if decision.summary:
        model = _("Decision-making model: {method}.", method=decision.method.label.lower())
        decision_statement = f"{model} {sentence(decision.summary)}"
    else:
        decision_statement = decision_method_statement(decision.method)
    meetings = [
        f"{m.name}: {' '.join(sentence(x) for x in (m.schedule, m.length, m.format) if x)}"
        for m in partnership.meetings.regular
    ]
    closed, meets = _("Its meetings are closed to other members."), _("Meets")
    committees = [
        f"{c.name}: {join_sentences(c.charge, labelled(meets, c.meets), closed if c.closed else '')}"
        for c in partnership.committees
    ]
    without_backup = [p.name for p in parties if p.backup is None]
    return {
        "core_group_seats": tuple(seats),
        "leadership_points": facts(
            ("", coordinator_statement(partnership)),
            (_("How leaders are chosen"), leadership.selection),
            (_("When a leader leaves"), leadership.vacancies),
        ),
        "decision_statement": decision_statement,
        "decision_rules": decision_rules(decision, "; ".join(decision.non_voting))
        + facts(
            (_("Escalation"), decision.escalation),
        ),
        "gradients_of_agreement": decision.gradients_of_agreement,
        "no_unscheduled_decisions": decision.no_unscheduled_decisions,
        "reserved_matters": tuple(sentence(m) for m in decision.reserved_matters),
        "meetings": tuple(meetings),
        "committees": tuple(committees),
        "acting_contacts": tuple(_acting_sentence(p) for p in parties if p.primary.acting),
        "missing_backups": join_and(without_backup),
        # The template's sentence goes on '... not yet named a backup contact': the verb agrees with the names.
        # Translators: the verb after one organization's name in '[Name] has not yet named a backup contact'.
        "missing_backups_verb": _p("after one organization", "has")
        if len(without_backup) == 1
        # Translators: the verb after a list of organizations in '[A and B] have not yet named a backup contact'.
        else _p("after several organizations", "have"),
    }


def _acting_sentence(party: MemberView) -> str:
    contact = party.primary
    if contact.name and contact.since:
        return _(
            "{name}, {title}, has been the acting primary contact for {member} since {date}.",
            name=contact.name,
            title=contact.title,
            member=party.name,
            date=contact.since,
        )
    if contact.name:
        return _(
            "{name}, {title}, has been the acting primary contact for {member}.",
            name=contact.name,
            title=contact.title,
            member=party.name,
        )
    # Translators: {title} is the contact's post, named when the person's name may not be shown.
    if contact.since:
        return _(
            "The {title} has been the acting primary contact for {member} since {date}.",
            title=contact.title,
            member=party.name,
            date=contact.since,
        )
    # Translators: {title} is the contact's post, named when the person's name may not be shown.
    return _("The {title} has been the acting primary contact for {member}.", title=contact.title, member=party.name)


def _laws(partnership: Partnership) -> tuple[str, ...]:
    laws = []
    for application in partnership.confidentiality.laws:
        bound = current_names(partnership, application.applies_to)
        if application.applies_to and not bound:
            continue  # binds only members that have withdrawn
        everyone = (
            _("Applies to both Parties.") if len(partnership.current_members) <= 2 else _("Applies to every Party.")
        )
        who = _("Applies to: {names}.", names=join_and(bound)) if bound else everyone
        laws.append(join_sentences(law_name(application.law), who, application.note))
    return tuple(laws)


def _platform_statement(partnership: Partnership) -> str:
    platform = partnership.shared_platform
    if platform is None:
        return ""
    owner = current_name(partnership, platform.owner)
    # Translators: {platform} is the partnership file's name for its shared records system.
    kept = _("Shared records are kept in the Partnership’s {platform}.", platform=platform.name)
    if owner:
        kept = _(
            "Shared records are kept in the Partnership’s {platform}, which {owner} administers.",
            platform=platform.name,
            owner=owner,
        )
    if platform.holds_pii:
        held = _("It holds personally identifying information, so only people who need it may open it.")
    else:
        held = _("It holds no personally identifying information about survivors.")
    return f"{kept} {held}"


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
