"""What is the same for every visitor is drawn once per content version, never stale, and a
cache outage only costs speed."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.urls import reverse, translate_url

from content.models import Article
from infra.cache import bump_content_version
from tests.factories import MethodFactory


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches the view and draws its page


@pytest.fixture
def method(db):
    return MethodFactory(
        title_sv="Mentorskap", title_en="Mentoring", summary_sv="Stöd varje vecka."
    )


def test_an_article_card_is_drawn_once_and_redrawn_after_a_change(client, method):
    assert "Mentorskap" in client.get("/metoder/").content.decode()
    # update() sends no signal: the card drawn before is still shown...
    Article.objects.filter(pk=method.pk).update(title_sv="Utökat mentorskap")
    assert "Utökat mentorskap" not in client.get("/metoder/").content.decode()
    # ...until the content version changes, as every save does.
    bump_content_version()
    assert "Utökat mentorskap" in client.get("/metoder/").content.decode()


def test_each_language_gets_its_own_card(client, method):
    assert "Mentorskap" in client.get("/metoder/").content.decode()
    english = client.get("/en/methods/").content.decode()
    assert "Mentoring" in english
    assert 'href="/en/methods/' in english


def test_the_personal_part_of_a_card_is_never_shared(client, method, user):
    anonymous = client.get("/metoder/").content.decode()
    assert "?next=/metoder/" in anonymous  # the log-in link
    client.force_login(user)
    page = client.get("/metoder/").content.decode()
    assert f'action="{reverse("accounts:save_article", args=[method.pk])}"' in page
    assert "?next=/metoder/" not in page


def test_a_cache_outage_only_costs_the_time_to_draw(client, method):
    with (
        mock.patch.object(cache, "get", side_effect=ConnectionError("down")),
        mock.patch.object(cache, "set", side_effect=ConnectionError("down")),
    ):
        response = client.get("/metoder/")
    assert response.status_code == 200
    assert "Mentorskap" in response.content.decode()


def test_the_menu_and_language_links_follow_the_page(client, method):
    alternates = client.get(method.get_absolute_url()).context["alternate_languages"]
    assert [a["url"] for a in alternates] == [
        method.get_absolute_url(),
        translate_url(method.get_absolute_url(), "en"),
    ]
    assert alternates[1]["url"].startswith("/en/methods/")
    navigation = client.get("/metoder/").context["main_navigation"]
    assert navigation[0]["current"] == "page"
    assert client.get(method.get_absolute_url()).context["main_navigation"][0]["current"] == "true"
    assert {"label": "In English", "url": "/en/", "lang": "en"} in navigation
    assert all(item.get("lang") != "en" for item in client.get("/en/").context["main_navigation"])
