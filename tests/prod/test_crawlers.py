"""robots.txt, sitemap.xml with both languages and hreflang, RSS feeds announced in the head."""

import html
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import NEWS, Status
from tests.factories import ArticleFactory, MethodFactory

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse_xml(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own test server's output


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /en/admin/" in lines
    assert "Disallow: /sok/" in lines and "Disallow: /en/search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_the_sitemap_lists_published_articles_in_both_languages_with_hreflang(client):
    method = MethodFactory(slug="mentorskap")
    MethodFactory(slug="utkast", status=Status.DRAFT, published_at=None)
    MethodFactory(slug="framtida", published_at=timezone.now() + timezone.timedelta(days=1))
    root = parse_xml(client.get("/sitemap.xml").content)
    entries = {url.find(f"{SITEMAP}loc").text: url for url in root.iter(f"{SITEMAP}url")}
    sv, en = "http://testserver/metoder/mentorskap/", "http://testserver/en/methods/mentorskap/"
    assert sv in entries and en in entries
    alternates = {
        link.get("hreflang"): link.get("href") for link in entries[sv].iter(f"{XHTML}link")
    }
    assert alternates == {"sv": sv, "en": en, "x-default": sv}
    assert not any("utkast" in loc or "framtida" in loc for loc in entries)
    assert method.get_absolute_url() == "/metoder/mentorskap/"


@pytest.mark.django_db
def test_the_sitemap_lists_the_section_pages_in_both_languages(client):
    root = parse_xml(client.get("/sitemap.xml").content)
    locations = {url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")}
    for path in [
        "/",
        "/en/",
        "/metoder/",
        "/en/methods/",
        "/tillganglighet/",
        "/en/accessibility/",
    ]:
        assert f"http://testserver{path}" in locations


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/rss/aktuellt/", "sv", "PlugInnovation: aktuellt"),
        ("/en/rss/news/", "en", "PlugInnovation: news"),
    ],
)
def test_the_news_feed_lists_published_news_in_the_feeds_language(client, path, language, title):
    ArticleFactory(kind=NEWS, title_sv="Nytt <b>&</b> viktigt", title_en="Fresh news")
    ArticleFactory(kind=NEWS, title_sv="Hemlig", status=Status.DRAFT, published_at=None)
    MethodFactory(title_sv="En metod", title_en="A method")
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response.content).find("channel")
    assert channel.find("title").text == title
    assert channel.find("language").text == language
    titles = [item.find("title").text for item in channel.iter("item")]
    assert titles == (["Nytt <b>&</b> viktigt"] if language == "sv" else ["Fresh news"])


@pytest.mark.django_db
def test_the_methods_feed_lists_new_methods_newest_first(client):
    older = MethodFactory(
        title_en="Older", published_at=timezone.now() - timezone.timedelta(days=2)
    )
    newer = MethodFactory(title_en="Newer")
    channel = parse_xml(client.get("/en/rss/methods/").content).find("channel")
    links = [item.find("link").text for item in channel.iter("item")]
    assert links == [
        f"http://testserver{newer.get_absolute_url()}".replace("/metoder/", "/en/methods/"),
        f"http://testserver/en/methods/{older.slug}/",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/methods/"])
def test_every_page_announces_both_feeds_in_its_head(client, path):
    head = client.get(path).content.decode().split("</head>")[0]
    assert head.count('type="application/rss+xml"') == 2
    prefix = "/en" if path.startswith("/en/") else ""
    news = reverse("feeds:news") if not prefix else "/en/rss/news/"
    assert f'href="{news}"' in head


@pytest.mark.django_db
def test_the_sitemap_lists_every_municipalitys_statistics_in_both_languages(client):
    from tests.factories import MunicipalityFactory

    MunicipalityFactory(code="1402", name="Partille")
    root = parse_xml(client.get("/sitemap.xml").content)
    locations = {url.find(f"{SITEMAP}loc").text for url in root.iter(f"{SITEMAP}url")}
    assert "http://testserver/statistik/kommun/1402/" in locations
    assert "http://testserver/en/statistics/municipality/1402/" in locations
    assert "http://testserver/statistik/region/14/" in locations


@pytest.mark.django_db
def test_feed_descriptions_are_plain_text_that_a_reader_shows_as_written(client):
    ArticleFactory(
        summary_sv='Elever <b>under</b> 18 år & "deras" <script>alert(1)</script>föräldrar',
        published_at=timezone.now(),
    )
    item = parse_xml(client.get("/rss/aktuellt/").content).find("channel").find("item")
    description = item.findtext("description")  # what a reader takes as HTML
    assert "<" not in description  # no markup for a reader to draw
    assert html.unescape(description) == 'Elever under 18 år & "deras" alert(1)föräldrar'


@pytest.mark.django_db
def test_every_page_in_the_sitemap_has_the_same_hreflang_alternates_in_its_head(client):
    from tests.factories import MunicipalityFactory
    from tests.site.html import page

    MethodFactory(slug="mentorskap")
    ArticleFactory(kind=NEWS, slug="nyhet")
    MunicipalityFactory(code="1402", name="Partille")
    root = parse_xml(client.get("/sitemap.xml").content)
    checked = 0
    for entry in root.iter(f"{SITEMAP}url"):
        location = entry.find(f"{SITEMAP}loc").text
        in_sitemap = {link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")}
        response = client.get(location.removeprefix("http://testserver"))
        assert response.status_code == 200, location
        in_head = {
            link.get("hreflang"): link.get("href")
            for link in page(response).find_all("link", rel="alternate")
            if link.get("hreflang")
        }
        assert in_head == in_sitemap, location
        assert set(in_head) == {"sv", "en", "x-default"}
        checked += 1
    assert checked >= 20
