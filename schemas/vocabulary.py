"""Controlled vocabularies from the partnership toolkits.

Each enum value is what a YAML file writes; ``label`` is how documents print it.
"""

from __future__ import annotations

from enum import StrEnum

from pipeline.i18n import N_, _  # light: the catalogs load only when a document in another language needs them


class Vocabulary(StrEnum):
    """A StrEnum whose members print as a human label in documents."""

    @property
    def label(self) -> str:
        """The value as documents print it, in the language of the document being written (English in lint
        messages and the reference docs, which are written outside any document)."""
        return _(_LABELS[self.value])


class Level(Vocabulary):
    """How closely the members work together (Community Tool Box terms).

    Sources order the levels differently, so documents describe the level and never rank it.
    """

    networking = "networking"
    coordination = "coordination"
    cooperation = "cooperation"
    collaboration = "collaboration"
    multisector_collaboration = "multisector_collaboration"


class Formality(Vocabulary):
    """Whether the partnership runs on documented agreements (formal) or on goodwill (informal)."""

    formal = "formal"
    informal = "informal"


class LegalStatus(Vocabulary):
    """The partnership's own legal standing."""

    unincorporated = "unincorporated"
    incorporated = "incorporated"
    fiscally_sponsored = "fiscally_sponsored"


class LeadershipModel(Vocabulary):
    """Who leads: one organization, two or three co-leads, or a small multisector core group."""

    primary_lead = "primary_lead"
    co_leadership = "co_leadership"
    core_group = "core_group"


class DecisionMethod(Vocabulary):
    """How the partnership reaches decisions."""

    hierarchical = "hierarchical"
    representative = "representative"
    consensus = "consensus"


class PartnershipFunction(Vocabulary):
    """What the partnership exists to do (LCHT toolkit)."""

    strategic_coordination = "strategic_coordination"
    operational_coordination = "operational_coordination"
    share_information_and_resources = "share_information_and_resources"
    raise_awareness = "raise_awareness"
    involve_businesses_and_community = "involve_businesses_and_community"
    prioritize_survivor_engagement = "prioritize_survivor_engagement"


class Sector(Vocabulary):
    """The field a member organization works in (LCHT sector list, plus workforce and education)."""

    child_welfare = "child_welfare"
    community_based_advocates = "community_based_advocates"
    direct_victim_services = "direct_victim_services"
    education = "education"
    first_responders = "first_responders"
    healthcare = "healthcare"
    immigration_enforcement = "immigration_enforcement"
    labor_department = "labor_department"
    law_enforcement = "law_enforcement"
    legal_assistance = "legal_assistance"
    lgbtq_resources = "lgbtq_resources"
    local_anti_trafficking_ngo = "local_anti_trafficking_ngo"
    local_legislators = "local_legislators"
    national_ngo = "national_ngo"
    native_and_indigenous = "native_and_indigenous"
    parallel_movement = "parallel_movement"
    probation = "probation"
    prosecution = "prosecution"
    survivor_advocates = "survivor_advocates"
    survivor_led = "survivor_led"
    systems_based_advocates = "systems_based_advocates"
    unions_and_trade_groups = "unions_and_trade_groups"
    workforce = "workforce"
    other = "other"


class OrganizationType(Vocabulary):
    """The legal form of a member organization."""

    nonprofit = "nonprofit"
    for_profit = "for_profit"
    local_government = "local_government"
    state_government = "state_government"
    federal_government = "federal_government"
    tribal_government = "tribal_government"
    academic = "academic"
    faith_based = "faith_based"
    community_group = "community_group"


class MembershipClass(Vocabulary):
    """A member's standing in decisions."""

    voting = "voting"
    non_voting = "non_voting"
    affiliate = "affiliate"
    resource_partner = "resource_partner"


class MemberStatus(Vocabulary):
    """Where a member is in its membership."""

    prospective = "prospective"
    pending = "pending"
    active = "active"
    interim = "interim"
    withdrawn = "withdrawn"
    merged = "merged"


class Visibility(Vocabulary):
    """The widest audience allowed to see a contact detail."""

    public = "public"
    members = "members"
    core_team = "core_team"
    withheld = "withheld"


class EmergencyPlanStatus(Vocabulary):
    """Whether a member has its own written emergency plan."""

    written_plan = "written_plan"
    business_continuity_only = "business_continuity_only"
    none = "none"


class ConfidentialityLaw(Vocabulary):
    """A confidentiality framework that binds one or more members."""

    confidentiality_of_information = "confidentiality_of_information"
    vawa = "vawa"
    voca = "voca"
    hipaa = "hipaa"
    prea = "prea"
    ferpa = "ferpa"
    attorney_client_privilege = "attorney_client_privilege"
    law_enforcement_need_to_know = "law_enforcement_need_to_know"
    state_law = "state_law"
    other = "other"


