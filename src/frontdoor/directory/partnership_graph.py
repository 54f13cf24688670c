"""The partnership map drawn server-side as SVG: boxes by level, arrows for accountability.

A simple layered layout: force-wide bodies on top, district bodies below, neighbourhood
bodies at the bottom; each level wraps onto as many rows as it needs. Within a level bodies
are grouped by the top of their accountability chain so related bodies sit together. An
arrow runs from each body to the body it is accountable to. The page beside it carries a
table listing the same structure: that table is the accessible equivalent, and the SVG
carries a title and a description.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models.partnership import Body, Level

BOX_W, BOX_H = 210, 100
GAP_X, GAP_Y = 26, 44
COLUMNS = 6
MARGIN = 20
LEVEL_HEADING = 30
LINE_CHARS = 28
NAME_LINES = 4
FLAG_COLOUR = "#942514"

# (fill, stroke): light tints with the GOV.UK colour as border; text stays black.
COLOURS = {
    Level.FORCE_WIDE: ("#d2e2f1", "#1d70b8"),
    Level.DISTRICT: ("#cce2d8", "#00703c"),
    Level.NEIGHBOURHOOD: ("#fff2a8", "#8a6d00"),
}
LEVEL_ORDER = [Level.FORCE_WIDE, Level.DISTRICT, Level.NEIGHBOURHOOD]


@dataclass
class Box:
    body: Body
    x: int
    y: int
    flags: list[str]

    @property
    def cx(self) -> float:
        return self.x + BOX_W / 2

    @property
    def cy(self) -> float:
        return self.y + BOX_H / 2


def _root_name(body: Body, by_id: dict[int, Body]) -> str:
    seen = set()
    while body.accountable_to_id in by_id and body.pk not in seen:
        seen.add(body.pk)
        body = by_id[body.accountable_to_id]
    return body.name


def _depth(body: Body, by_id: dict[int, Body]) -> int:
    depth, seen = 0, set()
    while body.accountable_to_id in by_id and body.pk not in seen:
        seen.add(body.pk)
        body = by_id[body.accountable_to_id]
        depth += 1
    return depth


def layout(
    bodies: list[Body], flags: dict[int, list[str]]
) -> tuple[list[Box], int, int, list[tuple[str, int]]]:
    by_id = {b.pk: b for b in bodies}
    boxes: list[Box] = []
    headings: list[tuple[str, int]] = []
    y = MARGIN
    for level in LEVEL_ORDER:
        here = sorted(
            (b for b in bodies if b.level == level),
            key=lambda b: (_root_name(b, by_id), _depth(b, by_id), b.name),
        )
        if not here:
            continue
        headings.append((level.label, y + 20))
        y += LEVEL_HEADING
        for i, body in enumerate(here):
            row, col = divmod(i, COLUMNS)
            boxes.append(
                Box(
                    body,
                    MARGIN + col * (BOX_W + GAP_X),
                    y + row * (BOX_H + GAP_Y),
                    flags.get(body.pk, []),
                )
            )
        rows = (len(here) + COLUMNS - 1) // COLUMNS
        y += rows * (BOX_H + GAP_Y) + 10
    width = MARGIN * 2 + COLUMNS * BOX_W + (COLUMNS - 1) * GAP_X
    return boxes, width, y, headings


def _edge_point(box: Box, tx: float, ty: float) -> tuple[float, float]:
    """Where the line from the box's centre towards (tx, ty) leaves the box."""
    dx, dy = tx - box.cx, ty - box.cy
    if dx == 0 and dy == 0:
        return box.cx, box.cy
    scale = min(
        (BOX_W / 2) / abs(dx) if dx else float("inf"),
        (BOX_H / 2) / abs(dy) if dy else float("inf"),
    )
    return box.cx + dx * scale, box.cy + dy * scale


def _channels() -> list[float]:
    """The x of each vertical gap between columns, where lines can run clear of every box."""
    return [MARGIN - GAP_X / 2 + c * (BOX_W + GAP_X) for c in range(COLUMNS + 1)]


def route(
    source: Box, target: Box, index: int, count: int, lane: int = 0
) -> list[tuple[float, float]]:
    """An elbowed line from the source's top to the target, running only through the gaps.

    Arrows into one target land spread along its bottom edge, and each target's arrows run in
    their own lane of the gaps, so that each can be followed.
    """
    tx = target.x + BOX_W * (index + 1) / (count + 1)
    dy = (lane % 5) * 6 - 12
    dx = (lane % 5) * 4 - 8
    if target.y == source.y:
        # Same row: over the top of the row, into the target's top.
        above = source.y - GAP_Y / 2 + dy
        if abs(target.x - source.x) == BOX_W + GAP_X:
            if target.x > source.x:
                return [(source.x + BOX_W, source.cy), (target.x, target.cy)]
            return [(source.x, source.cy), (target.x + BOX_W, target.cy)]
        return [(source.cx, source.y), (source.cx, above), (tx, above), (tx, target.y)]
    if target.y > source.y:
        return [
            _edge_point(source, target.cx, target.cy),
            _edge_point(target, source.cx, source.cy),
        ]
    above_source = source.y - GAP_Y / 2 + dy
    below_target = target.y + BOX_H + GAP_Y / 2 + dy
    start = (source.cx, source.y)
    if target.y + BOX_H + GAP_Y >= source.y:
        # The target's row is the row just above.
        return [start, (source.cx, above_source), (tx, above_source), (tx, target.y + BOX_H)]
    channel = min(_channels(), key=lambda x: (abs(x - source.cx) + abs(x - tx), x)) + dx
    return [
        start,
        (source.cx, above_source),
        (channel, above_source),
        (channel, below_target),
        (tx, below_target),
        (tx, target.y + BOX_H),
    ]


