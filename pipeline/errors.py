"""Problems are data: where (file, line, column, field path) and what. They are formatted here only: as text
for people, as JSON objects for scripts and editors, as GitHub Actions workflow commands for annotations."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

MAX_PROBLEMS_SHOWN = 50
"""Problems printed per file; the rest are counted. A file of 97,000 unknown keys would otherwise print 64 MB,
and nobody fixes the fifty-first problem before the first fifty."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the user's input, pointing at where to fix it."""

    file: str
    line: int = 0
    column: int = 0
    path: str = ""
    message: str = ""
    severity: str = "error"
    rule: str = ""
    """The lint rule that found it; empty for validation errors."""
    hint: str = ""
    """Why the rule exists, printed on a second line."""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}"
        message = f"{self.severity}[{self.rule}]: {self.message}" if self.rule else self.message
        text = f"{where}: {self.path}: {message}" if self.path else f"{where}: {message}"
        return f"{text}\n    why: {self.hint}" if self.hint else text


class PartnerdocsError(Exception):
    """A problem with the user's input or files: shown without a traceback, exit code 1."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


class PartlyWrittenError(PartnerdocsError):
    """A build that stopped after it had already replaced some outputs: `written` names them, so that
    nobody is told that nothing was written."""

    def __init__(self, problems: Sequence[Problem], written: Sequence[str]) -> None:
        super().__init__(problems)
        self.written = tuple(written)


def format_path(location: Iterable[str | int]) -> str:
    """('members', 2, 'contacts', 'primary') -> 'members[2].contacts.primary'."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def show_value(value: object) -> str:
    """A value the user wrote, quoted for a message and cut short if long (a value may be a megabyte)."""
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"' if "'" in text else f"'{text}'"


FORMATS = ("text", "json", "github")
"""What --format accepts where problems are reported."""


def format_problems(problems: Iterable[Problem], output_format: str = "text") -> str:
    """The problems, sorted by file and line, as lines of text, a JSON list (problem_records) or GitHub
    workflow commands (github_command): the first MAX_PROBLEMS_SHOWN of each file, then one line (or
    object) that counts the rest."""
    if output_format == "json":
        return json.dumps(problem_records(problems), indent=2, ensure_ascii=False)
    shown = _shown(sorted(problems))
    if output_format == "github":
        return "\n".join(github_command(p) for p in shown)
    return "\n".join(str(p) for p in shown)


def problem_records(problems: Iterable[Problem]) -> list[dict[str, str | int]]:
    """The problems as the JSON output of every command gives them (README, "Machine-readable output"):
    one object each, with the same keys always, capped per file like the text."""
    return [_record(problem) for problem in _shown(sorted(problems))]


def _record(problem: Problem) -> dict[str, str | int]:
    # The keys are a promise to scripts: renaming a field of Problem must not rename them.
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "field": problem.path,
        "message": problem.message,
        "severity": problem.severity,
        "rule": problem.rule,
        "hint": problem.hint,
    }


def github_command(problem: Problem) -> str:
    """The problem as one GitHub Actions workflow command (`::error file=F,line=L,col=C,title=T::message`;
    warnings as ::warning), which the runner shows as an annotation on that line of the pull request.

    Values are escaped as the Actions toolkit escapes them (packages/core/src/command.ts), which the
    runner undoes: a message keeps its line breaks, and no value can end the command early or add a
    property of its own (a file name holding ',line=1' or '::' stays a file name). Empty properties are
    left out, as the toolkit does: a problem with no line is an annotation on the whole file.
    """
    command = "error" if problem.severity == "error" else "warning"
    title = f"{problem.path} ({problem.rule})" if problem.path and problem.rule else problem.path or problem.rule
    properties = {
        "file": problem.file,
        "line": str(problem.line) if problem.line else "",
        "col": str(problem.column) if problem.line and problem.column else "",
        "title": title or "partnerdocs",
    }
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items() if value)
    message = f"{problem.message}\nwhy: {problem.hint}" if problem.hint else problem.message
    return f"::{command} {listed}::{escape_data(message)}"


def escape_data(text: str) -> str:
    """A workflow command's message: '%' first, so that the escapes added after it stay escapes."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and ':' and ',' too, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _shown(ordered: list[Problem]) -> Iterator[Problem]:
    for file, group in groupby(ordered, key=lambda problem: problem.file):
        found = list(group)
        yield from found[:MAX_PROBLEMS_SHOWN]
        rest = len(found) - MAX_PROBLEMS_SHOWN
        if rest > 0:
            noun = "problem" if rest == 1 else "problems"
            yield Problem(file, message=f"… and {rest:,} more {noun} in this file")
