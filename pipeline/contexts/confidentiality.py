"""Confidentiality wording chosen by legal position (documents.md section 3a), in our own words.

Every promise about survivors' information is chosen for the member or group it binds, with the
exceptions that apply to it and the step that goes with each exception: the clause of each legal position
(pipeline.contexts.confidentiality_clauses, in "we" and "they" voices), then the texts that apply across
positions (consent for minors, immigration status, what law enforcement decides, compelled disclosure).
Clauses a lawyer must see carry a review note; documents list those notes at the end of every draft.
Every text is marked for the message catalog (N_) and translated where it is handed to a document, in that
document's language; callers that print a constant themselves translate it with `_`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.contexts.confidentiality_clauses import CLAUSES
from pipeline.contexts.onboarding_texts import and_list
from pipeline.i18n import N_, _
from pipeline.legal_positions import ORDER, legal_positions, unclear_position
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import LegalPosition

P = LegalPosition

MINORS_REVIEW = N_("Who may consent for a minor under state law, and what happens when no one else may consent.")
MINORS = N_(
    "Who may consent for a minor. When a survivor is under 18, staff seek the young person’s own agreement, and a "
    "parent or legal guardian usually has to consent as well, as state law provides. A parent, guardian or anyone "
    "else who is suspected of abusing or trafficking the young person may never consent on their behalf; where "
    "no one else may consent, members follow state law, which may call for child welfare or a court to decide."
)

MINORS_OWN = N_(
    "For a survivor under 18, we seek the young person’s own agreement and, as state law provides, the consent of "
    "a parent or guardian, never that of anyone suspected of abusing or trafficking them."
)

IMMIGRATION_REVIEW = N_("The wording on immigration status, immigration relief and law enforcement's part in it.")
IMMIGRATION_STATUS = N_(
    "Immigration status. A survivor’s immigration status, and any application for immigration relief, is shared "
    "only as the survivor directs or as the law requires. Federal law protects information about applicants for "
    "T or U status or VAWA relief held by federal agencies (8 U.S.C. 1367). A government member may not be able "
    "to promise more than the law lets it, and tells survivors so."
)
BENEFITS_LAW = N_(
    "Some immigration benefits do involve law enforcement, and members say so plainly: a U visa needs a "
    "certification from a certifying agency, such as a law-enforcement agency or a prosecutor; a T visa asks the "
    "applicant to comply with reasonable requests from law enforcement, unless the applicant is under 18 or trauma "
    "prevents it; and Continued Presence is requested by federal law enforcement."
)
# BENEFITS_LAW again after a first sentence: one message, so a translator sees the whole paragraph.
BENEFITS = N_(
    "No member makes its own services depend on whether a survivor speaks with law enforcement. Some immigration "
    "benefits do involve law enforcement, and members say so plainly: a U visa needs a certification from a "
    "certifying agency, such as a law-enforcement agency or a prosecutor; a T visa asks the applicant to comply with "
    "reasonable requests from law enforcement, unless the applicant is under 18 or trauma prevents it; and Continued "
    "Presence is requested by federal law enforcement."
)

BENEFITS_OWN = N_(
    "Some immigration benefits do involve law enforcement, and we say so plainly: a U visa needs a certification "
    "from a certifying agency such as a law-enforcement agency or a prosecutor; a T visa asks for reasonable "
    "cooperation with law enforcement, except from minors and where trauma prevents it; and Continued Presence "
    "is requested by federal law enforcement."
)

COMPELLED = N_(
    "When a law, a court order or a mandated report requires a member to disclose a survivor’s information, the "
    "member tells the survivor first, where it is safe to do so, discloses no more than is required, and takes "
    "steps to protect the survivor’s safety."
)

_MINORS_TEXT = re.compile(
    r"\b(?:minors?|child(?:ren)?|youth|young (?:people|person)|under 18|juveniles?|teens?)\b", re.IGNORECASE
)
_IMMIGRATION_TEXT = re.compile(r"\bimmigra|\bvisa\b|\bContinued Presence\b", re.IGNORECASE)
_GOVERNMENT_POSITIONS = frozenset({P.law_enforcement, P.prosecution, P.system_based_advocacy, P.public_body})


@dataclass(frozen=True)
class PositionGroup:
    """The members in one legal position and the clause that binds them."""

    position: LegalPosition
    heading: str
    members: str
    text: str


def position_groups(
    partnership: Partnership, members: Sequence[Member], name: dict[str, str]
) -> tuple[PositionGroup, ...]:
    """One group per legal position held by any of `members`, strictest promise first; `name` maps id to name."""
    held: dict[LegalPosition, list[str]] = {}
    for member in members:
        for position in legal_positions(partnership, member):
            held.setdefault(position, []).append(name.get(member.id, member.name))
    return tuple(
        PositionGroup(position, _(CLAUSES[position].heading), and_list(held[position]), _(CLAUSES[position].they))
        for position in ORDER
        if position in held
    )


def own_clauses(partnership: Partnership, member: Member) -> tuple[str, ...]:
    """What one member promises, in its own voice, position by position."""
    return tuple(_(CLAUSES[position].we) for position in legal_positions(partnership, member))


def agreement_clauses(
    partnership: Partnership, members: Sequence[Member], name: dict[str, str], benefits: str = BENEFITS
) -> dict[str, object]:
    """The confidentiality wording of a document that binds several members: a group per legal position, the
    consent rule for minors, immigration status and the benefits law enforcement decides, each where it applies.
    `benefits` is one of this module's messages (BENEFITS, BENEFITS_LAW), translated here."""
    immigration = touches_immigration(partnership, members)
    return {
        "position_groups": position_groups(partnership, members, name),
        "minors": _(MINORS) if minors_apply(partnership, members) else "",
        "immigration": _(IMMIGRATION_STATUS) if immigration else "",
        "benefits": _(benefits) if immigration else "",
    }


