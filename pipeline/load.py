"""Stage 1, load: read a partnership YAML file safely and remember where every value came from.

Only plain data is accepted: no anchors or aliases (an alias bomb hangs everything downstream), no
custom tags (no Python objects), no duplicate keys (last-wins would hide an edit), bounded size and depth.
Plain values are read by the YAML 1.2 core schema, as editors read them (pipeline/yaml_core.py).

What stops the parser stops here: the file cannot be read, is not UTF-8, holds an invisible control
character or line separator, is not valid YAML, or uses anchors or aliases (refused before anything is
composed). Anything wrong with one value (an impossible date, a tag, too deep) becomes a problem of
the SourceDocument, REFUSED stands in its place, and the rest of the file is read on, so validation lists
every problem of the file at once. Of a duplicate key, the first stays and the second is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pipeline.comments import cut_by_comment, syntax_hint
from pipeline.errors import PartnerdocsError, Problem, format_path, show_value
from pipeline.input_file import MAX_FILE_BYTES, read_partnership_file, too_big
from pipeline.yaml_core import MERGE, CoreCSafeLoader, CoreSafeLoader, ValueReadError, plain_tag

MAX_DEPTH = 32

Location = tuple[str | int, ...]

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_WHAT = {MappingNode: "a group of fields", SequenceNode: "a list", ScalarNode: "a single value"}


class Refused:
    """Stands where load refused a value and said why; validation says nothing more about it."""

    def __repr__(self) -> str:
        return "<refused value>"


REFUSED = Refused()


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass
class SourceDocument:
    """The plain data of one YAML file, with the position of each value and its source text."""

    path: Path
    data: dict[str, Any]
    positions: dict[Location, Position] = field(default_factory=dict)
    source_text: dict[Location, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """What was read, but not as the editor meant it (a value cut short by ' #'), or not at all (a value
    load refused); validation reports these with its own, so one run lists every problem of the file."""
    cut: set[Location] = field(default_factory=set)
    """Where a value was cut short by ' #': what is left of it is not worth a second problem."""
    refused: set[Location] = field(default_factory=set)
    """Where load refused a value (it holds REFUSED): nothing at or under it is worth a second problem."""

    @property
    def slug(self) -> str:
        return self.path.stem

    def position_of(self, location: Location) -> Position:
        """The position of the closest enclosing value that exists in the file."""
        for end in range(len(location), -1, -1):
            found = self.positions.get(location[:end])
            if found:
                return found
        return Position(1, 1)


class _LoadError(Exception):
    def __init__(self, node_or_mark: Any, message: str, location: Location = ()) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        self.line = mark.line + 1 if mark is not None else 1
        self.column = mark.column + 1 if mark is not None else 1
        self.message = message
        self.location = location


class _NoAliasLoader(CoreSafeLoader):
    """A safe loader that refuses anchors and aliases when it meets them."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, yaml.AliasEvent):
            raise _LoadError(event.start_mark, f"aliases (*{event.anchor}) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _LoadError(event.start_mark, f"anchors (&{anchor}) are not allowed; write each value out in full")
        return super().compose_node(parent, index)


def load_file(path: Path) -> SourceDocument:
    """Read and parse one file, or raise PartnerdocsError when it cannot be parsed at all.

    Only a regular file is read (pipeline/input_file.py). Problems with single values are in `problems`."""
    return load_source(path, read_partnership_file(path))


def load_source(path: Path, raw: bytes) -> SourceDocument:
    """Parse the bytes of a partnership file; `path` names it in messages and gives its slug."""
    if len(raw) > MAX_FILE_BYTES:
        raise too_big(path, len(raw))
    text = _decode(path, raw)
    _refuse_control_characters(path, text)
    source = SourceDocument(path=path, data={})
    try:
        document = _compose(text)
        if document is None:
            raise _LoadError(None, "the file is empty; copy one of the examples in partnerships/ to start")
        if not isinstance(document, MappingNode):
            raise _LoadError(document, "the top level must be a mapping of fields (lines like 'name: ...')")
        source.data = _to_python(document, (), source, text.split("\n"), depth=0)
    except _LoadError as error:
        problem = Problem(str(path), error.line, error.column, format_path(error.location), error.message)
        raise PartnerdocsError([*source.problems, problem]) from None
    except yaml.MarkedYAMLError as error:
        raise PartnerdocsError([_syntax_problem(path, error, text)]) from None
    return source


# What YAML itself refuses to read, found here first so the message can name the exact position; and the
# line breaks other than "\n" that YAML counts (NEL, LS, PS): editors show none, and every position after
# one would be a line off, since positions here count "\n" only.
_REFUSED_CHARACTERS = re.compile("[^\x09\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LINE_SEPARATORS = {
    "\x85": "the invisible next-line character U+0085",
    "\u2028": "the invisible line separator U+2028",
    "\u2029": "the invisible paragraph separator U+2029",
}


def _refuse_control_characters(path: Path, text: str) -> None:
    found = _REFUSED_CHARACTERS.search(text)
    if found:
        position = found.start()
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        character = found.group()
        if character in _LINE_SEPARATORS:
            message = (
                f"{_LINE_SEPARATORS[character]} is not allowed: YAML reads it as a line break that editors do "
                "not show; remove it, or start a new line with Enter "
                "(it usually comes from copying text out of another program)"
            )
        else:
            message = (
                f"the invisible control character U+{ord(character):04X} is not allowed; remove it "
                "(it usually comes from copying text out of another program)"
            )
        raise PartnerdocsError([Problem(str(path), line, column, message=message)])


def _decode(path: Path, raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8 in your editor"
        raise PartnerdocsError([Problem(str(path), line, column, message=message)]) from None
    # A lone "\r" (old Mac line ends) is a line break to YAML and editors too; as "\n" it counts as one here.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _compose(text: str) -> Node | None:
    if _FastLoader is None:
        loader = _NoAliasLoader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    # libyaml is ten times faster than the pure-Python parser. It cannot be told to refuse anchors,
    # so its events are checked first (in C too), before anything is composed.
    for event in yaml.parse(text, Loader=_FastLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _LoadError(event.start_mark, f"aliases (*{event.anchor}) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _LoadError(event.start_mark, f"anchors (&{anchor}) are not allowed; write each value out in full")
    node: Node | None = yaml.compose(text, Loader=_FastLoader)
    return node


_FastLoader = CoreCSafeLoader


def _syntax_problem(path: Path, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    problem = (error.problem or "invalid YAML").strip()
    if mark is not None and _character_at(text, mark.line, mark.column) == "\t":
        problem = "found a tab character"
    message = f"YAML syntax error: {problem}"
    if error.context and error.context_mark is not None:
        message += f" ({error.context} started at line {error.context_mark.line + 1})"
    hint = _SYNTAX_HINTS.get(problem.split(",")[0])
    if mark is not None and problem != "found a tab character":
        hint = syntax_hint(text.split("\n"), mark.line) or hint
    if hint:
        message += f"; {hint}"
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    return Problem(str(path), line, column, message=message)


def _character_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column] if line < len(lines) and column < len(lines[line]) else ""


# Hints for the messages of both parsers (libyaml's wording, then PyYAML's).
_SYNTAX_HINTS = {
    "mapping values are not allowed in this context": "a value that contains ': ' must be put in quotes",
    "mapping values are not allowed here": "a value that contains ': ' must be put in quotes",
    "found a tab character": "indent with spaces, not tabs",
    "found character that cannot start any token": "a value starting with a special character must be quoted",
    "could not find expected ':'": "each line of a mapping is 'key: value'; check the indentation",
    "expected <block end>": "check the indentation: items of one list or mapping line up exactly",
    "found a tab character that violates indentation": "indent with spaces, not tabs",
}


def _to_python(node: Node, location: Location, source: SourceDocument, lines: list[str], depth: int) -> Any:
    if depth > MAX_DEPTH:
        return _refuse(source, node, location, f"the data is nested more than {MAX_DEPTH} levels deep")
    if node.tag not in _PLAIN_TAGS:
        message = f"the tag '{_short(node.tag)}' is not allowed; write plain values without tags"
        return _refuse(source, node, location, message)
    expected = _MAP if isinstance(node, MappingNode) else _SEQ if isinstance(node, SequenceNode) else None
    if (expected is not None and node.tag != expected) or (expected is None and node.tag in (_MAP, _SEQ)):
        # PyYAML would make `!!map 1` a generator and read `!!str [a]` as a list.
        message = f"the tag '{_short(node.tag)}' cannot mark {_WHAT[type(node)]}; remove the tag"
        return _refuse(source, node, location, message)
    if isinstance(node, MappingNode):
        return _mapping(node, location, source, lines, depth)
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            here = (*location, index)
            source.positions[here] = Position(item.start_mark.line + 1, item.start_mark.column + 1)
            items.append(_to_python(item, here, source, lines, depth + 1))
        return items
    assert isinstance(node, ScalarNode)
    source.source_text[location] = node.value
    if not node.style:  # plain: None from PyYAML, '' from libyaml
        cut = cut_by_comment(source.path, node, location, lines)
        if cut:
            source.problems += cut
            source.cut.add(location)
    try:
        return _scalar(node)
    except ValueReadError as error:
        return _refuse(source, node, location, _value_message(node, error))


def _refuse(source: SourceDocument, node: Node, location: Location, message: str) -> Refused:
    """Report a value that cannot be read, and put REFUSED in its place so that the rest can be."""
    _problem(source, node, location, message)
    source.refused.add(location)
    return REFUSED


def _scalar(node: ScalarNode) -> Any:
    # Calling the tag's constructor directly avoids the loader's per-node cache, which would keep
    # every node of every file alive. Every constructor of a plain tag raises only ValueReadError.
    return _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)


def _value_message(node: ScalarNode, error: ValueReadError) -> str:
    shown = "the empty value" if node.value == "" else show_value(node.value)
    if node.style in (None, "") and plain_tag(node.value) == node.tag:  # not tagged: the value alone is wrong
        return f"{shown} is {error.reason}; {error.advice}"
    return f"{shown} is {error.reason} (it is tagged '{_short(node.tag)}'); {error.advice}, or remove the tag"


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _mapping(
    node: MappingNode, location: Location, source: SourceDocument, lines: list[str], depth: int
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if key_node.tag == MERGE:
            _problem(source, key_node, location, "merge keys (<<) are not allowed; write each value out")
            continue
        if not isinstance(key_node, ScalarNode) or key_node.tag not in _PLAIN_TAGS:
            _problem(source, key_node, location, "keys must be plain words")
            continue
        try:
            key = str(_scalar(key_node))
        except ValueReadError as error:
            _problem(source, key_node, location, _value_message(key_node, error))
            continue
        here = (*location, key)
        if key in result:
            # The first stays; the second is not read at all, so what it holds is reported once it is renamed.
            first = source.positions[here]
            _problem(source, key_node, here, f"'{key}' appears twice in the same mapping (first on line {first.line})")
            continue
        # Point at the value when it sits on the key's line, else at the key.
        mark = value_node.start_mark if isinstance(value_node, ScalarNode) else key_node.start_mark
        source.positions[here] = Position(mark.line + 1, mark.column + 1)
        result[key] = _to_python(value_node, here, source, lines, depth + 1)
    return result


def _problem(source: SourceDocument, node: Node, location: Location, message: str) -> None:
    mark = node.start_mark
    source.problems.append(Problem(str(source.path), mark.line + 1, mark.column + 1, format_path(location), message))


_CONSTRUCTOR = CoreSafeLoader("")
