"""Contexts of the Letters of Intent / Commitment (documents.md section 2.2), one per writing member.

A letter goes outside the partnership (to the applicant and the funder), so its audience is public:
restricted contact details stay out, and a signatory who is named privately (a survivor leader) is
named by their public name even on the signature line. Each letter speaks in the writer's voice ("we").
Fixed wording lives in the template; this module hands over sentences that depend on the data.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import commitment_text, designation, founding, signature_block
from pipeline.contexts.confidentiality import BENEFITS_OWN, MINORS_OWN, minors_apply, own_clauses, touches_immigration
from pipeline.contexts.letter_wording import in_kind_total, re_line, reach, salutation
from pipeline.contexts.wording import (
    Fact,
    facts,
    join_items,
    join_sentences,
    number_word,
    organization,
    sentence,
    with_article,
)
from pipeline.dated import partnership_on
from pipeline.formatting import join_and, long_date, on_date
from pipeline.kinds import PlannedDocument
from pipeline.legal_positions import binds_consent_rules, consent_laws
from schemas import Partnership
from schemas.members import Contact, Member
from schemas.operations import Grant
from schemas.vocabulary import Binding, Formality, LeadershipModel, MembershipClass, MemberStatus

DOCUMENT_TITLE = "Letter of Intent"


def letters(partnership: Partnership, audience: Audience) -> list[PlannedDocument]:
    """One letter per current writer of every grant that asks for letters of intent."""
    return [
        PlannedDocument(
            name=f"letter-of-intent-{writer.id}",
            title=f"{DOCUMENT_TITLE}: {writer.name}",
            context=letter_context(partnership, grant, writer, audience),
        )
        for grant, writer in partnership.letters_of_intent()
    ]


def letter_context(partnership: Partnership, grant: Grant, writer: Member, audience: Audience) -> dict[str, Any]:
    """Everything one letter shows, already worded; the keys are the template's variables."""
    loi = grant.letter_of_intent
    if loi is None:
        raise ValueError("this grant has no 'letter_of_intent' section")
    # A letter speaks from its own date: the members, contacts and history of that day.
    partnership = partnership_on(partnership, loi.date)
    writer, applicant = partnership.member(writer.id), partnership.member(grant.applicant)
    primary, backup = writer.primary_contact, writer.backup_contact
    agreement = _agreement_name(partnership, grant, writer)
    return {
        "partnership_name": partnership.name,
        "document_title": DOCUMENT_TITLE,
        # 1. Letterhead, date, addressee and RE line
        "letterhead": writer.legal_name,
        "letterhead_lines": _letterhead_lines(writer),
        "letter_date": long_date(loi.date),
        "addressee": loi.addressee.strip(),
        "address_lines": tuple(line.strip() for line in loi.address_lines if line.strip()),
        "salutation": salutation(loi),
        "re_line": re_line(grant),
        # 2-5. Intent, who we are, the relationship, what we commit
        "intent": _intent(partnership, grant, writer, applicant),
        "about": _about(partnership, writer, loi.date),
        "services": _services(writer),
        "commitments": tuple(commitment_text(c) for c in writer.commitments),
        "in_kind_total": in_kind_total(writer.commitments),
        "subawards": _subawards(partnership, grant, writer),
        # 6. Role in governance and meetings
        "governance_role": _governance_role(partnership, writer),
        # 7. Who, where, when
        "project_facts": _project_facts(partnership, grant),
        # 8-9. Confidentiality, next step and legal effect
        "confidentiality": _confidentiality(partnership, grant, writer),
        "victim_centered": _victim_centered(partnership, writer),
        "next_step": _next_step(partnership, grant, writer, agreement),
        "legal_effect": _legal_effect(partnership, agreement),
        "agreement_name": agreement,
        "applicant_name": organization(applicant.name),
        "writer_is_applicant": writer.id == applicant.id,
        # 10. Contacts and signature
        "contacts": _contacts(primary, backup, audience),
        # A privately named signatory (a survivor leader) keeps their full name out of every public copy.
        "signature": signature_block(writer, audience),
    }


# --- Letterhead --------------------------------------------------------------------------------


def _letterhead_lines(writer: Member) -> tuple[str, ...]:
    lines = [f"Doing business as {writer.doing_business_as}" if writer.doing_business_as else "", writer.unit or ""]
    return tuple(line.strip() for line in [*lines, *writer.mailing_address] if line.strip())


# --- The body -----------------------------------------------------------------------------------


