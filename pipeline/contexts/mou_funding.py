"""The MOU's financial terms (documents.md section 2.1, item 12): subgrants and grants, listed for reference.

The MOU obligates no funds; these views only name the separate agreements and awards through which money
moves, so that each Party can see them without the MOU taking them on.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.contexts.common import current_name
from pipeline.contexts.wording import labelled, sentence
from pipeline.formatting import long_date, money
from pipeline.i18n import _
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
        # Translators: a subgrant in a list: who passes funds to whom, and the amount as the file gives it.
        flow = _(
            "{grantor} to {recipient}: {amount}", grantor=grantor, recipient=recipient, amount=sentence(subgrant.amount)
        )
        purpose, agreement = _("Purpose"), _("Agreement")
        summary = f"{flow} {labelled(purpose, subgrant.purpose)}"
        views.append(
            SubgrantView(
                grantor_id=subgrant.from_member,
                recipient_id=subgrant.to_member,
                grantor=grantor,
                recipient=recipient,
                amount=subgrant.amount,
                purpose=sentence(subgrant.purpose),
                reference=reference or _("Not yet numbered"),
                summary=f"{summary} {labelled(agreement, reference)}".strip(),
            )
        )
    return tuple(views)


def grants(partnership: Partnership) -> tuple[str, ...]:
    lines = []
    for grant in partnership.funding.grants:
        awarded = grant.awarded
        if grant.fiscal_year:
            # Translators: a grant in a list: its program, its funder and the fiscal year ('2025').
            parts = [
                _(
                    "{program}, {funder}, fiscal year {year}.",
                    program=grant.program,
                    funder=grant.funder,
                    year=grant.fiscal_year,
                )
            ]
        else:
            # Translators: a grant in a list: its program and its funder.
            parts = [_("{program}, {funder}.", program=grant.program, funder=grant.funder)]
        if applicant := current_name(partnership, grant.applicant):
            parts.append(
                _("Recipient: {name}.", name=applicant) if awarded else _("Applicant: {name}.", name=applicant)
            )
        if grant.amount is not None:
            amount = money(grant.amount)
            parts.append(
                _("Amount awarded: {amount}.", amount=amount)
                if awarded
                else _("Amount requested: {amount}.", amount=amount)
            )
        if grant.period_start and grant.period_end:
            start, end = long_date(grant.period_start), long_date(grant.period_end)
            parts.append(_("Project period: {start} to {end}.", start=start, end=end))
        parts.append(_("The award has been made.") if awarded else _("The application is pending."))
        lines.append(" ".join(parts))
    return tuple(lines)


__all__ = ["SubgrantView", "grants", "subgrants"]
