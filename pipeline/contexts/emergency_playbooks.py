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
from pipeline.contexts.emergency_playbook_texts import (
    BREACH_RULES,
    DEFAULT_RECOVERY,
    GENERAL,
    HAZARD_DESCRIPTIONS,
    HAZARD_NAMES,
    THREAT_RULES,
)
from pipeline.contexts.wording import capitalized, organization, sentence, with_article
from pipeline.formatting import join_and
from pipeline.i18n import _, _n, _p
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


def hazard_name(hazard: Hazard) -> str:
    """The hazard's name in the language of the document being written."""
    if hazard in HAZARD_NAMES:
        return _(HAZARD_NAMES[hazard])
    # Translators: the kind of emergency of a scenario the partnership gives no standard kind for.
    return _p("kind of emergency", "Other")


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
    rule = _(
        "Mandated reporting: if the threat involves the abuse or neglect of a minor, or anyone else a reporting "
        "law protects, mandated reporters make the report the law requires."
    )
    if reporters:
        # Translators: {members} lists member organizations' short names, e.g. 'DCFS, St. Agnes and HSI'.
        rule += " " + _(
            "In this partnership the staff of {members} are mandated reporters.", members=join_and(reporters)
        )
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
        values = {"holder": organization(holder, start=True), "program": grant.program}
        if notice and notice.source:
            notices.append(
                # Translators: {holder} is the member holding the award; {notify} whom it tells (the partnership's
                # words); {program} the award's program; {source} where the rule is written (a term of the award).
                _n(
                    "{holder} tells {notify} within {count} hour of discovering the breach, as its award "
                    "({program}) requires ({source}).",
                    "{holder} tells {notify} within {count} hours of discovering the breach, as its award "
                    "({program}) requires ({source}).",
                    notice.hours,
                    notify=notice.notify,
                    source=notice.source,
                    **values,
                )
            )
        elif notice:
            notices.append(
                # Translators: {holder} is the member holding the award; {notify} whom it tells (the partnership's
                # words); {program} the award's program.
                _n(
                    "{holder} tells {notify} within {count} hour of discovering the breach, as its award "
                    "({program}) requires.",
                    "{holder} tells {notify} within {count} hours of discovering the breach, as its award "
                    "({program}) requires.",
                    notice.hours,
                    notify=notice.notify,
                    **values,
                )
            )
        else:
            notices.append(
                # Translators: {holder} is the member holding the award, {funder} the funder that made it (with
                # 'the' in English where its name takes one), {program} the award's program.
                _(
                    "{holder} tells {funder} about the breach within the window set by its award ({program}). "
                    "Gap: that window is not recorded yet. Find it in the award terms and record it before an "
                    "emergency.",
                    funder=with_article(grant.funder),
                    **values,
                )
            )
    if not notices:
        notices.append(
            _(
                "Every member that holds an award tells its funder within the window that award sets. Gap: no award "
                "held by a member is recorded, so no window is listed here. Each member looks up its own awards' "
                "windows before an emergency."
            )
        )
    return tuple(notices)


def _standing_rules(partnership: Partnership, hazard: Hazard) -> tuple[str, ...]:
    if hazard is Hazard.data_breach:
        rules = _translated(BREACH_RULES)
        return (*rules[:-1], *breach_notices(partnership), rules[-1])
    if hazard is Hazard.safety_threat:
        return (*_translated(THREAT_RULES), _reporting_rule(partnership))
    return ()


def _translated(messages: Iterable[str], **values: str) -> tuple[str, ...]:
    return tuple(_(message, **values) for message in messages)


def _own_playbook(partnership: Partnership, scenario: Scenario) -> PlaybookView:
    lead = current_name(partnership, scenario.lead) or capitalized(leaders_phrase(partnership))
    return PlaybookView(
        title=scenario.title,
        hazard=hazard_name(scenario.hazard),
        general=False,
        triggers=_sentences(scenario.triggers),
        steps=_sentences(scenario.steps),
        lead=lead,
        partners=join_and(current_names(partnership, scenario.partners)),
        survivor_safety=_sentences(scenario.survivor_safety),
        standing_rules=_standing_rules(partnership, scenario.hazard),
        recovery=sentence(scenario.recovery) if scenario.recovery else _(DEFAULT_RECOVERY),
    )


def _sentences(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sentence(item) for item in items)


def _general_playbook(partnership: Partnership, hazard: Hazard) -> PlaybookView:
    leaders = leaders_phrase(partnership)
    platform = partnership.shared_platform
    owner = current_name(partnership, platform.owner) if platform else ""
    texts = GENERAL[hazard]
    partners = _(texts.partners)
    if hazard is Hazard.data_breach and owner:
        # Translators: {owner} is the member that administers the shared platform.
        partners = _(
            "The member whose records were exposed, and {owner}, which administers the shared records", owner=owner
        )
    steps = _translated(texts.steps, leaders=leaders)
    if hazard is Hazard.safety_threat:
        steps = (*steps, _reporting_rule(partnership))
    if hazard is Hazard.data_breach:
        steps = (*steps[:-1], *breach_notices(partnership), steps[-1])
    return PlaybookView(
        title=_(texts.title),
        hazard=hazard_name(hazard),
        general=True,
        triggers=_translated(texts.triggers),
        steps=steps,
        lead=capitalized(leaders),
        partners=partners,
        survivor_safety=_translated(texts.survivor_safety),
        standing_rules=(),
        recovery=_(texts.recovery, leaders=leaders),
    )


__all__ = [
    "HAZARD_DESCRIPTIONS",
    "HAZARD_NAMES",
    "STANDARD_HAZARDS",
    "PlaybookView",
    "breach_notices",
    "hazard_name",
    "playbooks",
]
