"""The site as it runs in production: gunicorn (gunicorn.conf.py) behind nginx (deploy/nginx.conf),
with Redis, all real processes on 127.0.0.1. Visitors connect from different loopback addresses
(127.0.0.2, 127.0.0.3…), so nginx sees each at an address of its own, as it would on the Internet.
"""

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.accounts.factories import VerifiedUserFactory
from tests.servers import (
    Gunicorn,
    HttpClient,
    Nginx,
    collect_static,
    database_url_for_another_process,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "Lila-kaffekopp-1987"
ATTACKER, OWNER, OTHER = "127.0.0.2", "127.0.0.3", "127.0.0.4"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    return collect_static(tmp_path_factory.mktemp("static"))


@pytest.fixture
def start_site(tmp_path, static_root):
    """start_site(**environment) -> (gunicorn, nginx): the site as it is now in the test
    database (on SQLite, a copy taken at the start)."""
    started = []

    def start(with_nginx=True, **environment):
        directory = tmp_path / f"site{len(started)}"
        (directory / "media").mkdir(parents=True)
        app = Gunicorn(
            directory,
            database_url_for_another_process(directory),
            static_root,
            TRUSTED_PROXIES=1 if with_nginx else 0,
            **environment,
        ).start()
        started.append(app)
        if not with_nginx:
            return app, None
        proxy = Nginx(directory, app.address, static_root, directory / "media").start()
        started.append(proxy)
        return app, proxy

    yield start
    for server in reversed(started):
        server.stop()


def visitor(proxy, source=None) -> HttpClient:
    return HttpClient("127.0.0.1", proxy.port, source=source)


def log_in(client: HttpClient, email: str, password: str):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_through_nginx_a_lockout_counts_the_attackers_own_address_so_the_owner_still_logs_in(
    start_site,
):
    owner = VerifiedUserFactory(email="agare@example.se", password=PASSWORD)
    _app, proxy = start_site()
    attacker = visitor(proxy, ATTACKER)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        # The attacker also claims to be the owner's address: nginx appends the real one.
        response = attacker.post(
            reverse("account_login"),
            {"login": owner.email, "password": "fel-losenord-igen"},
            headers={"X-Forwarded-For": OWNER},
        )
        assert response.status in (200, 429)
    assert log_in(attacker, owner.email, PASSWORD).status == 429  # locked, even when right

    owners_browser = visitor(proxy, OWNER)
    response = log_in(owners_browser, owner.email, PASSWORD)
    assert response.status == 302, response.text[:500]
    assert owners_browser.get(reverse("accounts:dashboard")).status == 200


def test_through_nginx_the_contact_form_limit_counts_each_visitor_by_their_own_address(
    start_site,
):
    _app, proxy = start_site()
    message = {"name": "A", "email": "a@example.se", "subject": "Hej", "message": "Ett meddelande"}
    spammer = visitor(proxy, ATTACKER)
    allowed = int(settings.RATE_LIMITS["contact"][0].split("/")[0])
    statuses = [spammer.post(reverse("contact"), message).status for _ in range(allowed + 2)]
    assert statuses == [302] * allowed + [429, 429]
    # Someone else, behind the same nginx, is not refused for it.
    assert visitor(proxy, OTHER).post(reverse("contact"), message).status == 302


def test_nginx_serves_the_static_files_itself_and_refuses_what_the_site_never_takes(start_site):
    app, proxy = start_site()
    client = visitor(proxy)
    page = client.get("/")
    assert page.status == 200
    stylesheet = next(
        part.split('"')[0] for part in page.text.split('href="') if part.startswith("/static/css/")
    )
    response = client.get(stylesheet, headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"  # the file whitenoise compressed
    assert "immutable" in response.headers["Cache-Control"]  # its name holds its hash
    served_by_app = [
        json.loads(line)["path"] for line in app.log_lines() if '"gunicorn.access"' in line
    ]
    assert stylesheet not in served_by_app

    # An unknown host name never reaches the app: nginx closes the connection.
    with pytest.raises((ConnectionError, OSError)):
        HttpClient("127.0.0.1", proxy.port, hostname="evil.example").get("/")
    # A body over the limit is refused before the app sees it.
    too_big = b"x" * (31 * 1024 * 1024)
    response = client.request(
        "POST", reverse("contact"), body=too_big, headers={"Content-Type": "text/plain"}
    )
    assert response.status == 413


def _slow_clients(port: int, count: int, stop: threading.Event) -> list[socket.socket]:
    """`count` connections that dawdle, a few bytes a second and never done: half in their
    request's header, half in a form's body (which the app reads in a worker thread)."""
    starts = [
        b"GET /health/ HTTP/1.1\r\nHost: localhost\r\n",
        b"POST /kontakt/ HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n",
    ]
    trickles = [b"X-Slow: 1\r\n", b"a=b&"]
    sockets = []
    for number in range(count):
        conn = socket.create_connection(("127.0.0.1", port), timeout=5)
        conn.sendall(starts[number % 2])
        sockets.append((conn, trickles[number % 2]))

    def trickle():
        while not stop.wait(1):
            for conn, more in sockets:
                with contextlib.suppress(OSError):
                    conn.sendall(more)

    threading.Thread(target=trickle, daemon=True).start()
    return [conn for conn, _more in sockets]


def _health_answers_within(port: int, seconds: float) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=seconds) as conn:
            conn.settimeout(seconds)
            conn.sendall(b"GET /health/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            return conn.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:  # a timeout included
        return False


def _health_while_slow_clients_hold(port: int, clients: int, checks: int) -> list[bool]:
    """Whether /health/ answers within 3 s, asked `checks` times 5 s apart while `clients`
    slow clients hold connections (the first after 2 s; gunicorn gives a new connection 5 s
    to send something before it lets go of its thread)."""
    stop = threading.Event()
    held = _slow_clients(port, clients, stop)
    answers = []
    try:
        time.sleep(2)
        for _ in range(checks):
            answers.append(_health_answers_within(port, 3))
            time.sleep(2)
    finally:
        stop.set()
        for conn in held:
            conn.close()
    return answers


def test_slow_clients_starve_gunicorn_alone_but_not_the_site_behind_nginx(start_site):
    # One worker: with several, the kernel may hand every slow client to one of them and
    # leave another idle, and whether gunicorn alone is starved would be luck.
    app, proxy = start_site(WEB_CONCURRENCY=1)
    clients = 10 * int(app.environment["GUNICORN_THREADS"])
    assert _health_while_slow_clients_hold(proxy.port, clients, checks=3) == [True] * 3
    # The same clients straight at gunicorn hold its threads: why nginx is in front of it.
    assert _health_while_slow_clients_hold(app.port, clients, checks=1) == [False]
    wait_until(lambda: _health_answers_within(app.port, 2), what="gunicorn to recover")


def test_with_redis_down_pages_are_served_health_reports_it_and_the_site_recovers(
    start_site, redis_server
):
    from tests.factories import MethodFactory

    method = MethodFactory(title_sv="Mentorskap")
    _app, proxy = start_site(REDIS_URL=redis_server.url)
    client = visitor(proxy)
    pages = ["/", reverse("methods:list"), method.get_absolute_url(), reverse("search:results")]
    assert all(client.get(page).status == 200 for page in pages)
    assert client.get("/health/").status == 200

    redis_server.stop()
    statuses = {page: client.get(page).status for page in pages}
    assert statuses == dict.fromkeys(pages, 200)
    health = client.get("/health/")
    assert health.status == 200  # the site still serves: the load balancer keeps it
    report = json.loads(health.body)
    assert report["status"] == "degraded"
    assert report["cache"]["ok"] is False and report["database"]["ok"] is True
    message = {"name": "A", "email": "a@example.se", "subject": "Hej", "message": "Ett meddelande"}
    assert client.post(reverse("contact"), message).status == 302  # limits counted locally
    assert log_in(client, "nobody@example.se", "fel-losenord-igen").status == 200

    redis_server.start()
    wait_until(lambda: json.loads(client.get("/health/").body)["status"] == "ok", what="recovery")
    assert all(client.get(page).status == 200 for page in pages)


@pytest.mark.parametrize("store", ["host", "redis"])
def test_rate_limits_hold_across_two_app_processes(start_site, tmp_path, request, store):
    """Two gunicorn instances (two hosts, or two workers) sharing the store: requests sent to
    them in turn are counted together."""
    environment = {"DJANGO_CACHE_DIR": tmp_path / "shared-cache"}
    if store == "redis":
        environment["REDIS_URL"] = request.getfixturevalue("redis_server").url
    first, _ = start_site(with_nginx=False, **environment)
    second, _ = start_site(with_nginx=False, **environment)
    clients = [HttpClient("127.0.0.1", first.port), HttpClient("127.0.0.1", second.port)]
    message = {"name": "A", "email": "a@example.se", "subject": "Hej", "message": "Ett meddelande"}
    allowed = int(settings.RATE_LIMITS["contact"][0].split("/")[0])
    statuses = [
        clients[attempt % 2].post(reverse("contact"), message).status
        for attempt in range(allowed + 2)
    ]
    assert statuses == [302] * allowed + [429, 429]


def test_each_gunicorn_instance_has_its_own_control_socket_and_logs_json_lines(
    tmp_path, static_root
):
    runtime = Path(tempfile.mkdtemp(prefix="run-"))  # short: a socket's path has a length limit
    url = database_url_for_another_process(tmp_path)
    apps = []
    try:
        for number in range(2):
            app = Gunicorn(tmp_path / f"app{number}", url, static_root, XDG_RUNTIME_DIR=runtime)
            app.directory.mkdir()
            del app.environment["GUNICORN_CONTROL_SOCKET"]  # the default path, per instance
            apps.append(app.start())
        sockets = sorted(runtime.glob("*.ctl"))
        assert [socket_.name for socket_ in sockets] == sorted(
            f"pluginnovation-127.0.0.1-{app.port}.ctl" for app in apps
        )
        workers = []
        for app in apps:
            shown = subprocess.run(  # noqa: S603 - gunicorn's own control client
                [
                    str(Path(sys.executable).with_name("gunicornc")),
                    "-s",
                    str(runtime / f"pluginnovation-127.0.0.1-{app.port}.ctl"),
                    "-c",
                    "show workers",
                    "-j",
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            workers.append({worker["pid"] for worker in json.loads(shown.stdout)["workers"]})
        assert all(workers) and not workers[0] & workers[1]  # each socket reaches its own

        for app in apps:
            HttpClient("127.0.0.1", app.port).get("/")
            # The access line is written once the answer has gone.
            wait_until(lambda app=app: '"path": "/",' in app.log.read_text(), what="access log")
            entries = [json.loads(line) for line in app.log_lines()]  # every line is JSON
            own = [entry for entry in entries if entry["logger"].startswith("gunicorn.")]
            assert {entry["instance"] for entry in own} == {f"pluginnovation@{app.address}"}
            [home] = [entry for entry in own if entry.get("path") == "/"]
            assert (home["logger"], home["method"], home["status"]) == (
                "gunicorn.access",
                "GET",
                "200",
            )
    finally:
        for app in apps:
            app.stop()
        shutil.rmtree(runtime, ignore_errors=True)
