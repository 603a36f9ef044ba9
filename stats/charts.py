"""The arithmetic of the statistics drawings: scales, ticks, paths and coordinates.

The markup is drawn by the templates in templates/stats/charts/ from what this module
prepares, so a designer changes the drawings without touching Python. Every coordinate is
handed over as SVG wants it (a string with a decimal point, whatever the page's language).
"""

import json
import math
from functools import cache
from itertools import count
from typing import NamedTuple

from django.conf import settings
from django.utils.formats import get_format
from django.utils.translation import gettext as _

from .figures import Figure

MAP_FILE = settings.BASE_DIR / "static" / "stats" / "sweden-map.json"
# Each drawing's ids (its <title> and <desc>) are unique on the page.
_ids = count(1)


def format_number(value: float, decimals: int = 1) -> str:
    """78,1 on Swedish pages, 78.1 on English ones (the locale's decimal separator).

    Figures are percentages below 1000, so no thousands separator is needed; this is called
    hundreds of times a page, and number_format() costs ten times as much.
    """
    return f"{value:.{decimals}f}".replace(".", get_format("DECIMAL_SEPARATOR"))


def format_percent(value: float) -> str:
    return _("%(number)s%%") % {"number": format_number(value)}


def describe(figure: Figure | None) -> str:
    """A figure in words, for tables, titles and accessible names."""
    if figure is None:
        return _("no figure")
    if figure.value is None:
        return _("suppressed") if figure.is_suppressed else _("missing")
    return format_percent(figure.value)


def _n(number: float) -> str:
    """A coordinate, as SVG wants it whatever the language (never a decimal comma)."""
    return f"{number:.1f}"


def _path(points: list[tuple[float, float]]) -> str:
    return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 10.0
    step = 10 ** math.floor(math.log10(value))
    for multiple in (1, 2, 2.5, 5, 10):
        if value <= multiple * step:
            return multiple * step
    return 10 * step


def _segments(points: list[tuple[float, float | None]]) -> list[list[tuple[float, float]]]:
    """Split a line where a value is missing, so a gap is shown as a gap, never as zero."""
    segments, current = [], []
    for x, y in points:
        if y is None:
            if current:
                segments.append(current)
            current = []
        else:
            current.append((x, y))
    if current:
        segments.append(current)
    return segments


class SeriesStyle(NamedTuple):
    """How one series is told apart: colour (a CSS class), dash pattern and marker shape."""

    css: str
    dash: str
    marker: str


# Lines differ in more than colour.
SERIES_STYLES = [
    SeriesStyle("series-1", "", "circle"),
    SeriesStyle("series-2", "6 3", "square"),
    SeriesStyle("series-3", "2 3", "diamond"),
    SeriesStyle("series-4", "10 4 2 4", "circle"),
    SeriesStyle("series-5", "1 0", "square"),
    SeriesStyle("series-6", "4 2", "diamond"),
]


class Marker(NamedTuple):
    """A point's marker: where its shape starts (the centre of a circle, the top-left corner
    of a square, the top of a diamond)."""

    shape: str
    x: str
    y: str


def _marker(shape: str, x: float, y: float) -> Marker:
    if shape == "square":
        return Marker(shape, _n(x - 3.5), _n(y - 3.5))
    if shape == "diamond":
        return Marker(shape, _n(x), _n(y - 4.5))
    return Marker(shape, _n(x), _n(y))


class Line(NamedTuple):
    """One unbroken stretch of a series, with a marker on each of its points."""

    style: SeriesStyle
    d: str
    markers: list[Marker]


class Label(NamedTuple):
    x: str
    y: str
    text: str


class GridLine(NamedTuple):
    y: str
    label: Label


class ChartLayout(NamedTuple):
    """The geometry of one drawing of a line chart, in SVG user units (12 of them per label)."""

    css: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    max_year_labels: int


# Each chart is drawn twice and site.css shows one: the wide drawing scales down with the page,
# so on a phone its 12-unit labels would shrink to 6–7 px. The compact drawing is about a
# phone's width, so its labels stay about 11–13 px there, with fewer years labelled.
WIDE = ChartLayout("chart-wide", 640, 300, 52, 16, 16, 36, max_year_labels=10)
COMPACT = ChartLayout("chart-compact", 320, 220, 46, 18, 10, 26, max_year_labels=5)


