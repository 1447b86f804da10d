"""The MOU's terms in time: when it takes effect, who joined or left since, and how long it runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from pipeline.contexts.common import merged_into
from pipeline.contexts.wording import maybe
from pipeline.dated import party_changes
from pipeline.formatting import long_date, on_date
from schemas import Partnership
from schemas.operations import Agreement
from schemas.vocabulary import Renewal


def effective_statement(partnership: Partnership, as_of: dt.date | None, numbers: Mapping[str, str]) -> str:
    """When the MOU takes effect; `numbers` are its section numbers (mou_sections.section_numbers)."""
    agreement = partnership.agreement
    if agreement is None or as_of is None:
        return "This Memorandum takes effect on the date on which the last Party signs it."
    if agreement.restated is None:
        return f"This Memorandum takes effect on {long_date(as_of)}."
    since = party_changes(partnership, agreement.effective_date or as_of)
    earlier = [c for c in since if c.date.first_day <= as_of]
    changed = f" and the changes in the Parties listed in section {numbers['amendment']}" if earlier else ""
    return (
        f"This amended and restated Memorandum takes effect on {long_date(as_of)}. It replaces the Memorandum "
        f"that took effect on {long_date(agreement.effective_date)}, taking in every amendment, joinder"
        f"{changed} since, and the Parties listed above sign it again."
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
        member, when = change.member, long_date(change.date)
        if change.joined:
            lines.append(f"{when}: {member.legal_name} joined by signing the joinder page.")
            signer = member.signatory
            by = (f"{signer.name}, {signer.title}" if signer.name else signer.title) if signer else "its signatory"
            joinders.append(f"{member.legal_name}, {on_date(change.date)}, signed for it by {by}.")
        elif change.member.withdrawal is not None:
            notice = long_date(change.member.withdrawal.notice_date)
            lines.append(f"{when}: {member.legal_name} withdrew, having given written notice on {notice}.")
        elif change.member.merger is not None:
            lines.append(f"{when}: {member.legal_name} {merged_into(partnership, change.member.merger)}.")
    return {"as_of": long_date(start), "party_changes": tuple(lines), "joinders": tuple(joinders)}


def term(agreement: Agreement, numbers: Mapping[str, str]) -> dict[str, str]:
    withdrawal = f"section {numbers['withdrawal']}"
    start = long_date(agreement.effective_date) or "the date of the last signature"
    if agreement.end_date:
        term, length = f"This Memorandum runs from {start} to {long_date(agreement.end_date)}.", "the same length"
    elif agreement.term_months:
        months = f"{agreement.term_months} month{'s' if agreement.term_months != 1 else ''}"
        term, length = f"This Memorandum runs for {months} from {start}.", months
    else:
        term, length = f"This Memorandum runs from {start} until it is ended under {withdrawal}.", ""
    renewals = {
        Renewal.automatic: f"At the end of each term it renews automatically for a further term of {length}, "
        f"unless it has been ended under {withdrawal}.",
        Renewal.by_written_amendment: "It may be renewed before it ends by a written amendment signed by all Parties.",
        Renewal.none: "It ends when its term ends, unless the Parties sign a new agreement.",
    }
    return {
        "term_statement": term,
        "renewal_statement": renewals[agreement.renewal] if length else "",
        "review": maybe(agreement.review),
    }


__all__ = ["effective_statement", "party_record", "term"]
