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
from pipeline.kinds import PlannedDocument
from pipeline.subgrants import agreement_names, award_items, source_grant
from schemas import Partnership
from schemas.operations import Subgrant
from schemas.subgrants import PaymentMethod

DOCUMENT_TITLE = "Subgrant Agreement"


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
            title=f"{DOCUMENT_TITLE}: {partnership.member(subgrant.to_member).name}",
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
        "document_title": DOCUMENT_TITLE,
        # 1. Parties
        "grantor": designation(grantor),
        "recipient": designation(recipient),
        "reference": sentence(f"Agreement reference: {subgrant.agreement_reference.strip()}")
        if subgrant.agreement_reference
        else "",
        "source": _source(partnership, subgrant),
        # 2. Federal award information (2 CFR 200.332)
        "federal": subgrant.federal,
        "award_rows": tuple(
            Row(item.label, item.value if item.value is not None else blank("to complete"))
            for item in award_items(partnership, subgrant)
        ),
        # 3. Scope of work and deliverables
        "amount": subgrant.amount.strip(),
        "purpose": sentence(subgrant.purpose),
        "deliverables": tuple(sentence(d) for d in terms.deliverables) or (blank("deliverables to agree"),),
        # 4. Budget
        "budget_rows": tuple(Row(line.item.strip(), money(line.amount)) for line in terms.budget)
        or (Row(blank("budget item"), blank("amount")),),
        "budget_total": money(sum(line.amount for line in terms.budget)) if terms.budget else blank("total"),
        # 5-6. Payment and reporting
        "payment": _payment(subgrant),
        "invoicing": terms.invoice_frequency.strip() if terms.invoice_frequency else blank("how often"),
        "reporting": terms.report_frequency.strip() if terms.report_frequency else blank("how often"),
        # 10. Confidentiality: what the subrecipient may promise in its legal position
        "recipient_name": organization(recipient.name, start=True),
        "confidentiality": own_promises(partnership, recipient),
        # 14. Signatures: the two parties
        "signatures": (signature_block(grantor, audience), signature_block(recipient, audience)),
    }


def _source(partnership: Partnership, subgrant: Subgrant) -> str:
    grant = source_grant(partnership, subgrant)
    if grant is None:
        return f"The funds come from the grant {blank('program and funder')}."
    return sentence(f"The funds come from the grant {grant.program.strip()}, made by {grant.funder.strip()}")


def _payment(subgrant: Subgrant) -> str:
    method = subgrant.terms.payment_method
    if method is PaymentMethod.reimbursement:
        return (
            "The Pass-Through Entity pays by reimbursement: the Subrecipient first pays allowable costs and then "
            "invoices for them with the documents that support them."
        )
    if method is PaymentMethod.advance:
        return (
            "The Pass-Through Entity pays in advance, in amounts kept to what the Subrecipient needs for its "
            "immediate costs; the Subrecipient accounts for each advance before the next one."
        )
    return f"The Pass-Through Entity pays by {blank('reimbursement or advance')}."


__all__ = ["DOCUMENT_TITLE", "subgrant_agreements", "subgrant_context"]
