"""Fixed text blocks, in our own words: level descriptions, the trauma-informed approach, standard
definitions and the names of confidentiality laws. Documents share them so they never drift apart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.contexts.wording import sentence
from schemas.governance import Definition
from schemas.vocabulary import ConfidentialityLaw, DecisionMethod, Level, MembershipClass, PrinciplesPhrasing

# Sources order the levels differently, so each is described and never ranked.
LEVEL_DESCRIPTIONS: dict[Level, str] = {
    Level.networking: "the organizations exchange information for mutual benefit while each works on its own",
    Level.coordination: "the organizations exchange information and adjust what they do so their work fits together",
    Level.cooperation: "the organizations exchange information, adjust their activities and share resources, such "
    "as referring people to one another, toward a common purpose",
    Level.collaboration: "the organizations work jointly toward shared goals, sharing resources, risks, "
    "responsibilities and credit, and helping one another grow stronger",
    Level.multisector_collaboration: "organizations from several sectors work jointly toward shared goals, sharing "
    "resources, decisions, responsibilities and credit",
}

# Citations only where they are settled federal law; a state statute comes from counsel, through the YAML.
LAW_NAMES: dict[ConfidentialityLaw, str] = {
    ConfidentialityLaw.vawa: "Violence Against Women Act (VAWA) confidentiality provisions, 34 U.S.C. 12291(b)(2)",
    ConfidentialityLaw.voca: "Victims of Crime Act (VOCA) victim assistance confidentiality rule, 28 C.F.R. 94.115",
    ConfidentialityLaw.hipaa: "Health Insurance Portability and Accountability Act (HIPAA)",
    ConfidentialityLaw.prea: "Prison Rape Elimination Act (PREA)",
    ConfidentialityLaw.ferpa: "Family Educational Rights and Privacy Act (FERPA)",
}

DECISION_METHODS: dict[DecisionMethod, str] = {
    DecisionMethod.hierarchical: "Decisions follow a hierarchical model: each Party decides the matters within "
    "its own authority through its own chain of command.",
    DecisionMethod.representative: "Decisions follow a representative model: representatives chosen by the "
    "Parties decide on behalf of the Partnership.",
    DecisionMethod.consensus: "The Partnership decides by consensus: it looks for a decision that every voting "
    "member can support.",
}


@dataclass(frozen=True)
class Principle:
    name: str
    explanation: str


FOUR_RS: tuple[Principle, ...] = (
    Principle("Realize", "understand how widely trauma affects people, and that recovery is possible."),
    Principle("Recognize", "notice the signs of trauma in survivors, their families and staff."),
    Principle("Respond", "build what is known about trauma into policies, procedures and everyday practice."),
    Principle("Resist re-traumatization", "avoid practices that could cause further harm."),
)

_SIX_PRINCIPLES: dict[PrinciplesPhrasing, tuple[Principle, ...]] = {
    PrinciplesPhrasing.lcht: (
        Principle("Safety", "survivors and staff feel physically and emotionally safe."),
        Principle("Trustworthiness and transparency", "decisions are made openly, so trust can grow."),
        Principle("Survivor (peer) support", "people with lived experience support one another."),
        Principle("Collaboration and mutuality", "power is shared, and everyone has a part to play."),
        Principle("Empowerment, voice and choice", "survivors make their own choices and build on their strengths."),
        Principle(
            "Cultural, historical and gender issues",
            "services respond to each person’s culture, history and gender, and work against bias.",
        ),
    ),
    PrinciplesPhrasing.futures: (
        Principle("Physical and psychological safety", "survivors and staff feel safe in body and mind."),
        Principle("Trust through transparency", "decisions and their reasons are shared openly."),
        Principle("Peer support and mentorship", "people with lived experience support and guide one another."),
        Principle("A collaborative environment", "power is shared, and everyone has a part to play."),
        Principle("Empowerment, voice and choice", "survivors make their own choices and build on their strengths."),
        Principle(
            "Acknowledging histories of oppression and discrimination",
            "the work recognizes past and present harm and responds to it.",
        ),
    ),
}


def six_principles(phrasing: PrinciplesPhrasing) -> tuple[Principle, ...]:
    """The six trauma-informed principles in the wording the partnership chose (LCHT by default)."""
    return _SIX_PRINCIPLES[phrasing]


# --- Definitions -----------------------------------------------------------------


@dataclass(frozen=True)
class DefinedTerm:
    term: str
    meaning: str


# Terms every agreement relies on, keyed by lower-case term; a partnership's own definition of one wins.
_STANDARD_TERMS: dict[str, DefinedTerm] = {
    "survivor": DefinedTerm(
        "Survivor",
        "A person who has experienced sex or labor trafficking, whether or not they take part in a criminal "
        "case. Where a law or the justice process uses the word victim, it means the same person.",
    ),
    "pii": DefinedTerm(
        "PII",
        "Personally identifying information: any detail that identifies a survivor, or could identify them or "
        "reveal where they are when combined with other details, such as a name, address, phone number, e-mail "
        "address, date of birth, case number or photograph.",
    ),
    "referral": DefinedTerm(
        "Referral",
        "Connecting a survivor with a service of another Party, at the survivor’s request or with their agreement.",
    ),
    "release": DefinedTerm(
        "Release",
        "A survivor’s informed, written and time-limited permission for a Party to share specific information "
        "with a named recipient for a stated purpose.",
    ),
}
_TERM_ALIASES = {
    "victim": "survivor",
    "personally identifying information": "pii",
    "personally identifiable information": "pii",
    "release of information": "release",
}


def definitions(own: Iterable[Definition]) -> tuple[DefinedTerm, ...]:
    """The standard terms (in the partnership's own wording when it has one), then its other terms."""
    own_terms: dict[str, DefinedTerm] = {}
    for d in own:
        key = d.term.strip().lower()
        own_terms[_TERM_ALIASES.get(key, key)] = DefinedTerm(d.term, sentence(d.meaning))
    standard = [own_terms.pop(key, term) for key, term in _STANDARD_TERMS.items()]
    return (*standard, *own_terms.values())


# --- Gradients of agreement (an 8-point scale for testing support for a proposal) ---------------


@dataclass(frozen=True)
class Gradient:
    point: int
    name: str
    meaning: str


GRADIENTS: tuple[Gradient, ...] = (
    Gradient(1, "Whole-hearted endorsement", "I fully support the proposal."),
    Gradient(2, "Agreement with a minor point", "I support it; one small detail could be better."),
    Gradient(3, "Support with reservations", "I can live with it, though I have doubts."),
    Gradient(4, "Abstain", "I have no opinion on this, or do not know enough to take one."),
    Gradient(5, "More discussion needed", "I do not understand it well enough yet, or we have not talked enough."),
    Gradient(6, "Don't like it, but will support it", "I disagree, but I will not stand in the way."),
    Gradient(7, "Serious disagreement", "I have a serious concern; please send it back for more work."),
    Gradient(8, "Veto or block", "I cannot accept this proposal and will explain why in writing."),
)


# --- Membership classes ----------------------------------------------------------------------------

# Each class as a label and what it means, worded two ways: for a partnership whose decision method counts
# votes, and for one that decides by agreement, where "casts one vote" would tell members something false.
_CLASSES_WITH_VOTES: dict[MembershipClass, tuple[str, str]] = {
    MembershipClass.voting: (
        MembershipClass.voting.label,
        "takes part in every decision and casts one vote for its organization",
    ),
    MembershipClass.non_voting: (
        MembershipClass.non_voting.label,
        "takes part in discussion and work, but does not vote",
    ),
    MembershipClass.affiliate: (
        MembershipClass.affiliate.label,
        "stays informed and joins activities that fit its work, without a vote",
    ),
    MembershipClass.resource_partner: (
        MembershipClass.resource_partner.label,
        "offers expertise or resources when asked, without a vote",
    ),
}
_CLASSES_WITHOUT_VOTES: dict[MembershipClass, tuple[str, str]] = {
    MembershipClass.voting: ("Full member", "takes part in every decision the members share"),
    MembershipClass.non_voting: ("Non-deciding member", "takes part in discussion and work, but not in decisions"),
    MembershipClass.affiliate: (
        MembershipClass.affiliate.label,
        "stays informed and joins activities that fit its work, without a part in decisions",
    ),
    MembershipClass.resource_partner: (
        MembershipClass.resource_partner.label,
        "offers expertise or resources when asked, without a part in decisions",
    ),
}


def membership_class_label(member_class: MembershipClass, votes: bool) -> str:
    """The class's name; `votes` says whether the partnership's decision method counts votes."""
    return (_CLASSES_WITH_VOTES if votes else _CLASSES_WITHOUT_VOTES)[member_class][0]


def membership_class_meaning(member_class: MembershipClass, votes: bool) -> str:
    """What belonging to the class means, as a predicate ("takes part in ..."), worded for the decision method."""
    return (_CLASSES_WITH_VOTES if votes else _CLASSES_WITHOUT_VOTES)[member_class][1]