def render_svg(bodies: list[Body], flags: dict[int, list[str]], *, title: str) -> SafeString:
    boxes, width, height, headings = layout(bodies, flags)
    key_y = height + 10
    height = key_y + 40
    by_id = {box.body.pk: box for box in boxes}
    links = [
        (box, by_id[box.body.accountable_to_id])
        for box in boxes
        if box.body.accountable_to_id in by_id
    ]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" '
        'role="img" aria-labelledby="partnership-map-title partnership-map-desc" '
        'class="fd-partnership-map" font-family="Arial, sans-serif">',
        f'<title id="partnership-map-title">{escape(title)}</title>',
        f'<desc id="partnership-map-desc">{len(boxes)} partnership bodies in levels: force-wide at '
        f"the top, district in the middle, neighbourhood at the bottom. {len(links)} arrows each run "
        "from a body to the body it is accountable to. Colour shows the level. The table after "
        "this picture lists the same structure.</desc>",
        '<defs><marker id="fd-arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#0b0c0c"/></marker></defs>',
    ]
    incoming: dict[int, list[Box]] = {}
    for source, target in links:
        incoming.setdefault(target.body.pk, []).append(source)
    for source, target in links:
        siblings = sorted(incoming[target.body.pk], key=lambda b: (b.x, b.y))
        lane = list(incoming).index(target.body.pk)
        points = route(source, target, siblings.index(source), len(siblings), lane)
        path = " ".join(
            f"{'M' if i == 0 else 'L'} {x:.1f} {y:.1f}" for i, (x, y) in enumerate(points)
        )
        out.append(
            f'<path class="fd-arrow" data-from="{source.body.pk}" data-to="{target.body.pk}" '
            f'd="{path}" fill="none" stroke="#505a5f" stroke-width="1.5" '
            'marker-end="url(#fd-arrowhead)"/>'
        )
    for label, y in headings:
        out.append(
            f'<rect x="{MARGIN - 4}" y="{y - 17}" width="{11 * len(label) + 8}" height="24" fill="#ffffff"/>'
        )
        out.append(
            f'<text x="{MARGIN}" y="{y}" font-size="18" font-weight="bold" fill="#0b0c0c">{escape(label)}</text>'
        )
    for box in boxes:
        fill, stroke = COLOURS.get(box.body.level, ("#f3f2f1", "#505a5f"))
        dash = ' stroke-dasharray="6 3"' if box.flags else ""
        out.append(
            f'<g class="fd-body" data-body="{box.body.pk}"><title>{escape(box.body.name)}</title>'
            f'<rect x="{box.x}" y="{box.y}" width="{BOX_W}" height="{BOX_H}" rx="4" fill="{fill}" '
            f'stroke="{FLAG_COLOUR if box.flags else stroke}" stroke-width="{3 if box.flags else 2}"{dash}/>'
        )
        lines = textwrap.wrap(box.body.name, LINE_CHARS)[:NAME_LINES]
        ty = box.y + 20
        out.append(f'<text x="{box.x + 8}" y="{ty}" font-size="13" fill="#0b0c0c">')
        for i, line in enumerate(lines):
            out.append(f'<tspan x="{box.x + 8}" dy="{0 if i == 0 else 16}">{escape(line)}</tspan>')
        out.append("</text>")
        for i, flag in enumerate(reversed(box.flags)):
            out.append(
                f'<text x="{box.x + 8}" y="{box.y + BOX_H - 8 - 14 * i}" font-size="12" '
                f'font-weight="bold" fill="{FLAG_COLOUR}">{escape(flag)}</text>'
            )
        out.append("</g>")
    x = MARGIN
    out.append(
        f'<text x="{x}" y="{key_y + 20}" font-size="14" font-weight="bold" fill="#0b0c0c">Key:</text>'
    )
    x += 50
    for level in LEVEL_ORDER:
        fill, stroke = COLOURS[level]
        out.append(
            f'<rect x="{x}" y="{key_y + 6}" width="22" height="18" fill="{fill}" stroke="{stroke}" stroke-width="2"/>'
            f'<text x="{x + 30}" y="{key_y + 20}" font-size="14" fill="#0b0c0c">{escape(level.label)}</text>'
        )
        x += 60 + 8 * len(level.label)
    out.append(
        f'<rect x="{x}" y="{key_y + 6}" width="22" height="18" fill="#ffffff" stroke="{FLAG_COLOUR}" '
        f'stroke-width="3" stroke-dasharray="6 3"/><text x="{x + 30}" y="{key_y + 20}" font-size="14" '
        'fill="#0b0c0c">Needs attention</text>'
    )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308  # nosec B308, B703: every value is escaped above
