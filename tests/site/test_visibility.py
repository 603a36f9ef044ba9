"""Drafts and articles in review are never public: the permission ladder on every kind of page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from content.models import PAGE, Status
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    PublicationFactory,
    ResearchSummaryFactory,
)

from .html import page, text

FACTORIES = {
    "method": MethodFactory,
    "publication": PublicationFactory,
    "summary": ResearchSummaryFactory,
    "casestudy": CaseStudyFactory,
    "news": ArticleFactory,
    "page": lambda **kw: ArticleFactory(kind=PAGE, **kw),
}
HIDDEN = {
    "draft": {"status": Status.DRAFT, "published_at": None},
    "review": {"status": Status.REVIEW, "published_at": None},
    "scheduled": {"status": Status.PUBLISHED, "published_at": timezone.now() + timedelta(days=3)},
}
SECRET = "Hemlig rubrik"


def hidden_article(kind: str, state: str, **extra):
    values = dict(HIDDEN[state])
    if state == "scheduled":  # computed per test, so that "later" is later than now
        values["published_at"] = timezone.now() + timedelta(days=3)
    return FACTORIES[kind](title_sv=SECRET, title_en=SECRET, tags=["delad"], **values, **extra)


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN)
@pytest.mark.parametrize("kind", FACTORIES)
def test_hidden_articles_are_404_for_anonymous_visitors_and_users_without_roles(
    client, user, kind, state
):
    article = hidden_article(kind, state)
    url = article.get_absolute_url()
    assert client.get(url).status_code == 404
    client.force_login(user)
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN)
@pytest.mark.parametrize("kind", FACTORIES)
def test_editors_and_superusers_preview_hidden_articles_with_a_banner(
    client, editor, superuser, kind, state
):
    article = hidden_article(kind, state)
    for person in (editor, superuser):
        client.force_login(person)
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        notice = page(response).find("p", **{"class": "draft-notice"})
        assert "Förhandsvisning:" in notice.text and "Bara redaktörer" in notice.text


@pytest.mark.django_db
def test_a_published_article_has_no_preview_banner_even_for_editors(editor_client):
    method = MethodFactory()
    assert not page(editor_client.get(method.get_absolute_url())).find_all(
        "p", **{"class": "draft-notice"}
    )


@pytest.mark.django_db
@pytest.mark.parametrize("state", HIDDEN)
def test_hidden_articles_appear_in_no_list_home_or_box(client, editor, state):
    # Visible things sharing a tag with the hidden ones, so every box has something to show.
    shown = {kind: factory(tags=["delad"]) for kind, factory in FACTORIES.items()}
    hidden = {kind: hidden_article(kind, state) for kind in FACTORIES}
    # Linked both ways from published articles, and summarised by a published summary.
    shown["method"].related_articles.add(hidden["casestudy"], hidden["publication"])
    shown["casestudy"].related_articles.add(hidden["method"])
    shown["summary"].publications.add(hidden["publication"])
    pages = [
        "/",
        "/en/",
        "/metoder/",
        "/forskning/",
        "/fallstudier/",
        "/aktuellt/",
        "/om/",
        "/en/methods/",
        "/en/research/",
        "/en/case-studies/",
        "/en/news/",
        "/en/about/",
    ]
    pages += [article.get_absolute_url() for article in shown.values()]
    # Even an editor's own view of the public boxes never mixes drafts into them.
    for person in (None, editor):
        if person:
            client.force_login(person)
        for path in pages:
            response = client.get(path)
            assert response.status_code == 200, path
            assert SECRET not in response.content.decode(), path
            for article in hidden.values():
                assert article.slug not in response.content.decode(), path


@pytest.mark.django_db
def test_the_published_scope_is_what_the_public_sees():
    MethodFactory(status=Status.DRAFT, published_at=None)
    MethodFactory(status=Status.REVIEW, published_at=None)
    MethodFactory(published_at=timezone.now() + timedelta(hours=1))
    visible = MethodFactory()
    from methods.models import Method

    assert list(Method.objects.published()) == [visible]


@pytest.mark.django_db
def test_an_article_that_goes_back_to_draft_disappears_again(client):
    method = MethodFactory(title_sv="Tillbaka till utkast")
    assert "Tillbaka till utkast" in text(client.get("/metoder/"))
    method.unpublish()
    method.save()
    assert "Tillbaka till utkast" not in text(client.get("/metoder/"))
    assert client.get(method.get_absolute_url()).status_code == 404