class LegalPosition(Vocabulary):
    """What the law lets a member promise about survivors' information, and what it makes the member disclose.

    Confidentiality wording in every document is chosen from these, member by member (docs/legal-positions.md).
    """

    victim_services = "victim_services"
    law_enforcement = "law_enforcement"
    prosecution = "prosecution"
    system_based_advocacy = "system_based_advocacy"
    child_welfare = "child_welfare"
    health_care = "health_care"
    school = "school"
    legal_services = "legal_services"
    corrections = "corrections"
    mandated_reporter = "mandated_reporter"
    public_body = "public_body"
    community_partner = "community_partner"


class FundingSourceType(Vocabulary):
    """Where money or in-kind support comes from (LCHT toolkit)."""

    government_grant = "government_grant"
    private_grant = "private_grant"
    corporate_grant = "corporate_grant"
    program_revenue = "program_revenue"
    in_kind = "in_kind"


class AgreementType(Vocabulary):
    """The written agreement that formalizes the partnership."""

    mou = "mou"
    moa = "moa"


class Renewal(Vocabulary):
    """What happens when the agreement's term ends."""

    automatic = "automatic"
    by_written_amendment = "by_written_amendment"
    none = "none"


class Binding(Vocabulary):
    """Whether the agreement is meant to create legal obligations."""

    non_binding = "non_binding"
    binding = "binding"


class Hazard(Vocabulary):
    """A disruption the emergency guide plans for."""

    pandemic = "pandemic"
    natural_disaster = "natural_disaster"
    loss_of_key_personnel = "loss_of_key_personnel"
    data_breach = "data_breach"
    safety_threat = "safety_threat"
    political_or_funding_shock = "political_or_funding_shock"
    other = "other"


class PrinciplesPhrasing(Vocabulary):
    """Which published wording of the six trauma-informed principles the documents use."""

    lcht = "lcht"
    futures = "futures"


class PartnershipStage(Vocabulary):
    """How mature the partnership is; it shapes how conflict is handled."""

    early = "early"
    mature = "mature"


class EvaluationDesign(Vocabulary):
    """How rigorous the evaluation is, in the partnership toolkit's terms."""

    basic = "basic"
    advanced = "advanced"


class DataType(Vocabulary):
    """The kind of data an evaluation collects."""

    quantitative = "quantitative"
    qualitative = "qualitative"


class AwarenessDay(Vocabulary):
    """Observances a partnership may use for joint outreach."""

    human_trafficking_awareness_month = "human_trafficking_awareness_month"
    world_day_of_social_justice = "world_day_of_social_justice"
    child_abuse_prevention_month = "child_abuse_prevention_month"
    sexual_assault_awareness_month = "sexual_assault_awareness_month"
    world_day_against_child_labour = "world_day_against_child_labour"
    world_day_against_trafficking_in_persons = "world_day_against_trafficking_in_persons"
    international_day_of_the_girl_child = "international_day_of_the_girl_child"
    day_for_elimination_of_violence_against_women = "day_for_elimination_of_violence_against_women"
    giving_tuesday = "giving_tuesday"
    human_rights_day = "human_rights_day"


