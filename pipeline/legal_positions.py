"""What each member may promise about survivors' information, and what it must disclose.

A member's legal position decides the confidentiality wording of every document that binds it: a police
department cannot promise what a shelter promises. The YAML may state the positions (`legal_positions`);
otherwise they are worked out here from facts the file already holds. The guess only ever adds duties to
disclose (from the sector or the organization type), never the strict VAWA/VOCA promise: that one needs the
file to say the law binds the member, because promising more than the law allows is the dangerous error.
"""

from __future__ import annotations

from pipeline.i18n import _
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import ConfidentialityLaw, LegalPosition, OrganizationType, Sector

P = LegalPosition

BY_LAW: dict[ConfidentialityLaw, LegalPosition] = {
    ConfidentialityLaw.vawa: P.victim_services,
    ConfidentialityLaw.voca: P.victim_services,
    ConfidentialityLaw.hipaa: P.health_care,
    ConfidentialityLaw.ferpa: P.school,
    ConfidentialityLaw.prea: P.corrections,
    ConfidentialityLaw.attorney_client_privilege: P.legal_services,
}

# Sectors whose disclosure duties are safe to assume: assuming them narrows what the member promises.
BY_SECTOR: dict[Sector, tuple[LegalPosition, ...]] = {
    Sector.law_enforcement: (P.law_enforcement,),
    Sector.immigration_enforcement: (P.law_enforcement,),
    Sector.probation: (P.law_enforcement,),
    Sector.prosecution: (P.prosecution,),
    Sector.child_welfare: (P.child_welfare, P.mandated_reporter),
    Sector.healthcare: (P.health_care,),
    Sector.education: (P.school,),
    Sector.legal_assistance: (P.legal_services,),
}

GOVERNMENT = frozenset(
    {
        OrganizationType.local_government,
        OrganizationType.state_government,
        OrganizationType.federal_government,
        OrganizationType.tribal_government,
    }
)

# Sectors that often run victim services: whether VAWA or VOCA confidentiality binds them is a fact the
# file must state, because the promises differ so much.
_SERVICE_SECTORS = frozenset(
    {
        Sector.direct_victim_services,
        Sector.community_based_advocates,
        Sector.survivor_led,
        Sector.survivor_advocates,
        Sector.local_anti_trafficking_ngo,
        Sector.national_ngo,
        Sector.lgbtq_resources,
        Sector.native_and_indigenous,
    }
)

# Positions that say what a member may promise; the others (mandated reporter, public body) only add limits.
_CONFIDENTIALITY_POSITIONS = frozenset(set(LegalPosition) - {P.mandated_reporter, P.public_body})

# The order documents list positions in: the strictest promise first.
ORDER: tuple[LegalPosition, ...] = (
    P.victim_services,
    P.legal_services,
    P.health_care,
    P.school,
    P.community_partner,
    P.child_welfare,
    P.law_enforcement,
    P.prosecution,
    P.system_based_advocacy,
    P.corrections,
    P.mandated_reporter,
    P.public_body,
)


_CONSENT_LAWS = frozenset({ConfidentialityLaw.vawa, ConfidentialityLaw.voca})


def _laws_binding(partnership: Partnership, member: Member) -> set[ConfidentialityLaw]:
    """The laws the file says bind the member. A VAWA or VOCA entry that names no members is read as binding
    the victim-service members only: giving a police department that promise by default would be unsafe."""
    laws = set()
    for application in partnership.confidentiality.laws:
        if member.id in application.applies_to or (
            not application.applies_to and (application.law not in _CONSENT_LAWS or member.sector in _SERVICE_SECTORS)
        ):
            laws.add(application.law)
    return laws


def legal_positions(partnership: Partnership, member: Member) -> tuple[LegalPosition, ...]:
    """The member's positions, strictest promise first: as the YAML states them, or worked out from its facts."""
    # Every document asks again for every member: worked out once per partnership and member. Only the
    # last few partnerships are kept (a letter works on a dated copy), so a long build holds no old ones.
    entry = _CACHE.get(id(partnership))
    if entry is None or entry[0] is not partnership:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        entry = _CACHE[id(partnership)] = (partnership, {})
    found_before = entry[1].get(id(member))
    if found_before is not None and found_before[0] is member:
        return found_before[1]
    found = set(member.legal_positions) if member.legal_positions else _derived(partnership, member)
    positions = tuple(position for position in ORDER if position in found)
    entry[1][id(member)] = (member, positions)
    return positions


