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
from pipeline.contexts.common import commitment_text, designation, founding, sector_text, signature_block
from pipeline.contexts.confidentiality import BENEFITS_OWN, MINORS_OWN, minors_apply, own_clauses, touches_immigration
from pipeline.contexts.letter_agreement import agreement_name, legal_effect, next_step
from pipeline.contexts.letter_governance import governance_role
from pipeline.contexts.letter_wording import in_kind_total, re_line, reach, salutation
from pipeline.contexts.wording import (
    Fact,
    article_before,
    facts,
    join_sentences,
    number_word,
    organization,
    sentence,
    takes_article,
    with_article,
)
from pipeline.dated import partnership_on
from pipeline.formatting import join_and, long_date, on_date, since_date
from pipeline.i18n import N_, _, _n, _p
from pipeline.kinds import PlannedDocument
from pipeline.legal_positions import binds_consent_rules, consent_laws
from schemas import Partnership
from schemas.members import Contact, Member
from schemas.operations import Grant
from schemas.vocabulary import LeadershipModel, MemberStatus

DOCUMENT_TITLE = N_("Letter of Intent")
"""The English title (translate it with `_(DOCUMENT_TITLE)`)."""


def letters(partnership: Partnership, audience: Audience) -> list[PlannedDocument]:
    """One letter per current writer of every grant that asks for letters of intent."""
    return [
        PlannedDocument(
            name=f"letter-of-intent-{writer.id}",
            title=f"{_(DOCUMENT_TITLE)}: {writer.name}",
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
    agreement = agreement_name(partnership, grant, writer)
    return {
        "partnership_name": partnership.name,
        "document_title": _(DOCUMENT_TITLE),
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
        "governance_role": governance_role(partnership, writer),
        # 7. Who, where, when
        "project_facts": _project_facts(partnership, grant),
        # 8-9. Confidentiality, next step and legal effect
        "confidentiality": _confidentiality(partnership, grant, writer),
        "victim_centered": _victim_centered(partnership, writer),
        "next_step": next_step(partnership, grant, writer, agreement),
        "legal_effect": legal_effect(partnership, grant, writer, agreement),
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
    # Translators: a line of a letterhead under the organization's legal name: the name it trades under.
    trade_name = _("Doing business as {trade_name}", trade_name=writer.doing_business_as)
    lines = [trade_name if writer.doing_business_as else "", writer.unit or ""]
    return tuple(line.strip() for line in [*lines, *writer.mailing_address] if line.strip())


# --- The body -----------------------------------------------------------------------------------


def _named(member: Member) -> str:
    """The first-mention form of a member inside a sentence, with 'the' where its name needs one."""
    full = designation(member)
    return article_before(full) if takes_article(member.legal_name) else full


def _intent(partnership: Partnership, grant: Grant, writer: Member, applicant: Member) -> str:
    name = with_article(partnership.name)
    if writer.id != applicant.id:
        opening = _(
            "On behalf of {writer}, I am writing to confirm that we intend to partner with {applicant} on its "
            "application named above.",
            writer=_named(writer),
            applicant=_named(applicant),
        )
    elif partners := [organization(m.name) for m in partnership.current_members if m.id in grant.partners]:
        opening = _(
            "On behalf of {writer}, I am writing to confirm our commitment to the project we are proposing in the "
            "application named above, together with our partners in {partnership}: {partners}.",
            writer=_named(writer),
            partnership=name,
            partners=join_and(partners),
        )
    else:
        opening = _(
            "On behalf of {writer}, I am writing to confirm our commitment to the project we are proposing in the "
            "application named above.",
            writer=_named(writer),
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
    # The sentences end with a name, which may end with a full stop of its own ('Inc.'): join_sentences adds one.
    if leadership.model is not LeadershipModel.co_leadership:
        # Translators: no full stop: one is added after the partnership's name unless the name ends with one.
        return _("We also write as the lead agency of {partnership}", partnership=name)
    leads = [m for m in partnership.current_members if m.id in leadership.leads]
    if others := [organization(m.name) for m in leads if m.id != writer.id]:
        # Translators: {number} is a count in words ('two'); no full stop: one is added after the names.
        return _(
            "We also write as one of the {number} co-lead agencies of {partnership}, together with {others}",
            number=number_word(len(leads)),
            partnership=name,
            others=join_and(others),
        )
    # Translators: {number} is a count in words ('two'); no full stop: one is added after the name.
    return _(
        "We also write as one of the {number} co-lead agencies of {partnership}",
        number=number_word(len(leads)),
        partnership=name,
    )


def _about(partnership: Partnership, writer: Member, dated: dt.date | None) -> str:
    """Who the writer is (description, sector) and how long it has been part of the partnership."""
    description = (writer.description or "").strip()
    if re.match(r"(?:A|An|The) [a-z0-9]", description):
        # 'A staffing agency whose …' is a fragment, and its capital stays as typed: a label introduces it.
        description = _("About us: {description}", description=description)
    # Only `founded` dates the partnership: its earliest history event may be a later milestone.
    founded = founding(partnership, dated)
    # Translators: {date} is 'on March 14, 2019' or 'in March 2019', with its preposition.
    began = _("The partnership began {date}.", date=on_date(founded)) if founded else ""
    # The description already says who the writer is; the sector line is for writers without one.
    sector = _("Our sector: {sector}", sector=sector_text(writer))
    return join_sentences(description or sector, _membership(partnership, writer, dated), began)


def _membership(partnership: Partnership, writer: Member, dated: dt.date | None) -> str:
    """How long the writer has been part of the partnership, as of the letter's date."""
    name = with_article(partnership.name)
    if dated and writer.joined and writer.joined.first_day > dated:
        # A letter written before the writer formally joined (as the ECM letters were) cannot claim membership.
        return _("We take part in the work of {partnership}", partnership=name)
    if writer.status is MemberStatus.interim and writer.joined:
        # Translators: {date} is 'on March 14, 2019' or 'in March 2019', with its preposition.
        return _(
            "We joined {partnership} {date} and are an interim member.", partnership=name, date=on_date(writer.joined)
        )
    if writer.status is MemberStatus.interim:
        return _("We joined {partnership} and are an interim member.", partnership=name)
    if writer.joined:
        # Translators: {date} is 'since March 14, 2019' or 'since March 2019', with its preposition.
        return _("We have been a member of {partnership} {date}.", partnership=name, date=since_date(writer.joined))
    return _("We are a member of {partnership}", partnership=name)


def _services(writer: Member) -> str:
    if not writer.services:
        return ""
    # Each service prints as typed, so the list follows a colon rather than running on inside a sentence.
    services = "; ".join(s.strip().rstrip(".;") for s in writer.services)
    # Translators: {services} is the member's services as the partnership file lists them, joined by semicolons.
    return _("The services we bring to this work: {services}.", services=services)


def _subawards(partnership: Partnership, grant: Grant, writer: Member) -> tuple[str, ...]:
    """The funds the applicant passes to the writer, each under its own subgrant agreement."""
    applicant = organization(partnership.member(grant.applicant).name)
    lines = []
    for subgrant in partnership.funding.subgrants:
        if subgrant.from_member == grant.applicant and subgrant.to_member == writer.id:
            amount, purpose = subgrant.amount.strip(), sentence(subgrant.purpose)
            if subgrant.agreement_reference:
                # Translators: {reference} is the subgrant agreement's number; {amount} is as the file gives it.
                line = _(
                    "Any funds from {applicant} reach us only under a separate subgrant agreement ({reference}): "
                    "{amount}. Its purpose: {purpose}",
                    applicant=applicant,
                    reference=subgrant.agreement_reference.strip(),
                    amount=amount,
                    purpose=purpose,
                )
            else:
                # Translators: {amount} is the subgrant's amount as the file gives it; {purpose} is a sentence.
                line = _(
                    "Any funds from {applicant} reach us only under a separate subgrant agreement: {amount}. "
                    "Its purpose: {purpose}",
                    applicant=applicant,
                    amount=amount,
                    purpose=purpose,
                )
            lines.append(line)
    return tuple(lines)


def _project_facts(partnership: Partnership, grant: Grant) -> tuple[Fact, ...]:
    population = (grant.target_population or "").strip() or "; ".join(p.strip() for p in partnership.populations)
    start, end = long_date(grant.period_start), long_date(grant.period_end)
    if start and end:
        # Translators: a project period, after the label 'Project period.' ({start} and {end} are full dates).
        period = _p("period", "{start} to {end}", start=start, end=end)
    else:
        # Translators: a project period with only its start or its end known ({date} is a full date).
        period = (
            _p("period", "from {date}", date=start) if start else _p("period", "until {date}", date=end) if end else ""
        )
    return facts(
        (_("People the project will serve"), population),
        (_("Area served"), partnership.geography),
        (_("Project period"), period),
    )


def _confidentiality(partnership: Partnership, grant: Grant, writer: Member) -> tuple[str, ...]:
    """What the writer may promise about survivors' information, chosen by its legal position, paragraph by paragraph.

    A writer not bound by VAWA or VOCA never claims their rules; it promises not to ask the applicant to break them.
    """
    applicant = partnership.member(grant.applicant)
    own = list(own_clauses(partnership, writer))
    days = partnership.confidentiality.release.time_limit_days
    if days and binds_consent_rules(partnership, writer):
        lasts = _n(
            "A signed release lasts no more than {count} day.",
            "A signed release lasts no more than {count} days.",
            days,
        )
        own[0] = f"{own[0]} {lasts}"
    if (
        applicant.id != writer.id
        and binds_consent_rules(partnership, applicant)
        and not binds_consent_rules(partnership, writer)
    ):
        own.append(
            # Translators: {laws} names the confidentiality laws that bind the applicant ('VAWA and VOCA').
            _(
                "{applicant} is bound by {laws}. We will never ask its advocates to share what those rules protect.",
                applicant=organization(applicant.name, start=True),
                laws=consent_laws(partnership, applicant),
            )
        )
    if minors_apply(partnership, [writer]):
        own.append(_(MINORS_OWN))
    # The writer's main promise stands alone; its further limits read as one paragraph, so a letter stays short.
    return (own[0], " ".join(own[1:])) if len(own) > 1 else tuple(own)


def _victim_centered(partnership: Partnership, writer: Member) -> str:
    """The victim-centered promise; where immigration relief is in play, what law enforcement decides is said too."""
    promise = _(
        "Our work on this project will be victim-centered: each survivor’s wishes, safety and well-being come first, "
        "and none of our services will depend on whether a survivor agrees to a referral or chooses to speak with "
        "law enforcement."
    )
    return join_sentences(promise, _(BENEFITS_OWN) if touches_immigration(partnership, [writer]) else "")


# --- Next step, contacts and signature -------------------------------------------------------------


def _contacts(primary: Contact | None, backup: Contact | None, audience: Audience) -> str:
    """Who to reach about the project, as one short paragraph: a letter has no room for a contact list."""
    if primary is None:
        return _("We will name a contact for this project as soon as possible.")
    # The contact's details end the sentence and may end with a full stop of their own: join_sentences adds one.
    # Translators: {contact} is 'Name, Title: e-mail, phone' (and the languages the person works in).
    first = _("Our primary contact for this project is {contact}", contact=reach(primary, audience))
    if backup is None:
        return join_sentences(first, _("We will name a backup contact as soon as possible."))
    # Translators: {contact} is 'Name, Title: e-mail, phone' (and the languages the person works in).
    return join_sentences(first, _("Our backup contact is {contact}", contact=reach(backup, audience)))


__all__ = ["DOCUMENT_TITLE", "letter_context", "letters"]
