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
from pipeline.contexts.onboarding_card import primary_contact_at
from pipeline.contexts.onboarding_texts import (
    COMMON_ACRONYMS,
    DOCUMENT_TITLE,
    acronyms_in,
    calendar_order,
    member_phrase,
    respectful_wording,
    spelled_out,
)
from pipeline.contexts.texts import DefinedTerm, law_name
from pipeline.contexts.wording import Fact, facts, maybe, number_word, organization, sentence, with_article
from pipeline.figures import Figure
from pipeline.formatting import long_date
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.policies import AdvisoryBoard, Spokesperson
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
            _("Applies to {members}.", members=member_phrase(partnership, application.applies_to))
            if bound
            else _("Applies to every member.")
        )
        if application.law is ConfidentialityLaw.other and application.note:
            # An 'other' framework is named only in its note, so the note leads.
            laws.append(Fact("", f"{maybe(application.note)} {who}"))
        else:
            name = law_name(application.law)
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
            (_("Children and teens under 18"), reporting.minors),
            (_("Adults"), reporting.adults),
            (_("Telling survivors first"), reporting.disclosure),
            (_("The law that applies"), reporting_citation(reporting)),
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
    return {
        "respectful_wording": respectful_wording(),
        "survivor_approach": maybe(engagement.approach) if engagement else "",
        "survivor_facts": facts(
            ("", _board_text(partnership, board) if board else ""),
            (_("What it does"), board.role if board else None),
            (_("Seats and votes"), board.seats_and_votes if board else None),
            (_("When it meets"), board.meets if board else None),
            (_("Safety"), engagement.safety if engagement else None),
            (_("Hearing from survivors who use services"), engagement.feedback if engagement else None),
        ),
        "compensation": maybe(engagement.compensation) if engagement else "",
        "storytelling": maybe(engagement.storytelling) if engagement else "",
        "naming": maybe(engagement.naming) if engagement else "",
    }


def _board_text(partnership: Partnership, board: AdvisoryBoard) -> str:
    """'Our Survivor Advisory Board has five seats and is hosted by Phoenix Rising.', or '' with neither fact."""
    host = organization(current_name(partnership, board.host))
    if board.size:
        if host:
            # Translators: {board} is the name of the survivor advisory board, {number} a count of seats in words
            # ("five") and {organization} the member that hosts the board.
            return _n(
                "Our {board} has one seat and is hosted by {organization}.",
                "Our {board} has {number} seats and is hosted by {organization}.",
                board.size,
                board=board.name,
                number=number_word(board.size),
                organization=host,
            )
        # Translators: {board} is the name of the survivor advisory board, {number} a count of seats in words.
        return _n(
            "Our {board} has one seat.",
            "Our {board} has {number} seats.",
            board.size,
            board=board.name,
            number=number_word(board.size),
        )
    if host:
        # Translators: {board} is the name of the survivor advisory board, {organization} the member that hosts it.
        return _("Our {board} is hosted by {organization}.", board=board.name, organization=host)
    return ""


def key_documents_part(partnership: Partnership, audience: Audience, ask_who: str) -> dict[str, Any]:
    """Section 13; `ask_who` names the person a member asks (see onboarding_card.card_part)."""
    agreement, platform, charter = partnership.agreement, partnership.shared_platform, partnership.charter
    documents = []
    every_member = _p("who receives a document", "Every member")
    if agreement:
        abbreviation = "MOA" if agreement.type is AgreementType.moa else "MOU"
        what = [
            _(
                "The written agreement all members sign: shared goals, what each member does, how referrals work, "
                "and the confidentiality rules."
            )
        ]
        if agreement.effective_date:
            what.append(_("In effect since {date}.", date=long_date(agreement.effective_date)))
        if agreement.joinder:
            what.append(_("New members join it by signing a joinder page."))
        documents.append(KeyDocument(f"{agreement.type.label} ({abbreviation})", " ".join(what), every_member))
    what = [_("How we govern ourselves: leadership, decisions, meetings, committees and membership rules.")]
    if charter.adopted:
        what.append(_("Adopted {date}.", date=long_date(charter.adopted)))
    documents.append(KeyDocument(_("Governance Charter"), " ".join(what), every_member))
    documents.append(
        KeyDocument(
            _("Emergency and Crisis Response Guide"),
            _("What we do when a crisis hits: who steps in, how we reach each other, and how we keep survivors safe."),
            # Translators: {person} is whom a new member asks: a name or a role.
            _(
                "The core team only, because it holds private contact details and safety plans. Ask {person} about "
                "your part in it.",
                person=ask_who,
            ),
        )
    )
    documents.append(KeyDocument(_(DOCUMENT_TITLE), _("This packet."), _("Every member, including new ones")))
    protocol = partnership.referral_protocol
    platform_text, access_text = "", ""
    if platform:
        owner = organization(current_name(partnership, platform.owner))
        if owner:
            # Translators: {platform} is what the file calls the shared space ("SharePoint site", "Google Drive
            # shared drive"); {organization} the member that looks after it.
            kept = _(
                "We keep shared documents in our {platform}, which {organization} looks after.",
                platform=platform.name,
                organization=owner,
            )
        else:
            # Translators: {platform} is what the file calls the shared space ("SharePoint site").
            kept = _("We keep shared documents in our {platform}.", platform=platform.name)
        text = [kept]
        if platform.contents:
            # Translators: {contents} is the file's own description of what the shared space holds, a sentence.
            text.append(_("What it holds: {contents}", contents=maybe(platform.contents)))
        if platform.holds_pii:
            text.append(_("Some of it identifies survivors, so only people who need it may open it."))
        else:
            text.append(_("It never holds information that could identify a survivor."))
        platform_text = " ".join(text)
        # Translators: {person} is who grants access: a name or a role.
        access_text = _("To get access, ask {person}.", person=_gatekeeper(partnership, audience, ask_who))
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
    return primary_contact_at(organization(owner.name), contact_view(owner.primary_contact, audience).name)


def funding_part(partnership: Partnership) -> dict[str, Any]:
    funding, onboarding = partnership.funding, partnership.onboarding
    grants = []
    for grant in funding.grants:
        holder = current_name(partnership, grant.applicant)
        if not holder:
            grants.append(f"{grant.program}, {grant.funder}.")
            continue
        names = {"organization": organization(holder, start=True), "funder": with_article(grant.funder)}
        if grant.awarded:
            # Translators: {organization} is a member, {funder} the funder ("the U.S. Department of Justice") and
            # {program} the grant program, each as the partnership file names them.
            grants.append(_("{organization} holds a grant from {funder}: {program}.", program=grant.program, **names))
        else:
            # Translators: {organization} is a member, {funder} the funder and {program} the grant program.
            grants.append(
                _("{organization} has applied for a grant from {funder}: {program}.", program=grant.program, **names)
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
        common = COMMON_ACRONYMS.get(acronym)
        meaning = short.get(acronym) or (_(common) if common else "") or spelled_out(acronym, names)
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
