"""Rows made once for all the tests of a module (or class) that only read them."""

from collections.abc import Callable, Iterator
from typing import TypeVar

from django.db import transaction

T = TypeVar("T")


def shared_rows(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """For a module-scoped fixture: `yield from shared_rows(django_db_blocker, build)`.

    build() runs once in a transaction that is rolled back after the module's last test. Each
    test (marked django_db, not transactional) runs in a savepoint inside it, so whatever a test
    writes is undone after it and the next one sees the rows as built.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            atomic.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
