"""The API's rate limit per client, counted in the store of the site's other limits
(infra.ratelimit.STORE: Redis, or without it the host's file cache that every worker process
locks), so that all workers and hosts share one count; the client as infra.client tells it.

A fixed window: each client may make `requests` in each period of `seconds`, as the
RateLimit-* headers state.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest

from infra.client import client_network
from infra.ratelimit import STORE

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    requests: int
    seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    # Seconds until the period ends (and the count starts again).
    reset: int


def api_limit() -> Limit:
    return Limit(settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_SECONDS)


def client_key(request: HttpRequest) -> str:
    """Who is counted: the client as every limit of the site tells it (behind the trusted
    proxies; an IPv6 client by its /64)."""
    return client_network(request) or "unknown"


def hit(scope: str, client: str, limit: Limit, now: float | None = None) -> Verdict:
    """Count one request of `client` and say whether it is within `limit`. With the shared
    cache out of order the request is let through (a limit must never cost the answer)."""
    now = time.time() if now is None else now
    window = int(now // limit.seconds)
    reset = max(1, math.ceil((window + 1) * limit.seconds - now))
    digest = hashlib.sha256(client.encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{window}:{digest}"
    store = caches[STORE]
    try:
        store.add(key, 0, timeout=limit.seconds + 1)
        try:
            count = store.incr(key)
        except ValueError:  # expired between add() and incr()
            store.set(key, 1, timeout=limit.seconds + 1)
            count = 1
    except Exception:  # noqa: BLE001
        logger.warning("rate limit store unavailable", exc_info=True)
        return Verdict(True, limit.requests, limit.requests, reset)
    return Verdict(count <= limit.requests, limit.requests, max(0, limit.requests - count), reset)
