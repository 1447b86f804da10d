"""The fixed texts of the emergency guide's playbooks: what each hazard means, the standing rules for data
breaches and threats, and a general playbook for each standard hazard (pipeline.contexts.emergency_playbooks
puts them together).

Every text is a message in English, the catalog's source, marked with N_ and translated where a playbook is
made, in the language of the document being written: never here, at import.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.i18n import N_
from schemas.vocabulary import Hazard

HAZARD_DESCRIPTIONS: dict[Hazard, str] = {
    Hazard.pandemic: N_(
        "a disease outbreak or public-health order that closes offices, limits meetings or keeps many staff at home."
    ),
    Hazard.natural_disaster: N_(
        "a flood, fire, storm or other disaster that damages sites, cuts roads, power or phone lines, or forces "
        "people to leave their homes."
    ),
    Hazard.loss_of_key_personnel: N_(
        "a leader, coordinator or primary contact who leaves suddenly or cannot act, or a member organization that "
        "can no longer do its part."
    ),
    Hazard.data_breach: N_(
        "survivor information seen, copied, lost or taken by someone who is not allowed to have it."
    ),
    Hazard.safety_threat: N_(
        "a threat to the safety of a survivor, a staff member or a volunteer, made in person, by phone or online."
    ),
    Hazard.political_or_funding_shock: N_(
        "a change in law, policy or enforcement, or the loss of a grant or funder, that puts services or "
        "survivors’ trust at risk."
    ),
    Hazard.other: N_("another emergency the partnership has planned for (see its playbook in section 7)."),
}
"""What each hazard means, in English (the catalog's source): print `_(HAZARD_DESCRIPTIONS[hazard])`."""

HAZARD_NAMES: dict[Hazard, str] = {
    Hazard.pandemic: N_("Pandemic or public-health emergency"),
    Hazard.natural_disaster: N_("Natural disaster or evacuation"),
    Hazard.loss_of_key_personnel: N_("Loss of key personnel"),
    Hazard.data_breach: N_("Data breach involving survivor information"),
    Hazard.safety_threat: N_("Threat to the safety of a survivor or staff member"),
    Hazard.political_or_funding_shock: N_("Political, legal or funding shock"),
}
"""The hazards' names as documents print them (their `label`, which is English only), for the catalog."""

BREACH_RULES = (
    N_("Contain the breach first: cut off access and secure what remains before doing anything else."),
    N_(
        "Assess each affected survivor’s safety before anyone is notified, so that the notice itself does not "
        "put them at risk."
    ),
    N_(
        "Reach survivors only through the safe contact methods they chose, never through a channel the person "
        "who harmed them could see."
    ),
    N_("Find and fix the cause, and write down what was changed."),
)

THREAT_RULES = (
    N_("If anyone is in immediate danger, call 911 first."),
    N_(
        "Share information about the threat only with the people who need it to keep someone safe, and only as "
        "much as they need."
    ),
    N_(
        "Duty to warn: when someone seriously threatens an identifiable person, some professionals may have a "
        "legal duty to warn or protect that person. Each member asks its own counsel what applies to its staff."
    ),
)

DEFAULT_RECOVERY = N_(
    "Normal operations resume when the leaders end activation (section 1) and the partnership moves to "
    "reconstitution and an after-action review (section 11)."
)


@dataclass(frozen=True)
class General:
    title: str
    triggers: tuple[str, ...]
    steps: tuple[str, ...]
    """'{leaders}' stands for who leads the partnership, e.g. 'the co-lead agencies (A and B)'. Every text is a
    message in English (N_), translated where a playbook is made."""
    partners: str
    survivor_safety: tuple[str, ...]
    recovery: str


GENERAL: dict[Hazard, General] = {
    Hazard.pandemic: General(
        title=N_("Pandemic or public-health emergency"),
        triggers=(
            N_("Public-health authorities limit gatherings, close offices or ask people to stay home."),
            N_("Illness keeps many staff of one or more members away from work."),
        ),
        steps=(
            # Translators: {leaders}: who leads, with its article ('the core group', 'the co-lead agencies (A and B)').
            N_(
                "Each member tells {leaders} which of its services stay open and how survivors can reach them; the "
                "list goes to every member."
            ),
            N_(
                "Meetings and case discussions move to phone or secure video. Nobody is asked to attend in person "
                "while ill or at high risk."
            ),
            N_("Each member checks that its backup contact can work from elsewhere and reach the records they need."),
            N_(
                "Referrals continue by phone or video, with releases signed remotely where the member’s own rules "
                "allow it."
            ),
            N_("Check grant deadlines, and ask funders early for any flexibility the partnership needs."),
        ),
        partners=N_("Every member, as the leaders ask"),
        survivor_safety=(
            N_(
                "Advocates check on survivors who may be shut in with someone who could harm them, using only the "
                "contact methods each survivor chose."
            ),
            N_("Survivors who need a phone, data or a device to keep reaching services get help to obtain one."),
            N_("Staff never discuss a survivor on a call where others in the room or the household could hear."),
        ),
        recovery=N_(
            "In-person work returns step by step as public-health guidance allows, starting with the "
            "services survivors need most."
        ),
    ),
    Hazard.natural_disaster: General(
        title=N_("Natural disaster or evacuation"),
        triggers=(
            N_("A flood, fire, storm or other disaster damages a member’s site or cuts off part of the area served."),
            N_("Authorities order an evacuation or open emergency shelters."),
        ),
        steps=(
            N_(
                "Everyone follows the instructions of emergency authorities first, and calls 911 when a life is in "
                "danger."
            ),
            N_(
                "The call tree starts (section 5). Each member reports whether its people are safe and which "
                "services still run."
            ),
            N_(
                "Members that house survivors move them to a safe place arranged in advance and account for every "
                "person."
            ),
            # Translators: {leaders}: who leads, with its article ('the core group', 'the co-lead agencies (A and B)').
            N_(
                "Members receive from {leaders} an updated list of open services and locations, without survivor names."
            ),
            N_(
                "Members work with local emergency managers and shelters so that survivors can use disaster aid safely."
            ),
        ),
        partners=N_("Members that house, transport or serve survivors in the affected area"),
        survivor_safety=(
            N_(
                "A public shelter may bring a survivor close to the people who harmed them; advocates plan for that "
                "with the survivor and ask for a private space where they can."
            ),
            N_("The new location of a survivor is shared only with the people who need it."),
            N_("Survivors who lose identity or immigration documents get help to replace them."),
            N_("Qualified interpreters make sure survivors understand evacuation orders and the aid on offer."),
        ),
        recovery=N_(
            "The response ends when members’ sites are usable again, or replaced, and survivors are settled "
            "in housing they have chosen."
        ),
    ),
    Hazard.loss_of_key_personnel: General(
        title=N_("Loss of a leader or key staff member"),
        triggers=(
            N_("A leader, the coordinator or a primary contact leaves, is reassigned, falls ill or cannot be reached."),
            N_("A lead organization can no longer carry out its role."),
        ),
        steps=(
            N_(
                "The next person in the order of succession (section 4) acts at once, and the member’s backup "
                "contact steps in as its primary contact."
            ),
            # Translators: {leaders}: who leads, with its article ('the core group', 'the co-lead agencies (A and B)').
            N_("The member tells {leaders} in writing who is acting and from when."),
            N_("The acting person reviews open referrals, commitments and deadlines in the shared records."),
            N_("The member names a permanent replacement and a new backup contact as soon as it can."),
            N_("The roster and call tree in this guide are updated and sent to the core team."),
        ),
        partners=N_("The member that lost the person, and every member that works closely with it"),
        survivor_safety=(
            N_(
                "Survivors who worked with the person who left hear about the change from someone they know, and "
                "are introduced to their new contact."
            ),
            N_("The person who left loses access to shared records on their last day."),
        ),
        recovery=N_("The response ends when a permanent person holds the role and a backup contact is named."),
    ),
    Hazard.data_breach: General(
        title=N_("Data breach involving survivor information"),
        triggers=(
            N_(
                "Survivor information is seen, copied, sent, lost or changed by someone not allowed to have it, "
                "whether through hacking, a lost device, a misdirected message or an improper request."
            ),
            N_(
                "A member’s vendor reports a breach that may include records about survivors referred through the "
                "partnership."
            ),
        ),
        steps=(
            N_(
                "Contain the breach: cut off access, change passwords, recover or secure what can be recovered, and "
                "note what happened and when."
            ),
            # Translators: {leaders}: who leads, with its article ('the core group', 'the co-lead agencies (A and B)').
            N_("Tell {leaders} at once, by phone, with no survivor names in any message."),
            N_("Work out whose information was exposed and what it could reveal about them."),
            N_(
                "Assess each affected survivor’s safety before anyone is notified, with an advocate who knows them "
                "whenever possible."
            ),
            N_(
                "Reach each affected survivor only through the safe contact method they chose, tell them what "
                "happened, and update their safety plan with them."
            ),
            # Translators: {leaders}: who leads, with its article ('the core group', 'the co-lead agencies (A and B)').
            N_("Find and fix the cause, then report to {leaders} what was changed."),
        ),
        partners=N_("The member whose records were exposed"),
        survivor_safety=(
            N_("No one contacts a survivor in a way that could alert the person who harmed them."),
            N_("Survivors decide what happens next for them, including whether to involve law enforcement."),
        ),
        # Translators: {leaders}: who leads, with its article ('the core group', 'the co-lead agencies (A and B)').
        recovery=N_(
            "Normal sharing resumes when the cause is fixed and the new safeguards have been confirmed to {leaders}."
        ),
    ),
    Hazard.safety_threat: General(
        title=N_("Threat to the safety of a survivor or staff member"),
        triggers=(
            N_(
                "A survivor, staff member or volunteer is threatened, followed or approached by a trafficker or "
                "someone acting for one."
            ),
            N_("Threats arrive in person, by phone or online, including after media attention."),
        ),
        steps=(
            N_("If anyone is in immediate danger, call 911 first."),
            N_("Make sure the person threatened is safe for now, and tell the lead of their own organization."),
            N_("Review or make a safety plan with the person, covering travel, work hours, home and online accounts."),
            N_(
                "Share information about the threat only with the people who need it to keep someone safe, and only "
                "as much as they need."
            ),
            N_(
                "Decide with the person whether to report the threat to law enforcement, unless the law requires a "
                "report."
            ),
            N_("Send every media or public question to the agreed spokespeople (section 6)."),
            N_(
                "Duty to warn: when someone seriously threatens an identifiable person, some professionals may have "
                "a legal duty to warn or protect that person. Each member asks its own counsel what applies to its "
                "staff."
            ),
        ),
        partners=N_(
            "Members whose staff or clients are affected, and law enforcement members when the person "
            "threatened agrees or the law requires it"
        ),
        survivor_safety=(
            N_("A survivor decides whether to involve law enforcement, except where the law requires a report."),
            N_(
                "Survivors served by a threatened staff member are told only what they need to stay safe, and "
                "their own safety plans are reviewed."
            ),
        ),
        recovery=N_(
            "The response ends when the threat has passed, with support for the people affected offered "
            "throughout (section 10)."
        ),
    ),
    Hazard.political_or_funding_shock: General(
        title=N_("Political, legal or funding shock"),
        triggers=(
            N_("A main funder cuts or ends a grant, or a member loses money it needs to keep its commitments."),
            N_(
                "A change in law, policy or enforcement makes survivors afraid to seek help, or changes what "
                "members may do."
            ),
            N_("A member withdraws or can no longer do its part."),
        ),
        steps=(
            # Translators: {leaders}: who leads, with its article ('the core group', 'the co-lead agencies (A and B)').
            N_("The member affected tells {leaders} as soon as it knows, even before the details are clear."),
            N_("List which essential functions and commitments are at risk, and by when."),
            N_("Members agree who can take over each function, for a time or for good."),
            N_("Tell funders early, and ask about flexibility, deadlines and close-out rules."),
            N_(
                "When a change frightens survivors, members agree one plain message, in the languages survivors "
                "use, about which services remain safe to use."
            ),
        ),
        partners=N_("Every member whose work depends on the function at risk"),
        survivor_safety=(
            N_("No survivor loses housing or a service without a warm handover to another provider."),
            N_(
                "A survivor’s immigration status is shared only as the survivor directs or as the law requires; a "
                "member that must share it tells the survivor first, where it is safe to do so."
            ),
            N_("Any pay agreed with survivor leaders for work they have already done is paid in full."),
        ),
        recovery=N_("The response ends when every lost function is covered again."),
    ),
}

__all__ = [
    "BREACH_RULES",
    "DEFAULT_RECOVERY",
    "GENERAL",
    "HAZARD_DESCRIPTIONS",
    "HAZARD_NAMES",
    "THREAT_RULES",
    "General",
]
