"""Figures: drawings made with Graphviz from a partnership's facts, embedded in documents as PNG pictures.

A context builder hands a `Figure` to its template like any other value: `{{ structure_figure }}` alone in
a paragraph of the template's "Figure" style. The figure knows its Graphviz source (built with the graphviz
package, which quotes every value, so a name in the YAML is only ever a label) and its alt text, which
states the same facts in words for a screen reader and for the text rendition.

Drawing costs tens of milliseconds a figure, so each picture is cached by the hash of its source and of
the `dot` program that drew it: a rebuild draws only figures whose facts changed. The PNG bytes are the
same for the same source on the same machine, so documents stay byte-reproducible.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from pipeline.checked_files import cache_folder
from pipeline.errors import PartnerdocsError, Problem
from pipeline.write import write_atomically

DPI = 300
"""Print resolution."""
MAX_WIDTH_IN = 6.5
"""The text width of the templates' US Letter pages with one-inch margins."""
MAX_HEIGHT_IN = 8.0
FONT = "Carlito"
"""The templates' body font (metric-compatible with Calibri); fontconfig picks a near one when it is absent."""
_TIMEOUT_S = 60
# -Gsize scales a drawing larger than the page down before it is rasterized, so a picture never has more
# pixels than the page shows at print resolution (rasterizing is most of the cost of a figure).
_DOT_OPTIONS = ("-Tpng", f"-Gdpi={DPI}", f"-Gsize={MAX_WIDTH_IN:g},{MAX_HEIGHT_IN:g}")
_EMU_PER_INCH = 914400
RELATIONSHIP_PREFIX = "rIdPdFigure"
"""Relationship ids of figures start with this, so that finalize can find the pictures a document shows."""

_INSTALL_HINT = (
    "partnerdocs draws its figures with Graphviz, and its 'dot' program is not installed or not on PATH. "
    "Install Graphviz (Debian or Ubuntu: apt install graphviz; macOS: brew install graphviz; Windows: "
    "winget install graphviz) and build again"
)


class GraphvizError(PartnerdocsError):
    """Graphviz is missing or failed on a figure: names the figure and what to do."""

    def __init__(self, what: str, message: str) -> None:
        super().__init__([Problem(what, message=message)])


@dataclass(frozen=True)
class Figure:
    """One drawing in a document."""

    title: str
    """A short title, e.g. 'How the Riverbend Task Force is organized' (the picture's title for Word)."""
    source: str = field(repr=False)
    """The Graphviz (DOT) source."""
    alt_text: str
    """The same facts as the drawing, in sentences: what a screen reader reads instead of the picture."""

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.source.encode()).hexdigest()

    @property
    def relationship_id(self) -> str:
        return f"{RELATIONSHIP_PREFIX}{self.digest[:16]}"

    @property
    def media_name(self) -> str:
        """The picture's part name inside the .docx."""
        return f"/word/media/figure-{self.digest[:16]}.png"

    def png(self) -> bytes:
        return draw(self.source, self.title)

    def __html__(self) -> str:
        """The picture as a run of WordprocessingML, for a template paragraph that holds only the figure.

        Jinja's autoescape calls this (as docxtpl's InlineImage does): the run closes the template's own
        text run, adds the drawing, and opens a new run that the template's closing tags end."""
        return f'</w:t></w:r>{drawing_run(self)}<w:r><w:t xml:space="preserve">'


def drawing_run(figure: Figure) -> str:
    """A w:r holding the figure inline, sized from its pixels at print resolution and fitted to the page."""
    width_px, height_px = png_size(figure.png())
    scale = min(1.0, MAX_WIDTH_IN * DPI / width_px, MAX_HEIGHT_IN * DPI / height_px)
    cx = round(width_px * scale * _EMU_PER_INCH / DPI)
    cy = round(height_px * scale * _EMU_PER_INCH / DPI)
    title, alt = escape(figure.title, quote=True), escape(" ".join(figure.alt_text.split()), quote=True)
    rel = figure.relationship_id
    # docPr ids are renumbered after rendering (render.py), so 1 here is only a placeholder.
    return (
        "<w:r><w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:docPr id="1" name="{title}" title="{title}" descr="{alt}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        f'<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="{figure.media_name.rsplit("/", 1)[1]}" descr="{alt}"/>'
        "<pic:cNvPicPr/></pic:nvPicPr>"
        f'<pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG picture")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def draw(source: str, what: str) -> bytes:
    """The PNG picture of a Graphviz source: from the cache when this `dot` drew it before."""
    dot = _dot()
    key = hashlib.sha256("\0".join((dot.identity, *_DOT_OPTIONS, source)).encode()).hexdigest()
    return _drawn(key, source, what)


@functools.lru_cache(maxsize=8)  # a document's figures, and the packet's shared with the charter; no more in memory
def _drawn(key: str, source: str, what: str) -> bytes:
    cached = _cache_dir() / f"{key}.png"
    try:
        png = cached.read_bytes()
        png_size(png)  # a damaged cache entry is drawn again
        return png
    except (OSError, ValueError, struct.error):
        pass
    png = _run_dot(source, what)
    _store(cached, png)
    return png


def _run_dot(source: str, what: str) -> bytes:
    dot = _dot()
    try:
        result = subprocess.run(
            [dot.path, *_DOT_OPTIONS],
            input=source.encode(),
            capture_output=True,
            timeout=_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise GraphvizError(what, f"Graphviz took more than {_TIMEOUT_S} s to draw this figure") from error
    if result.returncode != 0 or not result.stdout.startswith(b"\x89PNG"):
        message = result.stderr.decode(errors="replace").strip() or f"exit status {result.returncode}"
        raise GraphvizError(what, f"Graphviz could not draw this figure: {message}")
    return result.stdout


@dataclass(frozen=True)
class _Dot:
    path: str
    identity: str
    """What changes when another Graphviz would draw differently: its path, size and modification time."""


@functools.cache
def _dot() -> _Dot:
    path = shutil.which("dot")
    if path is None:
        raise GraphvizError("Graphviz", _INSTALL_HINT)
    stat = Path(path).resolve().stat()
    return _Dot(path, f"{Path(path).resolve()}:{stat.st_size}:{stat.st_mtime_ns}")


def graphviz_available() -> bool:
    """True when figures can be drawn here."""
    try:
        _dot()
    except GraphvizError:
        return False
    return True


def _cache_dir() -> Path:
    return cache_folder() / "figures"


def _store(path: Path, png: bytes) -> None:
    """Keep a picture for the next build (atomically: a parallel build never reads half a picture)."""
    with contextlib.suppress(PartnerdocsError):  # a cache that cannot be written only costs time
        write_atomically(path, png)
