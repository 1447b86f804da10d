"""Parts of the onboarding packet about working practice: how to hand a person over to a member line and what to do
when they fear immigration enforcement (section 1), what an activated Emergency Guide asks of a member (section 3),
and the trust-building activities a new member takes part in (section 4).

A member never receives the Emergency Guide (it goes to the core team only), so this part tells members
what they need from it without printing anything the guide keeps from them. The fixed texts are marked for the
message catalog (N_) and translated where they are handed to the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import contact_view
from pipeline.contexts.crisis_lines import first_line, national_hotline
from pipeline.contexts.onboarding_card import core_team_text
from pipeline.contexts.onboarding_texts import or_list
from pipeline.contexts.wording import Fact, maybe, organization, sentence
from pipeline.i18n import N_, _, _n
from schemas import Partnership
from schemas.vocabulary import Sector


@dataclass(frozen=True)
class Activity:
    name: str
    how: str
    why: str


TRUST_ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        N_("Map the resources around us"),
        N_(
            "Each member lists what it offers survivors and the relationships it already has: services, people it "
            "can call, places, languages, hours. The lists are brought together and talked through at a meeting."
        ),
        N_(
            "The map shows where two members do the same thing, where one member’s contacts can open a door for "
            "another, and which survivors nobody serves yet. Add your own organization to it in your first weeks."
        ),
    ),
    Activity(
        N_("Explain each other’s mission"),
        N_(
            "At a meeting, members pair up across sectors. Each one describes the other organization’s mission, what "
            "it can and cannot do, and the rules it works under; then the other corrects them."
        ),
        N_(
            "It is a light way to start, and it brings wrong ideas about each other’s work into the open before "
            "they turn into conflict."
        ),
    ),
    Activity(
        N_("Go round the room"),
        N_(
            "Everyone answers the same question in turn while one person takes notes, for example: why this work "
            "matters to you, and what you and your organization hope to get from working together. Nobody "
            "interrupts or argues until everyone has spoken."
        ),
        N_(
            "Every voice gets the same time, not only the most confident, and the notes become a record of what "
            "members expect from the partnership."
        ),
    ),
)
"""Trust-building activities of the FUTURES collaboration chapter (seed S0), in our own words."""

TRUST_HABITS: tuple[str, ...] = (
    N_("Be humble: ask how another member works before you judge it, and expect misunderstandings at first."),
    N_("Assume good intentions when a moment is awkward or tense, and say what you need plainly."),
    N_("Agree the group’s ground rules at the start of every meeting, and hold each other to them."),
)


WARM_TRANSFER: tuple[str, ...] = (
    N_(
        "Ask the person whether they want you to connect them, and tell them what you would say about them. "
        "Go ahead only if they agree."
    ),
    N_(
        "Call the line with the person beside you, or add the line to your call with them (a three-way call), so "
        "that they never have to make the call alone."
    ),
    N_(
        "Say who you are and where you work, then share only what the person agreed you may share. A first name, "
        "or no name at all, is enough to start."
    ),
    N_("Stay until the person and the member’s staff are talking, and leave only when the person is ready."),
)
"""A warm transfer step by step, in our own words: the packet tells every member to learn it."""


CALL_TREE = N_(
    "When the guide is activated, a call tree passes the alert on: a chain of phone calls that reaches every "
    "member’s primary contact, and the backup contact when the primary cannot be reached."
)


def referral_help_part(partnership: Partnership, audience: Audience, ask_who: str) -> dict[str, Any]:
    """Section 1's practical help: the warm transfer, and a person who fears immigration enforcement."""
    first = first_line(partnership)
    helpers = []
    for member in partnership.current_members:
        services = [s for s in member.services if "immigra" in s.lower()]
        if member.sector is not Sector.legal_assistance or not services:
            continue
        view = contact_view(member.primary_contact, audience)
        reach = or_list(x for x in (view.email, view.phone) if x)
        # Translators: {person} is someone's name; {reach} an e-mail address and/or a phone number.
        who = _("{person}, at {reach}", person=view.name, reach=reach) if view.name and reach else view.name or reach
        name = organization(member.name)
        service = services[0].strip().rstrip(".")
        # Where the protocol sends every call to one line first, that line makes the referral, not the reader.
        if first:
            # Translators: {line} is a member's phone line ("Bridgewell advocate line"), {organization} a legal-aid
            # member and {service} one of its services, as the partnership file words it.
            text = _(
                "The advocate on the {line} can refer the person, if they agree, to {organization}, whose services "
                "include: {service}.",
                line=first.name,
                organization=name,
                service=service,
            )
        else:
            # Translators: {organization} is a legal-aid member, {service} one of its services as the file words it.
            text = _(
                "If the person agrees, refer them to {organization}, whose services include: {service}.",
                organization=name,
                service=service,
            )
        if who:
            contact = _("Its primary contact is {person}.", person=who)
            text = f"{text} {contact}"
        helpers.append(text)
    if not helpers:
        helpers.append(
            # Translators: {person} is whom a new member asks (a name or a role); {hotline} the national hotline.
            _(
                "Our members do not give immigration legal help. Ask {person}, or the {hotline} (1-888-373-7888), "
                "where to find it.",
                person=ask_who,
                hotline=national_hotline().name,
            )
        )
    return {"warm_transfer": tuple(_(step) for step in WARM_TRANSFER), "immigration_help": tuple(helpers)}


