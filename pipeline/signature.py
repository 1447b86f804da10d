"""Signed manifests: CI signs each manifest.json with an SSH key (`ssh-keygen -Y sign`, see README,
"Signed manifests"); anyone with a clone of the repository checks the signature offline against the
public keys in .signing/allowed_signers (`ssh-keygen -Y verify`).

ssh-keygen does the cryptography; this module only runs it and turns its answers into messages.
The manifest's bytes are read once by the caller and handed over, so what was verified is exactly
what is then parsed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from pipeline.errors import PartnerdocsError, Problem

NAMESPACE = "partnerdocs-manifest"
"""What the signature is for: a key's signature made for anything else (a git commit, a file) never
passes for a manifest's."""
ALLOWED_SIGNERS = Path(".signing") / "allowed_signers"


def signer(manifest: Path, message: bytes, signature: Path, allowed_signers: Path) -> str:
    """The principal whose key in `allowed_signers` made `signature` over `message` (the bytes of
    `manifest`); PartnerdocsError saying why when it did not."""
    if shutil.which("ssh-keygen") is None:
        raise _problem(signature, "checking a signature needs ssh-keygen (OpenSSH; Debian: openssh-client)")
    if not allowed_signers.is_file():
        message_text = (
            f"there is no allowed signers file at {allowed_signers}; run verify in a clone of the "
            "repository, or pass --allowed-signers"
        )
        raise _problem(signature, message_text)
    found = _ssh_keygen(signature, ["-Y", "find-principals", "-s", str(signature), "-f", str(allowed_signers)], b"")
    principals = [line for line in _printable(found.stdout).splitlines() if line] if found.returncode == 0 else []
    if not principals:
        reason = _printable(found.stderr).strip().splitlines()
        detail = f" ({reason[-1]})" if reason else ""
        message_text = (
            f"not signed by any key in {allowed_signers}{detail}: the signature was made with another key, "
            "or it is not an SSH signature"
        )
        raise _problem(signature, message_text)
    for principal in principals:
        command = ["-Y", "verify", "-f", str(allowed_signers), "-I", principal, "-n", NAMESPACE, "-s", str(signature)]
        if _ssh_keygen(signature, command, message).returncode == 0:
            return principal
    message_text = (
        f"does not match {manifest}: the manifest was changed after it was signed, or the signature was "
        f"made for something other than a partnerdocs manifest (namespace {NAMESPACE})"
    )
    raise _problem(signature, message_text)


def _ssh_keygen(signature: Path, arguments: list[str], message: bytes) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["ssh-keygen", *arguments], input=message, capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise _problem(signature, f"ssh-keygen could not run: {error}") from error


def _printable(data: bytes) -> str:
    """ssh-keygen's output as text with no control characters but line breaks."""
    text = data.decode("utf-8", "replace")
    return "".join(c for c in text if c == "\n" or c.isprintable())


def _problem(where: Path, message: str) -> PartnerdocsError:
    return PartnerdocsError([Problem(str(where), message=message)])
