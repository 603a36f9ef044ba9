"""Fixtures shared by the Artikelsök tests."""

import pytest
from django.utils import timezone

from content.models import Status
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    RegionFactory,
    ResearchSummaryFactory,
)


@pytest.fixture
def corpus():
    west = RegionFactory(code="14", name="Västra Götalands län")
    south = RegionFactory(code="12", name="Skåne län")
    partille = MunicipalityFactory(code="1402", name="Partille", region=west)
    malmo = MunicipalityFactory(code="1280", name="Malmö", region=south)
    last_year = timezone.now() - timezone.timedelta(days=400)
    # The dates the pages show, which the year facet counts: methods by their last review,
    # the news item and the summary by their own date, literature by its year (2009); the
    # case study shows none.
    today = timezone.localdate()
    a_year_ago = today - timezone.timedelta(days=400)
    articles = [
        MethodFactory(
            slug="m1",
            title_sv="Mentorskap i skolan",
            tags=["mentorskap", "gymnasiet"],
            last_reviewed_at=today,
        ),
        MethodFactory(
            slug="m2",
            title_sv="Coachning av elever",
            tags=["gymnasiet"],
            published_at=last_year,
            last_reviewed_at=a_year_ago,
        ),
        PublicationFactory(slug="p1", title_sv="Forskning om mentorskap", tags=["forskning"]),
        ResearchSummaryFactory(
            slug="s1",
            title_sv="Sammanfattning om skolan",
            published_at=last_year,
            dated_on=a_year_ago,
        ),
        CaseStudyFactory(
            slug="c1", title_sv="Mentorskap i Partille", municipality=partille, tags=["mentorskap"]
        ),
        ArticleFactory(slug="n1", title_sv="Nyhet om mentorskap", dated_on=today),
    ]
    articles[0].regions.add(west)
    articles[4].regions.add(west)
    articles[4].municipalities.add(partille)
    articles[1].regions.add(south)
    articles[1].municipalities.add(malmo)
    ArticleFactory(
        slug="draft", title_sv="Mentorskap utkast", status=Status.DRAFT, published_at=None
    )
    return {article.slug: article for article in articles}
