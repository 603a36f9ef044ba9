"""Every page of the site, drawn with the real demo content, in both languages."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from casestudies.models import CaseStudy
from content.models import Article
from methods.models import Method
from research.models import Publication, ResearchSummary
from tests.db import shared_rows

from .html import page, text

pytestmark = pytest.mark.django_db


def _load_demo() -> list[Article]:
    call_command("load_demo", stdout=StringIO())
    return list(Article.objects.published())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module: its tests only read it."""
    yield from shared_rows(django_db_blocker, _load_demo)


def test_every_demo_article_has_a_page_in_both_languages_with_one_h1(client, demo):
    assert len(demo) > 10
    for article in demo:
        for language in ("sv", "en"):
            with translation.override(language):
                url = article.get_absolute_url()
            response = client.get(url)
            assert response.status_code == 200, url
            parsed = page(response)
            assert parsed.html_lang == language, url
            assert [level for level, _t in parsed.headings()].count(1) == 1, url


def test_the_demo_site_has_its_sections_filled(client, demo):
    kinds = {article.kind for article in demo}
    assert {Method.KIND, Publication.KIND, ResearchSummary.KIND, CaseStudy.KIND} <= kinds
    for path in ["/", "/en/", "/metoder/", "/forskning/", "/fallstudier/", "/aktuellt/"]:
        assert "Här finns inget ännu." not in text(client.get(path)), path
    for path in ["/om/", "/en/about/"]:
        about = client.get(path)
        assert about.context["page"] is not None, "the demo's about page has the agreed slug"
        assert about.context["other_pages"], path


def test_the_demo_case_studies_link_their_methods(client, demo):
    for case in [article for article in demo if article.kind == CaseStudy.KIND]:
        response = client.get(case.get_absolute_url())
        assert response.context["linked_articles"], case.slug