def minors_apply(partnership: Partnership, members: Iterable[Member]) -> bool:
    """True when one of `members` promises consent-based sharing and the work can reach people under 18."""
    consent_based = {P.victim_services, P.community_partner}
    binds = any(consent_based & set(legal_positions(partnership, m)) for m in members)
    return binds and serves_minors(partnership)


def serves_minors(partnership: Partnership) -> bool:
    """True when the partnership's work can reach people under 18, so consent for minors must be explained."""
    # The populations say whom the work reaches; the reporting section talks of minors in every partnership.
    texts = list(partnership.populations)
    positions = {p for m in partnership.current_members for p in legal_positions(partnership, m)}
    return P.child_welfare in positions or any(_MINORS_TEXT.search(text) for text in texts)


def touches_immigration(partnership: Partnership, members: Iterable[Member]) -> bool:
    """True when immigration relief is part of the work or a government member is involved."""
    members = list(members)
    texts = [*partnership.populations, *(s for m in members for s in m.services)]
    government = any(set(legal_positions(partnership, m)) & _GOVERNMENT_POSITIONS for m in members)
    return government or any(_IMMIGRATION_TEXT.search(text) for text in texts)


def own_promises(partnership: Partnership, member: Member) -> tuple[str, ...]:
    """Everything one member promises survivors about their information, in its own voice: the clause of each of
    its legal positions, then consent for minors and immigration status where they apply to it."""
    clauses = list(own_clauses(partnership, member))
    if minors_apply(partnership, [member]):
        clauses.append(_(MINORS_OWN))
    if touches_immigration(partnership, [member]):
        clauses.append(_(IMMIGRATION_STATUS))
    return tuple(clauses)


def counsel_review(partnership: Partnership, members: Iterable[Member]) -> tuple[str, ...]:
    """What a lawyer must check in a document that binds `members`, one line each, in a stable order; nothing
    for a document that binds no member (the evaluation plan), which states none of their promises."""
    members = list(members)
    if not members:
        return ()
    items = [
        # Translators: {member} is an organization; {reason} says why its legal position is unclear.
        _("Legal position of {member}: {reason}.", member=member.name, reason=reason)
        for member in members
        if (reason := unclear_position(partnership, member))
    ]
    for position in ORDER:
        holders = [m.name for m in members if position in legal_positions(partnership, m)]
        if holders and CLAUSES[position].review:
            clause = CLAUSES[position]
            items.append(f"{_(clause.heading)} ({and_list(holders)}): {_(clause.review)}")
    if minors_apply(partnership, members):
        # Translators: {review} is what counsel must check about consent for minors, a sentence.
        items.append(_("Consent for minors: {review}", review=_(MINORS_REVIEW)))
    if touches_immigration(partnership, members):
        # Translators: {review} is what counsel must check about immigration, a sentence.
        items.append(_("Immigration: {review}", review=_(IMMIGRATION_REVIEW)))
    if partnership.mandatory_reporting.legal_reference_pending:
        items.append(_("Reporting law: confirm the state's mandated-reporting citation; the documents leave it blank."))
    return tuple(items)


__all__ = [
    "BENEFITS",
    "BENEFITS_LAW",
    "BENEFITS_OWN",
    "COMPELLED",
    "IMMIGRATION_STATUS",
    "MINORS",
    "MINORS_OWN",
    "PositionGroup",
    "agreement_clauses",
    "counsel_review",
    "minors_apply",
    "own_clauses",
    "own_promises",
    "position_groups",
    "serves_minors",
    "touches_immigration",
]
