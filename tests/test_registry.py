"""A new content type is one app and one registry entry: registered, it is in the menu, has its
list and pages, is found by Artikelsök and its type filter, makes cached pages stale when it
changes, is in the sitemap and editors may publish it, with nothing else edited."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef, Q
from django.urls import clear_url_caches

import pluginnovation.urls
from accounts.roles import EDITOR_GROUP, sync_editor_group
from content import registry
from content.facets import Facet
from content.models import Status
from tests.registry_app.models import Podcast


def _reload_urls() -> None:
    importlib.reload(pluginnovation.urls)
    clear_url_caches()


def _episode_is(values) -> Q:
    return Q(Exists(Podcast.objects.filter(pk=OuterRef("pk"), episode__in=values)))


EPISODES = Facet(
    param="avsnitt",
    label="Avsnitt",
    options=lambda: [("1", "Första avsnittet"), ("2", "Andra avsnittet")],
    condition=_episode_is,
)


@pytest.fixture
def podcasts():
    entry = registry.register(
        registry.ContentType(
            kind=Podcast.KIND,
            model=Podcast,
            label="Podcast",
            detail_url_name="podcasts:detail",
            section=registry.Section(
                namespace="podcasts",
                path="poddar/",
                urls="tests.registry_app.urls",
                label="Poddar",
                search_type="poddar",
                search_label="Poddar",
                position=35,
            ),
            search_facets=(EPISODES,),
        )
    )
    _reload_urls()
    yield entry
    registry.unregister(Podcast.KIND)
    _reload_urls()


def _podcast(**fields) -> Podcast:
    defaults = {
        "slug": "avhopp-i-fokus",
        "title_sv": "Avhopp i fokus",
        "summary_sv": "Ett avsnitt om studieavbrott.",
        "status": Status.PUBLISHED,
    }
    return Podcast.objects.create(**{**defaults, **fields})


@pytest.mark.django_db
def test_a_registered_type_is_in_the_menu_with_its_list_and_pages(client, podcasts):
    _podcast()
    home = client.get("/").content.decode()
    assert '<a href="/poddar/"' in home and ">Poddar<" in home
    listing = client.get("/poddar/")
    assert listing.status_code == 200 and "Avhopp i fokus" in listing.content.decode()
    page = client.get("/poddar/avhopp-i-fokus/")
    assert page.status_code == 200 and "Ett avsnitt om studieavbrott." in page.content.decode()
    assert client.get("/en/poddar/avhopp-i-fokus/").status_code == 200


@pytest.mark.django_db
def test_a_registered_type_is_found_by_artikelsok_and_its_type_filter(client, podcasts):
    _podcast()
    found = client.get("/sok/", {"q": "fokus"}).content.decode()
    assert "Avhopp i fokus" in found
    assert "typ=poddar" in found  # the type facet offers it
    assert "Avhopp i fokus" in client.get("/sok/", {"q": "fokus", "typ": "poddar"}).content.decode()
    assert "Avhopp i fokus" not in client.get("/sok/", {"typ": "metoder"}).content.decode()


@pytest.mark.django_db
def test_a_registered_type_adds_its_own_facets_to_artikelsok_when_it_is_chosen(
    client, podcasts, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    _podcast(episode="1")
    _podcast(slug="andra", title_sv="Andra avsnittet om avhopp", episode="2")
    _podcast(slug="tredje", title_sv="Tredje", episode="2")
    chosen = client.get("/sok/", {"typ": "poddar", "avsnitt": "2"})
    assert {a.slug for a in chosen.context["articles"]} == {"andra", "tredje"}
    [group] = chosen.context["type_facets"]
    assert [(str(o["label"]), o["count"], o["chosen"]) for o in group["options"]] == [
        ("Första avsnittet", 1, False),
        ("Andra avsnittet", 2, True),
    ]
    assert "Avsnitt" in chosen.content.decode()
    widened = client.get("/sok/", {"typ": "poddar", "avsnitt": ["1", "2"], "q": "avhopp"})
    assert {a.slug for a in widened.context["articles"]} == {"avhopp-i-fokus", "andra"}
    assert client.get("/sok/", {"typ": "metoder"}).context["type_facets"][0]["facet"] != EPISODES


@pytest.mark.django_db
def test_changing_an_article_of_a_registered_type_makes_cached_pages_stale(client, podcasts):
    podcast = _podcast()
    assert "Avhopp i fokus" in client.get("/poddar/").content.decode()  # now cached
    podcast.title_sv = "Närvaro i fokus"
    podcast.save()
    assert "Närvaro i fokus" in client.get("/poddar/").content.decode()


@pytest.mark.django_db
def test_a_registered_type_is_in_the_sitemap(client, podcasts):
    _podcast()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/poddar/avhopp-i-fokus/</loc>" in sitemap
    assert "/poddar/</loc>" in sitemap


@pytest.mark.django_db
def test_editors_may_add_and_publish_a_registered_type(podcasts):
    sync_editor_group()  # as after every migrate
    granted = set(
        Group.objects.get(name=EDITOR_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    assert {
        ("registry_app", f"{action}_podcast") for action in ("add", "change", "view")
    } <= granted


@pytest.mark.django_db
def test_without_its_registry_entry_the_type_has_no_menu_entry_address_or_filter(client):
    assert "/poddar/" not in client.get("/").content.decode()
    assert client.get("/poddar/").status_code == 404
    assert "poddar" not in client.get("/sitemap.xml").content.decode()
    assert client.get("/sok/", {"typ": "poddar"}).status_code == 400  # not a type it knows
    assert 'value="poddar"' not in client.get("/sok/").content.decode()


@pytest.mark.django_db
def test_a_registered_type_is_versioned_with_its_own_fields(podcasts):
    from content import revisions

    podcast = _podcast(episode="Avsnitt 4")
    revisions.record(podcast.pk)
    kept = revisions.stored_snapshot(revisions.latest_note(podcast.pk))
    assert kept.model is Podcast and kept.fields["episode"] == "Avsnitt 4"
