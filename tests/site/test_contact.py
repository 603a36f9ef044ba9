"""The contact form: stored before it is e-mailed, bots dropped, errors next to their fields."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from pluginnovation.models import ContactMessage

from .html import page, text

VALID = {
    "name": "Anna Andersson",
    "email": "anna@example.se",
    "organisation": "Partille kommun",
    "subject": "En fråga om metoderna",
    "message": "Hur kom ni igång med det utökade mentorskapet?",
    "website": "",
}


class FailingBackend(BaseEmailBackend):
    """A mail server that is down, and says so in its own way (not an OSError)."""

    def send_messages(self, email_messages):
        raise RuntimeError("the mail server is down")


@pytest.fixture
def mail_to_editors(settings):
    settings.CONTACT_EMAIL = "redaktionen@example.se"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.mark.django_db
@pytest.mark.parametrize("path, language", [("/kontakt/", "sv"), ("/en/contact/", "en")])
def test_a_message_is_stored_e_mailed_and_thanked_for(client, mail_to_editors, path, language):
    response = client.post(path, VALID, follow=True)
    assert response.redirect_chain == [(path, 302)]
    stored = ContactMessage.objects.get()
    assert stored.subject == VALID["subject"] and stored.language == language
    assert stored.emailed_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktionen@example.se"]
    assert VALID["message"] in mail.outbox[0].body
    thanks = "Tack! Ditt meddelande har skickats." if language == "sv" else "Thank you!"
    assert thanks in text(response)


@pytest.mark.django_db
def test_a_failing_mail_server_still_leaves_the_message_stored_and_thanks_the_sender(
    client, settings
):
    settings.CONTACT_EMAIL = "redaktionen@example.se"
    settings.EMAIL_BACKEND = f"{__name__}.FailingBackend"
    response = client.post("/kontakt/", VALID, follow=True)
    assert response.status_code == 200
    assert "Tack! Ditt meddelande har skickats." in text(response)
    stored = ContactMessage.objects.get()
    assert stored.message == VALID["message"]
    assert stored.emailed_at is None  # so the editors can see which ones never went out


@pytest.mark.django_db
def test_the_message_is_in_the_database_before_the_mail_is_sent(client, settings, monkeypatch):
    settings.CONTACT_EMAIL = "redaktionen@example.se"
    seen = []

    def send_mail(*args, **kwargs):
        seen.append(ContactMessage.objects.filter(subject=VALID["subject"]).exists())
        return 1

    monkeypatch.setattr("accounts.notify.send_mail", send_mail)
    client.post("/kontakt/", VALID)
    assert seen == [True]


@pytest.mark.django_db
def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored_or_sent(
    client, mail_to_editors
):
    response = client.post("/kontakt/", {**VALID, "website": "http://spam.example"}, follow=True)
    assert "Tack! Ditt meddelande har skickats." in text(response)
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


@pytest.mark.django_db
def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client):
    parsed = page(client.get("/kontakt/"))
    trap = parsed.find("input", name="website")
    assert trap.get("tabindex") == "-1" and trap.get("autocomplete") == "off"
    assert parsed.find("div", **{"class": "honeypot"}).get("aria-hidden") == "true"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/kontakt/", "/en/contact/"])
def test_errors_are_shown_next_to_their_fields_and_announced(client, path):
    response = client.post(path, {**VALID, "email": "inte-en-adress", "name": ""})
    assert response.status_code == 200
    assert not ContactMessage.objects.exists()
    parsed = page(response)
    for name in ("name", "email"):
        field = parsed.find(id=f"id_{name}")
        assert field.get("aria-invalid") == "true"
        error = parsed.by_id(f"id_{name}_error")
        assert error.get("id") in field.get("aria-describedby").split()
        assert error.text.strip()
    assert parsed.find(id="id_subject").get("aria-invalid") is None
    assert parsed.find("p", role="alert")
    # The visitor's text is kept, so nothing has to be typed again.
    assert parsed.find(id="id_message").text.strip() == VALID["message"]


@pytest.mark.django_db
def test_every_field_of_the_contact_form_has_a_label(client):
    parsed = page(client.get("/en/contact/"))
    labelled = {label.get("for") for label in parsed.find_all("label")}
    for field in parsed.find_all("input") + parsed.find_all("textarea"):
        if field.get("type") in {"hidden", "submit"} or field.get("role") == "search":
            continue
        assert field.get("id") in labelled, field.attrs
    assert breadcrumbs_present(parsed, "You are here")


def breadcrumbs_present(parsed, label: str) -> bool:
    return any(nav.get("aria-label") == label for nav in parsed.find_all("nav"))


@pytest.mark.django_db
def test_the_contact_form_requires_a_csrf_token(settings):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/kontakt/", VALID).status_code == 403
    assert not ContactMessage.objects.exists()
    form_page = strict.get("/kontakt/")
    token = page(form_page).find("input", name="csrfmiddlewaretoken").get("value")
    response = strict.post("/kontakt/", {**VALID, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 1
