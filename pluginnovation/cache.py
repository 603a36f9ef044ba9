"""One content version for every cache that holds what visitors see (pages, facets).

Anything cached from published content puts `content_version()` in its key. Saving, deleting
or re-tagging content bumps the version, so every such entry is missed at once and expires
by itself: nothing has to know which keys exist, and with Redis every app host sees the bump.
"""

import hashlib

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "content-version"

# The apps whose rows appear on public pages; a write to any of them makes cached pages stale.
CONTENT_APPS = frozenset(
    {"pluginnovation", "methods", "research", "casestudies", "stats", "taggit"}
)
# Rows of those apps that no public page shows.
PRIVATE_MODELS = frozenset({"pluginnovation.contactmessage"})


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        # add() rather than set(): two hosts starting at once agree on the first value.
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version() -> None:
    """Call after a bulk write that sends no signals (e.g. an import with bulk_create)."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): any new value makes old keys unreachable
        cache.set(VERSION_KEY, 2, timeout=None)


def versioned_key(prefix: str, *parts: object) -> str:
    """A short cache key for `parts` under the current content version."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()[:32]
    return f"{prefix}:{content_version()}:{digest}"


def _bump_after_commit() -> None:
    bump_content_version()


def _content_changed(sender, **kwargs) -> None:
    if sender._meta.app_label not in CONTENT_APPS or sender._meta.label_lower in PRIVATE_MODELS:
        return
    # Now, so the change shows at once; and again after the commit, because a page drawn from
    # the old rows before the commit may have been stored under the version bumped now.
    bump_content_version()
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        pending = connection.run_on_commit
        if not pending or pending[-1][1] is not _bump_after_commit:  # once per run of saves
            transaction.on_commit(_bump_after_commit)


def _relation_changed(sender, action: str, **kwargs) -> None:
    # m2m_changed's sender is the through model (taggit's TaggedItem, Article_regions, ...).
    if action in {"post_add", "post_remove", "post_clear"}:
        _content_changed(sender)


def connect_signals() -> None:
    """Called once from PlugInnovationConfig.ready()."""
    post_save.connect(_content_changed, dispatch_uid="content-version-save")
    post_delete.connect(_content_changed, dispatch_uid="content-version-delete")
    m2m_changed.connect(_relation_changed, dispatch_uid="content-version-m2m")
