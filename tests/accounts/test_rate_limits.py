"""Rate limits on everything that writes or e-mails: a refused request is a 429 in the visitor's
language, and nothing is saved or sent. The counts are shared (tests/infra/test_ratelimit.py
shows the store; tests/prod/test_production_stack.py two processes)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import caches

from accounts.models import MethodProposal, MethodUse, SavedSearch
from infra.ratelimit import Rate
from pluginnovation.models import ContactMessage
from tests.factories import MethodFactory, MunicipalityFactory

from .helpers import STRONG_PASSWORD, url

pytestmark = pytest.mark.django_db
User = get_user_model()

REFUSED = {
    "sv": "Du har gjort det här för många gånger på kort tid",
    "en": "You have done this too many times in a short while",
}


def allowed(action: str, per: str) -> int:
    from django.conf import settings

    return next(
        Rate.parse(text).count
        for text in settings.RATE_LIMITS[action]
        if Rate.parse(text).per == per
    )


def from_address(number: int) -> dict:
    return {"REMOTE_ADDR": f"198.51.100.{number}"}


def assert_refused(response, language="sv"):
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert REFUSED[language] in response.content.decode()


# Sign-up ----------------------------------------------------------------------------------


def sign_up(client, email, language="sv", **extra):
    return client.post(
        url("account_signup", language),
        {"email": email, "password1": STRONG_PASSWORD, "password2": STRONG_PASSWORD},
        **extra,
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_sign_ups_from_one_address_are_limited_and_a_refused_one_creates_nothing(client, language):
    for number in range(allowed("signup", "client")):
        assert sign_up(client, f"ny{number}@example.se", language).status_code == 302
        client.logout()
    users, mails = User.objects.count(), len(mail.outbox)
    assert_refused(sign_up(client, "en-till@example.se", language), language)
    assert (User.objects.count(), len(mail.outbox)) == (users, mails)


def test_sign_ups_for_one_address_are_limited_whoever_sends_them(client, member):
    """Mail-bombing an address through the sign-up form ("account already exists" mails)."""
    for number in range(allowed("signup", "target")):
        assert sign_up(client, member.email, **from_address(number)).status_code == 302
    mails = len(mail.outbox)
    assert_refused(sign_up(client, member.email.upper(), **from_address(99)))
    assert len(mail.outbox) == mails


# Password reset ----------------------------------------------------------------------------


def reset(client, email, **extra):
    return client.post(url("account_reset_password"), {"email": email}, **extra)


def test_password_resets_for_one_address_are_limited_whoever_asks(client, member):
    for number in range(allowed("password_reset", "target")):
        assert reset(client, member.email, **from_address(number)).status_code == 302
    assert len(mail.outbox) == allowed("password_reset", "target")
    assert_refused(reset(client, member.email, **from_address(99)))
    assert len(mail.outbox) == allowed("password_reset", "target")


def test_password_resets_from_one_address_are_limited(client):
    for number in range(allowed("password_reset", "client")):
        assert reset(client, f"nr{number}@example.se").status_code == 302
    assert_refused(reset(client, "one-more@example.se"))


def test_a_password_reset_for_an_address_without_an_account_mails_nobody(client):
    response = reset(client, "nobody@example.se")
    assert response.status_code == 302  # the same answer as for an account
    assert mail.outbox == []


def test_allauths_own_limits_are_counted_in_the_shared_store_not_in_a_workers_memory(
    client, member, settings
):
    """allauth allows 5 resets a minute per address: a worker's own memory (the default
    cache) going away, as another worker has none of it, must not allow more."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": ["1000/h/client"]}
    for number in range(5):
        assert reset(client, member.email, **from_address(number)).status_code == 302
        caches["default"].clear()
    assert reset(client, member.email, **from_address(9)).status_code == 429
    assert len(mail.outbox) == 5


# E-mail change -----------------------------------------------------------------------------


def test_adding_e_mail_addresses_is_limited_per_user(member_client, member):
    for number in range(allowed("email_change", "user")):
        response = member_client.post(
            url("account_email"), {"email": f"ny{number}@example.se", "action_add": ""}
        )
        assert response.status_code == 302
    addresses, mails = EmailAddress.objects.filter(user=member).count(), len(mail.outbox)
    response = member_client.post(
        url("account_email"), {"email": "en-till@example.se", "action_add": ""}
    )
    assert_refused(response)
    assert EmailAddress.objects.filter(user=member).count() == addresses
    assert len(mail.outbox) == mails


# The site's own forms ----------------------------------------------------------------------

CONTACT = {"name": "A", "email": "a@example.se", "subject": "Hej", "message": "Ett meddelande"}


@pytest.mark.parametrize(("path", "language"), [("/kontakt/", "sv"), ("/en/contact/", "en")])
def test_contact_messages_from_one_address_are_limited_and_the_text_is_kept_in_the_form(
    client, settings, path, language
):
    settings.CONTACT_EMAIL = "redaktionen@example.se"
    for _ in range(allowed("contact", "client")):
        assert client.post(path, CONTACT).status_code == 302
    response = client.post(path, {**CONTACT, "message": "Mitt långa meddelande"})
    assert_refused(response, language)
    assert "Mitt långa meddelande" in response.content.decode()  # nothing typed is lost
    assert ContactMessage.objects.count() == allowed("contact", "client")
    assert len(mail.outbox) == allowed("contact", "client")
    # Someone else may still write.
    assert client.post(path, CONTACT, **from_address(2)).status_code == 302


PROPOSAL = {"title": "Frukostklubben", "summary": "Frukost.", "body": "Varje morgon."}


def test_method_proposals_are_limited_per_user(member_client):
    for _ in range(allowed("method_proposal", "user")):
        assert member_client.post(url("accounts:propose_method"), PROPOSAL).status_code == 302
    assert_refused(member_client.post(url("accounts:propose_method"), PROPOSAL))
    assert MethodProposal.objects.count() == allowed("method_proposal", "user")


def test_saved_searches_are_limited_per_user(member_client, member):
    for number in range(allowed("saved_search", "user")):
        response = member_client.post(
            url("accounts:saved_search_new"), {"name": f"S{number}", "url": f"/sok/?q=ord{number}"}
        )
        assert response.status_code == 302
    response = member_client.post(
        url("accounts:saved_search_new"), {"name": "En till", "url": "/sok/?q=en-till"}
    )
    assert_refused(response)
    assert SavedSearch.objects.filter(user=member).count() == allowed("saved_search", "user")


def test_we_use_this_method_entries_are_limited_per_user(member_client, member, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "method_use": ["3/h/user"]}
    method = MethodFactory()
    municipalities = [MunicipalityFactory(code=f"14{n:02}", name=f"K{n}") for n in range(4)]
    for municipality in municipalities[:3]:
        response = member_client.post(
            url("accounts:method_use", slug=method.slug),
            {"municipality": municipality.pk, "start_year": 2020},
        )
        assert response.status_code == 302
    response = member_client.post(
        url("accounts:method_use", slug=method.slug),
        {"municipality": municipalities[3].pk, "start_year": 2020},
    )
    assert_refused(response)
    assert MethodUse.objects.filter(user=member).count() == 3


def test_one_users_limit_leaves_another_user_alone(client, member, other_member):
    client.force_login(member)
    for _ in range(allowed("method_proposal", "user")):
        client.post(url("accounts:propose_method"), PROPOSAL)
    client.force_login(other_member)
    assert client.post(url("accounts:propose_method"), PROPOSAL).status_code == 302
