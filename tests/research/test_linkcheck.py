"""manage.py check_links against a local HTTP server this test starts: a live page, a moved one,
a gone one, a slow one, a server that refuses HEAD, and a DOI resolver."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO

import pytest
from django.core.management import call_command

from research.linkcheck import check, check_all
from research.models import LinkCheck, LinkOutcome
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

SLOW_SECONDS = 3


class LinkServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, str, str]] = []
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    # path -> (status, Location); "slow" and "pause" answer late.
    ROUTES = {
        "/live": (200, None),
        "/moved": (301, "/live"),
        "/moved-for-now": (302, "/live"),
        "/moved-to-gone": (308, "/gone"),
        "/gone": (410, None),
        "/missing": (404, None),
        "/loop": (302, "/loop"),
        "/doi/10.1234/registered": (302, "https://publisher.invalid/article"),
        "/doi/10.1234/unknown": (404, None),
    }

    def _answer(self, body: bool) -> None:
        server = self.server
        with server.lock:
            server.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
            server.in_flight += 1
            server.most_in_flight = max(server.most_in_flight, server.in_flight)
        try:
            if self.path == "/slow":
                time.sleep(SLOW_SECONDS)
            if self.path.startswith("/pause"):
                time.sleep(0.2)
        finally:
            # Done before the answer goes out: once the client has it, it may send its next
            # request before this thread runs again, and that one must not count as a third.
            with server.lock:
                server.in_flight -= 1
        if self.path == "/no-head" and self.command == "HEAD":
            status, location = 405, None
        elif self.path in ("/no-head", "/slow") or self.path.startswith("/pause"):
            status, location = 200, None
        else:
            status, location = self.ROUTES.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802 - http.server's names
        self._answer(body=False)

    def do_GET(self):  # noqa: N802
        self._answer(body=True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server(settings):
    server = LinkServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.LINK_CHECK_PRIVATE_ADDRESSES = True  # the server is on this host
    settings.LINK_CHECK_TIMEOUT = 1
    settings.DOI_RESOLVER = f"{server.url}/doi/"
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_a_live_page_works_and_is_asked_with_head_only(server):
    result = check(f"{server.url}/live")
    assert (result.outcome, result.status_code) == (LinkOutcome.OK, 200)
    assert [(method, path) for method, path, _agent in server.requests] == [("HEAD", "/live")]


def test_the_checker_says_who_it_is(server, settings):
    check(f"{server.url}/live")
    assert server.requests[0][2] == settings.LINK_CHECK_USER_AGENT
    assert "PlugInnovation" in settings.LINK_CHECK_USER_AGENT


def test_a_server_that_refuses_head_is_asked_with_get(server):
    result = check(f"{server.url}/no-head")
    assert result.outcome == LinkOutcome.OK
    assert [method for method, _path, _agent in server.requests] == ["HEAD", "GET"]


def test_a_permanently_moved_page_is_reported_with_its_new_address(server):
    result = check(f"{server.url}/moved")
    assert (result.outcome, result.status_code, result.final_url) == (
        LinkOutcome.MOVED,
        200,
        f"{server.url}/live",
    )
    assert check(f"{server.url}/moved-for-now").outcome == LinkOutcome.OK  # 302: not moved


def test_gone_and_missing_pages_are_broken_even_after_a_redirect(server):
    assert (check(f"{server.url}/gone").outcome, check(f"{server.url}/gone").status_code) == (
        LinkOutcome.BROKEN,
        410,
    )
    assert check(f"{server.url}/missing").status_code == 404
    assert check(f"{server.url}/moved-to-gone").outcome == LinkOutcome.BROKEN
    endless = check(f"{server.url}/loop")
    assert (endless.outcome, endless.detail) == (LinkOutcome.BROKEN, "more than 5 redirects")


def test_a_slow_page_is_given_up_after_the_timeout(server):
    result = check(f"{server.url}/slow")
    assert (result.outcome, result.detail) == (LinkOutcome.UNREACHABLE, "no answer within 1 s")


def test_nothing_listening_is_no_answer(server):
    closed = LinkServer()
    address = closed.url
    closed.server_close()
    assert check(f"{address}/live").outcome == LinkOutcome.UNREACHABLE


def test_a_doi_is_checked_at_its_resolver_whose_redirect_is_the_answer(server):
    registered = check(f"{server.url}/doi/10.1234/registered", follow=False)
    assert (registered.outcome, registered.status_code) == (LinkOutcome.OK, 302)
    assert check(f"{server.url}/doi/10.1234/unknown", follow=False).outcome == LinkOutcome.BROKEN
    assert all("publisher.invalid" not in path for _m, path, _a in server.requests)


def test_addresses_on_this_host_are_not_requested_unless_allowed(server, settings):
    settings.LINK_CHECK_PRIVATE_ADDRESSES = False
    for address in (
        f"{server.url}/live",
        "http://localhost:9/",
        "http://[::1]:9/",
        "http://10.0.0.1/",
    ):
        assert check(address).outcome == LinkOutcome.REFUSED
    assert server.requests == []


def test_check_links_records_every_links_status_and_date_once_per_address(server):
    shared = f"{server.url}/live"
    live = PublicationFactory(url=shared, doi="10.1234/registered", pdf_url=f"{server.url}/gone")
    twin = PublicationFactory(url=shared)
    moved = PublicationFactory(url=f"{server.url}/moved")
    unknown_doi = PublicationFactory(doi="10.1234/unknown")
    PublicationFactory()  # no links
    out = StringIO()
    call_command("check_links", stdout=out)
    checks = {(c.publication_id, c.field): c for c in LinkCheck.objects.all()}
    assert {key: c.outcome for key, c in checks.items()} == {
        (live.pk, "url"): "ok",
        (live.pk, "doi"): "ok",
        (live.pk, "pdf_url"): "broken",
        (twin.pk, "url"): "ok",
        (moved.pk, "url"): "moved",
        (unknown_doi.pk, "doi"): "broken",
    }
    assert checks[live.pk, "pdf_url"].status_code == 410
    assert checks[moved.pk, "url"].final_url == shared
    assert checks[live.pk, "doi"].url == f"{server.url}/doi/10.1234/registered"
    assert all(c.checked_at is not None for c in checks.values())
    assert [path for _m, path, _a in server.requests].count("/live") == 2  # /live, and /moved's end
    assert out.getvalue().splitlines()[-1] == (
        "6 links checked: 3 works, 1 moved permanently, 2 broken."
    )


def test_a_link_removed_since_its_check_is_forgotten_and_a_changed_one_checked_anew(server):
    publication = PublicationFactory(url=f"{server.url}/gone", pdf_url=f"{server.url}/gone")
    call_command("check_links", stdout=StringIO())
    publication.pdf_url = ""
    publication.url = f"{server.url}/live"
    publication.save()
    check_all()
    assert [(c.field, c.outcome) for c in LinkCheck.objects.all()] == [("url", "ok")]


def test_requests_are_made_a_few_at_a_time(server):
    for n in range(8):
        PublicationFactory(url=f"{server.url}/pause/{n}")
    check_all(workers=2)
    assert server.most_in_flight == 2


def test_broken_and_moved_links_are_listed_for_editors_in_the_admin(server, editor_client):
    gone = PublicationFactory(title_sv="Borta", url=f"{server.url}/gone")
    PublicationFactory(title_sv="Flyttad", url=f"{server.url}/moved")
    PublicationFactory(title_sv="Fungerar", url=f"{server.url}/live")
    empty = editor_client.get("/admin/research/publication/links/")
    assert "Inga länkar har kontrollerats ännu." in empty.content.decode()
    check_all()
    html = editor_client.get("/admin/research/publication/links/").content.decode()
    assert "Borta" in html and "Flyttad" in html and "Fungerar" not in html
    assert f"/admin/research/publication/{gone.pk}/change/" in html
    assert "<strong>Trasig</strong> (410)" in html
    listed = editor_client.get("/admin/research/publication/?lankar=problem").content.decode()
    assert "Borta" in listed and "Flyttad" in listed and "Fungerar" not in listed
    form = editor_client.get(f"/admin/research/publication/{gone.pk}/change/").content.decode()
    assert "Länk: Trasig (410)" in form


def test_the_link_report_is_for_staff_only(client, user):
    assert client.get("/admin/research/publication/links/").status_code == 302
    client.force_login(user)
    assert client.get("/admin/research/publication/links/").status_code == 302