def trust_part() -> dict[str, Any]:
    return {
        "trust_activities": tuple(Activity(_(a.name), _(a.how), _(a.why)) for a in TRUST_ACTIVITIES),
        "trust_habits": tuple(_(habit) for habit in TRUST_HABITS),
    }


def emergency_part(partnership: Partnership, helper: str) -> dict[str, Any]:
    """Section 3: what the Emergency Guide is, who holds it, and what a member does when it is activated."""
    emergency = partnership.emergency
    hours = emergency.check_in_hours
    check_in = (
        _n(
            "Answer the call tree, and check in within {count} hour of activation, even to say that your "
            "organization is fine.",
            "Answer the call tree, and check in within {count} hours of activation, even to say that your "
            "organization is fine.",
            hours,
        )
        if hours
        else _("Answer the call tree, and check in as soon as you can, even to say that your organization is fine.")
    )
    steps = [
        check_in,
        _(
            "Say whether your organization can still do its part, which services are open, and who is acting for "
            "anyone who is away."
        ),
        _(
            "Never put a survivor’s name or any detail that could identify them in an alert, a text or a voicemail. "
            "The confidentiality rules in section 2 apply in an emergency too."
        ),
        _("Send every question from the media to the spokespeople named in section 2."),
        _(
            "Make sure your backup contact knows all of this, because the call tree reaches them when it cannot "
            "reach you."
        ),
    ]
    return {
        # "Call tree" is the guide's word, and the activation text in the file may use it before the steps do,
        # so it is explained in the section's first paragraph.
        "core_team": f"{core_team_text(partnership)} {_(CALL_TREE)}",
        "emergency_activation": maybe(emergency.activation),
        "emergency_deactivation": maybe(emergency.deactivation),
        "emergency_steps": tuple(steps),
        "emergency_channels": tuple(Fact(f"{c.name}. ", sentence(c.use)) for c in emergency.channels),
        # Only the leaders can activate the guide; a member who sees the crisis first must know whom to tell.
        # Translators: {person} is whom to tell: a name or a role, with an e-mail address or phone number.
        "emergency_report": _(
            "If you are the first to learn of a crisis like these, for example that survivor information has "
            "leaked, do not wait for the call tree, and do not repeat the leaked details in your message. Tell "
            "{person}.",
            person=helper,
        ),
        "emergency_ask": _("To learn what your organization’s part in the guide is, ask {person}.", person=helper),
    }


__all__ = [
    "CALL_TREE",
    "TRUST_ACTIVITIES",
    "TRUST_HABITS",
    "WARM_TRANSFER",
    "Activity",
    "emergency_part",
    "referral_help_part",
    "trust_part",
]
