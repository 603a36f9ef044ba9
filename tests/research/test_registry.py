"""Research declares in the registry what the rest of the site needs to know of literature:
its own year (Artikelsök's year facet and filter) and the row its cards read."""

import pytest

from content import registry
from content.models import Article, attach_card_rows
from tests.factories import MethodFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_literature_declares_its_year_of_publication_and_its_card_row():
    assert registry.own_years() == {"publication": "publication__year"}
    assert registry.card_relations("publication") == ("publication",)
    assert registry.card_relations("method") == ()
    assert registry.card_relations() == ("publication",)


def test_lists_read_a_literature_cards_row_with_the_articles(django_assert_num_queries):
    PublicationFactory(year=2005)
    MethodFactory()
    with django_assert_num_queries(1):
        articles = list(Article.objects.for_cards().order_by("pk"))
        assert articles[0].publication.year == 2005


def test_a_list_already_read_gets_its_literature_rows_in_one_query(django_assert_num_queries):
    PublicationFactory(year=2005)
    PublicationFactory(year=2009)
    MethodFactory()
    articles = list(Article.objects.order_by("pk"))
    with django_assert_num_queries(1):
        attach_card_rows(articles)
        assert [a.publication.year for a in articles[:2]] == [2005, 2009]
    methods = [a for a in articles if a.kind == "method"]
    with django_assert_num_queries(0):
        attach_card_rows(methods)
