"""django-axes locks a login after repeated failures and lets it in again after the cool-off."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from tests.factories import PASSWORD

from .helpers import url

pytestmark = pytest.mark.django_db


def attempt(client, email, password, language="sv"):
    return client.post(url("account_login", language), {"login": email, "password": password})


def fail_until_locked(client, email):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, email, "fel-losenord-igen")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_repeated_failures_lock_the_login_even_with_the_right_password(client, member, language):
    fail_until_locked(client, member.email)
    response = attempt(client, member.email, PASSWORD, language)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    expected = "För många misslyckade försök" if language == "sv" else "Too many failed attempts"
    assert expected in response.content.decode()


def test_fewer_failures_than_the_limit_do_not_lock(client, member):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, member.email, "fel-losenord-igen")
    response = attempt(client, member.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_the_lock_opens_by_itself_after_the_cool_off(client, member):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail_until_locked(client, member.email)
        assert attempt(client, member.email, PASSWORD).status_code == 429
    with time_machine.travel(start + settings.AXES_COOLOFF_TIME - timedelta(minutes=1)):
        assert attempt(client, member.email, PASSWORD).status_code == 429
    with time_machine.travel(start + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        response = attempt(client, member.email, PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(member.pk)


def test_an_unknown_address_is_locked_like_a_known_one(client):
    """The lockout does not tell whether an account exists either."""
    fail_until_locked(client, "nobody@example.se")
    assert attempt(client, "nobody@example.se", "whatever-it-is").status_code == 429


def test_the_lock_counts_the_address_whatever_its_case(client, member):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, member.email.upper(), "fel-losenord-igen")
    assert attempt(client, member.email, PASSWORD).status_code == 429


def test_a_lock_on_one_account_leaves_another_alone(client, member, other_member):
    fail_until_locked(client, member.email)
    response = attempt(client, other_member.email, PASSWORD)
    assert response.status_code == 302