def _named(member: Member) -> str:
    """The first-mention form of a member inside a sentence, with 'the' where its name needs one."""
    full = designation(member)
    article = organization(member.legal_name)
    return f"{article[: len(article) - len(member.legal_name)]}{full}"


def _intent(partnership: Partnership, grant: Grant, writer: Member, applicant: Member) -> str:
    name = with_article(partnership.name)
    if writer.id == applicant.id:
        partners = [organization(m.name) for m in partnership.current_members if m.id in grant.partners]
        with_partners = f", together with our partners in {name}: {join_and(partners)}" if partners else ""
        opening = (
            f"On behalf of {_named(writer)}, I am writing to confirm our commitment to the project we are "
            f"proposing in the application named above{with_partners}."
        )
        return join_sentences(opening, _lead_clause(partnership, writer))
    opening = (
        f"On behalf of {_named(writer)}, I am writing to confirm that we intend to partner with "
        f"{_named(applicant)} on its application named above."
    )
    return join_sentences(opening, _lead_clause(partnership, writer))


def _lead_clause(partnership: Partnership, writer: Member) -> str:
    """'We also write as the lead agency of …' when the writer leads the partnership; '' otherwise."""
    leadership = partnership.leadership
    if writer.id not in leadership.leads or leadership.model is LeadershipModel.core_group:
        return ""
    if not writer.is_current:
        return ""  # on the letter's date the writer had not joined yet, so it led nothing
    name = with_article(partnership.name)
    if leadership.model is LeadershipModel.co_leadership:
        leads = [m for m in partnership.current_members if m.id in leadership.leads]
        others = [organization(m.name) for m in leads if m.id != writer.id]
        shared = f", together with {join_and(others)}" if others else ""
        return f"We also write as one of the {number_word(len(leads))} co-lead agencies of {name}{shared}"
    return f"We also write as the lead agency of {name}"


def _about(partnership: Partnership, writer: Member, dated: dt.date | None) -> str:
    """Who the writer is (description, sector) and how long it has been part of the partnership."""
    description = (writer.description or "").strip()
    if re.match(r"(?:A|An|The) [a-z0-9]", description):
        # 'A staffing agency whose …' is a fragment, and its capital stays as typed: a label introduces it.
        description = f"About us: {description}"
    sector = writer.sector.label
    sector += f" — {writer.sector_detail}" if writer.sector_detail else ""
    name = with_article(partnership.name)
    since = f" since {long_date(writer.joined)}" if writer.joined else ""
    if dated and writer.joined and writer.joined.first_day > dated:
        # A letter written before the writer formally joined (as the ECM letters were) cannot claim membership.
        member = f"We take part in the work of {name}"
    elif writer.status is MemberStatus.interim:
        joined = f" {on_date(writer.joined)}" if writer.joined else ""
        member = f"We joined {name}{joined} and are an interim member"
    else:
        member = f"We have been a member of {name}{since}" if since else f"We are a member of {name}"
    # Only `founded` dates the partnership: its earliest history event may be a later milestone.
    founded = founding(partnership, dated)
    began = f"The partnership began {on_date(founded)}" if founded else ""
    # The description already says who the writer is; the sector line is for writers without one.
    return join_sentences(description or f"Our sector: {sector}", member, began)


def _services(writer: Member) -> str:
    if not writer.services:
        return ""
    # Each service prints as typed, so the list follows a colon rather than running on inside a sentence.
    services = "; ".join(s.strip().rstrip(".;") for s in writer.services)
    return f"The services we bring to this work: {services}."


def _subawards(partnership: Partnership, grant: Grant, writer: Member) -> tuple[str, ...]:
    """The funds the applicant passes to the writer, each under its own subgrant agreement."""
    applicant = organization(partnership.member(grant.applicant).name)
    lines = []
    for subgrant in partnership.funding.subgrants:
        if subgrant.from_member == grant.applicant and subgrant.to_member == writer.id:
            reference = f" ({subgrant.agreement_reference.strip()})" if subgrant.agreement_reference else ""
            lines.append(
                f"Any funds from {applicant} reach us only under a separate subgrant agreement{reference}: "
                f"{subgrant.amount.strip()}. Its purpose: {sentence(subgrant.purpose)}"
            )
    return tuple(lines)


