"""The site is never served with the development secret key, which anyone can read here."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

LOAD_THE_APP = "import pluginnovation.wsgi"


def _serve(**env: str) -> subprocess.CompletedProcess:
    """Load the WSGI app as gunicorn does, in a fresh process with only `env` set."""
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", LOAD_THE_APP],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_app_refuses_to_serve_with_the_development_key():
    refused = _serve(DJANGO_DEBUG="false")
    assert refused.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in refused.stderr


def test_the_app_serves_with_a_key_of_its_own_or_in_debug():
    assert _serve(DJANGO_DEBUG="false", DJANGO_SECRET_KEY=secrets.token_urlsafe(64)).returncode == 0
    assert _serve(DJANGO_DEBUG="true").returncode == 0


def test_make_serve_asks_for_the_key_before_anything_else():
    result = subprocess.run(  # noqa: S603 - make from PATH with a fixed target
        ["make", "--no-print-directory", "serve"],  # noqa: S607
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "make serve needs DJANGO_SECRET_KEY" in result.stdout
