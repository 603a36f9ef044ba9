import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from accounts.roles import EDITOR_GROUP

from .factories import UserFactory


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Each test starts in the site's default language, whatever the last one activated."""
    translation.activate("sv")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages and facets must not leak from one test's database into the next."""
    cache.clear()
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
def real_password_hashing(settings):
    """The production hashers (Django's defaults: the site sets none), for the tests that
    are about hashing."""
    from django.conf import global_settings

    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS


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
