import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from accounts.roles import EDITOR_GROUP

from .factories import UserFactory


@pytest.fixture(autouse=True)
def _swedish_by_default():
    """Each test starts in the site's default language, whatever the last one activated."""
    translation.activate("sv")
    yield
    translation.deactivate()


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
