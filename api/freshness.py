"""When what the API shows last changed, for Last-Modified, read cheaply.

Every write to public content bumps the content version (infra.cache); the first time any
worker answers under a version is kept in the shared cache, so all workers give the same date.
An article scheduled for later appears without a write, so its publication time counts too.
The date is never earlier than the change (it may be a little later: a conditional request
then costs one full answer too many, never a stale one).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.core.cache import caches
from django.utils import timezone

from content.models import Article
from infra.cache import VERSION_CACHE, content_version

# Long enough to outlive any version in use; a lost entry only moves the date later.
SEEN_SECONDS = 30 * 24 * 3600


def version_seen_at() -> datetime:
    store = caches[VERSION_CACHE]
    key = f"api:version-seen:{content_version()}"
    seen = store.get(key)
    if seen is None:
        store.add(key, timezone.now().timestamp(), timeout=SEEN_SECONDS)
        seen = store.get(key) or timezone.now().timestamp()
    return datetime.fromtimestamp(seen, tz=UTC)


def last_modified() -> datetime:
    newest = (
        Article.objects.published()
        .order_by("-published_at")
        .values_list("published_at", flat=True)
        .first()
    )
    seen = version_seen_at()
    return max(seen, newest) if newest else seen
