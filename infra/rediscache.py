"""Django's Redis cache for pages, facets and the content version, that treats a lost Redis as
an empty cache: a read misses, a write is dropped, and the page is drawn from the database.

Without it every place that reads the cache would need its own guard, and one forgotten guard
turns a Redis outage into 500s. incr() is left alone: the content version's bump must know it
failed (infra.cache retries it once Redis answers). The connection is retried on every
use, so the site recovers by itself when Redis is back.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisError, OSError)


class ResilientRedisCache(RedisCache):
    _warned_at = 0.0

    def _unavailable(self, default=None):
        # One line a minute per process, not one per request.
        if time.monotonic() - ResilientRedisCache._warned_at > 60:
            ResilientRedisCache._warned_at = time.monotonic()
            logger.warning("Redis unavailable: serving without the cache", exc_info=True)
        return default

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except UNAVAILABLE:
            return self._unavailable(default)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except UNAVAILABLE:
            return self._unavailable({})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except UNAVAILABLE:
            return self._unavailable(False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout, version)
        except UNAVAILABLE:
            return self._unavailable(False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            super().set(key, value, timeout, version)
        except UNAVAILABLE:
            self._unavailable()

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout, version)
        except UNAVAILABLE:
            return self._unavailable(list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout, version)
        except UNAVAILABLE:
            return self._unavailable(False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except UNAVAILABLE:
            return self._unavailable(False)

    def delete_many(self, keys, version=None):
        try:
            super().delete_many(keys, version)
        except UNAVAILABLE:
            self._unavailable()
