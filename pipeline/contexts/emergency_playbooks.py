"""Scenario playbooks of the Emergency / Crisis Response Guide (documents.md section 2.4, item 7).

A partnership's own scenarios come first. Every standard hazard it has not written a scenario for
gets a general playbook in our own words, so that no reader of the guide meets a hazard with nothing
to follow. Data breaches and safety threats carry standing rules that apply however a scenario is
worded: they protect survivors, and a scenario written in a hurry may leave one out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.contexts.common import current_name, current_names, leaders_phrase
from pipeline.contexts.wording import capitalized, organization, sentence, with_article
from pipeline.formatting import join_and
from schemas import Partnership
from schemas.operations import Scenario
from schemas.vocabulary import Hazard

STANDARD_HAZARDS: tuple[Hazard, ...] = (
    Hazard.pandemic,
    Hazard.natural_disaster,
    Hazard.loss_of_key_personnel,
    Hazard.data_breach,
    Hazard.safety_threat,
    Hazard.political_or_funding_shock,
)
"""The six hazards every guide plans for when the partnership names none of its own (S0 forces of change)."""

HAZARD_DESCRIPTIONS: dict[Hazard, str] = {
    Hazard.pandemic: "a disease outbreak or public-health order that closes offices, limits meetings or keeps "
    "many staff at home.",
    Hazard.natural_disaster: "a flood, fire, storm or other disaster that damages sites, cuts roads, power or "
    "phone lines, or forces people to leave their homes.",
    Hazard.loss_of_key_personnel: "a leader, coordinator or primary contact who leaves suddenly or cannot act, "
    "or a member organization that can no longer do its part.",
    Hazard.data_breach: "survivor information seen, copied, lost or taken by someone who is not allowed to have it.",
    Hazard.safety_threat: "a threat to the safety of a survivor, a staff member or a volunteer, made in person, "
    "by phone or online.",
    Hazard.political_or_funding_shock: "a change in law, policy or enforcement, or the loss of a grant or "
    "funder, that puts services or survivors’ trust at risk.",
    Hazard.other: "another emergency the partnership has planned for (see its playbook in section 7).",
}

_BREACH_RULES = (
    "Contain the breach first: cut off access and secure what remains before doing anything else.",
    "Assess each affected survivor’s safety before anyone is notified, so that the notice itself does not "
    "put them at risk.",
    "Reach survivors only through the safe contact methods they chose, never through a channel the person "
    "who harmed them could see.",
    "Find and fix the cause, and write down what was changed.",
)

_THREAT_RULES = (
    "If anyone is in immediate danger, call 911 first.",
    "Share information about the threat only with the people who need it to keep someone safe, and only as "
    "much as they need.",
    "Duty to warn: when someone seriously threatens an identifiable person, some professionals may have a "
    "legal duty to warn or protect that person. Each member asks its own counsel what applies to its staff.",
)


@dataclass(frozen=True)
class PlaybookView:
    """One scenario playbook, every part already worded; empty tuples and strings are left out."""

    title: str
    hazard: str
    general: bool
    """True for a general playbook the partnership has not yet tailored to itself."""
    triggers: tuple[str, ...]
    steps: tuple[str, ...]
    lead: str
    partners: str
    survivor_safety: tuple[str, ...]
    standing_rules: tuple[str, ...]
    recovery: str


def playbooks(partnership: Partnership) -> tuple[PlaybookView, ...]:
    """The partnership's own scenarios, then a general playbook for each standard hazard none of them covers."""
    own = tuple(_own_playbook(partnership, scenario) for scenario in partnership.emergency.scenarios)
    covered = {scenario.hazard for scenario in partnership.emergency.scenarios}
    general = tuple(_general_playbook(partnership, h) for h in STANDARD_HAZARDS if h not in covered)
    return own + general


