"""Problems are data: where (file, line, column, field path) and what. They are formatted here only."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass


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
        super().__init__("\n".join(str(p) for p in self.problems))


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


def format_problems(problems: Iterable[Problem], output_format: str = "text") -> str:
    """All problems, sorted by file and line, as lines of text or as a JSON list."""
    ordered = sorted(problems)
    if output_format == "json":
        return json.dumps([asdict(p) for p in ordered], indent=2, ensure_ascii=False)
    return "\n".join(str(p) for p in ordered)
