"""Contexts of the Subgrant Agreements (documents.md section 3b), one per subgrant under funding.subgrants.

An agreement is between the member that passes grant funds on (the pass-through entity) and the member that
receives them (the subrecipient). It states the federal award information 2 CFR 200.332 asks for and the
terms the parties agreed. A value the YAML does not give is printed as a blank with a short label, never
worked out or guessed; `lint` lists the same blanks (pipeline/subgrants.py) and they block a release.
Fixed wording lives in the template; this module hands over what depends on the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import blank, designation, signature_block
from pipeline.contexts.confidentiality import own_promises
from pipeline.contexts.wording import organization, sentence
from pipeline.formatting import money
from pipeline.i18n import N_, _
from pipeline.kinds import PlannedDocument
from pipeline.subgrants import agreement_names, award_items, source_grant
from schemas import Partnership
from schemas.operations import Subgrant
from schemas.subgrants import PaymentMethod

DOCUMENT_TITLE = N_("Subgrant Agreement")
"""The English title (translate it with `_(DOCUMENT_TITLE)`)."""


@dataclass(frozen=True)
class Row:
    """One line of a two-column table (award information or budget)."""

    label: str
    value: str


def subgrant_agreements(partnership: Partnership, audience: Audience) -> list[PlannedDocument]:
    """One agreement per subgrant, named as pipeline.subgrants names it."""
    names = agreement_names(partnership)
    return [
        PlannedDocument(
            name=names[index],
            title=f"{_(DOCUMENT_TITLE)}: {partnership.member(subgrant.to_member).name}",
            context=subgrant_context(partnership, subgrant, audience),
        )
        for index, subgrant in enumerate(partnership.funding.subgrants)
    ]


def subgrant_context(partnership: Partnership, subgrant: Subgrant, audience: Audience) -> dict[str, Any]:
    """Everything one agreement shows, already worded; the keys are the template's variables."""
    grantor = partnership.member(subgrant.from_member)
    recipient = partnership.member(subgrant.to_member)
    terms = subgrant.terms
    return {
        "partnership_name": partnership.name,
        "document_title": _(DOCUMENT_TITLE),
        # 1. Parties
        "grantor": designation(grantor),
        "recipient": designation(recipient),
        # Translators: {reference} is the agreement's own number or code, as the partnership file gives it.
        "reference": sentence(_("Agreement reference: {reference}", reference=subgrant.agreement_reference.strip()))
        if subgrant.agreement_reference
        else "",
        "source": _source(partnership, subgrant),
        # 2. Federal award information (2 CFR 200.332)
        "federal": subgrant.federal,
        "award_rows": tuple(
            Row(item.label, item.value if item.value is not None else blank(_("to complete")))
            for item in award_items(partnership, subgrant)
        ),
        # 3. Scope of work and deliverables
        "amount": subgrant.amount.strip(),
        "purpose": sentence(subgrant.purpose),
        # Translators: the labels in brackets after a line to complete by hand say what belongs on it.
        "deliverables": tuple(sentence(d) for d in terms.deliverables) or (blank(_("deliverables to agree")),),
        # 4. Budget
        "budget_rows": tuple(Row(line.item.strip(), money(line.amount)) for line in terms.budget)
        or (Row(blank(_("budget item")), blank(_("amount"))),),
        "budget_total": money(sum(line.amount for line in terms.budget)) if terms.budget else blank(_("total")),
        # 5-6. Payment and reporting
        "payment": _payment(subgrant),
        # Translators: a blank's label; the template's sentence reads 'sends its invoices [how often]'.
        "invoicing": terms.invoice_frequency.strip() if terms.invoice_frequency else blank(_("how often")),
        "reporting": terms.report_frequency.strip() if terms.report_frequency else blank(_("how often")),
        # 10. Confidentiality: what the subrecipient may promise in its legal position
        "recipient_name": organization(recipient.name, start=True),
        "confidentiality": own_promises(partnership, recipient),
        # 14. Signatures: the two parties
        "signatures": (signature_block(grantor, audience), signature_block(recipient, audience)),
    }


def _source(partnership: Partnership, subgrant: Subgrant) -> str:
    grant = source_grant(partnership, subgrant)
    if grant is None:
        # Translators: the label in brackets after a line to complete by hand.
        missing = blank(_("program and funder"))
        # Translators: {blank} is a line to complete by hand with the grant's program and funder.
        return _("The funds come from the grant {blank}.", blank=missing)
    # The funder's name ends the sentence and may end with a full stop of its own ('Inc.'): sentence() adds one.
    return sentence(
        # Translators: no full stop: one is added after the funder's name unless the name ends with one.
        _(
            "The funds come from the grant {program}, made by {funder}",
            program=grant.program.strip(),
            funder=grant.funder.strip(),
        )
    )


def _payment(subgrant: Subgrant) -> str:
    method = subgrant.terms.payment_method
    if method is PaymentMethod.reimbursement:
        return _(
            "The Pass-Through Entity pays by reimbursement: the Subrecipient first pays allowable costs and then "
            "invoices for them with the documents that support them."
        )
    if method is PaymentMethod.advance:
        return _(
            "The Pass-Through Entity pays in advance, in amounts kept to what the Subrecipient needs for its "
            "immediate costs; the Subrecipient accounts for each advance before the next one."
        )
    # Translators: the label in brackets after a line to complete by hand.
    missing = blank(_("reimbursement or advance"))
    # Translators: {blank} is a line to complete by hand with the payment method.
    return _("The Pass-Through Entity pays by {blank}.", blank=missing)


__all__ = ["DOCUMENT_TITLE", "subgrant_agreements", "subgrant_context"]