class Band(NamedTuple):
    """A shaded stretch of years behind a chart's lines (e.g. a project's years)."""

    x: str
    y: int
    width: str
    height: int


class Drawing(NamedTuple):
    """One drawing of a line chart: the plot area between x_left and x_right, y_top and
    y_bottom (the axes run along its left and bottom edges), horizontal grid lines with their
    labels, year labels, the series' lines and, if any, the shaded period behind them."""

    uid: int
    css: str
    width: int
    height: int
    x_left: int
    x_right: int
    y_top: int
    y_bottom: int
    grid: list[GridLine]
    year_labels: list[Label]
    lines: list[Line]
    period: Band | None = None


class LegendEntry(NamedTuple):
    label: str
    style: SeriesStyle


class LineChart(NamedTuple):
    """A line chart of percentages in two drawings (wide and compact), with its key."""

    title: str
    description: str
    drawings: list[Drawing]
    legend: list[LegendEntry]


def year_label_indexes(count_: int, most: int) -> list[int]:
    """Which of `count_` evenly spaced years get a label: the first, the last and evenly
    spaced ones between, at most `most` of them."""
    if count_ <= most:
        return list(range(count_))
    step = math.ceil((count_ - 1) / (most - 1))
    indexes = list(range(0, count_, step))
    last = count_ - 1
    if indexes[-1] != last:
        if last - indexes[-1] < step * 0.6:
            indexes[-1] = last  # too close to the last year to label both
        else:
            indexes.append(last)
    return indexes


def line_chart(
    *,
    title: str,
    description: str,
    years: list[int],
    series: list[tuple[str, list]],
    period: tuple[int, int] | None = None,
) -> LineChart:
    """A line chart of percentages; `series` is [(label, [(year, value or None), ...]), ...];
    `period` (first, last year) is shaded behind the lines (e.g. a project's years; say so in
    the description).

    Drawn in two layouts (wide and compact, see WIDE); site.css shows the one that fits.
    """
    return LineChart(
        title=title,
        description=description,
        drawings=[_drawing(layout, years, series, period) for layout in (WIDE, COMPACT)],
        legend=legend([label for label, _points in series]),
    )


def _drawing(
    layout: ChartLayout,
    years: list[int],
    series: list[tuple[str, list]],
    period: tuple[int, int] | None = None,
) -> Drawing:
    width, height = layout.width, layout.height
    left, right, top, bottom = layout.left, layout.right, layout.top, layout.bottom
    values = [v for _, points in series for _, v in points if v is not None]
    y_max = _nice_ceiling(max(values) if values else 100)
    plot_w, plot_h = width - left - right, height - top - bottom
    span = max(len(years) - 1, 1)

    def x_of(index: int) -> float:
        return left + plot_w * (index / span if len(years) > 1 else 0.5)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value / y_max)

    decimals = 0 if y_max >= 5 else 1
    grid = []
    for step in range(6):
        value = y_max * step / 5
        y = y_of(value)
        tick = _("%(number)s%%") % {"number": format_number(value, decimals)}
        grid.append(GridLine(_n(y), Label(str(left - 6), _n(y + 4), tick)))
    year_labels = [
        Label(_n(x_of(index)), str(height - bottom + 20), str(years[index]))
        for index in year_label_indexes(len(years), layout.max_year_labels)
    ]
    band = None
    shown = [index for index, year in enumerate(years) if period and period[0] <= year <= period[1]]
    if shown:
        # Half a year's step either side, so that the shaded band holds the period's points.
        half = plot_w / span / 2 if len(years) > 1 else plot_w / 2
        x0 = max(left, x_of(shown[0]) - half)
        x1 = min(width - right, x_of(shown[-1]) + half)
        band = Band(_n(x0), top, _n(x1 - x0), plot_h)
    index_of = {year: i for i, year in enumerate(years)}
    lines = []
    for (_label, points), style in zip(series, SERIES_STYLES, strict=False):
        placed = [(x_of(index_of[year]), None if v is None else y_of(v)) for year, v in points]
        for segment in _segments(placed):
            markers = [_marker(style.marker, x, y) for x, y in segment]
            lines.append(Line(style, _path(segment), markers))
    return Drawing(
        uid=next(_ids),
        css=layout.css,
        width=width,
        height=height,
        x_left=left,
        x_right=width - right,
        y_top=top,
        y_bottom=height - bottom,
        grid=grid,
        year_labels=year_labels,
        lines=lines,
        period=band,
    )


