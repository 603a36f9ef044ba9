"""Sign-up answers in the same time whether or not the address already has an account.

Most of a new account's time is hashing its password. The test therefore uses the production
hasher (PBKDF2; the rest of the suite hashes with a fast one, tests/settings.py): with it, an
answer that skips the hash for a known address is many times faster, which gave accounts away.
"""

import statistics
import time

import pytest
from django.core import mail

from .factories import VerifiedUserFactory
from .helpers import STRONG_PASSWORD, url

pytestmark = pytest.mark.django_db

PAIRS = 5


def timed_sign_up(client, email: str, number: int) -> float:
    started = time.perf_counter()
    response = client.post(
        url("account_signup"),
        {"email": email, "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD},
        REMOTE_ADDR=f"198.51.100.{number}",  # each its own client: the rate limits stay out of it
    )
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert response["Location"] == url("account_email_verification_sent")
    client.logout()
    return elapsed


def test_sign_up_takes_as_long_for_an_address_with_an_account_as_for_a_new_one(client, request):
    existing = [VerifiedUserFactory() for _ in range(PAIRS)]  # made with the suite's hasher
    request.getfixturevalue("real_password_hashing")
    timed_sign_up(client, "uppvarmning@example.se", 200)  # templates compiled, caches warm
    new, known = [], []
    for number in range(PAIRS):  # interleaved, so a busy moment of the machine hits both
        new.append(timed_sign_up(client, f"ny-{number}@example.se", number))
        known.append(timed_sign_up(client, existing[number].email, 100 + number))
    assert len(mail.outbox) == 2 * PAIRS + 1  # both kinds got their mail (confirm / you exist)
    new_median, known_median = statistics.median(new), statistics.median(known)
    assert abs(new_median - known_median) < 0.25 * max(new_median, known_median), (new, known)
