"""Fixed text blocks, in our own words: level descriptions, the trauma-informed approach, standard
definitions and the names of confidentiality laws. Documents share them so they never drift apart.

The constants hold the English messages (marked with N_ for the catalog); a document takes them through the
functions below (`level_description`, `law_name`, `four_rs`, ...), which translate them into the language of
the document being written. A constant read directly prints English in every language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.contexts.wording import sentence
from pipeline.i18n import N_, _
from schemas.governance import Definition
from schemas.vocabulary import ConfidentialityLaw, DecisionMethod, Level, MembershipClass, PrinciplesPhrasing

# Sources order the levels differently, so each is described and never ranked.
LEVEL_DESCRIPTIONS: dict[Level, str] = {
    Level.networking: N_("the organizations exchange information for mutual benefit while each works on its own"),
    Level.coordination: N_(
        "the organizations exchange information and adjust what they do so their work fits together"
    ),
    Level.cooperation: N_(
        "the organizations exchange information, adjust their activities and share resources, such "
        "as referring people to one another, toward a common purpose"
    ),
    Level.collaboration: N_(
        "the organizations work jointly toward shared goals, sharing resources, risks, "
        "responsibilities and credit, and helping one another grow stronger"
    ),
    Level.multisector_collaboration: N_(
        "organizations from several sectors work jointly toward shared goals, sharing "
        "resources, decisions, responsibilities and credit"
    ),
}

# Citations only where they are settled federal law; a state statute comes from counsel, through the YAML.
LAW_NAMES: dict[ConfidentialityLaw, str] = {
    ConfidentialityLaw.vawa: N_("Violence Against Women Act (VAWA) confidentiality provisions, 34 U.S.C. 12291(b)(2)"),
    ConfidentialityLaw.voca: N_("Victims of Crime Act (VOCA) victim assistance confidentiality rule, 28 C.F.R. 94.115"),
    ConfidentialityLaw.hipaa: N_("Health Insurance Portability and Accountability Act (HIPAA)"),
    ConfidentialityLaw.prea: N_("Prison Rape Elimination Act (PREA)"),
    ConfidentialityLaw.ferpa: N_("Family Educational Rights and Privacy Act (FERPA)"),
}

DECISION_METHODS: dict[DecisionMethod, str] = {
    DecisionMethod.hierarchical: N_(
        "Decisions follow a hierarchical model: each Party decides the matters within "
        "its own authority through its own chain of command."
    ),
    DecisionMethod.representative: N_(
        "Decisions follow a representative model: representatives chosen by the "
        "Parties decide on behalf of the Partnership."
    ),
    DecisionMethod.consensus: N_(
        "The Partnership decides by consensus: it looks for a decision that every voting member can support."
    ),
}


def level_description(level: Level) -> str:
    """What the level means, as the end of a sentence ('the organizations exchange information ...')."""
    return _(LEVEL_DESCRIPTIONS[level])


def law_name(law: ConfidentialityLaw) -> str:
    """The confidentiality law's name (and citation, where it is settled federal law)."""
    return _(LAW_NAMES[law]) if law in LAW_NAMES else law.label


def decision_method_statement(method: DecisionMethod) -> str:
    """The generic description of a decision method, as a sentence."""
    return _(DECISION_METHODS[method])


@dataclass(frozen=True)
class Principle:
    name: str
    explanation: str


FOUR_RS: tuple[Principle, ...] = (
    Principle(N_("Realize"), N_("understand how widely trauma affects people, and that recovery is possible.")),
    Principle(N_("Recognize"), N_("notice the signs of trauma in survivors, their families and staff.")),
    Principle(N_("Respond"), N_("build what is known about trauma into policies, procedures and everyday practice.")),
    Principle(N_("Resist re-traumatization"), N_("avoid practices that could cause further harm.")),
)

_SIX_PRINCIPLES: dict[PrinciplesPhrasing, tuple[Principle, ...]] = {
    PrinciplesPhrasing.lcht: (
        Principle(N_("Safety"), N_("survivors and staff feel physically and emotionally safe.")),
        Principle(N_("Trustworthiness and transparency"), N_("decisions are made openly, so trust can grow.")),
        Principle(N_("Survivor (peer) support"), N_("people with lived experience support one another.")),
        Principle(N_("Collaboration and mutuality"), N_("power is shared, and everyone has a part to play.")),
        Principle(
            N_("Empowerment, voice and choice"), N_("survivors make their own choices and build on their strengths.")
        ),
        Principle(
            N_("Cultural, historical and gender issues"),
            N_("services respond to each person’s culture, history and gender, and work against bias."),
        ),
    ),
    PrinciplesPhrasing.futures: (
        Principle(N_("Physical and psychological safety"), N_("survivors and staff feel safe in body and mind.")),
        Principle(N_("Trust through transparency"), N_("decisions and their reasons are shared openly.")),
        Principle(N_("Peer support and mentorship"), N_("people with lived experience support and guide one another.")),
        Principle(N_("A collaborative environment"), N_("power is shared, and everyone has a part to play.")),
        Principle(
            N_("Empowerment, voice and choice"), N_("survivors make their own choices and build on their strengths.")
        ),
        Principle(
            N_("Acknowledging histories of oppression and discrimination"),
            N_("the work recognizes past and present harm and responds to it."),
        ),
    ),
}


def _translated(principles: Iterable[Principle]) -> tuple[Principle, ...]:
    return tuple(Principle(_(p.name), _(p.explanation)) for p in principles)


