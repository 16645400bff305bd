"""Charts as inline SVG, drawn at build time: no chart library, no script, the same bytes every build.

Each chart is one ``<svg role="img">`` that names itself with a ``<title>`` and
a ``<desc>`` (and points at both with ``aria-labelledby`` and
``aria-describedby``); the page prints the numbers as a table beside it
(:mod:`etalase.build.report_page`). The coordinate system is :data:`WIDTH` units wide,
about the content width of a 360 px phone, so one unit is about one CSS
pixel there and the 12-unit text reads at phone size; wider screens scale
the drawing up to the width the stylesheet allows.

A series is told apart by its colour *and* its pattern (solid, stripes,
dots, …), drawn the same in the legend, so the legend does not rely on
colour alone; stacked segments are separated by a white line and stacked in
the legend's order. Every text is escaped: names come from contributors.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH = 340
FONT = 13
"""Size of every text in the drawing, in units."""
WIDE = set("MWmw@%")
"""Characters that :func:`_width` counts as wide, with the capitals."""
INK = "#1b2127"
MUTED = "#4f5963"
GRID = "#dcd8cf"
PATTERNS = ("solid", "stripes", "dots", "grid", "vertical", "cross")
"""The pattern of the n-th series (cycled); a series' colour is its background."""


@dataclass(frozen=True)
class Series:
    """One series of a column chart: a category, say."""

    label: str
    colour: str
    """``#rrggbb``; white marks of the pattern are drawn on it."""


@dataclass(frozen=True)
class Chart:
    """A chart as a page shows it: heading, description, the drawing, and the same numbers as a table."""

    id: str
    """Id of its HTML elements (``grafik-…``), unique on the page."""
    title: str
    description: str
    svg: Markup
    head: list[str]
    rows: list[list[str]]
    """The first cell of each row names it (a month, a kecamatan); the others are numbers."""


def number(value: int) -> str:
    """``1234`` → ``1.234``, as Indonesian writes it."""
    return f"{value:,}".replace(",", ".")


def _n(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zero."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, content: str, *, anchor: str = "start", fill: str = INK, bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" fill="{fill}"{weight}>{escape(content)}</text>'


def _width(text: str) -> float:
    """Estimated width of ``text`` at :data:`FONT` in a sans-serif face (no font is at hand to measure)."""
    return sum(FONT * (0.74 if char.isupper() or char in WIDE else 0.56) for char in text)


def _cut(text: str, width: float) -> str:
    """``text`` shortened with "…" to fit ``width`` units."""
    if _width(text) <= width:
        return text
    while text and _width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _pattern(chart_id: str, index: int, colour: str) -> tuple[str, str]:
    """``(definition, fill)`` of the ``index``-th series: a ``<pattern>`` (none for solid) and how to fill with it."""
    kind = PATTERNS[index % len(PATTERNS)]
    if kind == "solid":
        return "", colour
    marks = {
        "stripes": '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="#fff" stroke-width="1.4"/>',
        "dots": '<circle cx="3" cy="3" r="1.3" fill="#fff"/>',
        "grid": '<path d="M0,3 h6 M3,0 v6" stroke="#fff" stroke-width="1"/>',
        "vertical": '<path d="M3,0 v6" stroke="#fff" stroke-width="1.4"/>',
        "cross": '<path d="M0,0 l6,6 M6,0 l-6,6" stroke="#fff" stroke-width="1"/>',
    }[kind]
    pattern_id = f"{chart_id}-muster-{index}"
    definition = (
        f'<pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse">'
        f'<rect width="6" height="6" fill="{colour}"/>{marks}</pattern>'
    )
    return definition, f"url(#{pattern_id})"


def _scale(top: int) -> tuple[int, int]:
    """``(maximum, step)`` of an axis that shows ``top``: a step of 1, 2 or 5 times a power of ten, at most 5 steps."""
    top = max(top, 1)
    for power in itertools.count():
        for factor in (1, 2, 5):
            step = factor * 10**power
            if math.ceil(top / step) <= 5:
                return math.ceil(top / step) * step, step
    raise AssertionError("unreachable: the steps grow without bound")


def _svg(chart_id: str, title: str, description: str, height: float, body: list[str], defs: list[str]) -> Markup:
    """The ``<svg>`` element around ``body``: named by its title, described by its description."""
    definitions = f"<defs>{''.join(defs)}</defs>" if defs else ""
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="etalase-chart__svg" viewBox="0 0 {WIDTH} {_n(height)}" '
        f'width="{WIDTH}" height="{_n(height)}" role="img" aria-labelledby="{chart_id}-judul" '
        f'aria-describedby="{chart_id}-uraian" font-size="{FONT}" font-family="inherit">'
        f'<title id="{chart_id}-judul">{escape(title)}</title><desc id="{chart_id}-uraian">{escape(description)}</desc>'
        f"{definitions}{''.join(body)}</svg>"
    )


