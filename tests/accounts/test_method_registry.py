"""'Vi använder metoden': municipalities that use a method, listed on the method's page."""

import pytest
from django.utils import timezone

from accounts.models import MethodUse, Moderation
from content.models import Status
from tests.factories import MethodFactory, MunicipalityFactory, RegionFactory

from .factories import MethodUseFactory, ProfileFactory
from .helpers import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_user_says_their_municipality_uses_a_method(member_client, member, language):
    method = MethodFactory()
    partille = MunicipalityFactory()
    ProfileFactory(user=member, municipality=partille)

    form_page = member_client.get(url("accounts:method_use", language, slug=method.slug))
    assert form_page.context["form"].initial["municipality"] == partille

    response = member_client.post(
        url("accounts:method_use", language, slug=method.slug),
        {"municipality": partille.pk, "start_year": 2019},
    )
    assert response.status_code == 302
    use = MethodUse.objects.get()
    assert (use.user, use.method_id, use.municipality, use.start_year) == (
        member,
        method.pk,
        partille,
        2019,
    )

    # Public once an editor has approved it.
    page = member_client.get(url("methods:detail", language, slug=method.slug)).content.decode()
    assert "Partille" not in page
    use.moderation = Moderation.APPROVED
    use.save()
    page = member_client.get(url("methods:detail", language, slug=method.slug)).content.decode()
    assert "Partille" in page
    assert "2019" in page


def test_the_contact_is_shown_only_when_the_user_allows_it(client):
    method = MethodFactory()
    hidden = MethodUseFactory(method=method, user__email="dold@example.se")
    shown = MethodUseFactory(
        method=method,
        municipality=MunicipalityFactory(code="1480", name="Göteborg", region=RegionFactory()),
        show_contact=True,
        user__email="synlig@example.se",
        user__first_name="Sara",
        user__last_name="Lind",
    )
    page = client.get(method.get_absolute_url()).content.decode()
    assert "Partille" in page and "Göteborg" in page
    assert shown.user.email in page
    assert "Sara Lind" in page
    assert hidden.user.email not in page


def test_a_start_year_in_the_future_is_refused(member_client):
    method = MethodFactory()
    response = member_client.post(
        url("accounts:method_use", slug=method.slug),
        {"municipality": MunicipalityFactory().pk, "start_year": timezone.now().year + 1},
    )
    assert response.status_code == 200
    assert "start_year" in response.context["form"].errors
    assert not MethodUse.objects.exists()


def test_the_same_municipality_twice_is_a_clear_error(member_client, member):
    use = MethodUseFactory(user=member)
    response = member_client.post(
        url("accounts:method_use", slug=use.method.slug),
        {"municipality": use.municipality.pk, "start_year": 2021},
    )
    assert response.status_code == 200
    assert "municipality" in response.context["form"].errors
    assert MethodUse.objects.count() == 1


def test_an_unpublished_method_has_no_registry_form(member_client):
    draft = MethodFactory(status=Status.REVIEW, published_at=None)
    assert member_client.get(url("accounts:method_use", slug=draft.slug)).status_code == 404


def test_a_user_removes_their_entry(member_client, member):
    use = MethodUseFactory(user=member)
    response = member_client.post(url("accounts:method_use_delete", pk=use.pk))
    assert response.status_code == 302
    assert not MethodUse.objects.exists()


def test_anonymous_visitors_are_invited_to_log_in_on_the_method_page(client):
    method = MethodFactory()
    page = client.get(method.get_absolute_url()).content.decode()
    assert url("accounts:method_use", slug=method.slug) not in page
    assert url("account_login") in page


@pytest.fixture
def cached_pages(settings):
    settings.PAGE_CACHE_SECONDS = 300  # as served: anonymous pages are cached


@pytest.mark.usefixtures("cached_pages")
def test_a_contact_who_deletes_their_account_leaves_the_cached_method_page(client, member):
    method = MethodFactory()
    MethodUseFactory(method=method, user=member, show_contact=True)
    assert member.email in client.get(method.get_absolute_url()).content.decode()
    member.delete()
    assert member.email not in client.get(method.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("cached_pages")
def test_a_new_municipality_using_a_method_shows_at_once(client, member):
    method, partille = MethodFactory(), MunicipalityFactory(name="Partille")
    assert "Partille" not in client.get(method.get_absolute_url()).content.decode()
    MethodUseFactory(method=method, user=member, municipality=partille)
    assert "Partille" in client.get(method.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("cached_pages")
def test_a_contacts_new_name_shows_at_once(client, member):
    method = MethodFactory()
    MethodUseFactory(method=method, user=member, show_contact=True)
    client.get(method.get_absolute_url())
    member.first_name, member.last_name = "Nytt", "Namn"
    member.save()
    assert "Nytt Namn" in client.get(method.get_absolute_url()).content.decode()
