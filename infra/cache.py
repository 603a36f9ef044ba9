"""One content version for every cache that holds what visitors see (pages, facets).

Anything cached from published content puts `content_version()` in its key. Saving, deleting
or re-tagging content bumps the version, so every such entry is missed at once and expires
by itself: nothing has to know which keys exist, and with Redis every app host sees the bump.

The version lives in the "shared" cache (settings.CACHES), which every worker process reads:
Redis when REDIS_URL is set, else HostFileCache, a directory on this host. Pages and facets
stay in each process's fast local memory ("default"), keyed by that shared version, so a
change saved in one gunicorn worker makes every other worker miss its copies at once.
"""

import fcntl
import hashlib
import logging
import os
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

logger = logging.getLogger(__name__)
T = TypeVar("T")

VERSION_KEY = "content-version"

# What public pages show: app labels ("stats") and models ("accounts.methoduse"). Apps declare
# theirs with show_publicly(); content types are declared by the content registry.
_public_labels: set[str] = set()


def show_publicly(*labels: str) -> None:
    """Writes to these apps or models ("app" or "app.model") make cached pages stale."""
    _public_labels.update(label.lower() for label in labels)


# Models of a public app that no page shows ("app.model"), e.g. the content app's revisions.
_private_labels: set[str] = set()


def keep_private(*labels: str) -> None:
    """Writes to these models ("app.model") leave cached pages as they are, though their app
    is shown publicly."""
    _private_labels.update(label.lower() for label in labels)


VERSION_CACHE = "shared"


class HostFileCache(FileBasedCache):
    """Django's file cache, with add() and incr() made atomic across the processes of one host.

    FileBasedCache reads and writes in two steps, so two workers bumping at once could both
    write the same number; an exclusive flock on a file beside the entries serialises them.
    Reads need no lock: entries are replaced with an atomic rename.
    """

    @contextmanager
    def _locked(self):
        os.makedirs(self._dir, 0o700, exist_ok=True)
        with open(os.path.join(self._dir, "version.lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def add(self, *args, **kwargs) -> bool:
        with self._locked():
            return super().add(*args, **kwargs)

    def incr(self, *args, **kwargs) -> int:
        with self._locked():
            return super().incr(*args, **kwargs)


# Versions whose bump the shared store refused (it was unreachable): bumped again as soon as it
# answers, so pages cached before an outage are not served after it once content changed during it.
_bumps_pending: set[str] = set()


def content_version(key: str = VERSION_KEY) -> int:
    """The content version, or (`key`) the version of one thing kept apart from it."""
    if key in _bumps_pending:
        bump_content_version(key)
    store = caches[VERSION_CACHE]
    version = store.get(key)
    if version is None:
        # add() rather than set(): two processes or hosts starting at once agree on the first value.
        store.add(key, 1, timeout=None)
        version = store.get(key, 1)
    return version


def bump_content_version(key: str = VERSION_KEY) -> None:
    """Call after a bulk write that sends no signals (e.g. an import with bulk_create)."""
    store = caches[VERSION_CACHE]
    try:
        try:
            store.incr(key)
        except ValueError:  # not set yet (or evicted): any new value makes old keys unreachable
            store.set(key, 2, timeout=None)
    except Exception:  # noqa: BLE001 - the content is saved; the cache catches up later
        _bumps_pending.add(key)
        logger.error("content version not bumped: shared cache unavailable", exc_info=True)
        return
    _bumps_pending.discard(key)


def versioned_key(prefix: str, *parts: object) -> str:
    """A short cache key for `parts` under the current content version."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f"{prefix}:{content_version()}:{digest}"


def remember(prefix: str, parts: tuple, compute: Callable[[], T], timeout: int = 3600) -> T:
    """compute() once per content version and `parts` (what is costly to draw and the same for
    every visitor); a cache outage only costs the time to compute it, never the page."""
    try:
        key = versioned_key(prefix, *parts)
        value = cache.get(key)
    except Exception:  # noqa: BLE001
        logger.warning("cache unavailable", exc_info=True)
        return compute()
    if value is None:
        value = compute()
        try:
            cache.set(key, value, timeout)
        except Exception:  # noqa: BLE001
            logger.warning("not stored in cache", exc_info=True)
    return value


# What remember_in_process keeps: key → (content version, value).
_in_process: dict[str, tuple[int, object]] = {}


def remember_in_process(key: str, compute: Callable[[], T], version_key: str = VERSION_KEY) -> T:
    """compute() once per version in this process's memory: for small things that nearly
    every page of a kind reads (a vocabulary), so that they cost neither a query nor a cache
    round trip. `version_key`: a version of their own (bump_content_version(version_key) when
    they change), so that other writes leave them be; every process then reads them again."""
    version = content_version(version_key)
    held = _in_process.get(key)
    if held is None or held[0] != version:
        held = (version, compute())
        _in_process[key] = held
    return held[1]  # type: ignore[return-value]


def forget_in_process() -> None:
    """Drop what remember_in_process keeps (tests: each starts from its own database)."""
    _in_process.clear()


def _bump_after_commit() -> None:
    bump_content_version()


def _shown_publicly(model) -> bool:
    label = model._meta.label_lower
    if label in _private_labels:
        return False
    return label in _public_labels or model._meta.app_label in _public_labels


def _content_changed(sender, **kwargs) -> None:
    if _shown_publicly(sender):
        content_changed()


def content_changed() -> None:
    """What visitors see has changed: cached pages and facets are stale.

    Bumps now, so the change shows at once; and again after the commit, because a page drawn
    from the old rows before the commit may have been stored under the version bumped now.
    """
    bump_content_version()
    connection = transaction.get_connection()
    # Once per transaction, whatever else waits for the commit between its saves.
    if connection.in_atomic_block and not any(
        entry[1] is _bump_after_commit for entry in connection.run_on_commit
    ):
        transaction.on_commit(_bump_after_commit)


def _relation_changed(sender, action: str, **kwargs) -> None:
    # m2m_changed's sender is the through model (taggit's TaggedItem, Article_regions, ...).
    if action in {"post_add", "post_remove", "post_clear"}:
        _content_changed(sender)


def connect_signals() -> None:
    """Called once from InfraConfig.ready()."""
    post_save.connect(_content_changed, dispatch_uid="content-version-save")
    post_delete.connect(_content_changed, dispatch_uid="content-version-delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="content-version-m2m")
