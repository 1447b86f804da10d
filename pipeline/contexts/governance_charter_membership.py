"""The governance charter's section 4: membership.

Who may join and how, the membership classes in use, what members owe and how they leave, the table of
current members and the membership history. Withdrawn members appear only in the history, never as
current members. governance_charter.py merges the variables `membership` returns into the context.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pipeline.consistency import method_votes
from pipeline.contexts.common import leaders_phrase, merged_into
from pipeline.contexts.governance_charter_sections import section_numbers
from pipeline.contexts.texts import membership_class_label, membership_class_meaning
from pipeline.contexts.wording import join_sentences, label_in_sentence, maybe, sentence
from pipeline.formatting import join_and, long_date
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.members import Member
from schemas.types import Precision
from schemas.vocabulary import MembershipClass, MemberStatus


def membership(partnership: Partnership, compact: bool) -> dict[str, Any]:
    """Section 4: who may join, the classes, what members owe, how they leave, and the member lists."""
    rules, agreement = partnership.membership, partnership.agreement
    resignation = rules.resignation or ""
    if not resignation and agreement:
        days = agreement.termination_notice_days
        resignation = (
            _n(
                "A member may withdraw at any time by giving at least {count} day’s written notice, as the MOU "
                "provides.",
                "A member may withdraw at any time by giving at least {count} days’ written notice, as the MOU "
                "provides.",
                days,
            )
            if days
            else _("A member may withdraw at any time by giving written notice, as the MOU provides.")
        )
        if agreement.notice_to:
            # Translators: {recipients} says who receives a member's notice of withdrawal, as the members wrote it.
            resignation += " " + _("Notice goes to: {recipients}", recipients=sentence(agreement.notice_to))
    admission = rules.admission or ""
    if not admission and not compact:  # a pair that takes in a third organization rewrites its charter
        admission = (
            # Translators: {leaders} names who leads, e.g. "the co-lead agencies (Sheriff's Office and Bridgewell)".
            _(
                "An organization asks to join by writing to {leaders}. The members decide on its admission under "
                "section 6, and the new member names its contacts and joins the MOU by signing its joinder page.",
                leaders=leaders_phrase(partnership),
            )
            if agreement and agreement.joinder
            else _(
                "An organization asks to join by writing to {leaders}. The members decide on its admission under "
                "section 6, and the new member names its contacts.",
                leaders=leaders_phrase(partnership),
            )
        )
    return {
        "eligibility": maybe(rules.eligibility),
        "sectors_present": sectors_present(partnership),
        "member_classes": class_views(partnership) if not single_class_statement(partnership) else (),
        "single_class": "" if compact else single_class_statement(partnership),
        "has_interim": any(m.status is MemberStatus.interim for m in partnership.current_members),
        "admission": maybe(admission),
        "expectations": tuple(sentence(e) for e in rules.expectations),
        "time_commitment": maybe(rules.time_commitment),
        "representatives": maybe(rules.representatives),
        "resignation": maybe(resignation),
        "removal": maybe(rules.removal),
        "member_rows": member_rows(partnership),
        "history_rows": history_rows(partnership),
        # Affiliates and resource partners receive no member lists (the packet has an edition for them).
        "roster_note": (
            _(
                "This charter's member lists (section {section}) and this roster go to voting and non-voting members "
                "only. Affiliates and resource partners receive their own edition of the onboarding packet, without "
                "them: do not pass this charter on to them.",
                section=section_numbers(partnership)["membership"],
            )
            if partnership.affiliates()
            else ""
        ),
    }


@dataclass(frozen=True)
class MemberRow:
    """A current member, as the membership table shows it."""

    organization: str
    sector: str
    member_class: str
    status: str


@dataclass(frozen=True)
class HistoryRow:
    """One member's place in the membership history; withdrawn members stay here with their dates."""

    organization: str
    joined: str
    status: str
    notes: str


@dataclass(frozen=True)
class ClassView:
    name: str
    meaning: str


def class_label(member_class: MembershipClass, votes: bool) -> str:
    return membership_class_label(member_class, votes)


def class_meaning(member_class: MembershipClass, votes: bool) -> str:
    return membership_class_meaning(member_class, votes)


def member_rows(partnership: Partnership) -> tuple[MemberRow, ...]:
    votes = method_votes(partnership)
    return tuple(
        MemberRow(
            organization=m.legal_name,
            sector=m.sector.label,
            member_class=class_label(m.membership_class, votes),
            status=_status_text(m),
        )
        for m in partnership.current_members
    )