def _legend(series: list[Series], fills: list[str]) -> tuple[list[str], float]:
    """Swatch and label of each series, wrapped into rows; returns the elements and the height used."""
    parts, x, y = [], 0.0, 0.0
    for label, fill in zip((s.label for s in series), fills):
        width = 18 + _width(label) + 14
        if x and x + width > WIDTH:
            x, y = 0.0, y + 20
        parts.append(
            f'<rect x="{_n(x + 1)}" y="{_n(y + 2)}" width="13" height="13" fill="{fill}" '
            f'stroke="{INK}" stroke-width="1"/>'
        )
        parts.append(_text(x + 19, y + 13, label))
        x += width
    return parts, y + 24


def columns(
    chart_id: str,
    title: str,
    description: str,
    labels: list[tuple[str, str]],
    series: list[Series],
    values: list[list[int]],
) -> Markup:
    """Columns, one per label, stacked by series (bottom first), each with its total on top.

    ``labels`` are ``(name, group)``: ``("Okt", "2026")``; the name goes under
    its column, each run of one group once, under a line that spans its columns. ``values[i][j]`` is series ``j`` in column ``i``. With one
    series there is no legend.
    """
    defs, fills = [], []
    for index, one in enumerate(series):
        definition, fill = _pattern(chart_id, index, one.colour)
        defs += [definition] if definition else []
        fills.append(fill)
    body, legend_height = _legend(series, fills) if len(series) > 1 else ([], 0.0)
    maximum, step = _scale(max((sum(column) for column in values), default=0))
    left, top, plot_height = 24.0, legend_height + 20, 150.0
    bottom = top + plot_height
    band = (WIDTH - left) / max(len(values), 1)
    for tick in range(0, maximum + 1, step):
        y = bottom - tick / maximum * plot_height
        body.append(f'<path d="M{_n(left)},{_n(y)} H{WIDTH}" stroke="{GRID}" stroke-width="1"/>')
        body.append(_text(left - 5, y + 4, number(tick), anchor="end", fill=MUTED))
    for index, (column, (name, _)) in enumerate(zip(values, labels)):
        x = left + index * band + band * 0.12
        width = band * 0.76
        y = bottom
        for value, fill in zip(column, fills):
            if value:
                height = value / maximum * plot_height
                y -= height
                body.append(
                    f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_n(height)}" fill="{fill}" '
                    f'stroke="#fff" stroke-width="1"/>'
                )
        if sum(column):
            body.append(_text(x + width / 2, y - 4, number(sum(column)), anchor="middle", bold=True))
        body.append(_text(x + width / 2, bottom + 16, name, anchor="middle", fill=MUTED))
    body.append(f'<path d="M{_n(left)},{_n(bottom)} H{WIDTH}" stroke="{INK}" stroke-width="1"/>')
    for start, end, group in _runs([group for _, group in labels]):
        if group:
            body.append(
                f'<path d="M{_n(left + start * band + 3)},{_n(bottom + 22)} H{_n(left + end * band - 3)}" '
                f'stroke="{MUTED}" stroke-width="1"/>'
            )
            body.append(_text(left + (start + end) / 2 * band, bottom + 36, group, anchor="middle", fill=MUTED))
    return _svg(chart_id, title, description, bottom + 42, body, defs)


def _runs(groups: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, group)`` of each run of equal neighbours: ``["a", "b", "b"]`` → ``[(0, 1, "a"), (1, 3, "b")]``."""
    runs: list[tuple[int, int, str]] = []
    for index, group in enumerate(groups):
        if runs and runs[-1][2] == group:
            runs[-1] = (runs[-1][0], index + 1, group)
        else:
            runs.append((index, index + 1, group))
    return runs


def bars(
    chart_id: str,
    title: str,
    description: str,
    items: list[tuple[str, int]],
    colour: str,
    unit: str,
    empty: str,
    alert: str,
) -> Markup:
    """Horizontal bars, one per ``(name, value)`` in order, the name above its bar (long names fit a phone).

    Each bar ends with its value and ``unit`` (``5 pos``); a zero has no bar
    but a dashed stub and ``empty`` (``0 · belum ada pos``) in the ``alert``
    colour, so it stands out.
    """
    longest = max((value for _, value in items), default=0)
    value_room = 8 + max(_width(f"{number(longest)} {unit}"), _width(empty))
    span = WIDTH - value_room
    body, y = [], 0.0
    for name, value in items:
        body.append(_text(0, y + 13, _cut(name, WIDTH)))
        bar_top = y + 18
        if value:
            width = max(2.0, value / longest * span)
            body.append(f'<rect x="0" y="{_n(bar_top)}" width="{_n(width)}" height="14" fill="{colour}"/>')
            body.append(_text(width + 6, bar_top + 11, f"{number(value)} {unit}", bold=True))
        else:
            body.append(
                f'<rect x="0.5" y="{_n(bar_top + 0.5)}" width="5" height="13" fill="#fff" '
                f'stroke="{alert}" stroke-width="1" stroke-dasharray="2 1"/>'
            )
            body.append(_text(12, bar_top + 11, empty, fill=alert, bold=True))
        y = bar_top + 22
    return _svg(chart_id, title, description, max(y, 1.0), body, [])
