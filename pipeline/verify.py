"""`partnerdocs verify`: is this file exactly a document partnerdocs built, and is it final?

Two answers are worth trusting, and verify says which one it gave:
- against a fresh render: what the partnership file and the templates produce now (the file's own
  properties say which partnership and kind it is; nothing else in it is believed);
- against a manifest signed in CI (`--signature`): what the release build published.
An unsigned manifest is never evidence: anyone who can write to output/ can write one. But it says which
document a file is: a file listed in a manifest by its sha256 (pipeline.verify_lookup) is checked as the
document listed, whatever it is called now ("MOU final (2).docx"), against the signature beside that
manifest when there is one, or else a fresh render of that very document; when neither matches, the answer
still says which document it is, and which commit it was built from.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from pipeline.errors import PartnerdocsError, Problem
from pipeline.input_file import ZIP_ERRORS
from pipeline.kinds import KINDS
from pipeline.manifest import MAX_MANIFEST_BYTES, parse_manifest, sha256
from pipeline.signature import signer
from pipeline.signoff import SHORT
from pipeline.verify_lookup import Listing, find_listing, manifests_to_search

if TYPE_CHECKING:
    from pipeline.documents import RenderedDocument

_CORE = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_SLUG = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,94}[a-z0-9])?")
# What zipfile and the XML parser raise for a file that is not a well-formed Word document.
_UNREADABLE: tuple[type[Exception], ...] = (*ZIP_ERRORS, ElementTree.ParseError)


def against_signed_manifest(document: Path, signature: Path, manifest: Path | None, allowed_signers: Path) -> str:
    """A one-line confirmation that `document` is listed in a manifest whose signature is good."""
    manifest = manifest or _beside(signature)
    message = _read(manifest, MAX_MANIFEST_BYTES)
    principal = signer(manifest, message, signature, allowed_signers)
    try:
        content = parse_manifest(message)
    except ValueError as error:
        raise _refusal(manifest, f"signed by {principal}, but {error}") from None
    actual = sha256(document.read_bytes())
    entry = next((e for e in content["documents"] if e["sha256"] == actual), None)
    if entry is None:
        named = next((e for e in content["documents"] if e["path"] == document.name), None)
        reason = (
            f"the manifest's {named['path']} has sha256 {named['sha256'][:16]}...: the file was changed after "
            "partnerdocs built it"
            if named
            else "it was changed after partnerdocs built it, or it is listed in another partnership's manifest"
        )
        raise _refusal(document, f"no document in {manifest} has its sha256 ({actual[:16]}...); {reason}")
    source = _printable(str(content["source"].get("file", "")))
    return (
        f"{document}: matches {entry['path']} of {source} as listed in {manifest} ({entry['status'].upper()}, "
        f"fingerprint {entry['fingerprint'][:SHORT]}); checked against that manifest, whose signature by "
        f"{principal} is good (allowed signers: {allowed_signers})"
    )


def identified(
    document: Path, manifests: Sequence[Path], partnerships: Path, templates_dir: Path | None, allowed_signers: Path
) -> str:
    """A one-line confirmation that `document` is genuine, found by its sha256 in the manifests given (or the
    one beside it, or those in output/): checked against the signature beside the manifest that lists it
    when there is one (and keys to check it with), or else against a fresh render of the document listed.
    A document listed nowhere is checked as its own properties say (against_fresh_render)."""
    actual = sha256(document.read_bytes())
    listing = find_listing(actual, manifests_to_search(document, manifests), given=bool(manifests))
    if listing is None:
        searched = f"given ({_some(manifests)})" if manifests else "beside it or in output/"
        return against_fresh_render(document, partnerships, templates_dir, f"no manifest {searched} lists it")
    if listing.signature.is_file() and allowed_signers.is_file():
        return against_signed_manifest(document, listing.signature, listing.manifest, allowed_signers)
    return _against_listing(document, listing, actual, partnerships, templates_dir)


def _against_listing(
    document: Path, listing: Listing, actual: str, partnerships: Path, templates_dir: Path | None
) -> str:
    from pipeline.documents import render_all
    from pipeline.partnerships import load_partnerships

    unsigned = (
        f"{listing.manifest} lists it as {listing.describe()} (an unsigned record: it names the document, it "
        "does not vouch for it)"
    )
    path = partnerships / f"{listing.slug}.yaml"
    if listing.slug is None or not path.is_file():
        where = f"{listing.slug}.yaml is not in {partnerships}" if listing.slug else "it names no partnership file"
        message = (
            f"{unsigned}; {where}: pass --partnerships with the folder that holds it, or check the document "
            "against the signed manifest it was published with (--signature)"
        )
        raise _refusal(document, message)
    name = listing.entry["name"]
    rendered = list(render_all(load_partnerships([path]), [listing.entry["kind"]], templates_dir, only=name))
    for candidate in rendered:
        if sha256(candidate.docx) == actual:
            return _fresh_match(document, candidate, path, templates_dir, f"found by its sha256 in {listing.manifest}")
    now = rendered[0].signoff.fingerprint if rendered else ""
    if not rendered:
        change = f"{path} has no {name} now"
    elif now == listing.entry["fingerprint"]:
        change = (
            f"{path} and the templates give it the same content but other bytes now (an approval or a commit since)"
        )
    else:
        change = f"its content changed since: {path} or its template was edited (fingerprint now {now[:SHORT]})"
    raise _refusal(
        document,
        f"{unsigned}; it does not match what {path} and the templates in {templates_dir} produce now: {change}; "
        "check it against the signed manifest it was published with (--signature)",
    )


def against_fresh_render(
    document: Path, partnerships: Path, templates_dir: Path | None = None, unlisted: str = ""
) -> str:
    """A one-line confirmation that `document` is byte for byte what its partnership file and the
    templates produce now. `unlisted` says where the document was looked for in vain, for a refusal."""
    from pipeline.documents import render_all
    from pipeline.partnerships import load_partnerships
    from pipeline.template_files import describe

    data = document.read_bytes()
    kind, slug, identifier = _made_from(document, data, unlisted)
    path = partnerships / f"{slug}.yaml"
    if not path.is_file():
        message = (
            f"it was built from {slug}.yaml, which is not in {partnerships}; pass --partnerships with the folder "
            "that holds it, or check it against the signed manifest it was published with (--signature)"
        )
        raise _refusal(document, message)
    actual = sha256(data)
    rendered = list(render_all(load_partnerships([path]), [kind], templates_dir))
    for candidate in rendered:
        if sha256(candidate.docx) == actual:
            return _fresh_match(document, candidate, path, templates_dir)
    same_content = next((c for c in rendered if c.signoff.fingerprint == identifier), None)
    if same_content is not None:
        reason = (
            f"it gives the fingerprint of the current {same_content.name} ({identifier[:SHORT]}) but its bytes "
            "differ: it was edited after partnerdocs built it, or built before the latest approval or commit"
        )
    else:
        reason = (
            "it was changed after partnerdocs built it, or built from an earlier version of the partnership "
            "file or template; check it against the signed manifest it was published with (--signature)"
        )
    message = f"does not match any {kind} that {path} and {describe(templates_dir)} produce now: {reason}"
    raise _refusal(document, message)


def _fresh_match(
    document: Path, candidate: RenderedDocument, path: Path, templates_dir: Path | None, found: str = ""
) -> str:
    from pipeline.template_files import template_path

    template = template_path(candidate.kind.template_name, templates_dir)
    return (
        f"{document}: matches {candidate.name}.docx as {path} and {template} produce it now "
        f"({candidate.signoff.status.upper()}, fingerprint {candidate.signoff.fingerprint[:SHORT]}); "
        f"{found}{'; ' if found else ''}checked against a fresh render, not a signed manifest"
    )


def _some(paths: Sequence[Path]) -> str:
    return ", ".join(str(path) for path in paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")


def _made_from(document: Path, data: bytes, unlisted: str = "") -> tuple[str, str, str]:
    """The kind and partnership a document names in its properties, and its content fingerprint.

    They only say where to look: the verdict comes from comparing bytes with a fresh render.
    """
    unlisted = f"{unlisted}, and it is " if unlisted else ""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 1024 * 1024:
                raise ValueError("core properties too large")
            root = ElementTree.fromstring(archive.read(info))
    except _UNREADABLE:
        message = f"{unlisted}not a Word document partnerdocs built (its properties cannot be read)"
        raise _refusal(document, message) from None
    parts = [part.strip() for part in (root.findtext(f"{_CORE}keywords") or "").split(";")]
    identifier = root.findtext(f"{_DC}identifier") or ""
    if len(parts) != 3 or parts[0] != "partnerdocs" or parts[1] not in KINDS or not _SLUG.fullmatch(parts[2]):
        message = f"{unlisted}not a document partnerdocs built: its properties name no partnership and kind of document"
        raise _refusal(document, message)
    return parts[1], parts[2], identifier


def _beside(signature: Path) -> Path:
    if signature.suffix != ".sig":
        raise _refusal(
            signature, "pass --manifest: the signature's name does not end in .sig, so its manifest is unknown"
        )
    return signature.with_suffix("")


def _read(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        raise _refusal(path, f"cannot read it: {error.strerror or error}") from error
    if len(data) > limit:
        raise _refusal(path, "too large to be a manifest partnerdocs wrote")
    return data


def _printable(text: str) -> str:
    return "".join(c for c in text if c.isprintable())


def _refusal(where: Path, message: str) -> PartnerdocsError:
    return PartnerdocsError([Problem(str(where), message=message)])
