"""The knowledge bank the API tests read: one published article of every type with every
field, drafts and articles in review or scheduled for later beside them (never to be shown),
tags with and without English names, and figures for two municipalities and the nation."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone
from taggit.models import Tag

from accounts.models import MethodUse, Moderation
from content.models import NEWS, PAGE, Status, TagName
from methods.models import CostLevel, EvidenceRating
from research.models import PublicationType, StudyDesign
from stats.models import AreaType, Gender, Indicator, Observation, ValueStatus
from tests.db import shared_rows
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    RegionFactory,
    ResearchSummaryFactory,
    UserFactory,
)


@dataclass
class Bank:
    method: object
    other_method: object
    publication: object
    summary: object
    case_study: object
    news: object
    page: object
    swedish_only: object
    hidden: list  # drafts, in review, scheduled: never in any answer
    west: object
    south: object
    lerum: object
    partille: object
    alvesta: object


def build_bank() -> Bank:
    west = RegionFactory(code="14", name="Västra Götalands län")
    south = RegionFactory(code="07", name="Kronobergs län")
    lerum = MunicipalityFactory(code="1441", name="Lerum", region=west)
    partille = MunicipalityFactory(code="1402", name="Partille", region=west)
    alvesta = MunicipalityFactory(code="0764", name="Alvesta", region=south)

    method = MethodFactory(
        slug="mentorskap",
        title_sv="Mentorskap för elever i riskzon",
        title_en="Mentoring for students at risk",
        summary_sv="Vuxna mentorer följer eleven.",
        summary_en="Adult mentors follow the student.",
        body_sv="Mentorn träffar eleven **varje vecka**.",
        body_en="The mentor meets the student **every week**.",
        target_group_sv="Elever med hög frånvaro",
        target_group_en="Students with high absence",
        terms={
            "target_group": ["hog-franvaro", "elever-i-riskzon"],
            "prevention_level": ["forebyggande"],
            "scope": ["individ"],
            "phase": ["under-gymnasiet"],
            "intervention_type": ["mentorskap"],
        },
        scientific_basis=EvidenceRating.MODERATE,
        proven_experience=EvidenceRating.HIGH,
        cost_level=CostLevel.MODERATE,
        cost_sv="En halv tjänst per skola.",
        startup_time_sv="En termin.",
        startup_time_en="One term.",
        contact_name="Anna Andersson",
        contact_email="anna@example.se",
        tags=["mentorskap", "frånvaro"],
    )
    method.regions.add(west)
    method.municipalities.add(lerum)
    other_method = MethodFactory(
        slug="studiestod",
        title_sv="Studiestöd",
        title_en="Academic support",
        terms={"intervention_type": ["studiestod"], "scope": ["grupp"]},
        last_reviewed_at=date(2021, 5, 1),
        published_at=timezone.now() - timedelta(days=400),
        tags=["frånvaro"],
    )
    other_method.regions.add(south)
    publication = PublicationFactory(
        slug="avhopp-rapport",
        title_sv="Avhopp från gymnasiet",
        title_en="Dropping out of upper secondary school",
        authors=[{"family": "Möllås", "given": "Gunilla"}, {"literal": "Skolverket"}],
        year=2009,
        publisher="Skolverket",
        place="Stockholm",
        publication_type=PublicationType.REPORT,
        url="https://example.se/rapport",
        pdf_url="https://example.se/rapport.pdf",
        doi="10.1234/avhopp.2009",
        language="sv",
        open_access=True,
        abstract_sv="Varför elever hoppar av.",
        study_design=StudyDesign.QUALITATIVE,
        tags=["mentorskap"],
    )
    summary = ResearchSummaryFactory(slug="vad-fungerar", title_sv="Vad fungerar?")
    case_study = CaseStudyFactory(
        slug="plug-in-lerum",
        title_sv="Plug In Lerum",
        title_en="Plug In Lerum",
        municipality=lerum,
        period="2015–2018",
        first_year=2015,
        last_year=2018,
        results_sv="Färre avhopp.",
        results_en="Fewer dropouts.",
    )
    news = ArticleFactory(
        kind=NEWS,
        slug="nyhet",
        title_sv="En nyhet",
        title_en="A piece of news",
        dated_on=date(2022, 10, 28),
    )
    page = ArticleFactory(kind=PAGE, slug="om-plug-in", title_sv="Om Plug In", title_en="About")
    swedish_only = ArticleFactory(
        kind=NEWS,
        slug="bara-svenska",
        title_sv="Bara på svenska",
        title_en="",
        summary_sv="Ingen översättning.",
        summary_en="",
        body_sv="Text.",
        body_en="",
        published_at=timezone.now() - timedelta(days=3),
    )

    draft = MethodFactory(
        slug="hemlig-metod",
        title_sv="Hemlig metod",
        status=Status.DRAFT,
        published_at=None,
        tags=["utkast-tagg"],
    )
    draft.municipalities.add(lerum)
    in_review = PublicationFactory(
        slug="granskas", title_sv="Granskas", status=Status.REVIEW, published_at=None
    )
    scheduled = CaseStudyFactory(
        slug="kommer-snart",
        title_sv="Kommer snart",
        municipality=lerum,
        published_at=timezone.now() + timedelta(days=30),
    )
    hidden_news = ArticleFactory(
        kind=NEWS, slug="opublicerad-nyhet", status=Status.DRAFT, published_at=None
    )

    for other in (publication, summary, case_study, news, draft, in_review, scheduled):
        method.related_articles.add(other)
    case_study.related_articles.add(other_method)
    summary.publications.add(publication, in_review)
    method.scientific_basis_sources.add(publication, in_review)

    TagName.objects.create(tag=Tag.objects.get(slug="mentorskap"), name="mentoring")

    user = UserFactory()
    approved = Moderation.APPROVED
    MethodUse.objects.create(
        user=user, method=method, municipality=partille, start_year=2019, moderation=approved
    )
    # Not yet approved by an editor: shown nowhere.
    MethodUse.objects.create(user=user, method=method, municipality=alvesta, start_year=2021)
    MethodUse.objects.create(
        user=user, method=draft, municipality=lerum, start_year=2020, moderation=approved
    )

    make_figures(lerum, partille)
    return Bank(
        method=method,
        other_method=other_method,
        publication=publication,
        summary=summary,
        case_study=case_study,
        news=news,
        page=page,
        swedish_only=swedish_only,
        hidden=[draft, in_review, scheduled, hidden_news],
        west=west,
        south=south,
        lerum=lerum,
        partille=partille,
        alvesta=alvesta,
    )


def make_figures(lerum, partille) -> None:
    """N17461 for Lerum and Partille, 2022–2023, all genders (Partille's boys of 2023
    suppressed), and the national N17464 for 2022."""
    diploma = Indicator.objects.create(
        kpi="N17461",
        title_sv="Gymnasieelever med examen inom 4 år, hemkommun, andel (%)",
        title_en="Upper secondary students with a diploma within 4 years",
        short_title_sv="Examen inom 4 år",
        short_title_en="Diploma within 4 years",
        definition_sv="Andel elever med examen inom 4 år.",
        definition_en="The share of students with a diploma within 4 years.",
        source="SCB",
        sort_order=1,
    )
    national = Indicator.objects.create(
        kpi="N17464",
        title_sv="Examen inom 4 år, skolkommun",
        title_en="Diploma within 4 years, school municipality",
        short_title_sv="Examen (riket)",
        short_title_en="Diploma (Sweden)",
        definition_sv="Riket.",
        definition_en="Sweden.",
        source="SCB",
        reference_only=True,
        sort_order=9,
    )
    diploma.national_reference = national
    diploma.save()
    rows = []
    for municipality, base in ((lerum, 78.0), (partille, 70.0)):
        for year in (2022, 2023):
            for offset, gender in enumerate(Gender.values):
                suppressed = municipality is partille and year == 2023 and gender == Gender.BOYS
                rows.append(
                    Observation(
                        indicator=diploma,
                        area_type=AreaType.MUNICIPALITY,
                        municipality=municipality,
                        year=year,
                        gender=gender,
                        value=None if suppressed else base + year - 2022 + offset / 10,
                        status=ValueStatus.SUPPRESSED if suppressed else "",
                    )
                )
    rows.append(
        Observation(
            indicator=national,
            area_type=AreaType.NATION,
            year=2022,
            gender=Gender.TOTAL,
            value=71.3,
        )
    )
    Observation.objects.bulk_create(rows)


@pytest.fixture(scope="module")
def bank(django_db_setup, django_db_blocker):
    yield from shared_rows(django_db_blocker, build_bank)


@pytest.fixture(autouse=True)
def _generous_limit(settings):
    """The limit tests set their own; the others must never meet it."""
    settings.API_RATE_LIMIT = 1_000_000


def fetch(client, url: str, **headers):
    """(response, its JSON) of a GET."""
    response = client.get(url, headers=headers)
    return response, response.json()
