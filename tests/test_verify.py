"""`verify` believes only a fresh render or a manifest signed in CI, says which it used, and finds a
document under any file name by its checksum, in the manifests given or those beside it and in output/."""

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


def test_without_a_signature_verify_compares_with_a_fresh_render_and_says_so(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no output/ here: the copy is listed in no manifest it can find
    partnerships = tmp_path / "partnerships"
    renamed = Path(shutil.copy(built / "mou.docx", tmp_path / "MOU final (2).docx"))
    for document in (built / "mou.docx", renamed):
        result = verify(document, "--partnerships", partnerships)
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"{document}: matches mou.docx as {partnerships / 'pathways.yaml'} and ")
        assert "(DRAFT, fingerprint " in result.output
        assert result.output.rstrip().endswith("; checked against a fresh render, not a signed manifest")
    assert f"; found by its sha256 in {built / 'manifest.json'}; " in verify(built / "mou.docx").output


def test_an_unsigned_manifest_is_no_evidence(built: Path, tmp_path: Path) -> None:
    stranger = tmp_path / "anything.docx"
    stranger.write_bytes(b"PK not a document partnerdocs built")
    hand_written = tmp_path / "manifest.json"
    entry = {"path": stranger.name, "sha256": sha256(stranger.read_bytes()), "status": "final"}
    hand_written.write_text(json.dumps({"documents": [entry]}), encoding="utf-8")
    refused = verify(stranger, "--manifest", hand_written)
    assert refused.exit_code == 1
    assert f"{hand_written}: cannot be searched: not a manifest partnerdocs wrote" in refused.output
    result = verify(stranger, "--partnerships", tmp_path / "partnerships")
    assert result.exit_code == 1
    assert f"{stranger}: no manifest beside it or in output/ lists it" in result.output
    assert "it is not a Word document partnerdocs built" in result.output
    assert "FINAL" not in result.output


def test_a_well_formed_forged_manifest_names_a_document_but_proves_nothing(built: Path, tmp_path: Path) -> None:
    """The forger copies a real manifest, marks the document final and puts their own file's checksum in it."""
    forged = tmp_path / "forged" / "manifest.json"
    forged.parent.mkdir()
    stranger = forged.parent / "mou.docx"
    stranger.write_bytes((built / "mou.docx").read_bytes() + b"\0")  # still a Word file; not what was built
    content = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    content["documents"][0].update(sha256=sha256(stranger.read_bytes()), status="final")
    forged.write_text(json.dumps(content), encoding="utf-8")
    result = verify(stranger, "--partnerships", tmp_path / "partnerships")  # finds the manifest beside it
    assert result.exit_code == 1
    assert f"{forged} lists it as mou.docx of pathways.yaml (an unsigned record: it names the document, it " in (
        result.output
    )
    assert "it does not match what " in result.output
    assert "FINAL" not in result.output and "final" not in result.output


def test_a_renamed_copy_is_found_in_the_manifests_of_output_and_named(
    examples_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    build([Path("partnerships")], Path("output"), ["letter-of-intent"])
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    letter = Path("output", "harbor-hope-omalley", "letter-of-intent-omalley.docx")
    renamed = Path(shutil.copy(letter, downloads / "Letter FINAL (2).docx"))
    manifest = Path("output", "harbor-hope-omalley", "manifest.json")
    for given in ((), ("--manifest", tmp_path / "elsewhere.json", "--manifest", manifest)):
        if given:
            shutil.copy(manifest, tmp_path / "elsewhere.json")  # lists the letter too: the first listing wins
        result = verify(renamed, *given)
        assert result.exit_code == 0, result.output
        found = tmp_path / "elsewhere.json" if given else manifest
        assert result.output.startswith(f"{renamed}: matches {letter.name} as ")
        assert f"; found by its sha256 in {found}; checked against a fresh render" in result.output


def test_a_listed_copy_of_an_earlier_version_says_which_document_it_is(
    write_partnership: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_partnership()
    build([path], Path("output"), ["mou"])
    renamed = Path(shutil.copy(Path("output", "pathways", "mou.docx"), tmp_path / "MOU final (2).docx"))
    path.write_text(path.read_text(encoding="utf-8").replace("Port Alder", "Port Alder City"), encoding="utf-8")
    result = verify(renamed)
    assert result.exit_code == 1
    listed = f"{renamed}: {Path('output', 'pathways', 'manifest.json')} lists it as mou.docx of pathways.yaml ("
    assert result.output.startswith(listed)
    assert "its content changed since: partnerships/pathways.yaml or its template was edited" in result.output
    assert "check it against the signed manifest it was published with (--signature)" in result.output
    path.unlink()
    result = verify(renamed)
    assert result.exit_code == 1
    assert result.output.startswith(listed)
    assert "pathways.yaml is not in partnerships: pass --partnerships with the folder that holds it" in result.output


@needs_ssh_keygen
def test_a_signature_beside_the_manifest_that_lists_the_copy_is_checked(
    built: Path, signing: tuple[Path, Path], tmp_path: Path
) -> None:
    """What a recipient has: the release's manifest and signature, and a copy renamed in their downloads."""
    key, allowed = signing
    sign(built / "manifest.json", key)
    renamed = Path(shutil.copy(built / "mou.docx", tmp_path / "MOU final (2).docx"))
    result = verify(renamed, "--manifest", built / "manifest.json", "--allowed-signers", allowed)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{renamed}: matches mou.docx of pathways.yaml as listed in ")
    assert "checked against that manifest, whose signature by ci@coalition.example is good" in result.output
    intruder = sign(built / "manifest.json", make_key(tmp_path / "keys", "intruder"))
    result = verify(renamed, "--manifest", built / "manifest.json", "--allowed-signers", allowed)
    assert result.exit_code == 1
    assert f"{intruder}: not signed by any key in {allowed}" in result.output


def test_one_signature_signs_one_manifest(built: Path, tmp_path: Path) -> None:
    signature = tmp_path / "manifest.json.sig"
    signature.write_text("not checked: refused first", encoding="utf-8")
    manifest = built / "manifest.json"
    result = verify(built / "mou.docx", "--signature", signature, "--manifest", manifest, "--manifest", manifest)
    assert result.exit_code == 2
    assert "--signature signs one manifest" in result.output


def test_a_document_from_an_earlier_version_does_not_match_a_fresh_render(
    built: Path, write_partnership: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (built / "manifest.json").unlink()  # listed nowhere: its properties say what to render
    path = tmp_path / "partnerships" / "pathways.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Port Alder", "Port Alder City"), encoding="utf-8")
    result = verify(built / "mou.docx", "--partnerships", path.parent)
    assert result.exit_code == 1
    assert f"does not match any mou that {path} and " in result.output
    assert "built from an earlier version of the partnership file or template" in result.output
