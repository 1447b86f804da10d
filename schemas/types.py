"""Shared building blocks of the models: the strict base model and constrained text types."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, EmailStr, Field, Strict

# Characters that break or silently change a Word document: C0/C1 controls other than tab and
# newline (docxtpl turns \a and \f into paragraph and page breaks), the non-characters U+FFFE/FFFF
# and lone surrogates (they crash the XML writer).
_FORBIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$"
"""Ids become parts of file names, so they are restricted to lowercase letters, digits and dashes."""

MAX_TEXT = 5000
MAX_ITEMS = 200


def _normalize_newlines(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _reject_control_characters(value: str) -> str:
    bad = _FORBIDDEN_CHARACTERS.search(value)
    if bad:
        raise ValueError(
            f"contains the invisible control character U+{ord(bad.group()):04X}; remove it "
            "(it usually comes from copying text out of another program)"
        )
    return value


Text = Annotated[
    str,
    BeforeValidator(_normalize_newlines),
    AfterValidator(_reject_control_characters),
    Field(min_length=1, max_length=MAX_TEXT),
]
"""Free text that ends up in a document."""

Flag = Annotated[bool, Strict()]
"""true or false, written without quotes. Strict, because pydantic would otherwise take the text 'yes',
'on' or '1' for true: YAML 1.2 (and the editors) read those as text, so the file would say one thing
and the documents another."""

Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=48)]
"""A short id such as ``harbor-hope``: lowercase letters, digits and dashes."""


class MemberReference:
    """Marks a string field as the id of a member organization, so references can be checked."""


MemberId = Annotated[Identifier, MemberReference()]
"""The id of an organization listed under ``members``."""

Phone = Annotated[
    str,
    Field(
        pattern=r"^\+?[0-9 ().\-]{7,25}(?: ?(?:x|ext\.?) ?[0-9]{1,6})?$",
        description="A phone number, e.g. (360) 555-0142 or +1 360 555 0142 ext. 12",
        examples=["(360) 555-0142"],
    ),
]

Email = EmailStr


class Model(BaseModel):
    """Base of every model: unknown keys are errors, values are not coerced from other types."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=False,
        use_enum_values=False,
        validate_default=False,
    )
