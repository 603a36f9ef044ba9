"""Artikelsök's index and ranking, on whichever database the suite runs (SQLite or PostgreSQL)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from content.models import Article, Status, TagName
from search.api import rebuild_index, run_search
from tests.factories import ArticleFactory, CaseStudyFactory, MethodFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(query: str, **params) -> list[str]:
    return [article.slug for article in run_search({"q": query, **params})]


def test_swedish_words_are_found_in_their_other_forms():
    ArticleFactory(slug="skolor", title_sv="Skolor i samverkan", body_sv="", summary_sv="")
    assert found("skola") == ["skolor"]
    assert found("skolorna") == ["skolor"]


def test_english_words_are_found_in_their_other_forms():
    ArticleFactory(slug="schools", title_en="Schools working together", body_en="", summary_en="")
    assert found("school") == ["schools"]
    assert found("works") == ["schools"]


def test_a_compound_is_found_by_its_first_part():
    MethodFactory(slug="mentorskap", title_sv="Utökat mentorskap", body_sv="")
    assert found("mentor") == ["mentorskap"]


def test_a_phrase_needs_its_words_together_and_in_order():
    ArticleFactory(slug="together", body_sv="Motiverande samtal med eleven.")
    ArticleFactory(slug="apart", body_sv="Samtal som är motiverande för eleven.")
    assert found('"motiverande samtal"') == ["together"]
    assert sorted(found("motiverande samtal")) == ["apart", "together"]


def test_a_minus_excludes_articles_with_the_word():
    ArticleFactory(slug="with", body_sv="Mentorskap och frånvaro.")
    ArticleFactory(slug="without", body_sv="Mentorskap och studiestöd.")
    assert found("mentorskap -frånvaro") == ["without"]
    assert "with" not in found("-frånvaro")


def test_or_finds_either_word():
    ArticleFactory(slug="a", body_sv="Coachning av elever.")
    ArticleFactory(slug="b", body_sv="Studiestöd för elever.")
    ArticleFactory(slug="c", body_sv="Något helt annat.")
    assert sorted(found("coachning OR studiestöd")) == ["a", "b"]


def test_a_title_hit_ranks_above_a_tag_or_summary_hit_above_a_body_hit():
    filler = "Texten handlar om annat. " * 5
    ArticleFactory(slug="body", title_sv="Ett", summary_sv="Kort.", body_sv=f"{filler} Lärlingar.")
    ArticleFactory(slug="summary", title_sv="Två", summary_sv="Om lärlingar.", body_sv=filler)
    ArticleFactory(slug="tag", title_sv="Tre", summary_sv="Kort.", body_sv=filler, tags=["lärling"])
    ArticleFactory(slug="title", title_sv="Lärlingar", summary_sv="Kort.", body_sv=filler)
    ranking = found("lärling")
    assert ranking[0] == "title"
    assert set(ranking[1:3]) == {"summary", "tag"}
    assert ranking[3] == "body"


def test_drafts_articles_in_review_and_future_articles_are_never_found():
    ArticleFactory(slug="draft", title_sv="Hemlig plan", status=Status.DRAFT, published_at=None)
    ArticleFactory(slug="review", title_sv="Hemlig plan", status=Status.REVIEW, published_at=None)
    ArticleFactory(
        slug="future",
        title_sv="Hemlig plan",
        published_at=timezone.now() + timezone.timedelta(days=3),
    )
    assert found("hemlig") == []
    assert found("") == []


def test_the_index_follows_an_edit():
    article = ArticleFactory(title_sv="Gammal rubrik", body_sv="")
    article.title_sv = "Ny rubrik om lärlingar"
    article.save()
    assert found("lärlingar") == [article.slug]
    assert found("gammal") == []


def test_the_index_follows_tag_changes():
    article = MethodFactory(body_sv="")
    article.tags.add("Språkintroduktion")
    assert found("språkintroduktion") == [article.slug]
    article.tags.remove("Språkintroduktion")
    assert found("språkintroduktion") == []
    article.tags.add("Lärmiljö")
    article.tags.clear()
    assert found("lärmiljö") == []


def test_a_tag_is_found_by_its_english_name_and_the_index_follows_its_names():
    article = MethodFactory(body_sv="", body_en="", summary_sv="", summary_en="")
    article.tags.add("Lärlingsutbildning")
    tag = Tag.objects.get(name="Lärlingsutbildning")
    name = TagName.objects.create(tag=tag, name="Apprenticeship")
    assert found("apprenticeships") == [article.slug]  # stemmed as English
    name.name = "Work-based learning"
    name.save()
    assert found("apprenticeship") == []
    assert found("learning") == [article.slug]
    name.delete()
    assert found("learning") == []
    tag.name = "Lärlingsprogram"
    tag.save()
    assert found("lärlingsprogram") == [article.slug]
    tag.delete()
    assert found("lärlingsprogram") == []


def test_the_index_follows_publish_and_unpublish():
    article = MethodFactory(title_sv="Studiestöd", status=Status.DRAFT, published_at=None)
    assert found("studiestöd") == []
    article.publish()
    article.save()
    assert found("studiestöd") == [article.slug]
    article.unpublish()
    article.save()
    assert found("studiestöd") == []


def test_the_admin_publish_action_makes_articles_findable(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    article = MethodFactory(title_sv="Studiestöd", status=Status.DRAFT, published_at=None)
    response = client.post(
        reverse("admin:methods_method_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302
    assert found("studiestöd") == [article.slug]


def test_a_deleted_article_leaves_the_index():
    article = MethodFactory(title_sv="Studiestöd")
    pk = article.pk
    article.delete()
    assert found("studiestöd") == []
    table = (
        "pluginnovation_search_fts" if connection.vendor == "sqlite" else "pluginnovation_search_pg"
    )
    column = "rowid" if connection.vendor == "sqlite" else "article_id"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = %s", [pk])  # noqa: S608
        assert cursor.fetchone()[0] == 0


def test_a_content_types_own_text_is_searchable():
    MethodFactory(slug="m", success_factors_sv="Tydligt ledarskap och uthållighet.")
    CaseStudyFactory(slug="c", results_sv="Fler elever tog examen i Partille.")
    assert found("uthållighet") == ["m"]
    assert found("examen") == ["c"]


def test_the_rebuild_command_restores_a_lost_index(capsys):
    MethodFactory(slug="m", title_sv="Studiestöd")
    ArticleFactory(slug="n", title_sv="Nyhet", tags=["lärmiljö"])
    table = (
        "pluginnovation_search_fts" if connection.vendor == "sqlite" else "pluginnovation_search_pg"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
    assert found("studiestöd") == []
    call_command("rebuild_search_index", chunk=1)
    assert "Indexed 2 articles" in capsys.readouterr().out
    assert found("studiestöd") == ["m"]
    assert found("lärmiljö") == ["n"]
    assert rebuild_index() == 2


def _index_definition() -> list:
    """SQLite: the full-text table's definition and settings (its rank's column weights)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'pluginnovation_search_fts'")
        definition = cursor.fetchall()
        cursor.execute("SELECT k, v FROM pluginnovation_search_fts_config ORDER BY k")
        return [*definition, *cursor.fetchall()]