def _reporting_rule(partnership: Partnership) -> str:
    reporters = current_names(partnership, partnership.mandatory_reporting.mandated_reporters)
    rule = (
        "Mandated reporting: if the threat involves the abuse or neglect of a minor, or anyone else a reporting "
        "law protects, mandated reporters make the report the law requires."
    )
    if reporters:
        rule += f" In this partnership the staff of {join_and(reporters)} are mandated reporters."
    return rule


def breach_notices(partnership: Partnership) -> tuple[str, ...]:
    """Who tells which funder within how many hours, one sentence per award a current member holds.

    The window comes from the file only. A missing one is flagged as a gap to close before an emergency,
    never filled with a guess: windows differ from award to award.
    """
    notices = []
    for grant in partnership.funding.grants:
        holder = current_name(partnership, grant.applicant)
        if not grant.awarded or not holder:
            continue
        notice = grant.breach_notice
        if notice:
            hours = "1 hour" if notice.hours == 1 else f"{notice.hours} hours"
            where = f" ({notice.source})" if notice.source else ""
            notices.append(
                f"{organization(holder, start=True)} tells {notice.notify} within {hours} of discovering the "
                f"breach, as its award ({grant.program}) requires{where}."
            )
        else:
            notices.append(
                f"{organization(holder, start=True)} tells {with_article(grant.funder)} about the breach within "
                f"the window set by its award ({grant.program}). Gap: that window is not recorded yet. Find it "
                "in the award terms and record it before an emergency."
            )
    if not notices:
        notices.append(
            "Every member that holds an award tells its funder within the window that award sets. Gap: no award "
            "held by a member is recorded, so no window is listed here. Each member looks up its own awards' "
            "windows before an emergency."
        )
    return tuple(notices)


def _standing_rules(partnership: Partnership, hazard: Hazard) -> tuple[str, ...]:
    if hazard is Hazard.data_breach:
        return (*_BREACH_RULES[:-1], *breach_notices(partnership), _BREACH_RULES[-1])
    if hazard is Hazard.safety_threat:
        return (*_THREAT_RULES, _reporting_rule(partnership))
    return ()


def _own_playbook(partnership: Partnership, scenario: Scenario) -> PlaybookView:
    lead = current_name(partnership, scenario.lead) or capitalized(leaders_phrase(partnership))
    return PlaybookView(
        title=scenario.title,
        hazard=scenario.hazard.label,
        general=False,
        triggers=_sentences(scenario.triggers),
        steps=_sentences(scenario.steps),
        lead=lead,
        partners=join_and(current_names(partnership, scenario.partners)),
        survivor_safety=_sentences(scenario.survivor_safety),
        standing_rules=_standing_rules(partnership, scenario.hazard),
        recovery=sentence(scenario.recovery) if scenario.recovery else _DEFAULT_RECOVERY,
    )


def _sentences(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sentence(item) for item in items)


_DEFAULT_RECOVERY = (
    "Normal operations resume when the leaders end activation (section 1) and the partnership moves to "
    "reconstitution and an after-action review (section 11)."
)


def _general_playbook(partnership: Partnership, hazard: Hazard) -> PlaybookView:
    leaders = leaders_phrase(partnership)
    platform = partnership.shared_platform
    owner = current_name(partnership, platform.owner) if platform else ""
    texts = _GENERAL[hazard]
    partners = texts.partners
    if hazard is Hazard.data_breach and owner:
        partners = f"{partners}, and {owner}, which administers the shared records"
    steps = texts.steps
    if hazard is Hazard.safety_threat:
        steps = (*steps, _reporting_rule(partnership))
    if hazard is Hazard.data_breach:
        steps = (*steps[:-1], *breach_notices(partnership), steps[-1])
    return PlaybookView(
        title=texts.title,
        hazard=hazard.label,
        general=True,
        triggers=texts.triggers,
        steps=tuple(step.replace("{leaders}", leaders) for step in steps),
        lead=capitalized(leaders),
        partners=partners,
        survivor_safety=texts.survivor_safety,
        standing_rules=(),
        recovery=texts.recovery.replace("{leaders}", leaders),
    )


