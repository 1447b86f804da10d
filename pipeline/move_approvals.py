"""`partnerdocs move-approvals`: move the approvals a partnership file lists into its approvals folder.

Before approval files, `approve` added each approval under `approvals:` in the partnership file, where two
approvals recorded on two branches conflict when merged. Those lists are still read; this moves them, one
file per approval, so that the next approvals merge cleanly. The documents stay exactly as final as they
were: the approvals are the same ones, and one recorded in both places counts once.

Order makes an interruption harmless: every file is written before the list is taken out of the partnership
file (edited with ruamel.yaml's round-trip mode, which keeps its comments, quotes and layout, and checked
before it replaces the original). Killed in between, each approval is in both places, and counts once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from pipeline.approval_files import file_name
from pipeline.approval_folder import approvals_folder
from pipeline.approve import approval_text, locked
from pipeline.errors import PartnerdocsError
from pipeline.load import load_source
from pipeline.partnerships import load_one
from pipeline.validate import validate_document
from pipeline.write import write_atomically

# Indentation styles tried in turn: the first that reproduces the file unchanged is used to edit it.
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (2, 4, 0))


@dataclass(frozen=True)
class Moved:
    path: Path
    listed: int
    """Approvals the partnership file listed."""
    written: int
    """Files written for them; the others were in the folder already."""


def move_approvals(path: Path) -> Moved:
    """Write each approval the partnership file lists as an approval file, then take the list out of it."""
    with locked(path):
        loaded, problems = load_one(path)
        if loaded is None:  # a file with a problem is fixed first: nothing is moved out of it
            raise PartnerdocsError(problems)
        listed = loaded.as_written.approvals
        if not listed:
            return Moved(path, 0, 0)
        folder = approvals_folder(path)
        written = 0
        for approval in listed:
            target = folder / file_name(approval)
            if target.exists():  # the same approval, recorded in both places (or listed twice)
                continue
            write_atomically(target, approval_text(approval.model_dump(exclude_none=True)).encode("utf-8"))
            written += 1
        _remove_list(path)
        return Moved(path, len(listed), written)


def _remove_list(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    yaml = _round_trip_yaml(original)
    data = yaml.load(original)
    del data["approvals"]
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    updated = buffer.getvalue()
    _, problems = validate_document(load_source(path, updated.encode("utf-8")))
    if problems:
        raise PartnerdocsError(problems)
    write_atomically(path, updated.encode("utf-8"))


def _round_trip_yaml(text: str) -> YAML:
    for mapping, sequence, offset in _INDENTS:
        yaml = _configured(mapping, sequence, offset)
        buffer = io.StringIO()
        yaml.dump(yaml.load(text), buffer)
        if buffer.getvalue() == text:
            return yaml
    return _configured(*_INDENTS[0])


def _configured(mapping: int, sequence: int, offset: int) -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml
