"""Real servers for the tests: redis-server, the site under gunicorn, and nginx in front of it.

Each listens on 127.0.0.1 on a port chosen when it starts and is stopped by the test (or fixture)
that started it. Without Debian's package a test that needs it is skipped on a developer's
machine and fails in CI (CI=true), where .ci/run installs redis-server and nginx.
"""

from __future__ import annotations

import getpass
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

NGINX_CONFIG = settings.BASE_DIR / "deploy" / "nginx.conf"


def require(program: str) -> str:
    path = shutil.which(program) or next(
        (str(p) for p in (Path("/usr/sbin") / program, Path("/usr/bin") / program) if p.exists()),
        None,
    )
    if path:
        return path
    message = f"{program} is not installed (apt-get install {program}; .ci/run installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(check: Callable[[], bool], timeout: float = 30, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"gave up waiting for {what or check}")


def _stop(process: subprocess.Popen | None, sig: int = signal.SIGTERM) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(sig)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class RedisServer:
    """redis-server without persistence; stop() and start() again keep its port (an outage)."""

    def __init__(self, directory: Path):
        self.binary = require("redis-server")
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _answers(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(  # noqa: S603 - Debian's redis-server, fixed arguments
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, what="redis-server")
        return self

    def stop(self) -> None:
        _stop(self.process)

    def redis_caches(self) -> dict:
        """settings.CACHES as REDIS_URL makes them, on this server."""
        resilient = "infra.rediscache.ResilientRedisCache"
        options = dict(settings.REDIS_OPTIONS)
        return {
            **settings.CACHES,
            **{
                alias: {
                    **settings.CACHES[alias],
                    "BACKEND": resilient,
                    "LOCATION": self.url,
                    "OPTIONS": options,
                }
                for alias in ("default", "shared")
            },
            "ratelimit": {
                **settings.CACHES["ratelimit"],
                "LOCATION": self.url,
                "OPTIONS": {
                    "SHARED_BACKEND": "django.core.cache.backends.redis.RedisCache",
                    **options,
                },
            },
        }


def database_url_for_another_process(directory: Path) -> str:
    """The test database as another process can reach it. PostgreSQL: the test database itself
    (committed rows only: use transactional tests). SQLite's test database lives in this
    process's memory: a copy of it, taken now, in `directory`."""
    data = connection.settings_dict
    if connection.vendor == "postgresql":
        user = urllib.parse.quote(data["USER"], safe="")
        password = urllib.parse.quote(data["PASSWORD"], safe="")
        return f"postgres://{user}:{password}@{data['HOST']}:{data['PORT'] or 5432}/{data['NAME']}"
    import sqlite3

    copy = directory / "site.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(copy)
    with target:
        connection.connection.backup(target)
    target.close()
    return f"sqlite:///{copy}"


def collect_static(directory: Path) -> Path:
    """collectstatic as `make serve` runs it (hashed, compressed names) into `directory`."""
    subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_STATIC_ROOT": str(directory), "DJANGO_STATIC_MANIFEST": "true"},
        check=True,
    )
    return directory


class Gunicorn:
    """The site as `make serve` runs it (gunicorn.conf.py, production settings), in a subprocess."""

    def __init__(self, directory: Path, database_url: str, static_root: Path, **environment):
        self.directory = directory
        self.port = free_port()
        # A unix socket's path must stay short; pytest's temporary paths can be too long.
        self.socket_dir = Path(tempfile.mkdtemp(prefix="gunicorn-"))
        self.control_socket = self.socket_dir / "control.ctl"
        self.log = directory / f"gunicorn-{self.port}.log"
        self.environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(directory),
            "DJANGO_SETTINGS_MODULE": "tests.live_settings",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_DEBUG": "false",
            "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_STATIC_MANIFEST": "true",
            "DJANGO_STATIC_ROOT": str(static_root),
            "DJANGO_CACHE_DIR": str(directory / "cache"),
            "DATABASE_URL": database_url,
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_THREADS": "4",
            "GUNICORN_CONTROL_SOCKET": str(self.control_socket),
            "GUNICORN_ACCESS_LOG": "-",
            "TEST_PASSWORD_HASHERS": ",".join(settings.PASSWORD_HASHERS),
            **{key: str(value) for key, value in environment.items()},
        }
        self.process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> Gunicorn:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - the venv's gunicorn, our config
                [str(Path(sys.executable).with_name("gunicorn")), "--config", "gunicorn.conf.py"],
                cwd=settings.BASE_DIR,
                env=self.environment,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_until(
            lambda: HttpClient("127.0.0.1", self.port).get("/health/").status in (200, 503),
            timeout=60,
            what=f"gunicorn on {self.address}",
        )
        return self

    def stop(self) -> None:
        _stop(self.process)
        shutil.rmtree(self.socket_dir, ignore_errors=True)

    def log_lines(self) -> list[str]:
        return self.log.read_text(errors="replace").splitlines()


class Nginx:
    """nginx with the repo's deploy/nginx.conf, only its CHANGE lines changed."""

    def __init__(self, directory: Path, upstream: str, static_root: Path, media_root: Path):
        self.binary = require("nginx")
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        site = NGINX_CONFIG.read_text()
        for pattern, replacement in [
            (r"server 127\.0\.0\.1:8000;", f"server {upstream};"),
            (r"listen 80 default_server;", f"listen 127.0.0.1:{self.port} default_server;"),
            (r"listen 80;", f"listen 127.0.0.1:{self.port};"),
            (r"server_name pluginnovation\.se www\.pluginnovation\.se;", "server_name localhost;"),
            (r"alias /srv/pluginnovation/staticfiles/;", f"alias {static_root}/;"),
            (r"alias /srv/pluginnovation/media/;", f"alias {media_root}/;"),
        ]:
            site, count = re.subn(pattern, replacement, site)
            assert count == 1, f"deploy/nginx.conf no longer has exactly one {pattern!r}"
        (directory / "site.conf").write_text(site)
        (directory / "nginx.conf").write_text(
            f"""
daemon off;
user {getpass.getuser()};
worker_processes 1;
pid {directory}/nginx.pid;
error_log {directory}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {directory}/access.log;
    client_body_temp_path {directory}/client_body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {directory}/site.conf;
}}
"""
        )

    def start(self) -> Nginx:
        self.process = subprocess.Popen(  # noqa: S603 - Debian's nginx, our generated config
            [self.binary, "-p", str(self.directory), "-c", str(self.directory / "nginx.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(
            lambda: socket.create_connection(("127.0.0.1", self.port), timeout=1).close() or True,
            what="nginx",
        )
        return self

    def stop(self) -> None:
        _stop(self.process, signal.SIGQUIT)  # nginx's graceful stop


class Response:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")


class HttpClient:
    """A visitor: keeps its cookies (Secure ones too, over plain http) and posts forms with their
    CSRF token. `source` is the loopback address it connects from (127.0.0.2, 127.0.0.3…), so
    that nginx sees visitors at different addresses."""

    def __init__(self, host: str, port: int, source: str | None = None, hostname="localhost"):
        self.host, self.port, self.source, self.hostname = host, port, source, hostname
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> Response:
        conn = http.client.HTTPConnection(
            self.host,
            self.port,
            timeout=30,
            source_address=(self.source, 0) if self.source else None,
        )
        all_headers = {"Host": self.hostname, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=all_headers)
            raw = conn.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response

    def get(self, path: str, headers: dict | None = None) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data: dict, headers: dict | None = None) -> Response:
        if "csrftoken" not in self.cookies:
            self.get(path)
        body = urllib.parse.urlencode(
            {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        ).encode()
        return self.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", **(headers or {})},
        )
