"""Pydantic models of a partnership: the single source of truth for every document."""

from pathlib import Path

from schemas.partnership import Partnership

SCHEMA_FILE = Path(__file__).parent / "partnership.schema.json"
APPROVAL_SCHEMA_FILE = Path(__file__).parent / "approval.schema.json"
"""The schema of one approval file (partnerships/<slug>.approvals/*.yaml)."""

__all__ = ["APPROVAL_SCHEMA_FILE", "SCHEMA_FILE", "Partnership"]
