"""Sign-up does the same work whether or not the address already has an account.

Most of a new account's time is hashing its password (PBKDF2 in production). An answer that
skipped the hash for a known address would be many times faster and so give accounts away.
The test counts the work instead of timing it, which a busy machine cannot upset: each sign-up
hashes the password exactly as often, and each sends one mail (confirm / you already exist).
"""

import pytest
from django.contrib.auth.hashers import get_hasher
from django.core import mail

from .factories import VerifiedUserFactory
from .helpers import STRONG_PASSWORD, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def hashes(monkeypatch) -> list[str]:
    """The passwords the site's password hasher encodes, in order."""
    hasher = type(get_hasher("default"))
    encoded: list[str] = []
    encode = hasher.encode

    def counting_encode(self, password, salt, *args, **kwargs):
        encoded.append(password)
        return encode(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(hasher, "encode", counting_encode)
    return encoded


def sign_up(client, email: str, number: int) -> None:
    response = client.post(
        url("account_signup"),
        {"email": email, "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD},
        REMOTE_ADDR=f"198.51.100.{number}",  # each its own client: the rate limits stay out of it
    )
    assert response.status_code == 302
    assert response["Location"] == url("account_email_verification_sent")
    client.logout()


def test_sign_up_hashes_the_password_as_often_for_an_address_with_an_account_as_for_a_new_one(
    client, hashes
):
    existing = VerifiedUserFactory()
    hashes.clear()  # the factory's own hash is not a sign-up's

    sign_up(client, "ny@example.se", 1)
    for_new_address = list(hashes)
    hashes.clear()
    sign_up(client, existing.email, 2)
    for_known_address = list(hashes)

    assert for_new_address == [STRONG_PASSWORD]
    assert for_known_address == for_new_address
    assert [message.to for message in mail.outbox] == [["ny@example.se"], [existing.email]]