@dataclass(frozen=True)
class _General:
    title: str
    triggers: tuple[str, ...]
    steps: tuple[str, ...]
    """'{leaders}' stands for who leads the partnership, e.g. 'the co-lead agencies (A and B)'."""
    partners: str
    survivor_safety: tuple[str, ...]
    recovery: str


_GENERAL: dict[Hazard, _General] = {
    Hazard.pandemic: _General(
        title="Pandemic or public-health emergency",
        triggers=(
            "Public-health authorities limit gatherings, close offices or ask people to stay home.",
            "Illness keeps many staff of one or more members away from work.",
        ),
        steps=(
            "Each member tells {leaders} which of its services stay open and how survivors can reach them; the "
            "list goes to every member.",
            "Meetings and case discussions move to phone or secure video. Nobody is asked to attend in person "
            "while ill or at high risk.",
            "Each member checks that its backup contact can work from elsewhere and reach the records they need.",
            "Referrals continue by phone or video, with releases signed remotely where the member’s own rules "
            "allow it.",
            "Check grant deadlines, and ask funders early for any flexibility the partnership needs.",
        ),
        partners="Every member, as the leaders ask",
        survivor_safety=(
            "Advocates check on survivors who may be shut in with someone who could harm them, using only the "
            "contact methods each survivor chose.",
            "Survivors who need a phone, data or a device to keep reaching services get help to obtain one.",
            "Staff never discuss a survivor on a call where others in the room or the household could hear.",
        ),
        recovery="In-person work returns step by step as public-health guidance allows, starting with the "
        "services survivors need most.",
    ),
    Hazard.natural_disaster: _General(
        title="Natural disaster or evacuation",
        triggers=(
            "A flood, fire, storm or other disaster damages a member’s site or cuts off part of the area served.",
            "Authorities order an evacuation or open emergency shelters.",
        ),
        steps=(
            "Everyone follows the instructions of emergency authorities first, and calls 911 when a life is in danger.",
            "The call tree starts (section 5). Each member reports whether its people are safe and which "
            "services still run.",
            "Members that house survivors move them to a safe place arranged in advance and account for every person.",
            "Members receive from {leaders} an updated list of open services and locations, without survivor names.",
            "Members work with local emergency managers and shelters so that survivors can use disaster aid safely.",
        ),
        partners="Members that house, transport or serve survivors in the affected area",
        survivor_safety=(
            "A public shelter may bring a survivor close to the people who harmed them; advocates plan for that "
            "with the survivor and ask for a private space where they can.",
            "The new location of a survivor is shared only with the people who need it.",
            "Survivors who lose identity or immigration documents get help to replace them.",
            "Qualified interpreters make sure survivors understand evacuation orders and the aid on offer.",
        ),
        recovery="The response ends when members’ sites are usable again, or replaced, and survivors are settled "
        "in housing they have chosen.",
    ),
    Hazard.loss_of_key_personnel: _General(
        title="Loss of a leader or key staff member",
        triggers=(
            "A leader, the coordinator or a primary contact leaves, is reassigned, falls ill or cannot be reached.",
            "A lead organization can no longer carry out its role.",
        ),
        steps=(
            "The next person in the order of succession (section 4) acts at once, and the member’s backup "
            "contact steps in as its primary contact.",
            "The member tells {leaders} in writing who is acting and from when.",
            "The acting person reviews open referrals, commitments and deadlines in the shared records.",
            "The member names a permanent replacement and a new backup contact as soon as it can.",
            "The roster and call tree in this guide are updated and sent to the core team.",
        ),
        partners="The member that lost the person, and every member that works closely with it",
        survivor_safety=(
            "Survivors who worked with the person who left hear about the change from someone they know, and "
            "are introduced to their new contact.",
            "The person who left loses access to shared records on their last day.",
        ),
        recovery="The response ends when a permanent person holds the role and a backup contact is named.",
    ),
    Hazard.data_breach: _General(
        title="Data breach involving survivor information",
        triggers=(
            "Survivor information is seen, copied, sent, lost or changed by someone not allowed to have it, "
            "whether through hacking, a lost device, a misdirected message or an improper request.",
            "A member’s vendor reports a breach that may include records about survivors referred through the "
            "partnership.",
        ),
        steps=(
            "Contain the breach: cut off access, change passwords, recover or secure what can be recovered, and "
            "note what happened and when.",
            "Tell {leaders} at once, by phone, with no survivor names in any message.",
            "Work out whose information was exposed and what it could reveal about them.",
            "Assess each affected survivor’s safety before anyone is notified, with an advocate who knows them "
            "whenever possible.",
            "Reach each affected survivor only through the safe contact method they chose, tell them what "
            "happened, and update their safety plan with them.",
            "Find and fix the cause, then report to {leaders} what was changed.",
        ),
        partners="The member whose records were exposed",
        survivor_safety=(
            "No one contacts a survivor in a way that could alert the person who harmed them.",
            "Survivors decide what happens next for them, including whether to involve law enforcement.",
        ),
        recovery="Normal sharing resumes when the cause is fixed and the new safeguards have been confirmed to "
        "{leaders}.",
    ),
    Hazard.safety_threat: _General(
        title="Threat to the safety of a survivor or staff member",
        triggers=(
            "A survivor, staff member or volunteer is threatened, followed or approached by a trafficker or "
            "someone acting for one.",
            "Threats arrive in person, by phone or online, including after media attention.",
        ),
        steps=(
            "If anyone is in immediate danger, call 911 first.",
            "Make sure the person threatened is safe for now, and tell the lead of their own organization.",
            "Review or make a safety plan with the person, covering travel, work hours, home and online accounts.",
            "Share information about the threat only with the people who need it to keep someone safe, and only "
            "as much as they need.",
            "Decide with the person whether to report the threat to law enforcement, unless the law requires a report.",
            "Send every media or public question to the agreed spokespeople (section 6).",
            "Duty to warn: when someone seriously threatens an identifiable person, some professionals may have "
            "a legal duty to warn or protect that person. Each member asks its own counsel what applies to its "
            "staff.",
        ),
        partners="Members whose staff or clients are affected, and law enforcement members when the person "
        "threatened agrees or the law requires it",
        survivor_safety=(
            "A survivor decides whether to involve law enforcement, except where the law requires a report.",
            "Survivors served by a threatened staff member are told only what they need to stay safe, and "
            "their own safety plans are reviewed.",
        ),
        recovery="The response ends when the threat has passed, with support for the people affected offered "
        "throughout (section 10).",
    ),
    Hazard.political_or_funding_shock: _General(
        title="Political, legal or funding shock",
        triggers=(
            "A main funder cuts or ends a grant, or a member loses money it needs to keep its commitments.",
            "A change in law, policy or enforcement makes survivors afraid to seek help, or changes what "
            "members may do.",
            "A member withdraws or can no longer do its part.",
        ),
        steps=(
            "The member affected tells {leaders} as soon as it knows, even before the details are clear.",
            "List which essential functions and commitments are at risk, and by when.",
            "Members agree who can take over each function, for a time or for good.",
            "Tell funders early, and ask about flexibility, deadlines and close-out rules.",
            "When a change frightens survivors, members agree one plain message, in the languages survivors "
            "use, about which services remain safe to use.",
        ),
        partners="Every member whose work depends on the function at risk",
        survivor_safety=(
            "No survivor loses housing or a service without a warm handover to another provider.",
            "A survivor’s immigration status is shared only as the survivor directs or as the law requires; a member "
            "that must share it tells the survivor first, where it is safe to do so.",
            "Any pay agreed with survivor leaders for work they have already done is paid in full.",
        ),
        recovery="The response ends when every lost function is covered again.",
    ),
}

__all__ = ["HAZARD_DESCRIPTIONS", "STANDARD_HAZARDS", "PlaybookView", "breach_notices", "playbooks"]
