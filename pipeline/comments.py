"""Values that YAML cut short at ' #': editors grey out the rest as a comment, which is easy to miss.

`description: A #SpringDrive campaign.` reads as "A": a plain (unquoted) value ends where whitespace and
`#` start a comment. A comment written `# like this` is taken to be one; `#` directly followed by a word
or a number (a hashtag, `#5`) was almost always meant as part of the value, so it is reported.
"""

from __future__ import annotations

import re
from pathlib import Path

from yaml.nodes import ScalarNode

from pipeline.errors import Problem, format_path

_CUT = re.compile(r"([ \t]+)#(\S+)(.*)")

# A line whose plain value has ' #' followed by a word: not starting with a quote or a comment, and no
# quote before the '#' (a quoted value may contain ' #' freely).
_LINE_WITH_CUT = re.compile(r"^[ \t]*(?:-[ \t]+)*(?![\"'#])[^\"'#]*?[ \t]#\S")

_SHOWN = 60


def cut_by_comment(path: Path, node: ScalarNode, location: tuple[str | int, ...], lines: list[str]) -> list[Problem]:
    """A problem at the '#' when the plain scalar `node` is followed on its line by ' #' and a word."""
    end = node.end_mark
    rest = lines[end.line][end.column :] if end.line < len(lines) else ""
    found = _CUT.match(rest)
    if found is None:
        return []
    space, word, after = found.groups()
    kept: str = node.value
    whole = f"{kept}{space}#{word}{after}".rstrip() if kept else f"#{word}{after}".rstrip()
    comment = f"#{word}…" if after.strip() else f"#{word}"
    ends = f"ends at {_show(_tail(kept))}" if kept else "is empty"
    message = (
        f"YAML reads ' #' as the start of a comment, so this value {ends}; put the whole value in quotes "
        f"({_quoted(_shortened(whole))}), or write '# ' with a space if {_show(comment)} is a comment"
    )
    # Marks count characters (libyaml's too), so the column is the character's, whatever comes before.
    column = end.column + len(space) + 1
    return [Problem(str(path), end.line + 1, column, format_path(location), message)]


def syntax_hint(lines: list[str], line: int) -> str | None:
    """Why a syntax error at 0-based `line` may come from ' #' cutting the value on the line before."""
    previous = line - 1
    while previous >= 0 and not lines[previous].strip():
        previous -= 1
    if previous < 0 or not _LINE_WITH_CUT.match(lines[previous]):
        return None
    return (
        f"line {previous + 1} has ' #', which YAML reads as the start of a comment, so the value there ends "
        "before it and this line cannot continue it; put that whole value in quotes"
    )


def _tail(text: str) -> str:
    return text if len(text) <= _SHOWN // 2 else "…" + _last_words(text, _SHOWN // 2)


def _shortened(text: str) -> str:
    half = _SHOWN // 2
    return text if len(text) <= _SHOWN else f"{_first_words(text, half)} … {_last_words(text, half)}"


def _first_words(text: str, size: int) -> str:
    """The start of a longer text, within `size` characters, ending at a whole word when it can."""
    head = text[:size]
    if not text[size].isspace() and " " in head:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip()


def _last_words(text: str, size: int) -> str:
    """The end of a longer text, within `size` characters, starting at a whole word when it can."""
    tail = text[-size:]
    if not text[-size - 1].isspace() and " " in tail:
        tail = tail.split(" ", 1)[1]
    return tail.lstrip()


def _show(text: str) -> str:
    return f'"{text}"' if "'" in text else f"'{text}'"


def _quoted(text: str) -> str:
    """The text as a YAML quoted value: double quotes, or single ones when it holds '"' or a backslash."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'
