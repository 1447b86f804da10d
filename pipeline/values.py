"""A partnership's values in one language: every text given per language put into that language.

Context builders read plain strings and never ask which language a value is in: before a document in Spanish is
planned, `partnership_in(partnership, "es")` gives them the partnership with each `{en: ..., es: ...}` value's
Spanish text. A value with no Spanish text prints the language of record's, marked as not translated (in the
document's own words), and lint lists it, so nobody signs an English sentence in a Spanish document unawares.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar, cast

from pydantic import BaseModel

from pipeline.i18n import _
from schemas import Partnership
from schemas.localized import LocalizedText

T = TypeVar("T")


def partnership_in(partnership: Partnership, tag: str) -> Partnership:
    """The partnership with every text given per language in `tag` (call it inside `writing_in(tag)`)."""
    return _in_language(partnership, tag, partnership.language_of_record)


_PLAIN = frozenset({str, int, float, bool, type(None), dt.date})
"""Types that hold no text per language: most values, passed over at once."""


def _in_language(value: T, tag: str, record: str) -> T:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, LocalizedText):
        chosen = value.in_language(tag, record)
        if not chosen.translated:
            chosen = LocalizedText({record: _("{text} [not translated]", text=str(chosen))}, record, translated=False)
        return cast(T, chosen)
    if isinstance(value, BaseModel):
        changes = {}
        for name, old in value.__dict__.items():  # the fields' values (frozen models cache nothing else here)
            new = _in_language(old, tag, record)
            if new is not old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, list | tuple):
        items = [_in_language(item, tag, record) for item in value]
        if all(new is old for new, old in zip(items, value, strict=True)):
            return value
        return cast(T, type(value)(items))
    if isinstance(value, dict):
        entries = {key: _in_language(item, tag, record) for key, item in value.items()}
        if all(entries[key] is item for key, item in value.items()):
            return value
        return cast(T, entries)
    return value