def legend(labels: list[str]) -> list[LegendEntry]:
    """The key to a line chart: each label with the style of its line."""
    return [LegendEntry(label, style) for label, style in zip(labels, SERIES_STYLES, strict=False)]


class Sparkline(NamedTuple):
    """A small trend line for a table cell; `label` is its accessible name. No `paths` (fewer
    than two figures) draws no line."""

    width: int
    height: int
    label: str
    paths: list[str]


def sparkline(points: list[tuple[int, float | None]], label: str) -> Sparkline:
    width, height, pad = 100, 28, 3
    values = [v for _, v in points if v is not None]
    if len(values) < 2:
        return Sparkline(width, height, label, [])
    low, high = min(values), max(values)
    spread = (high - low) or 1.0
    step = (width - 2 * pad) / max(len(points) - 1, 1)
    placed = [
        (
            pad + i * step,
            None if v is None else height - pad - (v - low) / spread * (height - 2 * pad),
        )
        for i, (_, v) in enumerate(points)
    ]
    return Sparkline(width, height, label, [_path(segment) for segment in _segments(placed)])


@cache
def map_shapes() -> dict:
    """The simplified borders built once by `manage.py build_map`."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def quantile_breaks(values: list[float], classes: int = 5) -> list[float]:
    """Upper bounds of `classes` groups with about as many municipalities in each."""
    ordered = sorted(values)
    if not ordered:
        return []
    return [
        ordered[min(len(ordered) - 1, math.ceil(len(ordered) * k / classes) - 1)]
        for k in range(1, classes + 1)
    ]


def class_of(value: float, breaks: list[float]) -> int:
    for index, bound in enumerate(breaks):
        if value <= bound:
            return index
    return len(breaks) - 1


class MapArea(NamedTuple):
    """A municipality on the map: its page (None: drawn for orientation only), its name with
    its figure, its colour class, its shape."""

    url: str | None
    name: str
    css: str
    d: str


class Choropleth(NamedTuple):
    uid: int
    view_box: str
    title: str
    description: str
    areas: list[MapArea]
    borders: list[str]
    # Municipalities drawn for orientation only, hidden from assistive technology like the borders.
    plain: tuple[MapArea, ...] = ()


def choropleth(
    *,
    figures: dict[str, Figure],
    names: dict[str, str],
    urls: dict[str, str],
    breaks: list[float],
    title: str,
    description: str,
) -> Choropleth:
    """Sweden by municipality, each coloured by the class of its figure, with county borders."""
    shapes = map_shapes()
    areas = []
    for code, path in shapes["municipalities"].items():
        if code not in names:
            continue
        figure = figures.get(code)
        if figure is None:
            css = "map-nodata"
        elif figure.value is None:
            css = "map-suppressed"
        else:
            css = f"map-q{class_of(figure.value, breaks)}"
        areas.append(MapArea(urls[code], f"{names[code]}: {describe(figure)}", css, path))
    return Choropleth(
        uid=next(_ids),
        view_box=shapes["viewBox"],
        title=title,
        description=description,
        areas=areas,
        borders=list(shapes["regions"].values()),
    )


def marked_map(
    *,
    marked: dict[str, str],
    names: dict[str, str],
    urls: dict[str, str],
    title: str,
    description: str,
) -> Choropleth:
    """Sweden with some municipalities marked: each marked one a link (to `urls[code]`) named
    with its name and `marked[code]`; the others drawn plain, for orientation only."""
    shapes = map_shapes()
    areas, plain = [], []
    for code, path in shapes["municipalities"].items():
        if code not in names:
            continue
        if code in marked:
            areas.append(MapArea(urls[code], f"{names[code]}: {marked[code]}", "map-marked", path))
        else:
            plain.append(MapArea(None, names[code], "map-unmarked", path))
    return Choropleth(
        uid=next(_ids),
        view_box=shapes["viewBox"],
        title=title,
        description=description,
        areas=areas,
        borders=list(shapes["regions"].values()),
        plain=tuple(plain),
    )
