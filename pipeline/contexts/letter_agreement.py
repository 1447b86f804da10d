"""What follows a letter of intent: the agreement it leads to if the award is made, and what the letter binds.

A writer that receives part of the grant signs a subgrant agreement; any other writer signs (or updates) the
partnership's own agreement. Each case is a whole message, so a translation agrees its words with the agreement.
"""

from __future__ import annotations

import datetime as dt

from pipeline.contexts.wording import organization, with_article
from pipeline.i18n import _, _n
from schemas import Partnership
from schemas.members import Member
from schemas.operations import Grant
from schemas.vocabulary import Binding, Formality


def _is_subrecipient(partnership: Partnership, grant: Grant, writer: Member) -> bool:
    """Whether the writer receives part of the grant from the applicant: its agreement is then a subgrant agreement."""
    return writer.id != grant.applicant and any(
        s.from_member == grant.applicant and s.to_member == writer.id for s in partnership.funding.subgrants
    )


def agreement_name(partnership: Partnership, grant: Grant, writer: Member) -> str:
    """The agreement that turns this letter's intent into commitments."""
    # Translators: the sentences that name an agreement ({agreement}) take this name, 'Memorandum of
    # Understanding' or 'Memorandum of Agreement'.
    if _is_subrecipient(partnership, grant, writer):
        return _("subgrant agreement")
    return partnership.agreement.type.label if partnership.agreement else _("Memorandum of Understanding")


def next_step(partnership: Partnership, grant: Grant, writer: Member, agreement: str) -> str:
    days = grant.letter_of_intent.agreement_within_days if grant.letter_of_intent else None
    what = _what_we_sign(partnership, grant, writer, agreement)
    if days:
        # Translators: {agreement_to_sign} is what the writer will sign ('a Memorandum of Understanding with ...').
        step = _n(
            "If the award is made, we will sign, within {count} day of the award, {agreement_to_sign}.",
            "If the award is made, we will sign, within {count} days of the award, {agreement_to_sign}.",
            days,
            agreement_to_sign=what,
        )
    else:
        # Translators: {agreement_to_sign} is what the writer will sign ('a Memorandum of Understanding with ...').
        step = _("If the award is made, we will sign {agreement_to_sign}.", agreement_to_sign=what)
    if writer.id == grant.applicant:
        step += " " + _("Any funds we pass on to partners will move only under separate subgrant agreements.")
    return step


def _what_we_sign(partnership: Partnership, grant: Grant, writer: Member, agreement: str) -> str:
    """The agreement the writer will sign if the award is made, as the object of 'we will sign'."""
    applicant = organization(partnership.member(grant.applicant).name)
    existing = _agreement_in_force(partnership, grant.letter_of_intent.date if grant.letter_of_intent else None)
    name = with_article(partnership.name)
    if writer.id == grant.applicant:
        if existing:
            # Translators: what the writer will sign; {agreement} is the partnership's agreement ('Memorandum of
            # Understanding'), {partnership} the partnership's name.
            return _(
                "an update to the existing {agreement} of {partnership} that adds this project",
                agreement=agreement,
                partnership=name,
            )
        # Translators: what the writer will sign; {agreement} is 'Memorandum of Understanding' or the like.
        return _("a {agreement} with our partners in this project", agreement=agreement)
    if _is_subrecipient(partnership, grant, writer):
        # Translators: what the writer will sign; {applicant} is the organization that applies for the grant.
        return _(
            "a subgrant agreement with {applicant} that sets out the funds, terms and reporting for our part",
            applicant=applicant,
        )
    if existing:
        # Translators: what the writer will sign; {agreement} is 'Memorandum of Understanding' or the like.
        return _(
            "an update to the existing {agreement} of {partnership} that adds this project and our part in it",
            agreement=agreement,
            partnership=name,
        )
    if any(p != writer.id for p in grant.partners):
        # Translators: what the writer will sign; {agreement} is 'Memorandum of Understanding' or the like.
        return _(
            "a {agreement} with {applicant} and the other partners that sets out our roles and responsibilities "
            "in the project",
            agreement=agreement,
            applicant=applicant,
        )
    # Translators: what the writer will sign; {agreement} is 'Memorandum of Understanding' or the like.
    return _(
        "a {agreement} with {applicant} that sets out our roles and responsibilities in the project",
        agreement=agreement,
        applicant=applicant,
    )


def legal_effect(partnership: Partnership, grant: Grant, writer: Member, agreement: str) -> str:
    """What the letter is, and what the agreement that follows will be: the same frame the MOU and charter state."""
    intent = _(
        "This letter is conditional on the award and states our intent only: it is not a contract and obligates "
        "no funds, ours or anyone else’s."
    )
    if _is_subrecipient(partnership, grant, writer):
        then = _("That subgrant agreement will set out our part, and it is a binding contract.")
    elif partnership.agreement is not None and partnership.agreement.binding is Binding.binding:
        # Translators: {agreement} is 'Memorandum of Understanding' or 'Memorandum of Agreement'.
        then = _("That {agreement} will set out our commitments, and it binds those who sign it.", agreement=agreement)
    else:
        # Translators: {agreement} is 'Memorandum of Understanding' or 'Memorandum of Agreement'.
        then = _(
            "That {agreement} will record our commitments as shared commitments that we intend to honor, not as a "
            "contract.",
            agreement=agreement,
        )
    return f"{then} {intent}"  # "That agreement" follows the sentence that names it


def _agreement_in_force(partnership: Partnership, dated: dt.date | None) -> bool:
    """Whether the partnership's own agreement was in force when the letter was written: then the project is
    added to it rather than a new one signed. Without dates, a formal partnership is taken to have one."""
    agreement = partnership.agreement
    if agreement is None:
        return False
    if agreement.effective_date and dated:
        return agreement.effective_date <= dated
    return partnership.formality is Formality.formal


__all__ = ["agreement_name", "legal_effect", "next_step"]
