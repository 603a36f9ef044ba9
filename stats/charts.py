"""Server-side SVG: trend charts, sparklines and the choropleth map. No JavaScript needed.

Colours come from CSS classes or SVG presentation attributes (allowed by the strict CSP);
every chart has role="img", a <title> and a <desc>, and its figures are also in a table.
"""

import json
import math
from functools import cache
from itertools import count
from typing import NamedTuple

from django.conf import settings
from django.utils.formats import get_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .figures import Figure

MAP_FILE = settings.BASE_DIR / "static" / "stats" / "sweden-map.json"
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


# (css class, dash pattern, marker) per series; lines differ in more than colour.
SERIES_STYLES = [
    ("series-1", "", "circle"),
    ("series-2", "6 3", "square"),
    ("series-3", "2 3", "diamond"),
    ("series-4", "10 4 2 4", "circle"),
    ("series-5", "1 0", "square"),
    ("series-6", "4 2", "diamond"),
]


def _marker(shape: str, x: float, y: float, css: str) -> SafeString:
    if shape == "square":
        return format_html(
            '<rect class="{}" x="{}" y="{}" width="7" height="7"/>', css, _n(x - 3.5), _n(y - 3.5)
        )
    if shape == "diamond":
        return format_html(
            '<path class="{}" d="M{},{}l4.5,4.5l-4.5,4.5l-4.5,-4.5z"/>', css, _n(x), _n(y - 4.5)
        )
    return format_html('<circle class="{}" cx="{}" cy="{}" r="3.5"/>', css, _n(x), _n(y))


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
) -> SafeString:
    """A line chart of percentages; `series` is [(label, [(year, value or None), ...]), ...];
    `period` (first, last year) is shaded behind the lines (e.g. a project's years; say so in
    the description).

    Drawn in two layouts (wide and compact, see WIDE); site.css shows the one that fits.
    """
    drawn = {
        "title": title,
        "description": description,
        "years": years,
        "series": series,
        "period": period,
    }
    return mark_safe(  # noqa: S308 (each drawing is built with format_html)
        _draw_line_chart(WIDE, **drawn) + _draw_line_chart(COMPACT, **drawn)
    )


def _draw_line_chart(
    layout: ChartLayout,
    *,
    title: str,
    description: str,
    years: list[int],
    series: list[tuple[str, list]],
    period: tuple[int, int] | None = None,
) -> SafeString:
    width, height = layout.width, layout.height
    left, right, top, bottom = layout.left, layout.right, layout.top, layout.bottom
    uid = next(_ids)
    values = [v for _, points in series for _, v in points if v is not None]
    y_max = _nice_ceiling(max(values) if values else 100)
    plot_w, plot_h = width - left - right, height - top - bottom
    span = max(len(years) - 1, 1)

    def x_of(index: int) -> float:
        return left + plot_w * (index / span if len(years) > 1 else 0.5)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - value / y_max)

    decimals = 0 if y_max >= 5 else 1

    def tick(value: float) -> str:
        return _("%(number)s%%") % {"number": format_number(value, decimals)}

    grid = []
    shown = [index for index, year in enumerate(years) if period and period[0] <= year <= period[1]]
    if shown:
        # Half a year's step either side, so that the shaded band holds the period's points.
        half = plot_w / span / 2 if len(years) > 1 else plot_w / 2
        x0 = max(left, x_of(shown[0]) - half)
        x1 = min(width - right, x_of(shown[-1]) + half)
        grid.append(
            format_html(
                '<rect class="chart-period" x="{}" y="{}" width="{}" height="{}"/>',
                _n(x0),
                top,
                _n(x1 - x0),
                plot_h,
            )
        )
    for step in range(6):
        value = y_max * step / 5
        y = y_of(value)
        grid.append(
            format_html(
                '<line class="chart-grid" x1="{}" x2="{}" y1="{}" y2="{}"/>'
                '<text class="chart-label" x="{}" y="{}" text-anchor="end">{}</text>',
                left,
                width - right,
                _n(y),
                _n(y),
                left - 6,
                _n(y + 4),
                tick(value),
            )
        )
    for index in year_label_indexes(len(years), layout.max_year_labels):
        grid.append(
            format_html(
                '<text class="chart-label" x="{}" y="{}" text-anchor="middle">{}</text>',
                _n(x_of(index)),
                height - bottom + 20,
                years[index],
            )
        )
    index_of = {year: i for i, year in enumerate(years)}
    lines = []
    for (_label, points), (css, dash, marker) in zip(series, SERIES_STYLES, strict=False):
        placed = [(x_of(index_of[year]), None if v is None else y_of(v)) for year, v in points]
        for segment in _segments(placed):
            path = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in segment)
            lines.append(
                format_html(
                    '<path class="chart-line {}" d="{}" fill="none"{}/>',
                    css,
                    path,
                    format_html(' stroke-dasharray="{}"', dash) if dash else "",
                )
            )
            lines.extend(_marker(marker, x, y, f"chart-marker {css}") for x, y in segment)
    return format_html(
        '<svg class="chart {css}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="chart-{u}-t chart-{u}-d">'
        '<title id="chart-{u}-t">{title}</title><desc id="chart-{u}-d">{desc}</desc>'
        '<line class="chart-axis" x1="{l}" x2="{l}" y1="{t}" y2="{b}"/>'
        '<line class="chart-axis" x1="{l}" x2="{r}" y1="{b}" y2="{b}"/>'
        "{grid}{lines}</svg>",
        css=layout.css,
        w=width,
        h=height,
        u=uid,
        title=title,
        desc=description,
        l=left,
        t=top,
        b=height - bottom,
        r=width - right,
        grid=mark_safe("".join(grid)),  # noqa: S308 (built with format_html above)
        lines=mark_safe("".join(lines)),  # noqa: S308
    )


