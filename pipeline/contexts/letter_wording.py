"""Wording the letters of intent need: in-kind totals and a contact's ways to be reached on one line."""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.audience import Audience
from pipeline.contexts.common import contact_view
from pipeline.contexts.wording import join_sentences
from pipeline.formatting import join_and, money
from schemas.members import Commitment, Contact


def per_phrase(per: str | None) -> str:
    """' per year' for a single unit, ' for the project period' for a longer span, '' when not stated.

    The same reading as common.commitment_text, so a total and its items name their periods alike.
    """
    per = (per or "").strip().removeprefix("the ")
    if not per:
        return ""
    return f" per {per}" if " " not in per else f" for the {per}"


def in_kind_total(commitments: Iterable[Commitment]) -> str:
    """'Together, our in-kind contributions are estimated at $18,000 per year.' ('' when nothing has a value).

    Values over different periods are summed per period: a yearly value and a one-off value cannot be added.
    """
    totals: dict[str, int] = {}
    count = 0
    for commitment in commitments:
        if commitment.in_kind_value is not None:
            count += 1
            period = per_phrase(commitment.per)
            totals[period] = totals.get(period, 0) + commitment.in_kind_value
    if not totals:
        return ""
    amounts = join_and(f"{money(total)}{period}" for period, total in totals.items())
    if count == 1:
        return f"In all, our in-kind contribution is estimated at {amounts}."
    return f"Together, our in-kind contributions are estimated at {amounts}."


def reach(contact: Contact, audience: Audience) -> str:
    """'Name, Title: e-mail, phone.' with only what the audience may see."""
    view = contact_view(contact, audience)
    ways = ", ".join(way for way in (view.email, view.phone) if way)
    text = f"{view.label}: {ways}" if ways else view.label
    return join_sentences(text, f"Also works in {view.languages}" if view.languages else "")


__all__ = ["in_kind_total", "per_phrase", "reach"]
