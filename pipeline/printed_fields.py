"""Which document kinds print each free-text field of a partnership file.

Lint needs this to tell whether a value that names a document ('this guide') prints only in that
document, and whether a note that speaks to the file's editors would reach a reader. Fields are given as
their path in the file with '*' for a list index. A field not listed may print in any kind (names, titles,
e-mail addresses and a few others do), so lint treats it as printing everywhere.

The table was read off the documents the three examples produce; tests/test_free_text.py checks, for every
example value, that each kind printing it is listed here, so the table cannot fall behind a context builder.
"""

from __future__ import annotations

from pipeline.load import Location

MOU = "mou"
LETTER = "letter-of-intent"
CHARTER = "governance-charter"
GUIDE = "emergency-response-guide"
PACKET = "onboarding-packet"
SUBGRANT = "subgrant-agreement"
EVALUATION = "evaluation-plan"
ALL_KINDS = frozenset({MOU, LETTER, CHARTER, GUIDE, PACKET, SUBGRANT, EVALUATION})
SIGNED = frozenset({MOU, LETTER, CHARTER, SUBGRANT})
"""Kinds that members sign or adopt: a note for the file's editors is worst there."""

DOCUMENT_NAMES = {
    MOU: "the MOU",
    LETTER: "the letters of intent",
    CHARTER: "the charter",
    GUIDE: "the Emergency Guide",
    PACKET: "the onboarding packet",
    EVALUATION: "the evaluation plan",
}
"""How a message, or another document, names each kind."""

