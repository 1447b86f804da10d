"""Parts of the governance charter's context: the policies in sections 10 to 17.

Confidentiality and media, survivor engagement, training, conflict, money, evaluation, continuity and
the charter's own amendment rules. Each function returns the template variables of its sections;
governance_charter.py merges them into one context. Withdrawn members are left out of every list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import current_member_views, current_name, current_names, leaders_phrase, roster
from pipeline.contexts.confidentiality import COMPELLED, agreement_clauses
from pipeline.contexts.texts import FOUR_RS, LAW_NAMES, six_principles
from pipeline.contexts.wording import facts, label_in_sentence, labelled, maybe, number_word, sentence
from pipeline.formatting import join_and, long_date, money
from schemas import Partnership
from schemas.vocabulary import ConfidentialityLaw, DecisionMethod, FundingSourceType, PartnershipStage

# Laws whose name alone says little; their note tells the reader what they require here.
_EXPLAINED_BY_NOTE = {ConfidentialityLaw.state_law, ConfidentialityLaw.other}

_HOW_DECISIONS_ARE_MADE = {
    DecisionMethod.hierarchical: "Each member decides its own matters; shared matters are decided jointly",
    DecisionMethod.representative: "Representatives decide for the members within the limits of this charter",
    DecisionMethod.consensus: "By consensus",
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
    unscheduled = " No decision is made in an unscheduled session that leaves a member out."
    release_days = rules.release.time_limit_days
    return {
        # The procedural ground rules: one line each, pointing to the section that has the details.
        "procedural_rules": facts(
            (
                "How decisions are made",
                f"{_HOW_DECISIONS_ARE_MADE[decision.method]} (section 6)."
                + (unscheduled if decision.no_unscheduled_decisions else ""),
            ),
            ("Who speaks to the media", "Only as set out under “Media” below"),
            (
                "What is confidential",
                "Anything that could identify a survivor, all case information, and anything shared under a "
                "survivor’s release",
            ),
            (
                "How information is distributed",
                partnership.meetings.information_distribution
                or f"By {leaders} to every member’s primary and backup contacts",
            ),
            ("Role of representatives", "Each member’s primary contact speaks and acts for it (section 4)"),
        ),
        # What each member may promise, group by group, with the exceptions the law makes (shared with the MOU).
        **agreement_clauses(
            partnership,
            partnership.current_members,
            {m.id: current_name(partnership, m.id) for m in partnership.current_members},
        ),
        "compelled": COMPELLED,
        "confidentiality_laws": _laws(partnership),
        "release_days": str(release_days) if release_days else "",
        "sharing_rules": tuple(sentence(r) for r in rules.sharing_rules),
        "law_enforcement_sharing": maybe(rules.law_enforcement_sharing),
        "retention": maybe(rules.retention),
        "mandated_reporters": join_and(current_names(partnership, reporting.mandated_reporters)),
        "media_approval": maybe(media.approval) if media else "",
        "spokespeople": tuple(
            f"{name}, {person.role}: {sentence(person.topics)}"
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
        name = LAW_NAMES.get(application.law, application.law.label)
        text = f"{name} — {join_and(bound) if bound else 'every member'}."
        if application.law in _EXPLAINED_BY_NOTE and application.note:
            text += f" {sentence(application.note)}"
        laws.append(text)
    return tuple(laws)


# --- 11-13. Survivor engagement, trauma-informed practice, conflict --------------------------------------


def survivors_and_training(partnership: Partnership) -> dict[str, Any]:
    engagement, trauma = partnership.survivor_engagement, partnership.trauma_informed
    board = engagement.advisory_board if engagement else None
    board_text = ""
    if board:
        host = current_name(partnership, board.host)
        details = [
            f"has {number_word(board.size)} seats" if board.size else "",
            f"is hosted by {host}" if host else "",
        ]
        board_text = f"The {board.name} {join_and(d for d in details if d)}." if any(details) else ""
        board_text = f"{board_text} How often it meets: {sentence(board.meets)}".strip() if board.meets else board_text
    conflict = partnership.conflict_resolution
    return {
        "survivor_approach": maybe(engagement.approach) if engagement else "",
        "survivor_facts": facts(
            ("", board_text),
            ("Role", board.role if board else None),
            ("Seats and votes", board.seats_and_votes if board else None),
        ),
        # Pay is promised only where the file says how survivors are paid.
        "survivor_pay": partnership.pays_survivors(),
        "pay_terms": maybe(engagement.compensation) if engagement else "",
        "survivor_safety": maybe(engagement.safety) if engagement else "",
        "storytelling": maybe(engagement.storytelling) if engagement else "",
        "survivor_naming": maybe(engagement.naming) if engagement else "",
        "survivor_feedback": maybe(engagement.feedback) if engagement else "",
        "four_rs": join_and(label_in_sentence(r.name) for r in FOUR_RS),
        "six_principles": "; ".join(label_in_sentence(p.name) for p in six_principles(trauma.principles_phrasing)),
        "trauma_commitments": tuple(sentence(c) for c in trauma.commitments),
        "trainings": tuple(
            TrainingRow(
                topic=t.topic,
                audience=t.audience or "All members",
                frequency=t.frequency or "As agreed",
                provider=current_name(partnership, t.provider) or "Not yet assigned",
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
            subgrants.append(f"{grantor} to {recipient}: {sentence(sub.amount)} {labelled('Purpose', sub.purpose)}")
    sources = funding.sources
    return {
        "funding_summary": maybe(funding.summary),
        "grant_rows": tuple(
            GrantRow(
                program=g.program,
                funder=g.funder,
                holder=current_name(partnership, g.applicant) or "—",
                amount=money(g.amount, "Not stated"),
                period=f"{long_date(g.period_start)} to {long_date(g.period_end)}"
                if g.period_start and g.period_end
                else "Not stated",
                status="Awarded" if g.awarded else "Applied for",
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


# --- 16. Sustainability and personnel change -----------------------------------------------------------


def continuity(partnership: Partnership, audience: Audience) -> dict[str, Any]:
    views = current_member_views(partnership, audience)
    without_backup = [v.name for v in views if v.backup is None]
    acting = []
    for view in views:
        if view.primary.acting:
            who = f"{view.primary.name}, {view.primary.title}" if view.primary.name else view.primary.title
            since = f" since {view.primary.since}" if view.primary.since else ""
            acting.append(f"{view.name}: {who}, has been the acting primary contact{since}.")
    changes = []
    for member in partnership.current_members:
        for former in member.contacts.former if member.contacts else ():
            left = f"{member.name}: {former.name}, {former.title}, left the role on {long_date(former.until)}."
            changes.append(f"{left} {sentence(former.note)}" if former.note else left)
    platform = partnership.shared_platform
    platform_text = ""
    if platform:
        owner = current_name(partnership, platform.owner)
        platform_text = f"The Partnership keeps its shared records in its {platform.name}"
        platform_text += f", which {owner} administers." if owner else "."
        if platform.contents:
            platform_text += f" What it holds: {sentence(platform.contents)}"
        platform_text += (
            " It holds personally identifying information, so only people who need it may open it."
            if platform.holds_pii
            else " It holds no personally identifying information about survivors."
        )
    return {
        "roster": roster(views),
        "missing_backups": join_and(without_backup),
        "missing_backups_one": len(without_backup) == 1,
        "acting_contacts": tuple(acting),
        "contact_changes": tuple(changes),
        "platform": platform_text,
        "access_removal": maybe(platform.access_removal) if platform else "",
    }


# --- 17. Amendment, review and dissolution ------------------------------------------------------------


def charter_rules(partnership: Partnership) -> dict[str, Any]:
    charter = partnership.charter
    languages = [language for language in charter.languages if language.strip().lower() != "english"]
    return {
        "amendment": maybe(charter.amendment),
        "amendment_notice": maybe(charter.amendment_notice),
        "languages": f"This charter is available in English and in {join_and(languages)}." if languages else "",
        "review": maybe(charter.review),
        "has_mou": partnership.agreement is not None,
        "dissolution": maybe(charter.dissolution),
        "fiscal_sponsor_dissolution": bool(current_name(partnership, partnership.fiscal_sponsor)),
    }
