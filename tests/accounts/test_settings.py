"""Inställningar: name, organisation, role, municipality, language, e-mail preferences."""

import pytest
from django.utils import translation

from accounts.models import Profile, Role
from stats.indicators import load_indicators
from stats.models import AreaType, Gender, Indicator, Observation
from tests.factories import PASSWORD, MethodFactory, MunicipalityFactory

from .factories import ProfileFactory
from .helpers import url

pytestmark = pytest.mark.django_db


def settings_data(**changes):
    data = {
        "name-first_name": "Sara",
        "name-last_name": "Lind",
        "profile-organisation": "Partille kommun",
        "profile-role": Role.COUNSELLOR,
        "profile-municipality": "",
        "profile-language": "",
        "profile-search_alerts": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_a_user_saves_their_settings(member_client, member):
    partille = MunicipalityFactory()
    response = member_client.post(
        url("accounts:settings"), settings_data(**{"profile-municipality": partille.pk})
    )
    assert response.status_code == 302
    member.refresh_from_db()
    profile = Profile.objects.get(user=member)
    assert (member.first_name, member.last_name) == ("Sara", "Lind")
    assert (profile.organisation, profile.role, profile.municipality) == (
        "Partille kommun",
        Role.COUNSELLOR,
        partille,
    )
    assert profile.search_alerts


def test_roles_have_labels_in_both_languages(member_client):
    swedish = member_client.get(url("accounts:settings", "sv")).content.decode()
    english = member_client.get(url("accounts:settings", "en")).content.decode()
    assert "Studie- och yrkesvägledare" in swedish and "Lärare" in swedish
    assert "Study and careers counsellor" in english and "Teacher" in english


def test_an_unknown_role_is_refused_next_to_the_field(member_client):
    response = member_client.post(
        url("accounts:settings"), settings_data(**{"profile-role": "kung"})
    )
    assert response.status_code == 200
    assert "role" in response.context["profile_form"].errors


def test_choosing_english_opens_the_settings_page_in_english(member_client):
    response = member_client.post(
        url("accounts:settings"), settings_data(**{"profile-language": "en"})
    )
    assert response["Location"] == url("accounts:settings", "en")


@pytest.mark.parametrize(("preferred", "language"), [("en", "sv"), ("sv", "en")])
def test_logging_in_opens_the_page_in_the_preferred_language(client, member, preferred, language):
    ProfileFactory(user=member, language=preferred)
    method = MethodFactory()
    response = client.post(
        url("account_login", language),
        {
            "login": member.email,
            "password": PASSWORD,
            "next": url("methods:detail", language, slug=method.slug),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == url("methods:detail", preferred, slug=method.slug)
    cookie = response.cookies["django_language"]
    assert cookie.value == preferred
    # Set as every other language cookie (README: HttpOnly, SameSite=Lax, Secure off DEBUG).
    assert (cookie["httponly"], cookie["samesite"], cookie["secure"]) == (True, "Lax", True)


def test_without_a_preferred_language_login_stays_in_the_language_of_the_page(client, member):
    response = client.post(
        url("account_login", "en"), {"login": member.email, "password": PASSWORD}
    )
    assert response["Location"] == url("accounts:dashboard", "en")


def test_my_pages_show_the_municipality_at_a_glance_with_a_link_to_its_statistics(
    member_client, member
):
    load_indicators()
    partille = MunicipalityFactory()
    ProfileFactory(user=member, municipality=partille)
    indicator = Indicator.objects.listed().order_by("sort_order").first()
    for year, value in [(2023, 61.0), (2024, 67.24)]:
        Observation.objects.create(
            indicator=indicator,
            area_type=AreaType.MUNICIPALITY,
            municipality=partille,
            year=year,
            gender=Gender.TOTAL,
            value=value,
        )
    for language in ("sv", "en"):
        response = member_client.get(url("accounts:dashboard", language))
        page = response.content.decode()
        assert url("stats:municipality", language, code="1402") in page
        with translation.override(language):
            assert indicator.short_title in page
        assert "2024" in page
        assert ("67,2" if language == "sv" else "67.2") in page
        assert "2023" not in page
    assert "Källa: Kolada" in member_client.get(url("accounts:dashboard")).content.decode()


def test_my_pages_without_a_municipality_invite_the_user_to_choose_one(member_client):
    page = member_client.get(url("accounts:dashboard")).content.decode()
    assert "Du har inte valt någon kommun." in page
    assert url("accounts:settings") in page
