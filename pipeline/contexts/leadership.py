"""Who leads the partnership, in words several documents print: the lead, the co-leads or the core group, and the
coordinator who runs the work from day to day."""

from __future__ import annotations

from pipeline.contexts.current import current_names
from pipeline.contexts.wording import number_word
from pipeline.formatting import join_and
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.vocabulary import LeadershipModel


def leaders_phrase(partnership: Partnership) -> str:
    """Who leads, as a noun phrase: 'Harbor & Hope', 'the co-leads (A and B)' or 'the core group'."""
    model = partnership.leadership.model
    leads = current_names(partnership, partnership.leadership.leads)
    if model is LeadershipModel.core_group or not leads:
        # Translators: who leads, as a noun phrase inside a sentence ('without the agreement of the core group').
        return _("the core group")
    if model is LeadershipModel.co_leadership:
        # Translators: who leads, as a noun phrase inside a sentence; {names} are the co-lead organizations.
        return _("the co-lead agencies ({names})", names=join_and(leads))
    # Translators: who leads, as a noun phrase inside a sentence; {name} is the lead organization.
    return _("the lead agency ({name})", name=leads[0])


def leadership_statement(partnership: Partnership) -> str:
    leadership = partnership.leadership
    leads = current_names(partnership, partnership.leadership.leads)
    if leadership.model is LeadershipModel.primary_lead and leads:
        return _("The lead agency of the Partnership is {name}, which convenes its work.", name=leads[0])
    if leadership.model is LeadershipModel.co_leadership and leads:
        # Translators: {number} is a count in words ('two'); {names} are the co-lead organizations.
        return _(
            "The Partnership is led jointly by {number} co-lead agencies: {names}.",
            number=number_word(len(leads)),
            names=join_and(leads),
        )
    current = {m.id for m in partnership.current_members}
    held = [seat for seat in leadership.core_group if seat.holder in current]
    holders = current_names(partnership, dict.fromkeys(seat.holder for seat in held if seat.holder))
    vacant = len(leadership.core_group) - len(held)
    if vacant:
        # Translators: who holds the core group's seats; {number} is a count in words ('four').
        held_by = _n(
            "{number} member",
            "{number} members from different sectors",
            len(holders),
            number=number_word(len(holders)),
        )
        # Translators: in brackets after the members who hold the core group's seats.
        vacancies = _n("{number} seat is vacant", "{number} seats are vacant", vacant, number=number_word(vacant))
        # Translators: {seats} is a count in words ('five'); {holders} is 'four members from different sectors';
        # {vacancies} is 'one seat is vacant'.
        statement = _(
            "The Partnership has no single lead agency. A core group of {seats} seats, held by {holders} "
            "({vacancies}), leads it together and shares the work of leadership equally.",
            seats=number_word(len(leadership.core_group)),
            holders=held_by,
            vacancies=vacancies,
        )
    else:
        # Translators: {number} is a count in words ('five').
        statement = _(
            "The Partnership has no single lead agency. A core group of {number} members from different sectors "
            "leads it together and shares the work of leadership equally.",
            number=number_word(len(holders)),
        )
    # Whoever acts in a convener's seat convenes: a member covering it for another, while the cover lasts.
    acting = [
        seat.alternate.member if seat.alternate and seat.alternate.member in current else seat.holder
        for seat in held
        if seat.convenes
    ]
    conveners = current_names(partnership, dict.fromkeys(member for member in acting if member))
    if len(conveners) == 1:
        statement += " " + _("{name} convenes the core group.", name=conveners[0])
    elif conveners:
        statement += " " + _("{names} convene the core group.", names=join_and(conveners))
    return statement


def coordinator_statement(partnership: Partnership) -> str:
    coordinator = partnership.leadership.coordinator
    if coordinator is None:
        return ""
    employer = current_names(partnership, [coordinator.employer])
    # The subject names the post; each sentence after it is whole, so a translation can place its commas.
    title = coordinator.title
    if coordinator.fte is None:
        # Translators: the subject of a sentence: the person in the post named {title}.
        post = _p("coordinator", "The {title}", title=title)
    elif coordinator.fte == 1:
        # Translators: the subject of a sentence: the person in the post named {title}, who works full time.
        post = _p("coordinator", "The {title} (full time)", title=title)
    else:
        # Translators: the subject of a sentence: the person in the post named {title}; {fte} is a number ('0.5').
        post = _p("coordinator", "The {title} ({fte} full-time equivalent)", title=title, fte=f"{coordinator.fte:g}")
    values = {"coordinator": post, "employer": employer[0] if employer else "", "funder": coordinator.funded_by or ""}
    return _coordinator_sentences(bool(employer), bool(coordinator.funded_by), coordinator.votes).format(**values)


def _coordinator_sentences(employed: bool, funded: bool, votes: bool) -> str:
    """The coordinator's sentence with its {coordinator}, {employer} and {funder} still to fill in.

    Translated with no values and filled in by the caller: each message uses some of the three placeholders, and
    str.format ignores the others."""
    if employed and funded and votes:
        # Translators: {coordinator} is the subject ('The Partnership Coordinator (full time)').
        return _(
            "{coordinator}, employed by {employer} and paid for by {funder}, runs the Partnership’s work from day to "
            "day and has a vote."
        )
    if employed and funded:
        return _(
            "{coordinator}, employed by {employer} and paid for by {funder}, runs the Partnership’s work from day to "
            "day and does not vote."
        )
    if employed and votes:
        return _("{coordinator}, employed by {employer}, runs the Partnership’s work from day to day and has a vote.")
    if employed:
        return _(
            "{coordinator}, employed by {employer}, runs the Partnership’s work from day to day and does not vote."
        )
    if funded and votes:
        return _("{coordinator} and paid for by {funder}, runs the Partnership’s work from day to day and has a vote.")
    if funded:
        return _(
            "{coordinator} and paid for by {funder}, runs the Partnership’s work from day to day and does not vote."
        )
    if votes:
        return _("{coordinator}, runs the Partnership’s work from day to day and has a vote.")
    return _("{coordinator}, runs the Partnership’s work from day to day and does not vote.")


__all__ = ["coordinator_statement", "leaders_phrase", "leadership_statement"]
