"""Rate limits that every worker process and every app host share.

An action (the contact form, a sign-up, a password reset…) has a few rates in
settings.RATE_LIMITS, each counted per client (its address, infra.client), per logged-in user or
per target (the e-mail address a message would go to), e.g. "5/h/client" or "3/d/target". The
counts live in the "ratelimit" cache: Redis when REDIS_URL is set, else a directory on this host,
so all workers agree; django-allauth's own limits are kept there too (share_allauth_limits).

A view asks before it writes or sends anything (`form_allowed` for a valid form, `refusal`
elsewhere); a refused request is answered 429 with a message in the visitor's language (the form
shown again with the refusal as its error, or the 429 page), and nothing is half-done.
Counting is a sliding window: this window's count plus the previous one's, weighted by how much
of it still overlaps, so a burst across a window's edge is not let through twice.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.connection import ConnectionProxy
from django.utils.module_loading import import_string
from django.utils.translation import ngettext

from .client import client_network

logger = logging.getLogger("pluginnovation.security")

STORE = "ratelimit"
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^(?P<count>\d+)/(?P<size>\d*)(?P<unit>[smhd])/(?P<per>client|user|target)$")


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int
    per: str  # "client", "user" or "target"

    @classmethod
    def parse(cls, text: str) -> Rate:
        """ "5/h/client": five an hour per client; "3/15m/target": three in 15 minutes."""
        match = _RATE.match(text.strip())
        if not match or int(match["count"]) < 1:
            raise ValueError(f"not a rate: {text!r} (e.g. 5/h/client, 3/15m/target)")
        seconds = int(match["size"] or 1) * _PERIODS[match["unit"]]
        return cls(int(match["count"]), seconds, match["per"])


@functools.cache
def _parse_rates(texts: tuple[str, ...]) -> tuple[Rate, ...]:
    return tuple(Rate.parse(text) for text in texts)


def rates(action: str) -> tuple[Rate, ...]:
    return _parse_rates(tuple(settings.RATE_LIMITS[action]))


def _identity(request: HttpRequest, rate: Rate, target: str | None) -> str | None:
    if rate.per == "client":
        return client_network(request) or "unknown"
    if rate.per == "user":
        user = getattr(request, "user", None)
        return str(user.pk) if user is not None and user.is_authenticated else None
    return target.strip().lower() if target else None


def _window_counts(rate: Rate, identity: str, action: str, now: float) -> tuple[int, int, float]:
    """Count one more request; (this window's count, the previous one's, seconds into it)."""
    store = caches[STORE]
    # Hashed: the store never holds e-mail addresses in clear, and any identity makes a valid key.
    digest = hashlib.sha256(identity.encode()).hexdigest()[:32]
    base = f"rl:{action}:{rate.per}:{rate.count}/{rate.seconds}:{digest}"
    window = int(now // rate.seconds)
    key = f"{base}:{window}"  # the window is in the key: a count can never outlive its window
    store.add(key, 0, timeout=2 * rate.seconds)
    try:
        current = store.incr(key)
    except ValueError:  # gone between add and incr (evicted): this is its first request
        store.set(key, 1, timeout=2 * rate.seconds)
        current = 1
    previous = store.get(f"{base}:{window - 1}", 0)
    return current, previous, now - window * rate.seconds


def _seconds_to_wait(rate: Rate, current: int, previous: int, elapsed: float) -> int:
    """How long until one more request fits, if none is sent meanwhile."""
    room = rate.count - 1  # what the weighted count must fall to
    size = rate.seconds
    if previous and current <= room:  # within this window, as the previous one fades
        wait = size * (1 - (room - current) / previous) - elapsed
    else:  # after this window, as this one fades
        wait = (size - elapsed) + size * (1 - room / current)
    return max(1, math.ceil(wait))


def refusal(request: HttpRequest, action: str, *, target: str | None = None) -> int:
    """Count this request against the action's rates: 0 if it may go ahead, else the seconds to
    wait. Rates are counted in their order until one refuses: a client refused for its own
    address counts no further against the target address, so one attacker can use up at most
    its own allowance of a victim's (settings.RATE_LIMITS lists the client's rate first)."""
    now = time.time()
    for rate in rates(action):
        identity = _identity(request, rate, target)
        if identity is None:
            continue
        current, previous, elapsed = _window_counts(rate, identity, action, now)
        weighted = current + previous * (1 - elapsed / rate.seconds)
        if weighted > rate.count:
            wait = _seconds_to_wait(rate, current, previous, elapsed)
            logger.warning(
                "rate limit reached",
                extra={
                    "event": "rate_limited",
                    "action": action,
                    "per": rate.per,
                    "client": client_network(request),
                    "path": request.path,
                },
            )
            return wait
    return 0


def refusal_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "You have done this too many times in a short while, so nothing was saved or sent. "
        "Please try again in %(minutes)d minute.",
        "You have done this too many times in a short while, so nothing was saved or sent. "
        "Please try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def form_allowed(request: HttpRequest, action: str, form, *, target: str | None = None) -> bool:
    """For a valid form about to be saved or sent: True if it may be, else False with the
    refusal as the form's error (the form is shown again, answered 429 by the middleware)."""
    wait = refusal(request, action, target=target)
    if not wait:
        return True
    form.add_error(None, refusal_message(wait))
    request.rate_limit_wait = wait
    return False


