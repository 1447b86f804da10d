"""Parts of the onboarding packet about rules and resources: confidentiality, reporting and the media (section
7), survivors (9), key documents (10), the acronym glossary (11) and funding (13).

Each function returns some of the template's variables, already worded for a newcomer; onboarding_packet.py
merges them into one context.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import contact_view, current_member, current_name, current_names, reporting_citation
from pipeline.contexts.confidentiality import agreement_clauses
from pipeline.contexts.onboarding_texts import (
    COMMON_ACRONYMS,
    DOCUMENT_TITLE,
    RESPECTFUL_WORDING,
    acronyms_in,
    calendar_order,
    member_phrase,
    spelled_out,
)
from pipeline.contexts.texts import LAW_NAMES, DefinedTerm
from pipeline.contexts.wording import Fact, facts, maybe, number_word, organization, sentence, with_article
from pipeline.figures import Figure
from pipeline.formatting import long_date
from schemas import Partnership
from schemas.policies import Spokesperson
from schemas.vocabulary import AgreementType, ConfidentialityLaw, FundingSourceType


@dataclass(frozen=True)
class KeyDocument:
    name: str
    what: str
    who: str


@dataclass(frozen=True)
class CalendarRow:
    when: str
    name: str


# --- 7. Confidentiality, reporting and the media ------------------------------------------------


def confidentiality_part(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    confidentiality, reporting, media = partnership.confidentiality, partnership.mandatory_reporting, partnership.media
    laws = []
    for application in confidentiality.laws:
        bound = current_names(partnership, application.applies_to)
        if application.applies_to and not bound:
            continue  # binds only members that have withdrawn
        who = (
            f"Applies to {member_phrase(partnership, application.applies_to)}." if bound else "Applies to every member."
        )
        if application.law is ConfidentialityLaw.other and application.note:
            # An 'other' framework is named only in its note, so the note leads.
            laws.append(Fact("", f"{maybe(application.note)} {who}"))
        else:
            name = LAW_NAMES.get(application.law, application.law.label)
            laws.append(Fact(f"{name}. ", f"{who} {maybe(application.note)}".strip()))
    days = confidentiality.release.time_limit_days
    spokespeople = tuple(
        _spokesperson(partnership, person, audience) for person in (media.spokespeople if media else [])
    )
    members = partnership.current_members
    return {
        **agreement_clauses(partnership, members, {m.id: current_name(partnership, m.id) or m.name for m in members}),
        "release_days": str(days) if days else "",
        "release_scope": maybe(confidentiality.release.scope),
        "sharing_rules": tuple(maybe(rule) for rule in confidentiality.sharing_rules),
        "law_enforcement_sharing": maybe(confidentiality.law_enforcement_sharing),
        "retention": maybe(confidentiality.retention),
        "laws": tuple(laws),
        "mandated_reporters": maybe(member_phrase(partnership, reporting.mandated_reporters)),
        "reporting_facts": facts(
            ("Children and teens under 18", reporting.minors),
            ("Adults", reporting.adults),
            ("Telling survivors first", reporting.disclosure),
            ("The law that applies", reporting_citation(reporting)),
        ),
        "media_approval": maybe(media.approval) if media else "",
        "spokespeople": tuple(filter(None, spokespeople)),
        "media_rules": tuple(maybe(rule) for rule in media.rules) if media else (),
    }


def _spokesperson(partnership: Partnership, person: Spokesperson, audience: Audience) -> str:
    """'UFHW Local 214, Organizing Director (Rosa Delgado-Ferreira, r@x, (541) 555-0130): topics', or ''.

    A role alone gives a reporter's question nowhere to go, so where the member's primary or backup contact
    holds that very title, the line names them with the details members may see.
    """
    member = current_member(partnership, person.member)
    if member is None:
        return ""
    contacts = (member.primary_contact, member.backup_contact)
    holder = next((c for c in contacts if c and c.title and c.title.casefold() == person.role.casefold()), None)
    reach = ""
    if holder:
        view = contact_view(holder, audience)
        reach = ", ".join(x for x in (view.name, view.email, view.phone) if x)
    role = f"{person.role} ({reach})" if reach else person.role
    return f"{current_name(partnership, member.id)}, {role}: {maybe(person.topics)}"


# --- 9. Survivors, 10. key documents, 13. funding -----------------------------------------------


def survivors_part(partnership: Partnership) -> dict[str, Any]:
    engagement = partnership.survivor_engagement
    board = engagement.advisory_board if engagement else None
    board_text = ""
    if board:
        board_text = f"Our {board.name}"
        if board.size:
            board_text += f" has {number_word(board.size)} seats"
        if host := organization(current_name(partnership, board.host)):
            board_text += f"{' and' if board.size else ''} is hosted by {host}"
        board_text = f"{board_text}." if board_text != f"Our {board.name}" else ""
    return {
        "respectful_wording": RESPECTFUL_WORDING,
        "survivor_approach": maybe(engagement.approach) if engagement else "",
        "survivor_facts": facts(
            ("", board_text),
            ("What it does", board.role if board else None),
            ("Seats and votes", board.seats_and_votes if board else None),
            ("When it meets", board.meets if board else None),
            ("Safety", engagement.safety if engagement else None),
            ("Hearing from survivors who use services", engagement.feedback if engagement else None),
        ),
        "compensation": maybe(engagement.compensation) if engagement else "",
        "storytelling": maybe(engagement.storytelling) if engagement else "",
        "naming": maybe(engagement.naming) if engagement else "",
    }


def key_documents_part(partnership: Partnership, audience: Audience, ask_who: str) -> dict[str, Any]:
    """Section 13; `ask_who` names the person a member asks (see onboarding_card.card_part)."""
    agreement, platform, charter = partnership.agreement, partnership.shared_platform, partnership.charter
    documents = []
    if agreement:
        abbreviation = "MOA" if agreement.type is AgreementType.moa else "MOU"
        what = "The written agreement all members sign: shared goals, what each member does, how referrals work, "
        what += "and the confidentiality rules."
        if agreement.effective_date:
            what += f" In effect since {long_date(agreement.effective_date)}."
        if agreement.joinder:
            what += " New members join it by signing a joinder page."
        documents.append(KeyDocument(f"{agreement.type.label} ({abbreviation})", what, "Every member"))
    what = "How we govern ourselves: leadership, decisions, meetings, committees and membership rules."
    if charter.adopted:
        what += f" Adopted {long_date(charter.adopted)}."
    documents.append(KeyDocument("Governance Charter", what, "Every member"))
    documents.append(
        KeyDocument(
            "Emergency and Crisis Response Guide",
            "What we do when a crisis hits: who steps in, how we reach each other, and how we keep survivors safe.",
            "The core team only, because it holds private contact details and safety plans. "
            f"Ask {ask_who} about your part in it.",
        )
    )
    documents.append(KeyDocument(DOCUMENT_TITLE, "This packet.", "Every member, including new ones"))
    protocol = partnership.referral_protocol
    platform_text, access_text = "", ""
    if platform:
        owner = organization(current_name(partnership, platform.owner))
        platform_text = f"We keep shared documents in our {platform.name}"
        platform_text += f", which {owner} looks after." if owner else "."
        if platform.contents:
            platform_text += f" What it holds: {maybe(platform.contents)}"
        if platform.holds_pii:
            platform_text += " Some of it identifies survivors, so only people who need it may open it."
        else:
            platform_text += " It never holds information that could identify a survivor."
        access_text = f"To get access, ask {_gatekeeper(partnership, audience, ask_who)}."
    return {
        "key_documents": tuple(documents),
        "platform_text": platform_text,
        "access_text": access_text,
        "access_removal": maybe(platform.access_removal) if platform else "",
        "referral_summary": maybe(protocol.summary) if protocol else "",
        "referral_steps": tuple(maybe(step) for step in protocol.steps) if protocol else (),
    }


def _gatekeeper(partnership: Partnership, audience: Audience, ask_who: str) -> str:
    """Who grants access to the shared records: the coordinator, else a person at the member that keeps them.

    An organization's name alone is no one to ask, least of all for a reader who works there.
    """
    platform = partnership.shared_platform
    owner = current_member(partnership, platform.owner) if platform and platform.owner else None
    if partnership.leadership.coordinator or owner is None:
        return ask_who
    view = contact_view(owner.primary_contact, audience)
    where = f"the primary contact at {organization(owner.name)}"
    return f"{where} ({view.name})" if view.name else where


def funding_part(partnership: Partnership) -> dict[str, Any]:
    funding, onboarding = partnership.funding, partnership.onboarding
    grants = []
    for grant in funding.grants:
        holder = current_name(partnership, grant.applicant)
        status = "holds" if grant.awarded else "has applied for"
        source = f"a grant from {with_article(grant.funder)}: {grant.program}."
        grants.append(
            f"{organization(holder, start=True)} {status} {source}" if holder else f"{grant.program}, {grant.funder}."
        )
    calendar = [CalendarRow(*_split_label(day.label)) for day in partnership.awareness_days]
    calendar += [CalendarRow(o.when, o.name) for o in partnership.other_observances]
    calendar.sort(key=lambda row: calendar_order(row.when))
    in_kind = [s.description for s in funding.sources if s.type is FundingSourceType.in_kind]
    return {
        "funding_summary": maybe(funding.summary),
        "grants": tuple(grants),
        "calendar": tuple(calendar),
        "contribute_in_kind": maybe(onboarding.contribute_in_kind),
        "in_kind_now": tuple(maybe(text) for text in in_kind),
    }


def _split_label(label: str) -> tuple[str, str]:
    """'World Day Against Trafficking in Persons (30 July)' -> ('30 July', 'World Day Against ...')."""
    name, _, when = label.rpartition(" (")
    when = when.removesuffix(")")
    return (when[:1].upper() + when[1:], name) if name else ("", label)


# --- 11. Acronyms --------------------------------------------------------------------------------


def strings(value: Any) -> Iterator[str]:
    """Every string inside a context value (dataclasses, tuples, dicts)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, Figure):
        yield from (value.title, value.alt_text)  # what a reader sees or hears, not its Graphviz source
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)


def acronyms_part(partnership: Partnership, context: dict[str, Any]) -> tuple[DefinedTerm, ...]:
    """Acronyms the packet uses that its glossary does not already explain, each spelled out once."""
    defined = {term.term for term in context["glossary"]}
    names = [
        partnership.name,
        *(m.legal_name for m in partnership.members),
        *(m.unit or "" for m in partnership.members),
    ]
    names += list(strings(context))
    short = {m.short_name: m.legal_name for m in partnership.members if m.short_name}
    if partnership.short_name:
        short[partnership.short_name] = partnership.name
    # The template itself uses these words, so the glossary covers them whatever the YAML says.
    used = acronyms_in([*strings(context), "PII", "MOU"])
    rows = []
    for acronym in used:
        if acronym in defined:
            continue
        meaning = short.get(acronym) or COMMON_ACRONYMS.get(acronym) or spelled_out(acronym, names)
        if meaning:
            rows.append(DefinedTerm(acronym, sentence(meaning)))
    return tuple(sorted(rows, key=lambda row: row.term.lower()))


__all__ = [
    "CalendarRow",
    "KeyDocument",
    "acronyms_part",
    "confidentiality_part",
    "funding_part",
    "key_documents_part",
    "strings",
    "survivors_part",
]
