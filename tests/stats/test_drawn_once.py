"""The map, its table and the municipality charts are drawn once per content version."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from infra.cache import bump_content_version
from stats.models import Observation


def _get(client, url, params=None) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@pytest.mark.django_db
def test_the_overview_map_is_drawn_once_and_redrawn_when_the_version_changes(client, sample_data):
    observation = Observation.objects.for_municipalities().exclude(value=None).first()
    url = reverse("stats:overview")
    params = {
        "indicator": observation.indicator.kpi,
        "year": observation.year,
        "gender": observation.gender,
    }
    first, drawing = _get(client, url, params)
    # A second visitor (the page cache is off here) gets the same page without the map queries.
    second, cached = _get(client, url, params)
    assert second == first
    assert cached < drawing

    # Imports write in bulk, send no signals and bump the version themselves: do the same here.
    Observation.objects.filter(pk=observation.pk).update(value=12.3)
    changed = f'aria-label="{observation.municipality.name}: 12,3'
    assert changed not in _get(client, url, params)[0]  # still the map drawn before
    bump_content_version()
    redrawn, queries = _get(client, url, params)
    assert changed in redrawn
    assert queries == drawing


@pytest.mark.django_db
def test_a_municipality_page_draws_its_charts_once_per_version(client, sample_data):
    url = reverse("stats:municipality", kwargs={"code": "1441"})
    first, drawing = _get(client, url)
    second, cached = _get(client, url)
    assert second == first
    assert cached < drawing
    bump_content_version()
    assert _get(client, url)[1] == drawing
