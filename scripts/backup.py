"""Back up and restore the site's data: the database and the uploaded files (MEDIA_ROOT).

    python scripts/backup.py backup [--to DIRECTORY]    (make backup; prints what it made)
    python scripts/backup.py restore BACKUP             (make restore BACKUP=…)

A backup is one directory, pluginnovation-<UTC time>/, holding
  database.dump     PostgreSQL: pg_dump's custom format (compressed; pg_restore reads it)
  database.sqlite3  SQLite: a consistent copy made with SQLite's own backup API
  media.tar.gz      the uploaded files
  manifest.json     what the backup holds and when it was made
It is written under a temporary name and renamed when complete: a directory with the final name is
a whole backup. The database and MEDIA_ROOT are the ones the settings name (DATABASE_URL,
DJANGO_MEDIA_ROOT), as for the site itself.

Restoring replaces the configured database's contents and MEDIA_ROOT with the backup's, all or
nothing (pg_restore in one transaction), then brings the schema up to the code (`migrate`),
refreshes PostgreSQL's planner statistics and makes every cached page stale. Stop the site first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMAT = 1


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pluginnovation.settings")
    import django

    django.setup()


def _database():
    from django.db import connections

    return connections["default"]


def _libpq_environment(settings_dict: dict) -> dict:
    """pg_dump and pg_restore reach the database as the site does; the password goes in the
    environment, never on a command line that `ps` shows."""
    environment = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    return environment


def backup(target: Path) -> Path:
    from django.conf import settings

    connection = _database()
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise SystemExit(f"backups of {vendor} databases are not supported")
    target.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    final = target / f"pluginnovation-{created:%Y%m%dT%H%M%SZ}"
    if final.exists():
        raise SystemExit(f"{final} exists already")
    partial = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=target))
    try:
        if vendor == "postgresql":
            subprocess.run(  # noqa: S603 - Debian's pg_dump, fixed arguments
                ["pg_dump", "--format=custom", "--file", str(partial / "database.dump")],
                env=_libpq_environment(connection.settings_dict),
                check=True,
            )
        else:
            connection.ensure_connection()
            copy = sqlite3.connect(partial / "database.sqlite3")
            with copy:
                connection.connection.backup(copy)
            copy.close()
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(partial / "media.tar.gz", "w:gz") as archive:
            if media.is_dir():
                archive.add(media, arcname="media")
        manifest = {
            "format": FORMAT,
            "created": created.isoformat(),
            "database": vendor,
            "media_files": sum(1 for path in media.rglob("*") if path.is_file())
            if media.is_dir()
            else 0,
        }
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
        partial.chmod(0o700)  # it holds every account's data
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def restore(source: Path) -> None:
    from django.conf import settings
    from django.core.management import call_command

    manifest = json.loads((source / "manifest.json").read_text())
    if manifest.get("format") != FORMAT:
        raise SystemExit(f"{source} is not a backup this version can read")
    connection = _database()
    if manifest["database"] != connection.vendor:
        raise SystemExit(
            f"{source} holds a {manifest['database']} database; the settings name a "
            f"{connection.vendor} one"
        )
    if connection.vendor == "postgresql":
        connection.close()
        subprocess.run(  # noqa: S603 - Debian's pg_restore, fixed arguments
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--no-comments",  # an extension's comment needs its owner: not the site's role
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                connection.settings_dict["NAME"],
                str(source / "database.dump"),
            ],
            env=_libpq_environment(connection.settings_dict),
            check=True,
        )
    else:
        connection.close()
        stored = sqlite3.connect(source / "database.sqlite3")
        target = sqlite3.connect(connection.settings_dict["NAME"])
        with target:
            stored.backup(target)
        stored.close()
        target.close()

    media = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=media.parent if media.parent.exists() else None) as tmp:
        with tarfile.open(source / "media.tar.gz") as archive:
            archive.extractall(tmp, filter="data")  # nothing outside tmp, no devices
        restored = Path(tmp) / "media"
        if media.exists():
            shutil.rmtree(media)
        if restored.exists():
            shutil.move(restored, media)
        else:
            media.mkdir(parents=True)

    call_command("migrate", "--noinput", verbosity=0)  # the code may be newer than the backup
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # pg_restore brings no planner statistics
    from infra.cache import bump_content_version

    bump_content_version()  # pages cached from the data before the restore are stale


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="back up the database and the uploaded files")
    make.add_argument("--to", type=Path, default=ROOT / "backups", help="where to put it")
    back = commands.add_parser("restore", help="restore a backup made by `backup`")
    back.add_argument("backup", type=Path, help="the backup's directory")
    arguments = parser.parse_args(argv)
    _setup_django()
    if arguments.command == "backup":
        print(backup(arguments.to))
    else:
        restore(arguments.backup)
        print(f"restored {arguments.backup}")


if __name__ == "__main__":
    main(sys.argv[1:])