def _status_text(member: Member) -> str:
    if member.status is MemberStatus.interim:
        if not member.joined:
            return _p("member status", "Interim")
        if member.joined.precision is Precision.day:
            # Translators: {date} is a full date ("October 1, 2025").
            return _p("member status, since a full date", "Interim since {date}", date=long_date(member.joined))
        # Translators: {date} is a month or a year only ("March 2019", "2019").
        return _p("member status, since a month or year", "Interim since {date}", date=long_date(member.joined))
    if member.status is MemberStatus.withdrawn and member.withdrawal:
        return _p("member status", "Withdrawn on {date}", date=long_date(member.withdrawal.effective_date))
    if member.status is MemberStatus.merged and member.merger:
        return _p("member status", "Merged on {date}", date=long_date(member.merger.date))
    if member.status is MemberStatus.pending:
        return _p("member status", "Joinder pending")
    return _p("member status", "Active")


def history_rows(partnership: Partnership) -> tuple[HistoryRow, ...]:
    """Every member ever, in the order they joined; empty when nothing about joining or leaving is recorded."""
    # A prospective member has not been admitted: it has no place in the record yet.
    members = [m for m in partnership.members if m.status is not MemberStatus.prospective]
    if not any(m.joined or m.status is not MemberStatus.active for m in members):
        return ()
    # Stable: YAML order within a date; members without a date first, as the earliest; a member that has not
    # signed its joinder yet comes last, after everyone who has.
    ordered = sorted(
        members,
        key=lambda m: (m.status is MemberStatus.pending, m.joined.sort_key if m.joined else (dt.date.min, 0)),
    )
    return tuple(
        HistoryRow(
            organization=m.legal_name,
            # Translators: the date a member joined, when no one recorded it (a table cell).
            joined=long_date(m.joined, _("Not recorded")),
            status=_status_text(m),
            notes=_history_notes(partnership, m),
        )
        for m in ordered
    )


def _history_notes(partnership: Partnership, member: Member) -> str:
    if member.merger is not None:
        # Translators: {merger} says what became of the organization, e.g. "merged into Bridgewell Survivor Advocacy
        # Center" (a predicate, as pipeline.contexts.common.merged_into words it).
        merged = _("The organization {merger}", merger=merged_into(partnership, member.merger))
        return join_sentences(merged, member.merger.note)
    predecessors = [m.legal_name for m in partnership.members if m.merger and m.merger.successor == member.id]
    # Translators: {organizations} are the members that merged into this one.
    successor_of = (
        _("Successor to {organizations} after a merger", organizations=join_and(predecessors)) if predecessors else None
    )
    if member.status is MemberStatus.pending:
        return join_sentences(successor_of, _("Admitted; not a party to the MOU until it signs the joinder page"))
    if successor_of:
        return sentence(successor_of)
    withdrawal = member.withdrawal
    if withdrawal is not None:
        return join_sentences(
            _("Gave written notice on {date}", date=long_date(withdrawal.notice_date)),
            withdrawal.reason,
            # Translators: {handover} says, as the members wrote it, how a leaving member handed over its duties.
            _("Handover: {handover}", handover=withdrawal.handover) if withdrawal.handover else None,
        )
    if member.status is MemberStatus.interim:
        return _("New member, in its interim period.")
    if member.membership_class is not MembershipClass.voting:
        # Translators: {member_class} is a class of membership, e.g. "non-voting member" or "affiliate".
        return _("Joined as {member_class}.", member_class=label_in_sentence(member.membership_class.label))
    return "—"


def class_views(partnership: Partnership) -> tuple[ClassView, ...]:
    """The membership classes in use, in the vocabulary's order (one class needs no list)."""
    used = {m.membership_class for m in partnership.current_members}
    votes = method_votes(partnership)
    return tuple(ClassView(class_label(c, votes), class_meaning(c, votes)) for c in MembershipClass if c in used)


def single_class_statement(partnership: Partnership) -> str:
    classes = {m.membership_class for m in partnership.current_members}
    if len(classes) != 1:
        return ""
    (only,) = classes
    votes = method_votes(partnership)
    # Translators: {member_class} is a class of membership ("voting member"); {meaning} says what a member of that
    # class does, as a predicate ("takes part in every decision and casts one vote for its organization").
    return _(
        "Every current member is a {member_class}: it {meaning}.",
        member_class=label_in_sentence(class_label(only, votes)),
        meaning=class_meaning(only, votes),
    )


def inline_phrase(text: str) -> str:
    """A label as it reads inside a sentence: 'Direct victim services' -> 'direct victim services', while
    names keep their capitals ('Native and Indigenous organization', 'Task Force Coordinator')."""
    if text.startswith("The "):
        return f"the {text[4:]}"
    return label_in_sentence(text) if not any(c.isupper() for c in text[1:]) else text


def sectors_present(partnership: Partnership) -> str:
    labels: list[str] = []
    for member in partnership.current_members:
        label = inline_phrase(member.sector.label)
        if label not in labels:
            labels.append(label)
    return join_and(labels)


__all__ = [
    "ClassView",
    "HistoryRow",
    "MemberRow",
    "class_views",
    "history_rows",
    "member_rows",
    "membership",
    "sectors_present",
    "single_class_statement",
]
