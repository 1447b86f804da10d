"""Lint rule for subgrant agreements: a value the agreement needs and the YAML does not give is a blank.

The agreement prints it as a line to complete by hand, never a guess; a document with one cannot be
released as final, so the rule blocks `build --release`.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.formatting import join_and
from pipeline.lint import Finding, rule
from pipeline.subgrants import agreement_names, blanks
from schemas import Partnership


@rule(
    "subgrant-blank",
    "A subgrant agreement would print a blank: award information, budget, payment or reporting is missing.",
    "2 CFR 200.332 lists the federal award information a pass-through entity must give its subrecipient; the "
    "agreement prints a blank for each value not given, and a document with blanks cannot be released as final.",
    blocks_release=True,
)
def _subgrant_blank(p: Partnership) -> Iterator[Finding]:
    names = agreement_names(p)
    for index, subgrant in enumerate(p.funding.subgrants):
        missing = blanks(p, subgrant)
        if missing:
            labels = join_and(label for _, label in missing)
            message = (
                f"{names[index]} prints blanks for: {labels}. Fill them in from the award and the agreed terms "
                "(under award_information and terms; the federal award's own facts may go once under the grant's "
                "federal_award), or set federal: false for funds that are not a federal award"
            )
            yield ("funding", "subgrants", index), message
