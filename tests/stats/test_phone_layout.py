"""The statistics pages on a phone: legible chart labels and wide tables that scroll in their own box.

The browser check (no sideways page scrolling at 375 px) is tests/e2e/test_reflow.py.
"""

import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from stats import charts

SVG = re.compile(
    r'<svg class="chart (chart-wide|chart-compact)" viewBox="0 0 (\d+) (\d+)".*?</svg>'
)
YEARS = list(range(2015, 2025))


def url(name: str, language: str = "sv", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def draw(years=YEARS) -> dict[str, tuple[int, str]]:
    chart = charts.line_chart(
        title="Examen",
        description="Beskrivning",
        years=years,
        series=[("Alla", [(year, 60.0 + i) for i, year in enumerate(years)])],
    )
    svg = render_to_string("stats/charts/line_chart.html", {"chart": chart})
    return {m[1]: (int(m[2]), m[0]) for m in SVG.finditer(svg)}


def year_labels(drawing: str) -> list[str]:
    return re.findall(r'text-anchor="middle">(\d{4})</text>', drawing)


def test_every_chart_has_a_wide_and_a_phone_sized_drawing():
    drawings = draw()
    assert set(drawings) == {"chart-wide", "chart-compact"}
    wide_width, wide = drawings["chart-wide"]
    compact_width, compact = drawings["chart-compact"]
    assert wide_width == 640
    # Drawn about as wide as a phone's content (288–343 px at 320–375 px), 12-unit labels stay
    # 11–13 px instead of the wide drawing's 6–7 px.
    assert 288 <= compact_width <= 343
    # Own ids, so each drawing's aria-labelledby names its own title and description.
    ids = re.findall(r'<title id="([^"]+)"', wide + compact)
    assert len(set(ids)) == 2
    # Every year labelled on the wide drawing, a few evenly spaced ones (always the first and the
    # last) on the compact one, so the labels never overlap.
    assert year_labels(wide) == [str(y) for y in YEARS]
    assert year_labels(compact) == ["2015", "2018", "2021", "2024"]


@pytest.mark.parametrize(
    ("count", "most", "expected"),
    [
        (1, 5, [0]),
        (5, 5, [0, 1, 2, 3, 4]),
        (10, 5, [0, 3, 6, 9]),
        (11, 5, [0, 3, 6, 10]),  # 9 is too close to the last year
        (12, 10, [0, 2, 4, 6, 8, 11]),
        (13, 5, [0, 3, 6, 9, 12]),
        (8, 5, [0, 2, 4, 7]),
    ],
)
def test_year_labels_are_spread_out_and_include_the_first_and_last(count, most, expected):
    indexes = charts.year_label_indexes(count, most)
    assert indexes == expected
    assert indexes[0] == 0 and indexes[-1] == count - 1
    gaps = [b - a for a, b in zip(indexes, indexes[1:], strict=False)]
    assert min(gaps, default=1) >= max(gaps, default=1) * 0.5


def assert_tables_scroll_in_named_regions(html: str, expected: int) -> None:
    """Each wide table scrolls in a focusable region named by the table's own caption."""
    regions = re.findall(
        r'<div class="table-scroll" role="region" tabindex="0" aria-labelledby="([^"]+)">\s*'
        r'<table class="stats-table">\s*<caption id="([^"]+)">([^<]+)</caption>',
        html,
    )
    assert len(regions) == expected
    assert html.count('class="table-scroll"') == expected
    for labelledby, caption_id, caption in regions:
        assert labelledby == caption_id and caption.strip()
    ids = [caption_id for _, caption_id, _ in regions]
    assert len(set(ids)) == len(ids)
    for element_id in ids:
        assert html.count(f'id="{element_id}"') == 1


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_statistics_tables_scroll_in_regions_named_by_their_captions(client, sample_data, language):
    municipality = client.get(url("stats:municipality", language, code="1441")).content.decode()
    assert_tables_scroll_in_named_regions(municipality, 4)
    region = client.get(url("stats:region", language, code="14")).content.decode()
    assert_tables_scroll_in_named_regions(region, 1)
    compare = client.get(url("stats:compare", language) + "?m=1441&m=1402&m=0114")
    assert_tables_scroll_in_named_regions(compare.content.decode(), 4)
