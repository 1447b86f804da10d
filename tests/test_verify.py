"""`verify` believes only a fresh render or a manifest signed in CI, says which it used, and finds a
document under any file name by its checksum."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.build import build
from pipeline.cli import main
from pipeline.manifest import sha256

runner = CliRunner()
needs_ssh_keygen = pytest.mark.skipif(shutil.which("ssh-keygen") is None, reason="needs ssh-keygen (openssh-client)")


@pytest.fixture
def built(write_partnership: Callable[..., Path], tmp_path: Path) -> Path:
    """The Pathways MOU built into tmp_path/out; returns its folder."""
    build([write_partnership()], tmp_path / "out", ["mou"])
    return tmp_path / "out" / "pathways"


def make_key(folder: Path, name: str) -> Path:
    """A throwaway ed25519 key without a passphrase, as CI holds it."""
    key = folder / name
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True)
    return key


def allow(key: Path, allowed_signers: Path, principal: str = "ci@coalition.example") -> None:
    """Add the key to an allowed signers file, for manifest signatures only (as README shows)."""
    kind, blob = key.with_suffix(".pub").read_text(encoding="utf-8").split()[:2]
    with allowed_signers.open("a", encoding="utf-8") as stream:
        stream.write(f'{principal} namespaces="partnerdocs-manifest" {kind} {blob}\n')


def sign(manifest: Path, key: Path, namespace: str = "partnerdocs-manifest") -> Path:
    """What the CI step runs."""
    Path(f"{manifest}.sig").unlink(missing_ok=True)
    subprocess.run(["ssh-keygen", "-Y", "sign", "-f", str(key), "-n", namespace, str(manifest)], check=True)
    return Path(f"{manifest}.sig")


def verify(*arguments: str | Path) -> Result:
    return runner.invoke(main, ["verify", *map(str, arguments)])


@pytest.fixture
def signing(tmp_path: Path) -> tuple[Path, Path]:
    """A CI key and an allowed signers file naming it."""
    keys = tmp_path / "keys"
    keys.mkdir()
    key = make_key(keys, "ci")
    allowed = tmp_path / "repository" / ".signing" / "allowed_signers"
    allowed.parent.mkdir(parents=True)
    allow(key, allowed)
    return key, allowed


@needs_ssh_keygen
def test_a_document_checks_against_a_good_signature_under_any_name(
    built: Path, signing: tuple[Path, Path], tmp_path: Path
) -> None:
    key, allowed = signing
    signature = sign(built / "manifest.json", key)
    received = tmp_path / "Downloads"
    received.mkdir()
    renamed = Path(shutil.copy(built / "mou.docx", received / "MOU final (2).docx"))
    for document in (built / "mou.docx", renamed):
        result = verify(document, "--signature", signature, "--allowed-signers", allowed)
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"{document}: matches mou.docx of pathways.yaml as listed in ")
        assert "(DRAFT, fingerprint " in result.output
        assert "checked against that manifest, whose signature by ci@coalition.example is good" in result.output


@needs_ssh_keygen
def test_a_changed_manifest_fails_its_signature(built: Path, signing: tuple[Path, Path]) -> None:
    key, allowed = signing
    manifest = built / "manifest.json"
    signature = sign(manifest, key)
    content = json.loads(manifest.read_text(encoding="utf-8"))
    content["documents"][0]["status"] = "final"
    manifest.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")
    result = verify(built / "mou.docx", "--signature", signature, "--allowed-signers", allowed)
    assert result.exit_code == 1
    assert f"{signature}: does not match {manifest}: the manifest was changed after it was signed" in result.output


@needs_ssh_keygen
def test_a_signature_by_a_key_not_allowed_fails(built: Path, signing: tuple[Path, Path], tmp_path: Path) -> None:
    _, allowed = signing
    signature = sign(built / "manifest.json", make_key(tmp_path / "keys", "intruder"))
    result = verify(built / "mou.docx", "--signature", signature, "--allowed-signers", allowed)
    assert result.exit_code == 1
    assert f"{signature}: not signed by any key in {allowed}" in result.output


@needs_ssh_keygen
def test_a_signature_made_for_something_else_fails(built: Path, signing: tuple[Path, Path]) -> None:
    key, allowed = signing
    signature = sign(built / "manifest.json", key, namespace="git")  # the same key signing a commit, say
    result = verify(built / "mou.docx", "--signature", signature, "--allowed-signers", allowed)
    assert result.exit_code == 1
    assert "was made for something other than a partnerdocs manifest" in result.output


@needs_ssh_keygen
def test_a_document_changed_after_signing_fails(built: Path, signing: tuple[Path, Path]) -> None:
    key, allowed = signing
    signature = sign(built / "manifest.json", key)
    document = built / "mou.docx"
    document.write_bytes(document.read_bytes() + b"\0")
    result = verify(document, "--signature", signature, "--allowed-signers", allowed)
    assert result.exit_code == 1
    assert "the file was changed after partnerdocs built it" in result.output


@needs_ssh_keygen
def test_a_signed_manifest_partnerdocs_did_not_write_is_a_clear_message(
    built: Path, signing: tuple[Path, Path]
) -> None:
    key, allowed = signing
    manifest = built / "manifest.json"
    manifest.write_text('{"documents": "mou"}', encoding="utf-8")
    result = verify(built / "mou.docx", "--signature", sign(manifest, key), "--allowed-signers", allowed)
    assert result.exit_code == 1
    assert "signed by ci@coalition.example, but not a manifest partnerdocs wrote: 'source' is not an object" in (
        result.output
    )
    assert "Traceback" not in result.output


def test_without_a_signature_verify_compares_with_a_fresh_render_and_says_so(built: Path, tmp_path: Path) -> None:
    partnerships = tmp_path / "partnerships"
    renamed = Path(shutil.copy(built / "mou.docx", tmp_path / "MOU final (2).docx"))
    for document in (built / "mou.docx", renamed):
        result = verify(document, "--partnerships", partnerships)
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"{document}: matches mou.docx as {partnerships / 'pathways.yaml'} and ")
        assert "(DRAFT, fingerprint " in result.output
        assert result.output.rstrip().endswith("); checked against a fresh render, not a signed manifest")


def test_an_unsigned_manifest_is_no_evidence(built: Path, tmp_path: Path) -> None:
    stranger = tmp_path / "anything.docx"
    stranger.write_bytes(b"PK not a document partnerdocs built")
    hand_written = tmp_path / "manifest.json"
    entry = {"path": stranger.name, "sha256": sha256(stranger.read_bytes()), "status": "final"}
    hand_written.write_text(json.dumps({"documents": [entry]}), encoding="utf-8")
    refused = verify(stranger, "--manifest", hand_written)
    assert refused.exit_code == 2
    assert "--manifest needs --signature" in refused.output
    result = verify(stranger, "--partnerships", tmp_path / "partnerships")
    assert result.exit_code == 1
    assert f"{stranger}: not a Word document partnerdocs built" in result.output
    assert "FINAL" not in result.output


def test_a_document_from_an_earlier_version_does_not_match_a_fresh_render(
    built: Path, write_partnership: Callable[..., Path], tmp_path: Path
) -> None:
    path = tmp_path / "partnerships" / "pathways.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Port Alder", "Port Alder City"), encoding="utf-8")
    result = verify(built / "mou.docx", "--partnerships", path.parent)
    assert result.exit_code == 1
    assert f"does not match any mou that {path} and the templates in " in result.output
    assert "built from an earlier version of the partnership file or template" in result.output
