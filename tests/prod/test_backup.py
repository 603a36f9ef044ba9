"""`make backup` and `make restore`: a backup restored into a fresh database gives the same pages
and search results, and the uploaded files back, with no step by hand."""

import json
import os
import secrets
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from tests.factories import ArticleFactory, CaseStudyFactory, MethodFactory, MunicipalityFactory
from tests.servers import database_url_for_another_process

pytestmark = pytest.mark.django_db(transaction=True)

# Draws pages with the test client in another process, on the database DATABASE_URL names.
DRAW_PAGES = """
import hashlib, json, sys
import django
django.setup()
from django.test import Client
client = Client()
pages = {}
for path in sys.argv[1:]:
    response = client.get(path)
    pages[path] = [response.status_code, hashlib.sha256(response.content).hexdigest()]
print(json.dumps(pages))
"""


def environment(database_url: str, media_root, cache_dir) -> dict:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(cache_dir),
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_ROOT": str(media_root),
        "DJANGO_CACHE_DIR": str(cache_dir),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SETTINGS_MODULE": "pluginnovation.settings",
    }


def make(target: str, env: dict, **variables) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - make from PATH with our own targets
        ["make", "--no-print-directory", target, *(f"{k}={v}" for k, v in variables.items())],  # noqa: S607
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )


def draw(paths: list[str], env: dict) -> dict:
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", DRAW_PAGES, *paths],
        cwd=settings.BASE_DIR,
        env={**env, "DJANGO_CACHE_DIR": env["DJANGO_CACHE_DIR"] + "-draw" + uuid.uuid4().hex},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def fresh_database(tmp_path):
    """An empty database of the same kind as the test database, and its URL; dropped after."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = database_url_for_another_process(tmp_path).rsplit("/", 1)[0] + f"/{name}"
    yield url
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restored_backup_serves_the_same_pages_search_results_and_files(tmp_path, fresh_database):
    municipality = MunicipalityFactory()
    method = MethodFactory(title_sv="Mentorskap för nyanlända", tags=["mentorskap", "frånvaro"])
    method.municipalities.add(municipality)
    CaseStudyFactory(municipality=municipality, title_sv="Partille satsar på mentorer")
    ArticleFactory(title_sv="Ny statistik om gymnasiet")  # a news item
    media = tmp_path / "media"
    (media / "dokument").mkdir(parents=True)
    (media / "dokument" / "rapport.pdf").write_bytes(b"%PDF-1.4 en rapport")

    original = environment(database_url_for_another_process(tmp_path), media, tmp_path / "c1")
    made = make("backup", original, BACKUP_DIR=tmp_path / "backups")
    backup = made.stdout.strip().splitlines()[-1]
    assert os.path.basename(backup).startswith("pluginnovation-")
    manifest = json.loads(open(os.path.join(backup, "manifest.json")).read())  # noqa: SIM115
    assert manifest["database"] == connection.vendor and manifest["media_files"] == 1

    restored_media = tmp_path / "restored-media"
    restored = environment(fresh_database, restored_media, tmp_path / "c2")
    make("restore", restored, BACKUP=backup)

    search = reverse("search:results")
    pages = [
        "/",
        reverse("methods:list"),
        method.get_absolute_url(),
        reverse("casestudies:list"),
        reverse("news:list"),
        f"{search}?q=mentorskap",
        f"{search}?q=partille",
        f"{search}?q=statistik&typ=aktuellt",
        "/en/",
        "/sitemap.xml",
    ]
    before, after = draw(pages, original), draw(pages, restored)
    assert {page: status for page, (status, _digest) in before.items()} == dict.fromkeys(pages, 200)
    assert after == before
    assert (restored_media / "dokument" / "rapport.pdf").read_bytes() == b"%PDF-1.4 en rapport"


def test_restore_refuses_a_backup_of_another_kind_of_database(tmp_path):
    backup = tmp_path / "pluginnovation-x"
    backup.mkdir()
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    (backup / "manifest.json").write_text(json.dumps({"format": 1, "database": other}))
    env = environment(database_url_for_another_process(tmp_path), tmp_path / "m", tmp_path / "c")
    with pytest.raises(subprocess.CalledProcessError) as refused:
        make("restore", env, BACKUP=backup)
    assert f"holds a {other} database" in refused.value.stderr


def test_make_restore_asks_which_backup():
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    with pytest.raises(subprocess.CalledProcessError) as refused:
        make("restore", env)
    assert "make restore needs BACKUP=" in refused.value.stdout
