"""Free text given in several languages: `mission: {en: ..., es: ...}` beside the plain `mission: ...`.

A value written per language is a `LocalizedText`: a string (its text in one language, so every check and
every piece of code that reads text keeps working) that also holds the text in each language. Which language
the string is in is decided when a document is written: pipeline.values puts every value of a partnership into
the document's language. A plain string is the same in every language: names, addresses, phone numbers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import BaseModel


class LocalizedText(str):
    """Text given per language; the string itself is its text in one of them (`language`)."""

    by_language: Mapping[str, str]
    """The text in each language, by tag, as written."""
    language: str
    """The tag of the language the string is in."""
    translated: bool
    """False when the string is the language of record's text standing in for a missing translation."""

    def __new__(cls, by_language: Mapping[str, str], language: str | None = None, translated: bool = True) -> Any:
        chosen = language if language is not None and language in by_language else next(iter(by_language))
        text = super().__new__(cls, by_language[chosen])
        text.by_language = dict(by_language)
        text.language = chosen
        text.translated = translated
        return text

    def __reduce__(self) -> Any:  # worker processes receive partnerships pickled
        return (LocalizedText, (self.by_language, self.language, self.translated))

    def in_language(self, tag: str, fallback: str) -> LocalizedText:
        """This text in `tag`; in `fallback` (the language of record), marked untranslated, when it has none."""
        if tag in self.by_language:
            chosen: LocalizedText = LocalizedText(self.by_language, tag)
        else:
            chosen = LocalizedText(self.by_language, fallback, translated=False)
        return chosen


FieldPath = tuple[str | int, ...]


def localized_values(value: object, path: FieldPath = ()) -> Iterator[tuple[FieldPath, LocalizedText]]:
    """Every text given per language in a model, with its field path (('mission',), ('members', 2, 'about'))."""
    if type(value) is str or value is None:
        return  # most values: nothing to look into
    if isinstance(value, LocalizedText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from localized_values(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from localized_values(item, (*path, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from localized_values(item, (*path, str(key)))
