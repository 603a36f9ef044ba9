from unittest import mock

import pytest


@pytest.mark.django_db
def test_health_reports_database_and_cache_as_json(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["status"] == "ok"
    assert data["database"]["ok"] is True and data["database"]["ms"] >= 0
    assert data["cache"]["ok"] is True
    assert data["shared_cache"]["ok"] is True


@pytest.mark.django_db
def test_health_is_never_cached(client):
    response = client.get("/health/")
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_reports_a_failing_cache_as_degraded_but_still_serving(client):
    with mock.patch("infra.health.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/health/")
    assert response.status_code == 200  # pages are served uncached: keep the host in rotation
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == {"ok": False, "error": "ConnectionError"}
    assert response.json()["database"]["ok"] is True


@pytest.mark.django_db
def test_health_refuses_writes(client):
    assert client.post("/health/").status_code == 405


@pytest.mark.django_db
def test_health_answers_over_plain_http_when_everything_else_redirects(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/health/").status_code == 200
    assert client.get("/").status_code == 301


@pytest.mark.django_db
def test_health_reports_a_shared_cache_that_cannot_be_written(
    client, settings, tmp_path, host_file_cache
):
    # The content version lives there: without it, pages are drawn uncached.
    not_a_directory = tmp_path / "a-file"
    not_a_directory.write_text("")
    settings.CACHES = {
        **settings.CACHES,
        "shared": {**settings.CACHES["shared"], "LOCATION": str(not_a_directory / "cache")},
    }
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["shared_cache"]["ok"] is False
    assert response.json()["database"]["ok"] is True