def legend(labels: list[str]) -> SafeString:
    """The key to a line chart, as an HTML list with a small sample of each line."""
    items = []
    for label, (css, dash, _marker_shape) in zip(labels, SERIES_STYLES, strict=False):
        items.append(
            format_html(
                '<li><svg class="legend-swatch" viewBox="0 0 32 10" aria-hidden="true" focusable="false">'
                '<path class="chart-line {}" d="M1,5L31,5" fill="none"{}/></svg>{}</li>',
                css,
                format_html(' stroke-dasharray="{}"', dash) if dash else "",
                label,
            )
        )
    return format_html('<ul class="chart-legend">{}</ul>', mark_safe("".join(items)))  # noqa: S308


def sparkline(points: list[tuple[int, float | None]], label: str) -> SafeString:
    """A small trend line for a table cell; `label` is its accessible name."""
    width, height, pad = 100, 28, 3
    values = [v for _, v in points if v is not None]
    if len(values) < 2:
        return format_html('<span class="muted">{}</span>', _("too few figures"))
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
    paths = format_html_join(
        "",
        '<path class="sparkline-line" d="{}" fill="none"/>',
        (("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in seg),) for seg in _segments(placed)),
    )
    return format_html(
        '<svg class="sparkline" viewBox="0 0 {} {}" role="img" aria-label="{}">{}</svg>',
        width,
        height,
        label,
        paths,
    )


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


def choropleth(
    *,
    figures: dict[str, Figure],
    names: dict[str, str],
    urls: dict[str, str],
    breaks: list[float],
    title: str,
    description: str,
) -> SafeString:
    """Sweden by municipality: each municipality a link named with its name and figure."""
    areas = {}
    for code, name in names.items():
        figure = figures.get(code)
        if figure is None:
            css = "map-nodata"
        elif figure.value is None:
            css = "map-suppressed"
        else:
            css = f"map-q{class_of(figure.value, breaks)}"
        areas[code] = (css, f"{name}: {describe(figure)}", urls[code])
    return _map(areas, title=title, description=description)


def marked_map(
    *,
    marked: dict[str, str],
    names: dict[str, str],
    urls: dict[str, str],
    title: str,
    description: str,
) -> SafeString:
    """Sweden with some municipalities marked: each marked one a link (to `urls[code]`) named
    with its name and `marked[code]`; the others drawn plain, for orientation only."""
    areas = {
        code: ("map-marked", f"{name}: {marked[code]}", urls[code])
        if code in marked
        else ("map-unmarked", name, None)
        for code, name in names.items()
    }
    return _map(areas, title=title, description=description)


def _map(
    areas: dict[str, tuple[str, str, str | None]], *, title: str, description: str
) -> SafeString:
    """Sweden by municipality; `areas`: code → (CSS class, name, link or None). A linked
    municipality is a link named with its name; the others and the borders are hidden from
    assistive technology (the page lists what they show)."""
    shapes = map_shapes()
    uid = next(_ids)
    links, plain = [], []
    for code, path in shapes["municipalities"].items():
        if code not in areas:
            continue
        css, name, url = areas[code]
        if url is None:
            plain.append(format_html('<path class="map-area {}" d="{}"/>', css, path))
            continue
        links.append(
            format_html(
                '<a href="{}" aria-label="{}"><path class="map-area {}" d="{}"><title>{}</title></path></a>',
                url,
                name,
                css,
                path,
                name,
            )
        )
    borders = format_html_join(
        "",
        '<path class="map-region" d="{}" fill="none"/>',
        ((d,) for d in shapes["regions"].values()),
    )
    return format_html(
        '<svg class="map" viewBox="{}" aria-labelledby="map-{u}-t map-{u}-d">'
        '<title id="map-{u}-t">{}</title><desc id="map-{u}-d">{}</desc>{}<g aria-hidden="true">{}{}</g></svg>',
        shapes["viewBox"],
        title,
        description,
        mark_safe("".join(links)),  # noqa: S308 (built with format_html above)
        mark_safe("".join(plain)),  # noqa: S308
        borders,
        u=uid,
    )
