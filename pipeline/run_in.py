"""Run-in labels that the value after them already says: 'Recovery. Recovery ends when ...' loses its label.

Templates print a short bold label before a value ('Information already shared. {{ on_withdrawal }}'), so
that a value written as a fragment still reads as a fact. When staff write the value as a whole sentence
that opens with the same words, the label reads as a stutter: 'Information already shared. Information
already shared stays confidential.' The label adds nothing then, so the render stage removes it, in every
document, whatever template or context put it there.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RUN, _TEXT, _RPR, _RSTYLE, _VAL = (f"{{{_W}}}{name}" for name in ("r", "t", "rPr", "rStyle", "val"))
# A paragraph whose first run is a label: the run-in style the templates use for it ('Strong'), then text.
# Compiled once: the search runs on every document, and most paragraphs have no label at all.
_LABELLED = etree.XPath("./w:body//w:p[w:r[1]/w:rPr/w:rStyle[@w:val='Strong'] and w:r[2]]", namespaces={"w": _W})
_WORDS = re.compile(r"\w+")


def _strong(run: Any) -> bool:
    properties = run.find(_RPR)
    style = properties.find(_RSTYLE) if properties is not None else None
    return style is not None and style.get(_VAL) == "Strong"


def _text(run: Any) -> str:
    return "".join(node.text or "" for node in run.iterchildren(_TEXT))


def drop_repeated_labels(document: Any) -> int:
    """Remove each run-in label whose words the rest of its paragraph opens with; returns how many."""
    dropped = 0
    for paragraph in _LABELLED(document):
        runs = list(paragraph.iterchildren(_RUN))
        count = next((index for index, run in enumerate(runs) if not _strong(run)), len(runs))
        label_text = "".join(_text(run) for run in runs[:count]).strip().lower()
        if count == len(runs) or not _text(runs[count]).lstrip().lower().startswith(label_text[:2]):
            continue  # the usual case, decided cheaply: the value does not open like its label
        label = _WORDS.findall(label_text)
        rest = _WORDS.findall("".join(_text(run) for run in runs[count:]).lower())
        if label and rest[: len(label)] == label:
            for run in runs[:count]:
                paragraph.remove(run)
            dropped += 1
    return dropped
