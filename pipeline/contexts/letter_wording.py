"""Wording the letters of intent need: addressing, in-kind totals and a contact's ways to be reached."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.audience import Audience
from pipeline.contexts.common import contact_view
from pipeline.contexts.member_wording import amount_per
from pipeline.contexts.wording import join_sentences, with_article
from pipeline.formatting import join_and, money
from pipeline.i18n import _
from schemas.members import Commitment, Contact
from schemas.operations import Grant, LetterOfIntent

# Words that may stand before a name and serve as the courtesy title of a salutation ('Dear Sheriff Whitcomb:').
_HONORIFICS = frozenset(
    {
        *("dr", "mr", "ms", "mrs", "mx", "prof", "professor", "rev", "reverend", "hon", "honorable", "judge"),
        *("sheriff", "chief", "director", "commissioner", "mayor", "senator", "representative", "councilmember"),
        *("captain", "lieutenant", "lt", "sergeant", "sgt", "officer", "agent", "detective", "superintendent"),
        *("president", "chancellor", "dean"),
    }
)
# Last words of an addressee that is a role or an office rather than a person.
_ROLES = frozenset(
    {
        *("manager", "director", "officer", "coordinator", "administrator", "specialist", "chair", "team"),
        *("committee", "office", "division", "program", "unit", "staff", "board", "panel", "department"),
    }
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "esq", "esq.", "md", "m.d."})


def salutation(loi: LetterOfIntent) -> str:
    """'Dear Sheriff Whitcomb:' or 'Dear Executive Director Fairbanks:': a courtesy title and the surname.

    The addressee is written 'Name, Title' or 'Title Name'; `salutation` in the YAML wins when given.
    """
    if loi.salutation:
        return _dear(loi.salutation.strip().removeprefix("Dear ").rstrip(":,").strip())
    name, _comma, title = (part.strip() for part in loi.addressee.partition(","))
    words = [w for w in name.split() if w.strip(",").lower() not in _SUFFIXES]
    if not words:
        # Translators: the greeting of a letter to an addressee whose name is not known.
        return _("Dear Sir or Madam:")
    courtesy = [w for w in words[:-1] if w.lower().rstrip(".") in _HONORIFICS]
    if courtesy:
        return _dear(f"{' '.join(courtesy)} {words[-1]}")
    if words[-1].lower() in _ROLES:
        return _dear(name)  # a role, not a person: 'Grants Manager, Capacity Grant' is greeted as the role
    return _dear(f"{title} {words[-1]}" if title else name)


def _dear(addressee: str) -> str:
    # Translators: the greeting of a letter; {addressee} is a courtesy title and surname ('Sheriff Whitcomb') or a
    # role ('Grants Manager'), so the greeting should not assume a gender.
    return _("Dear {addressee}:", addressee=addressee)


def re_line(grant: Grant) -> str:
    """The RE line: the letter's subject, program, funder, solicitation number and fiscal year when known."""
    parts = [grant.program.strip(), grant.funder.strip()]
    if grant.solicitation_id:
        # Translators: the funder's number for the call for applications, in the subject line of a letter.
        parts.append(_("Solicitation No. {number}", number=grant.solicitation_id.strip()))
    if grant.fiscal_year:
        parts.append(_("Fiscal Year {year}", year=grant.fiscal_year))
    # Translators: the subject line of a letter of intent; {subject} is the grant program, funder and numbers.
    return _("RE: Letter of intent, {subject}", subject="; ".join(parts))


def in_kind_total(commitments: Iterable[Commitment]) -> str:
    """'Together, our in-kind contributions are estimated at $18,000 per year.' ('' when nothing has a value).

    Values over different periods are summed per period: a yearly value and a one-off value cannot be added.
    """
    totals: dict[str, int] = {}
    count = 0
    for commitment in commitments:
        if commitment.in_kind_value is not None:
            count += 1
            # The period as common.commitment_text reads it, so a total and its items name their periods alike.
            period = (commitment.per or "").strip().removeprefix("the ")
            totals[period] = totals.get(period, 0) + commitment.in_kind_value
    if not totals:
        return ""
    amounts = join_and(amount_per(money(total), period) for period, total in totals.items())
    if count == 1:
        # Translators: {amounts} is '$1,200 per year' (or several amounts over different periods).
        return _("In all, our in-kind contribution is estimated at {amounts}.", amounts=amounts)
    # Translators: {amounts} is '$18,000 per year' (or several amounts over different periods).
    return _("Together, our in-kind contributions are estimated at {amounts}.", amounts=amounts)


def reach(contact: Contact, audience: Audience) -> str:
    """'Name, Title: e-mail, phone.' with only what the audience may see."""
    view = contact_view(contact, audience)
    ways = ", ".join(way for way in (view.email, view.phone) if way)
    # A role, or a person this audience may not see named, reads as 'the Intake desk'.
    label = view.label if view.name else with_article(view.label)
    text = f"{label}: {ways}" if ways else label
    return join_sentences(text, view.languages)


__all__ = ["in_kind_total", "re_line", "reach", "salutation"]
