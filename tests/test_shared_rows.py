"""tests/db.shared_rows: rows built once for a module, each test's own writes undone after it.
(The tests run in file order: the second sees what the first wrote, if anything leaked.)"""

import pytest

from content.models import Article
from tests.db import shared_rows
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    yield from shared_rows(django_db_blocker, lambda: ArticleFactory(slug="byggd-en-gang").pk)


def test_a_test_sees_the_rows_built_for_its_module_and_may_change_them(built):
    assert Article.objects.filter(pk=built).exists()
    Article.objects.filter(pk=built).update(title_sv="Ändrad av ett test")
    ArticleFactory(slug="skriven-av-ett-test")


def test_what_the_previous_test_wrote_is_undone_and_the_built_rows_are_as_built(built):
    assert Article.objects.get(pk=built).title_sv != "Ändrad av ett test"
    assert not Article.objects.filter(slug="skriven-av-ett-test").exists()
    assert Article.objects.count() == 1
