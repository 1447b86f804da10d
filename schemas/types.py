"""Shared building blocks of the models: the strict base model, constrained text types and partial dates."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    EmailStr,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Strict,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

from schemas.languages import LANGUAGE_TAG_PATTERN, locale_of
from schemas.localized import LocalizedText

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


def _text_per_language(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    """A plain string, or a mapping of language tags to strings (each checked as one), as a LocalizedText."""
    if not isinstance(value, dict):
        return handler(value)
    if not value:
        raise ValueError("give the text, or the text in each language, e.g. {en: ..., es: ...}")
    texts: dict[str, str] = {}
    for tag, text in value.items():
        if not isinstance(tag, str):
            raise ValueError(f"{tag!r} is not a language tag; write one such as en or es")
        locale_of(tag)
        try:
            texts[tag] = handler(text)
        except ValidationError as error:
            detail = error.errors()[0]["msg"].removeprefix("Value error, ")
            raise ValueError(f"the text in {tag}: {detail}") from None
    return LocalizedText(texts)


_PLAIN_TEXT_SCHEMA = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}
_TEXT_SCHEMA = {
    "anyOf": [
        _PLAIN_TEXT_SCHEMA,
        {
            "type": "object",
            "description": "The text in each of the partnership's languages, by language tag, e.g. "
            "{en: Our mission..., es: Nuestra misión...}.",
            "propertyNames": {"pattern": LANGUAGE_TAG_PATTERN},
            "additionalProperties": _PLAIN_TEXT_SCHEMA,
            "minProperties": 1,
        },
    ]
}

if TYPE_CHECKING:
    Text = str
else:
    Text = Annotated[
        str,
        BeforeValidator(_normalize_newlines),
        AfterValidator(_reject_control_characters),
        Field(min_length=1, max_length=MAX_TEXT),
        WrapValidator(_text_per_language),
        WithJsonSchema(_TEXT_SCHEMA),
    ]
"""Free text that ends up in a document: a string, or the text in each language ({en: ..., es: ...})."""

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


# --- Partial dates ---------------------------------------------------------------------------------

MIN_YEAR, MAX_YEAR = 1800, 2200
"""Years a partial date may name: wide enough for any partnership's past, narrow enough to catch typos."""

PARTIAL_DATE_PATTERN = (
    r"^(?:18[0-9]{2}|19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|2200)(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"
)
"""The written forms in the JSON Schema (editors check files against it): 2019, 2019-03 or 2019-03-14."""

_FORMS = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_WHAT_TO_WRITE = "write a year (2019), a year and month (2019-03) or a full date (2019-03-14)"
_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)


class Precision(StrEnum):
    """How much of a partial date is known."""

    year = "year"
    month = "month"
    day = "day"


class PartialDate:
    """A date known to the year, the month or the day: people often remember only '2019' or 'March 2019'.

    Two periods have no order of their own ('2019' is neither before nor after '2019-03'), so there are no
    comparison operators: code compares `first_day` or `last_day` with a day, saying which end it means,
    and sorts by `sort_key`. `str()` gives the form a YAML file writes ('2019-03'); documents print `written`.
    Immutable, like a date. (Not a dataclass: pydantic would dump it as a dict instead of keeping the value.)
    """

    __slots__ = ("day", "month", "year")
    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        for name, value in (("year", year), ("month", month), ("day", day)):
            object.__setattr__(self, name, value)
        self._check()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a PartialDate cannot be changed (tried to set {name})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((PartialDate, self.year, self.month, self.day))

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None]]:
        # Copies and pickles go through the constructor, which sets the fields despite __setattr__.
        return PartialDate, (self.year, self.month, self.day)

    def _check(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"the year {self.year} is out of range; write a year between {MIN_YEAR} and {MAX_YEAR}")
        if self.month is None and self.day is not None:
            raise ValueError("a day needs its month; write a full date such as 2019-03-14")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"there is no month {self.month}; months go from 01 to 12, e.g. {self.year}-03")
        if self.month is not None and self.day is not None:
            days = calendar.monthrange(self.year, self.month)[1]
            if not 1 <= self.day <= days:
                month = f"{self.year}-{self.month:02d}"
                raise ValueError(
                    f"'{month}-{self.day:02d}' is not a real date: {_MONTHS[self.month - 1]} {self.year} has {days} "
                    f"days; check the day, or write just the year and month ({month})"
                )

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        """The partial date of a full day."""
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Read what a YAML file holds: an int year, a 'YYYY-MM' or 'YYYY-MM-DD' string, or a date."""
        if isinstance(value, PartialDate):
            return value
        # true/false is an int to Python and a date with a time is a date: neither is a date a person meant.
        if isinstance(value, bool):
            raise ValueError(f"found the yes/no value {str(value).lower()}; {_WHAT_TO_WRITE}")
        if isinstance(value, dt.datetime):
            raise ValueError(f"'{value}' has a time of day; write the date only, e.g. {value.date().isoformat()}")
        if isinstance(value, int):
            return cls(value)
        if isinstance(value, dt.date):
            return cls.of(value)
        if isinstance(value, str):
            match = _FORMS.match(value)
            if match is None:
                raise ValueError(f"'{value}' is not a date partnerdocs can read; {_WHAT_TO_WRITE}")
            year, month, day = (int(part) if part else None for part in match.groups())
            assert year is not None  # the pattern always holds a year
            return cls(year, month, day)
        found = f"the number {value}" if isinstance(value, float) else f"a {type(value).__name__} value"
        raise ValueError(f"found {found}; {_WHAT_TO_WRITE}")

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.day
        return Precision.year if self.month is None else Precision.month

    @property
    def first_day(self) -> dt.date:
        """The first day of the period: a member whose 'joined' is partial counts as joined from this day."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The last day of the period ('2019-02' -> February 28, 2019)."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, self.month, self.day or calendar.monthrange(self.year, self.month)[1])

    @property
    def sort_key(self) -> tuple[dt.date, int]:
        """Oldest first by first day; a whole year before its first month before its first day."""
        return self.first_day, list(Precision).index(self.precision)

    @property
    def written(self) -> str:
        """How documents print it: '2019', 'March 2019' or 'March 14, 2019'."""
        if self.month is None:
            return str(self.year)
        month = _MONTHS[self.month - 1]
        return f"{month} {self.year}" if self.day is None else f"{month} {self.day}, {self.year}"

    def isoformat(self) -> str:
        """The form a YAML file writes: '2019', '2019-03' or '2019-03-14'."""
        if self.month is None:
            return f"{self.year:04d}"
        return f"{self.year:04d}-{self.month:02d}" + ("" if self.day is None else f"-{self.day:02d}")

    def __str__(self) -> str:
        return self.isoformat()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.parse,
            serialization=core_schema.plain_serializer_function_ser_schema(cls._serialized, info_arg=True),
        )

    def _serialized(self, info: core_schema.SerializationInfo) -> PartialDate | str:
        # Python dumps keep the value itself (as they keep a date); JSON gets the form a file writes.
        return self if info.mode == "python" else self.isoformat()

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        # A bare year is an integer in YAML; '2019-03' is a string to every YAML parser, and so is 2019-03-14 to
        # the YAML 1.2 parsers editors use: all three must pass the editor's check.
        return {
            "anyOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR, "description": "A year, e.g. 2019."},
                {
                    "type": "string",
                    "pattern": PARTIAL_DATE_PATTERN,
                    "description": "A year and month (2019-03) or a full date (2019-03-14).",
                },
            ],
            "examples": [2019, "2019-03", "2019-03-14"],
        }
