"""The subgrants of a partnership as documents: their file names, the grant each passes on, and what is blank.

Cheap (no rendering code), so that `lint` and the kinds' file names use it as the context does: the
agreement prints a blank exactly where lint lists one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from pipeline.formatting import long_date, money
from pipeline.i18n import _
from schemas import Partnership
from schemas.operations import Grant, Subgrant
from schemas.subgrants import FederalAward

PREFIX = "subgrant-agreement"


def agreement_names(partnership: Partnership) -> list[str]:
    """One name per subgrant, in order: subgrant-agreement-<to_member>, numbered when a member receives two."""
    counts = Counter(s.to_member for s in partnership.funding.subgrants)
    seen: Counter[str] = Counter()
    names = []
    for subgrant in partnership.funding.subgrants:
        seen[subgrant.to_member] += 1
        suffix = f"-{seen[subgrant.to_member]}" if counts[subgrant.to_member] > 1 else ""
        names.append(f"{PREFIX}-{subgrant.to_member}{suffix}")
    return names


def subgrant_named(partnership: Partnership, name: str) -> Subgrant:
    """The subgrant a subgrant agreement of this name states."""
    return partnership.funding.subgrants[agreement_names(partnership).index(name)]


def party_ids(partnership: Partnership, name: str) -> list[str]:
    """The pass-through organization and the subrecipient of the agreement of this name: who signs it."""
    subgrant = subgrant_named(partnership, name)
    return [subgrant.from_member, subgrant.to_member]


def source_grant(partnership: Partnership, subgrant: Subgrant) -> Grant | None:
    """The grant the funds come from: the one named, else the grantor's only grant. None when it cannot be told:
    the agreement then prints a blank for it. (A guess among several grants once named a grant not yet awarded
    as the source of foundation money.)"""
    held = [g for g in partnership.funding.grants if g.applicant == subgrant.from_member]
    if subgrant.grant is not None:
        return next((g for g in held if g.program.strip() == subgrant.grant.strip()), None)
    return held[0] if len(held) == 1 else None


@dataclass(frozen=True)
class AwardItem:
    """One line of the federal award information: what the regulation asks for, and the value if known."""

    key: str
    """The field under award_information that gives it (where lint points)."""
    label: str
    value: str | None


def _period(start: dt.date | None, end: dt.date | None) -> str | None:
    if start is None or end is None:
        return None
    return _("{start} to {end}", start=long_date(start), end=long_date(end))


def award_items(partnership: Partnership, subgrant: Subgrant) -> list[AwardItem]:
    """The award information of 2 CFR 200.332(b)(1), in the regulation's order; empty for non-federal funds."""
    if not subgrant.federal:
        return []
    info = subgrant.award_information
    award = grant.federal_award if (grant := source_grant(partnership, subgrant)) else None
    award = award or FederalAward()
    recipient = partnership.member(subgrant.to_member)
    grantor = partnership.member(subgrant.from_member)
    # The subgrant's own value wins; else the federal award's, written once on the grant for every subgrant.
    fain = info.fain or award.fain
    award_date = info.federal_award_date or award.award_date
    total = info.total_federal_award if info.total_federal_award is not None else award.total_amount
    rd = info.research_and_development if info.research_and_development is not None else award.research_and_development
    return [
        AwardItem("subrecipient_uei", _("Subrecipient"), recipient.legal_name),
        AwardItem("subrecipient_uei", _("Subrecipient’s Unique Entity Identifier (UEI)"), info.subrecipient_uei),
        AwardItem("fain", _("Federal Award Identification Number (FAIN)"), fain),
        AwardItem("federal_award_date", _("Federal award date"), long_date(award_date) or None),
        AwardItem("period_start", _("Subaward period of performance"), _period(info.period_start, info.period_end)),
        AwardItem(
            "budget_period_start",
            _("Subaward budget period"),
            _period(info.budget_period_start, info.budget_period_end),
        ),
        AwardItem(
            "obligated_this_action",
            _("Federal funds obligated by this agreement"),
            money(info.obligated_this_action) or None,
        ),
        AwardItem(
            "total_obligated",
            _("Total federal funds obligated to the subrecipient"),
            money(info.total_obligated) or None,
        ),
        AwardItem(
            "total_committed",
            _("Total of the federal award committed to the subrecipient"),
            money(info.total_committed) or None,
        ),
        AwardItem(
            "total_federal_award",
            _("Total federal award to {grantor}", grantor=grantor.legal_name),
            money(total) or None,
        ),
        AwardItem(
            "project_description",
            _("Federal award project description"),
            info.project_description or award.project_description,
        ),
        AwardItem("awarding_agency", _("Federal awarding agency"), info.awarding_agency or award.awarding_agency),
        AwardItem(
            "pass_through_contact",
            _("Pass-through entity: {grantor}; awarding official", grantor=grantor.legal_name),
            info.pass_through_contact,
        ),
        AwardItem(
            "assistance_listing_number",
            _("Assistance Listing number"),
            info.assistance_listing_number or award.assistance_listing_number,
        ),
        AwardItem(
            "assistance_listing_title",
            _("Assistance Listing title"),
            info.assistance_listing_title or award.assistance_listing_title,
        ),
        AwardItem(
            "research_and_development",
            _("Research and development award"),
            None if rd is None else (_("Yes") if rd else _("No")),
        ),
        AwardItem("indirect_cost_rate", _("Indirect cost rate"), info.indirect_cost_rate),
    ]


def blanks(partnership: Partnership, subgrant: Subgrant) -> list[tuple[tuple[str, ...], str]]:
    """Every value the agreement prints as a blank: (path under the subgrant, what is missing)."""
    found: list[tuple[tuple[str, ...], str]] = [
        (("award_information", item.key), item.label)
        for item in award_items(partnership, subgrant)
        if item.value is None
    ]
    if source_grant(partnership, subgrant) is None:
        found.insert(0, (("grant",), "the grant the funds come from"))
    terms = subgrant.terms
    for key, label, value in (
        ("budget", "budget", terms.budget or None),
        ("payment_method", "payment method", terms.payment_method),
        ("invoice_frequency", "invoicing frequency", terms.invoice_frequency),
        ("report_frequency", "reporting frequency", terms.report_frequency),
    ):
        if value is None:
            found.append((("terms", key), label))
    return found
