"""The members a document speaks of: current members only, looked up by id (a withdrawn member is no party)."""

from __future__ import annotations

from collections.abc import Iterable

from schemas import Partnership
from schemas.members import Member


def current_names(partnership: Partnership, member_ids: Iterable[str]) -> list[str]:
    """Short names of the current members among `member_ids`, in the order given, withdrawn ones left out."""
    current = {m.id: m for m in partnership.current_members}
    return [current[i].name for i in member_ids if i in current]


def current_member(partnership: Partnership, member_id: str) -> Member | None:
    """The member with this id, or None when it has withdrawn (or is not a member)."""
    return next((m for m in partnership.current_members if m.id == member_id), None)


def current_name(partnership: Partnership, member_id: str | None) -> str:
    """The short name of a current member, or '' for a withdrawn (or absent) one."""
    names = current_names(partnership, [member_id] if member_id else [])
    return names[0] if names else ""


__all__ = ["current_member", "current_name", "current_names"]
