"""Pages drawn for one person are never kept by a browser's or a proxy's cache."""

import pytest
from django.urls import reverse

from tests.accounts.factories import SavedSearchFactory, VerifiedUserFactory

pytestmark = pytest.mark.django_db


def assert_private(response):
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives, response["Cache-Control"]


@pytest.mark.parametrize(
    "name",
    [
        "accounts:dashboard",
        "accounts:settings",
        "accounts:saved_search_new",
        "accounts:propose_method",
        "account_change_password",
        "account_email",
    ],
)
def test_mina_sidor_pages_are_private_and_never_stored(client, name):
    client.force_login(VerifiedUserFactory())
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert_private(response)


def test_a_public_page_seen_by_a_logged_in_user_is_not_stored_either(client):
    client.force_login(VerifiedUserFactory())  # their name is in its header
    assert_private(client.get("/"))


@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
def test_the_account_forms_are_private_for_anonymous_visitors_too(client, name):
    assert_private(client.get(reverse(name)))


def test_an_unsubscribe_page_is_private(client):
    from accounts.services import unsubscribe_token

    search = SavedSearchFactory()
    token = unsubscribe_token(search.user, [search])
    assert_private(client.get(reverse("accounts:unsubscribe", args=[token])))


def test_public_pages_for_anonymous_visitors_stay_cacheable(client):
    assert "no-store" not in client.get("/").get("Cache-Control", "")
