"""Dates that mean what they say: a news item shows the date its text gives, a method or case
study when an editor last reviewed it; no card, page, feed or facet shows the day an article went
on the site (for the demo content, the day it was loaded) as the content's date."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import dateformat, timezone, translation

from content.models import NEWS, Article
from tests.factories import ArticleFactory, CaseStudyFactory, MethodFactory
from tests.prod.test_crawlers import parse_xml
from tests.site.html import page, text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


LOADED = timezone.make_aware(datetime.datetime(2025, 3, 14, 10, 0))
LOADED_SV, LOADED_EN = "14 mars 2025", "14 March 2025"


def test_a_news_item_shows_the_date_its_text_gives_everywhere(client):
    news = ArticleFactory(
        kind=NEWS,
        title_sv="Plug In minskar studieavbrotten",
        published_at=LOADED,
        dated_on=datetime.date(2022, 10, 28),
    )
    for url in (news.get_absolute_url(), "/aktuellt/", "/sok/?q=studieavbrotten"):
        body = text(client.get(url))
        assert "Publicerad 28 oktober 2022" in body, url
        assert LOADED_SV not in body, url
    english = text(client.get(f"/en/news/{news.slug}/"))
    assert "Published 28 October 2022" in english and LOADED_EN not in english
    time = page(client.get(news.get_absolute_url())).find("time")
    assert time.get("datetime") == "2022-10-28"


def test_a_news_item_without_a_date_of_its_own_shows_none(client):
    news = ArticleFactory(kind=NEWS, title_sv="Konferens om studieavbrott", published_at=LOADED)
    for url in (news.get_absolute_url(), "/aktuellt/", "/", "/sok/?q=konferens"):
        response = client.get(url)
        assert LOADED_SV not in text(response), url
        assert not page(response).find_all("time"), url


@pytest.mark.parametrize("factory", [MethodFactory, CaseStudyFactory])
def test_methods_and_case_studies_show_their_last_review_or_say_it_is_not_stated(client, factory):
    article = factory(published_at=LOADED)
    body = text(client.get(article.get_absolute_url()))
    assert "Senast granskad: Uppgift saknas" in body
    assert LOADED_SV not in body
    listing = text(client.get("/metoder/" if factory is MethodFactory else "/fallstudier/"))
    assert LOADED_SV not in listing and "Senast granskad" not in listing
    article.last_reviewed_at = datetime.date(2024, 5, 3)
    article.save()
    assert "Senast granskad 3 maj 2024" in text(client.get(article.get_absolute_url()))
    listing = text(client.get("/metoder/" if factory is MethodFactory else "/fallstudier/"))
    assert "Senast granskad 3 maj 2024" in listing


def test_the_feeds_date_an_item_only_by_its_own_date(client):
    ArticleFactory(
        kind=NEWS, slug="daterad", published_at=LOADED, dated_on=datetime.date(2022, 10, 28)
    )
    ArticleFactory(kind=NEWS, slug="odaterad", published_at=LOADED)
    MethodFactory(published_at=LOADED)
    channel = parse_xml(client.get("/rss/aktuellt/").content).find("channel")
    items = {
        item.findtext("link").rstrip("/").rsplit("/", 1)[-1]: item
        for item in channel.findall("item")
    }
    assert "28 Oct 2022" in items["daterad"].findtext("pubDate")
    assert items["odaterad"].find("pubDate") is None
    methods = parse_xml(client.get("/rss/metoder/").content).find("channel")
    assert all(item.find("pubDate") is None for item in methods.findall("item"))
    assert "2025" not in client.get("/rss/metoder/").content.decode()


def test_no_page_of_the_demo_content_shows_the_day_it_was_loaded(client):
    call_command("load_demo", verbosity=0)
    today = timezone.localdate()
    loaded = set()
    for language in ("sv", "en"):
        with translation.override(language):
            loaded.add(dateformat.format(today, "j F Y"))
    loaded.add(today.isoformat())
    urls = ["/", "/en/", "/metoder/", "/metoder/?vy=tabell", "/aktuellt/", "/fallstudier/"]
    urls += ["/forskning/", "/sok/", "/en/search/", "/rss/aktuellt/", "/rss/metoder/"]
    for article in Article.objects.all():
        urls.append(article.get_absolute_url())
    checked = 0
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = response.content.decode()
        for date in loaded:
            assert date not in body, (url, date)
        checked += 1
    assert checked > 30
    # The one date the seeds give is shown.
    assert "Publicerad 28 oktober 2022" in text(
        client.get("/aktuellt/plug-in-minskar-studieavbrotten-pa-gymnasiet/")
    )
    # Artikelsök's year facet offers the years the content shows (that news item's, the
    # literature's years of publication), not the year it was loaded.
    years = [year for year, _count, _link, _chosen in client.get("/sok/").context["year_options"]]
    assert 2022 in years and 2009 in years
    assert today.year not in years
    assert client.get("/sok/", {"year": today.year}).context["total"] == 0


def test_editors_give_a_news_item_its_date_and_a_case_study_its_years_in_the_admin(client, editor):
    from tests.site.test_editors import admin_form_data, admin_login

    news = ArticleFactory(kind=NEWS, published_at=LOADED)
    case = CaseStudyFactory(published_at=LOADED)
    admin_login(client, editor)
    for url, changes in [
        (f"/admin/content/article/{news.pk}/change/", {"dated_on": "2022-10-28"}),
        (
            f"/admin/casestudies/casestudy/{case.pk}/change/",
            {"first_year": "2016", "last_year": "2018"},
        ),
    ]:
        data = admin_form_data(client.get(url))
        data.update(changes, _save="Spara")
        response = client.post(url, data)
        assert response.status_code == 302, response.context["adminform"].form.errors
    news.refresh_from_db()
    case.refresh_from_db()
    assert news.dated_on == datetime.date(2022, 10, 28)
    assert case.years == (2016, 2018)
    # Years out of order are refused, with a message next to the form.
    data = admin_form_data(client.get(f"/admin/casestudies/casestudy/{case.pk}/change/"))
    data.update(first_year="2019", last_year="2018", _save="Spara")
    response = client.post(f"/admin/casestudies/casestudy/{case.pk}/change/", data)
    assert response.status_code == 200
    assert "Projektets första år måste komma före det sista." in text(response)
