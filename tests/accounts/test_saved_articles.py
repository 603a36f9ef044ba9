import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import SavedArticle
from content.models import Status
from tests.factories import ArticleFactory, MethodFactory

from .factories import SavedArticleFactory
from .helpers import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_user_saves_an_article_from_its_page_and_finds_it_in_my_pages(
    member_client, member, language
):
    method = MethodFactory(title_sv="Utökat mentorskap", title_en="Extended mentoring")
    page = member_client.get(url("methods:detail", language, slug=method.slug))
    save_url = url("accounts:save_article", language, article_id=method.pk)
    assert save_url in page.content.decode()

    response = member_client.post(save_url, {"next": method.get_absolute_url()})
    assert response.status_code == 302
    assert response["Location"] == method.get_absolute_url()
    assert SavedArticle.objects.filter(user=member, article=method).exists()

    dashboard = member_client.get(url("accounts:dashboard", language)).content.decode()
    title = "Utökat mentorskap" if language == "sv" else "Extended mentoring"
    assert title in dashboard
    assert url("accounts:unsave_article", language, article_id=method.pk) in dashboard


def test_saving_twice_keeps_one_saved_article(member_client, member):
    article = ArticleFactory()
    for _ in range(2):
        member_client.post(url("accounts:save_article", article_id=article.pk))
    assert SavedArticle.objects.filter(user=member).count() == 1


def test_a_user_removes_a_saved_article(member_client, member):
    saved = SavedArticleFactory(user=member)
    response = member_client.post(url("accounts:unsave_article", article_id=saved.article_id))
    assert response.status_code == 302
    assert not SavedArticle.objects.filter(pk=saved.pk).exists()


def test_saving_takes_a_post(member_client):
    article = ArticleFactory()
    assert member_client.get(url("accounts:save_article", article_id=article.pk)).status_code == 405


def test_a_draft_cannot_be_saved_by_a_user_who_cannot_see_it(member_client):
    draft = ArticleFactory(status=Status.DRAFT, published_at=None)
    response = member_client.post(url("accounts:save_article", article_id=draft.pk))
    assert response.status_code == 404


def test_an_unsafe_next_address_is_ignored(member_client):
    article = ArticleFactory()
    response = member_client.post(
        url("accounts:save_article", article_id=article.pk), {"next": "https://evil.example/"}
    )
    assert response["Location"] == article.get_absolute_url()


def test_anonymous_visitors_see_a_login_link_instead_of_the_button(client):
    article = ArticleFactory()
    page = client.get(article.get_absolute_url()).content.decode()
    assert url("accounts:save_article", article_id=article.pk) not in page
    assert f"{url('account_login')}?next=" in page
    assert "Logga in för att spara" in page


def test_anonymous_saving_is_sent_to_the_login_page(client):
    article = ArticleFactory()
    response = client.post(url("accounts:save_article", article_id=article.pk))
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login"))
    assert not SavedArticle.objects.exists()


def test_the_saved_state_costs_one_query_however_many_cards_a_page_shows(member_client, member):
    def queries_for(count: int) -> int:
        SavedArticle.objects.all().delete()
        for article in ArticleFactory.create_batch(count):
            SavedArticleFactory(user=member, article=article)
        with CaptureQueriesContext(connection) as context:
            page = member_client.get(url("news:list"))
        assert page.content.decode().count("is-saved") == min(SavedArticle.objects.count(), 12)
        return len(context.captured_queries)

    few = queries_for(2)
    many = queries_for(10)
    assert many == few


def test_every_search_result_has_a_save_button_and_the_search_can_be_saved(member_client, member):
    saved = ArticleFactory(title_sv="Mentorskap i Partille")
    other = ArticleFactory(title_sv="Mentorskap i Lerum")
    SavedArticleFactory(user=member, article=saved)
    page = member_client.get(url("search:results"), {"q": "mentorskap"}).content.decode()
    assert url("accounts:unsave_article", article_id=saved.pk) in page
    assert url("accounts:save_article", article_id=other.pk) in page
    assert url("accounts:saved_search_new") + "?url=" in page


@pytest.mark.parametrize("path_name", ["home", "news:list", "search:results"])
def test_anonymous_visitors_are_invited_to_log_in_once_a_page_not_on_every_card(
    client, member, path_name
):
    articles = ArticleFactory.create_batch(5, title_sv="Mentorskap i skolan")
    query = {"q": "mentorskap"} if path_name == "search:results" else {}
    anonymous = client.get(url(path_name), query).content.decode()
    assert anonymous.count("Logga in för att spara") == 1
    assert anonymous.count('class="save-article"') == 0
    # Signed in, every card has its own save button instead.
    client.force_login(member)
    signed_in = client.get(url(path_name), query).content.decode()
    assert "Logga in för att spara" not in signed_in
    for article in articles:
        assert url("accounts:save_article", article_id=article.pk) in signed_in
