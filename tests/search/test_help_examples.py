"""Sökhjälp's examples really find something in the demo content."""

import io

import pytest
from django.core.management import call_command, get_commands

from search.api import run_search
from search.views import HELP_EXAMPLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    if "load_demo" not in get_commands():
        pytest.skip("load_demo is not there yet")
    call_command("load_demo", stdout=io.StringIO())


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
