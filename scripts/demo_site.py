"""The site as production serves it, on loopback, for the front-end checks (validate_html.py,
lighthouse.py): demo content, the shipped statistics and a signed-in visitor in a throwaway
SQLite database, served by `make serve` (gunicorn, whitenoise's hashed and compressed static
files, production settings) on a free 127.0.0.1 port, stopped on exit.

    with DemoSite() as site:
        site.url, site.pages(signed_in=False), site.session_cookie
"""

import argparse
import gzip
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "scripts" / "node"
LANGUAGES = ("sv", "en")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def node_tool(path: str) -> Path:
    """A file of the pinned node packages (scripts/node/package-lock.json), installed on first use."""
    tool = NODE_DIR / "node_modules" / path
    lock = NODE_DIR / "package-lock.json"
    stamp = NODE_DIR / "node_modules" / ".package-lock.json"
    if not tool.exists() or not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        print("== npm ci (scripts/node)", flush=True)
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=NODE_DIR, check=True
        )
    return tool


@dataclass
class Page:
    label: str
    language: str
    path: str
    signed_in: bool

    @property
    def name(self) -> str:
        """A file name for the page: sv-home, en-method-signed-in…"""
        slug = "-".join(self.label.split())
        return f"{self.language}-{slug}{'-signed-in' if self.signed_in else ''}"


class DemoSite:
    def __init__(self, workers: int = 2):
        self.workers = workers
        self.directory = Path(tempfile.mkdtemp(prefix="pluginnovation-checks-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
            "DATABASE_URL": f"sqlite:///{self.directory / 'db.sqlite3'}",
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # Plain http on loopback: production has TLS in front.
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DJANGO_BEHIND_PROXY": "false",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_STATIC_MANIFEST": "true",
            "DJANGO_CACHE_DIR": str(self.directory / "cache"),
            "DJANGO_LOG_FORMAT": "text",
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_THREADS": "4",
        }
        self.process: subprocess.Popen | None = None
        self._pages: list[Page] = []
        self.session_cookie = ""

    def __enter__(self) -> "DemoSite":
        # Stopped from outside (CI's timeout, kill): still stop the server and remove the files.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            self._prepare()
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        shutil.rmtree(self.directory, ignore_errors=True)

    def _prepare(self) -> None:
        """Content, statistics and a signed-in visitor, written in this process (Django set up
        with the server's environment), then the list of pages to check."""
        os.environ.update(self.env)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pluginnovation.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connections
        from django.test import Client

        from tests.e2e.content import (
            account_page_types,
            demo_content,
            demo_visitor,
            page_states,
            page_types,
            url_in,
        )

        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo", verbosity=0)
        call_command("import_kolada", shipped=True, verbosity=0)
        content = demo_content()
        client = Client()
        client.force_login(demo_visitor(content))
        self.session_cookie = client.cookies["sessionid"].value
        public = [(*t, "") for t in page_types(content)] + page_states(content)
        private = [(*t, "") for t in account_page_types(content)]
        for language in LANGUAGES:
            for signed_in, types in ((False, public), (True, public + private)):
                for label, name, kwargs, query in types:
                    path = url_in(language, name, kwargs)
                    if path is not None:
                        self._pages.append(Page(label, language, path + query, signed_in))
                missing = "/en/no-such-page/" if language == "en" else "/ingen-sadan-sida/"
                self._pages.append(Page("not found", language, missing, signed_in))
        connections.close_all()

    def _start(self, seconds: float = 120) -> None:
        log = self.directory / "serve.log"
        with open(log, "wb") as output:
            self.process = subprocess.Popen(
                ["make", "--no-print-directory", "serve"],
                cwd=ROOT,
                env=self.env,
                start_new_session=True,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("make serve stopped before it answered:\n" + log.read_text()[-3000:])
            try:
                with urllib.request.urlopen(f"{self.url}/health/", timeout=2) as response:  # noqa: S310 - loopback
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        sys.exit("make serve did not answer in time")

    def pages(self, *, signed_in: bool | None = None) -> list[Page]:
        return [p for p in self._pages if signed_in is None or p.signed_in == signed_in]

    def get(self, page: Page) -> tuple[int, bytes]:
        """The page as a browser asking for compressed text gets it (decompressed here)."""
        request = urllib.request.Request(self.url + page.path)  # noqa: S310 - loopback http
        request.add_header("Accept-Encoding", "gzip")
        if page.signed_in:
            request.add_header("Cookie", f"sessionid={self.session_cookie}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                status, headers, body = response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, error.read()
        if headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return status, body


def run_check(
    description: str, check: Callable[["DemoSite", Path], bool], keep_help: str, missing: str | None
) -> int:
    """The command line of one check script: --keep DIR keeps what the check saves; the
    check runs against a fresh demo site; exit status 0 when it passed. `missing` says what
    the machine lacks for the check, if anything."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--keep", type=Path, help=keep_help)
    args = parser.parse_args()
    if missing:
        sys.exit(missing)
    out = args.keep or Path(tempfile.mkdtemp(prefix="pluginnovation-check-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        with DemoSite() as site:
            ok = check(site, out)
    finally:
        if not args.keep:
            shutil.rmtree(out, ignore_errors=True)
    return 0 if ok else 1
