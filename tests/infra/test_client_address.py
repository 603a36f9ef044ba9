"""The client's address comes from the number of trusted proxies, never from a header alone."""

import pytest
from django.test import RequestFactory

from infra.client import client_address, client_network


def request(remote="203.0.113.9", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = 0
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_one_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request("127.0.0.1", "198.51.100.1")) == "198.51.100.1"


def test_a_client_cannot_choose_its_address_by_sending_the_header_itself(settings):
    settings.TRUSTED_PROXIES = 1
    # The client sent "X-Forwarded-For: 192.0.2.66"; nginx appended the address it saw.
    assert client_address(request("127.0.0.1", "192.0.2.66, 198.51.100.1")) == "198.51.100.1"


def test_behind_two_proxies_the_second_address_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXIES = 2
    forwarded = "192.0.2.66, 198.51.100.1, 10.0.0.5"  # forged, client, load balancer
    assert client_address(request("127.0.0.1", forwarded)) == "198.51.100.1"


def test_a_request_that_passed_fewer_proxies_gets_the_farthest_address_known(settings):
    settings.TRUSTED_PROXIES = 2
    assert client_address(request("127.0.0.1", "198.51.100.1")) == "198.51.100.1"
    assert client_address(request("127.0.0.1")) == "127.0.0.1"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("198.51.100.1:4711", "198.51.100.1"),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("::ffff:198.51.100.1", "198.51.100.1"),
        ("not-an-address", None),
        ("", "127.0.0.1"),
    ],
)
def test_addresses_are_read_with_ports_and_mapped_forms_and_garbage_is_refused(
    settings, forwarded, expected
):
    settings.TRUSTED_PROXIES = 1
    assert client_address(request("127.0.0.1", forwarded)) == expected


def test_an_ipv6_client_is_counted_as_its_whole_64_network(settings):
    settings.TRUSTED_PROXIES = 0
    one = client_network(request("2001:db8:1:2:aaaa::1"))
    other = client_network(request("2001:db8:1:2:bbbb::9"))
    assert one == other == "2001:db8:1:2::"
    assert client_network(request("2001:db8:1:3::1")) != one
    assert client_network(request("198.51.100.1")) == "198.51.100.1"
