"""Loaders that read plain values by the YAML 1.2 core schema, as the editors' YAML language server does.

PyYAML reads YAML 1.1, where `9:30` is the number 570, `no`, `on`, `yes` and `off` are booleans and `012`
is octal: a file the editor shows as clean would mean something else to partnerdocs. These loaders
resolve plain scalars as YAML 1.2 does, plus full dates (YYYY-MM-DD), which the models declare and the
JSON Schema marks as `format: date`, so editors agree on those too.

The tables are the loaders' own: PyYAML's SafeLoader and CSafeLoader keep their YAML 1.1 tables, so
any other code calling yaml.safe_load is unaffected. libyaml's CParser only parses; it asks the
Python-side `resolve()` for every tag, so the same table serves both loaders.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
import sys
from collections.abc import Callable
from typing import Any, ClassVar

import yaml
from yaml.nodes import ScalarNode

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
MERGE = "tag:yaml.org,2002:merge"

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"""^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)
    |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TIMESTAMP = yaml.SafeLoader.timestamp_regexp
"""What `!!timestamp` takes: PyYAML's forms, a date with an optional time. Plain values are dates only."""

# Tried in this order for a value's first character: int before float, since the float pattern also
# matches whole numbers. `<<` still resolves to a merge key only so that load can refuse it by name.
_RESOLVERS: list[tuple[str, re.Pattern[str], str]] = [
    (NULL, _NULL, "~nN"),
    (BOOL, _BOOL, "tTfF"),
    (INT, _INT, "-+0123456789"),
    (FLOAT, _FLOAT, "-+.0123456789"),
    (TIMESTAMP, _DATE, "0123456789"),
    (MERGE, re.compile(r"^<<$"), "<"),
]


def _resolver_table() -> dict[Any, list[tuple[str, re.Pattern[str]]]]:
    table: dict[Any, list[tuple[str, re.Pattern[str]]]] = {"": [(NULL, _RESOLVERS[0][1])]}
    for tag, pattern, first in _RESOLVERS:
        for character in first:
            table.setdefault(character, []).append((tag, pattern))
    return table


class ValueReadError(ValueError):
    """A value its tag (written, or given by how it looks) cannot read: what it is not, and what to write.

    Every constructor below raises this, never another exception, so load can report each bad value
    with its position and go on reading the file."""

    def __init__(self, reason: str, advice: str) -> None:
        super().__init__(f"{reason}; {advice}")
        self.reason = reason
        self.advice = advice


_RESOLVER_TABLE = _resolver_table()


def _construct_null(loader: Any, node: ScalarNode) -> None:
    # PyYAML's own reads anything as None, so `!!null garbage` would vanish without a word.
    if not _NULL.match(node.value):
        raise ValueReadError("not empty", "leave the value out")


def _construct_bool(loader: Any, node: ScalarNode) -> bool:
    # Plain values reach here only in the six spellings; this refuses others written as `!!bool yes`.
    text: str = node.value
    if not _BOOL.match(text):
        raise ValueReadError("not true or false", "write true or false")
    return text.lower() == "true"


def _construct_int(loader: Any, node: ScalarNode) -> int:
    text: str = node.value
    if not _INT.match(text):
        raise ValueReadError("not a whole number", "write one such as 12")
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    try:
        return int(text, 10)  # a leading zero stays decimal: 012 is 12
    except ValueError:  # Python refuses to read decimal numbers this long (it would take quadratic time)
        digits = sys.get_int_max_str_digits()
        raise ValueReadError(f"a number of more than {digits:,} digits", "put it in quotes if it is text") from None


def _construct_float(loader: Any, node: ScalarNode) -> float:
    text: str = node.value
    if not _FLOAT.match(text):
        raise ValueReadError("not a number", "write one such as 1.5")
    lowered = text.lower()
    if lowered.endswith(".inf"):
        return -math.inf if lowered.startswith("-") else math.inf
    if lowered == ".nan":
        return math.nan
    return float(text)


def _construct_timestamp(loader: Any, node: ScalarNode) -> dt.date:
    # PyYAML's own fails with AttributeError on `!!timestamp garbage` and says "month must be in 1..12".
    text: str = node.value
    match = _TIMESTAMP.match(text)
    if match is None:
        raise ValueReadError("not a date", "write it as YYYY-MM-DD, e.g. 2025-10-01")
    year, month, day = (int(match.group(part)) for part in ("year", "month", "day"))
    if year < dt.MINYEAR:
        raise ValueReadError(f"not a real date: there is no year {year}", "check the year")
    if not 1 <= month <= 12:
        raise ValueReadError(f"not a real date: there is no month {month}", "months go from 01 to 12")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        raise ValueReadError(f"not a real date: {name} {year} has {days} days", "check the day")
    try:
        stamp: dt.date = yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:  # a time of day out of range, e.g. 25:00:00
        raise ValueReadError(f"not a real date and time: {error}", "write a date as YYYY-MM-DD") from None
    return stamp


def plain_tag(text: str) -> str:
    """The tag a value written plain (no quotes, no tag) gets: what it means without a tag."""
    for tag, pattern in _RESOLVER_TABLE.get(text[:1], []):
        if pattern.match(text):
            return tag
    return STR


_Constructor = Callable[[Any, ScalarNode], Any]


class _CoreSchema:
    """The resolver and constructor tables, shared by the pure-Python and the libyaml loader."""

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, re.Pattern[str]]]]] = _RESOLVER_TABLE
    yaml_constructors: ClassVar[dict[Any, _Constructor]] = {
        **yaml.SafeLoader.yaml_constructors,
        NULL: _construct_null,
        BOOL: _construct_bool,
        INT: _construct_int,
        FLOAT: _construct_float,
        TIMESTAMP: _construct_timestamp,
    }


class CoreSafeLoader(_CoreSchema, yaml.SafeLoader):
    """The pure-Python safe loader, reading plain values by the YAML 1.2 core schema."""


CoreCSafeLoader: type[Any] | None = None
if hasattr(yaml, "CSafeLoader"):

    class _CoreCSafeLoader(_CoreSchema, yaml.CSafeLoader):
        """libyaml's safe loader, reading plain values by the YAML 1.2 core schema."""

    CoreCSafeLoader = _CoreCSafeLoader
