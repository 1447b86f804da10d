"""Lint rules for members listed with little detail.

A large coalition can list every member with a name, a sector and a region, and fill in the rest
later: what is missing is a warning, never a validation error. Only the MOU truly needs more, a
signatory for each party, so that one blocks a release: a blank signature block cannot be final.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.formatting import join_and
from pipeline.lint import Finding, rule
from schemas import Partnership


@rule(
    "member-details-missing",
    "A current member is listed without contacts, a signatory or its organization type.",
    "A member can be listed with little detail at first, but documents then print 'No contact on file yet' or "
    "blanks where its people belong, and the legal positions are worked out from the sector alone.",
)
def _member_details_missing(p: Partnership) -> Iterator[Finding]:
    for index, member in enumerate(p.members):
        if not member.is_current:
            continue
        missing = [
            name
            for name, value in (
                ("contacts", member.contacts),
                ("signatory", member.signatory),
                ("organization_type", member.organization_type),
            )
            if value is None
        ]
        if missing:
            yield ("members", index), f"{member.name} has no {join_and(missing)} yet; documents print blanks for them"


@rule(
    "signatory-missing",
    "A party to the MOU has no signatory.",
    "The MOU prints a blank signature block to complete by hand; a document with one cannot be released as final.",
    blocks_release=True,
)
def _signatory_missing(p: Partnership) -> Iterator[Finding]:
    if p.agreement is None:
        return
    for index, member in enumerate(p.members):
        if member.is_current and member.signatory is None:
            yield (
                ("members", index),
                (
                    f"{member.name} has no signatory: the MOU prints a blank signature block for it, and "
                    "`build --release` refuses until `signatory` (at least its title) is given"
                ),
            )
