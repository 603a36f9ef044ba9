"""Register, confirm, log in, change and reset the password, delete: through allauth's views."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.models import SavedArticle
from tests.factories import PASSWORD, ArticleFactory

from .factories import SavedArticleFactory, SavedSearchFactory, VerifiedUserFactory
from .helpers import STRONG_PASSWORD, link_in_last_mail, url

pytestmark = pytest.mark.django_db
User = get_user_model()


def register(client, email: str, language: str = "sv", password: str = STRONG_PASSWORD):
    return client.post(
        url("account_signup", language),
        {"email": email, "password1": password, "password2": password},
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_new_user_registers_confirms_by_the_mailed_link_and_logs_in(client, language):
    response = register(client, "anna@example.se", language)
    assert response.status_code == 302
    assert response["Location"] == url("account_email_verification_sent", language)
    assert len(mail.outbox) == 1
    user = User.objects.get(email="anna@example.se")
    assert not EmailAddress.objects.get(user=user).verified

    # Not confirmed yet: logging in sends the user back to "check your e-mail".
    response = client.post(
        url("account_login", language), {"login": "anna@example.se", "password": STRONG_PASSWORD}
    )
    assert response["Location"] == url("account_email_verification_sent", language)

    confirm = link_in_last_mail(r"/confirm-email/")
    page = client.get(confirm)
    assert page.status_code == 200  # a GET only asks: a link checker cannot confirm
    assert not EmailAddress.objects.get(user=user).verified
    response = client.post(confirm)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post(
        url("account_login", language), {"login": "anna@example.se", "password": STRONG_PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == url("accounts:dashboard", language)
    assert client.get(url("accounts:dashboard", language)).status_code == 200


def test_the_confirmation_mail_is_in_the_language_of_the_registration(client):
    register(client, "bo@example.se", "sv")
    swedish_link = link_in_last_mail(r"/confirm-email/")
    swedish = mail.outbox[-1]
    register(client, "eva@example.se", "en")
    english_link = link_in_last_mail(r"/confirm-email/")
    english = mail.outbox[-1]
    assert not swedish_link.startswith("/en/")
    assert english_link.startswith("/en/")
    assert "Bekräfta" in swedish.subject
    assert "Confirm" in english.subject


def test_allauths_messages_use_the_sites_swedish_words(client, member):
    page = client.get(register(client, "bo@example.se")["Location"]).content.decode()
    assert "Ett mejl med en länk för att bekräfta adressen har skickats till bo@example.se" in page
    assert "Verifierings-mail" not in page
    wrong = client.post(url("account_login"), {"login": member.email, "password": "fel-losenord"})
    assert wrong.context["form"].non_field_errors() == [
        "E-postadressen eller lösenordet stämmer inte."
    ]


def test_logging_in_before_confirming_explains_and_sends_a_new_link(client, settings):
    settings.ACCOUNT_EMAIL_CONFIRMATION_COOLDOWN = 0  # the few minutes between two links
    register(client, "anna@example.se")
    response = client.post(
        url("account_login"), {"login": "anna@example.se", "password": STRONG_PASSWORD}
    )
    assert len(mail.outbox) == 2  # the link again
    page = client.get(response["Location"]).content.decode()
    assert "Du kan inte logga in innan adressen är bekräftad" in page


def test_registration_refuses_a_weak_password(client):
    response = register(client, "anna@example.se", password="12345678")
    assert response.status_code == 200
    assert "password1" in response.context["form"].errors
    assert not User.objects.filter(email="anna@example.se").exists()


def test_registering_a_taken_address_looks_the_same_as_a_new_one(client, member):
    """No enumeration: the form does not say that the address has an account."""
    response = register(client, member.email.upper())
    assert response.status_code == 302
    assert response["Location"] == url("account_email_verification_sent")
    assert User.objects.filter(email__iexact=member.email).count() == 1


def test_a_wrong_password_and_an_unknown_address_give_the_same_error(client, member):
    wrong = client.post(url("account_login"), {"login": member.email, "password": "fel-losenord"})
    unknown = client.post(
        url("account_login"), {"login": "nobody@example.se", "password": "fel-losenord"}
    )
    assert wrong.status_code == unknown.status_code == 200
    assert wrong.context["form"].errors == unknown.context["form"].errors


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_forgotten_password_is_reset_through_the_mailed_link(client, member, language):
    response = client.post(url("account_reset_password", language), {"email": member.email})
    assert response["Location"] == url("account_reset_password_done", language)
    key_link = link_in_last_mail(r"/password/reset/key/")
    response = client.get(key_link)
    assert response.status_code == 302  # allauth moves the key out of the address
    set_password = response["Location"]
    response = client.post(
        set_password, {"password1": "Nytt-langt-losen-2026", "password2": "Nytt-langt-losen-2026"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Nytt-langt-losen-2026")
    assert not member.check_password(PASSWORD)
    # The link works once.
    assert client.get(key_link).context["token_fail"] is True


def test_a_reset_for_an_unknown_address_looks_like_any_other(client):
    response = client.post(url("account_reset_password"), {"email": "nobody@example.se"})
    assert response.status_code == 302
    assert response["Location"] == url("account_reset_password_done")


def test_a_logged_in_user_changes_their_password(member_client, member):
    response = member_client.post(
        url("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "Annat-langt-losen-77",
            "password2": "Annat-langt-losen-77",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("Annat-langt-losen-77")


def test_logging_out_takes_a_post(member_client):
    response = member_client.post(url("account_logout"))
    assert response.status_code == 302
    assert member_client.get(url("accounts:dashboard")).status_code == 302


@pytest.mark.parametrize("language", ["sv", "en"])
def test_deleting_the_account_needs_the_password_and_removes_the_data(client, language):
    user = VerifiedUserFactory()
    client.force_login(user)
    SavedArticleFactory(user=user)
    SavedSearchFactory(user=user)
    kept = ArticleFactory(author=user)

    response = client.post(
        url("accounts:delete_account", language), {"password": "wrong", "confirm": "on"}
    )
    assert response.status_code == 200
    assert User.objects.filter(pk=user.pk).exists()

    response = client.post(
        url("accounts:delete_account", language), {"password": PASSWORD, "confirm": "on"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not SavedArticle.objects.exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    kept.refresh_from_db()
    assert kept.author is None
    assert client.get(url("accounts:dashboard", language)).status_code == 302


def test_the_login_page_links_to_registration_and_forgotten_password(client):
    page = client.get(url("account_login")).content.decode()
    assert url("account_signup") in page
    assert page.count(f'href="{url("account_reset_password")}"') == 1
    assert "Glömt lösenordet?" in page


def test_the_signup_page_states_the_password_rules_once(client):
    page = client.get(url("account_signup")).content.decode()
    assert page.count("minst 10 tecken") == 1
