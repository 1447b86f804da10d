"""Controlled vocabularies from the partnership toolkits.

Each enum value is what a YAML file writes; ``label`` is how documents print it.
"""

from __future__ import annotations

from enum import StrEnum


class Vocabulary(StrEnum):
    """A StrEnum whose members print as a human label in documents."""

    @property
    def label(self) -> str:
        return _LABELS.get(self.value, self.value.replace("_", " ").capitalize())


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
    "multisector_collaboration": "Multisector collaboration",
    "primary_lead": "Primary lead organization",
    "co_leadership": "Co-leadership",
    "core_group": "Core group",
    "share_information_and_resources": "Share information and resources",
    "involve_businesses_and_community": "Involve businesses and the community",
    "immigration_enforcement": "Immigration enforcement",
    "labor_department": "Department of labor",
    "lgbtq_resources": "LGBTQ+ resources",
    "local_anti_trafficking_ngo": "Local anti-trafficking organization",
    "national_ngo": "National organization with a local presence",
    "native_and_indigenous": "Native and Indigenous organization",
    "parallel_movement": "Parallel movement",
    "survivor_led": "Survivor-led organization",
    "systems_based_advocates": "Systems-based advocates",
    "unions_and_trade_groups": "Unions and trade groups",
    "for_profit": "For-profit business",
    "non_voting": "Non-voting member",
    "voting": "Voting member",
    "affiliate": "Affiliate",
    "resource_partner": "Resource partner",
    "confidentiality_of_information": "Confidentiality of information",
    "vawa": "VAWA",
    "voca": "VOCA",
    "hipaa": "HIPAA",
    "prea": "PREA",
    "ferpa": "FERPA",
    "attorney_client_privilege": "Attorney-client privilege",
    "law_enforcement_need_to_know": "Law-enforcement need-to-know rules",
    "state_law": "State law",
    "mou": "Memorandum of Understanding",
    "moa": "Memorandum of Agreement",
    "non_binding": "Non-binding",
    "political_or_funding_shock": "Political, legal or funding shock",
    "loss_of_key_personnel": "Loss of key personnel",
    "natural_disaster": "Natural disaster or evacuation",
    "pandemic": "Pandemic or public-health emergency",
    "data_breach": "Data breach involving survivor information",
    "safety_threat": "Threat to the safety of a survivor or staff member",
    "human_trafficking_awareness_month": "National Human Trafficking Awareness Month (January)",
    "world_day_of_social_justice": "World Day of Social Justice (20 February)",
    "child_abuse_prevention_month": "Child Abuse Prevention Month (April)",
    "sexual_assault_awareness_month": "Sexual Assault Awareness Month (April)",
    "world_day_against_child_labour": "World Day Against Child Labour (12 June)",
    "world_day_against_trafficking_in_persons": "World Day Against Trafficking in Persons (30 July)",
    "international_day_of_the_girl_child": "International Day of the Girl Child (11 October)",
    "day_for_elimination_of_violence_against_women": (
        "International Day for the Elimination of Violence Against Women (25 November)"
    ),
    "giving_tuesday": "#GivingTuesday (the Tuesday after U.S. Thanksgiving)",
    "human_rights_day": "Human Rights Day (10 December)",
    "victim_services": "Victim-service provider bound by VAWA or VOCA confidentiality",
    "system_based_advocacy": "System-based advocacy (advocates inside a government agency)",
    "health_care": "Health care provider covered by HIPAA",
    "school": "School or college covered by FERPA",
    "legal_services": "Legal services (attorney-client privilege)",
    "corrections": "Corrections or detention (PREA)",
    "mandated_reporter": "Mandated reporter",
    "public_body": "Public body (signed documents are public records)",
    "community_partner": "Community partner without a special confidentiality law",
}
