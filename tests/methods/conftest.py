"""A small method bank whose every structured field is known, for the finder's tests."""

import pytest
from django.utils import timezone

from content.models import Status
from methods.models import CostLevel, EvidenceRating
from tests.db import shared_rows
from tests.factories import MethodFactory


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request reaches the view: the anonymous page cache would hide changes."""
    settings.PAGE_CACHE_SECONDS = 0


def days_ago(days: int):
    return timezone.now() - timezone.timedelta(days=days)


def _bank() -> dict:
    methods = {
        "coach": MethodFactory(
            slug="narvarocoach",
            title_sv="Närvarocoach",
            title_en="Attendance coach",
            summary_sv="En coach följer upp elevernas närvaro.",
            summary_en="A coach follows up the students' attendance.",
            published_at=days_ago(3),
            scientific_basis=EvidenceRating.HIGH,
            proven_experience=EvidenceRating.MODERATE,
            cost_level=CostLevel.LOW,
            terms={
                "target_group": ["hog-franvaro", "elever-i-riskzon"],
                "intervention_type": ["franvaro"],
                "phase": ["under-gymnasiet"],
                "prevention_level": ["forebyggande"],
                "scope": ["individ"],
                "organiser": ["skola"],
            },
        ),
        "mentoring": MethodFactory(
            slug="mentorskap-i-gymnasiet",
            title_sv="Mentorskap i gymnasiet",
            title_en="Mentoring in upper secondary school",
            summary_sv="Mentorer träffar eleverna varje vecka.",
            summary_en="Mentors meet the students every week.",
            published_at=days_ago(2),
            scientific_basis=EvidenceRating.MODERATE,
            proven_experience=EvidenceRating.HIGH,
            cost_level=CostLevel.MODERATE,
            terms={
                "target_group": ["elever-i-riskzon"],
                "intervention_type": ["mentorskap"],
                "phase": ["under-gymnasiet"],
                "prevention_level": ["forebyggande"],
                "scope": ["individ", "grupp"],
                "organiser": ["skola", "kommun"],
            },
        ),
        "handover": MethodFactory(
            slug="overlamning",
            title_sv="Överlämning mellan skolor",
            title_en="Handover between schools",
            summary_sv="Grundskolan lämnar över till gymnasiet.",
            summary_en="Compulsory school hands over to upper secondary school.",
            published_at=days_ago(1),
            scientific_basis=EvidenceRating.LOW,
            proven_experience=EvidenceRating.LOW,
            cost_level=CostLevel.HIGH,
            terms={
                "target_group": ["arskurs-8-9"],
                "intervention_type": ["overgangar"],
                "phase": ["overgang"],
                "prevention_level": ["framjande"],
                "scope": ["organisation"],
                "organiser": ["kommun", "skola"],
            },
        ),
        "outreach": MethodFactory(
            slug="uppsokande-team",
            title_sv="Uppsökande team",
            title_en="Outreach team",
            summary_sv="Ett team söker upp unga som lämnat skolan.",
            summary_en="A team seeks out young people who have left school.",
            published_at=days_ago(10),
            terms={
                "target_group": ["unga-som-lamnat-skolan"],
                "intervention_type": ["helhetsstod"],
                "phase": ["efter-avbrott"],
                "prevention_level": ["atgardande"],
                "scope": ["individ"],
                "organiser": ["kommun", "socialtjanst", "arbetsformedlingen"],
            },
        ),
    }
    # Never shown nor counted.
    MethodFactory(
        slug="utkast",
        title_sv="Utkast om frånvaro",
        status=Status.DRAFT,
        published_at=None,
        terms={"target_group": ["hog-franvaro"], "intervention_type": ["franvaro"]},
    )
    return methods


@pytest.fixture(scope="module")
def bank(django_db_setup, django_db_blocker):
    """Made once for the module: its tests only read it."""
    yield from shared_rows(django_db_blocker, _bank)
