"""The look every partnerdocs figure shares, and safe labels: what the figure builders draw with.

Labels go through the graphviz package's escaping and are marked as plain text (never Graphviz's
HTML-like labels), so a value typed in the YAML is only ever a label: it cannot add attributes, nodes
or file references to a drawing.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Iterable, Sequence

import graphviz

from pipeline.figures import FONT

INK = "#1F3864"
"""Dark blue of the templates' headings."""
PAPER = "#EEF3F8"
ACCENT = "#D9E2F3"
LINE = "#44546A"
WRAP = 28
"""Characters per line in a box: about two inches at the figures' 11-point text."""


def new_graph(direction: str = "TB") -> graphviz.Digraph:
    """A directed graph with the shared look: rounded boxes in the templates' font and colours."""
    graph = graphviz.Digraph(
        graph_attr={
            "rankdir": direction,
            "fontname": FONT,
            "fontsize": "12",
            "nodesep": "0.25",
            "ranksep": "0.35",
            "compound": "true",
            "newrank": "true",
            "labeljust": "l",
            "color": LINE,
            "style": "rounded",
            "bgcolor": "white",
            "pad": "0.1",
        },
        node_attr={
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": PAPER,
            "color": LINE,
            "fontname": FONT,
            "fontsize": "11",
            "margin": "0.12,0.06",
        },
        edge_attr={"color": LINE, "arrowsize": "0.7"},
    )
    return graph


def label(*lines: str, left: bool = False, width: int = WRAP) -> str:
    """A plain-text label: each line wrapped, escaped, and centred (or left-aligned)."""
    end = "\\l" if left else "\\n"
    wrapped = [
        graphviz.escape(part).replace("\n", " ")
        for line in lines
        if line
        for part in (textwrap.wrap(line, width, break_on_hyphens=False) or [""])
    ]
    text = end.join(wrapped) + ("\\l" if left else "")
    plain: str = graphviz.nohtml(text)  # never read as an HTML-like label, whatever it starts with
    return plain


def bulleted(title: str, items: Iterable[str], width: int = WRAP) -> str:
    """A title line, then one left-aligned bullet per item (continuation lines indented)."""
    lines = [graphviz.escape(part) for part in textwrap.wrap(title, width, break_on_hyphens=False)]
    for item in items:
        parts = textwrap.wrap(item, width - 2, break_on_hyphens=False) or [""]
        lines.append("• " + graphviz.escape(parts[0]))
        lines.extend("   " + graphviz.escape(part) for part in parts[1:])
    plain: str = graphviz.nohtml("\\l".join(lines) + "\\l")
    return plain


def rows_of(names: Sequence[str], per_row: int) -> list[list[str]]:
    """Node names in rows of at most `per_row`, for figures that would otherwise grow too wide for a page."""
    return [list(names[i : i + per_row]) for i in range(0, len(names), per_row)]


def stack_rows(graph: graphviz.Digraph, rows: list[list[str]]) -> None:
    """Keep each row side by side in the given order, and each row under the previous one (invisible edges)."""
    for row in rows:
        with graph.subgraph() as same:
            same.attr(rank="same")
            for left, right in itertools.pairwise(row):
                same.edge(left, right, style="invis")
    for upper, lower in itertools.pairwise(rows):
        graph.edge(upper[0], lower[0], style="invis")


def place_below(graph: graphviz.Digraph, upper: list[list[str]], lower: list[list[str]]) -> None:
    """Put the first row of `lower` under the last row of `upper`."""
    if upper and lower:
        graph.edge(upper[-1][0], lower[0][0], style="invis")
