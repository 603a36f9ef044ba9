"""The client's own address, worked out from the number of proxies in front of the app.

Behind nginx (or a load balancer) every request arrives from the proxy, which appends the address
it saw to X-Forwarded-For. Only what the trusted proxies appended can be believed: a client can
put anything at the front of that header itself. With TRUSTED_PROXIES = N the client is the N-th
address from the right of X-Forwarded-For followed by REMOTE_ADDR; with N = 0 (no proxy, the
default) the header is ignored. Lockouts, rate limits and logs all ask here.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest

# IPv6 hands a single household or server a whole /64: counted as one client, as allauth does.
IPV6_CLIENT_PREFIX = 64


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # [2001:db8::1]:443
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # 192.0.2.1:443
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _client(meta) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    proxies = settings.TRUSTED_PROXIES
    hops = []
    if proxies:
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop for hop in (part.strip() for part in forwarded.split(",")) if hop]
    hops.append(meta.get("REMOTE_ADDR") or "")
    # Fewer hops than proxies (a request that did not pass them all): the farthest one known.
    return _parse(hops[-(proxies + 1)] if len(hops) > proxies else hops[0])


def client_address(request_or_meta: HttpRequest | dict) -> str | None:
    """The client's address as it connected (for logs), or None if it cannot be told."""
    meta = getattr(request_or_meta, "META", request_or_meta)
    address = _client(meta)
    return str(address) if address is not None else None


def client_network(request_or_meta: HttpRequest | dict) -> str | None:
    """The address that stands for one client in lockouts and rate limits: an IPv4 address, or
    the first address of an IPv6 client's /64 (so a client cannot dodge a limit by hopping
    between the addresses of its own network)."""
    meta = getattr(request_or_meta, "META", request_or_meta)
    address = _client(meta)
    if address is None:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        network = ipaddress.IPv6Network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False)
        return str(network.network_address)
    return str(address)
