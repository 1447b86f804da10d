"""The MOU's terms in time: when it takes effect, who joined or left since, and how long it runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pipeline.contexts.common import merged_into
from pipeline.contexts.wording import maybe
from pipeline.dated import party_changes
from pipeline.formatting import long_date, on_date
from pipeline.i18n import _, _n
from schemas import Partnership
from schemas.members import Signatory
from schemas.operations import Agreement
from schemas.vocabulary import Renewal


def effective_statement(partnership: Partnership, as_of: dt.date | None, numbers: Mapping[str, str]) -> str:
    """When the MOU takes effect; `numbers` are its section numbers (mou_sections.section_numbers)."""
    agreement = partnership.agreement
    if agreement is None or as_of is None:
        return _("This Memorandum takes effect on the date on which the last Party signs it.")
    if agreement.restated is None:
        return _("This Memorandum takes effect on {date}.", date=long_date(as_of))
    since = party_changes(partnership, agreement.effective_date or as_of)
    if any(c.date.first_day <= as_of for c in since):
        return _(
            "This amended and restated Memorandum takes effect on {date}. It replaces the Memorandum that took "
            "effect on {original_date}, taking in every amendment, joinder and the changes in the Parties listed in "
            "section {section} since, and the Parties listed above sign it again.",
            date=long_date(as_of),
            original_date=long_date(agreement.effective_date),
            section=numbers["amendment"],
        )
    return _(
        "This amended and restated Memorandum takes effect on {date}. It replaces the Memorandum that took effect "
        "on {original_date}, taking in every amendment, joinder since, and the Parties listed above sign it again.",
        date=long_date(as_of),
        original_date=long_date(agreement.effective_date),
    )


def party_record(partnership: Partnership, as_of: dt.date | None) -> dict[str, Any]:
    """Joinders and withdrawals after the MOU's date, in words, and the record of joinders for the joinder page.

    For a restated MOU the record starts from the original effective date, so its history is complete.
    """
    agreement = partnership.agreement
    if agreement is None or as_of is None:
        return {"as_of": "", "party_changes": (), "joinders": ()}
    start = agreement.effective_date if agreement.restated and agreement.effective_date else as_of
    changes = party_changes(partnership, start)
    lines, joinders = [], []
    for change in changes:
        member, when = change.member.legal_name, long_date(change.date)
        if change.joined:
            # Translators: a line of the record of changes in the Parties; {date} is when it happened.
            lines.append(_("{date}: {member} joined by signing the joinder page.", date=when, member=member))
            joinders.append(_joinder(member, on_date(change.date), change.member.signatory))
        elif change.member.withdrawal is not None:
            notice = long_date(change.member.withdrawal.notice_date)
            lines.append(
                _(
                    "{date}: {member} withdrew, having given written notice on {notice_date}.",
                    date=when,
                    member=member,
                    notice_date=notice,
                )
            )
        elif change.member.merger is not None:
            merged = merged_into(partnership, change.member.merger)
            # Translators: {merged} says what the member merged into ('merged into Harbor & Hope').
            lines.append(_("{date}: {member} {merged}.", date=when, member=member, merged=merged))
    return {"as_of": long_date(start), "party_changes": tuple(lines), "joinders": tuple(joinders)}


def _joinder(member: str, when: str, signer: Signatory | None) -> str:
    """A line of the record of joinders; `when` is 'on March 1, 2025' or 'in March 2025', with its preposition."""
    if signer is None:
        # Translators: a line of the record of joinders; {date} is 'on March 1, 2025', with its preposition.
        return _("{member}, {date}, signed for it by its signatory.", member=member, date=when)
    if signer.name:
        # Translators: a line of the record of joinders; {date} is 'on March 1, 2025', with its preposition.
        return _(
            "{member}, {date}, signed for it by {name}, {title}.",
            member=member,
            date=when,
            name=signer.name,
            title=signer.title,
        )
    # Translators: {title} is the post of the person who signed for the joining organization.
    return _("{member}, {date}, signed for it by {title}.", member=member, date=when, title=signer.title)


def term(agreement: Agreement, numbers: Mapping[str, str]) -> dict[str, str]:
    withdrawal = numbers["withdrawal"]
    if agreement.end_date:
        term = _term_between(agreement.effective_date, agreement.end_date)
    elif agreement.term_months:
        term = _term_for(agreement.effective_date, agreement.term_months)
    else:
        term = _term_open(agreement.effective_date, withdrawal)
    # An open-ended term has nothing to renew.
    fixed = bool(agreement.end_date or agreement.term_months)
    return {
        "term_statement": term,
        "renewal_statement": _renewal(agreement, withdrawal) if fixed else "",
        "review": maybe(agreement.review),
    }


def _renewal(agreement: Agreement, withdrawal: str) -> str:
    if agreement.renewal is Renewal.by_written_amendment:
        return _("It may be renewed before it ends by a written amendment signed by all Parties.")
    if agreement.renewal is Renewal.none:
        return _("It ends when its term ends, unless the Parties sign a new agreement.")
    if agreement.end_date or not agreement.term_months:
        # Translators: {section} is the number of the MOU's section on withdrawal and termination.
        return _(
            "At the end of each term it renews automatically for a further term of the same length, unless it has "
            "been ended under section {section}.",
            section=withdrawal,
        )
    # Translators: {section} is the number of the MOU's section on withdrawal and termination.
    return _n(
        "At the end of each term it renews automatically for a further term of {count} month, unless it has "
        "been ended under section {section}.",
        "At the end of each term it renews automatically for a further term of {count} months, unless it has "
        "been ended under section {section}.",
        agreement.term_months,
        section=withdrawal,
    )


def _term_between(start: dt.date | None, end: dt.date) -> str:
    if start is None:
        return _("This Memorandum runs from the date of the last signature to {end}.", end=long_date(end))
    return _("This Memorandum runs from {start} to {end}.", start=long_date(start), end=long_date(end))


def _term_for(start: dt.date | None, months: int) -> str:
    if start is None:
        return _n(
            "This Memorandum runs for {count} month from the date of the last signature.",
            "This Memorandum runs for {count} months from the date of the last signature.",
            months,
        )
    return _n(
        "This Memorandum runs for {count} month from {start}.",
        "This Memorandum runs for {count} months from {start}.",
        months,
        start=long_date(start),
    )


def _term_open(start: dt.date | None, withdrawal: str) -> str:
    # Translators: {section} is the number of the MOU's section on withdrawal and termination.
    if start is None:
        return _(
            "This Memorandum runs from the date of the last signature until it is ended under section {section}.",
            section=withdrawal,
        )
    # Translators: {section} is the number of the MOU's section on withdrawal and termination.
    return _(
        "This Memorandum runs from {start} until it is ended under section {section}.",
        start=long_date(start),
        section=withdrawal,
    )


__all__ = ["effective_statement", "party_record", "term"]
