"""The demo content `make run` loads: complete, in both languages, public, and safe to load twice."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from taggit.models import Tag

from casestudies.models import CaseStudy
from content.models import Article, Status, TaggedArticle
from demo import news, pages
from demo.tags import ENGLISH_NAMES
from methods.models import EvidenceRating, Method
from research.models import Publication, ResearchSummary
from stats.models import Municipality, Region

# Each method the case studies describe, and the municipality of its case study.
METHOD_MUNICIPALITIES = {
    "multikompetent-team-for-unga-som-avbrutit-studierna": "1402",
    "oppet-resurscentrum": "0781",
    "forstarkt-studie-och-yrkesvagledning-i-arskurs-1": "0781",
    "coach-for-elever-med-franvaro": "0781",
    "utokat-mentorskap-och-coachning": "1401",
}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def row_counts() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "methods": Method.objects.count(),
        "case studies": CaseStudy.objects.count(),
        "publications": Publication.objects.count(),
        "summaries": ResearchSummary.objects.count(),
        "tags": Tag.objects.count(),
        "tagged items": TaggedArticle.objects.count(),
        "links": Article.related_articles.through.objects.count(),
        "article regions": Article.regions.through.objects.count(),
        "article municipalities": Article.municipalities.through.objects.count(),
        "regions": Region.objects.count(),
        "municipalities": Municipality.objects.count(),
    }


@pytest.fixture
def demo(db) -> str:
    return load_demo()


def test_loading_the_demo_twice_duplicates_nothing(demo):
    first = row_counts()
    load_demo()
    assert row_counts() == first
    assert first["regions"] == 21 and first["municipalities"] == 290
    names = [name.casefold() for name in Tag.objects.values_list("name", flat=True)]
    assert len(names) == len(set(names))
    tagged = list(TaggedArticle.objects.values_list("tag_id", "content_object_id"))
    assert len(tagged) == len(set(tagged))


def test_a_second_load_keeps_publish_dates_and_applies_edits_to_the_data(demo, monkeypatch):
    before = dict(Article.objects.values_list("slug", "published_at"))
    Article.objects.filter(slug="plug-in-ljungby").update(
        title_sv="Ändrad av misstag", status=Status.DRAFT
    )
    monkeypatch.setitem(pages.ITEMS[0], "title_en", "About Plug In, edited")
    monkeypatch.delitem(pages.ITEMS[1], "body_en")

    load_demo()

    assert dict(Article.objects.values_list("slug", "published_at")) == before
    ljungby = CaseStudy.objects.get(slug="plug-in-ljungby")
    assert ljungby.title_sv == "Plug In Ljungby"
    assert ljungby.status == Status.PUBLISHED
    assert Article.objects.get(slug=pages.ABOUT_SLUG).title_en == "About Plug In, edited"
    assert Article.objects.get(slug=pages.ITEMS[1]["slug"]).body_en == ""


def test_a_link_given_in_the_data_on_one_side_is_removed_on_both_when_dropped(demo, monkeypatch):
    monkeypatch.setitem(news.ITEMS[2], "related", [])
    load_demo()
    article = Article.objects.get(slug=news.ITEMS[2]["slug"])
    assert not article.related_articles.exists()
    assert not Article.objects.get(slug="framgangsfaktorer").related_articles.exists()


def test_only_the_seeds_date_is_set_by_hand(demo):
    dated = Article.objects.get(slug="plug-in-minskar-studieavbrotten-pa-gymnasiet")
    assert timezone.localtime(dated.published_at).date() == datetime.date(2022, 10, 28)
    # "Publicerad 28 oktober 2022" is the only date of its own any text gives; the seeds give
    # no review dates.
    assert list(Article.objects.filter(dated_on__isnull=False)) == [dated]
    assert dated.dated_on == datetime.date(2022, 10, 28)
    assert not Article.objects.filter(last_reviewed_at__isnull=False).exists()
    others = Article.objects.exclude(pk=dated.pk)
    assert all(
        article.published_at.date() >= timezone.now().date() - datetime.timedelta(days=1)
        for article in others
    )


def test_the_command_prints_a_summary(db):
    out = load_demo()
    assert "21 counties, 290 municipalities" in out
    assert "26 created, 0 updated" in out
    assert "26 updated" in load_demo()


def test_the_three_case_studies_are_in_their_municipalities(demo):
    case_studies = {
        cs.municipality.code: cs for cs in CaseStudy.objects.select_related("municipality")
    }
    assert set(case_studies) == {"1402", "0781", "1401"}
    assert "Partille" in case_studies["1402"].title_sv
    assert "jobbcoach" in case_studies["1402"].team_sv
    assert "resurscentrum" in case_studies["0781"].body_sv
    assert "mentorstiden" in case_studies["1401"].body_sv
    for case_study in case_studies.values():
        assert case_study.period == "2015–2018 (Plug In 2.0)"
        assert case_study.years == (2015, 2018)
        assert list(case_study.municipalities.all()) == [case_study.municipality]
        assert list(case_study.regions.all()) == [case_study.municipality.region]
        assert case_study.results_sv == case_study.results_en == ""


def test_each_method_is_linked_to_its_case_study_and_back(demo):
    methods = {method.slug: method for method in Method.objects.all()}
    assert set(methods) == set(METHOD_MUNICIPALITIES)
    for slug, code in METHOD_MUNICIPALITIES.items():
        case_study = CaseStudy.objects.get(municipality__code=code)
        assert methods[slug].related_articles.filter(pk=case_study.pk).exists()
        assert case_study.related_articles.filter(pk=methods[slug].pk).exists()
        assert methods[slug].scientific_basis == EvidenceRating.NOT_ASSESSED
        assert methods[slug].proven_experience == EvidenceRating.NOT_ASSESSED
        assert methods[slug].target_group_sv and methods[slug].target_group_en
        assert not (
            methods[slug].cost_sv or methods[slug].contact_name or methods[slug].contact_email
        )


# What the seeds and their case studies state of each method, and nothing more.
SEED_TERMS = {
    "multikompetent-team-for-unga-som-avbrutit-studierna": {
        "target_group": {"unga-som-lamnat-skolan"},
        "phase": {"efter-avbrott"},
        "organiser": {"kommun", "socialtjanst", "arbetsformedlingen"},
    },
    "oppet-resurscentrum": {
        "target_group": {"alla-elever"},
        "phase": {"under-gymnasiet"},
        "prevention_level": {"forebyggande"},
    },
    "forstarkt-studie-och-yrkesvagledning-i-arskurs-1": {
        "target_group": {"alla-elever"},
        "phase": {"under-gymnasiet"},
        "prevention_level": {"forebyggande"},
    },
    "coach-for-elever-med-franvaro": {
        "target_group": {"elever-i-riskzon", "hog-franvaro"},
        "intervention_type": {"franvaro"},
        "phase": {"under-gymnasiet"},
        "prevention_level": {"forebyggande"},
    },
    "utokat-mentorskap-och-coachning": {
        "target_group": {"elever-i-riskzon"},
        "intervention_type": {"mentorskap"},
        "phase": {"under-gymnasiet"},
        "prevention_level": {"forebyggande"},
        "organiser": {"skola"},
    },
}


def test_each_method_has_the_structured_values_the_seeds_state_and_no_others(demo):
    for method in Method.objects.prefetch_related("terms"):
        terms: dict[str, set[str]] = {}
        for term in method.terms.all():
            terms.setdefault(term.vocabulary, set()).add(term.slug)
        assert terms == SEED_TERMS[method.slug], method.slug
        assert method.cost_level is None and not method.startup_time_sv
        assert not (method.staff_and_training_sv or method.scientific_basis_sources.exists())


def test_the_demo_has_how_we_assess_evidence_at_the_method_banks_address(demo, client):
    evidence = Article.objects.get(slug="sa-bedomer-vi-evidens")
    assert evidence.get_absolute_url() == "/metoder/evidens/"
    for url, level in (
        ("/metoder/evidens/", "Ej bedömd:"),
        ("/en/methods/evidence/", "Not assessed:"),
    ):
        body = client.get(url).content.decode()
        assert level in body


def test_every_article_has_both_languages(demo):
    for article in Article.objects.all():
        assert article.title_sv and article.title_en, article.slug
        if article.kind != Publication.KIND:  # the seeds give literature a title only
            assert article.summary_sv or article.body_sv, article.slug
            assert article.summary_en or article.body_en, article.slug
            assert bool(article.body_sv) == bool(article.body_en), article.slug


def test_every_demo_tag_has_an_english_name(demo):
    tags = Tag.objects.filter(pk__in=TaggedArticle.objects.values("tag_id")).select_related(
        "english"
    )
    assert tags.count() == len(ENGLISH_NAMES)
    assert {tag.name: tag.english.name for tag in tags} == ENGLISH_NAMES


def test_literature_keeps_authors_years_tags_and_original_titles(demo):
    literature = {item.slug: item for item in Publication.objects.prefetch_related("tags")}
    assert len(literature) == 5
    for item in literature.values():
        assert item.title_sv == item.title_en
    mollas = literature["detta-ideliga-motande"]
    assert (mollas.authors, mollas.year, mollas.publication_type) == (
        [{"family": "Möllås", "given": "G."}],
        2009,
        "forskning",
    )
    assert {tag.name for tag in mollas.tags.all()} == {
        "Gymnasieskolan",
        "Samverkan",
        "Samverkan inom skolan",
        "Mentorskapsarbete",
        "Utveckling av rutiner i det förebyggande arbetet",
        "Forskning",
        "Sverige",
    }
    hattie = literature["visible-learning"]
    assert (hattie.authors, hattie.year, hattie.publication_type) == (
        [{"family": "Hattie", "given": "John"}],
        2009,
        "kunskapsoversikt",
    )
    assert {"förhållningssätt", "bemötande", "Undervisning/pedagogik"} <= {
        t.name for t in hattie.tags.all()
    }
    hamre = literature["instructional-and-emotional-support-in-the-first-grade-classroom"]
    assert (hamre.year, hamre.publication_type, hamre.tags.count()) == (2005, "", 8)
    assert literature["grunderna-for-gymnasiets-laroplan-2003"].publication_type == "litteratur"
    assert literature["dropout-prevention-systematic-review"].year == 2008


def test_everything_is_published_and_visible_at_its_url_in_both_languages(demo, client):
    articles = list(Article.objects.all())
    assert len(articles) == 26
    for article in articles:
        assert article.is_public, article.slug
        for language in ("sv", "en"):
            with translation.override(language):
                url = article.get_absolute_url()
                title = getattr(article, f"title_{language}")
            response = client.get(url)
            assert response.status_code == 200, url
            assert title in response.content.decode(), url


def test_the_about_page_shows_the_plug_in_text_and_lists_the_other_pages(demo, client):
    swedish = client.get("/om/").content.decode()
    assert re.search(r"<h1[^>]*>Om Plug In</h1>", swedish)
    assert "Plug In 2.0" in swedish and "Europeiska socialfonden" in swedish
    assert "Tre nivåer av förebyggande arbete i Plug In" in swedish
    english = client.get("/en/about/").content.decode()
    assert re.search(r"<h1[^>]*>About Plug In</h1>", english)
    assert "European Social Fund" in english and "55 municipalities" in english
    assert "Three levels of preventive work in Plug In" in english
