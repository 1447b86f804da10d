"""The MOU's financial terms (documents.md section 2.1, item 12): subgrants and grants, listed for reference.

The MOU obligates no funds; these views only name the separate agreements and awards through which money
moves, so that each Party can see them without the MOU taking them on.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.contexts.common import current_name
from pipeline.contexts.wording import labelled, sentence
from pipeline.formatting import long_date, money
from schemas import Partnership


@dataclass(frozen=True)
class SubgrantView:
    grantor_id: str
    recipient_id: str
    grantor: str
    recipient: str
    amount: str
    purpose: str
    reference: str
    summary: str


def subgrants(partnership: Partnership) -> tuple[SubgrantView, ...]:
    views = []
    for subgrant in partnership.funding.subgrants:
        grantor, recipient = (
            current_name(partnership, subgrant.from_member),
            current_name(partnership, subgrant.to_member),
        )
        if not grantor or not recipient:
            continue  # a subgrant with a withdrawn member is no part of a newly signed MOU
        reference = subgrant.agreement_reference or ""
        summary = f"{grantor} to {recipient}: {sentence(subgrant.amount)} {labelled('Purpose', subgrant.purpose)}"
        views.append(
            SubgrantView(
                grantor_id=subgrant.from_member,
                recipient_id=subgrant.to_member,
                grantor=grantor,
                recipient=recipient,
                amount=subgrant.amount,
                purpose=sentence(subgrant.purpose),
                reference=reference or "Not yet numbered",
                summary=f"{summary} {labelled('Agreement', reference)}".strip(),
            )
        )
    return tuple(views)


def grants(partnership: Partnership) -> tuple[str, ...]:
    lines = []
    for grant in partnership.funding.grants:
        text = f"{grant.program}, {grant.funder}"
        text += f", fiscal year {grant.fiscal_year}." if grant.fiscal_year else "."
        if applicant := current_name(partnership, grant.applicant):
            text += f" {'Recipient' if grant.awarded else 'Applicant'}: {applicant}."
        if grant.amount is not None:
            text += f" Amount {'awarded' if grant.awarded else 'requested'}: {money(grant.amount)}."
        if grant.period_start and grant.period_end:
            text += f" Project period: {long_date(grant.period_start)} to {long_date(grant.period_end)}."
        text += " The award has been made." if grant.awarded else " The application is pending."
        lines.append(text)
    return tuple(lines)


__all__ = ["SubgrantView", "grants", "subgrants"]
