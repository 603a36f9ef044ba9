"""No broken links: every page reachable from the home pages, with the demo content, as a
visitor and as a signed-in user, answers, and every static file a page asks for exists."""

from collections import Counter, deque
from io import StringIO
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

from tests.db import shared_rows
from tests.factories import UserFactory

from .html import page

pytestmark = pytest.mark.django_db

STARTS = ("/", "/en/")
NOT_FOLLOWED = ("/admin/",)  # the admin has its own tests (test_editors)
# Facet links combine without end (/sok/?typ=…&region=…&…): a few of each page suffice.
VARIANTS_PER_PATH = 20
STATIC_REFERENCES = (("link", "href"), ("script", "src"), ("img", "src"))


def crawl(client) -> tuple[set[str], list[str]]:
    """(the internal pages reached, what is broken: 'page → link (status)')."""
    seen, queue, broken = set(STARTS), deque(STARTS), []
    variants: Counter[str] = Counter()
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302):
            continue
        if response.status_code != 200:
            broken.append(f"{url} ({response.status_code})")
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        parsed = page(response)
        for tag, attribute in STATIC_REFERENCES:
            for element in parsed.find_all(tag):
                path = urlsplit(element.get(attribute) or "").path
                static = path.startswith(settings.STATIC_URL)
                if static and not finders.find(path.removeprefix(settings.STATIC_URL)):
                    broken.append(f"{url} → {path} (no such static file)")
        for link in parsed.find_all("a"):
            href = urldefrag(link.get("href") or "")[0]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not href.startswith("/") or href in seen:
                continue
            if href.startswith((*NOT_FOLLOWED, settings.STATIC_URL)):
                continue
            variants[parts.path] += 1
            if variants[parts.path] <= VARIANTS_PER_PATH:
                seen.add(href)
                queue.append(href)
    return seen, broken


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """Loaded once for the module: its tests only crawl it."""
    yield from shared_rows(django_db_blocker, lambda: call_command("load_demo", stdout=StringIO()))


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "signed-in"])
def test_every_link_on_the_demo_site_leads_somewhere(client, demo, signed_in):
    if signed_in:
        client.force_login(UserFactory())
    reached, broken = crawl(client)
    assert broken == []
    # The crawl really went through the site: both languages, every section, articles.
    for path in ("/metoder/", "/en/methods/", "/fallstudier/", "/en/research/", "/statistik/"):
        assert path in reached, path
    assert len(reached) > 150


def test_the_crawl_reports_a_broken_link(client, demo, monkeypatch):
    from content.models import Article

    # An article whose page is gone, still listed: its link must be reported.
    article = Article.objects.published().filter(kind="news").first()
    monkeypatch.setattr(type(article), "get_absolute_url", lambda self: "/aktuellt/borta/")
    _reached, broken = crawl(client)
    assert any("/aktuellt/borta/ (404)" in item for item in broken), broken


def test_the_crawl_reports_a_missing_static_file(client, demo, monkeypatch):
    found = finders.find
    monkeypatch.setattr(
        finders, "find", lambda path: None if path == "css/site.css" else found(path)
    )
    _reached, broken = crawl(client)
    assert any(item.endswith("/css/site.css (no such static file)") for item in broken), broken
