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

# A paragraph whose first run is a label: the run-in style the templates use for it ('Strong'), then text.
_LABELLED = "./w:body//w:p[w:r[1]/w:rPr/w:rStyle[@w:val='Strong'] and w:r[2]]"
_STRONG = "./w:rPr/w:rStyle[@w:val='Strong']"
_WORDS = re.compile(r"\w+")


def _text(run: Any) -> str:
    return "".join(node.text or "" for node in run.xpath("./w:t"))


def drop_repeated_labels(document: Any) -> int:
    """Remove each run-in label whose words the rest of its paragraph opens with; returns how many."""
    dropped = 0
    for paragraph in document.xpath(_LABELLED):
        runs = paragraph.xpath("./w:r")
        label_runs = []
        for run in runs:
            if not run.xpath(_STRONG):
                break
            label_runs.append(run)
        label = _WORDS.findall("".join(_text(run) for run in label_runs).lower())
        rest = "".join(_text(run) for run in runs[len(label_runs) :])
        if label and _WORDS.findall(rest.lower())[: len(label)] == label:
            for run in label_runs:
                paragraph.remove(run)
            dropped += 1
    return dropped