PRINTS_IN: dict[str, frozenset[str]] = {
    key: frozenset(kinds)
    for key, kinds in {
        "agreement.amendment": {MOU},
        "agreement.notice_to": {MOU},
        "agreement.on_withdrawal": {MOU},
        "agreement.review": {MOU},
        "background": {MOU},
        "charter.adoption_vote": {CHARTER},
        "charter.amendment": {MOU, CHARTER},
        "charter.amendment_notice": {CHARTER},
        "charter.authority": {CHARTER},
        "charter.dissolution": {CHARTER, GUIDE},
        "charter.languages.*": {CHARTER},
        "charter.review": {CHARTER},
        "committees.*.chair_note": {MOU, CHARTER, PACKET},
        "committees.*.charge": {MOU, CHARTER, PACKET},
        "committees.*.meets": {MOU, CHARTER, PACKET},
        "confidentiality.law_enforcement_sharing": {MOU, PACKET},
        "confidentiality.laws.*.note": {MOU, PACKET},
        "confidentiality.release.scope": {MOU, PACKET},
        "confidentiality.retention": {MOU, PACKET},
        "confidentiality.sharing_rules.*": {MOU, CHARTER, PACKET},
        "conflict_resolution.formal": {MOU, CHARTER},
        "conflict_resolution.informal": {MOU, CHARTER},
        "conflict_resolution.mediation": {MOU, CHARTER},
        "decision_making.block_rule": {MOU, CHARTER, PACKET},
        "decision_making.escalation": {MOU, CHARTER, PACKET},
        "decision_making.fallback": {MOU, CHARTER, PACKET},
        "decision_making.passing_rule": {MOU, CHARTER, PACKET},
        "decision_making.quorum": {MOU, CHARTER, PACKET},
        "decision_making.reserved_matters.*": {MOU, CHARTER, PACKET},
        "decision_making.summary": {MOU, CHARTER, PACKET},
        "decision_making.votes": {MOU, CHARTER, PACKET},
        "definitions.*.term": {MOU, PACKET},
        "emergency.activation": {GUIDE, PACKET},
        "emergency.after_action": {GUIDE},
        "emergency.alternate_meeting": {GUIDE},
        "emergency.channels.*.name": {CHARTER, GUIDE, PACKET},
        "emergency.channels.*.use": {GUIDE, PACKET},
        "emergency.deactivation": {GUIDE, PACKET},
        "emergency.delegation": {GUIDE},
        "emergency.essential_functions.*": {MOU, CHARTER, GUIDE},
        "emergency.essential_records": {GUIDE},
        "emergency.exercises.*": {GUIDE},
        "emergency.scenarios.*.recovery": {GUIDE},
        "emergency.scenarios.*.steps.*": {MOU, GUIDE, PACKET},
        "emergency.scenarios.*.survivor_safety.*": {GUIDE},
        "emergency.scenarios.*.title": {GUIDE},
        "emergency.scenarios.*.triggers.*": {GUIDE},
        "emergency.succession.*.order.*.position": {MOU, CHARTER, GUIDE, PACKET},
        "emergency.succession.*.role": {GUIDE},
        "emergency.wellbeing": {GUIDE},
        "evaluation.data_collection.*.data": {CHARTER, EVALUATION},
        "evaluation.data_collection.*.method": {CHARTER, EVALUATION},
        "evaluation.data_sources.*": {CHARTER, EVALUATION},
        "evaluation.data_to_action": {CHARTER, EVALUATION},
        "evaluation.design_note": {CHARTER, EVALUATION},
        "evaluation.involvement": {CHARTER, EVALUATION},
        "evaluation.limitations": {EVALUATION},
        "evaluation.logic_model.activities.*": {CHARTER, GUIDE, EVALUATION},
        "evaluation.logic_model.external_factors.*": {CHARTER, EVALUATION},
        "evaluation.logic_model.inputs.*": {MOU, LETTER, CHARTER, EVALUATION},
        "evaluation.logic_model.outcomes.*": {CHARTER, EVALUATION},
        "evaluation.logic_model.outputs.*": {MOU, CHARTER, EVALUATION},
        "evaluation.logic_model.purpose": {CHARTER, EVALUATION},
        "evaluation.metrics.*.name": {MOU, CHARTER, EVALUATION},
        "evaluation.metrics.*.outcome": {EVALUATION},
        "evaluation.metrics.*.target": {CHARTER, EVALUATION},
        "evaluation.outside_help": {CHARTER, EVALUATION},
        "evaluation.purpose": {EVALUATION},
        "evaluation.questions.*.goal": {CHARTER, EVALUATION},
        "evaluation.questions.*.question": {CHARTER, EVALUATION},
        "evaluation.questions.*.why": {CHARTER, EVALUATION},
        "evaluation.reporting": {CHARTER, EVALUATION},
        "evaluation.timeframes": {CHARTER, EVALUATION},
        "formality_note": {MOU, CHARTER, PACKET},
        "funding.grants.*.letter_of_intent.addressee": {MOU, LETTER, CHARTER, PACKET},
        "funding.grants.*.target_population": {LETTER, PACKET},
        "funding.sources.*.description": {CHARTER, PACKET},
        "funding.subgrants.*.agreement_reference": {MOU, LETTER, SUBGRANT},
        "funding.subgrants.*.amount": {MOU, LETTER, CHARTER, SUBGRANT},
        "funding.subgrants.*.purpose": {MOU, LETTER, CHARTER, PACKET, SUBGRANT},
        "funding.summary": {CHARTER, PACKET},
        "goals.*.description": {MOU, CHARTER},
        "goals.*.name": {MOU, CHARTER, EVALUATION},
        "goals.*.outcome": {MOU, CHARTER, EVALUATION},
        "history.*.event": {MOU, PACKET},
        "leadership.conflict_duty": {MOU, CHARTER},
        "leadership.coordinator.duties.*": {CHARTER, PACKET},
        "leadership.coordinator.funded_by": {MOU, CHARTER},
        "leadership.removal": {CHARTER},
        "leadership.selection": {MOU, CHARTER, PACKET},
        "leadership.term": {CHARTER, PACKET},
        "leadership.vacancies": {MOU, CHARTER, PACKET},
        "level_note": {MOU, CHARTER, PACKET},
        "mandatory_reporting.adults": {MOU, PACKET},
        "mandatory_reporting.disclosure": {MOU, PACKET},
        "mandatory_reporting.minors": {MOU, PACKET},
        "media.approval": {MOU, CHARTER, GUIDE, PACKET},
        "media.rules.*": {MOU, CHARTER, PACKET},
        "media.spokespeople.*.role": {MOU, CHARTER, GUIDE, PACKET},
        "media.spokespeople.*.topics": {MOU, CHARTER, GUIDE, PACKET},
        "meetings.agenda_notice": {CHARTER, PACKET},
        "meetings.ground_rules.*": {CHARTER, PACKET},
        "meetings.information_distribution": {CHARTER, PACKET},
        "meetings.interpretation": {MOU, CHARTER, GUIDE, PACKET},
        "meetings.minutes": {CHARTER, PACKET},
        "meetings.recording": {CHARTER, PACKET},
        "meetings.regular.*.format": {MOU, CHARTER, PACKET},
        "meetings.regular.*.schedule": {MOU, CHARTER, PACKET},
        "members.*.commitments.*.description": {MOU, LETTER, CHARTER, PACKET},
        "members.*.contacts.backup.email": {MOU, CHARTER, GUIDE, PACKET},
        "members.*.contacts.former.*.note": {MOU, CHARTER, PACKET},
        "members.*.contacts.primary.email": {MOU, CHARTER, GUIDE, PACKET},
        "members.*.crisis_line_name": {MOU, LETTER, GUIDE, PACKET},
        "members.*.crisis_line_use": {GUIDE, PACKET},
        "members.*.description": {MOU, LETTER},
        "members.*.emergency_plan.note": {GUIDE},
        "members.*.mailing_address.*": {MOU, LETTER},
        "members.*.sector_detail": {MOU, LETTER},
        "members.*.services.*": {MOU, LETTER, CHARTER, PACKET},
        "members.*.signatory.title": {MOU, LETTER, CHARTER, GUIDE},
        "members.*.withdrawal.handover": {CHARTER},
        "members.*.withdrawal.reason": {CHARTER},
        "members.*.merger.note": {CHARTER},
        "membership.admission": {MOU, CHARTER, PACKET},
        "membership.eligibility": {CHARTER},
        "membership.expectations.*": {CHARTER, PACKET},
        "membership.removal": {CHARTER, PACKET},
        "membership.representatives": {CHARTER, PACKET},
        "membership.resignation": {CHARTER, PACKET},
        "membership.time_commitment": {CHARTER, PACKET},
        "mission": {MOU, CHARTER, PACKET, EVALUATION},
        "onboarding.contribute_in_kind": {PACKET},
        "onboarding.first_90_days.*": {MOU, LETTER, CHARTER, PACKET},
        "onboarding.mentor": {PACKET},
        "onboarding.priorities.*": {PACKET},
        "onboarding.recent_decisions.*": {MOU, PACKET},
        "onboarding.welcome": {PACKET},
        "other_observances.*.name": {CHARTER, PACKET},
        "other_observances.*.when": {CHARTER, PACKET},
        "populations.*": {LETTER, PACKET},
        "purpose": {MOU, CHARTER, PACKET},
        "referral_protocol.steps.*": {MOU, PACKET},
        "referral_protocol.summary": {MOU, PACKET},
        "shared_platform.access_removal": {MOU, CHARTER, GUIDE, PACKET},
        "shared_platform.contents": {CHARTER, GUIDE, PACKET},
        "shared_platform.name": {MOU, CHARTER, GUIDE, PACKET},
        "survivor_engagement.advisory_board.meets": {CHARTER, PACKET},
        "survivor_engagement.advisory_board.role": {CHARTER, PACKET},
        "survivor_engagement.advisory_board.seats_and_votes": {MOU, CHARTER, PACKET},
        "survivor_engagement.approach": {MOU, CHARTER, PACKET},
        "survivor_engagement.compensation": {MOU, CHARTER, PACKET},
        "survivor_engagement.feedback": {MOU, CHARTER, PACKET},
        "survivor_engagement.naming": {MOU, CHARTER, PACKET},
        "survivor_engagement.safety": {MOU, CHARTER, PACKET},
        "survivor_engagement.storytelling": {MOU, CHARTER, PACKET},
        "trauma_informed.commitments.*": {MOU, CHARTER, PACKET},
        "trauma_informed.trainings.*.audience": {MOU, CHARTER, PACKET},
        "trauma_informed.trainings.*.frequency": {MOU, CHARTER, PACKET},
        "trauma_informed.trainings.*.topic": {MOU, CHARTER, PACKET},
        "values.*": {MOU, CHARTER, PACKET},
        "vision": {MOU, CHARTER, PACKET},
    }.items()
}


def field_pattern(location: Location) -> str:
    """('members', 2, 'services', 0) -> 'members.*.services.*'."""
    return ".".join("*" if isinstance(part, int) else str(part) for part in location)


def prints_in(location: Location) -> frozenset[str]:
    """The document kinds that may print the value at this location (every kind when not known)."""
    return PRINTS_IN.get(field_pattern(location), ALL_KINDS)
