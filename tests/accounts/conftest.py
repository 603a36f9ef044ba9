import pytest
from django.core.cache import caches

from .factories import VerifiedUserFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth and the site count requests in the rate-limit store; each test starts with none
    counted and leaves none behind."""
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


@pytest.fixture
def member(db):
    """A registered user with a confirmed e-mail address."""
    return VerifiedUserFactory()


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def other_member(db):
    return VerifiedUserFactory()
