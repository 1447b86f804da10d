"""Stage 2, validate: turn loaded data into a Partnership, or into plain-worded problems with positions."""

from __future__ import annotations

import difflib
import re
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

from annotated_types import MinLen
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from pipeline.errors import MAX_PROBLEMS_SHOWN, Problem, format_path
from pipeline.errors import show_value as _show
from pipeline.load import Location, SourceDocument
from pipeline.property_limits import property_problems
from schemas import Partnership
from schemas.references import reference_problems
from schemas.types import ID_PATTERN

SLUG_PATTERN = re.compile(ID_PATTERN)
ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_document(source: SourceDocument) -> tuple[Partnership | None, list[Problem]]:
    """The validated partnership (None if invalid) and every problem found in the file."""
    problems: list[Problem] = list(source.problems)
    if not SLUG_PATTERN.match(source.slug):
        message = (
            f"the file name '{source.path.name}' becomes the folder name of its documents; rename it to "
            "lowercase letters, digits and dashes, e.g. 'county-task-force.yaml'"
        )
        problems.append(Problem(str(source.path), 1, 1, message=message))
    try:
        partnership = Partnership.model_validate(source.data)
    except ValidationError as error:
        details = [d for d in error.errors(include_url=False) if not _explained_by_load(source, d)]
        problems += _worded(source, details)
        return None, problems
    found = [*reference_problems(partnership), *property_problems(partnership)]
    problems += [problem_at(source, location, message) for location, message in found]
    if problems:
        return None, problems
    from pipeline.values import partnership_in  # here: it loads the message catalogs' module

    # Every code that reads the partnership between here and a document reads text per language in the
    # language of record; a document in another language puts its values into that one (pipeline.documents).
    return partnership_in(partnership, partnership.language_of_record), problems


def _explained_by_load(source: SourceDocument, detail: ErrorDetails) -> bool:
    """True when load already reported the value this error is about, so saying more would only repeat it:
    a value cut short by ' #' (what was left of it), or a value load refused (anything at or under it)."""
    location = tuple(detail["loc"])
    if location in source.cut:
        return True
    # An unknown key holding a refused value is still worth its own problem: both need fixing.
    deepest = len(location) if detail["type"] == "extra_forbidden" else len(location) + 1
    return any(location[:end] in source.refused for end in range(deepest))


def validate_part(source: SourceDocument, model: type[ModelT], within: Location) -> tuple[ModelT | None, list[Problem]]:
    """A file that holds one part of a partnership (an approval file holds one of its `approvals`), validated by
    that part's model and worded as if it were there: `within` is where such a part sits in a partnership."""
    problems: list[Problem] = list(source.problems)
    try:
        return model.model_validate(source.data), problems
    except ValidationError as error:
        details = [d for d in error.errors(include_url=False) if not _explained_by_load(source, d)]
        return None, problems + _worded(source, details, within)


def _worded(source: SourceDocument, details: list[ErrorDetails], within: Location = ()) -> list[Problem]:
    """A problem for each error, worded in full for the first ones of the file (those that get printed).

    Wording can be slow (a suggestion compares the key with every field name) and a hostile file can hold
    a hundred thousand errors; those after the first MAX_PROBLEMS_SHOWN keep pydantic's short message,
    since only their count is printed. Ties at the cut are all worded, so every printed problem is."""
    placed = [(source.position_of(tuple(d["loc"])), format_path(tuple(d["loc"])), d) for d in details]
    order = sorted(range(len(placed)), key=lambda i: (placed[i][0].line, placed[i][0].column, placed[i][1]))
    worded = set(order[:MAX_PROBLEMS_SHOWN])
    if len(order) > MAX_PROBLEMS_SHOWN:
        last = placed[order[MAX_PROBLEMS_SHOWN - 1]][:2]
        worded |= {i for i in order[MAX_PROBLEMS_SHOWN:] if placed[i][:2] == last}
    return [
        Problem(
            str(source.path),
            position.line,
            position.column,
            path,
            _message(source, d, within) if i in worded else d["msg"],
        )
        for i, (position, path, d) in enumerate(placed)
    ]


def problem_at(source: SourceDocument, location: Location, message: str) -> Problem:
    position = source.position_of(location)
    return Problem(str(source.path), position.line, position.column, format_path(location), message)


def _message(source: SourceDocument, detail: ErrorDetails, within: Location = ()) -> str:
    """The message for one error; `within` places the model validated inside a partnership, where the
    fields, choices and list limits of the error's location are looked up."""
    kind = detail["type"]
    location = (*within, *detail["loc"])
    value = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        return _unknown_field(location)
    if kind in ("enum", "literal_error"):
        return _unknown_choice(value, location)
    if kind == "list_type" and value is None and (empty := _empty_list(location)):
        return empty
    if kind in _EXPECTED_TYPES:
        return _wrong_type(source, tuple(detail["loc"]), value, _EXPECTED_TYPES[kind])
    if kind == "string_pattern_mismatch":
        return _pattern_mismatch(value, context.get("pattern", ""))
    if kind == "string_too_short":
        return "must not be empty; remove the line if there is nothing to say"
    if kind == "too_short":
        return _too_few(location, context.get("actual_length", 0), context.get("min_length", 1))
    if kind == "too_long":
        return f"has too many items: at most {context.get('max_length')} are allowed"
    if kind == "string_too_long":
        return f"is too long: at most {context.get('max_length'):,} characters are allowed"
    if kind in {"date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"}:
        return f"{_show(value)} is not a valid date; write it as YYYY-MM-DD, e.g. 2025-10-01"
    if kind == "value_error" and "email" in detail["msg"]:
        reason = context.get("reason", "")
        return f"{_show(value)} is not a valid email address" + (f" ({reason.rstrip('.')})" if reason else "")
    if kind == "value_error":
        return str(context.get("error", detail["msg"]))
    return detail["msg"]


