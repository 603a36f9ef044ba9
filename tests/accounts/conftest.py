import pytest
from django.core.cache import cache

from .factories import VerifiedUserFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts requests in the cache; each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


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
