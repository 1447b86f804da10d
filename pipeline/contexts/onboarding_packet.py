"""Context of the New-Member Onboarding Packet (documents.md section 2.5).

The packet goes to every member, including brand-new ones (audience "members"): contact details kept
from members stay out, withdrawn members are not in the directory, interim members are marked, and
signatories' full names never appear (the packet has no signature page of its own). Everything is
worded for a newcomer: plain sentences, "you" and "we". Fixed wording, and the fallback for each
optional fact, lives in the template; this module hands over facts already worded, with '' or () for
anything the YAML leaves out. The quick-reference card at the front (urgent instructions come before background) is
built in onboarding_card.py, sections 3 and 4 in onboarding_practice.py, section 7 in
onboarding_organization.py, the member directory (section 9) in onboarding_directory.py, sections 1, 2, 12, 13,
14 and 15 in onboarding_policies.py, and the fixed texts and wording tools live in onboarding_texts.py. Every
sentence written here goes through the message catalog (pipeline.i18n), in the language of the packet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.consistency import method_votes
from pipeline.contexts.common import (
    MemberView,
    contact_view,
    current_member,
    current_member_views,
    current_name,
    founding,
)
from pipeline.contexts.figure_structure import structure_figure
from pipeline.contexts.onboarding_card import card_part, draft_part
from pipeline.contexts.onboarding_directory import directory_part
from pipeline.contexts.onboarding_organization import organization_part
from pipeline.contexts.onboarding_policies import (
    acronyms_part,
    confidentiality_part,
    funding_part,
    key_documents_part,
    survivors_part,
)
from pipeline.contexts.onboarding_practice import emergency_part, referral_help_part, trust_part
from pipeline.contexts.onboarding_texts import AFFILIATE_TITLE, DOCUMENT_TITLE, trauma_responses
from pipeline.contexts.seats import (
    seat_views,
    signing_seats,
)
from pipeline.contexts.texts import (
    definitions,
    four_rs,
    level_description,
    membership_class_label,
    membership_class_meaning,
    six_principles,
)
from pipeline.contexts.wording import (
    Fact,
    facts,
    maybe,
    number_word,
    paragraphs,
    sentence,
    with_article,
)
from pipeline.figures import Figure
from pipeline.formatting import long_date
from pipeline.i18n import _, _n, _p
from pipeline.kinds import AFFILIATE_EDITION, PlannedDocument
from schemas import Partnership
from schemas.members import Member
from schemas.types import PartialDate, Precision
from schemas.vocabulary import (
    Formality,
    LeadershipModel,
    MembershipClass,
)

CHECKBOX = "☐"


@dataclass(frozen=True)
class Signer:
    """Someone who signs the welcome letter, named as members may see them."""

    person: str
    organization: str


@dataclass(frozen=True)
class MeetingRow:
    name: str
    when: str
    where: str
    length: str


@dataclass(frozen=True)
class TrainingRow:
    topic: str
    audience: str
    frequency: str
    provider: str


def onboarding_packet_documents(partnership: Partnership, audience: Audience) -> list[PlannedDocument]:
    """The packet, and the affiliate edition where affiliates or resource partners take part."""
    documents = [
        PlannedDocument("onboarding-packet", _(DOCUMENT_TITLE), onboarding_packet_context(partnership, audience))
    ]
    if affiliates := partnership.affiliates():
        documents.append(
            PlannedDocument(AFFILIATE_EDITION, _(AFFILIATE_TITLE), affiliate_edition(partnership, affiliates))
        )
    return documents


def affiliate_edition(partnership: Partnership, affiliates: list[Member]) -> dict[str, Any]:
    """The packet for affiliates and resource partners. By the partnership's rules they receive no list of
    members, so the directory is left out, and contact details are those the public may see."""
    context = onboarding_packet_context(partnership, Audience.public)
    context.update(
        document_title=_(AFFILIATE_TITLE),
        affiliate_edition=True,
        directory=(),
        acting_contacts=(),
        details_withheld=False,
        directory_note="",
        # By the partnership's rules affiliates receive no list of members: the chart leaves them out too.
        structure_figure=_structure(partnership, Audience.public, members=False),
        # Translators: {readers} is "affiliates", "resource partners" or both; {person} whom to ask (a name or a role).
        affiliate_directory=_(
            "This edition of the packet is for {readers}. It leaves out the member directory, which goes to voting "
            "and non-voting members only. To reach a member organization, ask {person}.",
            readers=_readers(affiliates),
            person=context["ask_who"],
        ),
    )
    return context


def _readers(affiliates: list[Member]) -> str:
    """Whom the affiliate edition is for, in the order they first appear: 'affiliates and resource partners'."""
    classes = tuple(dict.fromkeys(m.membership_class for m in affiliates))
    if classes == (MembershipClass.affiliate,):
        return _("affiliates")
    if classes == (MembershipClass.resource_partner,):
        return _("resource partners")
    if classes[0] is MembershipClass.affiliate:
        return _("affiliates and resource partners")
    return _("resource partners and affiliates")


def _structure(partnership: Partnership, audience: Audience, members: bool) -> Figure | str:
    """The chart of how the partnership is organized; none for a pair, which it would not make clearer."""
    if partnership.is_pair():
        return ""
    shown = [m for m in partnership.current_members if m not in partnership.affiliates()] if members else []
    return structure_figure(partnership, audience, shown)


def onboarding_packet_context(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    """Everything the onboarding packet shows, already worded; the keys are the template's variables."""
    members = current_member_views(partnership, audience)
    onboarding = partnership.onboarding
    card = card_part(partnership, audience)
    context: dict[str, Any] = {
        "partnership_name": partnership.name,
        "document_title": _(DOCUMENT_TITLE),
        "structure_figure": _structure(partnership, audience, members=True),
        "affiliate_edition": False,
        "affiliate_directory": "",
        "directory_note": (
            _(
                "This directory goes to voting and non-voting members only. Affiliates and resource partners receive "
                "an edition of this packet without it: do not pass this one on to them."
            )
            if partnership.affiliates()
            else ""
        ),
        "short_name": partnership.display_name,
        "the_partnership": with_article(partnership.name),
        "core_group_of": with_article(partnership.display_name),
        "survivor_pay": partnership.pays_survivors(),
        # Front: the quick-reference card, then what a draft is worth
        **card,
        **draft_part(partnership),
        # 1. How to warm-transfer, and help for a person who fears immigration enforcement
        **referral_help_part(partnership, audience, card["ask_who"]),
        # 3. The Emergency Guide as members meet it; 4. trust-building in the first 90 days
        **emergency_part(partnership, card["helper"]),
        **trust_part(),
        # 5. Welcome letter
        "welcome": paragraphs(onboarding.welcome),
        "mission": maybe(partnership.mission),
        "signers": _signers(partnership, audience),
        **_at_a_glance(partnership),
        **organization_part(partnership, audience),
        **_membership(partnership, members),
        **directory_part(partnership, members, audience),
        **_meetings(partnership),
        **confidentiality_part(partnership, audience),
        # 11. Trauma-informed primer
        "four_rs": four_rs(),
        "six_principles": six_principles(partnership.trauma_informed.principles_phrasing),
        "trauma_responses": trauma_responses(),
        "trauma_commitments": tuple(maybe(c) for c in partnership.trauma_informed.commitments),
        "trainings": tuple(
            TrainingRow(
                topic=t.topic,
                # Translators: who takes a training, when the file does not say.
                audience=t.audience or _p("training audience", "All members"),
                frequency=t.frequency or _("Ask your mentor"),
                provider=current_name(partnership, t.provider) or _("To be arranged"),
            )
            for t in partnership.trauma_informed.trainings
        ),
        **survivors_part(partnership),
        **key_documents_part(partnership, audience, card["ask_who"]),
        # 4. First 90 days (checklist, mentor, priorities)
        "first_90_days": tuple(f"{CHECKBOX} {maybe(item)}" for item in onboarding.first_90_days),
        "checkbox": CHECKBOX,
        "mentor": maybe(onboarding.mentor),
        "priorities": tuple(maybe(item) for item in onboarding.priorities),
        "recent_decisions": tuple(maybe(item) for item in onboarding.recent_decisions),
        **funding_part(partnership),
    }
    context["glossary"] = definitions(partnership.definitions)
    context["acronyms"] = acronyms_part(partnership, context)
    return context


