"""The anonymous search log: what it keeps (and does not), how long, and the editors' report."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from search.log import normalise, this_week
from search.models import SearchLogEntry
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
REPORT = "/admin/search/searchlogentry/"


def logged() -> list[tuple]:
    return list(
        SearchLogEntry.objects.order_by("query").values_list(
            "query", "language", "searches", "results", "opened"
        )
    )


def test_a_search_is_logged_as_normalised_text_language_and_number_of_results(client):
    ArticleFactory(slug="a", title_sv="Mentorskap i skolan")
    client.get("/sok/", {"q": "  Mentorskap  "})
    client.get("/sok/", {"q": "mentorskap"})
    with translation.override("en"):
        client.get("/en/search/", {"q": "Nothing matches this"})
    assert logged() == [("mentorskap", "sv", 2, 1, 0), ("nothing matches this", "en", 1, 0, 0)]
    assert set(SearchLogEntry.objects.values_list("week", flat=True)) == {this_week()}


def test_the_log_keeps_nothing_that_says_who_searched():
    kept = {field.name for field in SearchLogEntry._meta.get_fields()}
    assert kept == {"id", "week", "query", "language", "searches", "results", "opened"}
    assert normalise("Anna.Berg@skola.se 19850101-1234 frånvaro") == "… … frånvaro"
    assert normalise("070-123 45 67 mentor") == "… mentor"
    assert normalise("Hattie 2009") == "hattie 2009"  # a year is no identity


def test_a_search_answered_from_the_page_cache_is_counted_too(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    ArticleFactory(slug="a", title_sv="Mentorskap")
    for _ in range(3):
        client.get("/sok/", {"q": "mentorskap"})
    assert logged() == [("mentorskap", "sv", 3, 1, 0)]


def test_paging_narrowing_bad_input_and_browsing_are_not_new_searches(client):
    ArticleFactory(slug="a", title_sv="Mentorskap", tags=["gymnasiet"])
    client.get("/sok/")
    client.get("/sok/", {"q": "mentorskap", "page": "2"})
    client.get("/sok/", {"q": "mentorskap", "tag": "gymnasiet"})
    client.get("/sok/", {"q": "x" * 300})  # refused (400)
    assert logged() == []
    client.get("/sok/", {"q": "mentorskap", "typ": "metoder"})  # the home page's search
    assert logged() == [("mentorskap", "sv", 1, 0, 0)]


def test_opening_a_result_is_counted_and_leads_to_the_article(client):
    article = ArticleFactory(slug="a", title_sv="Mentorskap")
    response = client.get("/sok/", {"q": "Mentorskap"})
    link = f"/sok/oppnad/{article.pk}/?q=Mentorskap"
    assert f'href="{link}"' in response.content.decode()
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert logged() == [("mentorskap", "sv", 1, 1, 1)]


def test_a_result_link_to_an_unpublished_or_unknown_article_is_not_found(client):
    draft = ArticleFactory(status="draft", published_at=None)
    assert client.get(f"/sok/oppnad/{draft.pk}/?q=x").status_code == 404
    assert client.get("/sok/oppnad/999999/?q=x").status_code == 404
    assert logged() == []


def _row(query: str, weeks_ago: int, **figures) -> SearchLogEntry:
    week = this_week() - datetime.timedelta(weeks=weeks_ago)
    return SearchLogEntry.objects.create(week=week, query=query, language="sv", **figures)


def test_rows_older_than_the_configured_age_are_deleted_by_the_scheduled_command(settings):
    assert settings.SEARCH_LOG_DAYS == 396  # 13 months by default
    _row("kept", weeks_ago=50, searches=1)
    _row("gone", weeks_ago=60, searches=1)
    call_command("prune_search_log", stdout=StringIO())
    assert [query for query, *_rest in logged()] == ["kept"]
    settings.SEARCH_LOG_DAYS = 30
    call_command("prune_search_log", stdout=StringIO())
    assert logged() == []


@pytest.fixture
def log_rows():
    _row("mentorskap", weeks_ago=0, searches=7, results=4, opened=3)
    _row("skolk", weeks_ago=0, searches=5, results=0)
    _row("frånvaro", weeks_ago=0, searches=2, results=9, opened=0)
    _row("mentorskap", weeks_ago=1, searches=4, results=4, opened=1)
    _row("=HYPERLINK(1)", weeks_ago=1, searches=1, results=0)


def test_editors_read_the_most_frequent_searches_by_week_and_over_every_week(
    editor_client, log_rows
):
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    rows = [(row["query"], row["total_searches"]) for row in response.context["rows"]]
    assert rows[:3] == [("mentorskap", 11), ("skolk", 5), ("frånvaro", 2)]
    week = (this_week() - datetime.timedelta(weeks=1)).isoformat()
    response = editor_client.get(REPORT, {"report": "frequent", "week": week})
    rows = [(row["query"], row["total_searches"]) for row in response.context["rows"]]
    assert rows == [("mentorskap", 4), ("=HYPERLINK(1)", 1)]


def test_editors_read_the_searches_without_results_and_those_nobody_opens(editor_client, log_rows):
    week = this_week().isoformat()
    response = editor_client.get(REPORT, {"report": "empty", "week": week})
    assert [row["query"] for row in response.context["rows"]] == ["skolk"]
    response = editor_client.get(REPORT, {"report": "unopened", "week": week})
    assert [row["query"] for row in response.context["rows"]] == ["frånvaro"]
    body = response.content.decode()
    assert "Sökningar vars träffar ingen öppnade" in body
    # A week that is not in the log is no error: every week is shown.
    response = editor_client.get(REPORT, {"report": "nonsense", "week": "2001-13-45"})
    assert response.status_code == 200


def test_the_report_exports_csv_with_a_bom_and_formulas_made_inert(editor_client, log_rows):
    response = editor_client.get(REPORT, {"report": "empty", "format": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    lines = text.splitlines()
    assert "skolk,sv,5,0,0" in lines[2]
    assert any("'=HYPERLINK(1)" in line for line in lines)


def test_only_editors_and_staff_read_the_report_and_nobody_edits_the_log(
    user, editor_client, log_rows
):
    visitor = Client()
    assert visitor.get(REPORT).status_code == 302  # to the admin's login
    visitor.force_login(user)
    assert visitor.get(REPORT).status_code == 302
    row = SearchLogEntry.objects.first()
    change = f"{REPORT}{row.pk}/change/"
    assert editor_client.post(change, {"query": "x", "searches": 99}).status_code == 403
    assert editor_client.get(f"{REPORT}add/").status_code == 403
    assert editor_client.post(f"{REPORT}{row.pk}/delete/").status_code == 403
    assert SearchLogEntry.objects.get(pk=row.pk).query == row.query


def test_the_privacy_notice_and_accessibility_statement_say_what_the_log_keeps(client):
    privacy = client.get("/integritet/").content.decode()
    assert "ingen IP-adress, ingen session" in privacy
    assert "mer än 13 månader gamla" in privacy
    statement = client.get("/tillganglighet/").content.decode()
    assert "raderas efter 13 månader" in statement
    assert 'href="/integritet/"' in statement
    home = client.get("/").content.decode()  # every page links to the notice
    assert 'href="/integritet/"' in home