_LABELS: dict[str, str] = {
    "mou": N_("Memorandum of Understanding"),
    "moa": N_("Memorandum of Agreement"),
    "human_trafficking_awareness_month": N_("National Human Trafficking Awareness Month (January)"),
    "world_day_of_social_justice": N_("World Day of Social Justice (20 February)"),
    "child_abuse_prevention_month": N_("Child Abuse Prevention Month (April)"),
    "sexual_assault_awareness_month": N_("Sexual Assault Awareness Month (April)"),
    "world_day_against_child_labour": N_("World Day Against Child Labour (12 June)"),
    "world_day_against_trafficking_in_persons": N_("World Day Against Trafficking in Persons (30 July)"),
    "international_day_of_the_girl_child": N_("International Day of the Girl Child (11 October)"),
    "day_for_elimination_of_violence_against_women": N_(
        "International Day for the Elimination of Violence Against Women (25 November)"
    ),
    "giving_tuesday": N_("#GivingTuesday (the Tuesday after U.S. Thanksgiving)"),
    "human_rights_day": N_("Human Rights Day (10 December)"),
    "non_binding": N_("Non-binding"),
    "binding": N_("Binding"),
    "confidentiality_of_information": N_("Confidentiality of information"),
    "vawa": N_("VAWA"),
    "voca": N_("VOCA"),
    "hipaa": N_("HIPAA"),
    "prea": N_("PREA"),
    "ferpa": N_("FERPA"),
    "attorney_client_privilege": N_("Attorney-client privilege"),
    "law_enforcement_need_to_know": N_("Law-enforcement need-to-know rules"),
    "state_law": N_("State law"),
    "other": N_("Other"),
    "quantitative": N_("Quantitative"),
    "qualitative": N_("Qualitative"),
    "hierarchical": N_("Hierarchical"),
    "representative": N_("Representative"),
    "consensus": N_("Consensus"),
    "written_plan": N_("Written plan"),
    "business_continuity_only": N_("Business continuity only"),
    "none": N_("None"),
    "basic": N_("Basic"),
    "advanced": N_("Advanced"),
    "formal": N_("Formal"),
    "informal": N_("Informal"),
    "government_grant": N_("Government grant"),
    "private_grant": N_("Private grant"),
    "corporate_grant": N_("Corporate grant"),
    "program_revenue": N_("Program revenue"),
    "in_kind": N_("In kind"),
    "pandemic": N_("Pandemic or public-health emergency"),
    "natural_disaster": N_("Natural disaster or evacuation"),
    "loss_of_key_personnel": N_("Loss of key personnel"),
    "data_breach": N_("Data breach involving survivor information"),
    "safety_threat": N_("Threat to the safety of a survivor or staff member"),
    "political_or_funding_shock": N_("Political, legal or funding shock"),
    "primary_lead": N_("Primary lead organization"),
    "co_leadership": N_("Co-leadership"),
    "core_group": N_("Core group"),
    "victim_services": N_("Victim-service provider bound by VAWA or VOCA confidentiality"),
    "law_enforcement": N_("Law enforcement"),
    "prosecution": N_("Prosecution"),
    "system_based_advocacy": N_("System-based advocacy (advocates inside a government agency)"),
    "child_welfare": N_("Child welfare"),
    "health_care": N_("Health care provider covered by HIPAA"),
    "school": N_("School or college covered by FERPA"),
    "legal_services": N_("Legal services (attorney-client privilege)"),
    "corrections": N_("Corrections or detention (PREA)"),
    "mandated_reporter": N_("Mandated reporter"),
    "public_body": N_("Public body (signed documents are public records)"),
    "community_partner": N_("Community partner without a special confidentiality law"),
    "unincorporated": N_("Unincorporated"),
    "incorporated": N_("Incorporated"),
    "fiscally_sponsored": N_("Fiscally sponsored"),
    "networking": N_("Networking"),
    "coordination": N_("Coordination"),
    "cooperation": N_("Cooperation"),
    "collaboration": N_("Collaboration"),
    "multisector_collaboration": N_("Multisector collaboration"),
    "prospective": N_("Prospective"),
    "pending": N_("Pending"),
    "active": N_("Active"),
    "interim": N_("Interim"),
    "withdrawn": N_("Withdrawn"),
    "merged": N_("Merged"),
    "voting": N_("Voting member"),
    "non_voting": N_("Non-voting member"),
    "affiliate": N_("Affiliate"),
    "resource_partner": N_("Resource partner"),
    "nonprofit": N_("Nonprofit"),
    "for_profit": N_("For-profit business"),
    "local_government": N_("Local government"),
    "state_government": N_("State government"),
    "federal_government": N_("Federal government"),
    "tribal_government": N_("Tribal government"),
    "academic": N_("Academic"),
    "faith_based": N_("Faith based"),
    "community_group": N_("Community group"),
    "strategic_coordination": N_("Strategic coordination"),
    "operational_coordination": N_("Operational coordination"),
    "share_information_and_resources": N_("Share information and resources"),
    "raise_awareness": N_("Raise awareness"),
    "involve_businesses_and_community": N_("Involve businesses and the community"),
    "prioritize_survivor_engagement": N_("Prioritize survivor engagement"),
    "early": N_("Early"),
    "mature": N_("Mature"),
    "lcht": N_("Lcht"),
    "futures": N_("Futures"),
    "automatic": N_("Automatic"),
    "by_written_amendment": N_("By written amendment"),
    "community_based_advocates": N_("Community based advocates"),
    "direct_victim_services": N_("Direct victim services"),
    "education": N_("Education"),
    "first_responders": N_("First responders"),
    "healthcare": N_("Healthcare"),
    "immigration_enforcement": N_("Immigration enforcement"),
    "labor_department": N_("Department of labor"),
    "legal_assistance": N_("Legal assistance"),
    "lgbtq_resources": N_("LGBTQ+ resources"),
    "local_anti_trafficking_ngo": N_("Local anti-trafficking organization"),
    "local_legislators": N_("Local legislators"),
    "national_ngo": N_("National organization with a local presence"),
    "native_and_indigenous": N_("Native and Indigenous organization"),
    "parallel_movement": N_("Parallel movement"),
    "probation": N_("Probation"),
    "survivor_advocates": N_("Survivor advocates"),
    "survivor_led": N_("Survivor-led organization"),
    "systems_based_advocates": N_("Systems-based advocates"),
    "unions_and_trade_groups": N_("Unions and trade groups"),
    "workforce": N_("Workforce"),
    "public": N_("Public"),
    "members": N_("Members"),
    "core_team": N_("Core team"),
    "withheld": N_("Withheld"),
}
"""How documents print each value, in English: the message catalog translates it (pipeline.i18n)."""