def _signers(partnership: Partnership, audience: Audience) -> tuple[Signer, ...]:
    """The people who lead, named as this audience may see them (a hidden name leaves the title)."""
    leadership = partnership.leadership
    signers = []
    if leadership.model is LeadershipModel.core_group:
        # Whoever acts in a convening seat signs: an alternate during a cover, never the absent holder.
        for view in signing_seats(seat_views(partnership, audience)):
            if view.acting is None:
                continue
            # Translators: marks an interim seat of the core group, after its name and role.
            interim = _p("seat", "interim") if view.seat.interim else ""
            details = "; ".join(part for part in (view.name, view.role, interim) if part)
            person = view.acting.label
            if view.covered and view.seat.alternate:
                # Translators: {person} is someone covering a seat for its holder, until {date}.
                person = _(
                    "{person} (standing in until {date})",
                    person=person,
                    date=long_date(view.seat.alternate.until),
                )
            organization = view.acting.member.legal_name
            signers.append(
                Signer(person=person, organization=f"{organization} ({details})" if details else organization)
            )
    else:
        for member_id in leadership.leads:
            if member := current_member(partnership, member_id):
                signers.append(Signer(contact_view(member.primary_contact, audience).label, member.legal_name))
    return tuple(signers)


# --- 2. At a glance ----------------------------------------------------------------------------


