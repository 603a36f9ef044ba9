"""With the database down: 503 with a friendly page in the visitor's language, then recovery."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import OperationalError, connections

from tests.factories import MethodFactory


@contextmanager
def database_down():
    """Every new cursor fails as it does when PostgreSQL is stopped or unreachable."""
    failure = OperationalError(
        "connection to server at 127.0.0.1, port 5432 failed: Connection refused"
    )
    connection = connections["default"]
    with (
        mock.patch.object(connection, "cursor", side_effect=failure),
        mock.patch.object(connection, "ensure_connection", side_effect=failure),
    ):
        yield


@pytest.fixture
def method(db):
    return MethodFactory(title_sv="Mentorskap", title_en="Mentoring")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language", "text"),
    [
        ("/", "sv", "Tillfälligt otillgänglig"),
        ("/metoder/", "sv", "Försök igen om några minuter"),
        ("/en/", "en", "Temporarily unavailable"),
        ("/en/methods/", "en", "Please try again in a few minutes"),
    ],
)
def test_pages_answer_503_with_a_friendly_page_in_the_visitors_language(
    client, method, path, language, text
):
    with database_down():
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert text in body
    assert "Traceback" not in body and "OperationalError" not in body


@pytest.mark.django_db
def test_a_detail_page_answers_503_and_the_site_recovers_when_the_database_returns(client, method):
    url = method.get_absolute_url()
    with database_down():
        assert client.get(url).status_code == 503
    response = client.get(url)
    assert response.status_code == 200
    assert "Mentorskap" in response.content.decode()


@pytest.mark.django_db
def test_the_outage_is_logged_as_a_structured_error(client, method, caplog):
    with database_down(), caplog.at_level("ERROR", logger="infra.middleware"):
        client.get("/")
    record = next(r for r in caplog.records if r.name == "infra.middleware")
    assert record.event == "database_unavailable"
    assert record.path == "/"


@pytest.mark.django_db
def test_a_broken_query_is_still_a_500_not_hidden_as_an_outage(client, method):
    from django.db import IntegrityError

    client.raise_request_exception = False
    with mock.patch("pluginnovation.views.render", side_effect=IntegrityError("bug")):
        assert client.get("/").status_code == 500


@pytest.mark.django_db
def test_health_reports_the_database_down_with_503(client):
    with database_down():
        response = client.get("/health/")
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "unavailable"
    assert data["database"] == {"ok": False, "error": "OperationalError"}
    assert data["cache"]["ok"] is True


@pytest.mark.django_db
def test_a_logged_in_visitor_also_gets_the_friendly_503(client, user, method):
    client.force_login(user)  # the session must be read from the database first
    with database_down():
        response = client.get("/en/methods/")
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()


@pytest.mark.django_db
def test_a_form_post_during_the_outage_gets_the_friendly_503(client, method):
    with database_down():
        response = client.post(
            "/kontakt/", {"name": "A", "email": "a@example.se", "subject": "S", "message": "M"}
        )
    assert response.status_code == 503
    assert "Tillfälligt otillgänglig" in response.content.decode()


@pytest.mark.django_db
def test_a_database_lost_outside_any_view_still_gets_the_friendly_503(client, method):
    from django.contrib.sessions.middleware import SessionMiddleware

    client.raise_request_exception = False
    failure = OperationalError("server closed the connection unexpectedly")
    with mock.patch.object(SessionMiddleware, "process_response", side_effect=failure):
        response = client.get("/en/")
    assert response.status_code == 503
    assert "Temporarily unavailable" in response.content.decode()


@pytest.mark.django_db
def test_other_errors_outside_views_keep_the_500_page(client, method):
    from django.contrib.sessions.middleware import SessionMiddleware

    client.raise_request_exception = False
    with mock.patch.object(SessionMiddleware, "process_response", side_effect=RuntimeError):
        response = client.get("/")
    assert response.status_code == 500
