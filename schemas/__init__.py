"""Pydantic models of a partnership: the single source of truth for every document."""

from pathlib import Path

from schemas.partnership import Partnership

SCHEMA_FILE = Path(__file__).parent / "partnership.schema.json"

__all__ = ["SCHEMA_FILE", "Partnership"]
