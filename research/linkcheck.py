"""Check the publications' external links (DOI, web page, full text) and record what each gave.

Politely: a user agent that says who asks (settings.LINK_CHECK_USER_AGENT), a few requests at a
time (LINK_CHECK_WORKERS), each with a timeout (LINK_CHECK_TIMEOUT), one request per address
however many publications share it, HEAD first and GET only where HEAD is refused (many
servers answer HEAD wrongly), and redirects followed one at a time, at most MAX_REDIRECTS.

A DOI is checked at its resolver, whose redirect to the publisher is its answer (publishers'
sites often refuse robots); a web page or full text is followed to its end, and a permanent
redirect on the way is reported as moved, with the new address. An address on this host or
its local network is not requested at all unless settings.LINK_CHECK_PRIVATE_ADDRESSES.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import identifiers
from .models import LinkCheck, LinkField, LinkOutcome, Publication

MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = {301, 308}
# HEAD answers that may only mean the server does not do HEAD: ask again with GET.
RETRY_WITH_GET = {400, 403, 404, 405, 406, 429, 500, 501, 502, 503}


@dataclass(frozen=True)
class Result:
    outcome: str
    status_code: int | None = None
    final_url: str = ""
    detail: str = ""


_local = threading.local()


def _session() -> requests.Session:
    """One session (kept-alive connections) per worker thread: sessions are not thread-safe."""
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
        _local.session.headers["User-Agent"] = settings.LINK_CHECK_USER_AGENT
        _local.session.headers["Accept"] = "text/html,application/pdf,*/*;q=0.8"
    return _local.session


def is_public(url: str) -> bool:
    """Whether every address the host resolves to is public (not this host or its network)."""
    if settings.LINK_CHECK_PRIVATE_ADDRESSES:
        return True
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        return True  # cannot be resolved: the request will fail and say so
    return all(ipaddress.ip_address(address.split("%")[0]).is_global for address in addresses)


def _request(url: str, timeout: float) -> requests.Response:
    """HEAD, or GET where the HEAD answer may just be a server's dislike of HEAD."""
    session = _session()
    response = session.head(url, allow_redirects=False, timeout=timeout)
    if response.status_code in RETRY_WITH_GET:
        response.close()
        # stream: the headers say all; the body (a whole PDF, perhaps) is never read.
        response = session.get(url, allow_redirects=False, timeout=timeout, stream=True)
    response.close()
    return response


def check(url: str, follow: bool = True, timeout: float | None = None) -> Result:
    """The address's answer: `follow` its redirects to the end (a web page), or take its
    first answer as final (a DOI at its resolver)."""
    timeout = settings.LINK_CHECK_TIMEOUT if timeout is None else timeout
    moved_to = ""
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        if not is_public(current):
            return Result(LinkOutcome.REFUSED, detail="not a public address")
        try:
            response = _request(current, timeout)
        except requests.Timeout:
            return Result(LinkOutcome.UNREACHABLE, detail=f"no answer within {timeout:g} s")
        except requests.RequestException as error:
            return Result(LinkOutcome.UNREACHABLE, detail=_short(error))
        status = response.status_code
        location = response.headers.get("Location")
        if 300 <= status < 400 and location:
            if not follow:
                return Result(LinkOutcome.OK, status)
            following = urljoin(current, location)
            if status in PERMANENT_REDIRECTS and not moved_to:
                moved_to = following
            current = following
            continue
        if status >= 400:
            return Result(LinkOutcome.BROKEN, status, detail=response.reason or "")
        if moved_to:
            return Result(LinkOutcome.MOVED, status, final_url=moved_to)
        return Result(LinkOutcome.OK, status)
    return Result(LinkOutcome.BROKEN, detail=f"more than {MAX_REDIRECTS} redirects")


def _short(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text if len(text) <= 300 else text[:297] + "…"


@dataclass(frozen=True)
class Link:
    publication_id: int
    field: str
    url: str


def links_of(publications: Iterable[Publication]) -> list[Link]:
    links = []
    for publication in publications:
        if publication.doi:
            links.append(Link(publication.pk, LinkField.DOI, identifiers.doi_url(publication.doi)))
        for field in (LinkField.URL, LinkField.PDF):
            if getattr(publication, field):
                links.append(Link(publication.pk, field, getattr(publication, field)))
    return links


def check_all(
    publications: Iterable[Publication] | None = None,
    workers: int | None = None,
    progress: Callable[[Link, Result], None] | None = None,
) -> dict[str, int]:
    """Check every link of the publications (all of them by default), record each link's
    result, forget the checks of links since removed, and count the outcomes."""
    if publications is None:
        publications = Publication.objects.with_links().only("pk", "doi", "url", "pdf_url")
    links = links_of(publications)
    addresses = {(link.url, link.field == LinkField.DOI) for link in links}
    workers = max(1, min(workers or settings.LINK_CHECK_WORKERS, len(addresses) or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        found = dict(
            zip(addresses, pool.map(lambda a: check(a[0], follow=not a[1]), addresses), strict=True)
        )
    now = timezone.now()
    counts: dict[str, int] = {}
    with transaction.atomic():
        checked = {link.publication_id for link in links}
        for link in links:
            result = found[link.url, link.field == LinkField.DOI]
            LinkCheck.objects.update_or_create(
                publication_id=link.publication_id,
                field=link.field,
                defaults={
                    "url": link.url,
                    "outcome": result.outcome,
                    "status_code": result.status_code,
                    "final_url": result.final_url[:1000],
                    "detail": result.detail[:300],
                    "checked_at": now,
                },
            )
            counts[result.outcome] = counts.get(result.outcome, 0) + 1
            if progress:
                progress(link, result)
        # A link removed since its last check has nothing to report.
        kept = {(link.publication_id, link.field) for link in links}
        for stale in LinkCheck.objects.filter(publication_id__in=checked).only(
            "publication_id", "field"
        ):
            if (stale.publication_id, stale.field) not in kept:
                stale.delete()
        LinkCheck.objects.exclude(publication_id__in=checked).filter(
            publication__in=Publication.objects.filter(doi="", url="", pdf_url="")
        ).delete()
    return counts
