"""Which sections a governance charter has, and their numbers.

The template writes each heading and each reference as `{{ n.key }}`, and Python text asks
`section_numbers` for the number, so leaving out a section the partnership does not need numbers the
later ones on and every "section N" still points at the section it means. The sections' contents are
built in the other governance_charter_*.py modules.
"""

from __future__ import annotations

from pipeline.contexts.common import current_name
from pipeline.contexts.wording import numbered
from schemas import Partnership

# The charter's sections in order. Committees and the coordinator section are left out when they do
# not apply, and the sections after them are numbered on, so references stay right.
SECTIONS = (
    "identity", "purpose", "level", "membership", "leadership", "decisions", "meetings", "committees",
    "coordinator", "confidentiality", "survivors", "training", "conflict", "funding", "evaluation",
    "continuity", "amendments", "adoption",
)  # fmt: skip


def section_numbers(partnership: Partnership) -> dict[str, str]:
    """Section key -> its number in this charter, for the sections it has."""
    left_out = set()
    if not partnership.committees:
        left_out.add("committees")
    if partnership.leadership.coordinator is None and not current_name(partnership, partnership.fiscal_sponsor):
        left_out.add("coordinator")
    return numbered(SECTIONS, left_out)


__all__ = ["SECTIONS", "section_numbers"]
