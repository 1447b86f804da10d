"""The Makefile's set-up: a Python too old, or a set-up that fails half-way, leaves no broken .venv behind."""

from __future__ import annotations

import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

# A stand-in for python3: answers the version check as told, and makes a .venv whose pip always fails.
FAKE_PYTHON = """#!/bin/sh
if [ "$1" = "-c" ]; then exit {version_check}; fi
if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then
  mkdir -p "$3/bin"
  printf '#!/bin/sh\\necho "pip: no network" >&2\\nexit 1\\n' > "$3/bin/python"
  chmod +x "$3/bin/python"
  exit 0
fi
exit 1
"""


def _project(tmp_path: Path, version_check: int) -> tuple[Path, Path]:
    for name in ("Makefile", "pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / "fake-python"
    python.write_text(FAKE_PYTHON.format(version_check=version_check), encoding="utf-8")
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    return tmp_path, python


def _make(folder: Path, python: Path, target: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", target, f"PYTHON={python}"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_python_too_old_is_named_with_the_fix_and_makes_nothing(tmp_path: Path) -> None:
    folder, python = _project(tmp_path, version_check=1)
    result = _make(folder, python, "docs")
    assert result.returncode != 0
    assert "partnerdocs needs Python 3.11 or newer" in result.stdout
    assert "PYTHON=python3.12" in result.stdout
    assert not (folder / ".venv").exists()


def test_a_failed_set_up_removes_the_half_made_venv(tmp_path: Path) -> None:
    folder, python = _project(tmp_path, version_check=0)
    for target in ("docs", "test"):  # the second run starts clean too
        result = _make(folder, python, target)
        assert result.returncode != 0
        assert "pip: no network" in result.stderr
        assert not (folder / ".venv").exists(), target


def test_building_installs_no_developer_tool_and_versions_are_locked() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    docs_setup = makefile[makefile.index("$(STAMP): pyproject.toml") : makefile.index("$(DEV_STAMP): $(STAMP)")]
    assert "$(PIP) -e ." in docs_setup and "[dev]" not in docs_setup
    assert "-c constraints.txt" in makefile
    pinned = {
        line.split("==")[0].lower()
        for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    }
    assert {"docxtpl", "python-docx", "pydantic", "pyyaml", "click", "graphviz", "pytest", "ruff", "mypy"} <= pinned
