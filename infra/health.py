"""/health/ for load balancers and monitoring: is the database reachable, do the caches work.

Two caches: the default one (pages, facets) and the shared one that holds the content version
(a directory on disk unless REDIS_URL is set). 200 "ok" when all answer; 200 "degraded" when only
a cache fails (pages are then served uncached, and a load balancer must keep sending visitors:
every host shares one Redis, so taking them out would turn a slower site into none); 503
"unavailable" without the database. The reason as JSON; never cached, never a traceback.
"""

import logging
import time
import uuid

from django.core.cache import cache, caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        check()
    except Exception as exc:  # noqa: BLE001 - a failing dependency is the answer, not an error
        logger.warning("health check failed", extra={"event": "health_failed", "error": repr(exc)})
        return {"ok": False, "error": type(exc).__name__}
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise DatabaseError("SELECT 1 gave a wrong answer")


def _works(store) -> None:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    store.set(key, value, 10)
    if store.get(key) != value:
        raise RuntimeError("the cache did not return what was stored")
    store.delete(key)


def _cache() -> None:
    _works(cache)


def _shared_cache() -> None:
    from .cache import VERSION_CACHE

    _works(caches[VERSION_CACHE])


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    checks = {
        "database": _timed(_database),
        "cache": _timed(_cache),
        "shared_cache": _timed(_shared_cache),
    }
    if not checks["database"]["ok"]:
        status = "unavailable"
    elif all(check["ok"] for check in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse(
        {"status": status, **checks}, status=503 if status == "unavailable" else 200
    )
