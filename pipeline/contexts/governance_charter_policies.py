"""Parts of the governance charter's context: the policies in sections 10 to 17.

Confidentiality and media, survivor engagement, training, conflict, money, evaluation, continuity and
the charter's own amendment rules. Each function returns the template variables of its sections;
governance_charter.py merges them into one context. Withdrawn members are left out of every list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import (
    MemberView,
    current_member_views,
    current_name,
    current_names,
    leaders_phrase,
    roster,
)
from pipeline.contexts.confidentiality import COMPELLED, agreement_clauses
from pipeline.contexts.texts import FOUR_RS, LAW_NAMES, six_principles
from pipeline.contexts.wording import facts, label_in_sentence, labelled, maybe, number_word, sentence
from pipeline.formatting import join_and, long_date, money
from pipeline.i18n import N_, _, _n, _p
from schemas import Partnership
from schemas.vocabulary import ConfidentialityLaw, DecisionMethod, FundingSourceType, PartnershipStage

# Laws whose name alone says little; their note tells the reader what they require here.
_EXPLAINED_BY_NOTE = {ConfidentialityLaw.state_law, ConfidentialityLaw.other}

_HOW_DECISIONS_ARE_MADE = {
    DecisionMethod.hierarchical: N_(
        "Each member decides its own matters; shared matters are decided jointly (section 6)."
    ),
    DecisionMethod.representative: N_(
        "Representatives decide for the members within the limits of this charter (section 6)."
    ),
    DecisionMethod.consensus: N_("By consensus (section 6)."),
}


@dataclass(frozen=True)
class TrainingRow:
    topic: str
    audience: str
    frequency: str
    provider: str


@dataclass(frozen=True)
class GrantRow:
    program: str
    funder: str
    holder: str
    amount: str
    period: str
    status: str


# --- 10. Confidentiality, information sharing and media ------------------------------------------------


def confidentiality(partnership: Partnership) -> dict[str, Any]:
    decision, media = partnership.decision_making, partnership.media
    rules, reporting = partnership.confidentiality, partnership.mandatory_reporting
    leaders = leaders_phrase(partnership)
    how = _(_HOW_DECISIONS_ARE_MADE[decision.method])
    if decision.no_unscheduled_decisions:
        how += " " + _("No decision is made in an unscheduled session that leaves a member out.")
    release_days = rules.release.time_limit_days
    return {
        # The procedural ground rules: one line each, pointing to the section that has the details.
        "procedural_rules": facts(
            (_("How decisions are made"), how),
            (_("Who speaks to the media"), _("Only as set out under “Media” below")),
            (
                _("What is confidential"),
                _(
                    "Anything that could identify a survivor, all case information, and anything shared under a "
                    "survivor’s release"
                ),
            ),
            (
                _("How information is distributed"),
                partnership.meetings.information_distribution
                # Translators: {leaders} names who leads, e.g. "the lead agency (Harbor & Hope)".
                or _("By {leaders} to every member’s primary and backup contacts", leaders=leaders),
            ),
            (
                _("Role of representatives"),
                _("Each member’s primary contact speaks and acts for it (section 4)"),
            ),
        ),
        # What each member may promise, group by group, with the exceptions the law makes (shared with the MOU).
        **agreement_clauses(
            partnership,
            partnership.current_members,
            {m.id: current_name(partnership, m.id) for m in partnership.current_members},
        ),
        "compelled": _(COMPELLED),
        "confidentiality_laws": _laws(partnership),
        "release_days": str(release_days) if release_days else "",
        "sharing_rules": tuple(sentence(r) for r in rules.sharing_rules),
        "law_enforcement_sharing": maybe(rules.law_enforcement_sharing),
        "retention": maybe(rules.retention),
        "mandated_reporters": join_and(current_names(partnership, reporting.mandated_reporters)),
        "media_approval": maybe(media.approval) if media else "",
        "spokespeople": tuple(
            f"{name}, {person.role}: {sentence(person.topics)}"  # the members' own words, punctuated
            for person in (media.spokespeople if media else [])
            if (name := current_name(partnership, person.member))
        ),
        "media_rules": tuple(sentence(r) for r in media.rules) if media else (),
    }


def _laws(partnership: Partnership) -> tuple[str, ...]:
    laws = []
    for application in partnership.confidentiality.laws:
        bound = current_names(partnership, application.applies_to)
        if application.applies_to and not bound:
            continue  # binds only members that have withdrawn
        name = _(LAW_NAMES[application.law]) if application.law in LAW_NAMES else application.law.label
        # Translators: {law} is the name of a law or rule; {members} are the members it binds.
        text = (
            _("{law} — {members}.", law=name, members=join_and(bound))
            if bound
            else _("{law} — every member.", law=name)
        )
        if application.law in _EXPLAINED_BY_NOTE and application.note:
            text += f" {sentence(application.note)}"
        laws.append(text)
    return tuple(laws)


# --- 11-13. Survivor engagement, trauma-informed practice, conflict --------------------------------------


def _board_text(board: str, size: int | None, host: str) -> str:
    """'The Survivor Advisory Board has eight seats and is hosted by Bridgewell.', or '' when neither is known."""
    # Translators: {board} is the name of the survivor advisory board; {seats} its number of seats, in words when
    # it is small ("eight"); {host} the member that hosts it.
    if size and host:
        return _n(
            "The {board} has {seats} seat and is hosted by {host}.",
            "The {board} has {seats} seats and is hosted by {host}.",
            size,
            board=board,
            seats=number_word(size),
            host=host,
        )
    if size:
        return _n(
            "The {board} has {seats} seat.",
            "The {board} has {seats} seats.",
            size,
            board=board,
            seats=number_word(size),
        )
    if host:
        return _("The {board} is hosted by {host}.", board=board, host=host)
    return ""


def survivors_and_training(partnership: Partnership) -> dict[str, Any]:
    engagement, trauma = partnership.survivor_engagement, partnership.trauma_informed
    board = engagement.advisory_board if engagement else None
    board_text = ""
    if board:
        board_text = _board_text(board.name, board.size, current_name(partnership, board.host))
        if board.meets:
            # Translators: {schedule} is, as the members wrote it, how often the survivor advisory board meets.
            meets = _("How often it meets: {schedule}", schedule=sentence(board.meets))
            board_text = f"{board_text} {meets}".strip()
    conflict = partnership.conflict_resolution
    return {
        "survivor_approach": maybe(engagement.approach) if engagement else "",
        "survivor_facts": facts(
            ("", board_text),
            (_("Role"), board.role if board else None),
            (_("Seats and votes"), board.seats_and_votes if board else None),
        ),
        # Pay is promised only where the file says how survivors are paid.
        "survivor_pay": partnership.pays_survivors(),
        "pay_terms": maybe(engagement.compensation) if engagement else "",
        "survivor_safety": maybe(engagement.safety) if engagement else "",
        "storytelling": maybe(engagement.storytelling) if engagement else "",
        "survivor_naming": maybe(engagement.naming) if engagement else "",
        "survivor_feedback": maybe(engagement.feedback) if engagement else "",
        "four_rs": join_and(label_in_sentence(_(r.name)) for r in FOUR_RS),
        "six_principles": "; ".join(label_in_sentence(_(p.name)) for p in six_principles(trauma.principles_phrasing)),
        "trauma_commitments": tuple(sentence(c) for c in trauma.commitments),
        "trainings": tuple(
            TrainingRow(
                topic=t.topic,
                # Translators: the cells of a training the members have not fully described (who, how often, given by).
                audience=t.audience or _("All members"),
                frequency=t.frequency or _("As agreed"),
                provider=current_name(partnership, t.provider) or _("Not yet assigned"),
            )
            for t in trauma.trainings
        ),
        "dispute_informal": maybe(conflict.informal),
        "dispute_formal": maybe(conflict.formal),
        "dispute_mediation": maybe(conflict.mediation),
        "early_stage": conflict.stage is PartnershipStage.early,
        "mature_stage": conflict.stage is PartnershipStage.mature,
    }


# --- 14. Funding and awareness calendar --------------------------------------------------------


def funding_and_calendar(partnership: Partnership) -> dict[str, Any]:
    funding = partnership.funding
    subgrants = []
    for sub in funding.subgrants:
        grantor, recipient = current_name(partnership, sub.from_member), current_name(partnership, sub.to_member)
        if grantor and recipient:
            # Translators: {grantor} passes a subgrant of {amount} (as the members wrote it) to {recipient}.
            passed = _(
                "{grantor} to {recipient}: {amount}", grantor=grantor, recipient=recipient, amount=sentence(sub.amount)
            )
            # Translators: the label before what a subgrant between members pays for.
            purpose = labelled(_("Purpose"), sub.purpose)
            subgrants.append(f"{passed} {purpose}")
    sources = funding.sources
    return {
        "funding_summary": maybe(funding.summary),
        "grant_rows": tuple(
            GrantRow(
                program=g.program,
                funder=g.funder,
                holder=current_name(partnership, g.applicant) or "—",
                # Translators: a grant's amount or period that the members have not stated (a table cell).
                amount=money(g.amount, _("Not stated")),
                period=_grant_period(g.period_start, g.period_end),
                status=_p("grant status", "Awarded") if g.awarded else _p("grant status", "Applied for"),
            )
            for g in funding.grants
        ),
        "subgrants": tuple(subgrants),
        "in_kind": tuple(sentence(s.description) for s in sources if s.type is FundingSourceType.in_kind),
        "other_sources": tuple(
            f"{s.type.label}: {sentence(s.description)}" for s in sources if s.type is not FundingSourceType.in_kind
        ),
        "observances": (
            *(day.label for day in partnership.awareness_days),
            *(f"{o.name}: {o.when}" for o in partnership.other_observances),
        ),
    }


def _grant_period(start: dt.date | None, end: dt.date | None) -> str:
    if start and end:
        # Translators: a grant's period, from one full date to another (a table cell).
        return _("{start} to {end}", start=long_date(start), end=long_date(end))
    return _("Not stated")


# --- 16. Sustainability and personnel change -----------------------------------------------------------


def continuity(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    views = current_member_views(partnership, audience)
    without_backup = [v.name for v in views if v.backup is None]
    acting = [_acting_contact(view) for view in views if view.primary.acting]
    changes = []
    for member in partnership.current_members:
        for former in member.contacts.former if member.contacts else ():
            # Translators: {organization} is a member, {person} and {title} the contact who left the role on {date}.
            left = _(
                "{organization}: {person}, {title}, left the role on {date}.",
                organization=member.name,
                person=former.name,
                title=former.title,
                date=long_date(former.until),
            )
            changes.append(f"{left} {sentence(former.note)}" if former.note else left)
    platform = partnership.shared_platform
    platform_text = ""
    if platform:
        owner = current_name(partnership, platform.owner)
        # Translators: {platform} is the name of the members' shared platform ("shared drive"), {owner} the member
        # that administers it.
        parts = [
            _(
                "The Partnership keeps its shared records in its {platform}, which {owner} administers.",
                platform=platform.name,
                owner=owner,
            )
            if owner
            else _("The Partnership keeps its shared records in its {platform}.", platform=platform.name)
        ]
        if platform.contents:
            # Translators: {contents} is, as the members wrote it, what the shared platform holds.
            parts.append(_("What it holds: {contents}", contents=sentence(platform.contents)))
        parts.append(
            _("It holds personally identifying information, so only people who need it may open it.")
            if platform.holds_pii
            else _("It holds no personally identifying information about survivors.")
        )
        platform_text = " ".join(parts)
    return {
        "roster": roster(views),
        "missing_backups": join_and(without_backup),
        "missing_backups_one": len(without_backup) == 1,
        "acting_contacts": tuple(acting),
        "contact_changes": tuple(changes),
        "platform": platform_text,
        "access_removal": maybe(platform.access_removal) if platform else "",
    }


def _acting_contact(view: MemberView) -> str:
    """'Bridgewell: Paul Lindgren, Senior Advocate, has been the acting primary contact since ...'."""
    contact = view.primary
    if contact.name and contact.since:
        # Translators: {organization} is a member; {person} and {title} its contact; {date} a full date.
        return _(
            "{organization}: {person}, {title}, has been the acting primary contact since {date}.",
            organization=view.name,
            person=contact.name,
            title=contact.title,
            date=contact.since,
        )
    if contact.name:
        return _(
            "{organization}: {person}, {title}, has been the acting primary contact.",
            organization=view.name,
            person=contact.name,
            title=contact.title,
        )
    if contact.since:
        # Translators: {organization} is a member; {title} the role of its contact (the name is not shown); {date} a
        # full date.
        return _(
            "{organization}: {title}, has been the acting primary contact since {date}.",
            organization=view.name,
            title=contact.title,
            date=contact.since,
        )
    return _(
        "{organization}: {title}, has been the acting primary contact.", organization=view.name, title=contact.title
    )


# --- 17. Amendment, review and dissolution ------------------------------------------------------------


def charter_rules(partnership: Partnership) -> dict[str, Any]:
    charter = partnership.charter
    languages = [language for language in charter.languages if language.strip().lower() != "english"]
    return {
        "amendment": maybe(charter.amendment),
        "amendment_notice": maybe(charter.amendment_notice),
        # Translators: {languages} are the other languages, as the members wrote them ("Spanish and Vietnamese").
        "languages": _("This charter is available in English and in {languages}.", languages=join_and(languages))
        if languages
        else "",
        "review": maybe(charter.review),
        "has_mou": partnership.agreement is not None,
        "dissolution": maybe(charter.dissolution),
        "fiscal_sponsor_dissolution": bool(current_name(partnership, partnership.fiscal_sponsor)),
    }
