"""The governance charter's section 18: the adoption record and who signs it.

The date and vote of adoption, a sentence saying who signs for the members, and the signature blocks
two by two: the lead agencies, or whoever acts in each filled core group seat. A withdrawn member never
signs. governance_charter.py merges the variables `adoption` returns into the context.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pipeline.audience import Audience
from pipeline.contexts.common import BLANK_LINE, signer_name_title
from pipeline.contexts.seats import seat_views, stand_in_signer
from pipeline.contexts.wording import maybe, number_word
from pipeline.formatting import long_date
from pipeline.i18n import _
from schemas import Partnership
from schemas.vocabulary import LeadershipModel


def adoption(partnership: Partnership) -> dict[str, Any]:
    """Section 18: the date and vote of adoption and the leaders' signature blocks."""
    charter, blocks = partnership.charter, signers(partnership)
    return {
        "adopted": long_date(charter.adopted),
        "adoption_vote": maybe(charter.adoption_vote),
        "blank_line": BLANK_LINE,
        "signers_statement": signers_statement(partnership, len(blocks)),
        "signer_rows": signer_rows(blocks),
    }


@dataclass(frozen=True)
class Signer:
    """A signature block on the adoption record; the full name appears here and nowhere else."""

    organization: str
    role: str
    name: str
    title: str


@dataclass(frozen=True)
class SignerRow:
    """Two signature blocks side by side; `right` is None in the last row of an odd count."""

    left: Signer
    right: Signer | None


def signers(partnership: Partnership) -> tuple[Signer, ...]:
    """The leaders who sign the adoption record: the lead agencies, or whoever acts in each filled core group seat
    (a vacant seat signs nothing, and an absent holder gives way to the alternate covering for them)."""
    leadership, current = partnership.leadership, {m.id: m for m in partnership.current_members}
    blocks = []
    if leadership.model is LeadershipModel.core_group:
        for view in seat_views(partnership, Audience.members):
            if view.acting is None:
                continue
            acting = view.acting.member
            what = "; ".join(part for part in (view.name, view.role) if part)
            # Translators: {seat} is the seat's name and role, as the members wrote them.
            role = _("Core group seat: {seat}", seat=what) if what else _("Core group seat")
            name, title = stand_in_signer(view) or signer_name_title(acting)
            blocks.append(Signer(acting.legal_name, role, name, title))
        return tuple(blocks)
    role = _("Co-lead agency") if leadership.model is LeadershipModel.co_leadership else _("Lead agency")
    for lead in leadership.leads:
        if member := current.get(lead):
            blocks.append(Signer(member.legal_name, role, *signer_name_title(member)))
    return tuple(blocks)


def signer_rows(blocks: tuple[Signer, ...]) -> tuple[SignerRow, ...]:
    return tuple(SignerRow(blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None) for i in range(0, len(blocks), 2))


def signers_statement(partnership: Partnership, count: int) -> str:
    model = partnership.leadership.model
    if model is LeadershipModel.core_group:
        # Vacant seats sign nothing, so the count says which seats sign: the filled ones.
        filled = count < len(partnership.leadership.core_group)
        if count == 1:
            return (
                _(
                    "Signed for the members by the holder of the one filled core group seat, who confirms that the "
                    "members adopted this charter as recorded above."
                )
                if filled
                else _(
                    "Signed for the members by the holder of the one core group seat, who confirms that the members "
                    "adopted this charter as recorded above."
                )
            )
        # Translators: {seats} is the number of seats, in words when it is small ("eight").
        return (
            _(
                "Signed for the members by the holders of the {seats} filled core group seats, who confirm that the "
                "members adopted this charter as recorded above.",
                seats=number_word(count),
            )
            if filled
            else _(
                "Signed for the members by the holders of the {seats} core group seats, who confirm that the members "
                "adopted this charter as recorded above.",
                seats=number_word(count),
            )
        )
    if model is LeadershipModel.co_leadership:
        # Translators: {agencies} is the number of co-lead agencies, in words ("two").
        return _(
            "Signed for the members by the {agencies} co-lead agencies, which confirm that the members adopted this "
            "charter as recorded above.",
            agencies=number_word(count),
        )
    return _(
        "Signed for the members by the lead agency, which confirms that the members adopted this charter as recorded "
        "above."
    )


__all__ = ["Signer", "SignerRow", "adoption", "signer_rows", "signers", "signers_statement"]
