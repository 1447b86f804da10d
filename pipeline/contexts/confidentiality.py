"""Confidentiality wording chosen by legal position (documents.md section 3a), in our own words.

Every promise about survivors' information is chosen for the member or group it binds, with the
exceptions that apply to it and the step that goes with each exception. Each clause is a whole sentence
in two voices: "we" for a member's own letter, "they" for an agreement naming a group of members.
Clauses a lawyer must see carry a review note; documents list those notes at the end of every draft.
Every text is marked for the message catalog (N_) and translated where it is handed to a document, in that
document's language; callers that print a constant themselves translate it with `_`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.contexts.onboarding_texts import and_list
from pipeline.i18n import N_, _
from pipeline.legal_positions import ORDER, legal_positions, unclear_position
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import LegalPosition

P = LegalPosition


@dataclass(frozen=True)
class Clause:
    """What members in one legal position may promise, in both voices, and what counsel must check."""

    heading: str
    we: str
    they: str
    review: str = ""


# The release's time limit is added by the documents when the partnership sets one.
CLAUSES: dict[LegalPosition, Clause] = {
    P.victim_services: Clause(
        N_("Victim-service providers bound by VAWA or VOCA confidentiality"),
        N_(
            "We share no personally identifying information about a survivor without the survivor’s informed, written"
            " and reasonably time-limited consent; a release is never a condition of our services, and we report "
            "totals only. The only exceptions are a statute or a court order that compels a release; we then try to "
            "tell the survivor first, protect their safety, and release no more than is required."
        ),
        N_(
            "These members share no personally identifying information about a survivor without the survivor’s "
            "informed, written and reasonably time-limited consent. Signing a release is never a condition of their "
            "services, and they share no identifying information for reporting or evaluation. The only exceptions are"
            " a statute or a court order that compels a release; they then make reasonable efforts to tell the "
            "survivor first, take steps to protect the survivor’s safety and privacy, and release no more than is "
            "required."
        ),
    ),
    P.legal_services: Clause(
        N_("Legal services"),
        N_(
            "What a client tells our attorneys is privileged and confidential: we share it only as the client directs"
            " or as the rules of professional conduct allow or require. A filing for a survivor, such as one for "
            "immigration relief, shares what it needs, with the survivor’s informed consent."
        ),
        N_(
            "What a client tells their attorneys is protected by attorney–client privilege and by the attorneys’ "
            "professional duty of confidentiality. They share it only as the client directs, or where the rules of "
            "professional conduct allow or require it. When they file for a survivor, for example for immigration "
            "relief, they share what the filing needs, with the survivor’s informed consent."
        ),
        N_("The exceptions to an attorney’s duty of confidentiality follow the state’s rules of professional conduct."),
    ),
    P.health_care: Clause(
        N_("Health care providers covered by HIPAA"),
        N_(
            "As a HIPAA covered entity we disclose a patient’s health information only with written authorization or "
            "where the Privacy Rule allows it, for example where a law requires it, to report abuse, for certain "
            "law-enforcement requests or to prevent a serious threat, and we tell patients first what we may have to "
            "report."
        ),
        N_(
            "These members disclose a patient’s protected health information only with the patient’s written "
            "authorization, or where the HIPAA Privacy Rule permits it without one: for example, where a law requires"
            " it, to report abuse or neglect, for certain requests from law enforcement, or to prevent a serious "
            "threat to someone’s health or safety. Before a patient tells them more, their staff explain what they "
            "may have to report."
        ),
        N_(
            "Which HIPAA disclosures without authorization the member actually makes, and any stricter state "
            "health-privacy law."
        ),
    ),
    P.school: Clause(
        N_("Schools and colleges covered by FERPA"),
        N_(
            "Student records we hold are disclosed only with written consent, as FERPA requires, or under its narrow "
            "exceptions, such as a health or safety emergency or a lawful subpoena or court order."
        ),
        N_(
            "Student education records these members hold are disclosed only with written consent, as FERPA requires,"
            " or under its narrow exceptions, such as a health or safety emergency or a lawfully issued subpoena or "
            "court order."
        ),
    ),
    P.community_partner: Clause(
        N_("Other members"),
        N_(
            "We keep what we learn about survivors confidential and share identifying information only with the "
            "survivor’s informed, written consent or where a law or court order requires it, telling the survivor "
            "first where it is safe and sharing no more than required."
        ),
        N_(
            "These members keep what they learn about survivors confidential. They share identifying information only"
            " with the survivor’s informed, written consent, or where a law or a court order requires it; they then "
            "tell the survivor first, where it is safe to do so, and share no more than is required."
        ),
    ),
    P.child_welfare: Clause(
        N_("Child welfare"),
        N_(
            "We must report suspected abuse or neglect of a child, and federal law (CAPTA, as amended in 2015) treats"
            " a child trafficked for sex as a victim of child abuse. Our case records are confidential under state "
            "law, which also names who may see them; our staff say so at the start of any conversation that could "
            "touch a child’s case."
        ),
        N_(
            "These members must report suspected abuse or neglect of a child, and federal child-welfare law (CAPTA, "
            "as amended in 2015) treats a child who is trafficked for sex as a victim of child abuse. Their case "
            "records are confidential under state law, which also names who may see them, such as courts, law "
            "enforcement and the child’s service providers. Their staff say so at the start of any conversation that "
            "could touch a child’s case."
        ),
        N_("Who may see child-welfare case records under state law, and what the agency shares with the Partnership."),
    ),
    P.law_enforcement: Clause(
        N_("Law enforcement"),
        N_(
            "As a law-enforcement agency we cannot promise survivors confidentiality: evidence rules, discovery, "
            "subpoenas, court orders and public-records law can compel us to disclose what we learn. We share it only"
            " with those who need it, protect survivors’ identities as far as the law allows, and tell each survivor "
            "early and plainly what we may have to disclose."
        ),
        N_(
            "These members cannot promise that what a survivor tells them stays confidential: their reports and case "
            "files follow the rules of evidence and public-records law, and discovery, subpoenas and court orders can"
            " compel their disclosure. They share what they learn about a survivor only with people who need it to do"
            " their part, protect survivors’ identities as far as the law allows, and tell each survivor early and "
            "plainly what they may have to disclose."
        ),
        N_(
            "The limits of a law-enforcement member’s confidentiality under the state’s public-records and evidence "
            "rules."
        ),
    ),
    P.prosecution: Clause(
        N_("Prosecution"),
        N_(
            "As prosecutors we must give the defense evidence that could help the accused or question a witness’s "
            "account, including benefits such as immigration relief or Continued Presence, and discovery, subpoenas "
            "and court orders can compel more. We share information only with those who need it, protect survivors’ "
            "identities as far as the law allows, and tell each survivor at the start what may be disclosed."
        ),
        N_(
            "Prosecutors must give the defense any evidence that could help the accused or call a witness’s account "
            "into question, including any benefit a witness receives, such as immigration relief or Continued "
            "Presence. Discovery rules, subpoenas and court orders can also compel them to disclose what a survivor "
            "tells them. They share information only with those who need it, protect survivors’ identities as far as "
            "the law allows, and tell each survivor at the start what may have to be disclosed."
        ),
        N_("The prosecutors’ disclosure duties to the defense, and how survivors are told about them."),
    ),
    P.system_based_advocacy: Clause(
        N_("System-based advocates"),
        N_(
            "Our advocates work inside a government agency and share its duties to disclose, so they cannot offer the"
            " confidentiality a community-based advocate may have; they tell each survivor so at the first meeting "
            "and offer a community-based advocate."
        ),
        N_(
            "The advocates of these members work inside a government agency, so they share its duties to disclose and"
            " cannot offer the confidentiality or privilege a community-based advocate may have. They tell each "
            "survivor at the first meeting what they may have to pass on, and offer to connect the survivor with a "
            "community-based advocate."
        ),
        N_("What the agency’s advocates must pass on to investigators or prosecutors."),
    ),
    P.corrections: Clause(
        N_("Custody and detention under PREA"),
        N_(
            "When a possible victim is in our custody, the Prison Rape Elimination Act (PREA) standards require our "
            "staff to report any sexual abuse or harassment in custody, and we tell the person so before they share."
        ),
        N_(
            "When a possible victim is in their custody, the standards under the Prison Rape Elimination Act (PREA) "
            "apply: their staff must report any sexual abuse or sexual harassment in custody that they learn of, and "
            "it is investigated. Staff tell the person this before they share."
        ),
        N_("The member’s PREA reporting policy and what it shares with outside advocates."),
    ),
    P.mandated_reporter: Clause(
        N_("Mandated reporters"),
        N_(
            "Our staff are mandated reporters of suspected child abuse and of any other harm state law names, and "
            "they say so before a survivor shares anything that could lead to a report."
        ),
        N_(
            "The staff of these members are mandated reporters: they must report suspected abuse or neglect of a "
            "child, and any other harm that state law names. They say so before a survivor shares anything that could"
            " lead to a report, so the survivor can choose what to share."
        ),
        N_("Which of the member’s staff are mandated reporters under state law, and of what."),
    ),
    P.public_body: Clause(
        N_("Public bodies"),
        N_(
            "As a public body, what we sign may be released under public-records law, so it carries no survivor’s "
            "information and names survivor leaders only as they choose."
        ),
        N_(
            "These members are public bodies: they may have to release what they sign with the Partnership, and other"
            " records of their work with it, under public-records law. They keep survivors’ information out of what "
            "they sign, and survivor leaders are named in it only as they choose to be named."
        ),
    ),
}

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
    "CLAUSES",
    "COMPELLED",
    "IMMIGRATION_STATUS",
    "MINORS",
    "MINORS_OWN",
    "Clause",
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
