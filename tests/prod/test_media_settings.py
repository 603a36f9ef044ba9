"""Where uploaded files are stored and served from, as the environment says, and the page's
policy allowing images from the site or that one storage host only."""

import json
import os
import subprocess
import sys

from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from infra.middleware import SecurityHeadersMiddleware

READ_SETTINGS = (
    "import json; from pluginnovation import settings as s; "
    "print(json.dumps({'storage': s.STORAGES['default'], 'origin': s.MEDIA_ORIGIN, "
    "'serve': s.SERVE_MEDIA}))"
)


def media_settings(**env: str) -> dict:
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", READ_SETTINGS],
        cwd=settings.BASE_DIR,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 or not result.stdout, result.stderr
    return json.loads(result.stdout) if result.returncode == 0 else {"error": result.stderr}


def test_files_go_to_the_local_media_directory_by_default_served_by_django_only_in_debug():
    local = media_settings()
    assert local["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert local["origin"] == "" and local["serve"] is False
    assert media_settings(DJANGO_DEBUG="true")["serve"] is True


def test_object_storage_is_django_storages_s3_with_its_host_as_the_media_origin():
    cdn = media_settings(
        MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="media", AWS_S3_CUSTOM_DOMAIN="media.example.se"
    )
    assert cdn["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert cdn["storage"]["OPTIONS"]["bucket_name"] == "media"
    assert cdn["storage"]["OPTIONS"]["querystring_auth"] is False
    assert cdn["origin"] == "https://media.example.se"
    endpoint = media_settings(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="media",
        AWS_S3_ENDPOINT_URL="https://s3.example.se:9000/",
    )
    assert endpoint["origin"] == "https://s3.example.se:9000"
    aws = media_settings(MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="media")
    assert aws["origin"] == "https://media.s3.amazonaws.com"


def test_a_wrong_storage_setting_fails_loudly():
    assert "MEDIA_STORAGE must be local or s3" in media_settings(MEDIA_STORAGE="ftp")["error"]
    assert "needs AWS_STORAGE_BUCKET_NAME" in media_settings(MEDIA_STORAGE="s3")["error"]


def _policy() -> dict[str, str]:
    response = SecurityHeadersMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))
    return dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )


def test_images_come_from_the_site_only_unless_a_storage_host_is_configured():
    assert _policy()["img-src"] == "'self' data:"
    with override_settings(MEDIA_ORIGIN="https://media.example.se"):
        policy = _policy()
    assert policy["img-src"] == "'self' data: https://media.example.se"
    assert policy["script-src"] == "'self'" and policy["default-src"] == "'self'"
