"""The governance charter's sections 1 to 3: who the partnership is, what it is for, and how formal it is.

Its name and the name the members use, its authority and legal status, how long it has existed and how
many members it has; its purpose, vision, mission, values, goals and functions; how closely the members
work together, how formal that is, and how the charter relates to the MOU. governance_charter.py merges
the variables `identity` returns into the charter's context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.contexts.common import current_name, founding
from pipeline.contexts.texts import LEVEL_DESCRIPTIONS
from pipeline.contexts.wording import join_sentences, maybe, number_word, paragraphs, sentence, with_article
from pipeline.formatting import long_date, on_date
from pipeline.i18n import _, _n
from schemas import Partnership
from schemas.vocabulary import Binding, Formality, LegalStatus


@dataclass(frozen=True)
class GoalRow:
    name: str
    description: str
    objective: str


def identity(partnership: Partnership, numbers: dict[str, str]) -> dict[str, Any]:
    """Sections 1-3: name, authority and status; vision, mission and goals; level, formality and the MOU."""
    charter, agreement = partnership.charter, partnership.agreement
    name = with_article(partnership.name)
    if partnership.short_name and partnership.short_name != partnership.name:
        # Translators: {partnership} is the partnership's full name as it reads inside a sentence; {short_name} is
        # the short name the members use for it.
        designation = _(
            "{partnership} (“{short_name}” or the “Partnership”)", partnership=name, short_name=partnership.short_name
        )
    else:
        # Translators: {partnership} is the partnership's full name as it reads inside a sentence.
        designation = _("{partnership} (the “Partnership”)", partnership=name)
    count = len(partnership.current_members)
    relation = _mou_relation(partnership)
    if agreement:
        # Translators: {agreement} is the kind of agreement the members signed, e.g. "Memorandum of Understanding".
        authority = _(
            "The Partnership acts only by the agreement of its members, as recorded in their {agreement} (the “MOU”) "
            "and in this charter. It has no authority over any member’s own decisions, staff or funds.",
            agreement=agreement.type.label,
        )
    else:
        authority = _(
            "The Partnership acts only by the agreement of its members, as recorded in this charter. It has no "
            "authority over any member’s own decisions, staff or funds."
        )
    formality = (
        _("The Partnership is formal: its members work together under documented agreements and shared programs")
        if partnership.formality is Formality.formal
        else _(
            "The Partnership has been informal: it has rested on working relationships and goodwill rather than on "
            "written agreements"
        )
    )
    return {
        "partnership_designation": designation,
        "member_count": _member_count(partnership, count),
        "legal_status": _legal_status(partnership, numbers.get("coordinator", "")),
        "authority": sentence(charter.authority) if charter.authority else authority,
        "geography": sentence(partnership.geography),
        # 2. Vision, mission, values, goals, functions
        "purpose": paragraphs(partnership.purpose),
        "vision": maybe(partnership.vision),
        "mission": sentence(partnership.mission),
        "values": tuple(partnership.values),
        "goals": tuple(
            # Translators: a goal's objective that the members have not set yet (a table cell).
            GoalRow(g.name, maybe(g.description) or "—", maybe(g.outcome) or _("To be set"))
            for g in partnership.goals
        ),
        "functions": tuple(f.label for f in partnership.functions),
        # 3. Level, formality, the MOU
        "level_statement": join_sentences(
            # Translators: {level} is how closely the members work together, e.g. "multisector collaboration";
            # {description} says what that level means.
            _(
                "The members describe the way they work together as {level}: {description}",
                level=partnership.level.label.lower(),
                description=_(LEVEL_DESCRIPTIONS[partnership.level]),
            ),
            partnership.level_note,
        ),
        "formality_statement": join_sentences(formality, partnership.formality_note),
        "mou_relation": relation,
    }


def _mou_relation(partnership: Partnership) -> str:
    """How the charter relates to the MOU: where the members' commitments are, and which document prevails."""
    agreement = partnership.agreement
    if agreement is None:
        return _(
            "The members have not signed a memorandum of understanding yet. Until they do, this charter is the main "
            "written record of how they work together. It records shared commitments that the members intend to "
            "honor, not a contract, and it binds no member to pay or do anything beyond what that member agreed to."
        )
    kind = agreement.type.label
    # One legal frame for the letters, the MOU and the charter: agreement.binding decides it.
    binding = agreement.binding is Binding.binding
    if agreement.effective_date:
        date = long_date(agreement.effective_date)
        where = (
            # Translators: {agreement} is the kind of agreement, e.g. "Memorandum of Understanding"; {date} is the
            # date it took effect.
            _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), in effect since {date}, which binds those who sign it.",
                agreement=kind,
                date=date,
            )
            if binding
            else _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), in effect since {date}, which records them as shared "
                "commitments that the members intend to honor, not as a contract.",
                agreement=kind,
                date=date,
            )
        )
    else:
        where = (
            _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), which binds those who sign it.",
                agreement=kind,
            )
            if binding
            else _(
                "The members’ commitments to one another (services, confidentiality, money, term and withdrawal) are "
                "set out in their {agreement} (the “MOU”), which records them as shared commitments that the members "
                "intend to honor, not as a contract.",
                agreement=kind,
            )
        )
    prevails = _(
        "This charter governs how the members work together; it binds no member to pay or do anything beyond what "
        "that member agreed to in the MOU. Where the charter and the MOU differ about the members’ commitments, the "
        "MOU prevails."
    )
    return f"{where} {prevails}"


def _member_count(partnership: Partnership, count: int) -> str:
    """How long the partnership has existed (only when `founded` says) and how many members it has today."""
    founded = founding(partnership)
    if founded:
        # Translators: {date} is when the partnership began, with its preposition ("in 2019", "on March 14, 2019");
        # {members} is the number of members, in words when it is small.
        return _n(
            "It began {date} and today has {members} member organization (section 4).",
            "It began {date} and today has {members} member organizations (section 4).",
            count,
            date=on_date(founded),
            members=number_word(count),
        )
    # Translators: {members} is the number of members, in words when it is small.
    return _n(
        "Today it has {members} member organization (section 4).",
        "Today it has {members} member organizations (section 4).",
        count,
        members=number_word(count),
    )


def _legal_status(partnership: Partnership, sponsor_section: str) -> str:
    sponsor = current_name(partnership, partnership.fiscal_sponsor)
    if partnership.legal_status is LegalStatus.incorporated:
        return _("The Partnership is incorporated: it is a legal entity of its own, separate from its members.")
    text = _(
        "The Partnership is not incorporated. It is an association of independent organizations, has no legal "
        "identity of its own and acts through its members."
    )
    if sponsor:
        # Translators: {sponsor} is the member organization that acts as fiscal sponsor; {section} a section number.
        held = _(
            "{sponsor} acts as its fiscal sponsor and holds its funds (section {section}).",
            sponsor=sponsor,
            section=sponsor_section,
        )
        return f"{text} {held}"
    if partnership.legal_status is LegalStatus.fiscally_sponsored:
        held = _("A fiscal sponsor holds its funds (section {section}).", section=sponsor_section)
        return f"{text} {held}"
    return text


__all__ = ["GoalRow", "identity"]
