"""Several gunicorn workers, one content version: a change in one process invalidates all."""

import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest
from django.conf import settings
from django.core.cache import caches

from content.models import Article
from infra.cache import VERSION_KEY, HostFileCache, content_version
from tests.factories import MethodFactory

BUMP_IN_ANOTHER_PROCESS = """
import django
django.setup()
from infra.cache import bump_content_version
bump_content_version()
"""


def _bump_many(location: str, times: int) -> None:
    store = HostFileCache(location, {"KEY_PREFIX": "pluginnovation", "TIMEOUT": None})
    for _ in range(times):
        store.incr(VERSION_KEY)


@pytest.fixture(params=["host", "redis"])
def shared_store(request):
    """The content version where every process reads it: a directory on this host, or a real
    Redis (as REDIS_URL makes it); returns the environment another process needs to find it."""
    if request.param == "redis":
        return {"REDIS_URL": request.getfixturevalue("redis_caches").url}
    return {"DJANGO_CACHE_DIR": str(request.getfixturevalue("host_file_cache"))}


@pytest.mark.django_db
def test_a_bump_in_another_process_invalidates_pages_cached_in_this_one(client, shared_store):
    method = MethodFactory(title_sv="Mentorskap")
    assert "Mentorskap" in client.get("/metoder/").content.decode()
    # update() sends no signal: only the other process's bump can make this process see it.
    Article.objects.filter(pk=method.pk).update(title_sv="Utökat mentorskap")
    assert "Utökat mentorskap" not in client.get("/metoder/").content.decode()  # still cached

    before = content_version()
    subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", BUMP_IN_ANOTHER_PROCESS],
        cwd=settings.BASE_DIR,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "pluginnovation.settings",
            **shared_store,
        },
        check=True,
    )
    assert content_version() == before + 1
    assert "Utökat mentorskap" in client.get("/metoder/").content.decode()


def test_two_stores_on_one_directory_see_each_others_version(tmp_path):
    options = {"KEY_PREFIX": "pluginnovation", "TIMEOUT": None}
    first, second = HostFileCache(str(tmp_path), options), HostFileCache(str(tmp_path), options)
    assert first.add(VERSION_KEY, 1)
    assert not second.add(VERSION_KEY, 1)  # already there: both processes agree on the start
    second.incr(VERSION_KEY)
    assert first.get(VERSION_KEY) == 2


def test_concurrent_bumps_from_several_processes_are_never_lost(tmp_path):
    HostFileCache(str(tmp_path), {"KEY_PREFIX": "pluginnovation"}).set(VERSION_KEY, 1, None)
    with ProcessPoolExecutor(max_workers=4) as pool:
        list(pool.map(_bump_many, [str(tmp_path)] * 4, [50] * 4))
    assert HostFileCache(str(tmp_path), {"KEY_PREFIX": "pluginnovation"}).get(VERSION_KEY) == 201


def test_the_content_version_lives_in_the_shared_store_not_in_local_memory(db, host_file_cache):
    version = content_version()
    caches["default"].clear()  # a worker's own memory going away changes nothing
    assert content_version() == version
    assert caches["shared"].get(VERSION_KEY) == version
