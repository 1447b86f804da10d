"""Stages 1-3 for whole files: load, validate (with cross-file and sign-off checks) and lint.

Nothing here renders, so `validate` and `lint` never import docx or Jinja.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.approval_files import file_approvals, with_approvals
from pipeline.approval_folder import orphaned_folder_problems
from pipeline.errors import PartnerdocsError, Problem
from pipeline.inputs import duplicate_slug_problems, find_partnership_files
from pipeline.kinds import KINDS
from pipeline.load import SourceDocument, load_file
from pipeline.signoff import approval_problems, required_approvers
from pipeline.validate import problem_at, validate_document
from schemas import Partnership


@dataclass(frozen=True)
class LoadedPartnership:
    source: SourceDocument
    partnership: Partnership
    """The partnership with every approval recorded for it: those its file lists and those of its approvals
    folder (pipeline.approval_files). Everything that decides whether a document is final reads these."""
    written: Partnership | None = None
    """The partnership as its file alone writes it, for checks that point at lines of the file (lint);
    None when it holds nothing more than `partnership`."""

    @property
    def as_written(self) -> Partnership:
        return self.written or self.partnership

    @property
    def slug(self) -> str:
        return self.source.slug


def load_one(path: Path) -> tuple[LoadedPartnership | None, list[Problem]]:
    """One partnership, validated (None if invalid), with every problem found in it."""
    try:
        source = load_file(path)
    except PartnerdocsError as error:
        return None, list(error.problems)
    partnership, problems = validate_document(source)
    if partnership is None:
        return None, problems
    required = required_approvals(partnership)
    problems += [problem_at(source, loc, msg) for loc, msg in approval_problems(partnership, required)]
    recorded, found = file_approvals(path, partnership, required)
    problems += found
    if problems:
        return None, problems
    complete = with_approvals(partnership, recorded)
    return LoadedPartnership(source, complete, partnership if complete is not partnership else None), problems


@dataclass(frozen=True)
class Checked:
    """The files found under the paths given, the partnerships among them that are valid, and every problem
    of the others. A file with the same name as an earlier one is never valid: their documents would
    overwrite each other."""

    files: list[Path]
    loaded: list[LoadedPartnership]
    problems: list[Problem]

    def invalid(self, path: Path) -> bool:
        return any(problem.file == str(path) for problem in self.problems)


def check_partnerships(paths: Sequence[Path]) -> Checked:
    """Every partnership file, validated one by one; PartnerdocsError only when there is no file at all."""
    files = find_partnership_files(paths)
    problems = duplicate_slug_problems(files)
    duplicates = {problem.file for problem in problems}
    problems += orphaned_folder_problems(files)
    loaded = []
    for path in files:
        partnership, found = load_one(path)
        problems += found
        if partnership is not None and str(path) not in duplicates:
            loaded.append(partnership)
    return Checked(files, loaded, problems)


def load_partnerships(paths: Sequence[Path]) -> list[LoadedPartnership]:
    """Every partnership, validated; or one PartnerdocsError listing the problems of all files."""
    checked = check_partnerships(paths)
    if checked.problems:
        raise PartnerdocsError(checked.problems)
    return checked.loaded


def lint_all(partnerships: Iterable[LoadedPartnership], strict: bool = False) -> list[Problem]:
    """The lint findings of every partnership: warnings, or errors when strict."""
    from pipeline.lint import lint

    return [finding for loaded in partnerships for finding in lint(loaded.source, loaded.as_written, strict)]


def required_approvals(partnership: Partnership) -> dict[str, list[str]]:
    """Every document of a partnership, with the ids of the members who must approve it."""
    return {
        name: required_approvers(partnership, kind.id, name)
        for kind in KINDS.values()
        for name in kind.document_names(partnership)
    }