_EXPECTED_TYPES = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a group of fields (indented 'key: value' lines)",
    "model_attributes_type": "a group of fields (indented 'key: value' lines)",
    "dict_type": "a group of fields (indented 'key: value' lines)",
}


def _wrong_type(source: SourceDocument, location: Location, value: Any, expected: str) -> str:
    if expected == "true or false" and isinstance(value, str):
        # YAML 1.1 read yes/no/on/off as true/false; YAML 1.2 (and the editors) read them as text.
        if value.lower() in ("true", "false"):
            return f"{_show(value)} is text here because of its quotes; write {value.lower()} without quotes"
        return f"{_show(value)} is text here; write true or false"
    found = _describe(value)
    message = f"expected {expected}, found {found}"
    written = source.source_text.get(location)
    if expected == "text" and written is not None and not isinstance(value, str):
        message += f'; YAML read {written!r} as {found}: put it in quotes, like "{written}"'
    return message


def _too_few(location: Location, found: int, needed: int) -> str:
    field = _field_at(location)
    optional = field is not None and not field.is_required()
    if found == 0 and optional:
        return "is empty; leave the line out when there is nothing to list"
    need = f"list at least {_count(needed, location)}"
    if optional:
        need += ", or leave the line out"
    return f"is empty; {need}" if found == 0 else f"lists only {_count(found, location)}; {need}"


def _empty_list(location: Location) -> str | None:
    """The message for a list field whose key has nothing after it; None when it is not a list field."""
    field = _field_at(location)
    if field is None or get_origin(field.annotation) is not list:
        return None
    needed = next((rule.min_length for rule in field.metadata if isinstance(rule, MinLen)), 0)
    if field.is_required() and needed == 0:
        return None
    return _too_few(location, 0, needed)


def _count(number: int, location: Location) -> str:
    """'1 member', '2 members': the field's own noun when its name is a plural, else 'item'."""
    name = str(location[-1]).replace("_", " ") if location else ""
    plural = name if name.endswith("s") and not name.endswith("ss") else "items"
    if number == 1:
        plural = plural[:-3] + "y" if plural.endswith("ies") else plural[:-1]
    return f"{number} {plural}"


def _field_at(location: Location) -> FieldInfo | None:
    model = _model_at(location[:-1])
    name = location[-1] if location else None
    if model is None or not isinstance(name, str):
        return None
    return written_fields(model).get(name)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the true/false value {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return f"the text {_show(value)}"
    return f"a {type(value).__name__} value"


def _pattern_mismatch(value: Any, pattern: str) -> str:
    if pattern == ID_PATTERN:
        return (
            f"{_show(value)} is not a valid id: use lowercase letters, digits and dashes "
            "(at most 48), e.g. 'harbor-hope'"
        )
    if "555" in pattern or "ext" in pattern:
        return f"{_show(value)} is not a valid phone number; write it like (360) 555-0142"
    return f"{_show(value)} does not have the expected form"


def _unknown_field(location: Location) -> str:
    key = str(location[-1])
    model = _model_at(location[:-1])
    if model is None:
        return f"unknown field '{key}'"
    names = list(written_fields(model))
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.6) or [
        name for name in names if key.startswith(name) or name.startswith(key)
    ]
    if close:
        return f"unknown field '{key}'; did you mean '{close[0]}'?"
    return f"unknown field '{key}'; the fields allowed here are: {', '.join(names)}"


def _unknown_choice(value: Any, location: Location) -> str:
    choices = _choices_at(location)
    message = f"{_show(value)} is not one of the allowed values: {', '.join(choices)}"
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    if close:
        message += f"; did you mean '{close[0]}'?"
    return message


def written_fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """A model's fields by the key a file writes: its alias where it has one ('from', a Python keyword)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _model_at(location: Location) -> type[BaseModel] | None:
    annotation: Any = Partnership
    for part in location:
        model = _unwrap(annotation, BaseModel)
        if isinstance(part, int):
            continue
        if model is None or part not in written_fields(model):
            return None
        annotation = written_fields(model)[part].annotation
    found: type[BaseModel] | None = _unwrap(annotation, BaseModel)
    return found


def _choices_at(location: Location) -> list[str]:
    while location and isinstance(location[-1], int):
        location = location[:-1]  # an item of a list of choices: the choices are the list's field's
    parent = _model_at(tuple(p for p in location[:-1]))
    names = [p for p in location if isinstance(p, str)]
    if parent is None or not names or names[-1] not in written_fields(parent):
        return []
    annotation = written_fields(parent)[names[-1]].annotation
    enum = _unwrap(annotation, Enum)
    if enum:
        return [member.value for member in enum]
    return [str(choice) for choice in _literal_choices(annotation)]


def _literal_choices(annotation: Any) -> tuple[Any, ...]:
    """The values of a Literal inside an annotation like list[Literal['a', 'b']]."""
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    for argument in get_args(annotation):
        if found := _literal_choices(argument):
            return found
    return ()


def _unwrap(annotation: Any, base: type) -> Any:
    """The first class derived from base inside an annotation like list[X] | None."""
    if isinstance(annotation, type) and issubclass(annotation, base):
        return annotation
    if get_origin(annotation) is Annotated:
        return _unwrap(get_args(annotation)[0], base)
    for argument in get_args(annotation):
        found = _unwrap(argument, base)
        if found is not None:
            return found
    return None
