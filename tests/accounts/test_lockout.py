"""django-axes locks a login after repeated failures and lets it in again after the cool-off."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.utils import timezone

from tests.factories import PASSWORD

from .factories import VerifiedUserFactory
from .helpers import link_in_last_mail, url

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


# Who is locked out: the account at the attacker's address, never the owner elsewhere ------------

ATTACKER, OWNER = "192.0.2.66", "198.51.100.7"


def attempt_from(client, address, email, password, **headers):
    return client.post(
        url("account_login"), {"login": email, "password": password}, REMOTE_ADDR=address, **headers
    )


def test_the_owner_logs_in_while_an_attacker_at_another_address_is_failing(client, member):
    attacker = client.__class__()
    for _ in range(settings.AXES_FAILURE_LIMIT + 3):
        attempt_from(attacker, ATTACKER, member.email, "fel-losenord-igen")
    assert attempt_from(attacker, ATTACKER, member.email, PASSWORD).status_code == 429

    response = attempt_from(client, OWNER, member.email, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_behind_a_proxy_the_lock_follows_the_forwarded_client_not_the_proxy(
    client, member, settings
):
    settings.TRUSTED_PROXIES = 1
    attacker = client.__class__()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        # Every visitor arrives from the proxy (127.0.0.1); the attacker even claims the owner's
        # address: the proxy appends the one it saw, which is what counts.
        attempt_from(
            attacker,
            "127.0.0.1",
            member.email,
            "fel-losenord-igen",
            HTTP_X_FORWARDED_FOR=f"{OWNER}, {ATTACKER}",
        )
    locked = attempt_from(
        attacker, "127.0.0.1", member.email, PASSWORD, HTTP_X_FORWARDED_FOR=ATTACKER
    )
    assert locked.status_code == 429
    owner = attempt_from(client, "127.0.0.1", member.email, PASSWORD, HTTP_X_FORWARDED_FOR=OWNER)
    assert owner.status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_header_does_not_escape_the_lock(
    client, member, settings
):
    settings.TRUSTED_PROXIES = 0
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt_from(
            client,
            ATTACKER,
            member.email,
            "fel-losenord-igen",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    response = attempt_from(
        client, ATTACKER, member.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99"
    )
    assert response.status_code == 429


def admin_attempt(client, username, password, address=ATTACKER):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_the_admin_login_and_mina_sidor_count_one_accounts_failures_together(client, editor):
    failures = settings.AXES_FAILURE_LIMIT
    for _ in range(failures - 2):
        admin_attempt(client, editor.username, "fel-losenord-igen")
    for _ in range(2):
        attempt_from(client, ATTACKER, editor.email, "fel-losenord-igen")
    assert admin_attempt(client, editor.username, PASSWORD).status_code == 429
    assert attempt_from(client, ATTACKER, editor.email.upper(), PASSWORD).status_code == 429
    # The owner, elsewhere, still gets into the admin.
    owner = client.__class__()
    assert admin_attempt(owner, editor.username, PASSWORD, address=OWNER).status_code == 302


def test_the_lockout_page_never_shows_the_address_of_an_account_tried_by_username(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        admin_attempt(client, editor.username, "fel-losenord-igen")
    page = admin_attempt(client, editor.username, PASSWORD)
    assert page.status_code == 429
    assert editor.email not in page.content.decode()


def test_a_completed_password_reset_opens_the_lock_at_once(client, member):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt_from(client, ATTACKER, member.email, "fel-losenord-igen")
    assert attempt_from(client, ATTACKER, member.email, PASSWORD).status_code == 429

    client.post(url("account_reset_password"), {"email": member.email}, REMOTE_ADDR=ATTACKER)
    set_password = client.get(link_in_last_mail(r"/password/reset/key/"))["Location"]
    new = "Nytt-langt-losen-2026"
    client.post(set_password, {"password1": new, "password2": new}, REMOTE_ADDR=ATTACKER)

    response = attempt_from(client, ATTACKER, member.email, new)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_one_address_failing_at_many_accounts_is_stopped_by_the_looser_limit(client, settings):
    settings.AXES_ADDRESS_FAILURE_LIMIT = 3 * (settings.AXES_FAILURE_LIMIT - 1)
    members = VerifiedUserFactory.create_batch(4)
    for victim in members[:3]:  # each account stays just under its own limit
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            attempt_from(client, ATTACKER, victim.email, "fel-losenord-igen")
    response = attempt_from(client, ATTACKER, members[3].email, PASSWORD)
    assert response.status_code == 429
    assert "nätverksadress" in response.content.decode()  # why, and that a reset will not help
    # The same account from anywhere else is fine.
    assert attempt_from(client.__class__(), OWNER, members[3].email, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Ingen annan påverkas"),
        ("en", "Nobody else is affected"),
    ],
)
def test_the_lockout_page_says_what_happened_and_what_to_do(client, member, language, text):
    fail_until_locked(client, member.email)
    response = attempt(client, member.email, PASSWORD, language)
    body = response.content.decode()
    assert response.status_code == 429
    assert text in body
    assert f'href="{url("account_reset_password", language)}"' in body
    assert response["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
