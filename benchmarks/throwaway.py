"""A throwaway database for a benchmark: never the site's own, so `make bench` cannot touch it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from django.db import connection


@contextlib.contextmanager
def throwaway_database(name: str, keep: bool = False, reuse: bool = False) -> Iterator[None]:
    """Django's test machinery makes a database `name` (a file in /tmp on SQLite, `<name>_<the
    configured name>` on PostgreSQL: not test_<name>, which a test run may be using) and drops
    it afterwards unless `keep` or `reuse` (measure again in a kept one)."""
    test_settings = connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        # A file, as in production, rather than Django's in-memory test database.
        test_settings["NAME"] = f"/tmp/pluginnovation-{name}.sqlite3"  # noqa: S108
    else:
        test_settings["NAME"] = f"{name.replace('-', '_')}_{connection.settings_dict['NAME']}"
    old_name = connection.settings_dict["NAME"]
    # serialize=False: serialising a kept corpus (for test rollbacks) took minutes.
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=reuse, serialize=False)
    try:
        yield
    finally:
        if not (keep or reuse):
            connection.creation.destroy_test_db(old_name, verbosity=0)