_CACHE: dict[int, tuple[Partnership, dict[int, tuple[Member, tuple[LegalPosition, ...]]]]] = {}


def _derived(partnership: Partnership, member: Member) -> set[LegalPosition]:
    laws = _laws_binding(partnership, member)
    found = {BY_LAW[law] for law in laws if law in BY_LAW}
    found.update(BY_SECTOR.get(member.sector, ()))
    if ConfidentialityLaw.law_enforcement_need_to_know in laws and member.sector is not Sector.prosecution:
        found.add(P.law_enforcement)
    if member.sector is Sector.systems_based_advocates and member.organization_type in GOVERNMENT:
        found.add(P.system_based_advocacy)
    if member.id in partnership.mandatory_reporting.mandated_reporters:
        found.add(P.mandated_reporter)
    if member.organization_type in GOVERNMENT:
        found.add(P.public_body)
    if not found & _CONFIDENTIALITY_POSITIONS:
        # Workforce boards, unions, and members whose position is unclear (lint says so): the plain promise,
        # consent or a legal duty, which over-promises for nobody.
        found.add(P.community_partner)
    return found


def unclear_position(partnership: Partnership, member: Member) -> str | None:
    """Why the wording for this member cannot be chosen safely from its facts (None when it can).

    In the language of the document being written: drafts print the reason in their counsel-review list. Lint
    asks outside any document, so its findings stay in English.
    """
    if member.legal_positions:
        return None
    found = _derived(partnership, member) - {P.community_partner}
    if member.sector is Sector.systems_based_advocates and P.system_based_advocacy not in found:
        # Translators: completes 'Legal position of <member>: …' in the list for counsel; 'it' is the member.
        return _(
            "it is a systems-based advocate, but the file does not say whether its advocates work inside a "
            "government agency (and share its duties to disclose)"
        )
    if not found & _CONFIDENTIALITY_POSITIONS:
        if member.sector in _SERVICE_SECTORS:
            # Translators: as above; keep confidentiality.laws and legal_positions: they are keys of the file.
            return _(
                "the file does not say whether VAWA or VOCA confidentiality binds it, so the documents give it "
                "only the general promise; list it under confidentiality.laws or give its legal_positions"
            )
        if member.sector is Sector.other:
            # Translators: as above; keep legal_positions: it is a key of the file.
            return _("its sector does not show what it may promise survivors; give its legal_positions")
    return None


def consent_laws(partnership: Partnership, member: Member) -> str:
    """'the confidentiality rules of VAWA' (or of VOCA, or both): the laws the file says bind the member, named
    truly; a member whose position is stated without a law is bound by 'victim-service confidentiality rules'."""
    laws = _laws_binding(partnership, member) & _CONSENT_LAWS
    if laws == _CONSENT_LAWS:
        vawa, voca = ConfidentialityLaw.vawa.label, ConfidentialityLaw.voca.label
        # Translators: completes a sentence such as '<member> is bound by …'; VAWA and VOCA are US laws' acronyms.
        return _("the confidentiality rules of {first} and {second}", first=vawa, second=voca)
    if laws:
        # Translators: completes a sentence such as '<member> is bound by …'; {law} is VAWA or VOCA (US laws).
        return _("the confidentiality rules of {law}", law=next(iter(laws)).label)
    # Translators: completes a sentence such as '<member> is bound by …'.
    return _("victim-service confidentiality rules")


def needs_public_copy(partnership: Partnership) -> bool:
    """A public body's signed MOU is a public record: when a signatory is named privately (a survivor leader),
    the partnership also gets a copy that a public-records request may release."""
    parties = partnership.current_members
    return any(P.public_body in legal_positions(partnership, m) for m in parties) and any(
        m.signatory and m.signatory.public_name for m in parties
    )


def binds_consent_rules(partnership: Partnership, member: Member) -> bool:
    """True when VAWA or VOCA confidentiality binds the member: survivor consent is then the only way to share."""
    return P.victim_services in legal_positions(partnership, member)


__all__ = [
    "BY_LAW",
    "BY_SECTOR",
    "GOVERNMENT",
    "ORDER",
    "binds_consent_rules",
    "consent_laws",
    "legal_positions",
    "needs_public_copy",
    "unclear_position",
]
