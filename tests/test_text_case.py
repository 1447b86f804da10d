"""Text stays as typed: no document changes the case of a value written in a partnership file.

Every free-text value of each example gets a marker word in front of it, once capitalized ('Zebra')
and once in odd case ('zEBRA'). Lower-casing a value to fit mid-sentence would print 'zebra';
capitalizing one that starts a sentence would print 'ZEBRA'. Neither may appear anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conftest import EXAMPLES, dump_yaml
from pipeline.documents import render_all
from pipeline.load import load_file
from pipeline.partnerships import load_partnerships
from pipeline.text import docx_text
from schemas import Partnership
from schemas.references import reference_problems

Path_ = tuple[str | int, ...]


def _strings(data: Any, location: Path_ = ()) -> list[Path_]:
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _strings(value, (*location, key))]
    if isinstance(data, list):
        return [found for index, value in enumerate(data) for found in _strings(value, (*location, index))]
    return [location] if isinstance(data, str) else []


def _get(data: Any, location: Path_) -> Any:
    for step in location:
        data = data[step]
    return data


def _set(data: Any, location: Path_, value: Any) -> None:
    _get(data, location[:-1])[location[-1]] = value


def marked(data: dict[str, Any], marker: str) -> dict[str, Any]:
    """The data with `marker` in front of every string that may hold any text (ids, e-mails, choices stay)."""
    original = {location: _get(data, location) for location in _strings(data)}
    for location, text in original.items():
        _set(data, location, f"{marker} {text}")
    for _ in range(10):
        try:
            partnership = Partnership.model_validate(data)
        except ValidationError as error:
            refused = [tuple(detail["loc"]) for detail in error.errors()]
        else:
            refused = [tuple(location) for location, _ in reference_problems(partnership)]
            if not refused:
                return data
        for bad in refused:
            # A refused value, or every string inside a refused object, goes back to what it was.
            for location, text in original.items():
                if location[: len(bad)] == bad or bad[: len(location)] == location:
                    _set(data, location, text)
    raise AssertionError("could not mark the example's text and keep it valid")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
@pytest.mark.parametrize(("marker", "changed"), [("Zebra", "zebra"), ("zEBRA", "ZEBRA")])
def test_every_value_prints_with_its_case_unchanged(tmp_path: Path, example: Path, marker: str, changed: str) -> None:
    data = marked(load_file(example).data, marker)
    path = tmp_path / example.name
    path.write_text(dump_yaml(data, sort_keys=False), encoding="utf-8")
    text = "\n".join(docx_text(d.docx) for d in render_all(load_partnerships([path])))
    assert marker in text
    lines = [line for line in text.splitlines() if changed in line]
    assert not lines, "\n".join(lines[:10])