def _governance_role(partnership: Partnership, writer: Member) -> str:
    """The writer's place in the partnership's governance, as one sentence in its own voice."""
    # A lead's role is already named in the opening paragraph (_lead_clause), so it is not repeated here.
    leadership, roles = partnership.leadership, []
    for seat in leadership.core_group:
        if seat.holder == writer.id:
            # The seat as of the letter's date: a vacancy filled later, or a term that had ended, is not claimed.
            what = "; ".join(part.strip() for part in (seat.name, seat.role) if part)
            role = f"hold a seat in the core group{f' ({what})' if what else ''}"
            if seat.interim:
                due = seat.interim.election_due
                role += (
                    f" as its interim holder until {f'the election due on {long_date(due)}' if due else 'an election'}"
                )
            roles.append(role)
    if partnership.fiscal_sponsor == writer.id:
        roles.append("act as the fiscal sponsor")
    if leadership.coordinator and leadership.coordinator.employer == writer.id:
        roles.append(f"employ the {leadership.coordinator.title}")
    board = partnership.survivor_engagement.advisory_board if partnership.survivor_engagement else None
    hosted = board.name if board and board.host == writer.id else ""
    chairs = [c.name for c in partnership.committees if c.chair == writer.id and c.name != hosted]
    seats = [c.name for c in partnership.committees if writer.id in c.members and c.chair != writer.id]
    roles += [f"chair {join_and(with_article(c) for c in chairs)}"] if chairs else []
    roles += [f"sit on {join_and(with_article(c) for c in seats if c != hosted)}"] if set(seats) - {hosted} else []
    roles += [f"host {with_article(hosted)}"] if hosted else []
    if partnership.evaluation.evaluator == writer.id:
        roles.append("lead the evaluation")
    roles.append(_membership_phrase(writer))
    return join_sentences(
        f"In {with_article(partnership.name)}, we {join_items(roles)}", _attendance(partnership, writer)
    )


def _attendance(partnership: Partnership, writer: Member) -> str:
    """The regular meetings the writer's representatives attend: every general one, and its own committees'.

    The committees were just named in the governance sentence, so their meetings are not listed again.
    """
    committees = {c.name.strip().lower(): c for c in partnership.committees}
    in_core_group = any(seat.holder == writer.id for seat in partnership.leadership.core_group)
    meetings, own_committees = [], 0
    for meeting in partnership.meetings.regular:
        key = meeting.name.strip().lower()
        committee = committees.get(key)
        if committee and writer.id not in committee.members and committee.chair != writer.id:
            continue
        if "core group" in key and not in_core_group:
            continue
        if committee:
            own_committees += 1
        else:
            meetings.append(meeting.name.strip())
    ours = "the meetings of our committees" if own_committees > 1 else "the meetings of our committee"
    if not meetings:
        return f"Our representatives will attend {ours}" if own_committees else ""
    # Meeting names print as typed, so they follow a colon; our own committees close the list.
    listed = "; ".join(meetings)
    these = "these meetings" if len(meetings) > 1 or own_committees else "this meeting"
    return f"Our representatives will attend {these}: {listed}" + (f"; and {ours}" if own_committees else "")


def _membership_phrase(writer: Member) -> str:
    if writer.membership_class is MembershipClass.voting:
        return "take part in decisions as a voting member"
    label = writer.membership_class.label.lower()
    article = "an" if label[0] in "aeiou" else "a"
    return f"take part as {article} {label}, without a vote"


def _project_facts(partnership: Partnership, grant: Grant) -> tuple[Fact, ...]:
    population = (grant.target_population or "").strip() or "; ".join(p.strip() for p in partnership.populations)
    start, end = long_date(grant.period_start), long_date(grant.period_end)
    period = f"{start} to {end}" if start and end else f"from {start}" if start else f"until {end}" if end else ""
    return facts(
        ("People the project will serve", population),
        ("Area served", partnership.geography),
        ("Project period", period),
    )


def _confidentiality(partnership: Partnership, grant: Grant, writer: Member) -> tuple[str, ...]:
    """What the writer may promise about survivors' information, chosen by its legal position, paragraph by paragraph.

    A writer not bound by VAWA or VOCA never claims their rules; it promises not to ask the applicant to break them.
    """
    applicant = partnership.member(grant.applicant)
    own = list(own_clauses(partnership, writer))
    days = partnership.confidentiality.release.time_limit_days
    if days and binds_consent_rules(partnership, writer):
        own[0] = f"{own[0]} A signed release lasts no more than {days} days."
    if (
        applicant.id != writer.id
        and binds_consent_rules(partnership, applicant)
        and not binds_consent_rules(partnership, writer)
    ):
        own.append(
            f"{organization(applicant.name, start=True)} is bound by {consent_laws(partnership, applicant)}. "
            f"We will never ask its advocates to share what those rules protect."
        )
    if minors_apply(partnership, [writer]):
        own.append(MINORS_OWN)
    # The writer's main promise stands alone; its further limits read as one paragraph, so a letter stays short.
    return (own[0], " ".join(own[1:])) if len(own) > 1 else tuple(own)


def _victim_centered(partnership: Partnership, writer: Member) -> str:
    """The victim-centered promise; where immigration relief is in play, what law enforcement decides is said too."""
    promise = (
        "Our work on this project will be victim-centered: each survivor’s wishes, safety and well-being come first, "
        "and none of our services will depend on whether a survivor agrees to a referral or chooses to speak with "
        "law enforcement."
    )
    return join_sentences(promise, BENEFITS_OWN if touches_immigration(partnership, [writer]) else "")


# --- Next step, contacts and signature -------------------------------------------------------------


def _agreement_name(partnership: Partnership, grant: Grant, writer: Member) -> str:
    """The agreement that turns this letter's intent into commitments."""
    subrecipient = any(
        s.from_member == grant.applicant and s.to_member == writer.id for s in partnership.funding.subgrants
    )
    if subrecipient and writer.id != grant.applicant:
        return "subgrant agreement"
    return partnership.agreement.type.label if partnership.agreement else "Memorandum of Understanding"


def _next_step(partnership: Partnership, grant: Grant, writer: Member, agreement: str) -> str:
    applicant = organization(partnership.member(grant.applicant).name)
    days = grant.letter_of_intent.agreement_within_days if grant.letter_of_intent else None
    when = f", within {days} days of the award," if days else ""
    existing = _agreement_in_force(partnership, grant.letter_of_intent.date if grant.letter_of_intent else None)
    others = len([p for p in grant.partners if p != writer.id]) > 0
    update = f"an update to the existing {agreement} of {with_article(partnership.name)} that adds this project"
    if writer.id == grant.applicant:
        what = update if existing else f"a {agreement} with our partners in this project"
        what += ". Any funds we pass on to partners will move only under separate subgrant agreements"
    elif agreement == "subgrant agreement":
        what = f"a subgrant agreement with {applicant} that sets out the funds, terms and reporting for our part"
    elif existing:
        what = f"{update} and our part in it"
    else:
        with_whom = f"{applicant} and the other partners" if others else applicant
        what = f"a {agreement} with {with_whom} that sets out our roles and responsibilities in the project"
    return sentence(f"If the award is made, we will sign{when} {what}")


def _contacts(primary: Contact | None, backup: Contact | None, audience: Audience) -> str:
    """Who to reach about the project, as one short paragraph: a letter has no room for a contact list."""
    if primary is None:
        return "We will name a contact for this project as soon as possible."
    first = f"Our primary contact for this project is {reach(primary, audience)}"
    if backup is None:
        return join_sentences(first, "We will name a backup contact as soon as possible")
    return join_sentences(first, f"Our backup contact is {reach(backup, audience)}")


def _legal_effect(partnership: Partnership, agreement: str) -> str:
    """What the letter is, and what the agreement that follows will be: the same frame the MOU and charter state."""
    intent = (
        "This letter is conditional on the award and states our intent only: it is not a contract and obligates "
        "no funds, ours or anyone else’s."
    )
    if agreement == "subgrant agreement":
        then = "That subgrant agreement will set out our part, and it is a binding contract."
    elif partnership.agreement is not None and partnership.agreement.binding is Binding.binding:
        then = f"That {agreement} will set out our commitments, and it binds those who sign it."
    else:
        then = (
            f"That {agreement} will record our commitments as shared commitments that we intend to "
            "honor, not as a contract."
        )
    return f"{then} {intent}"  # "That agreement" follows the sentence that names it


def _agreement_in_force(partnership: Partnership, dated: dt.date | None) -> bool:
    """Whether the partnership's own agreement was in force when the letter was written: then the project is
    added to it rather than a new one signed. Without dates, a formal partnership is taken to have one."""
    agreement = partnership.agreement
    if agreement is None:
        return False
    if agreement.effective_date and dated:
        return agreement.effective_date <= dated
    return partnership.formality is Formality.formal


__all__ = ["DOCUMENT_TITLE", "letter_context", "letters"]
