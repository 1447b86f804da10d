"""The figure of how a partnership is organized: who leads, the committees, and the members by sector.

Drawn for the onboarding packet and the charter. It shows organizations and roles only, never a person's
contact details, so it shows nothing its readers may not see; the alt text says the same in sentences.
Each group is a box of rows, three items wide, one group under the other, so the drawing fits a page
in a readable size whatever the number of members.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.audience import Audience
from pipeline.contexts.common import current_name
from pipeline.contexts.figure_drawing import (
    ACCENT,
    INK,
    bulleted,
    label,
    new_graph,
    place_below,
    rows_of,
    stack_rows,
)
from pipeline.contexts.seats import seat_views
from pipeline.figures import Figure
from pipeline.formatting import join_and
from pipeline.i18n import _, _n, _p
from schemas import Partnership
from schemas.members import Member
from schemas.vocabulary import LeadershipModel

_PER_ROW = 3


def structure_figure(partnership: Partnership, audience: Audience, members: Sequence[Member]) -> Figure:
    """Leaders (lead, co-leads or core-group seats) and coordinator, committees, and `members` by sector."""
    graph = new_graph()
    name = partnership.name
    graph.node("partnership", label(name, width=40), fillcolor=INK, fontcolor="white", fontsize="13")
    leaders, leader_sentence = _leaders(partnership, audience)
    # Translators: the first sentence of the alt text of the figure of how the partnership {name} is organized.
    sentences = [_("How {name} is organized.", name=name), leader_sentence]
    leader_rows = _cluster(graph, "leadership", _p("figure box", "Leadership"), leaders, ACCENT)
    for node, _node_label in leaders[:_PER_ROW]:
        graph.edge("partnership", node)

    committees = [
        (c.name, chair) for c in partnership.committees for chair in (_chair(partnership, c.chair, c.chair_note),)
    ]
    committee_nodes = [
        # Translators: {chair} is the member (or person) who chairs a committee.
        (f"committee{i}", label(committee, _("Chair: {chair}", chair=chair) if chair else ""))
        for i, (committee, chair) in enumerate(committees)
    ]
    committee_rows = _cluster(graph, "committees", _p("figure box", "Committees"), committee_nodes, None)
    if committee_rows:
        graph.edge(leader_rows[-1][0], committee_rows[0][0], lhead="cluster_committees", ltail="cluster_leadership")
        parts = [
            # Translators: {committee} is a committee's name, {chair} who chairs it.
            _("{committee} (chair: {chair})", committee=committee, chair=chair) if chair else committee
            for committee, chair in committees
        ]
        # Translators: {committees} lists the committees, separated by semicolons.
        sentences.append(_("Committees: {committees}.", committees="; ".join(parts)))

    groups = _by_sector(members)
    sector_nodes = [(f"sector{i}", bulleted(sector, names)) for i, (sector, names) in enumerate(groups)]
    # Translators: the title of the box of members grouped by sector; {count} is how many members there are.
    title = _("Members by sector ({count})", count=len(members))
    member_rows = _cluster(graph, "members", title, sector_nodes, "white")
    place_below(graph, committee_rows or leader_rows, member_rows)
    if groups:
        # Translators: {sectors} lists each sector with its members ("Law enforcement: A and B; Legal aid: C").
        sentences.append(
            _n(
                "{count} member by sector: {sectors}.",
                "{count} members by sector: {sectors}.",
                len(members),
                sectors="; ".join(f"{sector}: {join_and(names)}" for sector, names in groups),
            )
        )
    # Translators: the title of the figure of how the partnership {name} is organized.
    return Figure(_("How {name} is organized", name=name), graph.source, " ".join(s for s in sentences if s))


def _cluster(graph, key: str, title: str, nodes: list[tuple[str, str]], fill: str | None) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """A titled box of nodes in rows; returns the rows of node names (none when there are no nodes)."""
    if not nodes:
        return []
    rows = rows_of([node for node, _text in nodes], _PER_ROW)
    with graph.subgraph(name=f"cluster_{key}") as cluster:
        cluster.attr(label=title, fontcolor=INK, margin="10")
        for node, text in nodes:
            cluster.node(node, text, **({"fillcolor": fill} if fill else {}))
        stack_rows(cluster, rows)
    return rows


def _leaders(partnership: Partnership, audience: Audience) -> tuple[list[tuple[str, str]], str]:
    """(node, label) of each leader, and a sentence saying who leads."""
    leadership = partnership.leadership
    nodes: list[tuple[str, str]] = []
    if leadership.model is LeadershipModel.core_group:
        parts = []
        for index, view in enumerate(seat_views(partnership, audience)):
            seat = view.name or view.role or _p("core group seat", "Seat")
            holder = view.acting.member.name if view.acting else _p("seat or chair", "Vacant")
            nodes.append((f"leader{index}", label(seat, holder)))
            parts.append(f"{seat}: {holder}")
        # Translators: {seats} lists each core group seat with the member that holds it ("Chair: Bridgewell; ...").
        sentence = _("A core group leads, with these seats: {seats}.", seats="; ".join(parts))
    else:
        names = [n for n in (current_name(partnership, i) for i in leadership.leads) if n]
        co_leadership = leadership.model is LeadershipModel.co_leadership
        role = _p("figure box", "Co-lead") if co_leadership else _p("figure box", "Lead organization")
        nodes = [(f"leader{index}", label(role, n)) for index, n in enumerate(names)]
        if co_leadership:
            # Translators: {organizations} are the co-lead organizations ("Sheriff's Office and Bridgewell").
            sentence = (
                _("{organizations} lead together as co-leads.", organizations=join_and(names))
                if names
                else _("The co-lead seats are empty.")
            )
        else:
            sentence = (
                _("{organization} is the lead organization.", organization=names[0])
                if names
                else _("The lead organization has left.")
            )
    coordinator = leadership.coordinator
    if coordinator and (employer := current_name(partnership, coordinator.employer)):
        # Translators: under the coordinator's job title in the figure; {employer} is the member employing them.
        nodes.append(("coordinator", label(coordinator.title, _("at {employer}", employer=employer))))
        # Translators: {title} is the coordinator's job title ("Task Force Coordinator"), {employer} their employer.
        runs = _("The {title} at {employer} runs the day-to-day work.", title=coordinator.title, employer=employer)
        sentence += f" {runs}"
    if not nodes:
        nodes.append(("leader0", label(_("No leader named yet"))))
    return nodes, sentence


def _chair(partnership: Partnership, chair: str | None, note: str | None) -> str:
    return (current_name(partnership, chair) if chair else "") or (note or "")


def _by_sector(members: Sequence[Member]) -> list[tuple[str, list[str]]]:
    """(sector label, member names) in the order sectors first appear among the members."""
    groups: dict[str, list[str]] = {}
    for member in members:
        groups.setdefault(member.sector.label, []).append(member.name)
    return list(groups.items())
