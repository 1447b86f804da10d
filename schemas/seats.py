"""Seats of a core group: who holds each one, for which term, and who stands in for whom.

A seat is held in exactly one of three ways: by a member organization (`member`), by an `interim` holder
appointed until an election, or by nobody (`vacant: true`). An `alternate` covers the holder for a period,
such as a leave. The file records these facts with their dates; each document shows the seat as it stood
on the document's own date (pipeline/dated.py), so a cover that has ended never names the wrong person.
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import Field, model_validator

from schemas.types import Flag, MemberId, Model, Text


class InterimHolder(Model):
    """A member appointed to a seat until an election fills it."""

    member: MemberId = Field(description="Id of the member organization appointed to hold the seat for now.")
    person: Text | None = Field(
        None, description="Who sits in the seat for it, when not the organization's primary contact."
    )
    appointed: dt.date = Field(
        description="Date of the appointment (YYYY-MM-DD). Documents dated earlier show the seat as vacant, since "
        "the file keeps no earlier holder."
    )
    election_due: dt.date | None = Field(
        None,
        description="Date by which an election fills the seat (YYYY-MM-DD). Documents print 'interim until the "
        "election due on …'; lint warns once the date has passed.",
    )


class Alternate(Model):
    """Someone who covers a seat for its holder for a period, e.g. during a leave."""

    member: MemberId | None = Field(
        None,
        description="Id of another member organization that covers the seat. Leave out when someone at the "
        "holder's own organization covers it.",
    )
    person: Text | None = Field(
        None,
        description="Who covers the seat, e.g. the holder's backup contact. Written as a contact's name, the "
        "documents also give that contact's title, e-mail and phone.",
    )
    from_: dt.date = Field(alias="from", description="First day of the cover (YYYY-MM-DD).")
    until: dt.date = Field(
        description="Last day of the cover (YYYY-MM-DD). Documents dated inside from–until name the alternate "
        "wherever the seat's holder would be named (the call tree, signatures); outside it, the holder."
    )
    reason: Text | None = Field(
        None,
        description="Why, in a few words, e.g. 'parental leave'. Printed only in documents for members and the "
        "core team, never in public ones; leave it out if the holder would rather not say.",
    )

    @model_validator(mode="after")
    def _names_who_covers(self) -> Self:
        if self.member is None and self.person is None:
            raise ValueError("an alternate names who covers the seat: a 'person', a 'member', or both")
        return self


class CoreGroupSeat(Model):
    """One seat in a core-group leadership: held by a member, held by an interim holder, or vacant."""

    name: Text | None = Field(
        None,
        description="The seat's name, e.g. 'North Valley regional seat' or 'Survivor leadership seat'. Printed as "
        "typed, after a label or in a table, so any capitals stay as written.",
    )
    member: MemberId | None = Field(
        None,
        description="Id of the organization holding the seat. Leave out for a seat held by an 'interim' holder "
        "or marked 'vacant'.",
    )
    person: Text | None = Field(None, description="Who sits in it, when not the organization's primary contact.")
    role: Text | None = Field(None, description="The seat's duties, e.g. 'Treasurer' or 'Training lead'.")
    convenes: Flag = Field(
        False,
        description=(
            "True for a seat that convenes (calls and chairs) the core group. The documents name the conveners, "
            "and whoever acts in those seats signs the onboarding packet's welcome letter; with none marked, every "
            "filled seat signs it."
        ),
    )
    vacant: Flag = Field(
        False,
        description="True while nobody holds the seat (then give no 'member', 'person', 'interim' or "
        "'alternate'). Documents print the seat as vacant, and it signs nothing.",
    )
    term_start: dt.date | None = Field(None, description="First day of the holder's current term (YYYY-MM-DD).")
    term_end: dt.date | None = Field(
        None,
        description="Last day of the current term (YYYY-MM-DD). Documents dated later show the seat as vacant "
        "until the file records a new term; lint warns once the date has passed.",
    )
    term_limit: int | None = Field(
        None, ge=1, le=10, description="How many terms in a row one member may hold the seat, if the rules limit it."
    )
    interim: InterimHolder | None = Field(
        None,
        description="An interim holder appointed until an election, in place of 'member' (see the 'vacancies' "
        "rule under leadership).",
    )
    alternate: Alternate | None = Field(
        None, description="Someone who covers the seat for a period, e.g. during the holder's leave."
    )

    @model_validator(mode="after")
    def _held_one_way(self) -> Self:
        if self.vacant:
            given = [name for name in ("member", "person", "interim", "alternate") if getattr(self, name)]
            if given:
                raise ValueError(f"a vacant seat has no holder: remove {' and '.join(repr(g) for g in given)}")
            return self
        if self.member and self.interim:
            raise ValueError(
                "a seat is held by 'member' or by an 'interim' holder, not both; when the election fills it, "
                "replace 'interim' with 'member'"
            )
        if self.interim and self.person:
            raise ValueError("write the interim holder's person under 'interim', as 'interim: {person: ...}'")
        if not self.member and not self.interim:
            raise ValueError("name the 'member' holding the seat, give an 'interim' holder, or write 'vacant: true'")
        return self

    @property
    def holder(self) -> str | None:
        """Id of the member holding the seat, regular or interim; None for a vacant seat."""
        return self.interim.member if self.interim else self.member


__all__ = ["Alternate", "CoreGroupSeat", "InterimHolder"]