def four_rs() -> tuple[Principle, ...]:
    """The four Rs of a trauma-informed approach, in the document's language."""
    return _translated(FOUR_RS)


def six_principles(phrasing: PrinciplesPhrasing) -> tuple[Principle, ...]:
    """The six trauma-informed principles in the wording the partnership chose (LCHT by default)."""
    return _translated(_SIX_PRINCIPLES[phrasing])


# --- Definitions -----------------------------------------------------------------


@dataclass(frozen=True)
class DefinedTerm:
    term: str
    meaning: str


# Terms every agreement relies on, keyed by lower-case term; a partnership's own definition of one wins.
_STANDARD_TERMS: dict[str, DefinedTerm] = {
    "survivor": DefinedTerm(
        N_("Survivor"),
        N_(
            "A person who has experienced sex or labor trafficking, whether or not they take part in a criminal "
            "case. Where a law or the justice process uses the word victim, it means the same person."
        ),
    ),
    "pii": DefinedTerm(
        N_("PII"),
        N_(
            "Personally identifying information: any detail that identifies a survivor, or could identify them or "
            "reveal where they are when combined with other details, such as a name, address, phone number, e-mail "
            "address, date of birth, case number or photograph."
        ),
    ),
    "referral": DefinedTerm(
        N_("Referral"),
        N_("Connecting a survivor with a service of another Party, at the survivor’s request or with their agreement."),
    ),
    "release": DefinedTerm(
        N_("Release"),
        N_(
            "A survivor’s informed, written and time-limited permission for a Party to share specific information "
            "with a named recipient for a stated purpose."
        ),
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
    translated = {key: DefinedTerm(_(term.term), _(term.meaning)) for key, term in _STANDARD_TERMS.items()}
    # A partnership writing in another language names the standard terms in that language ('Sobreviviente').
    by_name = {term.term.lower(): key for key, term in translated.items()}
    own_terms: dict[str, DefinedTerm] = {}
    for d in own:
        key = d.term.strip().lower()
        own_terms[_TERM_ALIASES.get(key, by_name.get(key, key))] = DefinedTerm(d.term, sentence(d.meaning))
    standard = [own_terms.pop(key, term) for key, term in translated.items()]
    return (*standard, *own_terms.values())


# --- Gradients of agreement (an 8-point scale for testing support for a proposal) ---------------


@dataclass(frozen=True)
class Gradient:
    point: int
    name: str
    meaning: str


GRADIENTS: tuple[Gradient, ...] = (
    Gradient(1, N_("Whole-hearted endorsement"), N_("I fully support the proposal.")),
    Gradient(2, N_("Agreement with a minor point"), N_("I support it; one small detail could be better.")),
    Gradient(3, N_("Support with reservations"), N_("I can live with it, though I have doubts.")),
    Gradient(4, N_("Abstain"), N_("I have no opinion on this, or do not know enough to take one.")),
    Gradient(
        5, N_("More discussion needed"), N_("I do not understand it well enough yet, or we have not talked enough.")
    ),
    Gradient(6, N_("Don't like it, but will support it"), N_("I disagree, but I will not stand in the way.")),
    Gradient(7, N_("Serious disagreement"), N_("I have a serious concern; please send it back for more work.")),
    Gradient(8, N_("Veto or block"), N_("I cannot accept this proposal and will explain why in writing.")),
)


def gradients() -> tuple[Gradient, ...]:
    """The eight gradients of agreement, in the document's language."""
    return tuple(Gradient(g.point, _(g.name), _(g.meaning)) for g in GRADIENTS)


# --- Membership classes ----------------------------------------------------------------------------

# Each class as a label and what it means, worded two ways: for a partnership whose decision method counts
# votes, and for one that decides by agreement, where "casts one vote" would tell members something false.
# A label of None is the class's own label (schemas.vocabulary), read when a document is written.
_CLASSES_WITH_VOTES: dict[MembershipClass, tuple[str | None, str]] = {
    MembershipClass.voting: (None, N_("takes part in every decision and casts one vote for its organization")),
    MembershipClass.non_voting: (None, N_("takes part in discussion and work, but does not vote")),
    MembershipClass.affiliate: (None, N_("stays informed and joins activities that fit its work, without a vote")),
    MembershipClass.resource_partner: (None, N_("offers expertise or resources when asked, without a vote")),
}
_CLASSES_WITHOUT_VOTES: dict[MembershipClass, tuple[str | None, str]] = {
    MembershipClass.voting: (N_("Full member"), N_("takes part in every decision the members share")),
    MembershipClass.non_voting: (
        N_("Non-deciding member"),
        N_("takes part in discussion and work, but not in decisions"),
    ),
    MembershipClass.affiliate: (
        None,
        N_("stays informed and joins activities that fit its work, without a part in decisions"),
    ),
    MembershipClass.resource_partner: (
        None,
        N_("offers expertise or resources when asked, without a part in decisions"),
    ),
}


def membership_class_label(member_class: MembershipClass, votes: bool) -> str:
    """The class's name; `votes` says whether the partnership's decision method counts votes."""
    label = (_CLASSES_WITH_VOTES if votes else _CLASSES_WITHOUT_VOTES)[member_class][0]
    return _(label) if label else member_class.label


def membership_class_meaning(member_class: MembershipClass, votes: bool) -> str:
    """What belonging to the class means, as a predicate ("takes part in ..."), worded for the decision method."""
    return _((_CLASSES_WITH_VOTES if votes else _CLASSES_WITHOUT_VOTES)[member_class][1])
