import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.utils import translation

from accounts.roles import EDITOR_GROUP
from infra.cache import forget_in_process

from .factories import UserFactory


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
    forget_in_process()
    caches["ratelimit"].clear()
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Each test's uploads in a directory of its own, removed with it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


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
def host_file_cache(settings, tmp_path):
    """The content version in a directory that every process on the host reads, as production
    keeps it without Redis; returns the directory."""
    location = tmp_path / "content-version"
    settings.CACHES = {
        **settings.CACHES,
        "shared": {
            "BACKEND": "infra.cache.HostFileCache",
            "LOCATION": str(location),
            "KEY_PREFIX": "pluginnovation",
            "TIMEOUT": None,
        },
    }
    return location


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
    """Runs a cache test twice: with the test settings' stores (this process's memory) and
    with every cache in a real Redis, as REDIS_URL makes them."""
    if request.param == "redis":
        request.getfixturevalue("redis_caches")
    return request.param
