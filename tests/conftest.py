import shutil
import tempfile

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.utils import translation

from accounts.roles import EDITOR_GROUP

from .factories import UserFactory


def pytest_configure(config):
    # Production defaults redirect http to https; the test client and live_server speak http.
    # tests/prod/ switches it back on where it is tested.
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
    # The content version's cross-process store: one per test run, so parallel runs on this
    # host never bump each other's version.
    settings.CACHES["shared"]["LOCATION"] = tempfile.mkdtemp(prefix="pluginnovation-test-cache-")
    # Rate-limit counts too: never those of the site on this host or of another test run.
    settings.CACHES["ratelimit"]["LOCATION"] = tempfile.mkdtemp(prefix="pluginnovation-test-rl-")


def pytest_unconfigure(config):
    from django.conf import settings

    shutil.rmtree(settings.CACHES["shared"]["LOCATION"], ignore_errors=True)
    shutil.rmtree(settings.CACHES["ratelimit"]["LOCATION"], ignore_errors=True)


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Each test starts in the site's default language, whatever the last one activated."""
    translation.activate("sv")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages and facets must not leak from one test's database into the next, nor rate
    limits counted in one test refuse the next."""
    cache.clear()
    caches["ratelimit"].clear()
    yield


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def editor(db):
    """A member of Redaktör, with exactly the group's permissions (not a superuser)."""
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR_GROUP))
    return editor


@pytest.fixture
def superuser(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def redis_server(tmp_path):
    """A real redis-server of this test's own, on a free port; stopped afterwards."""
    from .servers import RedisServer

    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def redis_caches(settings, redis_server):
    """The site's caches (pages, content version, rate limits) in a real Redis, as REDIS_URL
    makes them."""
    settings.CACHES = redis_server.redis_caches()
    yield redis_server


@pytest.fixture(params=["local", "redis"])
def cache_store(request):
    """Runs a cache test twice: with the stores of a single host (local memory, this host's
    directory) and with every cache in a real Redis, as REDIS_URL makes them."""
    if request.param == "redis":
        request.getfixturevalue("redis_caches")
    return request.param
