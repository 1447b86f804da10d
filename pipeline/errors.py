"""Problems are data: where (file, line, column, field path) and what. They are formatted here only."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
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


def format_problems(problems: Iterable[Problem], output_format: str = "text") -> str:
    """The problems, sorted by file and line, as lines of text or as a JSON list: the first
    MAX_PROBLEMS_SHOWN of each file, then one line (or object) that counts the rest."""
    shown = list(_shown(sorted(problems)))
    if output_format == "json":
        return json.dumps([asdict(p) for p in shown], indent=2, ensure_ascii=False)
    return "\n".join(str(p) for p in shown)


def _shown(ordered: list[Problem]) -> Iterator[Problem]:
    for file, group in groupby(ordered, key=lambda problem: problem.file):
        found = list(group)
        yield from found[:MAX_PROBLEMS_SHOWN]
        rest = len(found) - MAX_PROBLEMS_SHOWN
        if rest > 0:
            noun = "problem" if rest == 1 else "problems"
            yield Problem(file, message=f"… and {rest:,} more {noun} in this file")
