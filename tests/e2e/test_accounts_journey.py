"""From registration to the first saved article, in a real browser."""

import re

import pytest
from django.core import mail

from tests.factories import MethodFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Lila-kaffekopp-1987"


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_a_visitor_registers_confirms_logs_in_and_saves_an_article(live_server, page):
    method = MethodFactory(title_sv="Utökat mentorskap", title_en="Extended mentoring")
    article_url = f"{live_server.url}{method.get_absolute_url()}"

    page.goto(article_url)
    page.get_by_role("link", name="Logga in för att spara").click()
    page.get_by_role("link", name="Skapa konto").click()
    page.fill('input[name="email"]', "anna@example.se")
    page.fill('input[name="password1"]', PASSWORD)
    page.fill('input[name="password2"]', PASSWORD)
    page.get_by_role("button", name="Skapa konto").click()
    page.get_by_role("heading", name="Bekräfta din e-postadress").wait_for()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/confirm-email/\S+", mail.outbox[0].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", live_server.url, link))
    page.get_by_role("button", name="Bekräfta").click()

    page.get_by_role("heading", name="Logga in").wait_for()
    page.fill('input[name="login"]', "anna@example.se")
    page.fill('input[name="password"]', PASSWORD)
    page.get_by_role("button", name="Logga in").click()
    page.get_by_role("heading", name="Mina sidor", exact=True).wait_for()

    page.goto(article_url)
    page.get_by_role("button", name=re.compile(r"^Spara")).click()
    page.get_by_text("Artikeln har sparats på Mina sidor.").wait_for()
    assert page.get_by_role("button", name=re.compile(r"^Sparad – ta bort")).is_visible()

    page.get_by_role("link", name="Mina sidor").first.click()
    saved = page.get_by_role("region", name="Sparade artiklar")
    assert saved.get_by_role("link", name="Utökat mentorskap").is_visible()
