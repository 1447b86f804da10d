"""A coalition's repository from nothing, with partnerdocs installed from a wheel into a fresh environment.

The wheel is built from a copy of this repository (building writes build/ and *.egg-info/ beside the
sources). The fresh environment gets the wheel alone; a .pth file lends it the dependencies already
installed for the tests, so nothing is downloaded for them. Every command then runs from outside this
repository, with PYTHONPATH unset: the templates must come from inside the wheel. An editable install is
checked too, since developers use one: it must read the top-level templates/ folder staff edit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: the test needs a repository")

SOURCES = ("pyproject.toml", "README.md", "LICENSE", "pipeline", "schemas", "templates")
KINDS_OF_TEMPLATES = sorted(p.name for p in (ROOT / "templates").glob("*.docx"))


def run(command: list[str | Path], cwd: Path, env: dict[str, str], timeout: int = 120) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{command}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the files a wheel is built from."""
    copy = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, copy / name)
    return copy


def fresh_environment(folder: Path) -> tuple[Path, dict[str, str]]:
    """A virtual environment with nothing of partnerdocs in it, and the environment to run its commands in."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=60)
    python = folder / "bin" / "python"
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], capture_output=True, text=True
    ).stdout.strip()
    # The dependencies only: this environment's site-packages holds partnerdocs as an editable install, whose
    # finder a path added by a .pth file never runs, so `pipeline` can only come from what is installed next.
    Path(purelib, "dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "GIT_", "VIRTUAL_ENV"))}
    env |= {
        "PATH": f"{folder / 'bin'}{os.pathsep}{env.get('PATH', '')}",
        "XDG_CACHE_HOME": str(folder / "cache"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Coalition Staff",
        "GIT_AUTHOR_EMAIL": "staff@example.org",
        "GIT_COMMITTER_NAME": "Coalition Staff",
        "GIT_COMMITTER_EMAIL": "staff@example.org",
    }
    return python, env


def packaged_templates(python: Path, cwd: Path, env: dict[str, str]) -> Path:
    """The folder the installed partnerdocs reads its own templates from."""
    code = "from pipeline.template_files import packaged_template as t; print(t('mou.docx').parent)"
    return Path(run([python, "-c", code], cwd, env).strip())


def pip_install(python: Path, *arguments: str | Path) -> None:
    command = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", *arguments]
    subprocess.run([str(c) for c in command], check=True, timeout=180, capture_output=True)


def test_a_coalition_repository_works_with_partnerdocs_installed_from_a_wheel(source: Path, tmp_path: Path) -> None:
    # Set up: a wheel, a fresh environment with it, and an empty git repository.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(source)],
        check=True,
        timeout=180,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("partnerdocs-*.whl")
    python, env = fresh_environment(tmp_path / "venv")
    pip_install(python, wheel)
    repository = tmp_path / "harbor-coalition"
    repository.mkdir()
    run(["git", "init", "-q", "-b", "main"], repository, env)

    packaged = packaged_templates(python, tmp_path, env)
    assert packaged.is_relative_to(tmp_path / "venv")  # the wheel's own copy, not this repository's
    for name in KINDS_OF_TEMPLATES:
        assert (packaged / name).read_bytes() == (ROOT / "templates" / name).read_bytes()

    # init, then the commands the coalition's README names, each from the fresh environment.
    report = run(["partnerdocs", "init"], repository, env)
    assert "created        partnerships/harbor-coalition.yaml" in report
    assert run(["git", "config", "diff.docx.textconv"], repository, env).strip() == "partnerdocs text"
    starter = repository / "partnerships" / "harbor-coalition.yaml"
    assert run(["partnerdocs", "validate"], repository, env) == "1 partnership file checked: no problems.\n"
    built = run(["partnerdocs", "build"], repository, env)
    assert "wrote output/harbor-coalition/mou.docx (+ mou.txt) [DRAFT]" in built
    first = yaml.safe_load(starter.read_text(encoding="utf-8"))["members"][0]["id"]
    approved = run(["partnerdocs", "approve", "harbor-coalition", "mou", "--by", first], repository, env)
    assert f"{first} approved mou" in approved
    status = run(["partnerdocs", "status"], repository, env)
    assert "harbor-coalition/mou: DRAFT (still to approve: TODO: second member's full legal name)" in status

    # A text diff: a built document committed, changed, and shown by git through `partnerdocs text` on PATH.
    signed = repository / "agreements" / "mou.docx"
    signed.parent.mkdir()
    shutil.copy(repository / "output" / "harbor-coalition" / "mou.docx", signed)
    run(["git", "add", "-A"], repository, env)
    run(["git", "commit", "-q", "-m", "Starter partnership and its MOU"], repository, env)
    text = starter.read_text(encoding="utf-8")
    starter.write_text(text.replace("TODO: the partnership's full name", "Harbor County Task Force"), encoding="utf-8")
    run(["partnerdocs", "build", "--kind", "mou"], repository, env)
    shutil.copy(repository / "output" / "harbor-coalition" / "mou.docx", signed)
    diff = run(["git", "diff", "--", "agreements/mou.docx"], repository, env)
    assert "Binary files" not in diff
    lines = diff.splitlines()
    assert [line for line in lines if line.startswith("-") and "TODO: the partnership's full name" in line]
    assert [line for line in lines if line.startswith("+") and "Harbor County Task Force" in line]


def test_an_editable_install_reads_the_top_level_templates(source: Path, tmp_path: Path) -> None:
    python, env = fresh_environment(tmp_path / "venv")
    pip_install(python, "-e", source)
    assert packaged_templates(python, tmp_path, env) == source / "templates"
    shutil.copy(ROOT / "partnerships" / "harbor-hope-omalley.yaml", tmp_path)
    built = run(["partnerdocs", "build", "harbor-hope-omalley.yaml", "--kind", "mou"], tmp_path, env)
    assert "wrote output/harbor-hope-omalley/mou.docx" in built
