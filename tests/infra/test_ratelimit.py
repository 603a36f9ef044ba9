"""The rate limits count in a store every process shares: a directory on one host, or Redis."""

import contextlib
import subprocess
import sys
from unittest import mock

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.test import RequestFactory

from infra.ratelimit import Rate, refusal

pytestmark = pytest.mark.usefixtures("cache_store")


@pytest.fixture
def rates(settings):
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        "probe": ["3/m/client", "2/m/target"],
        "per_user": ["2/h/user"],
        "client_first": ["2/m/client", "3/m/target"],
    }


def visitor(address="198.51.100.7"):
    request = RequestFactory().post("/", REMOTE_ADDR=address)
    request.user = AnonymousUser()
    return request


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("5/h/client", Rate(5, 3600, "client")),
        ("3/15m/target", Rate(3, 900, "target")),
        ("100/d/user", Rate(100, 86400, "user")),
    ],
)
def test_rates_are_read_as_count_period_and_whom_they_count(text, rate):
    assert Rate.parse(text) == rate


@pytest.mark.parametrize("text", ["5/h", "0/h/client", "5/w/client", "x/h/client", "5/h/ip"])
def test_a_rate_that_means_nothing_is_refused_loudly(text):
    with pytest.raises(ValueError, match="not a rate"):
        Rate.parse(text)


def test_a_client_is_refused_once_its_rate_is_used_up_and_told_how_long_to_wait(rates):
    assert [refusal(visitor(), "probe") for _ in range(3)] == [0, 0, 0]
    wait = refusal(visitor(), "probe")
    # The burst still counts, fading, in the next minute: at most two minutes.
    assert 0 < wait <= 120
    assert refusal(visitor("198.51.100.8"), "probe") == 0  # another client is not


def test_the_rate_slides_rather_than_restarting_at_each_minute(rates):
    with time_machine.travel(1_000_000_000 - 1, tick=False):  # one second before a window ends
        assert [refusal(visitor(), "probe") for _ in range(3)] == [0, 0, 0]
    with time_machine.travel(1_000_000_000 + 1, tick=False):  # a new window has begun
        assert refusal(visitor(), "probe") > 0  # the burst a second ago still counts
    with time_machine.travel(1_000_000_000 + 61, tick=False):
        assert refusal(visitor(), "probe") == 0


def test_a_target_address_is_counted_whatever_the_client_and_its_case(rates):
    assert refusal(visitor("198.51.100.1"), "probe", target="Anna@example.se") == 0
    assert refusal(visitor("198.51.100.2"), "probe", target="anna@example.se") == 0
    assert refusal(visitor("198.51.100.3"), "probe", target="ANNA@example.se") > 0
    assert refusal(visitor("198.51.100.3"), "probe", target="bo@example.se") == 0


def test_a_refused_client_does_not_use_up_the_targets_allowance(rates):
    """An attacker stopped by its own limit cannot go on blocking a victim's address."""
    for _ in range(10):
        refusal(visitor("192.0.2.66"), "client_first", target="victim@example.se")
    assert refusal(visitor("198.51.100.7"), "client_first", target="victim@example.se") == 0


def test_per_user_rates_count_the_logged_in_user_and_skip_anonymous_requests(rates, user):
    request = visitor()
    assert refusal(request, "per_user") == 0  # nobody logged in: nothing to count
    request.user = user
    assert [refusal(request, "per_user") for _ in range(3)][-1] > 0


COUNT_IN_ANOTHER_PROCESS = """
import sys
import django
django.setup()
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from infra.ratelimit import refusal
request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.7")
request.user = AnonymousUser()
for _ in range(int(sys.argv[1])):
    assert refusal(request, "contact") == 0
"""


def test_requests_counted_by_another_process_count_here_too(cache_store, settings, tmp_path):
    environment = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "pluginnovation.settings"}
    if cache_store == "redis":
        environment["REDIS_URL"] = settings.CACHES["ratelimit"]["LOCATION"]
    else:  # a directory this process and the other one share, as the workers of a host do
        environment["DJANGO_CACHE_DIR"] = str(tmp_path)
        settings.CACHES = {
            **settings.CACHES,
            "ratelimit": {
                **settings.CACHES["ratelimit"],
                "LOCATION": str(tmp_path / "ratelimit"),
                "OPTIONS": {"SHARED_BACKEND": "infra.cache.HostFileCache"},
            },
        }
    allowed = Rate.parse(settings.RATE_LIMITS["contact"][0]).count
    subprocess.run(  # noqa: S603 - our interpreter and a fixed script
        [sys.executable, "-c", COUNT_IN_ANOTHER_PROCESS, str(allowed)],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
    )
    assert refusal(visitor(), "contact") > 0


class LostStore:
    """A store whose every use fails, as a full or unreadable disk does."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise OSError("the store is gone")

        return fail


def test_while_the_shared_store_is_lost_limits_hold_in_this_process(rates, cache_store, request):
    if cache_store == "redis":
        request.getfixturevalue("redis_server").stop()
        lost = contextlib.nullcontext()
    else:
        lost = mock.patch.object(caches["ratelimit"], "shared", LostStore())
    with lost:
        assert [refusal(visitor(), "probe") for _ in range(3)] == [0, 0, 0]
        assert refusal(visitor(), "probe") > 0
