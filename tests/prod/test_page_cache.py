"""Pages for anonymous visitors come from the cache until content is published or changed."""

import pytest
from django.urls import reverse

from content.models import Status
from infra.cache import bump_content_version, content_version
from tests.factories import ArticleFactory, MethodFactory

pytestmark = pytest.mark.usefixtures("cache_store")


@pytest.fixture
def method(db):
    return MethodFactory(title_sv="Mentorskap", title_en="Mentoring")


@pytest.mark.django_db
def test_a_second_anonymous_visit_is_served_without_queries(
    client, method, django_assert_num_queries
):
    first = client.get("/metoder/")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get("/metoder/")
    assert second.status_code == 200
    assert second.content == first.content


@pytest.mark.django_db
def test_each_language_and_query_has_its_own_entry(client, method):
    assert "Mentorskap" in client.get("/metoder/").content.decode()
    assert "Mentoring" in client.get("/en/methods/").content.decode()
    assert client.get("/metoder/?page=1").status_code == 200


@pytest.mark.django_db
def test_publishing_an_article_shows_it_at_once(client, method):
    draft = MethodFactory(title_sv="Ny metod", status=Status.DRAFT, published_at=None)
    assert "Ny metod" not in client.get("/metoder/").content.decode()
    draft.publish()
    draft.save()
    assert "Ny metod" in client.get("/metoder/").content.decode()


@pytest.mark.django_db
def test_changing_deleting_and_retagging_bump_the_content_version(method):
    before = content_version()
    method.title_sv = "Ändrad"
    method.save()
    after_save = content_version()
    method.tags.add("mentorskap")
    after_tags = content_version()
    method.delete()
    assert before < after_save < after_tags < content_version()


@pytest.mark.django_db
def test_a_changed_title_replaces_the_cached_page(client, method):
    assert "Mentorskap" in client.get(method.get_absolute_url()).content.decode()
    method.title_sv = "Utökat mentorskap"
    method.save()
    assert "Utökat mentorskap" in client.get(method.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_a_bulk_write_can_invalidate_by_hand(client, method):
    ArticleFactory(title_sv="Först")
    client.get("/aktuellt/")
    from content.models import Article

    Article.objects.filter(title_sv="Först").update(title_sv="Sedan")  # no signal
    assert "Först" in client.get("/aktuellt/").content.decode()
    bump_content_version()
    assert "Sedan" in client.get("/aktuellt/").content.decode()


@pytest.mark.django_db
def test_logged_in_visitors_always_get_a_fresh_page(
    client, user, method, django_assert_max_num_queries
):
    client.force_login(user)
    client.get("/metoder/")
    with django_assert_max_num_queries(50) as captured:
        client.get("/metoder/")
    assert len(captured) > 0


@pytest.mark.django_db
def test_a_page_with_a_form_is_never_shared(client, django_assert_max_num_queries):
    # The contact form carries the visitor's own CSRF token.
    first = client.get(reverse("contact"))
    client.cookies.clear()
    second = client.get(reverse("contact"))
    assert first.status_code == second.status_code == 200
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert first.content != second.content


@pytest.mark.django_db
def test_a_pending_message_is_shown_not_a_cached_page(client, method):
    client.get("/")
    client.post(
        reverse("contact"),
        {"name": "Anna", "email": "anna@example.se", "subject": "Hej", "message": "Fråga"},
        follow=False,
    )
    page = client.get("/").content.decode()
    assert "Tack" in page


@pytest.mark.django_db
def test_cached_pages_keep_the_security_headers(client, method):
    client.get("/metoder/")
    response = client.get("/metoder/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db(transaction=True)
def test_the_version_is_bumped_again_when_the_transaction_commits(method):
    from django.db import transaction

    with transaction.atomic():
        method.title_sv = "Inne i transaktionen"
        method.save()
        method.save()
        inside = content_version()
    assert content_version() == inside + 1  # one more bump after the commit, not one per save


@pytest.mark.django_db
def test_a_cache_outage_costs_speed_not_the_page(client, method):
    from unittest import mock

    with mock.patch("infra.middleware.cache.get", side_effect=ConnectionError("down")):
        response = client.get("/metoder/")
    assert response.status_code == 200
    assert "Mentorskap" in response.content.decode()


@pytest.mark.django_db
def test_a_host_not_allowed_is_refused_not_cached(client):
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