def test_a_rebuild_keeps_what_the_index_matches_and_how_it_ranks():
    now = timezone.now()
    ArticleFactory(slug="summary", title_sv="Om annat", summary_sv="Om mentorskap.", body_sv="")
    ArticleFactory(
        slug="title",
        title_sv="Mentorskap",
        summary_sv="",
        body_sv="",
        published_at=now - timezone.timedelta(days=30),
    )
    ArticleFactory(slug="body", title_sv="Nyhet", summary_sv="", body_sv="Skolfrånvaro ökar.")
    before = _index_definition() if connection.vendor == "sqlite" else []
    rebuild_index()
    rebuild_index()  # a rebuild of a full index as of an empty one
    if connection.vendor == "sqlite":
        assert _index_definition() == before
    # The title outweighs the summary of a newer article; a compound's part, a word typed
    # without å/ä/ö and the beginning of a word still find theirs.
    assert found("mentorskap") == ["title", "summary"]
    assert found("frånvaro") == ["body"]
    assert found("skolfranvaro") == ["body"]
    assert found("mento") == ["title", "summary"]


def test_an_empty_query_lists_every_published_article_newest_first():
    old = ArticleFactory(published_at=timezone.now() - timezone.timedelta(days=10))
    new = ArticleFactory(published_at=timezone.now() - timezone.timedelta(days=1))
    ArticleFactory(status=Status.DRAFT, published_at=None)
    assert found("") == [new.slug, old.slug]


def test_run_search_takes_a_saved_query_string():
    from django.http import QueryDict

    MethodFactory(slug="m", title_sv="Mentorskap", tags=["skola"])
    ArticleFactory(slug="n", title_sv="Mentorskap")
    params = QueryDict("q=mentor&typ=metoder&tag=skola&page=3&unknown=1")
    assert [a.slug for a in run_search(params)] == ["m"]
    assert isinstance(run_search({}).first(), Article)


@pytest.mark.parametrize(
    "query", ["lärling", "lärling -annat", "lärling OR kort", '"om lärlingar"']
)
def test_the_query_plan_hint_changes_neither_the_results_nor_their_order(query):
    from search.api import search

    filler = "Texten handlar om annat. "
    MethodFactory(slug="title", title_sv="Lärlingar", summary_sv="Kort.", body_sv=filler)
    MethodFactory(slug="summary", title_sv="Två", summary_sv="Om lärlingar.", body_sv="")
    MethodFactory(slug="body", title_sv="Ett", summary_sv="Kort.", body_sv="Om lärlingar.")
    ArticleFactory(slug="news", title_sv="Lärlingar i nyheterna", body_sv=filler)
    methods = Article.objects.published().filter(kind="method")

    def ranked(narrowed: bool) -> list[str]:
        queryset, _parsed = search(methods, query, narrowed=narrowed)
        return [a.slug for a in queryset.order_by("-search_rank", "-published_at", "-pk")]

    assert ranked(narrowed=True) == ranked(narrowed=False)
    assert ranked(narrowed=True)
    assert "news" not in ranked(narrowed=True)
