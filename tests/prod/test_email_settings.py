"""The e-mail backend is chosen by the environment; the file backend writes where it is told."""

import os
import subprocess
import sys

from django.conf import settings

SEND_ONE = """
import django
django.setup()
from django.core.mail import send_mail
send_mail("Ämne", "Hej!", None, ["anna@example.se"])
"""


def _send(**env: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", SEND_ONE],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "DJANGO_SETTINGS_MODULE": "pluginnovation.settings",
            "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_file_backend_writes_each_mail_into_email_file_path(tmp_path):
    result = _send(EMAIL_FILE_PATH=str(tmp_path))
    assert result.returncode == 0, result.stderr
    [written] = list(tmp_path.iterdir())
    assert "To: anna@example.se" in written.read_text()


def test_the_file_backend_without_a_directory_fails_at_start_saying_what_is_missing():
    result = _send()
    assert result.returncode != 0
    assert "EMAIL_FILE_PATH" in result.stderr
