"""The document kinds partnerdocs builds: template, audience and context builder of each."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the CLI imports this module; keep `--help` from loading the models
    from schemas import Partnership

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document, e.g. the MOU."""

    id: str
    title: str
    audience: str
    build_context: Callable[[Partnership], Mapping[str, Any]]
    missing: Callable[[Partnership], str | None]
    """Why a partnership cannot have this document yet (None when it can)."""

    @property
    def template_name(self) -> str:
        return f"{self.id}.docx"


def _mou_context(partnership: Partnership) -> Mapping[str, Any]:
    from pipeline.contexts.mou import mou_context

    context: Mapping[str, Any] = mou_context(partnership)
    return context


def _mou_missing(partnership: Partnership) -> str | None:
    if partnership.agreement is None:
        return "there is no 'agreement' section (term, notice period, amendment) to write an MOU from"
    return None


KINDS: dict[str, DocumentKind] = {
    kind.id: kind
    for kind in [
        DocumentKind(
            id="mou",
            title="Memorandum of Understanding",
            audience="members",
            build_context=_mou_context,
            missing=_mou_missing,
        ),
    ]
}
