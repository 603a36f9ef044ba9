"""Sökhjälp's examples really find something in the demo content."""

import io

import pytest
from django.core.management import call_command

from search.api import run_search
from search.views import HELP_EXAMPLES
from tests.db import shared_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module: its tests only search it."""
    yield from shared_rows(
        django_db_blocker, lambda: call_command("load_demo", stdout=io.StringIO())
    )


@pytest.mark.parametrize("example", [example for example, _explanation in HELP_EXAMPLES])
def test_each_help_example_finds_demo_articles(demo, example):
    assert run_search({"q": example}).exists(), example


def test_the_exclusion_example_leaves_articles_out(demo):
    example = next(e for e, _x in HELP_EXAMPLES if " -" in e)
    included = example.split(" -")[0]
    assert run_search({"q": example}).count() < run_search({"q": included}).count()


def test_the_help_page_links_to_each_example(client):
    body = client.get("/sok/hjalp/").content.decode()
    for example, _explanation in HELP_EXAMPLES:
        assert f"<code>{example.replace(chr(34), '&quot;')}</code>" in body
