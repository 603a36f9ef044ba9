import json
import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from stats import charts
from stats.figures import Figure
from stats.mapbuild import build, douglas_peucker, sweref99tm
from stats.models import Municipality  # noqa: F401  (the app must be importable)

MAP_FILE = settings.BASE_DIR / "static" / "stats" / "sweden-map.json"


def test_sweref99tm_puts_the_central_meridian_at_500_km_east():
    easting, northing = sweref99tm(15.0, 60.0)
    assert abs(easting - 500_000) < 0.01
    assert 6_640_000 < northing < 6_660_000
    # Stockholm lies about 675 km east and 6 580 km north in SWEREF 99 TM.
    easting, northing = sweref99tm(18.0686, 59.3293)
    assert 670_000 < easting < 680_000 and 6_575_000 < northing < 6_585_000


def test_douglas_peucker_drops_points_within_the_tolerance_only():
    line = [(0, 0), (1, 0.1), (2, -0.1), (3, 5), (4, 6), (5, 7)]
    assert douglas_peucker(line, 0.5) == [(0, 0), (2, -0.1), (3, 5), (5, 7)]
    # With no tolerance only the point exactly on a straight stretch, (4, 6), goes.
    assert douglas_peucker(line, 0.0) == [p for p in line if p != (4, 6)]


def test_the_committed_map_is_the_build_scripts_output_with_all_290_municipalities():
    committed = json.loads(MAP_FILE.read_text(encoding="utf-8"))
    assert committed == json.loads(json.dumps(build()))
    assert len(committed["municipalities"]) == 290
    assert len(committed["regions"]) == 21
    assert all(
        path.startswith("M") and path.endswith("Z") for path in committed["municipalities"].values()
    )


def test_line_chart_leaves_a_gap_for_a_missing_value_and_describes_itself():
    chart = charts.line_chart(
        title="Examen",
        description="Beskrivning <med> tecken",
        years=[2020, 2021, 2022],
        series=[("Alla", [(2020, 70.0), (2021, None), (2022, 72.5)])],
    )
    svg = render_to_string("stats/charts/line_chart.html", {"chart": chart})
    assert 'role="img"' in svg
    assert "<desc" in svg and "Beskrivning &lt;med&gt; tecken" in svg
    # Drawn twice (wide and compact), each with two separate one-point segments, never a line
    # through zero.
    drawings = svg.split("</svg>")[:-1]
    assert len(drawings) == 2
    for drawing in drawings:
        assert len(re.findall(r'<path class="chart-line series-1" d="M[\d.,]+"', drawing)) == 2
    assert "style=" not in svg


def test_numbers_follow_the_page_language():
    with translation.override("sv"):
        assert charts.describe(Figure(78.135593)) == "78,1\u00a0%"
        assert charts.describe(Figure(None, "Privacy")) == "skyddad"
    with translation.override("en"):
        assert charts.describe(Figure(78.135593)) == "78.1%"
        assert charts.describe(None) == "no figure"


def test_quantile_breaks_put_about_a_fifth_in_each_class():
    values = [float(v) for v in range(1, 101)]
    breaks = charts.quantile_breaks(values)
    assert breaks == [20.0, 40.0, 60.0, 80.0, 100.0]
    assert [charts.class_of(v, breaks) for v in (1, 20, 21, 100)] == [0, 0, 1, 4]