def _at_a_glance(partnership: Partnership) -> dict[str, Any]:
    level = partnership.level
    # Translators: {level} is the name of a level of partnership ("collaboration"); {description} says what it
    # means, as a phrase that completes "That means ...".
    level_text = _(
        "We work together at the level partnership guides call {level}. That means {description}.",
        level=level.label.lower(),
        description=level_description(level),
    )
    if partnership.formality is Formality.formal:
        formality = _("We are a formal partnership: our work rests on written, signed agreements.")
    else:
        formality = _("We are an informal partnership: our work rests on working relationships more than on paperwork.")
    founded = founding(partnership)
    return {
        "vision": maybe(partnership.vision),
        "values": tuple(partnership.values),
        "purpose": paragraphs(partnership.purpose),
        "began": _began(founded) if founded else "",
        "history": tuple(f"{long_date(h.date)}: {maybe(h.event)}" for h in partnership.history),
        "level_text": level_text,
        "level_note": maybe(partnership.level_note),
        "formality_text": formality,
        "formality_note": maybe(partnership.formality_note),
        "geography": maybe(partnership.geography),
        "functions": tuple(f.label for f in partnership.functions),
        "populations": tuple(partnership.populations),
        "member_count": number_word(len(partnership.current_members)),
    }


def _began(founded: PartialDate) -> str:
    """'We began on March 14, 2019.', or 'in March 2019' and 'in 2019' for a month or a year."""
    if founded.precision is Precision.day:
        # Translators: {date} is a full date ("March 14, 2019").
        return _("We began on {date}.", date=long_date(founded))
    # Translators: {date} is a month and year ("March 2019") or a year alone ("2019").
    return _("We began in {date}.", date=long_date(founded))


# --- 8. Membership ---------------------------------------------------------------------------


def _membership(partnership: Partnership, members: tuple[MemberView, ...]) -> dict[str, Any]:
    membership, agreement = partnership.membership, partnership.agreement
    resignation = maybe(membership.resignation)
    if not resignation and agreement and agreement.termination_notice_days:
        resignation = _n(
            "An organization can leave by giving {count} day’s written notice.",
            "An organization can leave by giving {count} days’ written notice.",
            agreement.termination_notice_days,
        )
    classes = sorted({m.membership_class for m in partnership.current_members}, key=list(MembershipClass).index)
    votes = method_votes(partnership)
    return {
        "expectations": tuple(maybe(e) for e in membership.expectations),
        "membership_facts": facts(
            (_("Time you should expect to give"), membership.time_commitment),
            (_("Representatives and alternates"), membership.representatives),
            (_("How a new organization joins"), membership.admission),
            (_("Leaving"), resignation or None),
            (_("Removal"), membership.removal),
        ),
        # Classes matter to a newcomer only when some members do not vote.
        "membership_classes": tuple(
            Fact(f"{membership_class_label(c, votes)}: ", sentence(membership_class_meaning(c, votes))) for c in classes
        )
        if len(classes) > 1
        else (),
    }


# --- 6. Meetings ---------------------------------------------------------------------------------


def _meetings(partnership: Partnership) -> dict[str, Any]:
    meetings = partnership.meetings
    return {
        "meetings": tuple(MeetingRow(m.name, m.schedule, m.format or "", m.length or "") for m in meetings.regular),
        "meeting_facts": facts(
            (_("Agendas"), meetings.agenda_notice),
            # Translators: the written record of a meeting.
            (_p("meeting record", "Minutes"), meetings.minutes),
            # Translators: interpreting between languages at meetings.
            (_("Interpretation"), meetings.interpretation),
            (_("Recording"), meetings.recording),
        ),
        "information_distribution": maybe(meetings.information_distribution),
        "ground_rules": tuple(maybe(rule) for rule in meetings.ground_rules),
    }


__all__ = [
    "MeetingRow",
    "Signer",
    "TrainingRow",
    "onboarding_packet_context",
]
