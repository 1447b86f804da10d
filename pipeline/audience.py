"""Who a document is for, and which contact details each audience may see.

Audiences nest: the core team also sees what members see, and members what the public sees. A
contact detail's visibility names the widest audience allowed to see it; `withheld` means nobody.
"""

from __future__ import annotations

from enum import StrEnum


class Audience(StrEnum):
    """The readers of a document kind, from the widest to the narrowest."""

    public = "public"
    members = "members"
    core_team = "core_team"


_REACH = {"public": 0, "members": 1, "core_team": 2}


def is_visible(visibility: str, audience: Audience) -> bool:
    """True when a detail marked `visibility` (a Visibility value) may appear in a document for `audience`."""
    if visibility == "withheld":
        return False
    return _REACH[str(visibility)] <= _REACH[audience.value]


def reaches(document: Audience, readers: Audience) -> bool:
    """True when a document made for `document` may go to `readers` (it shows nothing they may not see)."""
    return _REACH[document.value] <= _REACH[readers.value]