def too_many_requests(request: HttpRequest, seconds: int | None = None) -> HttpResponse:
    """The 429 page, for a refusal that has no form to show it in. Without `seconds` (allauth's
    own limits, which do not say), it asks for a few minutes and a client to wait one."""
    message = refusal_message(seconds) if seconds else None
    response = HttpResponse(
        render_to_string("429.html", {"message": message}, request=request), status=429
    )
    response["Retry-After"] = str(seconds or 60)
    return response


class TooManyRequestsMiddleware:
    """A page drawn again with a refusal in its form (form_allowed) is answered 429."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        wait = getattr(request, "rate_limit_wait", 0)
        if wait and response.status_code == 200:
            response.status_code = 429
            response["Retry-After"] = str(wait)
        return response


class CounterStore(BaseCache):
    """The "ratelimit" cache: the shared store in OPTIONS["SHARED_BACKEND"] (Redis, or
    HostFileCache on one host), and this process's memory while the shared one cannot be
    reached. Limits then hold per process; a lost Redis never turns a form into a 500."""

    def __init__(self, location: str, params: dict):
        options = dict(params.get("OPTIONS", {}))
        backend = import_string(options.pop("SHARED_BACKEND"))
        super().__init__({**params, "OPTIONS": {}})
        self.shared = backend(location, {**params, "OPTIONS": options})
        self.local = LocMemCache(
            f"ratelimit-fallback:{location}", {"OPTIONS": {"MAX_ENTRIES": 10_000}}
        )
        self._warned_at = 0.0

    def _either(self, method: str, *args, **kwargs):
        try:
            return getattr(self.shared, method)(*args, **kwargs)
        except ValueError:  # incr() of a missing key: an answer, not a fault
            raise
        except Exception:  # noqa: BLE001 - a lost store must cost precision, never the page
            if time.monotonic() - self._warned_at > 60:  # one line a minute, not one a request
                self._warned_at = time.monotonic()
                logger.warning(
                    "rate-limit store unavailable; counting in this process", exc_info=True
                )
            return getattr(self.local, method)(*args, **kwargs)

    def add(self, key, value, timeout=None, version=None):
        return self._either("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._either("get", key, default, version)

    def set(self, key, value, timeout=None, version=None):
        return self._either("set", key, value, timeout, version)

    def touch(self, key, timeout=None, version=None):
        return self._either("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._either("delete", key, version)

    def has_key(self, key, version=None):
        return self._either("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._either("incr", key, delta, version)

    def clear(self):
        self.local.clear()
        return self._either("clear")

    def close(self, **kwargs):
        self.shared.close(**kwargs)


def share_allauth_limits() -> None:
    """django-allauth counts its limits (a password reset's 5 a minute per address, the
    cool-off between confirmation e-mails…) in Django's default cache, which is each process's
    own memory here, so each worker allowed them again. allauth reads the cache through this one
    module-level name and offers no setting for it: point it at the shared counters.
    tests/accounts/test_rate_limits.py fails if a new allauth stops reading it."""
    from allauth.core.internal import ratelimit as allauth_ratelimit

    allauth_ratelimit.cache = ConnectionProxy(caches, STORE)
